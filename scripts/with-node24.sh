#!/usr/bin/env bash
# Runs a command with the project's toolchain (Node 24 + dev dependencies) in place.
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$PROJECT_ROOT"
exec "$@"
