#!/usr/bin/env bash
# Set up (including Debian's chromium for the browser tests), then run every test.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh test
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
