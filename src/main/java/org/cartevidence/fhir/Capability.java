package org.cartevidence.fhir;

import java.util.Map;
import org.hl7.fhir.r5.model.CapabilityStatement;
import org.hl7.fhir.r5.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r5.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r5.model.DateTimeType;
import org.hl7.fhir.r5.model.Enumerations;
import org.hl7.fhir.r5.model.Enumerations.SearchParamType;

/** What the FHIR face answers: read and search of ResearchStudy, search of Evidence, in JSON. */
final class Capability {

    /** The study list's filters and paging, as the ResearchStudy search takes them. */
    private static final Map<String, SearchParamType> STUDY_SEARCH = new java.util.LinkedHashMap<>();
    /** The pooled analysis's parameters, as the Evidence search takes them. */
    private static final Map<String, SearchParamType> EVIDENCE_SEARCH = new java.util.LinkedHashMap<>();

    static {
        STUDY_SEARCH.put("q", SearchParamType.STRING);
        for (String token : new String[] {"disease", "phase", "status", "target", "cellSource", "geneEditing",
                "sourceType"}) {
            STUDY_SEARCH.put(token, SearchParamType.TOKEN);
        }
        STUDY_SEARCH.put("country", SearchParamType.STRING);
        STUDY_SEARCH.put("yearFrom", SearchParamType.NUMBER);
        STUDY_SEARCH.put("yearTo", SearchParamType.NUMBER);
        STUDY_SEARCH.put("updatedSince", SearchParamType.DATE);
        STUDY_SEARCH.put("page", SearchParamType.NUMBER);
        STUDY_SEARCH.put("size", SearchParamType.NUMBER);
        STUDY_SEARCH.put("sort", SearchParamType.STRING);
        for (String token : new String[] {"measure", "groupBy", "method", "model", "tau2", "transform", "ci",
                "cohortCi", "disease", "target", "cellSource", "geneEditing", "phase", "sourceType"}) {
            EVIDENCE_SEARCH.put(token, SearchParamType.TOKEN);
        }
        EVIDENCE_SEARCH.put("level", SearchParamType.NUMBER);
        EVIDENCE_SEARCH.put("timepointMonths", SearchParamType.NUMBER);
        EVIDENCE_SEARCH.put("includeSuperseded", SearchParamType.TOKEN);
        EVIDENCE_SEARCH.put("cohorts", SearchParamType.TOKEN);
    }

    /** The day this statement last changed. */
    private static final String DATE = "2026-12-03";

    private Capability() {
    }

    static CapabilityStatement statement(String baseUrl) {
        CapabilityStatement out = new CapabilityStatement();
        out.setStatus(Enumerations.PublicationStatus.ACTIVE);
        out.setDateElement(new DateTimeType(DATE));
        out.setKind(Enumerations.CapabilityStatementKind.INSTANCE);
        out.getImplementation().setDescription("cart-evidence: clinical evidence on CAR-T therapy in autoimmune "
                + "disease, read-only").setUrl(baseUrl);
        out.setFhirVersion(Enumerations.FHIRVersion._5_0_0);
        out.addFormat(Fhir.MEDIA_TYPE);
        var rest = out.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        CapabilityStatementRestResourceComponent study = rest.addResource().setType("ResearchStudy");
        study.addInteraction().setCode(TypeRestfulInteraction.READ);
        study.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        study.setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONED);
        STUDY_SEARCH.forEach((name, type) -> study.addSearchParam().setName(name).setType(type));
        CapabilityStatementRestResourceComponent evidence = rest.addResource().setType("Evidence");
        evidence.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        EVIDENCE_SEARCH.forEach((name, type) -> evidence.addSearchParam().setName(name).setType(type));
        return out;
    }
}
