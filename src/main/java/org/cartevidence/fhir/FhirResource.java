package org.cartevidence.fhir;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cartevidence.api.PageParams;
import org.cartevidence.api.SortField.Sorted;
import org.cartevidence.evidence.PooledAnalysis;
import org.cartevidence.evidence.PooledQuery;
import org.cartevidence.study.StudyListFilter;
import org.cartevidence.study.StudySort;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r5.model.ResearchStudy;

/** A read-only FHIR R5 face over the studies and the pooled analysis, in FHIR JSON. */
@Path(OperationOutcomes.PATH)
@Produces(Fhir.MEDIA_TYPE)
@Tag(name = "FHIR", description = "The studies as FHIR R5 ResearchStudy and the pooled analysis as FHIR R5 Evidence, "
        + "read-only, in FHIR JSON (https://hl7.org/fhir/R5/). Errors are OperationOutcome resources.")
public class FhirResource {

    private static final String R5 = "https://hl7.org/fhir/R5/";

    @Inject
    Fhir fhir;

    @Inject
    FhirStudies studies;

    @Inject
    PooledAnalysis analysis;

    @GET
    @Path("ResearchStudy/{id}")
    @Operation(operationId = "getFhirResearchStudy", summary = "Read a study as a FHIR ResearchStudy",
            description = "The study as an R5 ResearchStudy: its key and registry ids as identifiers, DOI and PMID as "
                    + "cite-as related artifacts, phase (research-study-phase), progress status, each cohort's disease "
                    + "as a condition (SNOMED CT where one fits), the CAR target and cell source as focus, the sum of "
                    + "enrolled as recruitment.actualNumber and one comparison group per cohort. meta.versionId is the "
                    + "record's version; the ETag is W/\"version\"; If-None-Match with it answers 304.")
    @APIResponse(responseCode = "200", description = "The ResearchStudy.", headers = @Header(name = "ETag",
            description = "The record's version as a weak entity tag, as FHIR servers send it.",
            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Fhir.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                    description = "A FHIR R5 ResearchStudy (" + R5 + "researchstudy.html).")))
    public Response researchStudy(@PathParam("id") @Parameter(description = "Study id.", example = "101") long id,
            @Context Request request) {
        ResearchStudy study = studies.read(id);
        EntityTag tag = new EntityTag(study.getMeta().getVersionId(), true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.build();
        }
        return Response.ok(fhir.json(study), Fhir.MEDIA_TYPE).tag(tag).build();
    }

    @GET
    @Path("ResearchStudy")
    @Sorted(value = StudySort.class, example = "-publicationYear,title")
    @Operation(operationId = "searchFhirResearchStudies", summary = "Search studies as FHIR ResearchStudy",
            description = "The study list's filters, paging and sort as a searchset Bundle of ResearchStudy: total "
                    + "is the number of matching studies, link next and previous page through them.")
    @APIResponse(responseCode = "200", description = "A searchset Bundle.", content = @Content(
            mediaType = Fhir.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                    description = "A FHIR R5 Bundle of type searchset (" + R5 + "bundle.html).")))
    public String searchResearchStudies(@Valid @BeanParam StudyListFilter filter, @Valid @BeanParam PageParams page,
            @Context UriInfo uri) {
        return fhir.json(studies.search(filter, page, uri));
    }

    @GET
    @Path("Evidence")
    @Operation(operationId = "searchFhirEvidence", summary = "The pooled analysis as FHIR Evidence",
            description = "getPooledEstimates with the same parameters (groupBy included) as a searchset Bundle of R5 "
                    + "Evidence, one per group: the population, exposure and outcome as variable definitions; the "
                    + "pooled proportion (statistic-type C44256) with its events, cohorts, studies and patients, the "
                    + "confidence interval (C53324), the prediction interval, I² and τ² where the analysis has them, "
                    + "and the model, method, τ² estimator and interval method as model characteristics; each "
                    + "contributing study as a derived-from related artifact naming its ResearchStudy (none with "
                    + "cohorts=false). The numbers are those of getPooledEstimates.")
    @APIResponse(responseCode = "200", description = "A searchset Bundle of Evidence.", content = @Content(
            mediaType = Fhir.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                    description = "A FHIR R5 Bundle of type searchset holding Evidence (" + R5 + "evidence.html).")))
    public String searchEvidence(@Valid @BeanParam PooledQuery query, @Context UriInfo uri) {
        return fhir.json(PooledEvidence.bundle(analysis.pooled(query), query.studies.disease, uri));
    }

    @GET
    @Path("metadata")
    @Operation(operationId = "getFhirCapabilityStatement", summary = "What the FHIR face answers",
            description = "A CapabilityStatement (FHIR 5.0.0): ResearchStudy read and search, Evidence search, and "
                    + "their search parameters.")
    @APIResponse(responseCode = "200", description = "The CapabilityStatement.", content = @Content(
            mediaType = Fhir.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                    description = "A FHIR R5 CapabilityStatement (" + R5 + "capabilitystatement.html).")))
    public String metadata(@Context UriInfo uri) {
        return fhir.json(Capability.statement(uri.getBaseUriBuilder().path("api/v1/fhir").build().toString()));
    }
}
