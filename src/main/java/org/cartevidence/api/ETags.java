package org.cartevidence.api;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

/**
 * Entity tags come from a record's {@code version}: every change raises it by one, so a tag names one state.
 * Preconditions ({@code If-Match}, {@code If-None-Match}) are evaluated by the JAX-RS runtime against it.
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(VersionedEntity entity) {
        return of(entity.version);
    }

    private static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * A single-resource answer, or 304 when the client's {@code If-None-Match} already names this state, or 412 (as
     * problem details) when its {@code If-Match} does not.
     */
    public static Response read(Request request, VersionedEntity entity, Object body) {
        return read(request, entity.version, body);
    }

    /** {@link #read(Request, VersionedEntity, Object)} for a record known by its view and version. */
    public static Response read(Request request, long version, Object body) {
        EntityTag tag = of(version);
        Response.ResponseBuilder precondition = request.evaluatePreconditions(tag);
        if (precondition == null) {
            return Response.ok(body).tag(tag).build();
        }
        Response answer = precondition.tag(tag).build();
        if (answer.getStatus() == Response.Status.PRECONDITION_FAILED.getStatusCode()) {
            throw preconditionFailed(tag);
        }
        return answer;
    }

    /**
     * The precondition of a write, for the service to check on the stored state: refuses (412) when the request's
     * {@code If-Match} does not name it. Without one, any state goes.
     */
    public static Consumer<VersionedEntity> ifMatch(Request request) {
        return entity -> {
            if (request.evaluatePreconditions(of(entity)) != null) {
                throw preconditionFailed(of(entity));
            }
        };
    }

    private static ApiException preconditionFailed(EntityTag current) {
        return new ApiException(412, "precondition-failed", "Precondition failed",
                "If-Match does not match the current version " + current + "; read it again and retry", List.of());
    }

    public static Response written(VersionedEntity entity, Object body) {
        return Response.ok(body).tag(of(entity)).build();
    }

    public static Response created(URI location, VersionedEntity entity, Object body) {
        return Response.created(location).entity(body).tag(of(entity)).build();
    }
}
