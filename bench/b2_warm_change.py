#!/usr/bin/env python3
"""Benchmark 2: a warm run after changing one file (`run --id <slug> -- true` on a sandbox that
already holds the tree: delta sync of one file) against the cold run of benchmark 1, measured in
the same script. Also compares the bytes each run uploads, as crabbox reports them."""
import os

import benchlib as b

SLUG = "benchwarm2"
CHANGED = "bench-changed.txt"  # a new untracked file, rewritten with new content before each warm run


def main():
    n = b.runs()
    env = b.private_env("b2")
    repo = b.make_repo(20000)
    changed = os.path.join(repo, CHANGED)
    cold_cmd = b.crabbox("run", "--provider", "local", "--timing-json", "--", "true")
    warm_cmd = b.crabbox("run", "--id", SLUG, "--timing-json", "--", "true")

    def cold(_):
        r = b.measure(cold_cmd, env, repo)
        b.log(f"  cold run: sync candidate {b.sync_candidate_bytes(r.stderr)} (files, bytes)")
        return r

    def warm(i):
        # Outside the timed window: the one-file change crabbox has to find and send.
        with open(changed, "w") as f:
            f.write(f"bench 2 change {i}\n" * 64)
        r = b.measure(warm_cmd, env, repo)
        b.log(f"  warm run {i + 1}: uploaded {b.sync_upload_bytes(r.stderr)} (files, bytes); timing {r.timing()}")
        return r

    try:
        b.log("bench 2: warmup and first (full) sync of the warm sandbox")
        with open(changed, "w") as f:
            f.write("bench 2 initial\n")
        b.measure(b.crabbox("warmup", "--provider", "local", "--slug", SLUG), env, repo)
        first = b.measure(warm_cmd, env, repo)
        b.log(f"  first sync: {first.wall:.1f}s")
        b.log(f"bench 2: {n} warm one-file-change runs and {n} cold runs, interleaved")
        res = b.interleave(n, [("warm", warm), ("cold", cold)])
    finally:
        b.cleanup("bench 2", env, repo)
        b.remove_tree(changed)
    b.save_raw("b2", res)

    warm_med = b.med([r.wall for r in res["warm"]])
    cold_med = b.med([r.wall for r in res["cold"]])
    _, cold_bytes = b.sync_candidate_bytes(res["cold"][0].stderr)
    uploads = [b.sync_upload_bytes(r.stderr) for r in res["warm"]]
    warm_files = max(u[0] for u in uploads)
    warm_bytes = max(u[1] for u in uploads)
    rows = b.time_rows(res, [("warm", "warm `run --id <slug> -- true` after changing 1 file"),
                             ("cold", "cold `run --provider local -- true` (baseline)")])
    rows.append(f"| bytes uploaded, warm run (largest of {n}) | {b.fmt_bytes(warm_bytes)} in {warm_files} file(s) | | | {n} |")
    rows.append(f"| bytes uploaded, cold run | {b.fmt_bytes(cold_bytes)} | | | |")
    phases = {}
    for r in res["warm"]:
        for p in r.timing().get("syncPhases") or []:
            phases.setdefault(p["name"], []).append(p.get("ms", 0))
    breakdown = ", ".join(f"{name} {b.med(v):.0f} ms" for name, v in phases.items())
    t = [r.timing() for r in res["warm"]]
    b.print_table(
        "2. Warm run after changing one file vs cold run",
        "Same 20,000-file repository. Before each warm run one file's content changes; crabbox sends a delta.",
        rows,
        [b.target_line("time ratio warm / cold (medians)", warm_med / cold_med, 0.10),
         b.target_line("bytes ratio warm / cold (payload bytes crabbox reports: "
                       "`sync delta: upload ...` vs `sync candidate: ...`)", warm_bytes / cold_bytes, 0.01, "{:.4%}"),
         f"warm run breakdown (medians of `--timing-json`): sync {b.med([x['syncMs'] for x in t]):.0f} ms "
         f"({breakdown}); command {b.med([x['commandMs'] for x in t]):.0f} ms; total {b.med([x['totalMs'] for x in t]):.0f} ms; "
         f"process wall - totalMs {b.med([r.wall * 1000 - x['totalMs'] for r, x in zip(res['warm'], t)]):.0f} ms"])


if __name__ == "__main__":
    main()
