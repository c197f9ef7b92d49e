# bench/forecast-gen.awk: daily receptions of SHOPS shops from 2017-01-01 to
# 2026-10-31 (ten years, the last October included), one row a shop and day
# in date order, the way an agency's daily export lists its shops; with
# HOURLY=1, last year's 11.11 receptions per hour of each shop instead.
#
#   awk -v SHOPS=1000 -f bench/forecast-gen.awk > receptions.csv
#   awk -v SHOPS=1000 -v HOURLY=1 -f bench/forecast-gen.awk > hours.csv

function days_in(y, m)
{
	if (m == 2)
		return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28
	return (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31
}

BEGIN {
	srand(11)
	if (SHOPS == "")
		SHOPS = 1000
	split("30 20 10 5 3 2 2 3 8 15 20 25 25 22 20 20 20 22 25 28 30 35 40 50", curve, " ")
	if (HOURLY) {
		print "店铺名称,时段,接待人数"
		for (s = 1; s <= SHOPS; s++)
			for (h = 0; h < 24; h++)
				printf "云朵%04d号店,%d,%d\n", s, h, int(curve[h + 1] * (5 + s % 50) * (0.8 + 0.4 * rand()))
		exit
	}
	print "日期,店铺名称,接待人数"
	for (y = 2017; y <= 2026; y++)
		for (m = 1; m <= 12 && !(y == 2026 && m > 10); m++)
			for (d = 1; d <= days_in(y, m); d++)
				for (s = 1; s <= SHOPS; s++) {
					base = (200 + (s * 37) % 5000) * (1 + (y - 2017) * 0.1)
					if (m == 11 && d == 11)
						base *= 4
					printf "%04d-%02d-%02d,云朵%04d号店,%d\n", y, m, d, s, int(base * (0.8 + 0.4 * rand()))
				}
}
