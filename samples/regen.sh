#!/bin/sh
# regen.sh: write the committed sample files from samples/gen, or check them.
#
#   sh samples/regen.sh [-c] GEN
#
# GEN is the built generator (samples/gen in the build tree). The files are
# shaped as the platforms write them: the Taobao order exports in GBK with
# CRLF line ends, the Qianniu export with a UTF-8 BOM, the rest plain UTF-8.
# With -c nothing is written: the script fails if a committed file differs
# from what GEN makes now.

set -eu
check=false
if [ "${1:-}" = -c ]; then
	check=true
	shift
fi
[ $# -eq 1 ] || { echo "usage: sh samples/regen.sh [-c] GEN" >&2; exit 2; }
gen=$1
case $gen in /*) ;; *) gen=$(pwd)/$gen ;; esac
cd "$(dirname "$0")"

plain() { "$gen" "$1"; }
taobao() { "$gen" "$1" | iconv -f UTF-8 -t GBK | sed 's/$/\r/'; }
bom() { printf '\357\273\277'; "$gen" "$1"; }

status=0
tmp=${TMPDIR:-/tmp}/regen.$$.csv
trap 'rm -f "$tmp"' EXIT
make_one() {	# writer kind
	"$1" "$2" > "$tmp"
	if $check; then
		if ! cmp -s "$tmp" "$2.csv"; then
			echo "regen.sh: samples/$2.csv differs from what gen makes" >&2
			status=1
		fi
	else
		cp "$tmp" "$2.csv"
	fi
}

make_one taobao taobao-orders
make_one taobao taobao-orders-later
make_one bom qianniu-suborders
for k in inquiries reviews receptions-daily receptions-hourly members items \
    agents reasons bad-inquiries; do
	make_one plain "$k"
done
exit $status
