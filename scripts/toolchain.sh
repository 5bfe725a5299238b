#!/usr/bin/env bash
# Sourced by every project script: puts Node 24 first on PATH (installing it from the npm
# registry's `node@24` package when the machine's Node is older) and installs dev dependencies.
# Everything cached lives outside the source tree, so a clean clone reuses it.
set -euo pipefail

PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PROJECT_ROOT
export INQUIRY_CACHE="${INQUIRY_CACHE:-$HOME/.cache/n8n-nodes-inquiry-continuity}"
NODE24_DIR="$INQUIRY_CACHE/node24"
export NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 24 ]; then
	if [ ! -x "$NODE24_DIR/node_modules/node/bin/node" ]; then
		echo "» Installing Node 24 from the npm registry into $NODE24_DIR" >&2
		mkdir -p "$NODE24_DIR"
		[ -f "$NODE24_DIR/package.json" ] || echo '{"private":true}' > "$NODE24_DIR/package.json"
		(cd "$NODE24_DIR" && npm install --no-save node@24 >&2)
	fi
	export PATH="$NODE24_DIR/node_modules/node/bin:$PATH"
fi

# Dev dependencies. Install scripts are skipped: one lint plugin's preinstall insists on pnpm,
# and nothing we need builds from source (isolated-vm and esbuild ship prebuilt binaries).
stamp="$PROJECT_ROOT/node_modules/.install-stamp"
lock_sum="$(cat "$PROJECT_ROOT/package.json" "$PROJECT_ROOT/package-lock.json" 2>/dev/null | cksum)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
	echo "» Installing dev dependencies (npm install --ignore-scripts)" >&2
	(cd "$PROJECT_ROOT" && npm install --ignore-scripts --no-audit --no-fund >&2)
	echo "$lock_sum" > "$stamp"
fi
export PATH="$PROJECT_ROOT/node_modules/.bin:$PATH"
