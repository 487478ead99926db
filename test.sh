#!/usr/bin/env bash
# The one test command (README.md, .ci/run): installs what the tests need, then builds with
# warnings as errors, checks formatting and runs every test project, end-to-end ones included.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v git >/dev/null 2>&1 || need+=(git)
command -v bwrap >/dev/null 2>&1 || need+=(bubblewrap)
command -v tar >/dev/null 2>&1 || need+=(tar)
if [ ${#need[@]} -gt 0 ]; then
  echo "test.sh: installing ${need[*]} (the emulator runs commands under bubblewrap; tests use git and GNU tar)" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get install -y "${need[@]}" >/dev/null 2>&1 ||
    { "${sudo_cmd[@]}" apt-get update >/dev/null && "${sudo_cmd[@]}" apt-get install -y "${need[@]}" >/dev/null; }
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Crabbox.sln -c Release -warnaserror -nologo -v quiet
dotnet format Crabbox.sln --verify-no-changes --no-restore -v quiet
dotnet test Crabbox.sln -c Release --no-build -nologo --blame-hang-timeout 5m "$@"
