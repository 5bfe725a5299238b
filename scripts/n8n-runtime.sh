#!/usr/bin/env bash
# The real n8n runtimes the e2e tests and `npm start` run, installed once into the cache (outside
# the source tree) from the lockfiles kept in scripts/e2e/n8n-<version>/:
#   2.41.1   on Node 24 (the host n8n this package targets)
#   1.123.81 on Node 20 (the compatibility smoke; the machine's own Node 20, or node@20 from npm)
#
# CLI:       bash scripts/n8n-runtime.sh [2.41.1|1.123.81|all] [--json]
#            ensures the runtime(s); --json prints {"version","dir","node","bin"} per line.
# Sourced:   source scripts/n8n-runtime.sh; ensure_n8n_runtime 2.41.1
#            sets N8N_RUNTIME_DIR, N8N_RUNTIME_NODE (the node binary to run it with), N8N_RUNTIME_BIN.
#
# Why not a plain `npm install n8n`: a Kafka client's install script downloads a binary (no network
# here but the npm registry), so scripts are skipped and only sqlite3 is built; `npm ci` rejects
# n8n's lockfile (optional platform packages), `npm install` with the lockfile works.
set -euo pipefail

N8N_RUNTIME_VERSIONS=(2.41.1 1.123.81)
_runtime_script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ -z "${INQUIRY_CACHE:-}" ] || [ -z "${PROJECT_ROOT:-}" ]; then
	# shellcheck source=toolchain.sh
	source "$_runtime_script_dir/toolchain.sh"
fi

_major_of() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# The machine's own node: the first on PATH that the toolchain did not put there.
machine_node() {
	local dir
	local IFS=:
	for dir in $PATH; do
		case "$dir" in "$INQUIRY_CACHE"* | "$PROJECT_ROOT"/node_modules*) continue ;; esac
		if [ -x "$dir/node" ]; then
			echo "$dir/node"
			return 0
		fi
	done
	return 1
}

# Installs node@<major> from the npm registry into the cache (the same recipe toolchain.sh uses).
_node_from_npm() {
	local major="$1" dir="$INQUIRY_CACHE/node$1"
	if [ ! -x "$dir/node_modules/node/bin/node" ]; then
		echo "» Installing Node $major from the npm registry into $dir" >&2
		mkdir -p "$dir"
		[ -f "$dir/package.json" ] || echo '{"private":true}' >"$dir/package.json"
		(cd "$dir" && npm install --no-save "node@$major" >&2)
	fi
	echo "$dir/node_modules/node/bin/node"
}

node_for_runtime() {
	local wanted=24 machine
	[ "${1%%.*}" = 1 ] && wanted=20
	machine="$(machine_node || true)"
	if [ -n "$machine" ] && [ "$(_major_of "$machine")" = "$wanted" ]; then
		echo "$machine"
	elif [ "$wanted" = 24 ] && [ "$(_major_of node)" = 24 ]; then
		node -p process.execPath
	else
		_node_from_npm "$wanted"
	fi
}

# Folder holding include/node/node_version.h for this node binary: node-gyp must build sqlite3
# against these headers, not the machine's (~/.npmrc may point nodedir at /usr).
_node_headers() {
	local bin_dir
	bin_dir="$(dirname "$1")"
	local candidate
	for candidate in "$bin_dir/.." "$bin_dir"/../node_modules/node-linux-*; do
		if [ -f "$candidate/include/node/node_version.h" ]; then
			(cd "$candidate" && pwd)
			return 0
		fi
	done
	return 1
}

_runtime_stamp_value() {
	local spec="$1" node_bin="$2"
	echo "$(cat "$spec/package.json" "$spec/package-lock.json" 2>/dev/null | cksum) node$(_major_of "$node_bin")"
}

# Loads each native module n8n needs, from n8n's own resolution paths.
_verify_runtime() {
	local dir="$1" node_bin="$2" version="$3"
	(cd "$dir" && "$node_bin" -e '
		const { createRequire } = require("module");
		const fromN8n = createRequire(require.resolve("n8n/package.json"));
		const sqlite3 = fromN8n("sqlite3");
		new sqlite3.Database(":memory:").close();
		if (process.argv[1].startsWith("2.")) {
			const ivm = createRequire(fromN8n.resolve("n8n-workflow"))("isolated-vm");
			const isolate = new ivm.Isolate({ memoryLimit: 16 });
			if (isolate.createContextSync().evalSync("6 * 7") !== 42) throw new Error("isolated-vm evaluated wrongly");
		}
		const pkg = fromN8n("n8n/package.json");
		if (pkg.version !== process.argv[1]) throw new Error(`n8n ${pkg.version} installed, ${process.argv[1]} wanted`);
	' "$version")
}

ensure_n8n_runtime() {
	local version="$1"
	local spec="$PROJECT_ROOT/scripts/e2e/n8n-$version"
	local dir="$INQUIRY_CACHE/n8n-$version"
	[ -f "$spec/package.json" ] || { echo "No runtime spec for n8n $version in $spec" >&2; return 1; }
	local node_bin
	node_bin="$(node_for_runtime "$version")"
	local want lock_fd
	want="$(_runtime_stamp_value "$spec" "$node_bin")"

	if [ "$(cat "$dir/.runtime-stamp" 2>/dev/null | head -1)" != "$want" ]; then
		mkdir -p "$INQUIRY_CACHE"
		exec {lock_fd}>"$INQUIRY_CACHE/n8n-$version.lock"
		flock "$lock_fd"
		if [ "$(cat "$dir/.runtime-stamp" 2>/dev/null | head -1)" != "$want" ]; then
			_install_runtime "$version" "$spec" "$dir" "$node_bin" "$want"
		fi
		flock -u "$lock_fd"
		exec {lock_fd}>&-
	fi
	N8N_RUNTIME_DIR="$dir"
	N8N_RUNTIME_NODE="$node_bin"
	N8N_RUNTIME_BIN="$dir/node_modules/n8n/bin/n8n"
	export N8N_RUNTIME_DIR N8N_RUNTIME_NODE N8N_RUNTIME_BIN
}

_install_runtime() {
	local version="$1" spec="$2" dir="$3" node_bin="$4" want="$5"
	local started=$SECONDS node_dir headers
	node_dir="$(dirname "$node_bin")"
	headers="$(_node_headers "$node_bin")" || { echo "No C headers found beside $node_bin" >&2; return 1; }
	echo "» Installing n8n $version into $dir (Node $(_major_of "$node_bin"); a cold install takes minutes, later runs reuse it)" >&2
	rm -f "$dir/.runtime-stamp"
	mkdir -p "$dir"
	cp "$spec/package.json" "$dir/package.json"
	if [ -f "$spec/package-lock.json" ]; then
		cp "$spec/package-lock.json" "$dir/package-lock.json"
	else
		rm -f "$dir/package-lock.json"
	fi
	(
		cd "$dir"
		export PATH="$node_dir:$PATH" npm_config_nodedir="$headers"
		npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2
		echo "» Building sqlite3 for Node $(_major_of "$node_bin") (about a minute)" >&2
		npm rebuild sqlite3 --loglevel=error >&2
	)
	_verify_runtime "$dir" "$node_bin" "$version"
	if [ ! -f "$spec/package-lock.json" ]; then
		cp "$dir/package-lock.json" "$spec/package-lock.json"
		echo "» Pinned the resolved tree: commit scripts/e2e/n8n-$version/package-lock.json" >&2
		want="$(_runtime_stamp_value "$spec" "$node_bin")"
	fi
	printf '%s\ninstalled in %s s on %s\n' "$want" "$((SECONDS - started))" "$(date -u +%FT%TZ)" >"$dir/.runtime-stamp"
	echo "» n8n $version ready in $((SECONDS - started)) s" >&2
}

_runtime_json() {
	printf '{"version":"%s","dir":"%s","node":"%s","bin":"%s"}\n' "$1" "$N8N_RUNTIME_DIR" "$N8N_RUNTIME_NODE" "$N8N_RUNTIME_BIN"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	json=false
	versions=()
	for arg in "$@"; do
		case "$arg" in
		--json) json=true ;;
		all) versions+=("${N8N_RUNTIME_VERSIONS[@]}") ;;
		*) versions+=("$arg") ;;
		esac
	done
	[ ${#versions[@]} -gt 0 ] || versions=(2.41.1)
	for version in "${versions[@]}"; do
		ensure_n8n_runtime "$version"
		if $json; then _runtime_json "$version"; else echo "n8n $version: $N8N_RUNTIME_BIN (node $N8N_RUNTIME_NODE)"; fi
	done
fi
