#!/usr/bin/env python3
"""Turns the raw outputs of bench/run.sh (bench/results/) into bench/RESULTS.md, on standard output.

    python3 bench/report.py bench/results > bench/RESULTS.md

Only what the run measured is written; a number that is missing shows as "-" with the reason where known.
"""

import csv
import json
import os
import re
import statistics
import sys

UNITS_MS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3600000.0}

ENDPOINT_TITLES = {
    "ceiling_1": "ceiling (before)",
    "ceiling_2": "ceiling (after)",
    "study_by_id": "study by id",
    "list_sle": "list: SLE, newest first",
    "list_cd19_auto_p1": "list: CD19 + autologous + phase 1",
    "list_q_lupus": "list: q=lupus, from 2022, by key",
    "pooled": "pooled remission by disease",
    "pooled_no_cohorts": "the same, numbers only (cohorts=false)",
    "summary": "evidence summary",
}
ORDER = ["ceiling_1", "study_by_id", "list_sle", "list_cd19_auto_p1", "list_q_lupus", "pooled", "pooled_no_cohorts",
         "summary",
         "ceiling_2"]
TOP = 100000  # the size at which the latency targets apply


def read_env(path):
    env = {}
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                env[k] = v
    return env


def read_text(path, default=None):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().strip()
    except OSError:
        return default


def to_ms(text):
    m = re.match(r"^([0-9.]+)(us|ms|s|m|h)$", text)
    return float(m.group(1)) * UNITS_MS[m.group(2)] if m else None


def refusal_detail(path):
    """The problem details' detail (or title) of a refused first request, as the service wrote it; None if none."""
    if not os.path.exists(path):
        return None
    try:
        problem = json.load(open(path, encoding="utf-8"))
    except ValueError:
        return None
    errors = problem.get("errors") or []
    messages = ["%s: %s" % (e.get("field"), e.get("message")) for e in errors if isinstance(e, dict)]
    return "; ".join(messages) or problem.get("detail") or problem.get("title")


def parse_wrk(path):
    text = read_text(path)
    if text is None:
        return None
    out = {"raw_ok": "Requests/sec" in text}
    m = re.search(r"Requests/sec:\s+([0-9.]+)", text)
    out["rps"] = float(m.group(1)) if m else None
    for pct in ("50", "75", "90", "99"):
        m = re.search(r"^\s+%s%%\s+(\S+)" % pct, text, re.M)
        out["p" + pct] = to_ms(m.group(1)) if m else None
    m = re.search(r"(\d+) requests in ([0-9.]+\w+)", text)
    out["requests"] = int(m.group(1)) if m else None
    m = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    out["non2xx"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    out["socket_errors"] = sum(map(int, m.groups())) if m else 0
    return out


def fmt(x, digits=1):
    if x is None:
        return "-"
    if isinstance(x, int):
        return "{:,}".format(x)
    return "{:,.{d}f}".format(x, d=digits)


def fmt_ms(x):
    if x is None:
        return "-"
    return "%.2f" % x if x < 10 else "%.1f" % x if x < 100 else "{:,.0f}".format(x)


def verdict(ok):
    return "met" if ok else "**not met**"


def rss_phases(path):
    """RSS samples by phase, in MB."""
    phases = {}
    series = []
    if not os.path.exists(path):
        return phases, series
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            try:
                mb = int(row["rss_kb"]) / 1024
            except (TypeError, ValueError):
                continue
            phases.setdefault(row["phase"], []).append(mb)
            series.append((int(row["epoch_ms"]), mb, row["phase"]))
    return phases, series


def size_dirs(results):
    sizes = []
    for name in os.listdir(results):
        m = re.match(r"size-(\d+)$", name)
        if m:
            sizes.append(int(m.group(1)))
    return sorted(sizes)


def main(results):
    rdir = os.path.basename(os.path.normpath(results))
    env = read_env(os.path.join(results, "run.env"))
    out = []
    w = out.append
    nproc = int(env.get("host_nproc", "0") or 0)
    load = env.get("loadavg_before", "")
    load1 = float(load.split()[0]) if load else 0.0

    w("# Benchmark results")
    w("")
    w("Written by `bench/report.py` from the raw outputs of `bench/run.sh` in `bench/%s/`; every number below "
      "was measured by that run. Rerun with one command (see the end)." % rdir)
    w("")
    busy = nproc and load1 > 0.5 * nproc
    if env.get("note"):
        w("> **Note:** %s" % env["note"])
        w("")
    if busy:
        w("> **Busy machine:** the load average before the run was %s on %d cores, so other work competed for "
          "the CPU with the service and wrk: treat these numbers as a trial of the script, not as the service's "
          "performance." % (load, nproc))
        w("")

    w("## Machine and run")
    w("")
    w("| | |")
    w("|---|---|")
    rows = [
        ("Date (UTC)", env.get("date_utc")),
        ("CPU", "%s, %s cores (nproc)" % (env.get("cpu_model", "?"), env.get("host_nproc", "?"))),
        ("Memory", "%.1f GiB" % (int(env["mem_total_kb"]) / 1048576) if env.get("mem_total_kb") else "?"),
        ("Kernel", env.get("kernel")),
        ("Java", env.get("java_version")),
        ("wrk", env.get("wrk_version")),
        ("Service commit", env.get("git_commit")),
        ("Database", env.get("db_server") or "H2, embedded (a new data folder at every start of the service)"),
        ("Load average (1, 5, 15 min) before / after", "%s / %s" % (load, env.get("loadavg_after", "?"))),
        ("JVM options (service and empty app)", "`%s`%s" % (env.get("jvm_opts", ""), (
            "; environment `%s`" % env["jvm_env"].strip()) if env.get("jvm_env", "").strip() else "")),
        ("wrk", "`-t%s -c%s -d%s --timeout 30s --latency`, after a %s warm-up of every endpoint" % (
            env.get("threads"), env.get("connections"), env.get("duration"), env.get("warmup"))),
        ("Data", "bench/generate.py, seed %s, %s cohorts per study and %s outcomes per cohort on average, "
                 "imported in parts of %s studies" % (env.get("seed"), env.get("cohorts_per_study"),
                                                      env.get("outcomes_per_cohort"), env.get("chunk_studies"))),
        ("Command", "`%s`" % env.get("command", "bench/run.sh")),
    ]
    if env.get("startup_only") == "1":
        rows = [r for r in rows if r[0] not in ("wrk", "Data")]
    for k, v in rows:
        w("| %s | %s |" % (k, v if v else "?"))
    w("")

    sizes = size_dirs(results)
    pooled_by_size = {}
    summary_rows = []

    for n in sizes:
        d = os.path.join(results, "size-%d" % n)
        manifest = json.loads(read_text(os.path.join(d, "manifest.json"), "{}"))
        w("## %s studies" % fmt(n))
        w("")
        w("%s studies, %s cohorts, %s outcomes (generated)." % (
            fmt(manifest.get("studies")), fmt(manifest.get("cohorts")), fmt(manifest.get("outcomes"))))
        failed = read_text(os.path.join(d, "failed"))
        if failed:
            w("")
            w("**The run of this size failed: %s.** What was measured before that is below." % failed)
        w("")
        ceiling_path = read_text(os.path.join(d, "ceiling_path"), "?")
        if ceiling_path != "/api/v1/version":
            w("The ceiling is `GET %s`: `GET /api/v1/version` did not answer 200 in this build, so the health "
              "endpoint (a constant small JSON of the same process) stands in for it." % ceiling_path)
        else:
            w("The ceiling is `GET /api/v1/version` (a constant small JSON of the same process).")
        w("")

        wrk = {name: parse_wrk(os.path.join(d, "wrk-%s.txt" % name)) for name in ORDER}
        ceilings = [wrk[c]["rps"] for c in ("ceiling_1", "ceiling_2") if wrk.get(c) and wrk[c].get("rps")]
        ceiling = statistics.mean(ceilings) if ceilings else None
        paths = {}
        first = {}
        fr = os.path.join(d, "first-request.tsv")
        if os.path.exists(fr):
            with open(fr, encoding="utf-8") as f:
                for row in csv.DictReader(f, delimiter="\t"):
                    paths[row["name"]] = row["path"]
                    first[row["name"]] = row
        paths["ceiling_1"] = paths["ceiling_2"] = ceiling_path

        w("Ratios are to the mean of the two ceiling runs (%s req/s). Latency targets apply at %s studies; at "
          "other sizes they are shown for the trend." % (fmt(ceiling), fmt(TOP)))
        w("")
        w("| endpoint | request | req/s | p50 ms | p99 ms | errors | ratio to ceiling | target | |")
        w("|---|---|---:|---:|---:|---:|---:|---|---|")
        for name in ORDER:
            r = wrk.get(name)
            title = ENDPOINT_TITLES[name]
            path = paths.get(name, "")
            if name == "study_by_id":
                path = "/api/v1/studies/{id} (rotating ids)"
            if not r or r.get("rps") is None:
                w("| %s | `GET %s` | - | - | - | - | - | | not measured |" % (title, path))
                continue
            errors = r["non2xx"] + r["socket_errors"]
            ratio = r["rps"] / ceiling if ceiling else None
            target, ok = "", None
            if name == "study_by_id":
                target, ok = ">= 50 % of ceiling", ratio is not None and ratio >= 0.5
            elif name.startswith("list_"):
                target, ok = ">= 25 % of ceiling", ratio is not None and ratio >= 0.25
            elif name.startswith("pooled"):
                target = "p50 <= 100 ms, p99 <= 300 ms (at %s)" % fmt(TOP)
                ok = r["p50"] is not None and r["p99"] is not None and r["p50"] <= 100 and r["p99"] <= 300
            elif name == "summary":
                target = "p50 <= 100 ms (at %s)" % fmt(TOP)
                ok = r["p50"] is not None and r["p50"] <= 100
            if errors and ok is not None:
                ok = False
            if not r["rps"] and ok is not None:
                ok = False  # no request finished within the run: nothing met
            mark = "" if ok is None else verdict(ok)
            if ok is not None and name in ("pooled", "pooled_no_cohorts", "summary") and n != TOP:
                mark = "(%s)" % ("would be met" if ok else "would not be met")
            if errors:
                mark += " %d non-2xx/socket errors" % errors
            if not r["rps"]:
                mark += " (no request finished in the run)"
            w("| %s | `GET %s` | %s | %s | %s | %s | %s | %s | %s |" % (
                title, path, fmt(r["rps"]), fmt_ms(r["p50"]), fmt_ms(r["p99"]), fmt(errors),
                "-" if ratio is None or name.startswith("ceiling") else "%.0f %%" % (100 * ratio), target, mark))
            if name.startswith("pooled"):
                pooled_by_size.setdefault(n, {})[name] = r
        w("")
        if first:
            w("First (cold) request of each, right after the import, before any warm-up (curl):")
            w("")
            w("| endpoint | HTTP | seconds | bytes |")
            w("|---|---:|---:|---:|")
            for name in ["ceiling"] + [x for x in ORDER if not x.startswith("ceiling")]:
                row = first.get(name)
                if row:
                    w("| %s | %s | %s | %s |" % (ENDPOINT_TITLES.get(name, name), row["http"],
                                                 row["seconds"], fmt(int(float(row["bytes"])))))
            w("")
            for name in ORDER:
                refusal = refusal_detail(os.path.join(d, "first-%s.json" % name))
                if refusal:
                    w("%s answered %s: \"%s\"" % (ENDPOINT_TITLES.get(name, name), first[name]["http"], refusal))
                    w("")

        # Import
        import_ms = read_text(os.path.join(d, "import_ms"))
        created = None
        resp = os.path.join(d, "import-responses.ndjson")
        if os.path.exists(resp):
            created = 0
            for line in open(resp, encoding="utf-8"):
                if line.strip():
                    try:
                        o = json.loads(line)["outcomes"]
                        created += o.get("created", 0) + o.get("updated", 0) + o.get("unchanged", 0)
                    except (ValueError, KeyError, TypeError):
                        pass
        phases, series = rss_phases(os.path.join(d, "rss.tsv"))
        outcomes = manifest.get("outcomes")
        if import_ms and outcomes and failed != "import failed":
            secs = int(import_ms) / 1000
            rate = outcomes / secs if secs else None
            parts = manifest.get("parts", [])
            auth = {"jwt": "a JWT bearer token, as pipelines send in production",
                    "basic": "HTTP Basic as the curator (a bcrypt check per request)"}.get(env.get("auth"),
                                                                                          "HTTP Basic")
            w("**Import** (`POST /api/v1/import`, %d request(s) of up to %s studies, one after another, with %s): "
              "%s outcomes (%s studies, %s cohorts) in %.1f s = **%s outcomes/s** (target >= 20,000: %s); the "
              "service reported %s outcomes imported; RSS during the import up to %s MB." % (
                  len(parts), env.get("chunk_studies"), auth, fmt(outcomes), fmt(manifest.get("studies")),
                  fmt(manifest.get("cohorts")), secs, fmt(rate, 0), verdict(rate is not None and rate >= 20000),
                  fmt(created), fmt(max(phases["import"]), 0) if phases.get("import") else "-"))
            summary_rows.append((n, "import outcomes/s", rate))
        elif failed == "import failed":
            w("**Import failed** (see `bench/%s/size-%d/import.tsv` and `import-last.json`)." % (rdir, n))
        w("")
        exp = read_text(os.path.join(d, "export.tsv"))
        if exp:
            http, secs, size = exp.split("\t")
            secs = float(secs)
            # an export that wrote nothing (the service failed before its first chunk) measured no rate
            rate = outcomes / secs if secs and outcomes and http == "200" and int(size) > 0 else None
            e = phases.get("export", [])
            flat = ""
            if e:
                rise = max(e) - e[0]
                flat = ("RSS during the export: %s MB at its start, %s MB at most, %s MB at its end (a rise of %s MB "
                        "while %s MB were streamed)" % (fmt(e[0], 0), fmt(max(e), 0), fmt(e[-1], 0), fmt(rise, 0),
                                                        fmt(int(size) / 1048576, 0)))
            w("**Export** (`GET /api/v1/export`, NDJSON, to /dev/null): HTTP %s, %s bytes in %.2f s = **%s "
              "outcomes/s** (target >= 50,000: %s). %s." % (
                  http, fmt(int(size)), secs, fmt(rate, 0), verdict(rate is not None and rate >= 50000), flat))
            summary_rows.append((n, "export outcomes/s", rate))
            w("")
        loaded = [mb for ph, v in phases.items() if ph.startswith("wrk:") for mb in v]
        if loaded:
            peak = max(loaded)
            w("**RSS under load** (VmRSS every 100 ms during the wrk runs): up to **%s MB** (target <= 300 MB with "
              "`%s`: %s); over the whole run of this size up to %s MB.%s" % (
                  fmt(peak, 0), env.get("jvm_opts"), verdict(peak <= 300),
                  fmt(max(mb for _, mb, _ in series), 0),
                  " The service's JVM alone: the PostgreSQL server's memory is not counted."
                  if env.get("db") == "postgresql" else ""))
            w("")
            summary_rows.append((n, "peak RSS under load MB", peak))
        st = read_text(os.path.join(d, "startup_ms"))
        if st:
            w("Startup of this service instance (empty data folder) to its first answer: %s ms." % fmt(int(st)))
            w("")

    # Pooled growth
    if pooled_by_size:
        w("## Pooled analysis across sizes")
        w("")
        w("`GET /api/v1/evidence/pooled?measure=REMISSION&groupBy=disease` (with its cohort lists, the default) and "
          "the same with `cohorts=false`; the target is that the time grows no faster than linearly with the "
          "number of studies.")
        w("")
        n0 = min(pooled_by_size)
        nmax = max(pooled_by_size)
        w("| studies | studies / %s | p50 ms | p99 ms | p50 / p50 at %s | p50 ms, cohorts=false | p99 ms, "
          "cohorts=false | p50 / p50 at %s, cohorts=false |" % (fmt(n0), fmt(n0), fmt(n0)))
        w("|---:|---:|---:|---:|---:|---:|---:|---:|")
        def answered_p50(n, variant):
            """The p50 of a run whose every request was answered 2xx; None for a run of refusals or errors."""
            r = pooled_by_size[n].get(variant) or {}
            return None if r.get("non2xx") or r.get("socket_errors") else r.get("p50")

        growth = {}
        refused = set()
        for variant in ("pooled", "pooled_no_cohorts"):
            base, top = answered_p50(n0, variant), answered_p50(nmax, variant)
            if base and top and nmax != n0:
                growth[variant] = top / base
            elif nmax != n0:
                refused.add(variant)
        for n in sorted(pooled_by_size):
            cells = []
            for variant in ("pooled", "pooled_no_cohorts"):
                r = pooled_by_size[n].get(variant) or {}
                base, p50 = answered_p50(n0, variant), answered_p50(n, variant)
                cells += [fmt_ms(r.get("p50")), fmt_ms(r.get("p99")),
                          "%.2f" % (p50 / base) if base and p50 else
                          ("- (errors)" if r.get("p50") and not p50 else "-")]
            w("| %s | %.0f | %s |" % (fmt(n), n / n0, " | ".join(cells)))
        for variant in sorted(refused):
            w("")
            w("%s: no growth is judged, as the run at %s or %s studies had non-2xx answers (its times are those "
              "of the refusals)." % ("With cohort lists" if variant == "pooled" else "cohorts=false", fmt(n0),
                                      fmt(nmax)))
        for variant, g in growth.items():
            w("")
            w("%s: from %s to %s studies the p50 grew %.2fx for %.0fx the studies: %s." % (
                "With cohort lists" if variant == "pooled" else "cohorts=false", fmt(n0), fmt(nmax), g, nmax / n0,
                "no faster than linear" if g <= nmax / n0 else "**faster than linear**"))
        if TOP not in pooled_by_size:
            w("")
            w("(%s studies were not run, so the targets at that size are not judged here.)" % fmt(TOP))
        w("")

    # Startup
    st_path = os.path.join(results, "startup.tsv")
    if os.path.exists(st_path):
        by = {}
        with open(st_path, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                by.setdefault(row["app"], []).append(int(row["startup_ms"]))
        w("## Startup")
        w("")
        w("From launching `java %s -jar .../quarkus-run.jar` to the first 200 answer (polled with curl every 10 ms): "
          "the packaged service on a new, empty data folder (reference data off; Flyway creates the schema) to "
          "`GET /q/health/live`; an empty Quarkus REST app (`bench/empty-app`, same Quarkus version, one "
          "resource) to `GET /hello`; and the same app with the persistence stack the service is built on "
          "(`bench/orm-app`: Hibernate ORM with Panache, Flyway, H2 in a new data folder, one entity, one "
          "migration) to `GET /hello`; in turn." % env.get("jvm_opts", ""))
        w("")
        w("| app | runs (ms) | median ms | / empty app |")
        w("|---|---|---:|---:|")
        names = {"empty": "empty Quarkus REST app", "orm": "empty app + Hibernate ORM, Flyway, H2",
                 "service": "cart-evidence"}
        empty = statistics.median(by["empty"]) if by.get("empty") else None
        # Other builds of the service started in the same rotation (--also-jar LABEL=PATH): "service:LABEL".
        also = [app for app in by if app.startswith("service:")]
        for app in also:
            names[app] = "cart-evidence, %s (`%s`)" % (app.split(":", 1)[1], next(
                (a.split("=", 1)[1] for a in env.get("also_jars", "").split() if a.startswith(app.split(":", 1)[1] + "=")),
                "?"))
        for app in ["empty", "orm", "service"] + also:
            if by.get(app):
                median = statistics.median(by[app])
                w("| %s | %s | %s | %s |" % (names[app], ", ".join(map(str, by[app])), fmt(int(median)),
                                             "%.2fx" % (median / empty) if empty else "-"))
        if by.get("empty") and by.get("service"):
            ratio = statistics.median(by["service"]) / empty
            w("")
            w("The service takes **%.2fx** the empty app's startup (target <= 1.5x: %s)." % (ratio, verdict(ratio <= 1.5)))
            if by.get("orm"):
                floor = statistics.median(by["orm"]) / empty
                w("")
                w("The persistence stack alone, with nothing of the service, takes %.2fx the empty app%s; the service "
                  "takes %.2fx the persistence stack's startup." % (
                      floor, " (above the 1.5x target by itself)" if floor > 1.5 else "",
                      statistics.median(by["service"]) / statistics.median(by["orm"])))
        w("")

    # Statistics
    stats = {}
    sp = os.path.join(results, "stats.txt")
    if os.path.exists(sp):
        for line in open(sp, encoding="utf-8"):
            parts = line.rstrip("\n").split(" ", 1)
            if len(parts) == 2:
                stats[parts[0]] = parts[1].strip()
    if stats:
        w("## Statistics alone: REML pooling, Java against R's metafor")
        w("")
        w("`bench/stats/run.sh`: %s; the service's `MetaAnalysis.pool` with its defaults (logit, REML, "
          "Hartung-Knapp, Wilson cohort intervals) in a plain Java harness (`PoolTiming.java`: %s warm-up runs, "
          "then the median of %s timed runs), and `metafor::escalc(measure = \"PLO\")` + `rma(method = \"REML\", "
          "test = \"knha\")` on the same CSV (`rma.R`, system.time). metafor's Fisher scoring works on k x k "
          "matrices, so it is timed in full at smaller k (prefixes of the same CSV) and at k = 10,000 only up to a "
          "time limit." % (stats.get("data", "?"), stats.get("java.k10000.warmup", "?").split(".")[0],
                          stats.get("java.k10000.repetitions", "?").split(".")[0]))
        w("")
        ks = sorted({int(m.group(1)) for key in stats for m in [re.match(r"java\.k(\d+)\.", key)] if m})
        w("| k | Java median ms | R metafor ms | R / Java | tau² Java | tau² R | mu Java | mu R |")
        w("|---:|---:|---:|---:|---:|---:|---:|---:|")
        for k in ks:
            j = float(stats.get("java.k%d.median_ms" % k, "nan"))
            r_ms = stats.get("r.k%d.fit_median_ms" % k)
            timeout = stats.get("r.k%d.timeout_s" % k)
            err = stats.get("r.k%d.error" % k)
            if r_ms:
                r_cell = fmt(float(r_ms), 0)
                ratio = "%.0fx" % (float(r_ms) / j)
            elif timeout:
                r_cell = "> %s (not done in %s s)" % (fmt(int(timeout) * 1000), timeout)
                ratio = "> %.0fx" % (int(timeout) * 1000 / j)
            elif err:
                r_cell, ratio = "error: %s" % err.replace("_", " "), "-"
            else:
                r_cell, ratio = ("not run (%s)" % stats["r.status"]) if stats.get("r.status", "ok") != "ok" else "-", "-"
            w("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
                fmt(k), fmt_ms(j), r_cell, ratio,
                stats.get("java.k%d.tau2" % k, "-"), stats.get("r.k%d.tau2" % k, "-"),
                stats.get("java.k%d.mu" % k, "-"), stats.get("r.k%d.mu" % k, "-")))
        w("")
        j10 = stats.get("java.k10000.median_ms")
        if j10:
            j10 = float(j10)
            r10 = stats.get("r.k10000.fit_median_ms")
            t10 = stats.get("r.k10000.timeout_s")
            if r10:
                w("At k = 10,000 metafor took %.0fx as long as the Java code (target >= 10x: %s)." % (
                    float(r10) / j10, verdict(float(r10) / j10 >= 10)))
            elif t10:
                w("At k = 10,000 metafor had not finished after %s s, so it takes more than %.0fx as long as the "
                  "Java code (%s ms) (target >= 10x: %s)." % (t10, int(t10) * 1000 / j10, fmt_ms(j10),
                                                                verdict(int(t10) * 1000 / j10 >= 10)))
            agree = []
            for k in ks:
                if stats.get("r.k%d.tau2" % k):
                    agree.append("k = %s: |tau² difference| %.1e, |mu difference| %.1e" % (
                        fmt(k), abs(float(stats["java.k%d.tau2" % k]) - float(stats["r.k%d.tau2" % k])),
                        abs(float(stats["java.k%d.mu" % k]) - float(stats["r.k%d.mu" % k]))))
            if agree:
                w("")
                w("Same estimates: %s. (metafor stops REML when tau² moves by less than 1e-5, the Java code at "
                  "1e-12, so they agree to about 1e-5.) metafor %s, R %s; where its Fisher scoring did not "
                  "converge it was rerun with shorter steps (`stepadj`), the remedy its help names, and only the "
                  "converging call is timed (R's most favourable time)." % (
                      "; ".join(agree), next((v for key, v in stats.items() if key.split(".")[-1] == "metafor_version"), "?"),
                      next((v for key, v in stats.items() if key.split(".")[-1] == "r_version"), "?")))
        w("")

    w("## Rerun")
    w("")
    w("```")
    w("bench/run.sh --sizes 1000,10000,100000 --duration 20s")
    w("```")
    w("")
    w("Options: `--warmup 5s`, `--threads 2`, `--connections 16`, `--jvm-opts \"-Xmx256m\"`, `--startup-reps 5`, "
      "`--chunk-studies 2000`, `--seed 1`, `--skip-build`, `--no-stats`, `--r-timeout 120`, `--note TEXT`, "
      "`--auth basic` (the import logs in with HTTP Basic instead of a bearer token), "
      "`--name NAME` (results in `bench/results-NAME/` and `bench/RESULTS-NAME.md`). "
      "The exact commands of this run are in `bench/%s/commands.txt`, wrk's outputs in "
      "`bench/%s/size-*/wrk-*.txt`, the RSS samples in `bench/%s/size-*/rss.tsv`." % ((rdir,) * 3))
    w("")
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
