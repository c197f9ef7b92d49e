# public.awk: score cs-reviews (second file) against binary public labels
# (first file: id, category, gold_polarity).  Run by public.sh.
function pct(a, b) {
	if (b == 0)
		return sprintf("%6s (%d/%d)", "n/a", a, b)
	return sprintf("%5.1f%% (%d/%d)", 100 * a / b, a, b)
}

function pc(a, b) {
	return b == 0 ? "   n/a" : sprintf("%5.1f%%", 100 * a / b)
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
		if (file == 2) {
			if (!("polarity" in col)) {
				print "public.awk: " FILENAME ": no column polarity" > "/dev/stderr"
				bad = 1
				exit 2
			}
			p_id = ("id" in col) ? col["id"] : 0
			p_pol = col["polarity"]
			p_sc = ("score" in col) ? col["score"] : 0
		}
		next
	}
	if (file == 1) {
		N++
		order[N] = f[1]
		cat[f[1]] = f[2]
		gold[f[1]] = f[3]
	} else {
		M++
		id = p_id ? csv_trim(f[p_id]) : order[M]
		if (!(id in gold))
			extra++
		else {
			got[id] = 1
			pol[id] = tolower(csv_trim(f[p_pol]))
			sc[id] = p_sc ? csv_trim(f[p_sc]) : ""
		}
	}
}

END {
	if (bad)
		exit 2
	ncls = split("positive negative mixed neutral", cls, " ")
	for (i = 1; i <= ncls; i++)
		known[cls[i]] = 1
	for (r = 1; r <= N; r++) {
		id = order[r]
		g = gold[id]
		p = (id in got) ? pol[id] : "other"
		if (!(id in got))
			missing++
		if (!(p in known))
			p = "other"
		ng[g]++
		conf[g, p]++
		c = cat[id] == "" ? "-" : cat[id]
		cats[c] = 1
		cn[c]++
		if (p == g) {
			right++
			cr[c]++
		}
		if (p == "positive" || p == "negative") {
			decided++
			if (p == g)
				dright++
		}
		# the sign of the score decides mixed and neutral answers
		s = (id in got) ? sc[id] : ""
		bp = p
		if (p != "positive" && p != "negative" && s ~ /^[-+]?[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?$/) {
			if (s + 0 > 0)
				bp = "positive"
			else if (s + 0 < 0)
				bp = "negative"
		}
		if (bp == g) {
			bright++
			cb[c]++
		}
	}
	printf "cs-reviews on public labelled reviews: %d reviews (positive %d, negative %d), tool %s\n", \
	    N, ng["positive"], ng["negative"], tool
	if (missing)
		printf "note: %d reviews missing from the output (counted wrong)\n", missing
	if (extra)
		printf "note: %d output rows with an id not in the input (ignored)\n", extra
	if (!p_sc)
		printf "note: the output has no score column\n"
	printf "\n"
	printf "accuracy                 %s   polarity equals the label (mixed, neutral count wrong)\n", pct(right, N)
	printf "accuracy, mixed by score %s   mixed and neutral answers take the sign of score\n", pct(bright, N)
	printf "answered pos/neg         %s\n", pct(decided, N)
	printf "accuracy when answered   %s\n", pct(dright, decided)
	printf "\n"
	printf "%-10s %9s %9s %9s %9s %9s\n", "label", "positive", "negative", "mixed", "neutral", "other"
	for (i = 1; i <= 2; i++) {
		printf "%-10s", cls[i]
		for (j = 1; j <= ncls; j++)
			printf " %9d", conf[cls[i], cls[j]]
		printf " %9d\n", conf[cls[i], "other"]
	}
	printf "\n"
	printf "%7s %9s %14s  %s\n", "reviews", "accuracy", "mixed by score", "category"
	cmd = "LC_ALL=C sort -k4"
	for (c in cats)
		printf "%7d %9s %14s  %s\n", cn[c], pc(cr[c], cn[c]), pc(cb[c], cn[c]), c | cmd
	close(cmd)
}
