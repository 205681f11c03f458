#!/usr/bin/env bash
# Set up, then build site/ and the offline bundle in dist/ from source_texts/.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
exec .venv/bin/python scripts/build_index.py "$@"
