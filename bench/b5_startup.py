#!/usr/bin/env python3
"""Benchmark 5: start-up. `crabbox --version` against a hello-world .NET console app (bench/hello)
published the same way (framework-dependent, Release, run through its apphost)."""
import os

import benchlib as b


def main():
    n = max(20, b.runs() * 4)
    env = b.private_env("b5")
    try:
        b.measure([b.CRABBOX, "--version"], env, b.OUT)  # one untimed run each: load the files once
        b.measure([b.HELLO], env, b.OUT)
        b.log(f"bench 5: {n} `crabbox --version` and {n} hello runs, interleaved")
        res = b.interleave(n, [("crabbox", lambda _: b.measure([b.CRABBOX, "--version"], env, b.OUT)),
                               ("hello", lambda _: b.measure([b.HELLO], env, b.OUT))])
    finally:
        b.remove_tree(os.path.dirname(env["XDG_STATE_HOME"]))
    b.save_raw("b5", res)
    ratio = b.med([r.wall for r in res["crabbox"]]) / b.med([r.wall for r in res["hello"]])
    b.print_table(
        "5. Start-up",
        "Both are framework-dependent Release publishes started through their apphost "
        "(`bench/out/crabbox/crabbox`, `bench/out/hello/hello`).",
        b.time_rows(res, [("crabbox", "`crabbox --version`"), ("hello", "hello-world console app (baseline)")]),
        [b.target_line("ratio crabbox / hello (medians)", ratio, 1.5),
         f"peak RSS (median): crabbox {b.med([r.maxrss_tree_kib for r in res['crabbox']]) / 1024:.0f} MiB, "
         f"hello {b.med([r.maxrss_tree_kib for r in res['hello']]) / 1024:.0f} MiB"])


if __name__ == "__main__":
    main()
