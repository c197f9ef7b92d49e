# strip.awk: copy the columns a review export has (id, category, rating,
# text, followup) and drop the gold labels, so that the tool never sees them.
BEGIN { nkeep = split("id category rating text followup", keep, " ") }
{
	if (!csv_record())
		next
	n = csv_split(CSV_REC, f)
	if (FNR == 1 || !header_done) {
		csv_header(f, n, col)
		header_done = 1
		out = ""
		m = 0
		for (i = 1; i <= nkeep; i++)
			if (keep[i] in col) {
				use[++m] = col[keep[i]]
				out = out (m > 1 ? "," : "") keep[i]
			}
		if (!("id" in col) || !("text" in col)) {
			print "strip.awk: " FILENAME ": needs the columns id and text" > "/dev/stderr"
			exit 2
		}
		print out
		next
	}
	out = ""
	for (i = 1; i <= m; i++)
		out = out (i > 1 ? "," : "") csv_quote(use[i] <= n ? f[use[i]] : "")
	print out
}
