"""Shared helpers for crabbox's benchmark scripts (bench/b*.py); see bench/README.md.

Everything a benchmark writes lives under bench/out/ (gitignored): the published binaries, the
generated repositories (cached: make-repo.py is deterministic), and a private crabbox state and
config directory per benchmark, so a run never touches the user's own crabbox state.
"""
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
OUT = os.path.join(BENCH, "out")
CRABBOX = os.path.join(OUT, "crabbox", "crabbox")
HELLO = os.path.join(OUT, "hello", "hello")
MAKE_REPO = os.path.join(os.path.dirname(ROOT), "shared", "bench", "make-repo.py")


def runs(default=5, minimum=1):
    """How many measured runs per side: BENCH_RUNS (default 5), never below `minimum`."""
    return max(minimum, int(os.environ.get("BENCH_RUNS", default)))


def log(message):
    """Progress goes to stderr so stdout carries only the result tables."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- environment and repositories

def private_env(name):
    """A fresh private XDG state/config dir for benchmark `name`; returns the env for crabbox."""
    home = os.path.join(OUT, "state", name)
    remove_tree(home)
    for sub in ("state", "config", "tmp"):
        os.makedirs(os.path.join(home, sub), exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CRABBOX_", "ISLO_"))}
    env.update(
        XDG_STATE_HOME=os.path.join(home, "state"),
        XDG_CONFIG_HOME=os.path.join(home, "config"),
        TMPDIR=os.path.join(home, "tmp"),
        DOTNET_CLI_TELEMETRY_OPTOUT="1",
        DOTNET_NOLOGO="1",
    )
    return env


def make_repo(files, ignored=5000):
    """The make-repo.py tree with `files` tracked files, generated once and cached under bench/out/repos."""
    name = f"repo{files // 1000}k" if files % 1000 == 0 else f"repo{files}"
    path = os.path.join(OUT, "repos", name)
    done = path + ".done"
    if os.path.exists(done):
        with open(done) as f:
            log(f"reusing {f.read().strip()}")
        refresh_index(path)
        return path
    remove_tree(path)
    log(f"generating a {files}-file repository with make-repo.py ...")
    started = time.perf_counter()
    line = subprocess.run(
        [sys.executable, MAKE_REPO, path, "--files", str(files), "--ignored", str(ignored)],
        check=True, capture_output=True, text=True).stdout.strip()
    log(f"{line} ({time.perf_counter() - started:.0f}s)")
    with open(done, "w") as f:
        f.write(line + "\n")
    refresh_index(path)
    return path


def refresh_index(path):
    """Refreshes the git index's stat data, as any `git status` in a developer's checkout does.

    A generated (or copied) tree whose files were written in the same second as the index, or
    whose inodes and ctimes changed, leaves git unsure which files are clean: then every
    `git ls-files --modified` (crabbox asks for working-tree changes) re-reads all 20,000 files,
    about 1.2 s here, while the baseline's `git ls-files --cached --others` never looks. That is
    git's cost of a stale index, not crabbox's, and a real checkout does not have it.
    """
    subprocess.run(["git", "update-index", "-q", "--refresh"], cwd=path, check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def remove_tree(path):
    if os.path.lexists(path):
        shutil.rmtree(path, ignore_errors=True)


# ---------------------------------------------------------------- measuring one process

class Result:
    """One measured process: wall seconds, exit code, peak RSS figures (KiB) and its stderr."""

    def __init__(self, wall, rc, maxrss_tree_kib, hwm_kib, stderr):
        self.wall = wall
        self.rc = rc
        self.maxrss_tree_kib = maxrss_tree_kib  # max over the process and every child it reaped
        self.hwm_kib = hwm_kib  # the process alone (VmHWM), when polled
        self.stderr = stderr

    def timing(self):
        """The --timing-json record (the last stderr line starting with '{'), or None."""
        for line in reversed(self.stderr.splitlines()):
            if line.startswith("{"):
                return json.loads(line)
        return None


def measure(argv, env, cwd, stdout=subprocess.DEVNULL, poll_hwm=False, check=True):
    """Runs argv once and measures it. The wall time is taken around spawn..reap only.

    Peak RSS comes from wait4's rusage (ru_maxrss: the largest of the process and the children it
    waited for, e.g. git and bwrap), and with poll_hwm from /proc/<pid>/status VmHWM, polled every
    20 ms (the process's own high-water mark; the last value read before exit is kept).
    """
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=stdout, stderr=err)
        hwm = [0]
        stop = threading.Event()
        poller = None
        if poll_hwm:
            poller = threading.Thread(target=_poll_hwm, args=(proc.pid, hwm, stop), daemon=True)
            poller.start()
        _, status, rusage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        stop.set()
        if poller:
            poller.join()
        err.seek(0)
        stderr = err.read().decode(errors="replace")
    if check and proc.returncode != 0:
        raise SystemExit(f"bench: {' '.join(argv)} exited {proc.returncode} in {cwd}\n{stderr[-3000:]}")
    return Result(wall, proc.returncode, rusage.ru_maxrss, hwm[0] or None, stderr)


def _poll_hwm(pid, hwm, stop):
    path = f"/proc/{pid}/status"
    while not stop.is_set():
        try:
            with open(path) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        hwm[0] = max(hwm[0], int(line.split()[1]))
                        break
        except (FileNotFoundError, ProcessLookupError, ValueError):
            return
        stop.wait(0.02)


def interleave(n, sides):
    """Runs the sides A B C A B C ... n times, so machine noise hits each side alike.

    sides: list of (name, fn(i) -> Result). Returns {name: [Result, ...]}.
    """
    results = {name: [] for name, _ in sides}
    for i in range(n):
        for name, fn in sides:
            r = fn(i)
            results[name].append(r)
            log(f"  run {i + 1}/{n} {name}: {r.wall:.3f}s")
    return results


# ---------------------------------------------------------------- crabbox helpers

def crabbox(*args):
    return [CRABBOX, *args]


def stop_all(env, cwd):
    """Stops every sandbox and claim the private state knows of, so nothing is left behind."""
    listed = subprocess.run(crabbox("list", "--provider", "local", "--json"), env=env, cwd=cwd,
                            capture_output=True, text=True)
    leases = set()
    try:
        for item in json.loads(listed.stdout or "[]"):
            leases.add(item.get("labels", {}).get("lease") or item.get("id"))
    except json.JSONDecodeError:
        pass
    claims = os.path.join(env["XDG_STATE_HOME"], "crabbox", "claims")
    if os.path.isdir(claims):
        leases.update(f[:-5] for f in os.listdir(claims) if f.endswith(".json") and not f.startswith("."))
    for lease in sorted(x for x in leases if x):
        subprocess.run(crabbox("stop", "--provider", "local", lease), env=env, cwd=cwd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    left = subprocess.run(crabbox("list", "--provider", "local"), env=env, cwd=cwd,
                          capture_output=True, text=True).stdout.strip()
    if left:
        log(f"warning: sandboxes still listed after cleanup:\n{left}")


def cleanup(name, env, cwd):
    stop_all(env, cwd)
    remove_tree(os.path.dirname(env["XDG_STATE_HOME"]))
    log(f"{name}: cleaned up its sandboxes and private state")


_UNITS = {"B": 1, "KiB": 1024, "MiB": 1024 ** 2, "GiB": 1024 ** 3, "TiB": 1024 ** 4}


def parse_bytes(text):
    """'236.1 MiB' -> bytes (crabbox's HumanBytes: one decimal, so about 0.05 of a unit)."""
    value, unit = text.split()
    return float(value) * _UNITS[unit]


def sync_candidate_bytes(stderr):
    """The 'sync candidate: <n> files, <size>' line: the whole tree a full sync sends."""
    m = re.search(r"^sync candidate: (\d+) files, ([\d.]+ \w+)", stderr, re.M)
    return (int(m.group(1)), parse_bytes(m.group(2))) if m else (None, None)


def sync_upload_bytes(stderr):
    """The 'sync delta|full ...: upload <n> files (<size>' narration; (0, 0) for 'sync skipped'."""
    m = re.search(r"^sync (?:delta|full)[^:]*: upload (\d+) files? \(([\d.]+ \w+)", stderr, re.M)
    if m:
        return int(m.group(1)), parse_bytes(m.group(2))
    if re.search(r"^sync skipped", stderr, re.M):
        return 0, 0.0
    return None, None


# ---------------------------------------------------------------- tables

def med(values):
    return statistics.median(values)


def fmt_s(seconds):
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def fmt_bytes(n):
    for unit in ("B", "KiB", "MiB", "GiB"):
        if abs(n) < 1024 or unit == "GiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024


def time_rows(results, labels):
    """Markdown rows (median, min, max, runs) for each named side."""
    rows = []
    for name, label in labels:
        walls = [r.wall for r in results[name]]
        rows.append(f"| {label} | {fmt_s(med(walls))} | {fmt_s(min(walls))} | {fmt_s(max(walls))} | {len(walls)} |")
    return rows


def print_table(title, intro, rows, ratio_lines, header=("measurement", "median", "min", "max", "runs")):
    print(f"### {title}\n")
    if intro:
        print(intro + "\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join(" --- " for _ in header) + "|")
    for row in rows:
        print(row)
    print()
    for line in ratio_lines:
        print(f"- {line}")
    print(flush=True)


def target_line(what, value, limit, fmt="{:.2f}"):
    verdict = "**met**" if value <= limit else "**not met**"
    return f"{what}: {fmt.format(value)} (target <= {fmt.format(limit)}): {verdict}"


def save_raw(name, data):
    """Raw figures for later reading (bench/out/<name>.json)."""
    with open(os.path.join(OUT, f"{name}.json"), "w") as f:
        json.dump(data, f, indent=1, default=lambda r: {
            "wall": r.wall, "rc": r.rc, "maxrss_tree_kib": r.maxrss_tree_kib, "hwm_kib": r.hwm_kib,
            "timing": r.timing()})
