#!/bin/sh
# public.sh: score cs-reviews on public, human-labelled reviews.
#
# usage: bench/reviews/public.sh FILE
#
# FILE is CSV with a header and the columns label (1 or positive, 0 or
# negative), review (or text) and optionally cat (or category), as in
# online_shopping_10_cats.csv.  The data is not ours: keep it outside the
# repository (README.md says where it comes from).  cs-reviews is taken
# from $CS_REVIEWS, else from PATH.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
tool=${CS_REVIEWS:-cs-reviews}
if [ $# -ne 1 ]; then
	echo "usage: public.sh FILE" >&2
	exit 2
fi
if [ ! -r "$1" ]; then
	echo "public.sh: $1: cannot read" >&2
	exit 2
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/reviews-public.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM

LC_ALL=C awk -v gold="$tmp/gold.csv" -f "$here/csv.awk" -f "$here/public-in.awk" \
    "$1" > "$tmp/input.csv"

# Only the fake tools (fake-gold.sh) read this.
CS_EVAL_GOLD=$tmp/gold.csv
export CS_EVAL_GOLD

status=0
"$tool" "$tmp/input.csv" > "$tmp/output.csv" 2> "$tmp/stderr" || status=$?
case $status in
0) ;;
3)	echo "note: $tool rejected some rows (exit status 3):" >&2
	head -n 5 "$tmp/stderr" >&2 ;;
*)	cat "$tmp/stderr" >&2
	echo "public.sh: $tool exited with status $status" >&2
	exit 1 ;;
esac

LC_ALL=C awk -v tool="$tool" -f "$here/csv.awk" -f "$here/public.awk" \
    "$tmp/gold.csv" "$tmp/output.csv"
