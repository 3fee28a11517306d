package org.cartevidence.pipeline;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cartevidence.api.Blank;
import org.cartevidence.api.FormatParameter;
import org.cartevidence.api.Schemas;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The study document of the import and the export in the contract: {@code StudyDocument}, the fields of StudyInput
 * and the study's cohorts; each a {@code CohortDocument}, the fields of CohortInput with its later report named by
 * study key and label ({@code CohortReference}) and its outcomes (OutcomeInput). Made from the inputs' schemas as the
 * contract's conventions leave them (closed, with the read-only fields they ignore), so a document takes what the
 * CRUD API takes, as {@link DocumentReader} reads it. Runs after those conventions (priority 1).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 0)
public class DocumentSchemas implements OASFilter {

    static final String STUDY = "StudyDocument";
    static final String COHORT = "CohortDocument";
    static final String REFERENCE = "CohortReference";
    /** OpenAPI 3.2's schema of each item of a sequential body (NDJSON), as an extension of this 3.1 contract. */
    static final String ITEM_SCHEMA = "x-itemSchema";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> components = Schemas.components(openAPI);
        Schema reference = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("A cohort named independently of any database: its study's key and its label.")
                .addProperty("studyKey", text("The key of the cohort's study.", "mueller-2024-nejm"))
                .addProperty("label", text("The cohort's label within that study.", "SLE"))
                .required(new ArrayList<>(List.of("studyKey", "label")));
        reference.setAdditionalPropertiesBoolean(false);

        Schema cohort = Schemas.copy(components.get("CohortInput"))
                .description("A cohort with its outcomes; its later report by study key and label.")
                .addProperty("supersededBy", ref(REFERENCE).description("The cohort that reports the same patients "
                        + "later: in the same import, or stored."))
                .addProperty("outcomes", list(ref("OutcomeInput"), "The cohort's outcomes."));

        Schema study = Schemas.copy(components.get("StudyInput"))
                .description("A study with its cohorts and their outcomes: what the export writes and the import "
                        + "reads, one per line of NDJSON. Nothing in it depends on a database's ids.")
                .addProperty("cohorts", list(ref(COHORT), "The study's cohorts."));

        openAPI.getComponents().addSchema(REFERENCE, reference);
        openAPI.getComponents().addSchema(COHORT, cohort);
        openAPI.getComponents().addSchema(STUDY, study);
        Schemas.sort(openAPI);

        for (Operation operation : Schemas.operations(openAPI)) {
            if (ImportResource.OPERATION.equals(operation.getOperationId())) {
                Content body = operation.getRequestBody().getContent();
                body.getMediaType(MediaType.APPLICATION_JSON).setSchema(OASFactory.createSchema()
                        .description("One study document, or an array of them.")
                        .oneOf(new ArrayList<>(List.of(ref(STUDY), list(ref(STUDY), null)))));
                lines(body);
            }
            if (ExportResource.OPERATION.equals(operation.getOperationId())) {
                lines(operation.getResponses().getAPIResponse("200").getContent());
            }
        }
    }

    /** NDJSON stays text in a 3.1 contract: each line a study document. */
    private static void lines(Content content) {
        content.getMediaType(FormatParameter.NDJSON).getSchema()
                .description("NDJSON: one " + STUDY + " per line.")
                .addExtension(ITEM_SCHEMA, ref(STUDY));
    }

    private static Schema text(String description, String example) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description)
                .pattern(Blank.VISIBLE).examples(new ArrayList<>(List.of(example)));
    }

    private static Schema list(Schema items, String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(items).description(description);
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(name);
    }
}
