#!/usr/bin/env bash
# The one test command (`npm test`): lint, types, unit, workflow, packaging, end to end.
# Installs what it needs itself (Node 24, dev dependencies, the cached n8n runtime).
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$PROJECT_ROOT"

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
failed_steps=()

step() {
	local name="$1"; shift
	echo
	echo "━━━ $name ━━━"
	local started=$SECONDS
	if "$@"; then
		echo "✔ $name ($((SECONDS - started)) s)"
	else
		echo "✘ $name failed ($((SECONDS - started)) s)"
		failed_steps+=("$name")
	fi
}

# Each jest layer also writes its counts, summed into the closing line.
jest_layer() {
	local project="$1"; shift
	npx jest --selectProjects "$project" --json --outputFile="$results/$project.json" "$@"
}

step "lint (n8n-node lint, strict)" node scripts/lint.mjs
step "templates match their source (npm run templates)" node scripts/build-templates.mjs --check
step "types (tsc --noEmit)" npx tsc --noEmit -p tsconfig.json
step "unit tests" jest_layer unit
step "simulator tests (its generator, CRM, sender, report)" jest_layer sim
# isolated-vm (n8n's default "vm" expression engine) needs VM modules enabled in jest.
step "workflow tests (in-process n8n, vm expression engine)" env NODE_OPTIONS=--experimental-vm-modules npx jest --selectProjects workflow --json --outputFile="$results/workflow.json"
step "packed-package check" node scripts/check-package.mjs
# The n8n runtimes are cached outside the tree; a cold install (~4 min each) shows up here, not in a test.
step "n8n runtimes (2.41.1 and 1.123.81, cached)" bash scripts/n8n-runtime.sh all
# The queue-mode, front and community-install suites start these; installed once (apt-get, npm),
# so a cold install (~50 s) shows up here, not in a test.
ensure_test_services() {
	local service
	for service in postgres redis haproxy registry; do bash scripts/services/$service.sh ensure || return 1; done
}
step "test services (PostgreSQL, Redis, HAProxy from Debian; Verdaccio; cached)" ensure_test_services
step "end-to-end tests (real n8n 2.41.1)" jest_layer e2e --runInBand
# No test may depend on today's date: the date-sensitive suites again, 18 months from now.
step "clock moved 18 months ahead (unit, workflow, fault e2e)" bash scripts/test-clock-ahead.sh
# 500 deliveries with faults through the published templates in its own n8n (started and stopped
# here); fails on any silent leak or duplicate. Figures: test/e2e/.runs/sim/latest.md.
step "simulated business day, quick (npm run sim -- --quick --no-restart)" node test/sim/run.mjs --quick --no-restart

node -e '
const fs = require("fs"); let passed = 0, failed = 0, skipped = 0;
for (const f of fs.readdirSync(process.argv[1])) {
	const r = JSON.parse(fs.readFileSync(process.argv[1] + "/" + f, "utf8"));
	passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + r.numTodoTests;
}
console.log(`\nTests: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$results"

if [ ${#failed_steps[@]} -gt 0 ]; then
	echo "Failed steps: ${failed_steps[*]}"
	exit 1
fi
echo "All steps passed"
