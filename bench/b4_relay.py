#!/usr/bin/env python3
"""Benchmark 4: output relay. A command writing 200 MiB of text to stdout, run through crabbox on a
warm sandbox (`run --id <slug> --no-sync`), against the same command run locally into a pipe."""
import subprocess

import benchlib as b

SLUG = "benchrelay4"
SIZE = 209715200
GEN = f"yes 0123456789abcdefghijklmnopqrstuvwxyz | head -c {SIZE}"


def main():
    n = b.runs()
    env = b.private_env("b4")
    # A small checkout: --no-sync never uploads it, it only anchors the lease's claim.
    repo = b.make_repo(100, ignored=0)
    relay = b.crabbox("run", "--id", SLUG, "--no-sync", "--timing-json", "--", "sh", "-c", GEN)
    empty = b.crabbox("run", "--id", SLUG, "--no-sync", "--timing-json", "--", "true")
    local = ["bash", "-c", f"sh -c '{GEN}' | cat > /dev/null"]
    try:
        b.measure(b.crabbox("warmup", "--provider", "local", "--slug", SLUG), env, repo)
        # Correctness first: every byte arrives, once.
        count = subprocess.run(["bash", "-c", '"$@" | wc -c', "_", *relay], env=env, cwd=repo,
                               capture_output=True, text=True, check=True).stdout.strip()
        b.log(f"bench 4: relayed byte count {count} (expected {SIZE})")
        b.log(f"bench 4: {n} crabbox relays, {n} local pipes and {n} empty crabbox runs, interleaved")
        res = b.interleave(n, [("crabbox", lambda _: b.measure(relay, env, repo)),
                               ("local", lambda _: b.measure(local, env, repo)),
                               ("empty", lambda _: b.measure(empty, env, repo))])
    finally:
        b.cleanup("bench 4", env, repo)
    b.save_raw("b4", res)

    crab = b.med([r.wall for r in res["crabbox"]])
    local_med = b.med([r.wall for r in res["local"]])
    fixed = b.med([r.wall for r in res["empty"]])
    rows = b.time_rows(res, [("crabbox", "`crabbox run --id <slug> --no-sync -- sh -c '<gen>' > /dev/null`"),
                             ("local", "baseline: `sh -c '<gen>' \\| cat > /dev/null`"),
                             ("empty", "fixed overhead: `crabbox run --id <slug> --no-sync -- true`")])
    t = [r.timing() for r in res["crabbox"]]
    b.print_table(
        "4. Output relay, 200 MiB to stdout",
        f"`<gen>` = `{GEN}` (209,715,200 bytes of printable text, stdout only).",
        rows,
        [b.target_line("ratio crabbox / local (medians)", crab / local_med, 2.0),
         f"relayed byte count checked once with `| wc -c`: {count} "
         f"({'exact' if count == str(SIZE) else 'WRONG, expected ' + str(SIZE)})",
         f"throughput-only ratio ((crabbox - fixed overhead) / local), for information: {(crab - fixed) / local_med:.2f}",
         f"crabbox relay throughput: {SIZE / 1048576 / crab:.0f} MiB/s end to end, "
         f"{SIZE / 1048576 / (b.med([x['commandMs'] for x in t]) / 1000):.0f} MiB/s over the command phase "
         f"(`commandMs` median {b.med([x['commandMs'] for x in t]):.0f} ms); local pipe {SIZE / 1048576 / local_med:.0f} MiB/s"])


if __name__ == "__main__":
    main()
