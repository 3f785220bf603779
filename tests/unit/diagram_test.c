// SPDX-License-Identifier: MIT
// Unit tests of the report's layered diagram: where the layout puts nodes,
// that its sweeps remove a crossing, that the SVG is the same byte for byte
// on every run, that hostile labels come out inert and well formed, and
// that odd shapes (backward edges, loops, 10,000 nodes, no nodes) neither
// crash nor produce garbage. Output is captured with open_memstream.
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_diagram.h"

static bh_diagram d;

static void setup(void)
{
	memset(&d, 0, sizeof(d));
}

static void teardown(void)
{
	bh_diagram_dispose(&d);
}

TestSuite(diagram, .init = setup, .fini = teardown);

static size_t add(unsigned column, const char *label, double order)
{
	bh_diag_node n = { .column = column, .label = label, .order = order };
	return bh_diagram_node(&d, n);
}

// The diagram's SVG as a heap string (caller frees).
static char *render(const bh_diagram *dg)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	cr_assert_not_null(out);
	cr_assert_eq(bh_diagram_svg(out, dg), BH_OK);
	fclose(out);
	return buf;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

// A small XML check: tags balance, quoted attribute values hold no '<',
// text holds no raw '>', every '&' starts a known entity, and there is one
// root, <svg>.
static bool is_well_formed(const char *s)
{
	const char *stack[64];
	size_t len[64], depth = 0, roots = 0;
	for (const char *p = s; *p; p++) {
		if (*p == '&') {
			static const char *ents[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&#39;" };
			bool known = false;
			for (size_t i = 0; i < BH_ARRAY_LEN(ents); i++)
				known |= strncmp(p, ents[i], strlen(ents[i])) == 0;
			if (!known)
				return false;
		} else if (*p == '>') {
			return false;
		} else if (*p == '<') {
			bool closing = p[1] == '/';
			const char *name = p + 1 + closing;
			size_t n = strspn(name, "abcdefghijklmnopqrstuvwxyz:-");
			if (n == 0)
				return false;
			const char *q = name + n;
			char quote = 0;
			for (; *q && (quote || *q != '>'); q++) {
				if (quote && *q == '<')
					return false;
				if (*q == '"' || *q == '\'')
					quote = quote == *q ? 0 : quote ? quote : *q;
			}
			if (!*q)
				return false;
			if (closing) {
				if (depth == 0 || len[depth - 1] != n)
					return false;
				if (strncmp(stack[depth - 1], name, n) != 0)
					return false;
				depth--;
			} else if (q[-1] != '/') {
				if (depth == 0)
					roots++;
				if (depth == 64)
					return false;
				stack[depth] = name, len[depth++] = n;
			}
			p = q;
		}
	}
	return depth == 0 && roots == 1 && strncmp(s, "<svg ", 5) == 0;
}

// Every byte sequence is valid UTF-8 (no lone bytes left by the escaper).
static bool is_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t extra = *p < 0x80 ? 0 : (*p & 0xe0) == 0xc0 ? 1 : (*p & 0xf0) == 0xe0 ? 2 :
			       (*p & 0xf8) == 0xf0 ? 3 : 9;
		if (extra == 9)
			return false;
		for (size_t i = 1; i <= extra; i++)
			if ((p[i] & 0xc0) != 0x80)
				return false;
		p += extra + 1;
	}
	return true;
}

Test(diagram, nodes_sit_in_their_columns)
{
	size_t a = add(0, "a", 0), b = add(0, "b", 1), c = add(2, "c", 0), e = add(5, "e", 0);
	bh_diagram_layout(&d);
	bh_diag_node *n = d.nodes.items;
	cr_assert_eq(n[a].x, n[b].x);
	cr_assert_lt(n[a].x + n[a].w, n[c].x);
	cr_assert_lt(n[c].x + n[c].w, n[e].x);
	cr_assert_eq(n[a].row, 0);
	cr_assert_eq(n[b].row, 1);
	cr_assert_eq(n[c].row, 0);
	cr_assert_lt(n[a].y + n[a].h, n[b].y);
	// The lone nodes are centred on the two-node column.
	cr_assert_eq(n[c].y, (n[a].y + n[b].y) / 2);
	cr_assert_leq(n[e].x + n[e].w, d.width);
	cr_assert_leq(n[b].y + n[b].h, d.height);
}

Test(diagram, order_hint_then_insertion_breaks_ties)
{
	size_t a = add(0, "a", 2), b = add(0, "b", 1), c = add(0, "c", 1);
	bh_diagram_layout(&d);
	cr_assert_eq(d.nodes.items[b].row, 0);
	cr_assert_eq(d.nodes.items[c].row, 1);
	cr_assert_eq(d.nodes.items[a].row, 2);
}

Test(diagram, sweeps_remove_a_crossing)
{
	size_t a = add(0, "a", 0), b = add(0, "b", 1);
	size_t c = add(1, "c", 0), dd = add(1, "d", 1);
	bh_diagram_edge(&d, a, dd, false, NULL);
	bh_diagram_edge(&d, b, c, false, NULL);
	bh_diagram_layout(&d);
	const bh_diag_node *n = d.nodes.items;
	cr_assert_eq(n[a].row, n[dd].row);
	cr_assert_eq(n[b].row, n[c].row);
	cr_assert_neq(n[a].row, n[b].row);
}

// Three columns of nodes and edges in a scrambled but fixed pattern.
static void build_mesh(bh_diagram *dg)
{
	static const char *titles[] = { "Sources", "Stages", NULL, "Paths" };
	dg->column_titles = titles;
	dg->ncolumns = BH_ARRAY_LEN(titles);
	for (unsigned i = 0; i < 30; i++) {
		bh_diag_node n = { .kind = (bh_diag_kind)(i % 6), .column = i % 4,
				   .label = i % 2 ? "Dockerfile" : "src/main.c",
				   .order = (double)(i % 3), .badges = { i % 3, i % 2, 0 },
				   .secret = i % 5 == 0 };
		bh_diagram_node(dg, n);
	}
	for (size_t i = 0; i < 60; i++)
		bh_diagram_edge(dg, (i * 7) % 30, (i * 13 + 5) % 30, i % 4 == 0,
				i % 5 ? NULL : "COPY");
}

Test(diagram, same_input_gives_same_bytes)
{
	bh_diagram other = { 0 };
	build_mesh(&d);
	build_mesh(&other);
	bh_diagram_layout(&d);
	bh_diagram_layout(&other);
	char *one = render(&d), *two = render(&other);
	cr_assert_str_eq(one, two);
	// Laying out again starts from the hints, not from the last result.
	bh_diagram_layout(&d);
	char *three = render(&d);
	cr_assert_str_eq(one, three);
	cr_assert(is_well_formed(one), "not well formed:\n%s", one);
	free(one), free(two), free(three);
	bh_diagram_dispose(&other);
}

Test(diagram, hostile_text_is_escaped)
{
	static const char *titles[] = { "<b>col</b>" };
	d.column_titles = titles;
	d.ncolumns = 1;
	d.caption = "image \"app\" & <co>";
	bh_diag_node n = { .kind = BH_DIAG_STAGE, .label = "<script>alert(1)</script>",
			   .title = "it's \"quoted\" & bad \xff\x01 end", .href = "#f-<1>" };
	size_t a = bh_diagram_node(&d, n);
	bh_diag_node m = { .kind = BH_DIAG_PATH, .column = 1,
			   .label = "bad\xc3(\x1b[31m\xed\xa0\x80",
			   .href = "javascript:alert(1)" };
	size_t b = bh_diagram_node(&d, m);
	bh_diagram_edge(&d, a, b, false, "<img src=x onerror=alert(1)>");
	bh_diagram_layout(&d);
	char *out = render(&d);
	cr_assert_null(strstr(out, "<script"));
	cr_assert_null(strstr(out, "<img"));
	cr_assert_null(strstr(out, "<b>"));
	cr_assert_null(strstr(out, "javascript:"), "only in-page links are kept");
	cr_assert_null(strchr(out, '\x01'));
	cr_assert_null(strchr(out, '\x1b'));
	cr_assert(is_utf8(out));
	cr_assert_not_null(strstr(out, "data-label=\"&lt;script&gt;alert(1)&lt;/script&gt;\""));
	cr_assert_not_null(strstr(out, "it&#39;s &quot;quoted&quot; &amp; bad "
				       "\xef\xbf\xbd\xef\xbf\xbd end"));
	cr_assert_not_null(strstr(out, "<a href=\"#f-&lt;1&gt;\">"));
	cr_assert_not_null(strstr(out, "aria-label=\"image &quot;app&quot; &amp; &lt;co&gt;\""));
	// A bad lead byte, ESC and each byte of the surrogate become U+FFFD.
	cr_assert_not_null(strstr(out, "bad\xef\xbf\xbd(\xef\xbf\xbd[31m\xef\xbf\xbd\xef\xbf\xbd"
				       "\xef\xbf\xbd\""));
	cr_assert(is_well_formed(out), "not well formed:\n%s", out);
	free(out);
}

Test(diagram, long_label_is_cut_in_the_middle)
{
	const char *path = "usr/local/share/very/deeply/nested/directory/tree/server_config.yaml";
	size_t a = add(0, path, 0), b = add(0, "0123456789012345678901234567890123456789", 1);
	bh_diagram_layout(&d);
	char *out = render(&d);
	// 13 characters of the start, "…" and 26 of the end: 40 in all.
	cr_assert_not_null(strstr(out, ">usr/local/sha\xe2\x80\xa6"
				       "ry/tree/server_config.yaml</text>"));
	cr_assert_not_null(strstr(out, "<title>usr/local/share/very/deeply/nested/directory/tree/"
				       "server_config.yaml</title>"));
	cr_assert_not_null(strstr(out, "data-label=\"usr/local/share/very/deeply/"));
	cr_assert_eq(d.nodes.items[a].w, d.nodes.items[b].w, "the width is capped at 40");
	free(out);
}

Test(diagram, badges_only_for_nonzero_counts)
{
	bh_diag_node n = { .label = "app.c", .badges = { 2, 0, 15 } };
	bh_diagram_node(&d, n);
	add(0, "quiet.c", 1);
	bh_diagram_layout(&d);
	char *out = render(&d);
	cr_assert_eq(count(out, "class=\"badge "), 2);
	cr_assert_not_null(strstr(out, "class=\"badge error\""));
	cr_assert_not_null(strstr(out, "class=\"badge note\""));
	cr_assert_null(strstr(out, "badge warning"));
	cr_assert_not_null(strstr(out, "fill=\"#fff\">2</text>"));
	cr_assert_not_null(strstr(out, "fill=\"#fff\">15</text>"));
	free(out);
}

Test(diagram, secret_edges_and_nodes_carry_the_secret_style)
{
	bh_diag_node s = { .kind = BH_DIAG_SOURCE, .label = ".env", .secret = true };
	size_t a = bh_diagram_node(&d, s);
	bh_diag_node t = { .kind = BH_DIAG_STAGE, .column = 1, .label = "build", .emphasis = true };
	size_t b = bh_diagram_node(&d, t);
	size_t c = add(0, "main.c", 1);
	bh_diagram_edge(&d, a, b, true, NULL);
	bh_diagram_edge(&d, c, b, false, NULL);
	bh_diagram_layout(&d);
	char *out = render(&d);
	cr_assert_eq(count(out, "<g class=\"edge secret\"><path"), 1);
	cr_assert_eq(count(out, "<g class=\"edge\"><path"), 1);
	cr_assert_eq(count(out, "stroke-dasharray=\"6 4\""), 1);
	cr_assert_not_null(strstr(out, "stroke=\"#d32f2f\" stroke-width=\"1.6\" stroke-dasharray"));
	cr_assert_not_null(strstr(out, "class=\"node source secret\" data-label=\".env\""));
	cr_assert_not_null(strstr(out, "class=\"node stage emphasis\" data-label=\"build\""));
	free(out);
}

Test(diagram, backward_and_within_column_edges_are_drawn)
{
	size_t a = add(0, "a", 0), b = add(0, "b", 1), c = add(1, "c", 0), e = add(2, "e", 0);
	bh_diagram_edge(&d, e, a, false, "back");
	bh_diagram_edge(&d, a, b, false, NULL);
	bh_diagram_edge(&d, c, c, true, "self");
	bh_diagram_edge(&d, a, c, false, NULL);
	bh_diagram_layout(&d);
	char *out = render(&d);
	cr_assert_eq(count(out, "class=\"edge back\""), 1);
	cr_assert_eq(count(out, "class=\"edge loop\""), 1);
	cr_assert_eq(count(out, "class=\"edge loop secret\""), 1);
	cr_assert(is_well_formed(out), "not well formed:\n%s", out);
	free(out);
}

Test(diagram, ten_thousand_nodes_lay_out)
{
	// A fixed linear congruential sequence: the same graph on every run.
	uint32_t seed = 12345;
	for (unsigned i = 0; i < 10000; i++)
		add(i % 10, "node", (double)(i % 97));
	for (size_t i = 0; i < 50000; i++) {
		seed = seed * 1103515245u + 12345u;
		size_t from = (seed >> 8) % 10000;
		seed = seed * 1103515245u + 12345u;
		size_t to = (seed >> 8) % 10000;
		bh_diagram_edge(&d, from, to, i % 50 == 0, NULL);
	}
	bh_diagram_layout(&d);
	char *out = render(&d);
	cr_assert_gt(strlen(out), 1000000);
	cr_assert_eq(count(out, "<g class=\"node "), 10000);
	free(out);
}

Test(diagram, empty_diagram_says_no_image)
{
	bh_diagram_layout(&d);
	char *out = render(&d);
	cr_assert_not_null(strstr(out, ">no image</text>"));
	cr_assert(is_well_formed(out), "not well formed:\n%s", out);
	free(out);
}

Test(diagram, write_error_is_eio)
{
	add(0, "a", 0);
	bh_diagram_layout(&d);
	FILE *out = fopen("/dev/null", "r");
	cr_assert_not_null(out);
	cr_assert_eq(bh_diagram_svg(out, &d), BH_EIO);
	fclose(out);
}
