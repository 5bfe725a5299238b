#!/usr/bin/env bash
# `npm start` (README command 1): a local n8n 2.41.1 at http://127.0.0.1:5678 with this package
# installed, the templates in workflows-templates/ imported and published, and a local inbox.
#   toolchain (Node 24, dev deps) → cached n8n runtime → build → pack → install the pack into
#   .n8n-local/ (reinstalled when the tarball changed) → start n8n → MailDev (web inbox on
#   127.0.0.1) → owner (printed; kept in .n8n-local/login.json) → credentials (SMTP for the inbox,
#   link secret) → Data tables → templates that are missing (never over an edited workflow) →
#   curl examples. Ctrl-C stops both.
# Options: --reset (reload every template over the workflows of the same name), --port <n>
# (or N8N_PORT); WEBHOOK_URL is passed to n8n for a reverse proxy or tunnel in front of it.
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
