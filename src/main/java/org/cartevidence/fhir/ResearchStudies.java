package org.cartevidence.fhir;

import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cartevidence.api.Labels;
import org.cartevidence.cohort.Cohort;
import org.cartevidence.cohort.Disease;
import org.cartevidence.study.Phase;
import org.cartevidence.study.StudyView;
import org.cartevidence.study.StudyStatus;
import org.hl7.fhir.r5.model.Attachment;
import org.hl7.fhir.r5.model.CodeableConcept;
import org.hl7.fhir.r5.model.CodeableReference;
import org.hl7.fhir.r5.model.Coding;
import org.hl7.fhir.r5.model.DateTimeType;
import org.hl7.fhir.r5.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r5.model.Identifier;
import org.hl7.fhir.r5.model.Meta;
import org.hl7.fhir.r5.model.Period;
import org.hl7.fhir.r5.model.RelatedArtifact;
import org.hl7.fhir.r5.model.ResearchStudy;

/** A study with its cohorts as an R5 ResearchStudy. */
final class ResearchStudies {

    static final String SNOMED = "http://snomed.info/sct";
    static final String PHASES = "http://terminology.hl7.org/CodeSystem/research-study-phase";
    static final String PROGRESS = "http://hl7.org/fhir/research-study-status";
    /** The service's own study keys. */
    static final String STUDY_KEY = "urn:cart-evidence:study-key";

    private static final Map<String, String> PHASE_DISPLAY = Map.of("n-a", "N/A", "early-phase-1", "Early Phase 1",
            "phase-1", "Phase 1", "phase-1-phase-2", "Phase 1/Phase 2", "phase-2", "Phase 2", "phase-3", "Phase 3");
    private static final Map<String, String> PROGRESS_DISPLAY = Map.of("not-yet-recruiting", "Not yet recruiting",
            "recruiting", "Recruiting", "active", "Active", "completed", "Completed", "terminated", "Terminated");

    /** Registries by the form of their ids; an id of no known form is given without a system. */
    private static final Map<Pattern, String> REGISTRIES = Map.of(
            Pattern.compile("NCT\\d{8}"), "https://clinicaltrials.gov",
            Pattern.compile("ChiCTR[-0-9A-Za-z]+"), "https://www.chictr.org.cn",
            Pattern.compile("ISRCTN\\d+"), "https://www.isrctn.com",
            Pattern.compile("\\d{4}-\\d{6}-\\d{2}"), "https://www.clinicaltrialsregister.eu");

    /** SNOMED CT disorders where one names the disease as the cohorts record it; the others go as text. */
    private static final Map<Disease, String> SNOMED_CODES = new EnumMap<>(Map.ofEntries(
            Map.entry(Disease.SLE, "55464009"),
            Map.entry(Disease.LUPUS_NEPHRITIS, "68815009"),
            Map.entry(Disease.RHEUMATOID_ARTHRITIS, "69896004"),
            Map.entry(Disease.SYSTEMIC_SCLEROSIS, "89155008"),
            Map.entry(Disease.MYASTHENIA_GRAVIS, "91637004"),
            Map.entry(Disease.ULCERATIVE_COLITIS, "64766004"),
            Map.entry(Disease.CROHNS_DISEASE, "34000006"),
            Map.entry(Disease.MULTIPLE_SCLEROSIS, "24700007"),
            Map.entry(Disease.SJOGRENS_DISEASE, "83901003"),
            Map.entry(Disease.PEMPHIGUS_VULGARIS, "65004007"),
            Map.entry(Disease.TYPE_1_DIABETES, "46635009")));

    private ResearchStudies() {
    }

    static ResearchStudy of(StudyView study, List<Cohort> cohorts) {
        ResearchStudy out = new ResearchStudy();
        out.setId(Long.toString(study.id()));
        out.setMeta(meta(study.version(), study.updatedAt() == null ? null : Date.from(study.updatedAt())));
        out.addIdentifier(new Identifier().setSystem(STUDY_KEY).setValue(study.key()));
        for (String registryId : study.registryIds()) {
            Identifier id = new Identifier().setValue(registryId);
            REGISTRIES.forEach((form, system) -> {
                if (form.matcher(registryId).matches()) {
                    id.setSystem(system);
                }
            });
            out.addIdentifier(id);
        }
        out.setTitle(study.title());
        out.setStatus(PublicationStatus.ACTIVE); // the record is in use; where the study stands is progressStatus
        String progress = progress(study.status());
        out.addProgressStatus().setState(new CodeableConcept(new Coding(PROGRESS, progress, PROGRESS_DISPLAY
                .get(progress))));
        if (study.phase() != null) {
            String phase = phase(study.phase());
            out.setPhase(new CodeableConcept(new Coding(PHASES, phase, PHASE_DISPLAY.get(phase)))
                    .setText(Labels.of(study.phase())));
        }
        if (study.startYear() != null) {
            out.setPeriod(new Period().setStartElement(new DateTimeType(Integer.toString(study.startYear()))));
        }
        if (study.doi() != null) {
            out.addRelatedArtifact(citation("DOI " + study.doi(), study.citation(), "https://doi.org/" + study.doi()));
        }
        if (study.pmid() != null) {
            out.addRelatedArtifact(citation("PMID " + study.pmid(), study.citation(),
                    "https://pubmed.ncbi.nlm.nih.gov/" + study.pmid() + "/"));
        }
        out.addFocus(new CodeableReference(new CodeableConcept().setText(focus(study))));
        cohorts.stream().map(c -> c.disease).distinct().forEach(d -> out.addCondition(condition(d)));
        out.getRecruitment().setActualNumber(cohorts.stream().mapToInt(c -> c.enrolled).sum());
        for (Cohort cohort : cohorts) {
            out.addComparisonGroup()
                    .setLinkId("cohort-" + cohort.id)
                    .setName(cohort.label)
                    .setDescription(Labels.of(cohort.disease) + ", " + cohort.enrolled + " enrolled");
        }
        return out;
    }

    static Meta meta(long version, Date lastUpdated) {
        return new Meta().setVersionId(Long.toString(version)).setLastUpdated(lastUpdated);
    }

    static CodeableConcept condition(Disease disease) {
        CodeableConcept concept = new CodeableConcept().setText(Labels.of(disease));
        String code = SNOMED_CODES.get(disease);
        if (code != null) {
            concept.addCoding(new Coding(SNOMED, code, null));
        }
        return concept;
    }

    private static RelatedArtifact citation(String label, String citation, String url) {
        RelatedArtifact artifact = new RelatedArtifact().setType(RelatedArtifact.RelatedArtifactType.CITEAS)
                .setLabel(label).setDisplay(label);
        if (citation != null) {
            artifact.setCitation(citation);
        }
        return artifact.setDocument(new Attachment().setUrl(url));
    }

    private static String focus(StudyView study) {
        StringBuilder text = new StringBuilder(Labels.of(study.target())).append(" CAR-T");
        if (study.cellSource() != null) {
            text.append(", ").append(Labels.of(study.cellSource()).toLowerCase());
        }
        return text.toString();
    }

    /** R5 research-study-phase; case reports, case series and observational studies have no phase (n-a). */
    static String phase(Phase phase) {
        return switch (phase) {
            case EARLY_PHASE_1 -> "early-phase-1";
            case PHASE_1 -> "phase-1";
            case PHASE_1_2 -> "phase-1-phase-2";
            case PHASE_2 -> "phase-2";
            case PHASE_3 -> "phase-3";
            case CASE_REPORT, CASE_SERIES, OBSERVATIONAL -> "n-a";
        };
    }

    /** R5 research-study-status; a published report is of a completed study. */
    static String progress(StudyStatus status) {
        return switch (status) {
            case PLANNED -> "not-yet-recruiting";
            case RECRUITING -> "recruiting";
            case ACTIVE -> "active";
            case COMPLETED, PUBLISHED -> "completed";
            case TERMINATED -> "terminated";
        };
    }
}
