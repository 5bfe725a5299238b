#!/usr/bin/env bash
# A local npm registry on 127.0.0.1 (Verdaccio) holding this package, for testing n8n's own
# installers: Settings → Community Nodes → Install, and N8N_COMMUNITY_PACKAGES.
#
#   bash scripts/services/registry.sh start <folder> <tarball>   → prints {"url","pid","log"}
#   bash scripts/services/registry.sh stop <folder>              stops it by its PID, deletes <folder>
#   bash scripts/services/registry.sh ensure                     installs Verdaccio only
#
# Verdaccio is installed once into the cache, outside the project's dev dependencies (its tree is
# large): 6.8.0 with node-fetch overridden to 2.7.0 (newer ones do not install here, or need Node 22).
# The registry has no uplink: it serves this package and nothing else, so nothing leaves the machine.
# The community-install test puts it behind registry.npmjs.org with a throwaway CA made by Debian's
# openssl (test/e2e/harness/registryInterception.ts), so `ensure` installs openssl too.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
if [ -z "${INQUIRY_CACHE:-}" ]; then
	# shellcheck source=../toolchain.sh
	source "$(dirname "${BASH_SOURCE[0]}")/../toolchain.sh"
fi

VERDACCIO_VERSION=6.8.0
VERDACCIO_DIR="$INQUIRY_CACHE/verdaccio-$VERDACCIO_VERSION"
VERDACCIO_BIN="$VERDACCIO_DIR/node_modules/verdaccio/bin/verdaccio"

ensure_verdaccio() {
	[ -f "$VERDACCIO_BIN" ] && return 0
	local lock_fd started=$SECONDS
	mkdir -p "$VERDACCIO_DIR"
	exec {lock_fd}>"$VERDACCIO_DIR.lock"
	flock "$lock_fd"
	if [ ! -f "$VERDACCIO_BIN" ]; then
		echo "» Installing Verdaccio $VERDACCIO_VERSION into $VERDACCIO_DIR" >&2
		cat >"$VERDACCIO_DIR/package.json" <<JSON
{ "private": true, "dependencies": { "verdaccio": "$VERDACCIO_VERSION" }, "overrides": { "node-fetch": "2.7.0" } }
JSON
		(cd "$VERDACCIO_DIR" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
		echo "» Verdaccio ready in $((SECONDS - started)) s" >&2
	fi
	flock -u "$lock_fd"
	exec {lock_fd}>&-
}

start_registry() {
	local folder="$1" tarball="$2" port url pid token
	ensure_verdaccio
	mkdir -p "$folder/storage"
	folder="$(cd "$folder" && pwd)"
	port="$(free_port)"
	url="http://127.0.0.1:$port/"
	cat >"$folder/config.yaml" <<YAML
storage: $folder/storage
auth:
  htpasswd:
    file: $folder/htpasswd
    max_users: 1
uplinks: {}
packages:
  '**':
    access: \$all
    publish: \$authenticated
    unpublish: \$authenticated
server:
  keepAliveTimeout: 60
listen: 127.0.0.1:$port
log: { type: file, path: $folder/verdaccio.log, level: warn }
YAML
	node "$VERDACCIO_BIN" --config "$folder/config.yaml" >"$folder/stdout.log" 2>&1 &
	pid=$!
	echo "$pid" >"$folder/verdaccio.pid"
	wait_for_port "$port" 60 || { cat "$folder/stdout.log" >&2; return 1; }
	# One user, created through the registry's own login endpoint, publishes the tarball.
	token="$(curl -sS -X PUT -H 'content-type: application/json' \
		-d '{"name":"publisher","password":"publisher-password"}' \
		"${url}-/user/org.couchdb.user:publisher" | node -p 'JSON.parse(require("fs").readFileSync(0,"utf8")).token')"
	printf '//127.0.0.1:%s/:_authToken=%s\nregistry=%s\n' "$port" "$token" "$url" >"$folder/npmrc"
	npm publish "$tarball" --userconfig "$folder/npmrc" --registry "$url" --access public \
		--provenance=false --loglevel=error >&2
	printf '{"url":"%s","pid":%s,"log":"%s"}\n' "$url" "$pid" "$folder/verdaccio.log"
}


case "${1:-}" in
start) start_registry "${2:?folder}" "${3:?tarball}" ;;
stop) stop_service "${2:?folder}" "$2/verdaccio.pid" ;;
ensure) ensure_debian_packages /usr/bin/openssl openssl && ensure_verdaccio && echo "Verdaccio: $VERDACCIO_BIN" ;;
*) echo "usage: $0 start <folder> <tarball> | stop <folder> | ensure" >&2; exit 2 ;;
esac
