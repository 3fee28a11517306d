#!/usr/bin/env python3
"""Checks NDJSON study documents against the service's import rules, without the service.

    python3 bench/check_docs.py FILE...

The rules are those of StudyInput, CohortInput, OutcomeInput and the import's cross-field checks (key pattern and
uniqueness, required fields and enum values, registry id format, unique cohort labels, female <= enrolled,
0 <= events <= total <= enrolled, unique (measure, definition, timepointMonths) per cohort), plus the order the
export writes (studies by key, cohorts by label, outcomes by measure, definition, timepointMonths). The enum values
are read from the service's Java sources, so the check follows the code. Exit status 1 on the first bad file.
"""

import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(os.path.dirname(HERE), "src", "main", "java", "org", "cartevidence")

KEY = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
REGISTRY = re.compile(r"^(NCT[0-9]{8}|ChiCTR[0-9A-Za-z-]{4,30})$")
DOI = re.compile(r"^10\.[0-9]{4,9}/\S+$")
PMID = re.compile(r"^[1-9][0-9]{0,9}$")

STUDY = {"key", "title", "citation", "registryIds", "doi", "pmid", "publicationYear", "startYear", "phase", "status",
         "countries", "sponsor", "institution", "target", "cellSource", "geneEditing", "vector", "sourceType",
         "sourceNote", "cohorts"}
COHORT = {"label", "disease", "enrolled", "female", "medianAge", "dose", "doseCellsPerKg", "lymphodepletion",
          "medianFollowUpMonths", "supersededBy", "notes", "outcomes"}
OUTCOME = {"measure", "definition", "events", "total", "timepointMonths", "mean", "sd", "median", "unit", "notes",
           "source"}


def enum(path):
    with open(os.path.join(SRC, path), encoding="utf-8") as f:
        text = f.read()
    body = re.search(r"enum\s+\w+\s*\{([^;}]*)", text).group(1)
    return {v.strip() for v in body.split(",") if v.strip()}


ENUMS = {
    "phase": enum("study/Phase.java"), "status": enum("study/StudyStatus.java"), "target": enum("study/Target.java"),
    "cellSource": enum("study/CellSource.java"), "geneEditing": enum("study/GeneEditing.java"),
    "vector": enum("study/VectorType.java"), "sourceType": enum("study/SourceType.java"),
    "disease": enum("cohort/Disease.java"), "measure": enum("outcome/Measure.java"),
}


def is_int(x):
    return isinstance(x, int) and not isinstance(x, bool)


def check(doc, where, seen_keys):
    errors = []
    err = errors.append
    unknown = set(doc) - STUDY
    if unknown:
        err("unknown study fields %s" % sorted(unknown))
    key = doc.get("key")
    if not isinstance(key, str) or not KEY.match(key) or len(key) > 80:
        err("bad key %r" % key)
    elif key in seen_keys:
        err("duplicate key %r" % key)
    seen_keys.add(key)
    if not isinstance(doc.get("title"), str) or not doc["title"].strip() or len(doc["title"]) > 500:
        err("bad title")
    for f in ("phase", "status", "target", "cellSource", "sourceType"):
        if doc.get(f) not in ENUMS[f]:
            err("bad or missing %s %r" % (f, doc.get(f)))
    for f in ("geneEditing", "vector"):
        if f in doc and doc[f] not in ENUMS[f]:
            err("bad %s %r" % (f, doc[f]))
    for r in doc.get("registryIds", []):
        if not isinstance(r, str) or not REGISTRY.match(r):
            err("bad registry id %r" % r)
    if "doi" in doc and not DOI.match(doc["doi"]):
        err("bad doi")
    if "pmid" in doc and not PMID.match(doc["pmid"]):
        err("bad pmid")
    for f in ("publicationYear", "startYear"):
        if f in doc and not (is_int(doc[f]) and 1990 <= doc[f] <= 2100):
            err("bad %s" % f)
    if len(doc.get("countries", [])) > 30 or any(not isinstance(c, str) or not c.strip() for c in doc.get("countries", [])):
        err("bad countries")
    labels = []
    for i, c in enumerate(doc.get("cohorts", [])):
        at = "cohorts/%d" % i
        if set(c) - COHORT:
            err("%s: unknown fields %s" % (at, sorted(set(c) - COHORT)))
        if not isinstance(c.get("label"), str) or not c["label"].strip() or len(c["label"]) > 200:
            err("%s: bad label" % at)
        labels.append(c.get("label"))
        if c.get("disease") not in ENUMS["disease"]:
            err("%s: bad disease" % at)
        enrolled = c.get("enrolled")
        if not is_int(enrolled) or not 1 <= enrolled <= 1_000_000:
            err("%s: bad enrolled" % at)
            continue
        if "female" in c and not (is_int(c["female"]) and 0 <= c["female"] <= enrolled):
            err("%s: bad female" % at)
        triples = set()
        outcome_keys = []
        for j, o in enumerate(c.get("outcomes", [])):
            ot = "%s/outcomes/%d" % (at, j)
            if set(o) - OUTCOME:
                err("%s: unknown fields" % ot)
            if o.get("measure") not in ENUMS["measure"]:
                err("%s: bad measure" % ot)
            total, events = o.get("total"), o.get("events")
            if not is_int(total) or not 1 <= total <= enrolled:
                err("%s: bad total %r (enrolled %d)" % (ot, total, enrolled))
            elif not is_int(events) or not 0 <= events <= total:
                err("%s: bad events %r" % (ot, events))
            tp = o.get("timepointMonths")
            if tp is not None and not (isinstance(tp, (int, float)) and 0 <= tp <= 600):
                err("%s: bad timepointMonths" % ot)
            if isinstance(tp, float) and tp.is_integer():
                err("%s: timepointMonths %r not written as the export writes it" % (ot, tp))
            triple = (o.get("measure"), o.get("definition"), None if tp is None else float(tp))
            if triple in triples:
                err("%s: duplicate (measure, definition, timepointMonths)" % ot)
            triples.add(triple)
            d = o.get("definition")
            outcome_keys.append((o.get("measure") or "", d is not None, d or "", tp is not None, tp or 0))
        if outcome_keys != sorted(outcome_keys):
            err("%s: outcomes not in export order" % at)
    if len(set(labels)) != len(labels):
        err("duplicate cohort label")
    if labels != sorted(labels):
        err("cohorts not sorted by label")
    return ["%s: %s" % (where, e) for e in errors]


def main(paths):
    seen = set()
    counts = [0, 0, 0]
    previous = None
    bad = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                doc = json.loads(line)
                where = "%s:%d" % (os.path.basename(path), n)
                errors = check(doc, where, seen)
                if previous is not None and doc.get("key", "") <= previous:
                    errors.append("%s: not sorted by key" % where)
                previous = doc.get("key", "")
                for e in errors[:5]:
                    print(e, file=sys.stderr)
                bad += bool(errors)
                counts[0] += 1
                counts[1] += len(doc.get("cohorts", []))
                counts[2] += sum(len(c.get("outcomes", [])) for c in doc.get("cohorts", []))
    print("%d studies, %d cohorts, %d outcomes; %d bad" % (*counts, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1:]))
