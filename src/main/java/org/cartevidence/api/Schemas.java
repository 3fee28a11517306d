package org.cartevidence.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** Walking, reading and copying the schemas of a contract model, for the conventions filters. */
public final class Schemas {

    public static final String PREFIX = "#/components/schemas/";

    private Schemas() {
    }

    /** Every schema of the document, nested ones included, each once. */
    public static void each(OpenAPI openAPI, Consumer<Schema> visit) {
        Set<Schema> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Consumer<Schema> walk = new Consumer<>() {
            @Override
            public void accept(Schema schema) {
                if (schema == null || !seen.add(schema)) {
                    return;
                }
                visit.accept(schema);
                children(schema).forEach(this);
            }
        };
        roots(openAPI).forEach(walk);
    }

    /** The schemas a request body of the document refers to, by component name, with the ones they refer to. */
    public static Set<String> requestSchemas(OpenAPI openAPI) {
        List<Schema> bodies = new ArrayList<>();
        operations(openAPI).forEach(op -> {
            if (op.getRequestBody() != null) {
                bodies.addAll(contentSchemas(op.getRequestBody().getContent()));
            }
        });
        return referenced(openAPI, bodies);
    }

    /** The component names {@code roots} refer to, directly or through other components. */
    public static Set<String> referenced(OpenAPI openAPI, Collection<Schema> roots) {
        Map<String, Schema> components = components(openAPI);
        Set<String> names = new java.util.TreeSet<>();
        List<Schema> pending = new ArrayList<>(roots);
        while (!pending.isEmpty()) {
            Schema schema = pending.remove(pending.size() - 1);
            if (schema == null) {
                continue;
            }
            String name = name(schema);
            if (name != null && names.add(name) && components.containsKey(name)) {
                pending.add(components.get(name));
            }
            pending.addAll(children(schema));
        }
        return names;
    }

    /** The component name a schema refers to, or null. */
    public static String name(Schema schema) {
        String ref = schema.getRef();
        return ref != null && ref.startsWith(PREFIX) ? ref.substring(PREFIX.length()) : null;
    }

    public static Map<String, Schema> components(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        return components == null || components.getSchemas() == null ? Map.of() : components.getSchemas();
    }

    public static List<Operation> operations(OpenAPI openAPI) {
        List<Operation> all = new ArrayList<>();
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> all.addAll(item.getOperations().values()));
        }
        return all;
    }

    /** Puts the component schemas in name order, so that the generated contract is the same on every build. */
    public static void sort(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().setSchemas(new java.util.TreeMap<>(openAPI.getComponents().getSchemas()));
        }
    }

    /** A deep copy: changing it leaves the original as it was. */
    public static Schema copy(Schema schema) {
        if (schema.getBooleanSchema() != null) { // true or false, which getAll() does not hold
            return OASFactory.createSchema().booleanSchema(schema.getBooleanSchema());
        }
        Schema copy = OASFactory.createSchema();
        Map<String, Object> all = new LinkedHashMap<>();
        schema.getAll().forEach((key, value) -> all.put(key, copyValue(value)));
        copy.setAll(all);
        return copy;
    }

    private static Object copyValue(Object value) {
        if (value instanceof Schema schema) {
            return copy(schema);
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(Schemas::copyValue).toList());
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, copyValue(v)));
            return out;
        }
        return value;
    }

    private static List<Schema> children(Schema schema) {
        List<Schema> children = new ArrayList<>();
        if (schema.getProperties() != null) {
            children.addAll(schema.getProperties().values());
        }
        children.add(schema.getItems());
        children.add(schema.getNot());
        children.add(schema.getAdditionalPropertiesSchema());
        for (List<Schema> list : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf(),
                schema.getPrefixItems())) {
            if (list != null) {
                children.addAll(list);
            }
        }
        children.removeIf(java.util.Objects::isNull);
        return children;
    }

    private static List<Schema> roots(OpenAPI openAPI) {
        List<Schema> roots = new ArrayList<>(components(openAPI).values());
        Components components = openAPI.getComponents();
        if (components != null) {
            if (components.getResponses() != null) {
                components.getResponses().values().forEach(r -> roots.addAll(responseSchemas(r)));
            }
            if (components.getParameters() != null) {
                components.getParameters().values().forEach(p -> roots.addAll(parameterSchemas(p)));
            }
            if (components.getHeaders() != null) {
                components.getHeaders().values().forEach(h -> roots.addAll(headerSchemas(h)));
            }
            if (components.getRequestBodies() != null) {
                components.getRequestBodies().values().forEach(b -> roots.addAll(contentSchemas(b.getContent())));
            }
        }
        for (Operation op : operations(openAPI)) {
            if (op.getParameters() != null) {
                op.getParameters().forEach(p -> roots.addAll(parameterSchemas(p)));
            }
            RequestBody body = op.getRequestBody();
            if (body != null) {
                roots.addAll(contentSchemas(body.getContent()));
            }
            if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                op.getResponses().getAPIResponses().values().forEach(r -> roots.addAll(responseSchemas(r)));
            }
        }
        return roots;
    }

    private static List<Schema> responseSchemas(APIResponse response) {
        List<Schema> schemas = new ArrayList<>(contentSchemas(response.getContent()));
        if (response.getHeaders() != null) {
            response.getHeaders().values().forEach(h -> schemas.addAll(headerSchemas(h)));
        }
        return schemas;
    }

    private static List<Schema> parameterSchemas(Parameter parameter) {
        List<Schema> schemas = new ArrayList<>(contentSchemas(parameter.getContent()));
        schemas.add(parameter.getSchema());
        return schemas;
    }

    private static List<Schema> headerSchemas(Header header) {
        List<Schema> schemas = new ArrayList<>(contentSchemas(header.getContent()));
        schemas.add(header.getSchema());
        return schemas;
    }

    static List<Schema> contentSchemas(Content content) {
        List<Schema> schemas = new ArrayList<>();
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> schemas.add(m.getSchema()));
        }
        return schemas;
    }
}
