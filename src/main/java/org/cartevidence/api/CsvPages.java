package org.cartevidence.api;

import jakarta.ws.rs.container.ContainerResponseContext;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Answers a page of a list as CSV when the client asked for {@code text/csv} (or {@code format=csv}): the items of the
 * page, one row each, with the columns of their JSON form. Paging travels in the Link header as for JSON. Done as a
 * response filter, not a message body writer, because Quarkus REST fixes the writers of a method returning a generic
 * {@code RestResponse} at build time.
 */
public class CsvPages {

    @ServerResponseFilter
    public void asCsv(ContainerResponseContext response) {
        if (!(response.getEntity() instanceof PageResponse<?> page) || response.getMediaType() == null
                || !response.getMediaType().isCompatible(Csv.TYPE)) {
            return;
        }
        Class<? extends Record> itemType = itemType(response.getEntityType());
        if (itemType == null && !page.items().isEmpty() && page.items().get(0) instanceof Record first) {
            itemType = first.getClass();
        }
        if (itemType == null) {
            throw new IllegalStateException("the items of this page have no known record type");
        }
        StringBuilder csv = new StringBuilder();
        write(itemType, page.items(), csv);
        response.setEntity(csv.toString(), response.getEntityAnnotations(), response.getMediaType());
    }

    @SuppressWarnings("unchecked")
    private static <R extends Record> void write(Class<R> type, List<?> items, StringBuilder out) {
        Csv.writeRecords(type, (List<R>) items, out);
    }

    /** The record type of the items, from {@code PageResponse<T>} (or {@code RestResponse<PageResponse<T>>}). */
    @SuppressWarnings("unchecked")
    private static Class<? extends Record> itemType(Type type) {
        if (type instanceof ParameterizedType p) {
            Type argument = p.getActualTypeArguments()[0];
            if (argument instanceof Class<?> c && c.isRecord()) {
                return (Class<? extends Record>) c;
            }
            return itemType(argument);
        }
        return null;
    }
}
