# public-in.awk: turn a public labelled file (label, review or text, and
# optionally cat) into the tool's input (id, category, text), and write the
# gold file (id, category, gold_polarity) to -v gold=FILE.  Labels 1 and
# positive are positive, 0 and negative are negative; other rows and rows
# with no text are skipped and counted on stderr.
{
	if (!csv_record())
		next
	n = csv_split(CSV_REC, f)
	if (!header_done) {
		header_done = 1
		csv_header(f, n, col)
		c_lab = ("label" in col) ? col["label"] : 0
		c_txt = ("review" in col) ? col["review"] : ("text" in col) ? col["text"] : 0
		c_cat = ("cat" in col) ? col["cat"] : ("category" in col) ? col["category"] : 0
		if (!c_lab || !c_txt) {
			print "public.sh: " FILENAME ": needs the columns label and review (or text)" > "/dev/stderr"
			bad = 1
			exit 2
		}
		print "id,category,text"
		print "id,category,gold_polarity" > gold
		next
	}
	lab = tolower(csv_trim(f[c_lab]))
	txt = c_txt <= n ? f[c_txt] : ""
	cat = c_cat && c_cat <= n ? csv_trim(f[c_cat]) : ""
	if (lab == "1" || lab == "positive")
		lab = "positive"
	else if (lab == "0" || lab == "negative")
		lab = "negative"
	else {
		badlabel++
		next
	}
	if (csv_trim(txt) == "") {
		empty++
		next
	}
	id = sprintf("p%06d", ++rows)
	print id "," csv_quote(cat) "," csv_quote(txt)
	print id "," csv_quote(cat) "," lab > gold
}
END {
	if (bad)
		exit 2
	if (badlabel)
		printf "public.sh: %d rows skipped: label not 0/1/positive/negative\n", badlabel > "/dev/stderr"
	if (empty)
		printf "public.sh: %d rows skipped: no review text\n", empty > "/dev/stderr"
}
