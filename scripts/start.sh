#!/usr/bin/env bash
# `npm start` (README command 1): a local n8n 2.41.1 at http://127.0.0.1:5678 with this package
# installed and every template in workflows-templates/ imported and published.
#   toolchain (Node 24, dev deps) → cached n8n runtime → build → pack → install the pack into
#   .n8n-local/ (reinstalled when the tarball changed) → start n8n → owner (printed; kept in
#   .n8n-local/login.json) → Data tables → templates → curl examples. Ctrl-C stops n8n.
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
source "$PROJECT_ROOT/scripts/n8n-runtime.sh"
cd "$PROJECT_ROOT"

ensure_n8n_runtime 2.41.1

# The set-up code is TypeScript shared with the e2e tests; esbuild (a dev dependency) bundles it.
bundle="$PROJECT_ROOT/test/e2e/.runs/start-local.cjs"
mkdir -p "$(dirname "$bundle")"
esbuild "$PROJECT_ROOT/scripts/e2e/start-local.ts" --bundle --platform=node --format=cjs --target=node24 \
	--outfile="$bundle" --log-level=warning
exec node "$bundle" "$@"
