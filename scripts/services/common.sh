#!/usr/bin/env bash
# Shared by the service scripts: Debian packages installed on demand, a free port on 127.0.0.1,
# and a process stopped by its PID. Sourced, not run.
set -euo pipefail

# Runs a command as root: directly when we are root (CI), through sudo otherwise.
as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo -n "$@"
	else
		echo "Needs root to run: $* (install the package by hand, or run as root)" >&2
		return 1
	fi
}

# Installs Debian packages when the file that proves each is there is missing.
# Usage: ensure_debian_packages /usr/bin/redis-server redis-server [/usr/sbin/haproxy haproxy …]
# `apt-get update` runs once per machine (stamped), before the first install.
ensure_debian_packages() {
	local missing=()
	while [ $# -ge 2 ]; do
		[ -x "$1" ] || missing+=("$2")
		shift 2
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	command -v apt-get >/dev/null 2>&1 || {
		echo "Missing ${missing[*]} and apt-get is not available: install them by hand." >&2
		return 1
	}
	local lock_fd stamp="${INQUIRY_CACHE:-$HOME/.cache/n8n-nodes-inquiry-continuity}/apt-updated"
	mkdir -p "$(dirname "$stamp")"
	exec {lock_fd}>"$stamp.lock"
	flock "$lock_fd"
	export DEBIAN_FRONTEND=noninteractive
	if [ ! -f "$stamp" ]; then
		echo "» apt-get update" >&2
		as_root apt-get update -qq >&2
		touch "$stamp"
	fi
	echo "» apt-get install ${missing[*]}" >&2
	# No daemon is wanted from the package itself: the scripts start their own on free ports.
	if ! as_root env RUNLEVEL=1 apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >&2; then
		# The package lists may be older than the archive: refresh them once and try again.
		as_root apt-get update -qq >&2
		as_root env RUNLEVEL=1 apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >&2
	fi
	flock -u "$lock_fd"
	exec {lock_fd}>&-
}

# A TCP port that is free on 127.0.0.1 right now (the kernel picks it).
free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null ||
		node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Waits until a TCP port on 127.0.0.1 accepts connections, or fails after $2 seconds.
wait_for_port() {
	local port="$1" seconds="${2:-30}" i
	for ((i = 0; i < seconds * 10; i++)); do
		(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
		sleep 0.1
	done
	echo "Nothing listens on 127.0.0.1:$port after $seconds s" >&2
	return 1
}

# Stops one process by PID: the given signal, then SIGKILL after 10 s. Never by name.
stop_pid() {
	local pid="$1" signal="${2:-TERM}" i
	[ -n "$pid" ] || return 0
	kill -s "$signal" "$pid" 2>/dev/null || return 0
	for ((i = 0; i < 100; i++)); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.1
	done
	kill -s KILL "$pid" 2>/dev/null || true
}

# Stops a service by the PID in its PID file, then deletes the service's folder.
stop_service() {
	local folder="$1" pid_file="$2"
	stop_pid "$(head -1 "$pid_file" 2>/dev/null || true)" TERM
	rm -rf "$folder"
}
