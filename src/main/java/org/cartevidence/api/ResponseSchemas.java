package org.cartevidence.api;

import jakarta.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.RecordComponentInfo;

/**
 * {@code required} on the schema of every answer: each field of its record but those marked {@link Nullable}, which
 * the API leaves out when they are null ({@code quarkus.jackson.serialization-inclusion=non_null}). So a record says
 * once, in Java, which of its fields a client must be ready to miss.
 */
final class ResponseSchemas {

    private static final DotName NULLABLE = DotName.createSimple(Nullable.class);

    private final SchemaNames names;

    ResponseSchemas(SchemaNames names) {
        this.names = names;
    }

    void apply(OpenAPI openAPI) {
        Set<String> inputs = Schemas.requestSchemas(openAPI);
        Schemas.components(openAPI).forEach((name, schema) -> {
            if (inputs.contains(name) || schema.getProperties() == null) {
                return;
            }
            ClassInfo type = names.classOf(name);
            if (type == null && schema.getRequired() != null) {
                return; // written by the conventions themselves with its required fields (FHIR's OperationOutcome)
            }
            if (type == null || !type.isRecord()) {
                throw new IllegalStateException("the answer schema " + name + " is not a record's");
            }
            List<String> required = new ArrayList<>();
            for (RecordComponentInfo component : type.recordComponents()) {
                if (!schema.getProperties().containsKey(component.name())) {
                    throw new IllegalStateException(name + " does not document " + component.name());
                }
                if (!component.hasDeclaredAnnotation(NULLABLE)) {
                    required.add(component.name());
                }
            }
            schema.setRequired(required);
        });
    }
}
