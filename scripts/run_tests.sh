#!/usr/bin/env bash
# Runs the whole suite; "no tests collected" (pytest exit 5) counts as a failure.
#
# With no arguments, two pytest processes at once, which share only the CPU (each test makes its
# own ports, temporary folders, databases and schemas; the Redis databases differ): the browser
# tests, mostly waiting on the app and Chromium, beside the rest, CPU-bound Python. The rest's
# output is shown as it runs, the browser tests' in full once they end; the run fails if either
# fails. With arguments: one pytest with them.
set -uo pipefail
cd "$(dirname "$0")/.."

# pytest's exit status, with 5 (nothing collected) made a failure.
checked() {
  local status=$1 what=$2
  if [ "$status" -eq 5 ]; then
    echo "error: pytest collected no tests ($what)" >&2
    return 1
  fi
  return "$status"
}

if [ "$#" -gt 0 ]; then
  .venv/bin/python -m pytest "$@"
  checked $? "pytest $*"
  exit
fi

browser_log=$(mktemp)
started=$SECONDS
# Each with a cache folder of its own: two runs writing one `lastfailed` would lose entries.
# Each names its slowest tests, to keep the suite's time in view.
.venv/bin/python -m pytest tests/browser -o cache_dir=.pytest_cache/browser --durations=15 \
  >"$browser_log" 2>&1 &
browser=$!
.venv/bin/python -m pytest tests --ignore=tests/browser -o cache_dir=.pytest_cache/rest \
  --durations=15 &
rest=$!
# Interrupted (Ctrl-C, a CI timeout): both end. Background jobs ignore SIGINT, so they get
# SIGTERM; the apps they started end with them (tests/app_server.py guards each).
trap 'kill -TERM $browser $rest 2>/dev/null; wait; rm -f "$browser_log"; exit 130' INT TERM

wait "$rest"
rest_status=$?
echo "==================== tests without tests/browser: exit $rest_status after $((SECONDS - started)) s"
wait "$browser"
browser_status=$?
echo "==================== tests/browser: exit $browser_status after $((SECONDS - started)) s"
cat "$browser_log"
rm -f "$browser_log"

failed=0
checked "$browser_status" "tests/browser" || failed=1
checked "$rest_status" "tests without tests/browser" || failed=1
exit "$failed"
