package org.cartevidence.api;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

/**
 * The contract's schema names and the Java classes behind them. The generator names an instance of a generic record
 * after its classes ({@code PageResponseRevisionViewStudyView}); the contract names it as a reader would
 * ({@code StudyRevisionPage}): the item's schema name, then what each generic record makes of it.
 */
final class SchemaNames {

    static final DotName SCHEMA = DotName.createSimple(org.eclipse.microprofile.openapi.annotations.media.Schema.class);

    /** What each generic record of the API adds to the name of the schema it wraps. */
    private static final Map<String, String> GENERIC_SUFFIXES = new LinkedHashMap<>();

    static {
        GENERIC_SUFFIXES.put(PageResponse.class.getSimpleName(), "Page");
        GENERIC_SUFFIXES.put("RevisionView", "Revision");
    }

    private final IndexView index;
    /** The application's classes by simple name, and by the schema name they carry. */
    private final Map<String, ClassInfo> bySimpleName = new HashMap<>();
    private final Map<String, ClassInfo> bySchemaName = new HashMap<>();
    /** The generic record behind each renamed instance. */
    private final Map<String, ClassInfo> instances = new HashMap<>();

    SchemaNames(IndexView index) {
        this.index = index;
        String application = OpenApiConventions.class.getPackageName().replaceFirst("\\.[^.]+$", "");
        index.getKnownClasses().stream()
                .filter(c -> c.name().toString().startsWith(application + "."))
                .forEach(c -> bySimpleName.put(c.simpleName(), c));
        for (AnnotationInstance schema : index.getAnnotations(SCHEMA)) {
            AnnotationValue name = schema.value("name");
            if (schema.target().kind() == AnnotationTarget.Kind.CLASS && name != null) {
                bySchemaName.put(name.asString(), schema.target().asClass());
            }
        }
    }

    /** The Java class a component schema was generated from (a generic record for its instances), or null. */
    ClassInfo classOf(String component) {
        ClassInfo type = instances.get(component);
        if (type == null) {
            type = bySchemaName.get(component);
        }
        return type != null ? type : bySimpleName.get(component);
    }

    IndexView index() {
        return index;
    }

    /** Renames the generic records' instances throughout the document. */
    void rename(OpenAPI openAPI) {
        Map<String, Schema> components = Schemas.components(openAPI);
        Map<String, String> renamed = new HashMap<>();
        components.keySet().forEach(name -> {
            String readable = readable(name);
            if (!readable.equals(name)) {
                if (components.containsKey(readable) || renamed.containsValue(readable)) {
                    throw new IllegalStateException("two schemas would be named " + readable);
                }
                renamed.put(name, readable);
                GENERIC_SUFFIXES.keySet().stream().filter(name::startsWith).findFirst()
                        .ifPresent(generic -> instances.put(readable, bySimpleName.get(generic)));
            }
        });
        if (renamed.isEmpty()) {
            return;
        }
        Schemas.each(openAPI, schema -> {
            String target = Schemas.name(schema);
            if (target != null && renamed.containsKey(target)) {
                schema.setRef(Schemas.PREFIX + renamed.get(target));
            }
        });
        Map<String, Schema> sorted = new TreeMap<>();
        components.forEach((name, schema) -> sorted.put(renamed.getOrDefault(name, name), schema));
        openAPI.getComponents().setSchemas(sorted);
    }

    /** {@code PageResponseRevisionViewStudyView} as {@code StudyRevisionPage}; any other name as it is. */
    private String readable(String generated) {
        for (Map.Entry<String, String> generic : GENERIC_SUFFIXES.entrySet()) {
            String rest = generated.startsWith(generic.getKey())
                    ? generated.substring(generic.getKey().length()) : "";
            if (!rest.isEmpty()) {
                return item(rest) + generic.getValue();
            }
        }
        return generated;
    }

    private String item(String generated) {
        String readable = readable(generated);
        if (!readable.equals(generated)) {
            return readable;
        }
        ClassInfo type = bySimpleName.get(generated);
        AnnotationInstance schema = type == null ? null : type.declaredAnnotation(SCHEMA);
        return schema != null && schema.value("name") != null ? schema.value("name").asString() : generated;
    }
}
