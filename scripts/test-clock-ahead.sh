#!/usr/bin/env bash
# The date-sensitive suites with the wall clock moved 18 months ahead (scripts/with-clock-ahead.sh):
# unit, workflow and the fault e2e suite by default (a step of `npm test`); `--all` runs every e2e
# suite too. A test that compares a fixed date with the real clock fails here long before the
# calendar reaches it.
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$PROJECT_ROOT"

e2e=(test/e2e/faults.e2e.test.ts)
[ "${1:-}" = "--all" ] && e2e=(test/e2e)
ahead() { bash scripts/with-clock-ahead.sh "$@"; }

status=0
ahead npx jest --selectProjects unit || status=1
NODE_OPTIONS=--experimental-vm-modules ahead npx jest --selectProjects workflow || status=1
ahead npx jest "${e2e[@]}" --selectProjects e2e --runInBand || status=1
exit $status
