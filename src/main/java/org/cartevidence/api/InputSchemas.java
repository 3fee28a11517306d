package org.cartevidence.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;

/**
 * The request bodies of the contract as exact as the service reads them:
 * <ul>
 * <li>an input accepts the read-only fields of the record a PUT answers (it ignores them, so that a GET body can be
 * sent back), and nothing else: the service refuses unknown fields;</li>
 * <li>a merge patch ({@link JsonMergePatch}) of an input is that input with no field required and each optional
 * field nullable, since null removes it.</li>
 * </ul>
 */
final class InputSchemas {

    private static final DotName IGNORED = DotName.createSimple(JsonIgnoreProperties.class);

    private final SchemaNames names;

    InputSchemas(SchemaNames names) {
        this.names = names;
    }

    void apply(OpenAPI openAPI) {
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            Operation put = item.getOperations().get(PathItem.HttpMethod.PUT);
            if (put != null) {
                acceptReadOnly(Schemas.components(openAPI), put, path);
            }
        });
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            Operation patch = item.getOperations().get(PathItem.HttpMethod.PATCH);
            MediaType body = patch == null || patch.getRequestBody() == null ? null
                    : patch.getRequestBody().getContent().getMediaType(JsonMergePatch.MEDIA_TYPE);
            if (body != null && body.getSchema() != null && Schemas.name(body.getSchema()) != null) {
                body.setSchema(OASFactory.createSchema().ref(mergePatch(openAPI, Schemas.name(body.getSchema()))));
            }
        });
        Set<String> inputs = Schemas.requestSchemas(openAPI);
        inputs.forEach(name -> {
            Schema schema = Schemas.components(openAPI).get(name);
            if (schema != null && schema.getProperties() != null) {
                schema.setAdditionalPropertiesBoolean(false);
            }
        });
    }

    /** The fields the input of {@code put} ignores, as the record it answers documents them. */
    private void acceptReadOnly(Map<String, Schema> components, Operation put, String path) {
        MediaType in = put.getRequestBody() == null ? null
                : put.getRequestBody().getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
        APIResponse ok = put.getResponses().getAPIResponse("200");
        MediaType out = ok == null || ok.getContent() == null ? null
                : ok.getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
        if (in == null || out == null || Schemas.name(in.getSchema()) == null || Schemas.name(out.getSchema()) == null) {
            return;
        }
        Schema input = components.get(Schemas.name(in.getSchema()));
        Schema view = components.get(Schemas.name(out.getSchema()));
        ClassInfo type = names.classOf(Schemas.name(in.getSchema()));
        AnnotationInstance ignored = type == null ? null : type.declaredAnnotation(IGNORED);
        if (ignored == null || ignored.value() == null) {
            return;
        }
        for (String field : ignored.value().asStringArray()) {
            Schema documented = view.getProperties() == null ? null : view.getProperties().get(field);
            if (documented == null) {
                throw new IllegalStateException("PUT " + path + " ignores " + field + ", which its answer lacks");
            }
            if (!input.getProperties().containsKey(field)) {
                Schema copy = Schemas.copy(documented);
                copy.setReadOnly(true);
                copy.setDescription((copy.getDescription() == null ? "" : copy.getDescription() + " ")
                        + "Read-only: accepted and ignored, so that a GET body can be sent back.");
                input.addProperty(field, copy);
            }
        }
    }

    /** The merge patch of input {@code name}, added to the components once; its name. */
    private static String mergePatch(OpenAPI openAPI, String name) {
        Map<String, Schema> components = Schemas.components(openAPI);
        String patchName = (name.endsWith("Input") ? name.substring(0, name.length() - "Input".length()) : name)
                + "Patch";
        if (components.containsKey(patchName)) {
            return patchName;
        }
        Schema input = components.get(name);
        List<String> required = input.getRequired() == null ? List.of() : input.getRequired();
        Map<String, Schema> properties = new LinkedHashMap<>();
        input.getProperties().forEach((field, schema) -> properties.put(field,
                required.contains(field) ? Schemas.copy(schema) : nullable(Schemas.copy(schema))));
        Schema patch = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 7396 merge patch of " + name + ": the fields sent replace the stored ones, "
                        + "null removes an optional field; a required field can be changed but not removed. The "
                        + "result is validated as " + name + ".")
                .properties(properties);
        openAPI.getComponents().addSchema(patchName, patch);
        return patchName;
    }

    /** A schema that accepts what {@code schema} accepts, and null. */
    static Schema nullable(Schema schema) {
        if (schema.getRef() != null) {
            Schema either = OASFactory.createSchema().description(schema.getDescription());
            schema.setDescription(null);
            return either.anyOf(new ArrayList<>(List.of(schema,
                    OASFactory.createSchema().addType(Schema.SchemaType.NULL))));
        }
        if (schema.getType() != null && !schema.getType().contains(Schema.SchemaType.NULL)) {
            schema.addType(Schema.SchemaType.NULL);
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().contains(null)) {
            schema.addEnumeration(null);
        }
        return schema;
    }
}
