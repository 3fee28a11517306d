package org.cartevidence.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.PerformanceOptionsEnum;
import ca.uhn.fhir.parser.IParser;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's R5 context, made once. Building it scans the model classes (a second or more), so the bean is created on
 * the first FHIR request, not at startup: an application-scoped bean is made when first used. The context is made in
 * {@link #create()}, not in a field initializer, which the bean's client proxy (a subclass) would run a second time.
 */
@ApplicationScoped
public class Fhir {

    public static final String MEDIA_TYPE = "application/fhir+json";

    private FhirContext context;

    @PostConstruct
    void create() {
        context = FhirContext.forR5();
        // Each resource type's model is scanned when first written, not all of R5 at the first answer: an error
        // answered on the I/O thread (a 406, say) then scans OperationOutcome alone.
        context.setPerformanceOptions(PerformanceOptionsEnum.DEFERRED_MODEL_SCANNING);
    }

    /** The resource as FHIR JSON, by HAPI's parser (a parser is cheap and not thread-safe: one per body). */
    public String json(IBaseResource resource) {
        IParser parser = context.newJsonParser();
        parser.setPrettyPrint(false);
        return parser.encodeResourceToString(resource);
    }
}
