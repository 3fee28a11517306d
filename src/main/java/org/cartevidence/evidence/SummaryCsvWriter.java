package org.cartevidence.evidence;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.cartevidence.api.Csv;

/**
 * The evidence summary as one CSV table: a row for the totals (dimension {@code total}), then a row per value of
 * each dimension, in the order of the JSON answer.
 */
@Provider
@Produces(Csv.MEDIA_TYPE)
public class SummaryCsvWriter implements MessageBodyWriter<EvidenceSummary> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return EvidenceSummary.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(EvidenceSummary summary, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream entityStream) throws IOException {
        Writer out = new OutputStreamWriter(entityStream, StandardCharsets.UTF_8);
        CSVPrinter csv = Csv.printer(out, "dimension", "value", "studies", "cohorts", "patients", "includeSuperseded");
        csv.printRecord("total", "", summary.studies(), summary.cohorts(), summary.patients(),
                summary.includeSuperseded());
        rows(csv, "disease", summary.byDisease(), summary.includeSuperseded());
        rows(csv, "target", summary.byTarget(), summary.includeSuperseded());
        rows(csv, "cellSource", summary.byCellSource(), summary.includeSuperseded());
        rows(csv, "phase", summary.byPhase(), summary.includeSuperseded());
        rows(csv, "country", summary.byCountry(), summary.includeSuperseded());
        rows(csv, "publicationYear", summary.byPublicationYear(), summary.includeSuperseded());
        csv.flush();
    }

    private static void rows(CSVPrinter csv, String dimension, List<EvidenceSummary.Count> counts,
            boolean includeSuperseded) throws IOException {
        for (EvidenceSummary.Count count : counts) {
            csv.printRecord(dimension, count.value(), count.studies(), count.cohorts(), count.patients(),
                    includeSuperseded);
        }
    }
}
