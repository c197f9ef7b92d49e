#!/bin/sh
# check.sh: test eval.sh and public.sh with the fake tools, so that the
# figures they print are known to be right.  Prints "N passed, N failed";
# exits 1 if any check failed.
#
# usage: bench/reviews/check.sh
set -u

here=$(cd "$(dirname "$0")" && pwd)
PATH=$here:$PATH
export PATH
tmp=$(mktemp -d "${TMPDIR:-/tmp}/reviews-check.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM
passed=0
failed=0

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# expect NAME FILE LINE: FILE holds LINE exactly
expect() {
	if grep -qxF -- "$3" "$2"; then ok; else fail "$1: no line '$3'"; cat "$2"; fi
}

# 1. A case computed by hand: ids out of order, one missing, one unknown,
#    a quoted field running over two lines.
CS_REVIEWS=fake-replay.sh CS_FAKE_OUTPUT=$here/t/output.csv \
    eval.sh "$here/t/gold.csv" > "$tmp/out" 2>&1
if diff -u "$here/t/expected.txt" "$tmp/out"; then ok; else fail "eval.sh on t/gold.csv"; fi

# 2. The gold labels themselves: every figure 100 %.
CS_REVIEWS=fake-gold.sh eval.sh > "$tmp/gold" 2>&1 || fail "eval.sh with fake-gold.sh: exit $?"
n=$(awk 'END { print NR - 1 }' "$here/eval.csv")
pos=$(grep -cE ',positive,[^,]*,(yes|no)$' "$here/eval.csv")
neg=$(grep -cE ',negative,[^,]*,(yes|no)$' "$here/eval.csv")
hid=$(grep -cE ',yes$' "$here/eval.csv")
expect "fake-gold accuracy" "$tmp/gold" "$(printf 'polarity accuracy                 100.0%% (%d/%d)' "$n" "$n")"
expect "fake-gold clear" "$tmp/gold" "$(printf 'accuracy on clear reviews         100.0%% (%d/%d)   (gold positive or negative)' \
    $((pos + neg)) $((pos + neg)))"
expect "fake-gold hidden" "$tmp/gold" "$(printf 'hidden negatives    recall 100.0%% (%d/%d)   precision 100.0%% (%d/%d)' \
    "$hid" "$hid" "$hid" "$hid")"
if grep -oE '[0-9]+\.[0-9]%|n/a' "$tmp/gold" | grep -vxF '100.0%' | grep -q .; then
	fail "fake-gold: a figure below 100 %"
	cat "$tmp/gold"
else
	ok
fi

# 3. Everything positive: accuracy is the share of positive gold labels.
CS_REVIEWS=fake-positive.sh eval.sh > "$tmp/pos" 2>&1 || fail "eval.sh with fake-positive.sh: exit $?"
expect "fake-positive accuracy" "$tmp/pos" "$(awk -v a="$pos" -v b="$n" \
    'BEGIN { printf "polarity accuracy                 %5.1f%% (%d/%d)", 100 * a / b, a, b }')"
expect "fake-positive clear" "$tmp/pos" "$(awk -v a="$pos" -v b=$((pos + neg)) \
    'BEGIN { printf "accuracy on clear reviews         %5.1f%% (%d/%d)   (gold positive or negative)", 100 * a / b, a, b }')"
expect "fake-positive class" "$tmp/pos" "$(awk -v a="$pos" -v b="$n" \
    'BEGIN { p = a / b; printf "%-10s %6d %9d %9s %7s %7s", "positive", a, b, sprintf("%5.1f%%", 100 * p), "100.0%", sprintf("%5.1f%%", 200 * p / (p + 1)) }')"
expect "fake-positive negative" "$tmp/pos" "$(printf '%-10s %6d %9d %9s %7s %7s' negative "$neg" 0 '   n/a' '  0.0%' '   n/a')"
expect "fake-positive hidden" "$tmp/pos" "$(printf 'hidden negatives    recall   0.0%% (0/%d)   precision    n/a (0/0)' "$hid")"

# 4. public.sh: the sample file (two bad rows skipped), all positive, and gold.
CS_REVIEWS=fake-positive.sh public.sh "$here/t/public-sample.csv" > "$tmp/pub" 2> "$tmp/pub.err"
if diff -u "$here/t/public-expected.txt" "$tmp/pub"; then ok; else fail "public.sh with fake-positive.sh"; fi
expect "public.sh skipped label" "$tmp/pub.err" "public.sh: 1 rows skipped: label not 0/1/positive/negative"
expect "public.sh skipped text" "$tmp/pub.err" "public.sh: 1 rows skipped: no review text"
CS_REVIEWS=fake-gold.sh public.sh "$here/t/public-sample.csv" > "$tmp/pub" 2>/dev/null
expect "public.sh with fake-gold.sh" "$tmp/pub" \
    "accuracy                 100.0% (6/6)   polarity equals the label (mixed, neutral count wrong)"

# A case computed by hand: mixed and neutral answers decided by the score.
CS_REVIEWS=fake-replay.sh CS_FAKE_OUTPUT=$here/t/public-output.csv \
    public.sh "$here/t/public-sample.csv" > "$tmp/pub" 2>/dev/null
if diff -u "$here/t/public-mixed.txt" "$tmp/pub"; then ok; else fail "public.sh on t/public-output.csv"; fi

# 5. Errors: an unreadable gold file, a tool that fails, an output without
#    the polarity column.
eval.sh "$tmp/nonexistent.csv" > /dev/null 2>&1
s=$?; [ $s -eq 2 ] && ok || fail "eval.sh on a missing file: exit $s, not 2"
CS_REVIEWS=false eval.sh "$here/t/gold.csv" > /dev/null 2>&1
s=$?; [ $s -eq 1 ] && ok || fail "eval.sh with a failing tool: exit $s, not 1"
printf 'id,score\na1,1\n' > "$tmp/nopol.csv"
CS_REVIEWS=fake-replay.sh CS_FAKE_OUTPUT=$tmp/nopol.csv eval.sh "$here/t/gold.csv" > /dev/null 2> "$tmp/err"
s=$?; [ $s -eq 2 ] && ok || fail "eval.sh on an output without polarity: exit $s, not 2"
public.sh > /dev/null 2>&1
s=$?; [ $s -eq 2 ] && ok || fail "public.sh without a file: exit $s, not 2"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
