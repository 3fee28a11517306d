package org.cartevidence.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Which service and version answers. Constant and free of any database access: the benchmark's ceiling (what the
 * process answers at best), to which every other endpoint is compared.
 */
@Path("/api/v1/version")
@Tag(name = "Service", description = "About the service itself.")
public class VersionResource {

    /** The service's name, its build version and the API version. */
    @Schema(name = "ServiceVersion")
    public record ServiceVersion(@Schema(examples = "cart-evidence") String service,
            @Schema(examples = "1.0.0-SNAPSHOT") String version, @Schema(examples = "v1") String api) {
    }

    private final ServiceVersion answer;

    VersionResource(@ConfigProperty(name = "quarkus.application.name") String name,
            @ConfigProperty(name = "quarkus.application.version") String version) {
        this.answer = new ServiceVersion(name, version, "v1");
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getVersion", summary = "Name and version of the service",
            description = "A constant answer that touches no database: also the ceiling of the benchmark in bench/.")
    @APIResponse(responseCode = "200", description = "The service and its version.")
    public ServiceVersion version() {
        return answer;
    }
}
