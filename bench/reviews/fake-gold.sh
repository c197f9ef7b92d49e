#!/bin/sh
# fake-gold.sh: a stand-in for cs-reviews that answers every review with its
# gold labels, read from $CS_EVAL_GOLD (eval.sh and public.sh set it).
# Scored by eval.sh it must get every figure right: see check.sh.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
: "${CS_EVAL_GOLD:?fake-gold.sh: CS_EVAL_GOLD is not set}"
LC_ALL=C awk -v mode=gold -f "$here/csv.awk" -f "$here/fake.awk" \
    "${1:--}" "$CS_EVAL_GOLD"
