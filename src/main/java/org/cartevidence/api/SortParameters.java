package org.cartevidence.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

/**
 * The {@code sort} parameter of each list, with the fields of that list only: the enum its operation names
 * ({@link SortField.Sorted}) is the one the service sorts by. A list of names, each with or without a leading '-',
 * sent comma-separated (style form, explode false), which generators turn into a union; with the list's own example.
 */
final class SortParameters {

    private static final DotName SORTED = DotName.createSimple(SortField.Sorted.class);
    private static final DotName OPERATION =
            DotName.createSimple(org.eclipse.microprofile.openapi.annotations.Operation.class);

    /** The {@link SortField.Sorted} of each list, by operation id. */
    private final Map<String, AnnotationInstance> sorted = new HashMap<>();

    SortParameters(IndexView index) {
        for (AnnotationInstance annotation : index.getAnnotations(SORTED)) {
            AnnotationInstance operation = annotation.target().asMethod().declaredAnnotation(OPERATION);
            if (operation == null || operation.value("operationId") == null) {
                throw new IllegalStateException(annotation.target() + " is @Sorted but has no operationId");
            }
            sorted.put(operation.value("operationId").asString(), annotation);
        }
    }

    void apply(Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? null
                : new ArrayList<>(operation.getParameters());
        int at = parameters == null ? -1 : parameters.stream().map(Parameter::getName).toList().indexOf("sort");
        if (at < 0) {
            return;
        }
        AnnotationInstance fields = sorted.get(operation.getOperationId());
        if (fields == null) {
            throw new IllegalStateException(operation.getOperationId() + " takes sort but names no sort fields");
        }
        List<Object> names = new ArrayList<>();
        for (SortField field : constants(fields.value().asClass().name().toString())) {
            names.add(field.parameterName());
            names.add("-" + field.parameterName());
        }
        List<Object> example = new ArrayList<>(Arrays.asList(fields.value("example").asString().split(",")));
        if (!names.containsAll(example)) {
            throw new IllegalStateException(operation.getOperationId() + ": the sort example " + example
                    + " is not made of " + names);
        }
        Parameter generic = parameters.get(at);
        // A new parameter: the generator may share one object among the lists that take the same parameters.
        parameters.set(at, OASFactory.createParameter().name(generic.getName()).in(generic.getIn())
                .description(generic.getDescription()).style(Parameter.Style.FORM).explode(false)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(names)))
                .example(example));
        operation.setParameters(parameters);
    }

    private static SortField[] constants(String type) {
        try {
            Object[] constants = Class.forName(type, true, SortParameters.class.getClassLoader()).getEnumConstants();
            if (constants == null) {
                throw new IllegalStateException(type + " is not an enum of sort fields");
            }
            return Arrays.copyOf(constants, constants.length, SortField[].class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
