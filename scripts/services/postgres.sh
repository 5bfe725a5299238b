#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for tests: Debian's server binaries (postgresql,
# installed with apt-get when missing), a fresh data folder, a free port, run as the `postgres`
# user when we are root (PostgreSQL refuses to run as root), never as a system service.
#
#   bash scripts/services/postgres.sh start <folder>   → prints one JSON line:
#        {"host","port","user","password","database","pid","dataDir","log"}
#   bash scripts/services/postgres.sh stop <folder>    stops that cluster by its PID, deletes it
#
# <folder> only records where the cluster is: the cluster itself lives in its own folder under
# ${TMPDIR:-/tmp}, owned by `postgres`, which cannot enter a root-only temp folder.
#   bash scripts/services/postgres.sh ensure           installs the binaries only
#
# Durability is switched off (fsync, synchronous_commit): the data is thrown away after the run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# The newest installed server version's binaries (Debian keeps them under /usr/lib/postgresql/N/bin).
pg_bin_dir() {
	local dir
	dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
	[ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

ensure_postgres() {
	pg_bin_dir >/dev/null || ensure_debian_packages /nonexistent postgresql
	pg_bin_dir >/dev/null || { echo "PostgreSQL's server binaries are missing after install" >&2; return 1; }
}

# Runs a command as the cluster's owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

start_postgres() {
	local state="$1" folder bin port password data log
	ensure_postgres
	bin="$(pg_bin_dir)"
	mkdir -p "$state"
	folder="$(mktemp -d "${TMPDIR:-/tmp}/inquiry-postgres.XXXXXX")"
	echo "$folder" >"$state/postgres-cluster"
	data="$folder/data"
	log="$folder/postgres.log"
	port="$(free_port)"
	password="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$folder"
	chmod 700 "$folder"
	printf '%s\n' "$password" >"$folder/pwfile"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$folder/pwfile"
	as_owner "$bin/initdb" -D "$data" -U postgres --pwfile="$folder/pwfile" --auth=scram-sha-256 \
		--encoding=UTF8 --locale=C.UTF-8 --no-sync >"$folder/initdb.log" 2>&1 ||
		{ cat "$folder/initdb.log" >&2; return 1; }
	rm -f "$folder/pwfile"
	as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 start -o \
		"-c listen_addresses=127.0.0.1 -p $port -k $folder -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
		>/dev/null || { cat "$log" >&2; return 1; }
	PGPASSWORD="$password" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAt \
		-c 'CREATE DATABASE n8n' >/dev/null
	local pid
	pid="$(head -1 "$data/postmaster.pid")"
	printf '{"host":"127.0.0.1","port":%s,"user":"postgres","password":"%s","database":"n8n","pid":%s,"dataDir":"%s","log":"%s"}\n' \
		"$port" "$password" "$pid" "$data" "$log"
}

stop_postgres() {
	local state="$1" folder pid
	folder="$(cat "$state/postgres-cluster" 2>/dev/null || true)"
	[ -n "$folder" ] || return 0
	pid="$(head -1 "$folder/data/postmaster.pid" 2>/dev/null || true)"
	# SIGINT is PostgreSQL's "fast" shutdown: it ends open sessions instead of waiting for them.
	stop_pid "$pid" INT
	case "$folder" in */inquiry-postgres.*) rm -rf "$folder" ;; esac
	rm -f "$state/postgres-cluster"
}

case "${1:-}" in
start) start_postgres "${2:?folder}" ;;
stop) stop_postgres "${2:?folder}" ;;
ensure) ensure_postgres && echo "PostgreSQL: $(pg_bin_dir)" ;;
*) echo "usage: $0 start|stop <folder> | ensure" >&2; exit 2 ;;
esac
