package org.cartevidence.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * RFC 7396 JSON merge patch over a request record: the current state as the record, the patch merged into it,
 * and the result read back and validated exactly as a PUT body would be.
 */
@ApplicationScoped
public class JsonMergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    @Inject
    Bodies bodies;

    public <I> I apply(I current, JsonNode patch, Class<I> type) {
        if (patch == null || !patch.isObject()) {
            throw new ApiException(400, "malformed-body", "Malformed request body", "a merge patch must be a JSON object",
                    List.of(new Problem.FieldError(ProblemMapper.BODY_PARAMETER, "must be a JSON object")));
        }
        return bodies.read(merge(bodies.tree(current), patch), type);
    }

    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target.deepCopy()
                : JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
