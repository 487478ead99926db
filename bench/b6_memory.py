#!/usr/bin/env python3
"""Benchmark 6: peak memory (RSS) of crabbox during cold runs (benchmark 1's command) on the
20,000-file repository and on a 60,000-file one. The local provider hosts the emulator inside the
crabbox process, so crabbox's own RSS includes the emulator; the sandboxed command (bwrap, true),
git and tar run as separate processes and are not in it."""
import os

import benchlib as b


def mb(kib):
    return kib * 1024 / 1e6


def main():
    n = max(1, int(os.environ.get("BENCH_RSS_RUNS", 3)))
    env = b.private_env("b6")
    repos = {"20k": b.make_repo(20000), "60k": b.make_repo(60000)}
    cmd = b.crabbox("run", "--provider", "local", "--timing-json", "--", "true")
    try:
        b.log(f"bench 6: {n} cold runs on 20,000 and {n} on 60,000 files, interleaved")
        res = b.interleave(n, [(k, lambda _, repo=repo: b.measure(cmd, env, repo, poll_hwm=True)) for k, repo in repos.items()])
    finally:
        for repo in repos.values():
            b.stop_all(env, repo)
        b.cleanup("bench 6", env, b.OUT)
    b.save_raw("b6", res)

    rows = []
    files = {}
    for k in repos:
        files[k], size = b.sync_candidate_bytes(res[k][0].stderr)
        hwm = [r.hwm_kib for r in res[k]]
        tree = [r.maxrss_tree_kib for r in res[k]]
        rows.append(f"| {files[k]} files ({b.fmt_bytes(size)}) | {mb(b.med(hwm)):.0f} MB | {mb(min(hwm)):.0f} MB | "
                    f"{mb(max(hwm)):.0f} MB | {mb(max(tree)):.0f} MB | {b.fmt_s(b.med([r.wall for r in res[k]]))} | {n} |")
    peak = max(mb(r.hwm_kib) for k in repos for r in res[k])
    growth = b.med([r.hwm_kib for r in res["60k"]]) / b.med([r.hwm_kib for r in res["20k"]])
    per_k = (mb(b.med([r.hwm_kib for r in res["60k"]])) - mb(b.med([r.hwm_kib for r in res["20k"]]))) / ((files["60k"] - files["20k"]) / 1000)
    b.print_table(
        "6. Peak memory of a cold run",
        "Peak RSS of the crabbox process itself (`VmHWM`, polled every 20 ms; includes the in-process emulator). "
        "The last column but two is the largest RSS of crabbox or any child it reaped (git, bwrap, the command), from `wait4`.",
        rows,
        [b.target_line("largest crabbox peak RSS over all runs, MB", peak, 200, "{:.0f}"),
         f"growth from 20,000 to 60,000 files: median peak x{growth:.2f} ({per_k:+.2f} MB per 1,000 files): "
         + ("**met** (within 10%)" if growth <= 1.10 else "**not met** (grows with the repository)")],
        header=("repository", "median peak RSS", "min", "max", "max incl. children", "median wall", "runs"))


if __name__ == "__main__":
    main()
