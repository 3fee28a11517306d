package org.cartevidence.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Answers a kept answer (see {@link AnswerCache}) with the JSON written for it the first time, instead of
 * serializing the same objects again for every request that asks the same question. Other formats (CSV) and
 * answers that were computed for this request alone are written as usual.
 */
public class CachedJson {

    @Inject
    AnswerCache answers;

    @ServerResponseFilter
    public void asWrittenBefore(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (response.getEntity() == null || type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return;
        }
        byte[] json = answers.json(response.getEntity());
        if (json != null) {
            response.setEntity(json, response.getEntityAnnotations(), type);
        }
    }
}
