#!/usr/bin/env bash
# Runs a command with the wall clock moved ahead, for it and every process it starts (jest, n8n,
# the simulator): no test may depend on today's date unless it sets it. Uses Debian's libfaketime
# (installed when missing). CLOCK_AHEAD_DAYS sets the shift; the default is 18 months.
set -euo pipefail

days="${CLOCK_AHEAD_DAYS:-548}"
find_lib() { ls /usr/lib/*/faketime/libfaketimeMT.so.1 2>/dev/null | head -n 1; }
lib="$(find_lib)"
if [ -z "$lib" ]; then
	echo "» Installing Debian's libfaketime (apt-get)" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
	apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends libfaketime >&2
	lib="$(find_lib)"
fi
# Timers and file times stay real: only the wall clock moves.
export LD_PRELOAD="$lib${LD_PRELOAD:+:$LD_PRELOAD}" FAKETIME="+${days}d"
export FAKETIME_DONT_FAKE_MONOTONIC=1 NO_FAKE_STAT=1
echo "» Clock moved ${days} days ahead: $(date -u +%Y-%m-%dT%H:%MZ)" >&2
exec "$@"
