#!/usr/bin/env python3
"""Benchmark 7 (not one of the issue's six): how the `local` provider's default gzip level was
picked. A cold `crabbox run --provider local -- true` storing the archive (level 0, the local
default) against the same run with CRABBOX_SYNC_COMPRESSION_LEVEL=1 (fastest gzip, the islo
default), interleaved, on the 20,000-file repository."""
import benchlib as b


def main():
    n = b.runs()
    env = b.private_env("b7")
    gzip_env = dict(env, CRABBOX_SYNC_COMPRESSION_LEVEL="1")
    repo = b.make_repo(20000)
    argv = b.crabbox("run", "--provider", "local", "--", "true")

    try:
        b.log(f"bench 7: {n} cold runs storing and {n} with gzip level 1, interleaved")
        res = b.interleave(n, [("store", lambda _: b.measure(argv, env, repo)),
                               ("gzip1", lambda _: b.measure(argv, gzip_env, repo))])
    finally:
        b.cleanup("bench 7", env, repo)
    b.save_raw("b7", res)

    ratio = b.med([r.wall for r in res["gzip1"]]) / b.med([r.wall for r in res["store"]])
    rows = b.time_rows(res, [("store", "cold run, archive stored (level 0, `local` default)"),
                             ("gzip1", "cold run, `CRABBOX_SYNC_COMPRESSION_LEVEL=1`")])
    b.print_table(
        "7. Compression level on loopback (how `local`'s default was chosen)",
        "Same repository as benchmark 1; both sides are full cold runs (create, sync, `true`, delete).",
        rows,
        [f"ratio gzip level 1 / store (medians): {ratio:.2f} (above 1.0 means storing is faster)"])
    print(flush=True)


if __name__ == "__main__":
    main()
