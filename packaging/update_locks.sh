#!/usr/bin/env bash
# Regenerate the two hash-pinned files that `make dist` installs with
# `pip install --require-hashes`:
#
#   packaging/requirements.lock       CableDesk's runtime dependencies, at the
#                                     versions pinned in constraints.txt
#   packaging/build-requirements.txt  PyInstaller and its hooks, from
#                                     packaging/build-requirements.in
#
# Both are "universal": one file for Linux, Windows and macOS (environment
# markers select the platform's extra packages, and every wheel of every pinned
# version is listed by its SHA-256, so the same file works on all three).
# The hashes are the ones PyPI publishes; pip checks each downloaded file
# against them. Run from anywhere; needs python3 and access to PyPI.
#
#   bash packaging/update_locks.sh
#
# After `make constraints` (new runtime pins) or after editing
# build-requirements.in, run this and commit the two files.
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSION=0.13.8
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install --quiet "uv==$UV_VERSION"
compile=("$tmp/venv/bin/uv" pip compile --quiet --universal --generate-hashes
         --python-version 3.11 --no-header)

{
  echo "# CableDesk's runtime dependencies for the bundles, hash-pinned (all platforms)."
  echo "# Generated from pyproject.toml and constraints.txt; do not edit."
  echo "# Regenerate: bash packaging/update_locks.sh"
  "${compile[@]}" -c constraints.txt pyproject.toml
} > packaging/requirements.lock

{
  echo "# PyInstaller and its hooks for building the bundles, hash-pinned (all platforms)."
  echo "# Generated from packaging/build-requirements.in; do not edit."
  echo "# Regenerate: bash packaging/update_locks.sh"
  "${compile[@]}" packaging/build-requirements.in
} > packaging/build-requirements.txt

echo "wrote packaging/requirements.lock and packaging/build-requirements.txt"
