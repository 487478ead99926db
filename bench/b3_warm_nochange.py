#!/usr/bin/env python3
"""Benchmark 3: a warm run with nothing changed (`run --id <slug> -- true`: crabbox hashes the tree,
lists the remote and finds nothing to send) against `run --id <slug> --no-sync -- true` on the same
sandbox (no sync work at all)."""
import benchlib as b

SLUG = "benchwarm3"


def main():
    n = b.runs()
    env = b.private_env("b3")
    repo = b.make_repo(20000)
    warm_cmd = b.crabbox("run", "--id", SLUG, "--timing-json", "--", "true")
    nosync_cmd = b.crabbox("run", "--id", SLUG, "--no-sync", "--timing-json", "--", "true")
    try:
        b.log("bench 3: warmup and first (full) sync of the warm sandbox")
        b.measure(b.crabbox("warmup", "--provider", "local", "--slug", SLUG), env, repo)
        first = b.measure(warm_cmd, env, repo)
        b.log(f"  first sync: {first.wall:.1f}s")
        b.log(f"bench 3: {n} warm no-change runs and {n} --no-sync runs, interleaved")
        res = b.interleave(n, [("warm", lambda _: b.measure(warm_cmd, env, repo)),
                               ("nosync", lambda _: b.measure(nosync_cmd, env, repo))])
    finally:
        b.cleanup("bench 3", env, repo)
    b.save_raw("b3", res)

    skipped = sum(1 for r in res["warm"] if r.timing().get("syncSkipped"))
    ratio = b.med([r.wall for r in res["warm"]]) / b.med([r.wall for r in res["nosync"]])
    phases = {}
    for r in res["warm"]:
        for p in r.timing().get("syncPhases") or []:
            phases.setdefault(p["name"], []).append(p.get("ms", 0))
    breakdown = ", ".join(f"{name} {b.med(v):.0f} ms" for name, v in phases.items())
    b.print_table(
        "3. Warm run, no change vs --no-sync",
        "Same 20,000-file repository and one warm sandbox for both sides.",
        b.time_rows(res, [("warm", "warm `run --id <slug> -- true`, nothing changed"),
                          ("nosync", "`run --id <slug> --no-sync -- true` (baseline)")]),
        [b.target_line("ratio warm / --no-sync (medians)", ratio, 1.2),
         f"{skipped} of {n} warm runs reported `syncSkipped: true` (nothing sent)",
         f"warm run sync phases (medians of `--timing-json`): {breakdown}"])


if __name__ == "__main__":
    main()
