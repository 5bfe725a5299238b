#!/usr/bin/env bash
# A readiness-gated front for n8n: HAProxy (Debian's package, installed with apt-get when missing)
# on a free 127.0.0.1 port, forwarding to n8n only while n8n is really ready to take inquiries.
#
#   bash scripts/services/haproxy.sh start <folder> <n8n-port> <webhook-path>…  → {"url","port","pid"}
#     (FRONT_PORT=<port> listens there instead of on a free port: n8n's WEBHOOK_URL can name it first)
#   bash scripts/services/haproxy.sh stop <folder>     stops it by its PID, deletes <folder>
#   bash scripts/services/haproxy.sh config <n8n-host:port> <webhook-path>…    prints the config only
#   bash scripts/services/haproxy.sh ensure            installs HAProxy only
#
# Why: while n8n migrates its database after a start it answers every request, webhooks included,
# with 200 "n8n is starting up. Please wait", which a vendor takes as delivered. /healthz/readiness
# can turn 200 before the entry workflows answer, so the health check asks both: readiness must be
# 200 (503 until n8n is migrated and started) and each entry webhook must answer a CORS preflight
# with 204 (registered; a preflight starts no execution). Until both pass the front answers 503,
# and vendors retry.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

HAPROXY=/usr/sbin/haproxy

# The config for a front listening on <listen> (host:port) in front of <backend> (host:port).
haproxy_config() {
	local listen="$1" backend="$2"
	shift 2
	cat <<CFG
global
	maxconn 2000

defaults
	mode http
	timeout connect 2s
	timeout client 60s
	# An entry webhook answers once its execution has written the ledger row; give it time.
	timeout server 60s
	timeout check 2s
	# A request that reaches a backend that just died is refused, not answered: try again, then 503.
	retries 2
	option redispatch

frontend inquiries
	bind $listen
	default_backend n8n

backend n8n
	option httpchk
	http-check connect
	http-check send meth GET uri /healthz/readiness
	http-check expect status 200
CFG
	local path
	for path in "$@"; do
		cat <<CFG
	http-check connect
	http-check send meth OPTIONS uri /webhook/$path hdr Origin http://$backend hdr Access-Control-Request-Method POST
	http-check expect status 204
CFG
	done
	cat <<CFG
	# Checked every 500 ms; one failed check takes n8n out, one passed check puts it back.
	server n8n $backend check inter 500ms fall 1 rise 1
CFG
}

start_front() {
	local folder="$1" backend_port="$2" port pid
	shift 2
	ensure_debian_packages "$HAPROXY" haproxy
	mkdir -p "$folder"
	folder="$(cd "$folder" && pwd)"
	port="${FRONT_PORT:-$(free_port)}"
	haproxy_config "127.0.0.1:$port" "127.0.0.1:$backend_port" "$@" >"$folder/haproxy.cfg"
	"$HAPROXY" -c -q -f "$folder/haproxy.cfg"
	"$HAPROXY" -D -f "$folder/haproxy.cfg" -p "$folder/haproxy.pid"
	wait_for_port "$port" 15
	pid="$(head -1 "$folder/haproxy.pid")"
	printf '{"url":"http://127.0.0.1:%s","port":%s,"pid":%s}\n' "$port" "$port" "$pid"
}


case "${1:-}" in
start) start_front "${2:?folder}" "${3:?n8n port}" "${@:4}" ;;
stop) stop_service "${2:?folder}" "$2/haproxy.pid" ;;
config) haproxy_config "0.0.0.0:8080" "${2:?n8n host:port}" "${@:3}" ;;
ensure) ensure_debian_packages "$HAPROXY" haproxy && "$HAPROXY" -v | sed -n 1p ;;
*) echo "usage: $0 start <folder> <n8n-port> <webhook-path>… | stop <folder> | config <host:port> <path>…" >&2; exit 2 ;;
esac
