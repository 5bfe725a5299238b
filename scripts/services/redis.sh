#!/usr/bin/env bash
# A throwaway Redis on 127.0.0.1 for tests: Debian's redis-server (installed with apt-get when
# missing), a free port, no persistence, never a system service.
#
#   bash scripts/services/redis.sh start <folder>   → prints {"host","port","pid","log"}
#   bash scripts/services/redis.sh stop <folder>    stops it by its PID, deletes <folder>
#   bash scripts/services/redis.sh ensure           installs the binary only
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

REDIS_SERVER=/usr/bin/redis-server

start_redis() {
	local folder="$1" port pid
	ensure_debian_packages "$REDIS_SERVER" redis-server
	mkdir -p "$folder"
	folder="$(cd "$folder" && pwd)"
	port="$(free_port)"
	"$REDIS_SERVER" --bind 127.0.0.1 --port "$port" --save '' --appendonly no --dir "$folder" \
		--daemonize yes --pidfile "$folder/redis.pid" --logfile "$folder/redis.log" >/dev/null
	wait_for_port "$port" 15 || { cat "$folder/redis.log" >&2; return 1; }
	pid="$(cat "$folder/redis.pid")"
	printf '{"host":"127.0.0.1","port":%s,"pid":%s,"log":"%s"}\n' "$port" "$pid" "$folder/redis.log"
}


case "${1:-}" in
start) start_redis "${2:?folder}" ;;
stop) stop_service "${2:?folder}" "$2/redis.pid" ;;
ensure) ensure_debian_packages "$REDIS_SERVER" redis-server && "$REDIS_SERVER" --version ;;
*) echo "usage: $0 start|stop <folder> | ensure" >&2; exit 2 ;;
esac
