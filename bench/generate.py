#!/usr/bin/env python3
"""Synthetic study documents for the benchmark, drawn from the reference data's distributions.

    python3 bench/generate.py --studies 10000 --seed 1 --out /tmp/bench/studies-10000.ndjson [--chunk-studies 2000]

Writes NDJSON in the format of POST /api/v1/import (and GET /api/v1/export): one study per line, studies sorted by
key, cohorts by label, outcomes by (measure, definition, timepointMonths), fields in the export's order, numbers as
plain decimals. With --chunk-studies M it writes the same lines split into OUT-part00001.ndjson, ... of M studies
each (the import endpoint limits one request's body, so the loader posts one part per request). Either way it also
writes OUT.manifest.json with the counts (studies, cohorts, outcomes, per part) that run.sh uses for rates.

Where the numbers come from: the reference data (src/main/resources/reference-data/studies.ndjson, 24 studies,
28 cohorts, 53 outcomes) is read at run time and every field is drawn from its empirical frequencies:

- study: phase, status, target, sourceType, publicationYear, countries (the whole list), and the triple
  (cellSource, geneEditing, vector) jointly (gene editing goes with donor cells); presence of registryIds, doi,
  pmid, sponsor, institution at the reference rates. Free text and identifiers are synthetic and say so.
- cohorts per study: 1 + Poisson(--cohorts-per-study - 1) (reference: 28/24 = 1.17; the benchmark scales it up);
  disease from the reference cohorts; enrolled resampled from the reference cohorts' sizes; female present at the
  reference rate and then Binomial(enrolled, pooled female share); medianAge, medianFollowUpMonths, doseCellsPerKg
  present at the reference rates with values resampled from the reference.
- outcomes per cohort: Poisson(--outcomes-per-cohort) (reference: 53/28 = 1.9); measure from the reference
  outcomes' frequencies; definition resampled from the reference definitions of that measure; timepointMonths
  from the reference (mostly absent); total = enrolled (as in every reference outcome); events ~ Binomial(total,
  e/n) where e/n is the event rate of a reference outcome of the same measure drawn at random (so each measure's
  rates spread like the reference's; a measure the reference only saw at 0, such as CRS grade >= 3, stays 0).
  Where a drawn (measure, definition, timepointMonths) is already in the cohort, the outcome moves to the next free
  follow-up time point (1, 3, 6, 12, ... months), so the triple stays unique, as the service requires.

Deterministic: the same seed, sizes and reference file give the same bytes (with the same Python version).
Standard library only.

    python3 bench/generate.py --stats-csv FILE --k 10000 --seed 1
writes instead k REMISSION cohorts (events,total) drawn the same way, for the statistics timing (bench/stats).
"""

import argparse
import json
import math
import os
import random
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
REFERENCE = os.path.join(REPO, "src", "main", "resources", "reference-data", "studies.ndjson")
REFERENCE_JSON = os.path.join(REPO, "src", "main", "resources", "reference-data", "studies.json")

# Field order of the export (the record components of StudyInput, CohortInput, OutcomeInput).
STUDY_FIELDS = ["key", "title", "citation", "registryIds", "doi", "pmid", "publicationYear", "startYear", "phase",
                "status", "countries", "sponsor", "institution", "target", "cellSource", "geneEditing", "vector",
                "sourceType", "sourceNote"]
COHORT_FIELDS = ["label", "disease", "enrolled", "female", "medianAge", "dose", "doseCellsPerKg", "lymphodepletion",
                 "medianFollowUpMonths", "notes"]
OUTCOME_FIELDS = ["measure", "definition", "events", "total", "timepointMonths", "mean", "sd", "median", "unit",
                  "notes", "source"]

# Follow-up time points (months) an outcome moves to when its drawn triple is taken.
FOLLOW_UP = [1, 3, 6, 12, 18, 24, 36, 48, 60, 72, 84, 96, 120, 144, 180, 240]

DISEASE_NAMES = {
    "SLE": "systemic lupus erythematosus",
    "LUPUS_NEPHRITIS": "lupus nephritis",
    "IDIOPATHIC_INFLAMMATORY_MYOPATHY": "idiopathic inflammatory myopathy",
    "SYSTEMIC_SCLEROSIS": "systemic sclerosis",
    "RHEUMATOID_ARTHRITIS": "rheumatoid arthritis",
    "MYASTHENIA_GRAVIS": "myasthenia gravis",
    "ULCERATIVE_COLITIS": "ulcerative colitis",
    "CROHNS_DISEASE": "Crohn's disease",
    "NMOSD": "neuromyelitis optica spectrum disorder",
    "MULTIPLE_SCLEROSIS": "multiple sclerosis",
    "ANCA_VASCULITIS": "ANCA-associated vasculitis",
    "SJOGRENS_DISEASE": "Sjogren's disease",
}


def load_reference(path):
    if path is None:
        path = REFERENCE if os.path.exists(REFERENCE) else REFERENCE_JSON
    with open(path, encoding="utf-8") as f:
        if path.endswith(".ndjson"):
            return [json.loads(line) for line in f if line.strip()], path
        return json.load(f), path


class Empirical:
    """Draws values with the frequencies they have in a sample (ties kept in first-seen order: deterministic)."""

    def __init__(self, values):
        counts = Counter()
        order = []
        for v in values:
            k = json.dumps(v, sort_keys=True)
            if k not in counts:
                order.append((k, v))
            counts[k] += 1
        if not order:
            raise ValueError("no values to draw from")
        self.values = [v for _, v in order]
        self.cum = []
        total = 0
        for k, _ in order:
            total += counts[k]
            self.cum.append(total)
        self.total = total

    def draw(self, rng):
        x = rng.random() * self.total
        lo, hi = 0, len(self.cum) - 1
        while lo < hi:  # first cum > x
            mid = (lo + hi) // 2
            if self.cum[mid] > x:
                hi = mid
            else:
                lo = mid + 1
        return self.values[lo]


class Model:
    """The empirical distributions of the reference data."""

    def __init__(self, studies):
        cohorts = [c for s in studies for c in s.get("cohorts", [])]
        outcomes = [o for c in cohorts for o in c.get("outcomes", [])]
        self.counts = (len(studies), len(cohorts), len(outcomes))
        st = lambda f: Empirical([s.get(f) for s in studies])
        self.phase = st("phase")
        self.status = st("status")
        self.target = st("target")
        self.source_type = st("sourceType")
        self.year = st("publicationYear")
        self.countries = Empirical([s.get("countries") or [] for s in studies])
        self.cell = Empirical([[s.get("cellSource"), s.get("geneEditing"), s.get("vector")] for s in studies])
        rate = lambda items, f: sum(1 for x in items if x.get(f) not in (None, [], "")) / len(items)
        self.p_registry = rate(studies, "registryIds")
        self.p_doi = rate(studies, "doi")
        self.p_pmid = rate(studies, "pmid")
        self.p_sponsor = rate(studies, "sponsor")
        self.p_institution = rate(studies, "institution")
        self.sponsors = Empirical([s["sponsor"] for s in studies if s.get("sponsor")] or ["Synthetic Sponsor"])
        self.institutions = Empirical([s["institution"] for s in studies if s.get("institution")]
                                      or ["Synthetic Institution"])

        self.disease = Empirical([c["disease"] for c in cohorts])
        self.enrolled = Empirical([c["enrolled"] for c in cohorts])
        self.p_female = rate(cohorts, "female")
        with_female = [c for c in cohorts if c.get("female") is not None]
        self.female_share = (sum(c["female"] for c in with_female) / sum(c["enrolled"] for c in with_female)
                             if with_female else 0.5)
        self.p_age = rate(cohorts, "medianAge")
        self.age = Empirical([c["medianAge"] for c in cohorts if c.get("medianAge") is not None] or [40])
        self.p_follow = rate(cohorts, "medianFollowUpMonths")
        self.follow = Empirical([c["medianFollowUpMonths"] for c in cohorts
                                 if c.get("medianFollowUpMonths") is not None] or [12])
        self.p_dose = rate(cohorts, "doseCellsPerKg")
        self.dose = Empirical([c["doseCellsPerKg"] for c in cohorts if c.get("doseCellsPerKg") is not None]
                              or [1000000])

        self.measure = Empirical([o["measure"] for o in outcomes])
        self.definitions = {}
        self.rates = {}
        for m in self.measure.values:
            of = [o for o in outcomes if o["measure"] == m]
            self.definitions[m] = Empirical([o.get("definition") for o in of])
            self.rates[m] = Empirical([[o["events"], o["total"]] for o in of])
        self.timepoint = Empirical([o.get("timepointMonths") for o in outcomes])
        # Remission rates alone, for the statistics timing.
        self.remission = self.rates.get("REMISSION")


def poisson(rng, mean):
    if mean <= 0:
        return 0
    # Knuth; fine for the small means used here.
    limit = math.exp(-mean)
    k, p = 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def binomial(rng, n, p):
    r = rng.random
    return sum(1 for _ in range(n) if r() < p)


def plain(x):
    """A number as the export writes it: integral values without '.0'."""
    if isinstance(x, float) and x.is_integer():
        return int(x)
    return x


def draw_events(model, rng, measure, total):
    e, n = model.rates[measure].draw(rng)
    return binomial(rng, total, e / n)


def ordered(d, fields):
    return {f: d[f] for f in fields if d.get(f) is not None}


def study_document(model, rng, index, seed, cohorts_mean, outcomes_mean):
    target = model.target.draw(rng)
    cell_source, gene_editing, vector = model.cell.draw(rng)
    phase = model.phase.draw(rng)
    year = model.year.draw(rng)

    n_cohorts = 1 + poisson(rng, max(0.0, cohorts_mean - 1))
    cohorts = []
    for j in range(n_cohorts):
        disease = model.disease.draw(rng)
        enrolled = model.enrolled.draw(rng)
        cohort = {
            "label": "Cohort %02d %s" % (j + 1, disease.replace("_", " ").lower()),
            "disease": disease,
            "enrolled": enrolled,
        }
        if rng.random() < model.p_female:
            cohort["female"] = binomial(rng, enrolled, model.female_share)
        if rng.random() < model.p_age:
            cohort["medianAge"] = plain(model.age.draw(rng))
        if rng.random() < model.p_dose:
            cohort["doseCellsPerKg"] = plain(model.dose.draw(rng))
        if rng.random() < model.p_follow:
            cohort["medianFollowUpMonths"] = plain(model.follow.draw(rng))
        outcomes = {}
        for _ in range(poisson(rng, outcomes_mean)):
            measure = model.measure.draw(rng)
            definition = model.definitions[measure].draw(rng)
            timepoint = model.timepoint.draw(rng)
            key = (measure, definition, timepoint)
            if key in outcomes:
                for t in FOLLOW_UP:
                    key = (measure, definition, t)
                    if key not in outcomes:
                        break
                else:
                    continue  # every time point taken: leave this outcome out
            total = enrolled
            o = {"measure": measure, "definition": definition, "events": draw_events(model, rng, measure, total),
                 "total": total}
            if key[2] is not None:
                o["timepointMonths"] = plain(key[2])
            o["source"] = "synthetic"
            outcomes[key] = o
        # Export order: measure, then definition (absent first), then time point (absent first).
        cohort["outcomes"] = [outcomes[k] for k in sorted(
            outcomes, key=lambda k: (k[0], k[1] is not None, k[1] or "", k[2] is not None, k[2] or 0))]
        cohorts.append(cohort)
    cohorts.sort(key=lambda c: c["label"])

    first = cohorts[0]["disease"]
    disease_name = DISEASE_NAMES.get(first, first.replace("_", " ").lower())
    slug = "%s-%s-%d" % (target.lower().replace("_", "-"), first.lower().replace("_", "-"), year)
    key = "syn-%07d-%s" % (index, slug)
    study = {
        "key": key[:80].rstrip("-"),
        "title": "Synthetic %s CAR-T study %d in %s (%s, %s)" % (
            target.replace("_", "/"), index, disease_name, phase.replace("_", " ").lower(), cell_source.lower()),
        "citation": "Synthetic benchmark record %d (bench/generate.py, seed %d); not real evidence." % (index, seed),
        "registryIds": ["NCT%08d" % rng.randrange(100000000)] if rng.random() < model.p_registry else [],
        "doi": "10.5555/syn.%d" % index if rng.random() < model.p_doi else None,
        "pmid": str(rng.randrange(10000000, 40000000)) if rng.random() < model.p_pmid else None,
        "publicationYear": year,
        "phase": phase,
        "status": model.status.draw(rng),
        "countries": model.countries.draw(rng),
        "sponsor": model.sponsors.draw(rng) if rng.random() < model.p_sponsor else None,
        "institution": model.institutions.draw(rng) if rng.random() < model.p_institution else None,
        "target": target,
        "cellSource": cell_source,
        "geneEditing": gene_editing,
        "vector": vector,
        "sourceType": model.source_type.draw(rng),
        "sourceNote": "synthetic data for the performance benchmark",
    }
    doc = ordered(study, STUDY_FIELDS)
    doc["registryIds"] = study["registryIds"]  # the export writes empty lists too
    doc["countries"] = study["countries"]
    doc = {f: doc[f] for f in STUDY_FIELDS if f in doc}
    doc["cohorts"] = [dict(ordered(c, COHORT_FIELDS), outcomes=[ordered(o, OUTCOME_FIELDS) for o in c["outcomes"]])
                      for c in cohorts]
    return doc, len(cohorts), sum(len(c["outcomes"]) for c in cohorts)


def generate(args):
    studies, ref_path = load_reference(args.reference)
    model = Model(studies)
    rng = random.Random(args.seed)
    out = args.out
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    base = out[:-len(".ndjson")] if out.endswith(".ndjson") else out
    parts = []
    totals = {"studies": 0, "cohorts": 0, "outcomes": 0}
    handle = None
    part = None

    def open_part():
        nonlocal handle, part
        if handle:
            handle.close()
        name = out if not args.chunk_studies else "%s-part%05d.ndjson" % (base, len(parts) + 1)
        handle = open(name, "w", encoding="utf-8", newline="\n")
        part = {"file": os.path.basename(name), "studies": 0, "cohorts": 0, "outcomes": 0}
        parts.append(part)

    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    for i in range(1, args.studies + 1):
        if handle is None or (args.chunk_studies and part["studies"] >= args.chunk_studies):
            open_part()
        doc, nc, no = study_document(model, rng, i, args.seed, args.cohorts_per_study, args.outcomes_per_cohort)
        handle.write(dumps(doc))
        handle.write("\n")
        for t in (part, totals):
            t["studies"] += 1
            t["cohorts"] += nc
            t["outcomes"] += no
    if handle:
        handle.close()
    manifest = {
        "reference": os.path.relpath(ref_path, REPO),
        "referenceCounts": dict(zip(("studies", "cohorts", "outcomes"), model.counts)),
        "seed": args.seed,
        "cohortsPerStudy": args.cohorts_per_study,
        "outcomesPerCohort": args.outcomes_per_cohort,
        **totals,
        "parts": parts,
    }
    with open(base + ".manifest.json", "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    print("%d studies, %d cohorts, %d outcomes in %d file(s); manifest %s" % (
        totals["studies"], totals["cohorts"], totals["outcomes"], len(parts), base + ".manifest.json"),
        file=sys.stderr)


def stats_csv(args):
    studies, _ = load_reference(args.reference)
    model = Model(studies)
    rng = random.Random(args.seed)
    with open(args.stats_csv, "w", encoding="utf-8", newline="\n") as f:
        f.write("events,total\n")
        for _ in range(args.k):
            total = model.enrolled.draw(rng)
            f.write("%d,%d\n" % (draw_events(model, rng, "REMISSION", total), total))
    print("%d REMISSION cohorts in %s" % (args.k, args.stats_csv), file=sys.stderr)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--studies", type=int, help="number of studies")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", help="output NDJSON file (with --chunk-studies: the prefix of the parts)")
    p.add_argument("--chunk-studies", type=int, default=0, help="split into files of this many studies")
    p.add_argument("--cohorts-per-study", type=float, default=5.0, help="mean cohorts per study (default 5)")
    p.add_argument("--outcomes-per-cohort", type=float, default=4.0, help="mean outcomes per cohort (default 4)")
    p.add_argument("--reference", help="reference data (default: the service's studies.ndjson)")
    p.add_argument("--stats-csv", help="write k REMISSION cohorts as events,total instead")
    p.add_argument("--k", type=int, default=10000, help="cohorts for --stats-csv")
    args = p.parse_args(argv)
    if args.stats_csv:
        stats_csv(args)
        return
    if not args.studies or args.studies < 1 or not args.out:
        p.error("--studies N (>= 1) and --out FILE are needed")
    if args.studies >= 10 ** 7:
        p.error("at most 9,999,999 studies (the key has 7 digits)")
    generate(args)


if __name__ == "__main__":
    main()
