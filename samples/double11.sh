#!/bin/sh
# double11.sh: the night of Double 11, over the sample exports.
#
# Chains every cs- tool that is built over the files in samples/ and writes
# the reports into OUTDIR (default ./out), then says what it wrote.
#   CS_BIN   folder of the cs- programs (default: found on PATH)
#
#   sh samples/double11.sh [OUTDIR]

set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-out}
mkdir -p "$out"
out=$(cd "$out" && pwd)
if [ -n "${CS_BIN:-}" ]; then
	PATH=$CS_BIN:$PATH
	export PATH
fi
has() { command -v "$1" >/dev/null 2>&1; }
cd "$here"

if has cs-lost; then
	# Why did inquiries not buy, and which agents convert best?
	cs-lost --reasons reasons.csv -o "$out/lost-by-reason.csv" inquiries.csv
	cs-lost --by agent --sort conversion -o "$out/lost-by-agent.csv" inquiries.csv
	cs-lost --orders taobao-orders.csv --by agent,reason \
		-o "$out/lost-credited.csv" inquiries.csv
	cs-lost --list --bom -o "$out/revisit-list.csv" inquiries.csv
	echo "Lost inquiries by reason (cs-lost -f text inquiries.csv):"
	echo
	cs-lost --reasons reasons.csv -f text inquiries.csv
	echo
fi

echo "Reports written to $out:"
for f in "$out"/*; do
	[ -f "$f" ] || continue
	printf '  %-28s %6s rows\n' "$(basename "$f")" "$(($(wc -l < "$f") - 1))"
done
