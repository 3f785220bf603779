// SPDX-License-Identifier: MIT
// The HTML report (--format html): one self-contained page for the people
// who decide what to fix first. Inline CSS, inline SVG and a small inline
// script, and a Content-Security-Policy that forbids every request, so the
// file reads the same offline, attached to a CI run. Every string from the
// scanned tree is escaped; secret findings never show their line (their
// message is redacted already), as in the text report. The filters are the
// only thing the script does: without it every finding is shown.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/config.h"
#include "bulkhead/img.h"
#include "bulkhead/rule.h"
#include "bulkhead/text.h"
#include "report/report_diagram.h"
#include "report/report_internal.h"

#define TOP_EXPOSED 10      // findings in the summary's ranking
#define SNIPPET_AROUND 2    // source lines shown above and below a finding's line
#define SNIPPET_MAX 400     // bytes of one source line shown
#define MAX_DIAGS 500       // diagnostics listed one by one

static const char *const domains[] = { "c", "secret", "docker", "image" };
static const char *const domain_names[] = { "C code", "Secrets", "Dockerfile", "Image" };

void bh_report__html_char(FILE *out, uint32_t c)
{
	// XML forbids most C0 controls; C1 ones and non-characters could hide
	// text: all shown as U+FFFD.
	bool ok = c == '\t' || c == '\n' || (c >= 0x20 && c < 0x7f) ||
		  (c >= 0xa0 && c <= 0x10ffff && c != 0xfffe && c != 0xffff);
	switch (ok ? c : 0xfffd) {
	case '&': fputs("&amp;", out); return;
	case '<': fputs("&lt;", out); return;
	case '>': fputs("&gt;", out); return;
	case '"': fputs("&quot;", out); return;
	case '\'': fputs("&#39;", out); return;
	default: break;
	}
	char buf[4];
	fwrite(buf, 1, bh_utf8_encode(buf, ok ? c : 0xfffd), out);
}

void bh_report__html_text(FILE *out, const char *s, size_t n)
{
	for (size_t i = 0, len; i < n; i += len) {
		int32_t c = bh_utf8_next((const unsigned char *)s + i, n - i, &len);
		bh_report__html_char(out, c < 0 ? 0xfffd : (uint32_t)c);
	}
}

static void esc(FILE *out, const char *s)
{
	if (s)
		bh_report__html_text(out, s, strlen(s));
}

static const char *domain_of(const bh_finding *fd)
{
	return fd->rule && fd->rule->domain ? fd->rule->domain : "c";
}

static bool shown(const bh_finding *fd)
{
	return !fd->suppressed;
}

// "yes", "no", "unknown", or "none" for a finding no image involves.
static const char *shipped_of(const bh_finding *fd)
{
	return fd->image ? bh_img_ship_name(fd->image->shipped) : "none";
}

static const char style[] =
	"body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#1d2330;"
	"background:#f6f7f9}"
	"header,main{max-width:1200px;margin:0 auto;padding:0 24px}"
	"header{padding-top:20px}h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px;"
	"border-bottom:1px solid #d7dbe2;padding-bottom:4px}h3{font-size:15px;margin:18px 0 8px}"
	".meta{color:#5b6475;margin:0}"
	".cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}"
	".card{background:#fff;border:1px solid #d7dbe2;border-radius:6px;padding:8px 14px;min-width:90px}"
	".card b{display:block;font-size:22px}"
	"table{border-collapse:collapse;background:#fff}td,th{border:1px solid #d7dbe2;padding:4px 10px;"
	"text-align:left}th{background:#eef0f4}"
	".lv{display:inline-block;border-radius:3px;padding:0 6px;color:#fff;font-size:12px;"
	"font-weight:600;text-transform:uppercase}"
	".lv.error{background:#c62828}.lv.warning{background:#b26a00}.lv.note{background:#1565c0}"
	".finding{background:#fff;border:1px solid #d7dbe2;border-left:4px solid #1565c0;border-radius:6px;"
	"padding:10px 14px;margin:10px 0}"
	".finding.error{border-left-color:#c62828}.finding.warning{border-left-color:#b26a00}"
	".finding h4{margin:0 0 4px;font-size:14px}.finding .rule{color:#5b6475;font-weight:400}"
	".loc{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px;color:#37474f}"
	"pre{background:#f3f4f7;border-radius:4px;padding:6px 8px;overflow-x:auto;"
	"font:12.5px/1.4 ui-monospace,Menlo,Consolas,monospace;margin:6px 0}"
	"pre .hl{background:#fff1c4;display:inline-block;min-width:100%}"
	".image{color:#4a148c}ol.flow{margin:4px 0;padding-left:22px}"
	"details{margin:4px 0}summary{cursor:pointer;color:#37474f}"
	"code.sup{background:#eef0f4;padding:1px 4px;border-radius:3px}"
	"figure{background:#fff;border:1px solid #d7dbe2;border-radius:6px;margin:10px 0;padding:10px;"
	"overflow-x:auto}figcaption{color:#5b6475;margin-bottom:6px}"
	// The diagram has five columns, so its width is bounded: it shrinks to
	// the page rather than hiding its last column behind a scroll bar.
	"svg.bh-diagram{max-width:100%;height:auto}"
	"#filters{background:#fff;border:1px solid #d7dbe2;border-radius:6px;padding:8px 12px}"
	"#filters fieldset{display:inline-block;border:0;margin:0 14px 0 0;padding:0}"
	"#filters legend{font-weight:600;padding:0;margin-right:6px;float:left}"
	".hidden{display:none}ul.groups li{margin:2px 0}";

// The filters: each box hides the findings of its level, domain or
// shipping state; a file or binary group left empty hides too. A link may
// start with some boxes off: `report.html#hide=level:note,domain:docker`.
static const char script[] =
	"(function(){var f=document.getElementById('filters');if(!f)return;f.hidden=false;"
	"function on(k){var o={};f.querySelectorAll('input[data-'+k+']').forEach(function(i){"
	"o[i.getAttribute('data-'+k)]=i.checked});return o}"
	"function apply(){var lv=on('level'),dm=on('domain'),sh=on('shipped');"
	"document.querySelectorAll('.finding').forEach(function(a){"
	"var v=lv[a.dataset.level]!==false&&dm[a.dataset.domain]!==false&&sh[a.dataset.shipped]!==false;"
	"a.classList.toggle('hidden',!v)});"
	"document.querySelectorAll('[data-finding]').forEach(function(li){"
	"var a=document.getElementById(li.getAttribute('data-finding'));"
	"li.classList.toggle('hidden',!!a&&a.classList.contains('hidden'))});"
	"document.querySelectorAll('.group').forEach(function(g){"
	"g.classList.toggle('hidden',!g.querySelector('.finding:not(.hidden),[data-finding]:not(.hidden)'))})}"
	"var h=/^#hide=(.*)$/.exec(location.hash);if(h)decodeURIComponent(h[1]).split(',').forEach(function(p){"
	"var k=p.split(':');var i=k.length==2&&f.querySelector('input[data-'+CSS.escape(k[0])+'=\"'+CSS.escape(k[1])+'\"]');"
	"if(i)i.checked=false});apply();"
	"f.addEventListener('change',apply)})();";

static void put_level(FILE *out, bh_level level)
{
	fprintf(out, "<span class=\"lv %s\">%s</span>", bh_level_name(level), bh_level_name(level));
}

static void put_loc(FILE *out, bh_loc loc)
{
	esc(out, loc.path ? loc.path : "(no file)");
	if (loc.line)
		fprintf(out, ":%u", (unsigned)loc.line);
	if (loc.line && loc.col)
		fprintf(out, ":%u", (unsigned)loc.col);
}

// ------------------------------------------------------------ summary

static size_t domain_index(const char *d)
{
	for (size_t i = 0; i < BH_ARRAY_LEN(domains); i++)
		if (strcmp(domains[i], d) == 0)
			return i;
	return 0;
}

static void put_counts(FILE *out, const bh_report *r, const bh_report__counts *k)
{
	fputs("<div class=\"cards\">", out);
	fprintf(out, "<div class=\"card\"><b>%zu</b>findings</div>", k->findings);
	fprintf(out, "<div class=\"card\"><b>%zu</b>%s</div>", k->errors, "errors");
	fprintf(out, "<div class=\"card\"><b>%zu</b>%s</div>", k->warnings, "warnings");
	fprintf(out, "<div class=\"card\"><b>%zu</b>%s</div>", k->notes, "notes");
	fprintf(out, "<div class=\"card\"><b>%zu</b>suppressed</div>", k->suppressed);
	fprintf(out, "<div class=\"card\"><b>%zu</b>files scanned</div>", r->files_scanned);
	fprintf(out, "<div class=\"card\"><b>%zu</b>units parsed</div>", r->units_parsed);
	fputs("</div>\n", out);
	size_t by[BH_ARRAY_LEN(domains)][4] = { { 0 } };
	for (size_t i = 0; i < bh_report__nfindings(r); i++) {
		const bh_finding *fd = &r->findings->items.items[i];
		if (shown(fd))
			by[domain_index(domain_of(fd))][fd->level]++;
	}
	fputs("<table id=\"by-domain\"><tr><th>Domain</th><th>Errors</th><th>Warnings</th>"
	      "<th>Notes</th></tr>", out);
	for (size_t d = 0; d < BH_ARRAY_LEN(domains); d++)
		fprintf(out, "<tr><td>%s</td><td>%zu</td><td>%zu</td><td>%zu</td></tr>", domain_names[d],
			by[d][BH_LEVEL_ERROR], by[d][BH_LEVEL_WARNING], by[d][BH_LEVEL_NOTE]);
	fputs("</table>\n", out);
}

// The most exposed findings: shipped code first (bh_img_exposure), then
// the more severe; the report's order among equals.
static int by_exposure(const void *a, const void *b)
{
	const bh_finding *x = *(const bh_finding *const *)a, *y = *(const bh_finding *const *)b;
	int ex = x->image ? x->image->exposure : 0, ey = y->image ? y->image->exposure : 0;
	if (ex != ey)
		return ey - ex;
	if (x->level != y->level)
		return (int)y->level - (int)x->level;
	return x < y ? -1 : x > y;
}

static void put_ranking(FILE *out, const bh_report *r)
{
	size_t n = bh_report__nfindings(r), m = 0;
	const bh_finding **order = bh_xmalloc((n + 1) * sizeof(*order));
	for (size_t i = 0; i < n; i++)
		if (shown(&r->findings->items.items[i]) && r->findings->items.items[i].image)
			order[m++] = &r->findings->items.items[i];
	qsort(order, m, sizeof(*order), by_exposure);
	fputs("<h2 id=\"exposed\">Most exposed</h2>\n", out);
	if (!m)
		fputs("<p>No finding is on code or files that an image built here ships.</p>\n", out);
	else
		fputs("<ol class=\"ranking\">\n", out);
	for (size_t i = 0; i < m && i < TOP_EXPOSED; i++) {
		const bh_finding *fd = order[i];
		size_t id = (size_t)(fd - r->findings->items.items);
		fprintf(out, "<li data-finding=\"f-%zu\">", id);
		put_level(out, fd->level);
		fprintf(out, " <a href=\"#f-%zu\">", id);
		esc(out, fd->rule->id);
		fputs("</a> exposure ", out);
		fprintf(out, "%d: ", fd->image->exposure);
		esc(out, fd->message);
		fputs(" <span class=\"loc\">", out);
		put_loc(out, fd->loc);
		fputs("</span></li>\n", out);
	}
	if (m)
		fputs("</ol>\n", out);
	free(order);
}

// What was not analysed, and why: the diagnostics, by code, then each.
static void put_diagnostics(FILE *out, const bh_report *r)
{
	size_t n = bh_report__ndiags(r);
	fputs("<h2 id=\"not-analysed\">Not analysed</h2>\n", out);
	if (!n) {
		fputs("<p>Every file was analysed completely.</p>\n", out);
		return;
	}
	fputs("<table><tr><th>Diagnostic</th><th>Count</th></tr>", out);
	const char **codes = bh_xmalloc(n * sizeof(*codes));
	for (size_t i = 0; i < n; i++)
		codes[i] = r->diags->items.items[i].code;
	qsort(codes, n, sizeof(*codes), bh_str_compare_ptrs);
	for (size_t i = 0, end; i < n; i = end) {
		for (end = i; end < n && strcmp(codes[end], codes[i]) == 0; end++)
			;
		fputs("<tr><td>", out);
		esc(out, codes[i]);
		fprintf(out, "</td><td>%zu</td></tr>", end - i);
	}
	free(codes);
	fputs("</table>\n<details><summary>Every diagnostic</summary><ul>\n", out);
	for (size_t i = 0; i < n && i < MAX_DIAGS; i++) {
		const bh_diag *d = &r->diags->items.items[i];
		fputs("<li>", out);
		put_level(out, d->level);
		fputs(" <span class=\"loc\">", out);
		put_loc(out, d->loc);
		fputs("</span> ", out);
		esc(out, d->message);
		fputs(" [", out);
		esc(out, d->code);
		fputs("]</li>\n", out);
	}
	if (n > MAX_DIAGS)
		fprintf(out, "<li>... and %zu more</li>\n", n - MAX_DIAGS);
	fputs("</ul></details>\n", out);
}

// ------------------------------------------------------------ findings

static void put_snippet(FILE *out, const bh_report *r, const bh_finding *fd)
{
	if (!r->line_fn || !fd->loc.path || !fd->loc.line || strcmp(domain_of(fd), "secret") == 0)
		return;
	uint32_t first = fd->loc.line > SNIPPET_AROUND ? fd->loc.line - SNIPPET_AROUND : 1;
	bool any = false;
	for (uint32_t l = first; l <= fd->loc.line + SNIPPET_AROUND; l++) {
		size_t len = 0;
		const char *text = r->line_fn(r->line_payload, fd->loc.path, l, &len);
		if (!text)
			break;
		if (!any)
			fputs("<pre class=\"snippet\">", out);
		any = true;
		bool hl = l == fd->loc.line;
		fprintf(out, "%s%5u  ", hl ? "<span class=\"hl\">" : "", (unsigned)l);
		bh_report__html_text(out, text, len > SNIPPET_MAX ? SNIPPET_MAX : len);
		fputs(len > SNIPPET_MAX ? " ...\n" : "\n", out);
		if (hl)
			fputs("</span>", out);
	}
	if (any)
		fputs("</pre>\n", out);
}

static void put_steps(FILE *out, const char *title, const bh_finding_step *steps, size_t n)
{
	if (!n)
		return;
	fprintf(out, "<details open><summary>%s (%zu)</summary><ol class=\"flow\">", title, n);
	for (size_t i = 0; i < n; i++) {
		fputs("<li><span class=\"loc\">", out);
		put_loc(out, steps[i].loc);
		fputs("</span> ", out);
		esc(out, steps[i].message);
		fputs("</li>", out);
	}
	fputs("</ol></details>\n", out);
}

static void put_finding(FILE *out, const bh_report *r, size_t id, bh_arena *arena)
{
	const bh_finding *fd = &r->findings->items.items[id];
	const char *level = bh_level_name(fd->level);
	fprintf(out, "<article class=\"finding %s\" id=\"f-%zu\" data-level=\"%s\" data-domain=\"",
		level, id, level);
	esc(out, domain_of(fd));
	fprintf(out, "\" data-shipped=\"%s\">\n<h4>", shipped_of(fd));
	put_level(out, fd->level);
	fputc(' ', out);
	esc(out, fd->message);
	fputs(" <span class=\"rule\">[", out);
	esc(out, fd->rule->id);
	fputs("]</span></h4>\n<div class=\"loc\">", out);
	put_loc(out, fd->loc);
	if (fd->function) {
		fputs(" in ", out);
		esc(out, fd->function);
		fputs("()", out);
	}
	fputs("</div>\n", out);
	put_snippet(out, r, fd);
	put_steps(out, "Flow", fd->flow, fd->nflow);
	put_steps(out, "Related", fd->related, fd->nrelated);
	const char *image = bh_report_image_summary(arena, fd);
	if (image) {
		fputs("<p class=\"image\">", out);
		esc(out, image);
		fputs("</p>\n", out);
	}
	if (fd->note) {
		fputs("<p class=\"note\">", out);
		esc(out, fd->note);
		fputs("</p>\n", out);
	}
	fputs("<p class=\"about\">", out);
	esc(out, fd->rule->title);
	fputs(". ", out);
	esc(out, bh_rule_summary(fd->rule));
	fputs(" <a href=\"#rule-", out);
	esc(out, fd->rule->id);
	fputs("\">More about ", out);
	esc(out, fd->rule->id);
	fputs("</a></p>\n", out);
	const char *comment = fd->loc.path ? bh_suppress_comment_for(fd->loc.path) : NULL;
	fputs("<p>Suppress: ", out);
	if (comment) {
		fputs("<code class=\"sup\">", out);
		esc(out, comment);
		fputs(" bulkhead: ignore[", out);
		esc(out, fd->rule->id);
		fputs("] reason</code> on the line or the line above", out);
	} else {
		fputs("list its fingerprint in a baseline (<code class=\"sup\">--baseline</code>) or exclude the path in "
		      "<code class=\"sup\">.bulkhead.json</code>", out);
	}
	fprintf(out, "; fingerprint <code>%s</code></p>\n</article>\n", fd->fingerprint);
}

// Findings grouped by the program or file of the image they end up in.
typedef struct {
	const char *key;
	size_t id;
	int rank;   // 0 the entrypoint, 1 shipped, 2 not known, 3 not shipped, 4 no image
	int level;  // by what ships: errors first within a group; by file: 0 (line order)
} group_entry;

static int by_group(const void *a, const void *b)
{
	const group_entry *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank - y->rank;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	if (x->level != y->level)
		return y->level - x->level;
	return x->id < y->id ? -1 : x->id > y->id;
}

static group_entry group_of(const bh_finding *fd, size_t id)
{
	const bh_image_context *c = fd->image;
	if (!c)
		return (group_entry){ "No image context (Dockerfiles, or no Dockerfile builds this)", id, 4,
				      (int)fd->level };
	if (c->shipped == BH_IMG_SHIP_NO)
		return (group_entry){ "Not in the image", id, 3, (int)fd->level };
	if (c->shipped != BH_IMG_SHIP_YES || !c->image_path)
		return (group_entry){ "Not known whether the image ships it", id, 2, (int)fd->level };
	return (group_entry){ c->image_path, id, c->entrypoint ? 0 : 1, (int)fd->level };
}

// Each file's findings together, files by path (the report may be in
// exposure order), in report order within a file.
static void put_findings_by_file(FILE *out, const bh_report *r, bh_arena *arena)
{
	size_t n = bh_report__nfindings(r), m = 0;
	group_entry *e = bh_xmalloc((n + 1) * sizeof(*e));
	for (size_t i = 0; i < n; i++) {
		const bh_finding *fd = &r->findings->items.items[i];
		if (shown(fd))
			e[m++] = (group_entry){ fd->loc.path ? fd->loc.path : "", i, 0, 0 };
	}
	qsort(e, m, sizeof(*e), by_group);
	fputs("<h2 id=\"by-file\">Findings by file</h2>\n", out);
	if (!m)
		fputs("<p>No findings.</p>\n", out);
	for (size_t i = 0; i < m; i++) {
		if (!i || strcmp(e[i].key, e[i - 1].key) != 0) {
			fputs(i ? "</section>\n<section class=\"group file\"><h3>" : "<section class=\"group file\"><h3>",
			      out);
			esc(out, e[i].key[0] ? e[i].key : "(no file)");
			fputs("</h3>\n", out);
		}
		put_finding(out, r, e[i].id, arena);
	}
	if (m)
		fputs("</section>\n", out);
	free(e);
}

static void put_findings_by_binary(FILE *out, const bh_report *r)
{
	size_t n = bh_report__nfindings(r), m = 0;
	group_entry *e = bh_xmalloc((n + 1) * sizeof(*e));
	for (size_t i = 0; i < n; i++)
		if (shown(&r->findings->items.items[i]))
			e[m++] = group_of(&r->findings->items.items[i], i);
	qsort(e, m, sizeof(*e), by_group);
	fputs("<h2 id=\"by-binary\">Findings by what ships</h2>\n", out);
	if (!m)
		fputs("<p>No findings.</p>\n", out);
	for (size_t i = 0; i < m;) {
		size_t end = i;
		while (end < m && e[end].rank == e[i].rank && strcmp(e[end].key, e[i].key) == 0)
			end++;
		fputs("<section class=\"group binary\"><h3>", out);
		esc(out, e[i].key);
		if (e[i].rank == 0)
			fputs(" (the entrypoint)", out);
		fprintf(out, " &mdash; %zu finding%s</h3><ul class=\"groups\">\n", end - i, end - i == 1 ? "" : "s");
		for (size_t k = i; k < end; k++) {
			const bh_finding *fd = &r->findings->items.items[e[k].id];
			fprintf(out, "<li data-finding=\"f-%zu\">", e[k].id);
			put_level(out, fd->level);
			fprintf(out, " <a href=\"#f-%zu\">", e[k].id);
			esc(out, fd->rule->id);
			fputs("</a> ", out);
			esc(out, fd->message);
			fputs(" <span class=\"loc\">", out);
			put_loc(out, fd->loc);
			fputs("</span></li>\n", out);
		}
		fputs("</ul></section>\n", out);
		i = end;
	}
	free(e);
}

static int by_rule_id(const void *a, const void *b)
{
	return strcmp((*(const bh_rule *const *)a)->id, (*(const bh_rule *const *)b)->id);
}

// The documentation of each rule with a finding shown, once, by id.
static void put_rules(FILE *out, const bh_report *r)
{
	size_t n = bh_report__nfindings(r), m = 0;
	const bh_rule **rules = bh_xmalloc((n + 1) * sizeof(*rules));
	for (size_t i = 0; i < n; i++)
		if (shown(&r->findings->items.items[i]))
			rules[m++] = r->findings->items.items[i].rule;
	qsort(rules, m, sizeof(*rules), by_rule_id);
	if (m)
		fputs("<h2 id=\"rules\">Rules</h2>\n", out);
	for (size_t i = 0; i < m; i++) {
		if (i && strcmp(rules[i]->id, rules[i - 1]->id) == 0)
			continue;
		fputs("<details class=\"rule\" id=\"rule-", out);
		esc(out, rules[i]->id);
		fputs("\"><summary>", out);
		esc(out, rules[i]->id);
		fputs(": ", out);
		esc(out, rules[i]->title);
		fputs("</summary><pre class=\"doc\">", out);
		esc(out, rules[i]->doc);
		fputs("</pre></details>\n", out);
	}
	free(rules);
}

static void put_filters(FILE *out)
{
	// Hidden until the script runs: without it nothing is filtered.
	fputs("<form id=\"filters\" hidden><fieldset><legend>Level</legend>", out);
	static const char *const levels[] = { "error", "warning", "note" };
	for (size_t i = 0; i < BH_ARRAY_LEN(levels); i++)
		fprintf(out, "<label><input type=\"checkbox\" checked data-level=\"%s\"> %s</label> ", levels[i],
			levels[i]);
	fputs("</fieldset><fieldset><legend>Domain</legend>", out);
	for (size_t i = 0; i < BH_ARRAY_LEN(domains); i++)
		fprintf(out, "<label><input type=\"checkbox\" checked data-domain=\"%s\"> %s</label> ", domains[i],
			domain_names[i]);
	fputs("</fieldset><fieldset><legend>Shipped</legend>", out);
	static const char *const ships[] = { "yes", "no", "unknown", "none" };
	static const char *const ship_names[] = { "shipped", "not shipped", "not known", "no image" };
	for (size_t i = 0; i < BH_ARRAY_LEN(ships); i++)
		fprintf(out, "<label><input type=\"checkbox\" checked data-shipped=\"%s\"> %s</label> ", ships[i],
			ship_names[i]);
	fputs("</fieldset></form>\n", out);
}

bh_status bh_report_html(FILE *out, const bh_report *r)
{
	bh_report__counts k;
	bh_report__count(&k, r);
	bh_arena *arena = bh_arena_new();
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	      "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Bulkhead report: ",
	      out);
	esc(out, r->context_root);
	fprintf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<header>\n"
		"<h1>Bulkhead report</h1>\n<p class=\"meta\">", style);
	esc(out, r->context_root);
	fputs(" &middot; bulkhead ", out);
	esc(out, r->tool_version);
	if (r->end_time) {
		fputs(" &middot; ", out);
		esc(out, r->end_time);
	}
	fputs("</p>\n</header>\n<main>\n<h2 id=\"summary\">Summary</h2>\n", out);
	put_counts(out, r, &k);
	put_ranking(out, r);
	put_diagnostics(out, r);
	fputs("<h2 id=\"image\">What the image is made of</h2>\n", out);
	bh_report__picture(out, r, arena);
	put_filters(out);
	put_findings_by_binary(out, r);
	put_findings_by_file(out, r, arena);
	put_rules(out, r);
	fprintf(out, "</main>\n<script>%s</script>\n</body>\n</html>\n", script);
	bh_arena_free(arena);
	return ferror(out) ? BH_EIO : BH_OK;
}
