#!/bin/sh
# eval.sh: score cs-reviews on the hand-labelled evaluation set.
#
# usage: bench/reviews/eval.sh [GOLD.csv]
#
# GOLD.csv defaults to eval.csv beside this script.  cs-reviews is taken
# from $CS_REVIEWS, else from PATH.  The tool reads only the columns of a
# review export (id, category, rating, text, followup); the gold labels stay
# here.  See README.md for what each figure means.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
gold=${1:-$here/eval.csv}
tool=${CS_REVIEWS:-cs-reviews}

if [ ! -r "$gold" ]; then
	echo "eval.sh: $gold: cannot read" >&2
	exit 2
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/reviews-eval.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM

LC_ALL=C awk -f "$here/csv.awk" -f "$here/strip.awk" "$gold" > "$tmp/input.csv"

# Only the fake tools (fake-gold.sh) read this.
CS_EVAL_GOLD=$gold
export CS_EVAL_GOLD

status=0
"$tool" "$tmp/input.csv" > "$tmp/output.csv" 2> "$tmp/stderr" || status=$?
case $status in
0) ;;
3)	echo "note: $tool rejected some rows (exit status 3):" >&2
	head -n 5 "$tmp/stderr" >&2 ;;
*)	cat "$tmp/stderr" >&2
	echo "eval.sh: $tool exited with status $status" >&2
	exit 1 ;;
esac

LC_ALL=C awk -v tool="$tool" -f "$here/csv.awk" -f "$here/eval.awk" \
    "$gold" "$tmp/output.csv"
