#!/usr/bin/env python3
"""Samples a process's resident set size every 100 ms until it exits (or this is killed).

    python3 bench/rss_sampler.py PID PHASE_FILE OUT.tsv [interval_s]

Each line of OUT.tsv: milliseconds since the epoch, VmRSS in kB (from /proc/PID/status), and the phase the
benchmark wrote into PHASE_FILE at that moment (import, wrk:<endpoint>, export, ...).
"""
import sys
import time


def main(pid, phase_file, out, interval=0.1):
    with open(out, "w", buffering=1) as f:
        f.write("epoch_ms\trss_kb\tphase\n")
        while True:
            try:
                with open("/proc/%s/status" % pid) as s:
                    rss = next((line.split()[1] for line in s if line.startswith("VmRSS:")), None)
            except OSError:
                return
            if rss is None:  # a zombie has no VmRSS
                return
            try:
                with open(phase_file) as p:
                    phase = p.read().strip() or "-"
            except OSError:
                phase = "-"
            f.write("%d\t%s\t%s\n" % (time.time() * 1000, rss, phase))
            time.sleep(interval)


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]) if len(sys.argv) > 4 else 0.1)
