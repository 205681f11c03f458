#!/usr/bin/env bash
# Shared by build.sh and test.sh: a virtual environment in .venv with the pinned dependencies.
# Usage: ./setup.sh [test]   — "test" also installs what the tests need (chromium from Debian).
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv 2>/dev/null || {
    as_root apt-get update -qq && as_root apt-get install -y -qq python3-venv
    rm -rf .venv && python3 -m venv .venv
  }
fi
extras=""
[ "${1:-}" = test ] && extras="[test]"
.venv/bin/pip install -q --disable-pip-version-check -c constraints.txt -e ".${extras}"

if [ "${1:-}" = test ] && { [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "cjk"; }; then
  as_root apt-get update -qq
  as_root apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
