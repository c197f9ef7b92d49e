# bench/segment.sh: cs-segment against its parse-only floor; sourced by
# bench/run (segment or all), which gives best ("cpu wall"), row, $data
# and $rows.
#
# The input is a Taobao ExportOrderList as the samples have it (GBK, CRLF,
# ="..." ids), made by samples/gen. The floor is bench/segment-floor:
# bench/floor runs libcsv strict, which refuses the bare ="..." ids.

sf=$data/segment-floor	# bench/data/: ignored by git
cc -O2 -o "$sf" bench/segment-floor.c -lcsv
f=$data/taobao-orders-$rows.csv
[ -f "$f" ] || samples/gen taobao-orders -n "$rows" |
    iconv -f UTF-8 -t GBK | sed 's/$/\r/' > "$f"
m=$data/members-$rows.csv
[ -f "$m" ] || samples/gen members -n "$rows" > "$m"
i=$data/items.csv
[ -f "$i" ] || samples/gen items > "$i"

echo
echo "== cs-segment: $(basename "$f"), $rows orders, $(du -h "$f" | cut -f1); $(date -u +%F), $(nproc) cores"
printf '%-34s %9s %9s %7s\n' "" "cpu" "wall" "ratio"
floorcmd="$sf $f"
t=$(best "$floorcmd")
floor=${t% *}
printf '%-34s %7.2f s %7.2f s %6.2fx   %s\n' "floor (libcsv parse only)" "$floor" \
    "${t#* }" 1 "bench/segment-floor $f"
row "cs-segment" "tools/cs-segment $f"
row "cs-segment --members --items" "tools/cs-segment -q --members $m --items $i $f"
row "cs-segment --summary" "tools/cs-segment -q --summary --members $m --items $i $f"
row "iconv -f GBK (decoding alone)" "iconv -f GBK -t UTF-8 $f"
