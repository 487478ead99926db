#!/usr/bin/env python3
"""Benchmark 1: a cold `crabbox run --provider local -- true` (new sandbox, full sync, command,
delete) against a shell pipeline doing the same copy: git ls-files | tar -czf | tar -xzf into a
fresh directory. Also records crabbox's peak RSS (benchmark 6 repeats that on 60,000 files)."""
import os
import statistics
import tempfile

import benchlib as b

BASELINE = ('set -o pipefail; git ls-files -z --cached --others --exclude-standard '
            '| tar --null --ignore-failed-read -T - -czf - | tar -xzf - -C "$1"')


def phase_rows(results):
    """Median of each --timing-json phase over the crabbox runs, plus what the phases leave out."""
    timings = [r.timing() for r in results]
    names = []
    for t in timings:
        for p in t.get("syncPhases") or []:
            if p["name"] not in names:
                names.append(p["name"])
    rows = []
    for name in names:
        values = [next((p.get("ms", 0) for p in t.get("syncPhases") or [] if p["name"] == name), 0) for t in timings]
        rows.append(f"| sync phase `{name}` | {statistics.median(values):.0f} ms |")
    rows.append(f"| command (`true`) | {statistics.median(t['commandMs'] for t in timings):.0f} ms |")
    rows.append("| lease create + wait + delete (totalMs - syncMs - commandMs) | "
                f"{statistics.median(t['totalMs'] - t['syncMs'] - t['commandMs'] for t in timings):.0f} ms |")
    rows.append("| run set-up before the provider's clock starts (endToEndMs - totalMs) | "
                f"{statistics.median(t['endToEndMs'] - t['totalMs'] for t in timings):.0f} ms |")
    rows.append("| process start-up, argument parsing, emulator start and process exit (wall - endToEndMs) | "
                f"{statistics.median(r.wall * 1000 - r.timing()['endToEndMs'] for r in results):.0f} ms |")
    stop_errors = sum(1 for t in timings if t.get("leaseStopError"))
    return rows, stop_errors


def main():
    n = b.runs()
    env = b.private_env("b1")
    repo = b.make_repo(20000)
    scratch = os.path.join(b.OUT, "scratch")
    os.makedirs(scratch, exist_ok=True)

    def cold(_):
        return b.measure(b.crabbox("run", "--provider", "local", "--timing-json", "--", "true"), env, repo, poll_hwm=True)

    def baseline(_):
        dest = tempfile.mkdtemp(prefix="b1-copy-", dir=scratch)
        try:
            return b.measure(["bash", "-c", BASELINE, "_", dest], env, repo)
        finally:
            b.remove_tree(dest)

    try:
        b.log(f"bench 1: {n} cold crabbox runs and {n} baseline copies, interleaved")
        res = b.interleave(n, [("crabbox", cold), ("baseline", baseline)])
    finally:
        b.cleanup("bench 1", env, repo)
    b.save_raw("b1", res)

    files, size = b.sync_candidate_bytes(res["crabbox"][0].stderr)
    ratio = b.med([r.wall for r in res["crabbox"]]) / b.med([r.wall for r in res["baseline"]])
    rows = b.time_rows(res, [("crabbox", "`crabbox run --provider local -- true` (cold)"),
                             ("baseline", "baseline: git ls-files \\| tar -czf \\| tar -xzf")])
    b.print_table(
        "1. Cold run vs shell copy",
        f"Repository: make-repo.py, 20,000 tracked files; crabbox syncs {files} files, {b.fmt_bytes(size)}.",
        rows,
        [b.target_line("ratio crabbox / baseline (medians)", ratio, 1.0)])

    breakdown, stop_errors = phase_rows(res["crabbox"])
    print("Where the cold run's time goes (medians of `--timing-json`):\n")
    print("| part | median |")
    print("| --- | --- |")
    for row in breakdown:
        print(row)
    print()
    if stop_errors:
        print(f"- {stop_errors} of {n} runs reported `leaseStopError` (the sandbox delete timed out; "
              "the run still exits 0 and prints a cleanup hint).")
    hwm = [r.hwm_kib for r in res["crabbox"] if r.hwm_kib]
    tree = [r.maxrss_tree_kib for r in res["crabbox"]]
    print(f"- peak RSS of the crabbox process (VmHWM, emulator in-process): median {b.med(hwm) / 1024:.0f} MiB, "
          f"max {max(hwm) / 1024:.0f} MiB; largest of crabbox and its children (rusage): max {max(tree) / 1024:.0f} MiB")
    print(flush=True)


if __name__ == "__main__":
    main()
