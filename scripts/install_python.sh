#!/usr/bin/env bash
# Creates .venv if needed and installs a requirements file into it. pip's notes about the
# machine's extra (empty) package indexes are dropped; real errors still show and fail.
set -euo pipefail
requirements="$1"
test -x .venv/bin/python || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements" 2>&1 \
  | { grep -v "is ignored: it is neither a file nor a directory" || true; }
