# csv.awk: RFC 4180 helpers shared by the bench/reviews scripts (POSIX awk).
#
# csv_record(): call first thing in the main rule; returns 0 while a quoted
#   field runs on to the next line (the rule should then do `next`), else 1
#   with the whole record in CSV_REC (lines joined by "\n", CR and BOM dropped).
# csv_split(s, f): split record s into f[1..n]; returns n.
# csv_quote(v): v as one CSV field (quoted when it holds , " CR or LF).
# csv_header(f, n, col): col[name] = index, names trimmed and lower-cased.

function csv_record(    line) {
	line = $0
	sub(/\r$/, "", line)
	if (FNR == 1)
		sub(/^\357\273\277/, "", line)
	if (CSV_PENDING)
		CSV_REC = CSV_REC "\n" line
	else
		CSV_REC = line
	CSV_PENDING = !csv_complete(CSV_REC)
	return !CSV_PENDING
}

function csv_complete(s,    t) {
	t = s
	return gsub(/"/, "", t) % 2 == 0
}

function csv_split(s, f,    n, i, v) {
	n = 0
	for (;;) {
		n++
		if (substr(s, 1, 1) == "\"") {
			v = ""
			s = substr(s, 2)
			for (;;) {
				i = index(s, "\"")
				if (i == 0) {
					v = v s
					s = ""
					break
				}
				v = v substr(s, 1, i - 1)
				s = substr(s, i + 1)
				if (substr(s, 1, 1) != "\"")
					break
				v = v "\""
				s = substr(s, 2)
			}
			f[n] = v
			i = index(s, ",")
			if (i == 0)
				return n
			s = substr(s, i + 1)
		} else {
			i = index(s, ",")
			if (i == 0) {
				f[n] = s
				return n
			}
			f[n] = substr(s, 1, i - 1)
			s = substr(s, i + 1)
		}
	}
}

function csv_quote(v) {
	if (v ~ /[",\r\n]/) {
		gsub(/"/, "\"\"", v)
		return "\"" v "\""
	}
	return v
}

function csv_header(f, n, col,    i, k) {
	for (i = 1; i <= n; i++) {
		k = tolower(f[i])
		gsub(/^[ \t]+|[ \t]+$/, "", k)
		if (!(k in col))
			col[k] = i
	}
}

function csv_trim(v) {
	gsub(/^[ \t]+|[ \t]+$/, "", v)
	return v
}
