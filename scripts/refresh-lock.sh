#!/usr/bin/env bash
# Regenerates constraints.txt (the lock both README commands install with) from pyproject.toml's ranges.
# Run it after changing a dependency in pyproject.toml, then run the tests and commit both files.
set -euo pipefail
cd "$(dirname "$0")/.."
tools="$(mktemp -d)"
trap 'rm -rf "$tools"' EXIT
python3 -m venv "$tools"
"$tools/bin/pip" install -q pip-tools==7.6.2
"$tools/bin/pip-compile" --quiet --extra test --strip-extras --allow-unsafe --no-emit-index-url \
  --no-emit-find-links --constraint scripts/lock-pins.txt --output-file constraints.txt pyproject.toml
echo "constraints.txt: $(grep -c '^[A-Za-z]' constraints.txt) pinned packages"
