#!/usr/bin/env python3
"""Convert the curated source CSV into the service's reference data (studies.ndjson).

Usage (from anywhere):
    python3 tools/reference-data/convert.py [CSV] [--check]

CSV defaults to tools/reference-data/source/cart-autoimmune-studies.csv.
Without --check the script writes src/main/resources/reference-data/studies.ndjson and then runs the
self-check on what it wrote. With --check it writes nothing: it rebuilds the documents in memory, runs the
self-check, and fails if the file on disk is not byte-for-byte what this script would write.

Standard library only. Every curated decision lives in STUDIES and ROWS below; README.md next to
studies.ndjson explains them. A blank CSV cell means "not found" and never becomes 0 or an outcome.
"""

import csv
import json
import math
import os
import re
import sys
from decimal import Decimal

REPO_ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DEFAULT_CSV = os.path.join(REPO_ROOT, "tools", "reference-data", "source", "cart-autoimmune-studies.csv")
OUTPUT = os.path.join(REPO_ROOT, "src", "main", "resources", "reference-data", "studies.ndjson")

# ----------------------------------------------------------------------------------------------------------
# Controlled vocabularies (must match the service's enums)
# ----------------------------------------------------------------------------------------------------------
PHASES = {"CASE_REPORT", "CASE_SERIES", "EARLY_PHASE_1", "PHASE_1", "PHASE_1_2", "PHASE_2", "PHASE_3",
          "OBSERVATIONAL"}
STATUSES = {"PLANNED", "RECRUITING", "ACTIVE", "COMPLETED", "TERMINATED", "PUBLISHED"}
TARGETS = {"CD19", "BCMA", "CD19_BCMA", "CD20", "CD7", "CD19_CD20", "CD70", "OTHER"}
CELL_SOURCES = {"AUTOLOGOUS", "ALLOGENEIC"}
GENE_EDITING = {"NONE", "CRISPR", "TALEN", "BASE_EDITING"}
VECTORS = {"LENTIVIRAL", "GAMMARETROVIRAL", "MRNA", "TRANSPOSON", "NON_VIRAL"}
SOURCE_TYPES = {"PEER_REVIEWED", "CONFERENCE_ABSTRACT", "PREPRINT", "COMPANY_REPORT", "NEWS"}
DISEASES = {"SLE", "LUPUS_NEPHRITIS", "IDIOPATHIC_INFLAMMATORY_MYOPATHY", "SYSTEMIC_SCLEROSIS",
            "RHEUMATOID_ARTHRITIS", "MYASTHENIA_GRAVIS", "ULCERATIVE_COLITIS", "CROHNS_DISEASE", "NMOSD",
            "MULTIPLE_SCLEROSIS", "ANCA_VASCULITIS", "SJOGRENS_DISEASE", "ANTIPHOSPHOLIPID_SYNDROME",
            "PEMPHIGUS_VULGARIS", "IMMUNE_THROMBOCYTOPENIA", "AUTOIMMUNE_HEMOLYTIC_ANEMIA",
            "IGG4_RELATED_DISEASE", "TYPE_1_DIABETES", "OTHER"}
MEASURES = {"REMISSION", "DRUG_FREE_REMISSION", "RESPONSE", "RELAPSE_FREE", "RELAPSE", "CRS_ANY",
            "CRS_GRADE_3_PLUS", "ICANS_ANY", "ICANS_GRADE_3_PLUS", "INFECTION_SEVERE", "DEATH",
            "TREATMENT_RELATED_DEATH", "DISEASE_ACTIVITY"}

KEY_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
NCT_RE = re.compile(r"^NCT\d{8}$")
CHICTR_RE = re.compile(r"^ChiCTR[0-9A-Za-z-]{4,30}$")
DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
PMID_RE = re.compile(r"^\d+$")

FAU = "Friedrich-Alexander-Universität Erlangen-Nürnberg"

# ----------------------------------------------------------------------------------------------------------
# Study-level curation (one entry per publication / report). Fields not listed are omitted from the output.
# doi, registryIds, citation and sourceNote come from the CSV; see build().
# ----------------------------------------------------------------------------------------------------------
STUDIES = {
    "mougiakakos-2021-nejm": dict(
        title="CD19-targeted CAR T cells in refractory systemic lupus erythematosus",
        publicationYear=2021, phase="CASE_REPORT", status="PUBLISHED", sourceType="PEER_REVIEWED",
        countries=["Germany"], institution=FAU,
        target="CD19", cellSource="AUTOLOGOUS", geneEditing="NONE"),
    "mackensen-2022-nat-med": dict(
        title="Anti-CD19 CAR T cell therapy for refractory systemic lupus erythematosus",
        pmid="36109639", publicationYear=2022, phase="CASE_SERIES", status="PUBLISHED",
        sourceType="PEER_REVIEWED", countries=["Germany"], institution=FAU,
        target="CD19", cellSource="AUTOLOGOUS", geneEditing="NONE", vector="LENTIVIRAL"),
    "mueller-2024-nejm": dict(
        title="CD19 CAR T-cell therapy in autoimmune disease - a case series with follow-up",
        pmid="38381673", publicationYear=2024, phase="CASE_SERIES", status="PUBLISHED",
        sourceType="PEER_REVIEWED", countries=["Germany"], institution=FAU,
        target="CD19", cellSource="AUTOLOGOUS", geneEditing="NONE"),
    "krickau-2024-lancet": dict(
        title="CAR T-cell therapy rescues adolescent with rapidly progressive lupus nephritis from haemodialysis",
        pmid="38642568", publicationYear=2024, phase="CASE_REPORT", status="PUBLISHED",
        sourceType="PEER_REVIEWED", countries=["Germany"], institution=FAU,
        target="CD19", cellSource="AUTOLOGOUS", geneEditing="NONE", vector="LENTIVIRAL"),
    "bcma-rescue-asys-2025-nat-med": dict(
        # The CSV citation is a descriptive line (paper title and first author not captured).
        title="CD19 CAR T relapse then BCMA CAR T re-induction of remission in Jo-1 anti-synthetase syndrome",
        publicationYear=2025, phase="CASE_REPORT", status="PUBLISHED", sourceType="PEER_REVIEWED",
        target="BCMA", cellSource="AUTOLOGOUS", geneEditing="NONE"),
    "mueller-2025-nejm-uc": dict(
        title="CD19 CAR T-cell therapy in multidrug-resistant ulcerative colitis",
        publicationYear=2025, phase="CASE_REPORT", status="PUBLISHED", sourceType="PEER_REVIEWED",
        countries=["Germany"], institution=FAU,
        target="CD19", cellSource="AUTOLOGOUS", geneEditing="NONE"),
    "wang-2024-cell": dict(
        title="Allogeneic CD19-targeted CAR-T therapy in patients with severe myositis and systemic sclerosis",
        publicationYear=2024, phase="EARLY_PHASE_1", status="PUBLISHED", sourceType="PEER_REVIEWED",
        countries=["China"], target="CD19", cellSource="ALLOGENEIC", geneEditing="CRISPR"),
    "wang-2025-med": dict(
        title="Allogeneic CD19-targeted CAR-T therapy in refractory systemic lupus erythematosus achieved "
              "durable remission",
        pmid="40446794", publicationYear=2025, phase="EARLY_PHASE_1", status="PUBLISHED",
        sourceType="PEER_REVIEWED", countries=["China"],
        target="CD19", cellSource="ALLOGENEIC", geneEditing="CRISPR"),
    "yts109-2025-nat-med": dict(
        # Descriptive title from the CSV citation (paper title and first author not captured).
        title="YTS109 hypoimmune allogeneic CD19-STAR T cells in refractory SLE with lupus nephritis",
        publicationYear=2025, phase="EARLY_PHASE_1", status="PUBLISHED", sourceType="PEER_REVIEWED",
        target="CD19", cellSource="ALLOGENEIC", geneEditing="CRISPR"),
    "feng-2025-nat-med": dict(
        title="Co-infusion of CD19-targeting and BCMA-targeting CAR-T cells for treatment-refractory systemic "
              "lupus erythematosus: a phase 1 trial",
        pmid="40993243", publicationYear=2025, phase="PHASE_1", status="PUBLISHED",
        sourceType="PEER_REVIEWED", target="CD19_BCMA", cellSource="AUTOLOGOUS", geneEditing="NONE"),
    "bcma-cd19-ccar-2024-ann-rheum-dis": dict(
        title="BCMA-CD19 compound CAR T cells for systemic lupus erythematosus: a phase 1 open-label clinical trial",
        pmid="38777376", publicationYear=2024, phase="PHASE_1", status="PUBLISHED",
        sourceType="PEER_REVIEWED", target="CD19_BCMA", cellSource="AUTOLOGOUS", geneEditing="NONE"),
    "kysa-1-2024-lupus-sci-med": dict(
        title="KYSA-1 preliminary report: KYV-101 fully human autologous anti-CD19 CAR T in refractory lupus "
              "nephritis",
        publicationYear=2024, phase="PHASE_1", status="ACTIVE", sourceType="CONFERENCE_ABSTRACT",
        countries=["United States"], target="CD19", cellSource="AUTOLOGOUS", geneEditing="NONE"),
    "reset-sle-2025": dict(
        title="RESET-SLE phase 1/2 of rese-cel (CABA-201) in non-renal SLE and lupus nephritis: company and "
              "conference updates 2025",
        # The two CSV rows carry cohort-specific citations; the study keeps their shared wording.
        citation="Cabaletta Bio RESET-SLE phase 1/2 (rese-cel, CABA-201): non-renal SLE and lupus nephritis "
                 "cohorts - company/conference updates 2025.",
        publicationYear=2025, phase="PHASE_1_2", status="ACTIVE", sourceType="COMPANY_REPORT",
        countries=["United States"], sponsor="Cabaletta Bio",
        target="CD19", cellSource="AUTOLOGOUS", geneEditing="NONE"),
    "reset-myositis-2025": dict(
        title="RESET-Myositis phase 1/2 of rese-cel (CABA-201) in idiopathic inflammatory myopathy: ACR "
              "Convergence 2025 data",
        publicationYear=2025, phase="PHASE_1_2", status="ACTIVE", sourceType="COMPANY_REPORT",
        countries=["United States"], sponsor="Cabaletta Bio",
        target="CD19", cellSource="AUTOLOGOUS", geneEditing="NONE"),
    "reset-ssc-2025": dict(
        title="RESET-SSc phase 1/2 of rese-cel (CABA-201) in systemic sclerosis: EULAR 2025 and ACR 2025 updates",
        publicationYear=2025, phase="PHASE_1_2", status="ACTIVE", sourceType="COMPANY_REPORT",
        countries=["United States"], sponsor="Cabaletta Bio",
        target="CD19", cellSource="AUTOLOGOUS", geneEditing="NONE"),
    "breakfree-1-2024-acr": dict(
        title="Breakfree-1 phase 1 of BMS-986353 (CC-97540, CD19 NEX-T) in SLE: ACR Convergence 2024 data",
        publicationYear=2024, phase="PHASE_1", status="ACTIVE", sourceType="COMPANY_REPORT",
        countries=["United States"], sponsor="Bristol Myers Squibb",
        target="CD19", cellSource="AUTOLOGOUS", geneEditing="NONE"),
    "zhao-2025-acr-im19": dict(
        title="Anti-CD19 CAR T cell therapy for refractory SLE: an open-label pilot study (IM19)",
        publicationYear=2025, phase="EARLY_PHASE_1", status="ACTIVE", sourceType="CONFERENCE_ABSTRACT",
        countries=["China"], institution="Peking University Third Hospital",
        target="CD19", cellSource="AUTOLOGOUS", geneEditing="NONE", vector="LENTIVIRAL"),
    "zheng-2025-asn-kidney-week": dict(
        title="CD19-targeted CAR T cell therapy in an adolescent with SLE with kidney failure",
        publicationYear=2025, phase="CASE_REPORT", status="PUBLISHED", sourceType="CONFERENCE_ABSTRACT",
        countries=["China"], institution="Zhejiang University Children's Hospital",
        target="CD19", cellSource="AUTOLOGOUS", geneEditing="NONE"),
    "qin-2023-signal-transduct-target-ther": dict(
        title="Anti-BCMA CAR T-cell therapy CT103A in relapsed or refractory AQP4-IgG seropositive neuromyelitis "
              "optica spectrum disorders: phase 1 trial interim results",
        pmid="36596762", publicationYear=2023, phase="PHASE_1", status="PUBLISHED",
        sourceType="PEER_REVIEWED", countries=["China"], institution="Tongji Hospital, Wuhan",
        target="BCMA", cellSource="AUTOLOGOUS", geneEditing="NONE"),
    "eque-cel-mg-2024-embo-mol-med": dict(
        title="B cell lineage reconstitution underlies CAR-T cell therapeutic efficacy in patients with "
              "refractory myasthenia gravis",
        publicationYear=2024, phase="CASE_SERIES", status="PUBLISHED", sourceType="PEER_REVIEWED",
        countries=["China"], institution="Huazhong University of Science and Technology",
        target="BCMA", cellSource="AUTOLOGOUS", geneEditing="NONE"),
    "granit-2023-lancet-neurol": dict(
        title="Safety and clinical activity of autologous RNA chimeric antigen receptor T-cell therapy in "
              "myasthenia gravis (MG-001): a prospective, multicentre, open-label, non-randomised phase 1b/2a "
              "study",
        publicationYear=2023, phase="PHASE_1_2", status="PUBLISHED", sourceType="PEER_REVIEWED",
        countries=["United States"], target="BCMA", cellSource="AUTOLOGOUS", geneEditing="NONE",
        vector="MRNA"),
    "chahin-2025-ann-clin-transl-neurol": dict(
        title="Durability of response to B-cell maturation antigen-directed mRNA cell therapy in myasthenia gravis",
        pmid="40856088", publicationYear=2025, phase="PHASE_2", status="PUBLISHED",
        sourceType="PEER_REVIEWED", countries=["United States"],
        target="BCMA", cellSource="AUTOLOGOUS", geneEditing="NONE", vector="MRNA"),
    "descartes-08-phase-2b-2024": dict(
        title="Descartes-08 phase 2b randomized, double-blind, placebo-controlled trial in generalized "
              "myasthenia gravis: topline results",
        publicationYear=2024, phase="PHASE_2", status="ACTIVE", sourceType="COMPANY_REPORT",
        countries=["United States"], sponsor="Cartesian Therapeutics",
        target="BCMA", cellSource="AUTOLOGOUS", geneEditing="NONE", vector="MRNA"),
    "ecnu-2025-news-allogeneic-sle": dict(
        title="Pilot study of donor-derived (allogeneic) CAR-T in drug-resistant SLE, East China Normal "
              "University, Shanghai (news report)",
        publicationYear=2025, phase="EARLY_PHASE_1", status="ACTIVE", sourceType="NEWS",
        countries=["China"], institution="East China Normal University",
        target="CD19", cellSource="ALLOGENEIC"),
}

# ----------------------------------------------------------------------------------------------------------
# Row-level curation: one entry per CSV study_key (= one cohort).
#   study, label, disease: required.   dose, doseCellsPerKg, lymphodepletion, supersededBy, notes: optional.
#   source: default `source` of this row's outcomes.
#   outcome: per-measure overrides {measure: {definition, timepointMonths, notes, source}}.
# enrolled/female/medianAge/medianFollowUpMonths and the outcome counts come from the CSV columns.
# ----------------------------------------------------------------------------------------------------------
SECONDARY_PEDRHEUM = "Pediatric Rheumatology 2024 review, table 1 (secondary)"
MUELLER_SERIES_NOTE = (
    "Median follow-up is the series-level value for all 15 patients (15 months, range 4-29), not per cohort. "
    "Per-disease CRS/ICANS counts are not available (series-wide CRS 9/15 per EULAR 2024 OP0027 vs 11/15 in "
    "another secondary source; 1 grade-1 ICANS series-wide); CRS grade >= 3 is recorded 0 from the "
    "series-level statement 'no high-grade CRS/ICANS'. Sex/age known only series-wide (10F/5M, median age 36 "
    "in EULAR 2024 OP0027), not entered per cohort.")

ROWS = {
    "mougiakakos2021_nejm_sle": dict(
        study="mougiakakos-2021-nejm", label="Lupus nephritis", disease="LUPUS_NEPHRITIS",
        supersededBy={"studyKey": "mueller-2024-nejm", "label": "SLE"},
        notes="First Erlangen lupus patient (SLE with lupus nephritis ISN/RPS class IIIa). Sex/age (news: a "
              "20-year-old woman) NOT verified, so not entered. Follow-up 44 days (1.4 months). Remission "
              "criterion not captured. DOI/pages recalled but NOT verified, so left out. Superseded: the same "
              "patient is very likely re-reported in Mackensen 2022 and Mueller 2024; do not pool.",
        source=SECONDARY_PEDRHEUM,
        outcome={
            "REMISSION": dict(source="Nat Rev Rheumatol news item (secondary); " + SECONDARY_PEDRHEUM),
            "CRS_ANY": dict(definition="CRS of any grade (review table: side effects 'None reported')"),
            "CRS_GRADE_3_PLUS": dict(definition="CRS grade >= 3 (review table: side effects 'None reported')"),
            "ICANS_ANY": dict(definition="ICANS of any grade (review table: side effects 'None reported')"),
        }),
    "mackensen2022_natmed_sle": dict(
        study="mackensen-2022-nat-med", label="SLE", disease="SLE",
        dose="1x10^6 CAR T cells/kg", doseCellsPerKg=1e6, lymphodepletion="fludarabine + cyclophosphamide",
        supersededBy={"studyKey": "mueller-2024-nejm", "label": "SLE"},
        notes="Superseded: these 5 patients are re-reported in Mueller 2024 with longer follow-up; do not pool. "
              "Median age 22 (range width 6). CRS counts only from the Pediatric Rheumatology 2024 review "
              "table (grade 1, fever, in 3); ICANS not captured.",
        source="PubMed abstract (PMID 36109639)",
        outcome={
            "REMISSION": dict(timepointMonths=3),
            "CRS_ANY": dict(definition="CRS of any grade (all grade 1, fever)", source=SECONDARY_PEDRHEUM),
            "CRS_GRADE_3_PLUS": dict(definition="CRS grade >= 3 (review table: only grade 1 CRS)",
                                     source=SECONDARY_PEDRHEUM),
        }),
    "mueller2024_nejm_sle": dict(
        study="mueller-2024-nejm", label="SLE", disease="SLE",
        lymphodepletion="fludarabine + cyclophosphamide",
        notes="Re-reports the 5 Mackensen 2022 patients and (very likely) the Mougiakakos 2021 patient; both "
              "earlier cohorts are superseded by this one. "
              + MUELLER_SERIES_NOTE,
        source="PubMed abstract (PMID 38381673)",
        outcome={"CRS_GRADE_3_PLUS": dict(
            definition="CRS grade >= 3 (series-level statement: no high-grade CRS)",
            source="ASTCT summary (astct.org), series-level statement")}),
    "mueller2024_nejm_iim": dict(
        study="mueller-2024-nejm", label="IIM", disease="IDIOPATHIC_INFLAMMATORY_MYOPATHY",
        lymphodepletion="fludarabine + cyclophosphamide",
        notes="Idiopathic inflammatory myositis incl. anti-synthetase syndrome. The Jo-1 anti-synthetase "
              "syndrome patient of the Nat Med 2025 BCMA rescue case report is probably one of these 3 "
              "(unverified; not linked). " + MUELLER_SERIES_NOTE,
        source="PubMed abstract (PMID 38381673)",
        outcome={"CRS_GRADE_3_PLUS": dict(
            definition="CRS grade >= 3 (series-level statement: no high-grade CRS)",
            source="ASTCT summary (astct.org), series-level statement")}),
    "mueller2024_nejm_ssc": dict(
        study="mueller-2024-nejm", label="SSc", disease="SYSTEMIC_SCLEROSIS",
        lymphodepletion="fludarabine + cyclophosphamide",
        notes="The response criterion (decrease in EUSTAR activity index) is an improvement, NOT remission. "
              + MUELLER_SERIES_NOTE,
        source="PubMed abstract (PMID 38381673)",
        outcome={"CRS_GRADE_3_PLUS": dict(
            definition="CRS grade >= 3 (series-level statement: no high-grade CRS)",
            source="ASTCT summary (astct.org), series-level statement")}),
    "krickau2024_lancet_pedsle": dict(
        study="krickau-2024-lancet", label="Lupus nephritis (paediatric)", disease="LUPUS_NEPHRITIS",
        notes="15-year-old girl with rapidly progressive lupus nephritis class IV on haemodialysis; "
              "compassionate use, no registry. Second-generation 4-1BB CD19 CAR, lentiviral (Miltenyi, "
              "CliniMACS Prodigy). Read through secondary summaries only; follow-up and CRS/ICANS not "
              "captured. A separate patient from the adult Erlangen series as far as the sources show.",
        source="secondary summaries (libreddit r/BcellAutoimmuneDis; generegther.gr)"),
    "erlangen2025_natmed_asys_bcma_rescue": dict(
        study="bcma-rescue-asys-2025-nat-med", label="Anti-synthetase syndrome",
        disease="IDIOPATHIC_INFLAMMATORY_MYOPATHY",
        notes="45-year-old woman with Jo-1 anti-synthetase syndrome: remission after CD19 CAR-T, relapse at 9 "
              "months, CD19 re-infusion failed (anti-CAR T cells), daratumumab bridge, then BCMA CAR-T -> "
              "drug-free remission. Probably one of the Mueller 2024 IIM patients (unverified): not linked as "
              "superseded, but do not pool with Mueller 2024 IIM. Institution/country not stated in the "
              "excerpt; paper title and first author not captured (title is descriptive).",
        source="Nature Medicine article preview (abstract)"),
    "mueller2025_nejm_uc": dict(
        study="mueller-2025-nejm-uc", label="Ulcerative colitis", disease="ULCERATIVE_COLITIS",
        dose="1x10^6 CAR T cells/kg", doseCellsPerKg=1e6,
        lymphodepletion="given (regimen not stated in the sources read)",
        notes="21-year-old woman; earlier transient response to blinatumomab. Remission maintained over the "
              "14-week follow-up (3.2 months). Read through news coverage of the NEJM letter only; DOI not "
              "captured. A separate patient from the Erlangen rheumatology series as far as the sources show.",
        source="news coverage (ASCO Post, medpath, FAU press release)",
        outcome={
            "CRS_ANY": dict(definition="CRS of any grade (one grade 1 event)"),
            "CRS_GRADE_3_PLUS": dict(definition="CRS grade >= 3 (only a grade 1 event reported)"),
        }),
    "wang2024_cell_iim": dict(
        study="wang-2024-cell", label="IIM", disease="IDIOPATHIC_INFLAMMATORY_MYOPATHY",
        notes="Refractory immune-mediated necrotizing myopathy (IMNM). Healthy-donor CD19 CAR-T, CRISPR-Cas9 "
              "edited to avoid rejection; product named TyU19 in Chinese coverage ('BRL-301' unverified). Same "
              "trial (NCT05859997) as Wang D 2025 Med but different patients. ICANS not stated in the abstract.",
        source="publisher abstract (bohrium.dp.tech paper page)",
        outcome={
            "CRS_ANY": dict(definition="CRS of any grade (abstract: 'without cytokine release syndrome')"),
            "CRS_GRADE_3_PLUS": dict(definition="CRS grade >= 3 (abstract: no CRS)"),
        }),
    "wang2024_cell_ssc": dict(
        study="wang-2024-cell", label="SSc", disease="SYSTEMIC_SCLEROSIS",
        notes="Diffuse cutaneous systemic sclerosis. Healthy-donor CD19 CAR-T, CRISPR-Cas9 edited to avoid "
              "rejection; product named TyU19 in Chinese coverage ('BRL-301' unverified). Same trial "
              "(NCT05859997) as Wang D 2025 Med but different patients. ICANS not stated in the abstract.",
        source="publisher abstract (bohrium.dp.tech paper page)",
        outcome={
            "CRS_ANY": dict(definition="CRS of any grade (abstract: 'without cytokine release syndrome')"),
            "CRS_GRADE_3_PLUS": dict(definition="CRS grade >= 3 (abstract: no CRS)"),
        }),
    "wang2025_med_sle_allo": dict(
        study="wang-2025-med", label="SLE", disease="SLE",
        dose="1x10^6 cells/kg", doseCellsPerKg=1e6,
        notes="Refractory multi-organ SLE; 3 patients enrolled Aug-Oct 2023. CAUTION: patient 1 withdrew at "
              "month 1 (thrombocytopenia, immunosuppressant added), yet the abstract says all patients reached "
              "SRI-4 at the last visit; 3/3 copies that wording. SRI-4 is a response index, kept as REMISSION "
              "as in the CSV. CRISPR editing inferred from the shared platform with Wang 2024 Cell (secondary "
              "news), not stated in the Med abstract. Sex not captured. Same trial as Wang 2024 Cell, "
              "different patients.",
        source="PubMed abstract (PMID 40446794)",
        outcome={
            "CRS_ANY": dict(definition="CRS of any grade (abstract: no CRS)"),
            "CRS_GRADE_3_PLUS": dict(definition="CRS grade >= 3 (abstract: no CRS)"),
            "ICANS_ANY": dict(definition="ICANS of any grade (abstract: no ICANS)"),
        }),
    "yts109_natmed2025_sle_ln": dict(
        study="yts109-2025-nat-med", label="Lupus nephritis", disease="LUPUS_NEPHRITIS",
        dose="3x10^6 STAR+ T cells/kg", doseCellsPerKg=3e6,
        lymphodepletion="given (regimen not stated in the excerpt)",
        notes="SLE with lupus nephritis: the SLE cohort of a multi-disease trial. Hypoimmune allogeneic "
              "CD19-STAR T cells (CRISPR-Cas9 knockout of TRAC, PD1, HLA-A, HLA-B, CIITA; STAR knocked into "
              "TRAC). SRI-4 is a response index, kept as REMISSION as in the CSV. 1 patient had a mild "
              "refractory flare at month 6. 'Only mild CRS and no GvHD': CRS count not given. "
              "Country/institution not in the excerpt; paper title and first author not captured.",
        source="Nature Medicine article preview (abstract)",
        outcome={
            "REMISSION": dict(timepointMonths=3),
            "CRS_GRADE_3_PLUS": dict(definition="CRS grade >= 3 (abstract: 'only mild cytokine release "
                                                "syndrome'; recorded 0 on that wording)"),
        }),
    "feng2025_natmed_sle_cd19bcma": dict(
        study="feng-2025-nat-med", label="SLE", disease="SLE",
        lymphodepletion="fludarabine + cyclophosphamide",
        notes="Co-infusion of two separate CAR-T products (CD19 and BCMA), not the compound CAR of the Ann "
              "Rheum Dis 2024 paper. 14F/1M; dose escalation, no DLTs. Median follow-up 712 days (range "
              "613-1134). Grade >= 3 AEs: neutropenia 100%, thrombocytopenia 40%, anaemia 13.3%. Registry id, "
              "country and institution not captured (Zhejiang University likely, unverified).",
        source="PubMed abstract (PMID 40993243)",
        outcome={
            "REMISSION": dict(timepointMonths=2.8),
            "CRS_ANY": dict(definition="CRS of any grade (all grade 1; 86.7%)",
                            source="PubMed abstract (PMID 40993243); ASTCT summary"),
            "CRS_GRADE_3_PLUS": dict(definition="CRS grade >= 3 (all CRS grade 1)",
                                     source="PubMed abstract (PMID 40993243); ASTCT summary"),
            "ICANS_ANY": dict(definition="neurotoxicity/ICANS of any grade (abstract: no neurotoxicity)"),
            "TREATMENT_RELATED_DEATH": dict(definition="treatment-related death (as reported)"),
        }),
    "ard2024_cCAR_bcma_cd19_sle": dict(
        study="bcma-cd19-ccar-2024-ann-rheum-dis", label="Lupus nephritis", disease="LUPUS_NEPHRITIS",
        dose="3x10^6 cCAR cells/kg", doseCellsPerKg=3e6,
        lymphodepletion="conditioning after cessation of SLE medication (regimen not stated in the abstract)",
        notes="SLE with biopsy-proven lupus nephritis class III-V; a single BCMA-CD19 compound CAR (cCAR) "
              "product. 12/13 counts P1-P13 except P11 (underdosed, compassionate; outcome not stated in the "
              "abstract), so it is conservative. Follow-up up to 46 months (maximum; median not given). "
              "'Well tolerated with mild CRS': counts not given. First author not verified; sponsor likely "
              "iCell Gene Therapeutics (unverified, not entered); country not captured.",
        source="PubMed abstract (PMID 38777376)",
        outcome={"CRS_GRADE_3_PLUS": dict(definition="CRS grade >= 3 (abstract: 'mild CRS'; recorded 0 on "
                                                     "that wording)")}),
    "kysa1_kyv101_ln_2024": dict(
        study="kysa-1-2024-lupus-sci-med", label="Lupus nephritis", disease="LUPUS_NEPHRITIS",
        dose="0.5x10^8 CAR T cells (flat dose, dose level 1)",
        lymphodepletion="fludarabine 30 mg/m2/day + cyclophosphamide 300 mg/m2/day x3 (days -7 to -5)",
        notes="Lupus nephritis class III/IV; 2 patients at dose level 1. Ages 18 and 28 (median 23 computed by "
              "the curator); follow-up 90 and 28 days. No DLTs or SAEs. Efficacy only as 'clinical "
              "improvement' (no remission counts). Authors not captured.",
        source="conference abstract (Lupus Sci Med 2024;11(Suppl 1):A109)",
        outcome={
            "CRS_ANY": dict(definition="CRS of any grade (both grade 1, fever)"),
            "CRS_GRADE_3_PLUS": dict(definition="CRS grade >= 3 (both grade 1)"),
            "ICANS_ANY": dict(definition="ICANS of any grade (abstract: no ICANS)"),
        }),
    "reset_sle_resecel_nonrenal": dict(
        study="reset-sle-2025", label="SLE (non-renal)", disease="SLE",
        notes="Cohort citation: Cabaletta Bio RESET-SLE phase 1/2 (rese-cel, CABA-201): non-renal SLE cohort - "
              "company/conference updates 2025. n = 4 non-renal SLE patients evaluable at the early-2025 "
              "update (10 patients dosed program-wide with >= 1 month follow-up; all 6 SLE/LN patients off "
              "immunosuppressants and steroids). Remission criterion not specified by the company. Safety "
              "only program-wide (90% no or grade 1 CRS; 1 ICANS), so no per-cohort safety outcome. Registry "
              "id not captured.",
        source="company update as reported by NoahAI news (early 2025)"),
    "reset_sle_resecel_ln": dict(
        study="reset-sle-2025", label="Lupus nephritis", disease="LUPUS_NEPHRITIS",
        notes="Cohort citation: Cabaletta Bio RESET-SLE phase 1/2 (rese-cel, CABA-201): lupus nephritis cohort "
              "- company/conference updates 2025. n = 1 = the first evaluable lupus nephritis patient at the "
              "early-2025 update. Safety only program-wide (90% no or grade 1 CRS; 1 ICANS), so no "
              "per-cohort safety outcome. Registry id not captured.",
        source="company update as reported by NoahAI news (early 2025)"),
    "reset_myositis_resecel": dict(
        study="reset-myositis-2025", label="IIM", disease="IDIOPATHIC_INFLAMMATORY_MYOPATHY",
        notes="6 treated (4 dermatomyositis, 2 anti-synthetase syndrome); n = 4 evaluable at week 16. Safety "
              "per cohort not captured. Registry id not captured.",
        source="ACR Convergence 2025 data as reported by BioSpace/NoahAI",
        outcome={"RESPONSE": dict(timepointMonths=3.7)}),
    "reset_ssc_resecel": dict(
        study="reset-ssc-2025", label="SSc", disease="SYSTEMIC_SCLEROSIS",
        dose="1x10^6 CAR T cells/kg", doseCellsPerKg=1e6,
        lymphodepletion="fludarabine 25 mg/m2/day (days -5 to -3) + cyclophosphamide 1000 mg/m2 (day -3)",
        notes="n = 4 = patients with >= 3 months follow-up at ACR 2025 ('clinical improvements' only, no "
              "counts). Dose and lymphodepletion from EULAR 2025 OP0338 (3 enrolled at that cutoff). One SSc "
              "patient had grade 3 ICANS 9 days after infusion (Fierce Biotech); the denominator at that time "
              "is unknown, so no ICANS outcome is entered."),
    "breakfree1_bms986353_sle_acr2024": dict(
        study="breakfree-1-2024-acr", label="SLE", disease="SLE",
        notes="n = 11 SLE patients in the expanded ACR 2024 dataset (plus 3 SSc and 1 IIM, not entered). "
              "Complete peripheral B-cell depletion; clinical responses in the 7 SLE patients with >= 1 month "
              "follow-up (median SLEDAI fell 10 points), no remission counts. The ACR 2025 update (71 patients "
              "across SSc/SLE/IIM) gives no per-cohort n. Sites 'multinational (US/EU)': only the United "
              "States is named in the sources, so EU countries are not entered."),
    "zhao2025_acr_im19_sle": dict(
        study="zhao-2025-acr-im19", label="SLE", disease="SLE",
        dose="1x10^6 CAR T cells/kg", doseCellsPerKg=1e6,
        notes="3F/3M, median age 37 (range 19-43), median disease duration 9.5 years, SLEDAI-2K >= 10. "
              "Lentiviral anti-CD19 CAR (IM19). Lymphodepletion likely but the text is truncated (not "
              "entered). Results section not captured."),
    "zju2025_asn_pedsle_eskd": dict(
        study="zheng-2025-asn-kidney-week", label="Lupus nephritis (paediatric, ESKD)",
        disease="LUPUS_NEPHRITIS",
        dose="1x10^5 CAR T cells/kg", doseCellsPerKg=1e5,
        notes="16-year-old girl with SLE, lupus nephritis and kidney failure (ESKD) on haemodialysis. 'Initial "
              "efficacy and safety over 9 months': outcome details truncated, so no outcome entered."),
    "qin2023_sttt_nmosd_bcma": dict(
        study="qin-2023-signal-transduct-target-ther", label="NMOSD", disease="NMOSD",
        lymphodepletion="cyclophosphamide 300 mg/m2 + fludarabine 30 mg/m2, days -4 to -2 (per the registry "
                        "record, not read in the paper)",
        notes="AQP4-IgG seropositive NMOSD; CT103A (equecabtagene autoleucel). Median age 49.5 (range 30-67). "
              "CRS in all 12, grade 1-2 only. Infections in 7 (58%; severity not stated, so no "
              "INFECTION_SEVERE outcome). 11 with falling AQP4-IgG. ICANS not stated in the abstract. The link "
              "of NCT04561557 to this paper is inferred from the registry, not read in the paper.",
        source="PubMed abstract (PMID 36596762)",
        outcome={
            "CRS_ANY": dict(definition="CRS of any grade (all grade 1-2)"),
            "CRS_GRADE_3_PLUS": dict(definition="CRS grade >= 3 (abstract: grade 1-2 only)"),
        }),
    "wang2024_emm_mg_bcma": dict(
        study="eque-cel-mg-2024-embo-mol-med", label="Myasthenia gravis", disease="MYASTHENIA_GRAVIS",
        dose="single infusion of equecabtagene autoleucel (dose not stated)",
        notes="Refractory generalized myasthenia gravis; eque-cel (CT103A). Read through news only: scores and "
              "safety not captured. First author and DOI not verified.",
        source="news (myastheniagravisnews.com)"),
    "granit2023_lancetneurol_mg_descartes08": dict(
        study="granit-2023-lancet-neurol", label="Myasthenia gravis (parts 1-2)", disease="MYASTHENIA_GRAVIS",
        dose="up to 52.5x10^6 CAR+ cells/kg per infusion (MTD, per Chahin 2025; part 1 was dose escalation)",
        lymphodepletion="none",
        supersededBy={"studyKey": "chahin-2025-ann-clin-transl-neurol", "label": "Myasthenia gravis (part 2)"},
        notes="MG-001 parts 1-2: 14 enrolled (3 part 1, 11 part 2), 10 women/4 men, 8 US sites. Improvements "
              "in MGC/QMG/MG-ADL without responder counts. Superseded by Chahin 2025, which re-reports 7 of "
              "these 14 (part-2 patients) with 12-month follow-up; the other 7 are not re-reported in this "
              "dataset. DOI recalled but NOT verified, so left out.",
        source="news (rarediseaseadvisor.com)",
        outcome={
            "CRS_ANY": dict(definition="CRS of any grade (news: no CRS)"),
            "CRS_GRADE_3_PLUS": dict(definition="CRS grade >= 3 (news: no CRS)"),
            "ICANS_ANY": dict(definition="neurotoxicity/ICANS of any grade (news: no neurotoxicity)"),
        }),
    "chahin2025_actn_mg_descartes08_12mo": dict(
        study="chahin-2025-ann-clin-transl-neurol", label="Myasthenia gravis (part 2)",
        disease="MYASTHENIA_GRAVIS",
        dose="52.5x10^6 CAR+ cells/kg per infusion, six weekly outpatient infusions", doseCellsPerKg=52.5e6,
        lymphodepletion="none",
        notes="7 of the Granit 2023 part-2 patients, 12-month follow-up (supersedes the Granit 2023 cohort). "
              "All 7 improved at month 3 'without significant toxicity' (no safety counts).",
        source="PubMed abstract (PMID 40856088)",
        outcome={"RESPONSE": dict(timepointMonths=3)}),
    "descartes08_ph2b_mg_topline": dict(
        study="descartes-08-phase-2b-2024", label="Myasthenia gravis (Descartes-08 arm)",
        disease="MYASTHENIA_GRAVIS",
        dose="six weekly infusions (dose per infusion not stated)", lymphodepletion="none",
        notes="Part 3 of NCT04146051, a randomized population separate from parts 1-2 (not linked to Granit "
              "or Chahin). 36 randomized 1:1; enrolled = 14 = the mITT Descartes-08 arm. Not entered: placebo "
              "3/12 (p=0.018 vs 10/14) and per-protocol 11/16 vs 5/15 (p=0.048). Generalized non-MuSK MG. "
              "Safety counts not captured.",
        source="company topline press release (via trial.medpath.com)",
        outcome={"RESPONSE": dict(timepointMonths=3)}),
    "ecnu2025_news_sle_allo_4women": dict(
        study="ecnu-2025-news-allogeneic-sle", label="SLE", disease="SLE",
        notes="Four women with drug-resistant SLE: one in drug-free remission, three symptom-free (arthritis, "
              "vasculitis, alopecia) on low-dose steroid maintenance. Primary publication not found. Target "
              "antigen not stated in the source: CD19 (the CSV's value) is an assumption; gene editing not "
              "stated. Possibly overlaps Wang D 2025 Med (NCT05859997), not linked (3 vs 4 patients, no source "
              "says they are the same patients).",
        source="news article (the project's seed text)"),
}

# ----------------------------------------------------------------------------------------------------------
# Conversion
# ----------------------------------------------------------------------------------------------------------


def num(text):
    """CSV number -> int when integral, else float; blank -> None."""
    text = text.strip()
    if not text:
        return None
    value = float(text)
    return int(value) if value.is_integer() else value


def clean_number(value):
    return int(value) if isinstance(value, float) and value.is_integer() else value


def weeks_to_months(weeks):
    return round(weeks * 12 / 52, 1)


def outcomes_for(row, spec):
    """The outcomes of one CSV row. A blank cell gives no outcome."""
    over = spec.get("outcome", {})
    default_source = spec.get("source")
    n = int(row["n_patients"])
    result = []

    def add(measure, definition, events):
        o = {"measure": measure, "definition": definition, "events": events, "total": n}
        o.update(over.get(measure, {}))
        if "source" not in o and default_source:
            o["source"] = default_source
        result.append(o)

    if row["remission_n"].strip():
        definition = row["remission_definition"].strip()
        if definition.startswith("response:"):
            add("RESPONSE", definition[len("response:"):].strip(), int(row["remission_n"]))
        elif definition == "relapse-free during follow-up":
            add("RELAPSE_FREE", definition, int(row["remission_n"]))
        else:
            add("REMISSION", definition, int(row["remission_n"]))
    if row["crs_any_n"].strip():
        add("CRS_ANY", "CRS of any grade (as reported)", int(row["crs_any_n"]))
    if row["crs_grade3plus_n"].strip():
        add("CRS_GRADE_3_PLUS", "CRS grade >= 3 (as reported)", int(row["crs_grade3plus_n"]))
    if row["icans_n"].strip():
        add("ICANS_ANY", "ICANS of any grade (as reported)", int(row["icans_n"]))
    if row["deaths_n"].strip():
        related = "treatment-related" in row["source_note"].lower()
        add("TREATMENT_RELATED_DEATH" if related else "DEATH",
            "treatment-related death (as reported)" if related else "death from any cause (as reported)",
            int(row["deaths_n"]))
    for measure in over:
        assert any(o["measure"] == measure for o in result), (row["study_key"], "override without outcome", measure)
    result.sort(key=lambda o: (o["measure"], o["definition"],
                               (0, 0) if o.get("timepointMonths") is None else (1, o["timepointMonths"])))
    return result


def registry_ids(row):
    return [p for p in re.split(r"[;,\s]+", row["registry_id"].strip()) if p]


def build(csv_path):
    with open(csv_path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    csv_keys = [r["study_key"] for r in rows]
    assert len(set(csv_keys)) == len(csv_keys), "duplicate study_key in CSV"
    assert set(csv_keys) == set(ROWS), ("CSV rows and ROWS mapping differ",
                                        sorted(set(csv_keys) ^ set(ROWS)))
    assert {ROWS[k]["study"] for k in ROWS} == set(STUDIES), "STUDIES and ROWS mapping differ"

    by_study = {}
    for row in rows:  # CSV order: the first row of a study is its "first" row
        by_study.setdefault(ROWS[row["study_key"]]["study"], []).append(row)

    studies = []
    for key, study_rows in by_study.items():
        curated = STUDIES[key]
        first = study_rows[0]
        doc = {"key": key}
        for field, value in curated.items():
            doc[field] = value
        doc.setdefault("citation", first["citation"].strip())
        if "citation" not in curated:
            assert len({r["citation"] for r in study_rows}) == 1, (key, "rows disagree on citation")
        dois = {r["doi"].strip() for r in study_rows}
        assert len(dois) == 1, (key, "rows disagree on doi")
        if first["doi"].strip():
            doc["doi"] = first["doi"].strip()
        ids = []
        for r in study_rows:
            for rid in registry_ids(r) + list(curated.get("extraRegistryIds", [])):
                if rid not in ids:
                    ids.append(rid)
        doc.pop("extraRegistryIds", None)
        if ids:
            doc["registryIds"] = sorted(ids)
        notes = [r["source_note"].strip() for r in study_rows]
        doc["sourceNote"] = notes[0]
        notes_differ = len(set(notes)) > 1

        cohorts = []
        for r in study_rows:
            spec = ROWS[r["study_key"]]
            c = {"label": spec["label"], "disease": spec["disease"], "enrolled": int(r["n_patients"])}
            for field, column in (("female", "n_female"), ("medianAge", "median_age"),
                                  ("medianFollowUpMonths", "followup_months")):
                value = num(r[column])
                if value is not None:
                    c[field] = value
            for field in ("dose", "lymphodepletion", "supersededBy"):
                if spec.get(field) is not None:
                    c[field] = spec[field]
            if spec.get("doseCellsPerKg") is not None:
                c["doseCellsPerKg"] = clean_number(spec["doseCellsPerKg"])
            text = spec.get("notes", "")
            if notes_differ:
                text = (r["source_note"].strip() + (" | " + text if text else ""))
            if text:
                c["notes"] = text
            c["outcomes"] = outcomes_for(r, spec)
            cohorts.append(c)
        cohorts.sort(key=lambda c: c["label"])
        doc["cohorts"] = cohorts
        studies.append(doc)
    studies.sort(key=lambda s: s["key"])
    return rows, studies


# The field order of the service's export (the components of StudyInput, CohortInput, OutcomeInput), so that the
# file is byte for byte what GET /api/v1/export writes for the same data (ImportExportTest checks it).
STUDY_FIELDS = ["key", "title", "citation", "registryIds", "doi", "pmid", "publicationYear", "startYear", "phase",
                "status", "countries", "sponsor", "institution", "target", "cellSource", "geneEditing", "vector",
                "sourceType", "sourceNote", "cohorts"]
COHORT_FIELDS = ["label", "disease", "enrolled", "female", "medianAge", "dose", "doseCellsPerKg", "lymphodepletion",
                 "medianFollowUpMonths", "notes", "supersededBy", "outcomes"]
OUTCOME_FIELDS = ["measure", "definition", "events", "total", "timepointMonths", "mean", "sd", "median", "unit",
                  "notes", "source"]
ALWAYS_LISTED = {"registryIds", "countries", "cohorts", "outcomes"}  # written as [] when empty


def plain(value):
    """A number as the export writes it: a plain decimal, no exponent, no trailing zeros (3000000, 22.5)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    text = format(Decimal(repr(value)).normalize(), "f")
    return int(text) if "." not in text else float(text)


def ordered(record, fields):
    unknown = set(record) - set(fields)
    if unknown:
        raise SystemExit("fields the export does not write: %s" % sorted(unknown))
    out = {}
    for field in fields:
        value = record.get(field)
        if value is None and field in ALWAYS_LISTED:
            value = []
        if value is not None:
            out[field] = plain(value)
    return out


def outcome_order(o):
    return (o["measure"], o.get("definition") is not None, o.get("definition") or "",
            o.get("timepointMonths") is not None, o.get("timepointMonths") or 0)


def canonical(study):
    doc = ordered({k: v for k, v in study.items() if k != "cohorts"}, STUDY_FIELDS)
    cohorts = []
    for c in sorted(study.get("cohorts", []), key=lambda c: c["label"]):
        cohort = ordered({k: v for k, v in c.items() if k != "outcomes"}, COHORT_FIELDS)
        cohort["outcomes"] = [ordered(o, OUTCOME_FIELDS) for o in sorted(c.get("outcomes", []), key=outcome_order)]
        cohorts.append(cohort)
    doc["cohorts"] = cohorts
    return doc


def render(studies):
    """NDJSON, one study per line in key order: the service's import and export format."""
    lines = []
    for study in sorted(studies, key=lambda s: s["key"]):
        lines.append(json.dumps(canonical(study), ensure_ascii=False, separators=(",", ":")))
    return "\n".join(lines) + "\n"


def parse(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


# ----------------------------------------------------------------------------------------------------------
# Self-check
# ----------------------------------------------------------------------------------------------------------
EXPECTED_FOREST = {  # (study key, cohort label) -> (events, total): the 9 cohorts of forest-sle-metafor.png
    ("mueller-2024-nejm", "SLE"): (8, 8),
    ("krickau-2024-lancet", "Lupus nephritis (paediatric)"): (1, 1),
    ("wang-2025-med", "SLE"): (3, 3),
    ("yts109-2025-nat-med", "Lupus nephritis"): (5, 5),
    ("feng-2025-nat-med", "SLE"): (12, 15),
    ("bcma-cd19-ccar-2024-ann-rheum-dis", "Lupus nephritis"): (12, 13),
    ("reset-sle-2025", "SLE (non-renal)"): (3, 4),
    ("reset-sle-2025", "Lupus nephritis"): (1, 1),
    ("ecnu-2025-news-allogeneic-sle", "SLE"): (1, 4),
}


def check(rows, studies):
    problems = []

    def need(cond, msg):
        if not cond:
            problems.append(msg)

    need(len(studies) == 24, "expected 24 studies, got %d" % len(studies))
    n_cohorts = sum(len(s["cohorts"]) for s in studies)
    need(n_cohorts == 28, "expected 28 cohorts, got %d" % n_cohorts)
    need(n_cohorts == len(rows), "one cohort per CSV row")
    keys = [s["key"] for s in studies]
    need(len(set(keys)) == len(keys), "duplicate study keys")
    need(keys == sorted(keys), "studies not sorted by key")

    index = {}
    study_fields = {"key", "title", "citation", "registryIds", "doi", "pmid", "publicationYear", "startYear",
                    "phase", "status", "countries", "sponsor", "institution", "target", "cellSource",
                    "geneEditing", "vector", "sourceType", "sourceNote", "cohorts"}
    cohort_fields = {"label", "disease", "enrolled", "female", "medianAge", "dose", "doseCellsPerKg",
                     "lymphodepletion", "medianFollowUpMonths", "supersededBy", "notes", "outcomes"}
    outcome_fields = {"measure", "definition", "events", "total", "timepointMonths", "notes", "source"}
    for s in studies:
        k = s["key"]
        need(set(s) <= study_fields, (k, "unknown fields", set(s) - study_fields))
        for f in ("key", "title", "citation", "publicationYear", "phase", "status", "target", "cellSource",
                  "sourceType", "cohorts"):
            need(f in s and s[f] not in (None, "", []), (k, "missing", f))
        need(bool(KEY_RE.match(k)) and len(k) <= 80, (k, "bad key"))
        need(s["phase"] in PHASES, (k, "phase"))
        need(s["status"] in STATUSES, (k, "status"))
        need(s["target"] in TARGETS, (k, "target"))
        need(s["cellSource"] in CELL_SOURCES, (k, "cellSource"))
        need(s.get("geneEditing", "NONE") in GENE_EDITING, (k, "geneEditing"))
        need(s.get("vector", "MRNA") in VECTORS, (k, "vector"))
        need(s["sourceType"] in SOURCE_TYPES, (k, "sourceType"))
        need(isinstance(s["publicationYear"], int) and 1990 <= s["publicationYear"] <= 2030, (k, "year"))
        if "doi" in s:
            need(bool(DOI_RE.match(s["doi"])), (k, "doi format"))
        if "pmid" in s:
            need(isinstance(s["pmid"], str) and bool(PMID_RE.match(s["pmid"])), (k, "pmid format"))
        for rid in s.get("registryIds", []):
            need(bool(NCT_RE.match(rid) or CHICTR_RE.match(rid)), (k, "registry id format", rid))
        need(isinstance(s.get("registryIds", []), list) and isinstance(s.get("countries", []), list), (k, "not a list"))
        for v in s.values():
            need(v is not None, (k, "null value"))
        labels = [c["label"] for c in s["cohorts"]]
        need(len(set(labels)) == len(labels), (k, "duplicate cohort labels"))
        need(labels == sorted(labels), (k, "cohorts not sorted"))
        for c in s["cohorts"]:
            where = (k, c["label"])
            index[where] = c
            need(set(c) <= cohort_fields, (where, "unknown fields", set(c) - cohort_fields))
            need(c["disease"] in DISEASES, (where, "disease"))
            need(isinstance(c["enrolled"], int) and c["enrolled"] >= 1, (where, "enrolled"))
            if "female" in c:
                need(isinstance(c["female"], int) and 0 <= c["female"] <= c["enrolled"], (where, "female"))
            for v in c.values():
                need(v is not None, (where, "null value"))
            keyed = [(o["measure"], o["definition"],
                      (0, 0) if o.get("timepointMonths") is None else (1, o["timepointMonths"]))
                     for o in c["outcomes"]]
            need(keyed == sorted(keyed), (where, "outcomes not sorted"))
            for o in c["outcomes"]:
                need(set(o) <= outcome_fields, (where, "unknown outcome fields"))
                need(o["measure"] in MEASURES, (where, "measure", o["measure"]))
                need(bool(o.get("definition")), (where, "outcome definition"))
                need(isinstance(o["events"], int) and isinstance(o["total"], int)
                     and 0 <= o["events"] <= o["total"] <= c["enrolled"], (where, "events/total", o))
    # supersession: targets exist, no self link, no cycles, no chains into superseded cohorts
    for where, c in index.items():
        sb = c.get("supersededBy")
        if not sb:
            continue
        target = (sb["studyKey"], sb["label"])
        need(target in index, (where, "supersededBy target missing", target))
        seen = {where}
        while target in index:
            need(target not in seen, (where, "supersession cycle"))
            if target in seen:
                break
            seen.add(target)
            nxt = index[target].get("supersededBy")
            target = (nxt["studyKey"], nxt["label"]) if nxt else None
    superseded = sorted(w for w, c in index.items() if c.get("supersededBy"))
    need(superseded == [("granit-2023-lancet-neurol", "Myasthenia gravis (parts 1-2)"),
                        ("mackensen-2022-nat-med", "SLE"), ("mougiakakos-2021-nejm", "Lupus nephritis")],
         ("unexpected superseded set", superseded))

    # disease rule: any CSV disease text naming lupus nephritis -> LUPUS_NEPHRITIS, other lupus -> SLE
    for r in rows:
        text = r["disease"].lower()
        spec = ROWS[r["study_key"]]
        if "lupus nephritis" in text:
            need(spec["disease"] == "LUPUS_NEPHRITIS", (r["study_key"], "lupus nephritis rule"))
        elif text.startswith("sle") or "lupus" in text:
            need(spec["disease"] == "SLE", (r["study_key"], "SLE rule"))
    # blank cell -> never a value
    for r in rows:
        c = index[(ROWS[r["study_key"]]["study"], ROWS[r["study_key"]]["label"])]
        for field, column in (("female", "n_female"), ("medianAge", "median_age"),
                              ("medianFollowUpMonths", "followup_months")):
            need((field in c) == bool(r[column].strip()), (r["study_key"], "blank/value mismatch", field))
        need(c["enrolled"] == int(r["n_patients"]), (r["study_key"], "enrolled"))
        measures = {o["measure"] for o in c["outcomes"]}
        for column, ms in (("remission_n", {"REMISSION", "RESPONSE", "RELAPSE_FREE"}),
                           ("crs_any_n", {"CRS_ANY"}), ("crs_grade3plus_n", {"CRS_GRADE_3_PLUS"}),
                           ("icans_n", {"ICANS_ANY"}), ("deaths_n", {"DEATH", "TREATMENT_RELATED_DEATH"})):
            need(bool(measures & ms) == bool(r[column].strip()), (r["study_key"], "outcome/blank", column))

    # the reference forest plot: query measure=REMISSION, disease SLE/LN, superseded cohorts left out
    forest = {}
    for (k, label), c in index.items():
        if c["disease"] in ("SLE", "LUPUS_NEPHRITIS") and not c.get("supersededBy"):
            for o in c["outcomes"]:
                if o["measure"] == "REMISSION":
                    need((k, label) not in forest, ((k, label), "two REMISSION outcomes"))
                    forest[(k, label)] = (o["events"], o["total"])
    need(forest == EXPECTED_FOREST, ("forest set differs", forest))
    # ... and the same 9 selected from the raw CSV the way forest-sle-metafor.R selects them
    r_pick = {}
    for r in rows:
        if (re.search(r"^SLE|lupus nephritis", r["disease"], re.I) and r["remission_n"].strip()
                and not r["remission_definition"].startswith("response:")
                and r["study_key"] not in ("mougiakakos2021_nejm_sle", "mackensen2022_natmed_sle")):
            spec = ROWS[r["study_key"]]
            r_pick[(spec["study"], spec["label"])] = (int(r["remission_n"]), int(r["n_patients"]))
    need(r_pick == EXPECTED_FOREST, ("R-script selection differs", r_pick))
    # metafor (REML, logit, Hartung-Knapp) gave: 0.8025 [0.6357, 0.9044], tau^2 = 0, Q = 7.4622 (8 df).
    # With tau^2 = 0 the estimate is the inverse-variance mean; escalc PLO adds 0.5 where x = 0 or x = n.
    ys, ws = [], []
    for x, n in forest.values():
        a, b = (x + 0.5, n - x + 0.5) if x in (0, n) else (x, n - x)
        ys.append(math.log(a / b))
        ws.append(1 / (1 / a + 1 / b))
    mu = sum(w * y for w, y in zip(ws, ys)) / sum(ws)
    q = sum(w * (y - mu) ** 2 for w, y in zip(ws, ys))
    t975_df8 = 2.306004135033371  # qt(0.975, 8)
    se_knha = math.sqrt(q / (len(ys) - 1) / sum(ws))
    ilogit = lambda v: 1 / (1 + math.exp(-v))
    got = (ilogit(mu), ilogit(mu - t975_df8 * se_knha), ilogit(mu + t975_df8 * se_knha), q)
    for g, want in zip(got, (0.8025, 0.6357, 0.9044, 7.4622)):
        need(abs(g - want) < 5e-5, ("metafor reference not reproduced", got))

    if problems:
        for p in problems:
            print("CHECK FAILED:", p, file=sys.stderr)
        raise SystemExit(1)
    events = sum(e for e, _ in forest.values())
    total = sum(t for _, t in forest.values())
    print("check ok: %d studies, %d cohorts, %d outcomes; %d superseded cohorts; forest set k=%d (%d/%d), "
          "pooled %.4f [%.4f, %.4f], Q=%.4f" % (len(studies), n_cohorts,
                                                sum(len(c["outcomes"]) for c in index.values()),
                                                len(superseded), len(forest), events, total, *got))


def main(argv):
    args = [a for a in argv if a != "--check"]
    check_only = "--check" in argv
    csv_path = os.path.abspath(args[0]) if args else DEFAULT_CSV
    rows, studies = build(csv_path)
    text = render(studies)
    if check_only:
        with open(OUTPUT, encoding="utf-8", newline="") as fh:
            on_disk = fh.read()
        if on_disk != text:
            print("CHECK FAILED: %s is not what convert.py writes; re-run without --check" % OUTPUT,
                  file=sys.stderr)
            raise SystemExit(1)
        print("%s is up to date" % os.path.relpath(OUTPUT, REPO_ROOT))
    else:
        os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
        with open(OUTPUT, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        print("wrote %s" % os.path.relpath(OUTPUT, REPO_ROOT))
    check(rows, parse(text))


if __name__ == "__main__":
    main(sys.argv[1:])
