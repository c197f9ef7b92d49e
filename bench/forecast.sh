# bench/forecast.sh, sourced by bench/run: cs-forecast over ten years of daily
# receptions of 1,000 shops (FORECAST_SHOPS to change), about 3.6 M rows.
# The target: under a second for the plain forecast.

shops=${FORECAST_SHOPS:-1000}
f=$data/receptions-$shops-shops.csv
h=$data/receptions-$shops-shops-hours.csv
[ -f "$f" ] || awk -v SHOPS="$shops" -f bench/forecast-gen.awk > "$f"
[ -f "$h" ] || awk -v SHOPS="$shops" -v HOURLY=1 -f bench/forecast-gen.awk > "$h"
rows=$(($(wc -l < "$f") - 1))
header cs-forecast "$f"
row "cs-forecast" "tools/cs-forecast $f"
row "cs-forecast --capacity 180" "tools/cs-forecast --capacity 180 $f"
row "cs-forecast --years 9, 12 days" "tools/cs-forecast --years 9 --days 11-01..11-12 $f"
row "cs-forecast --hourly (Erlang C)" "tools/cs-forecast --hourly $h --aht 150 $f"
row "cs-forecast --hourly (Erlang A)" "tools/cs-forecast --hourly $h --aht 150 --concurrency 3 --patience 90 $f"
if command -v datamash >/dev/null 2>&1; then
	row "datamash -s -g 2 mean 3" "datamash -t, --header-in -s -g 2 mean 3 < $f"
fi
