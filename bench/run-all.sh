#!/usr/bin/env bash
# crabbox's benchmarks (issue 5): builds crabbox and the hello-world baseline once, then runs the
# benchmark scripts and collects their tables into bench/out/results.md.
#
#   bash bench/run-all.sh          # all seven (1-6 are the issue's, 7 justifies local's gzip level)
#   bash bench/run-all.sh 3        # only benchmark 3 (any list: 1 4 5)
#
# BENCH_RUNS (default 5) sets the runs per side; BENCH_RSS_RUNS (default 3) the runs per repository
# in benchmark 6; BENCH_SKIP_BUILD=1 reuses bench/out/crabbox and bench/out/hello as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

for tool in git tar bwrap python3 dotnet; do
  command -v "$tool" >/dev/null || { echo "run-all.sh: $tool is required" >&2; exit 2; }
done
[ -f ../shared/bench/make-repo.py ] || { echo "run-all.sh: ../shared/bench/make-repo.py not found" >&2; exit 2; }

benches=("$@")
[ ${#benches[@]} -gt 0 ] || benches=(1 2 3 4 5 6 7)
for n in "${benches[@]}"; do
  compgen -G "bench/b${n}_*.py" >/dev/null || { echo "run-all.sh: no benchmark $n (1-7)" >&2; exit 2; }
done

mkdir -p bench/out
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "building crabbox and the hello-world baseline (dotnet publish -c Release) ..." >&2
  # Same settings for both: Release, framework-dependent, apphost; the repository's
  # Directory.Build.props applies to both projects.
  dotnet publish src/Crabbox.Cli -c Release -o bench/out/crabbox -nologo -v quiet
  dotnet publish bench/hello/hello.csproj -c Release -o bench/out/hello -nologo -v quiet
fi

results=bench/out/results.md
{
  echo "# crabbox benchmark results"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (+ local changes)')"
  echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/^Mem:/{print $2}') GiB RAM"
  echo "- OS: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r); dotnet $(dotnet --version); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- BENCH_RUNS=${BENCH_RUNS:-5} BENCH_RSS_RUNS=${BENCH_RSS_RUNS:-3}; command: bash bench/run-all.sh ${*}"
  echo
} >"$results"

started=$SECONDS
status=0
for n in "${benches[@]}"; do
  script=$(compgen -G "bench/b${n}_*.py")
  echo "running $script ..." >&2
  t0=$SECONDS
  # One failed benchmark is reported and the others still run.
  if ! python3 "$script" | tee -a "$results"; then
    echo "**benchmark $n FAILED** (see its stderr above)" | tee -a "$results"
    status=1
  fi
  echo "_benchmark $n took $((SECONDS - t0)) s; load average after: $(cut -d' ' -f1-3 /proc/loadavg)_" | tee -a "$results"
  echo | tee -a "$results"
done
echo "all done in $((SECONDS - started)) s; tables in $results" >&2
exit "$status"
