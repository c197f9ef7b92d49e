# fake.awk: the stand-ins for cs-reviews used by check.sh.
#   -v mode=positive  every review positive, no aspects, no hidden negative
#   -v mode=gold      the gold labels of the second file, by id
# The first file is the tool's input (id, text, ...).
function score(p) {
	return p == "positive" ? 1 : p == "negative" ? -1 : 0
}

{
	if (FNR == 1) {
		file++
		delete col
	}
	if (!csv_record())
		next
	n = csv_split(CSV_REC, f)
	if (FNR == 1) {
		csv_header(f, n, col)
		c_id = col["id"]
		c_pol = col["gold_polarity"]
		c_asp = ("gold_aspects" in col) ? col["gold_aspects"] : 0
		c_hid = ("gold_hidden" in col) ? col["gold_hidden"] : 0
		next
	}
	if (file == 1)
		ids[++nids] = f[c_id]
	else {
		pol[f[c_id]] = f[c_pol]
		asp[f[c_id]] = c_asp ? f[c_asp] : ""
		hid[f[c_id]] = c_hid ? f[c_hid] : "no"
	}
}

END {
	print "id,polarity,score,aspects,hidden_negative,evidence"
	for (i = 1; i <= nids; i++) {
		id = ids[i]
		if (mode == "positive")
			print csv_quote(id) ",positive,1,,no,"
		else
			print csv_quote(id) "," pol[id] "," score(pol[id]) "," \
			    csv_quote(asp[id]) "," hid[id] ","
	}
}
