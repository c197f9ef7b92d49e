# eval.awk: compare cs-reviews output (second file) with the gold labels
# (first file) and print the figures.  Run by eval.sh; -v tool=NAME.

function pct(a, b) {
	if (b == 0)
		return sprintf("%6s (%d/%d)", "n/a", a, b)
	return sprintf("%5.1f%% (%d/%d)", 100 * a / b, a, b)
}

function pc(a, b) {
	return b == 0 ? "   n/a" : sprintf("%5.1f%%", 100 * a / b)
}

function f1(tp, np, ng,    p, r) {
	if (np == 0 || ng == 0 || tp == 0)
		return np == 0 || ng == 0 ? "   n/a" : "  0.0%"
	p = tp / np
	r = tp / ng
	return sprintf("%5.1f%%", 100 * 2 * p * r / (p + r))
}

function yes(v) {
	v = tolower(csv_trim(v))
	return v == "yes" || v == "y" || v == "1" || v == "true" || v == "是"
}

# aspect list "a:+;b:-" -> set[key] = 1 for "name:sign", names[name] = 1
function aspects(s, set, names,    n, i, a, t, k, nm) {
	n = split(s, a, ";")
	for (i = 1; i <= n; i++) {
		t = csv_trim(a[i])
		if (t == "")
			continue
		k = t
		nm = t
		sub(/:[^:]*$/, "", nm)
		set[k] = 1
		names[nm] = 1
	}
}

function need(c, what) {
	if (!(c in col)) {
		printf "eval.awk: %s: no column %s\n", FILENAME, what > "/dev/stderr"
		bad = 1
		exit 2
	}
	return col[c]
}

{
	if (FNR == 1) {
		file++
		delete col
	}
	if (!csv_record())
		next
	n = csv_split(CSV_REC, f)
	if (FNR == 1 || !(file in seen_header)) {
		seen_header[file] = 1
		csv_header(f, n, col)
		if (file == 1) {
			g_id = need("id", "id"); g_pol = need("gold_polarity", "gold_polarity")
			g_asp = need("gold_aspects", "gold_aspects"); g_hid = need("gold_hidden", "gold_hidden")
		} else {
			p_id = ("id" in col) ? col["id"] : 0
			p_pol = need("polarity", "polarity"); p_asp = need("aspects", "aspects")
			p_hid = need("hidden_negative", "hidden_negative")
		}
		next
	}
	if (file == 1) {
		N++
		id = csv_trim(f[g_id])
		order[N] = id
		gold_pol[id] = tolower(csv_trim(f[g_pol]))
		gold_asp[id] = f[g_asp]
		gold_hid[id] = yes(f[g_hid])
		in_gold[id] = 1
	} else {
		M++
		id = p_id ? csv_trim(f[p_id]) : order[M]
		if (!(id in in_gold)) {
			extra++
			next
		}
		if (id in got)
			dup++
		got[id] = 1
		pred_pol[id] = tolower(csv_trim(f[p_pol]))
		pred_asp[id] = f[p_asp]
		pred_hid[id] = yes(f[p_hid])
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
		g = gold_pol[id]
		p = (id in got) ? pred_pol[id] : "(missing)"
		if (!(id in got))
			missing++
		if (!(p in known))
			p = "other"
		ngold[g]++
		npred[p]++
		conf[g, p]++
		if (g == p)
			right++
		if (g == "positive" || g == "negative") {
			nclear++
			if (g == p)
				rclear++
		}
		if (gold_hid[id])
			hg++
		if (id in got && pred_hid[id]) {
			hp++
			if (gold_hid[id])
				htp++
		}
		delete gs; delete gn; delete ps; delete pn
		aspects(gold_asp[id], gs, gn)
		if (id in got)
			aspects(pred_asp[id], ps, pn)
		for (k in gs) {
			ag++
			nm = k; sub(/:[^:]*$/, "", nm)
			a_gold[nm]++
			anames[nm] = 1
			if (k in ps) {
				atp++
				a_hit[nm]++
			}
		}
		for (k in ps) {
			ap++
			nm = k; sub(/:[^:]*$/, "", nm)
			a_pred[nm]++
			anames[nm] = 1
		}
		for (k in gn) {
			ng++
			if (k in pn)
				ntp++
		}
		for (k in pn)
			np++
	}

	printf "cs-reviews evaluation: %d reviews, tool %s\n", N, tool
	if (!p_id)
		printf "note: the output has no id column: rows matched by order\n"
	if (missing)
		printf "note: %d reviews missing from the output (counted wrong)\n", missing
	if (extra)
		printf "note: %d output rows with an id not in the gold file (ignored)\n", extra
	if (dup)
		printf "note: %d output rows repeat an id (the last one counts)\n", dup
	printf "\n"
	printf "polarity accuracy                 %s\n", pct(right, N)
	printf "accuracy on clear reviews         %s   (gold positive or negative)\n", pct(rclear, nclear)
	printf "\n"
	printf "%-10s %6s %9s %9s %7s %7s\n", "class", "gold", "predicted", "precision", "recall", "f1"
	for (i = 1; i <= ncls; i++) {
		c = cls[i]
		printf "%-10s %6d %9d %9s %7s %7s\n", c, ngold[c], npred[c], \
		    pc(conf[c, c], npred[c]), pc(conf[c, c], ngold[c]), f1(conf[c, c], npred[c], ngold[c])
	}
	printf "\n"
	printf "confusion (rows: gold, columns: predicted)\n"
	printf "%-10s", "gold"
	for (i = 1; i <= ncls; i++)
		printf " %9s", cls[i]
	printf " %9s\n", "other"
	for (i = 1; i <= ncls; i++) {
		printf "%-10s", cls[i]
		for (j = 1; j <= ncls; j++)
			printf " %9d", conf[cls[i], cls[j]]
		printf " %9d\n", conf[cls[i], "other"]
	}
	printf "\n"
	printf "hidden negatives    recall %s   precision %s\n", pct(htp, hg), pct(htp, hp)
	printf "aspects with sign   recall %s   precision %s\n", pct(atp, ag), pct(atp, ap)
	printf "aspects, names only recall %s   precision %s\n", pct(ntp, ng), pct(ntp, np)
	printf "\n"
	printf "per aspect (gold: labelled, found: output, right: same aspect and sign)\n"
	printf "%6s %6s %6s %7s %9s  %s\n", "gold", "found", "right", "recall", "precision", "aspect"
	cmd = "LC_ALL=C sort -k6"
	for (nm in anames)
		printf "%6d %6d %6d %7s %9s  %s\n", a_gold[nm], a_pred[nm], a_hit[nm], \
		    pc(a_hit[nm], a_gold[nm]), pc(a_hit[nm], a_pred[nm]), nm | cmd
	close(cmd)
}
