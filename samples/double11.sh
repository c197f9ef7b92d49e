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

if has cs-forecast; then
	# How many chats on 11.11, and how many agents each day and each hour?
	cs-forecast --days 11-10..11-12 --capacity 150 --shrinkage 0.2 \
		-o "$out/forecast-days.csv" receptions-daily.csv
	cs-forecast --hourly receptions-hourly.csv --aht 240 --concurrency 3 \
		-o "$out/forecast-hours.csv" receptions-daily.csv
	echo "Chats and agents on 11.11 (cs-forecast --capacity 150 -f text receptions-daily.csv):"
	echo
	cs-forecast --capacity 150 -f text receptions-daily.csv
	echo
fi

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

if has cs-segment; then
	# Which unpaid orders to chase, on which channel, and how many of each?
	cs-segment --members members.csv --items items.csv \
		-o "$out/segments.csv" taobao-orders.csv
	cs-segment --items items.csv -o "$out/segments-qianniu.csv" \
		qianniu-suborders.csv
	echo "Unpaid orders by segment (cs-segment -s -f text ... taobao-orders.csv):"
	echo
	cs-segment -s -f text --members members.csv --items items.csv \
		taobao-orders.csv
	echo
	if has cs-chase; then
		# The chase list for 23:30 with a 10 % holdout, and what chasing
		# recovered against the later export.
		cs-segment --members members.csv --items items.csv taobao-orders.csv |
			cs-chase --now '2026-11-11 23:30' --deadline '2026-11-12 00:00' \
			--agents agents.csv --holdout 0.1 -o "$out/chase-list.csv"
		cs-chase --effect --orders taobao-orders-later.csv \
			-o "$out/chase-effect.csv" "$out/chase-list.csv"
		echo "What chasing recovered (cs-chase --effect -f text ...):"
		echo
		cs-chase --effect -f text --orders taobao-orders-later.csv "$out/chase-list.csv"
		echo
	fi
fi

if has cs-reviews; then
	# What do buyers complain about, week by week, with quotes for each team?
	cs-reviews --summary --by aspect,week --examples 3 \
		-o "$out/reviews-weekly.csv" reviews.csv
	cs-reviews --hidden -o "$out/reviews-hidden.csv" reviews.csv
	echo "Complaints by aspect (cs-reviews --summary -f text reviews.csv):"
	echo
	cs-reviews --summary -f text reviews.csv
	echo
fi

echo "Reports written to $out:"
for f in "$out"/*; do
	[ -f "$f" ] || continue
	printf '  %-28s %6s rows\n' "$(basename "$f")" "$(($(wc -l < "$f") - 1))"
done
