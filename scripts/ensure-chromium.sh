#!/usr/bin/env bash
# Makes sure headless Chromium is on this machine for the report render (scripts/render-report.mjs)
# and its test: Debian's own `chromium` package, installed with apt-get when /usr/bin/chromium is
# missing. Prints the browser's path. Needs root (or sudo) on Debian/Ubuntu.
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ ! -x "$CHROMIUM" ]; then
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "Chromium is missing and apt-get is not available: install Chromium and set CHROMIUM_PATH." >&2
		exit 1
	fi
	as_root=()
	if [ "$(id -u)" -ne 0 ]; then
		if ! command -v sudo >/dev/null 2>&1; then
			echo "Chromium is missing: run this script as root (or install sudo) so apt-get can install it." >&2
			exit 1
		fi
		as_root=(sudo)
	fi
	echo "» Installing Debian's chromium package (apt-get)" >&2
	export DEBIAN_FRONTEND=noninteractive
	"${as_root[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
	"${as_root[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
fi

"$CHROMIUM" --version >&2
echo "$CHROMIUM"
