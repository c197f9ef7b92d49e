# bench/reviews.sh: cs-reviews against the floor, sourced by bench/run
# (bench/run reviews [ROWS]). The target: within 2x of the floor.
f=$(gen reviews)
header cs-reviews "$f"
row "cs-reviews (one row a review)" "tools/cs-reviews $f"
row "cs-reviews --summary -b aspect,week" "tools/cs-reviews --summary --by aspect,week --examples 3 $f"
row "cs-reviews --hidden" "tools/cs-reviews --hidden $f"
