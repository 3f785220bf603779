// SPDX-License-Identifier: MIT
// The layered diagram of the HTML report, laid out here and written as
// inline SVG. Layout, in the manner of Sugiyama: the caller gives each node
// its column; each column starts in the caller's `order`, then a fixed
// number of alternating barycenter sweeps move every node towards the mean
// row of its neighbours in earlier (down sweep) or later (up sweep)
// columns, which removes most crossings. Edges that skip columns get no
// dummy nodes: their far end counts like a near one.
//
// Invariants: every sort is a stable merge sort over node indices, and
// numbers are printed with one fixed format, so the output depends on the
// input alone. Nothing recurses, and each sweep is linear in the edges
// plus a sort per column, which keeps 10,000 nodes well under a second.
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/text.h"
#include "report/report_diagram.h"
#include "report/report_internal.h"

// Geometry, in px. Labels are measured as monospace: at 12 px, DejaVu Sans
// Mono and its kin advance 0.6 em per character.
#define MARGIN 16.0
#define CHAR_W 7.2
#define SMALL_W 6.0     // the same at 10 px, for edge labels
#define PAD 10.0        // either side of a label inside its box
#define NODE_H 26.0
#define ROW_PITCH 38.0  // NODE_H plus the gap between rows
#define COL_GAP 72.0
#define TITLE_H 24.0    // band above the nodes for the column headings
#define LOOP_W 40.0     // how far right an edge within a column bulges
#define LABEL_MAX 40    // characters shown of a label or heading
#define EDGE_LABEL_MAX 24
#define NO_CUT SIZE_MAX
#define SWEEPS 4        // down, up, down, up: later sweeps rarely gain

static const struct {
	const char *name, *fill;
} kinds[] = {
	[BH_DIAG_SOURCE] = { "source", "#e3f2fd" },
	[BH_DIAG_STAGE] = { "stage", "#ede7f6" },
	[BH_DIAG_ARTIFACT] = { "artifact", "#e8f5e9" },
	[BH_DIAG_PATH] = { "path", "#fff8e1" },
	[BH_DIAG_RUNTIME] = { "runtime", "#e0f7fa" },
	[BH_DIAG_MORE] = { "more", "#f5f5f5" },
};

size_t bh_diagram_node(bh_diagram *d, bh_diag_node n)
{
	bh_vec_push(&d->nodes, n);
	return d->nodes.len - 1;
}

void bh_diagram_edge(bh_diagram *d, size_t from, size_t to, bool secret, const char *label)
{
	bh_assert(from < d->nodes.len && to < d->nodes.len);
	bh_diag_edge e = { from, to, secret, label };
	bh_vec_push(&d->edges, e);
}

void bh_diagram_dispose(bh_diagram *d)
{
	bh_vec_dispose(&d->nodes);
	bh_vec_dispose(&d->edges);
	free(d->title_x);
	memset(d, 0, sizeof(*d));
}

/* ---------------------------------------------------------------- text */

// The next code point at `*p`, which it passes: U+FFFD for invalid UTF-8
// (which then passes one byte, so decoding always moves on).
static uint32_t next_cp(const unsigned char **p)
{
	size_t len;
	int32_t c = bh_utf8_next(*p, strnlen((const char *)*p, 4), &len);
	*p += len;
	return c < 0 ? 0xfffd : (uint32_t)c;
}

// Length of `s` in characters (NULL is empty).
static size_t text_len(const char *s)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; n++)
		next_cp(&p);
	return n;
}

static size_t shown_len(const char *s, size_t max)
{
	size_t n = text_len(s);
	return n < max ? n : max;
}

// Write `s` escaped. Beyond `max` characters the middle gives way to "…":
// a third of the room keeps the start and the rest keeps the end, where a
// path has its file name.
static void put_text(FILE *out, const char *s, size_t max)
{
	if (!s)
		return;
	size_t n = text_len(s), head = n, tail = 0;
	if (n > max) {
		head = (max - 1) / 3;
		tail = max - 1 - head;
	}
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; *p; i++) {
		uint32_t c = next_cp(&p);
		if (i < head || i >= n - tail)
			bh_report__html_char(out, c);
		else if (i == head)
			bh_report__html_char(out, 0x2026);
	}
}

/* -------------------------------------------------------------- layout */

// Sort idx[0..n) by key[idx[i]], stably: equal keys keep their order,
// which qsort does not promise. Bottom-up merges, so no recursion; `tmp`
// has room for n.
static void sort_by_key(size_t *idx, size_t n, const double *key, size_t *tmp)
{
	for (size_t width = 1; width < n; width *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n;
			size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				tmp[k++] = key[idx[j]] < key[idx[i]] ? idx[j++] : idx[i++];
			while (i < mid)
				tmp[k++] = idx[i++];
			while (j < hi)
				tmp[k++] = idx[j++];
		}
		memcpy(idx, tmp, n * sizeof(*idx));
	}
}

// Index of `column` in the sorted distinct columns `vals` (it is there).
static size_t find_layer(const double *vals, size_t nvals, double column)
{
	size_t lo = 0, hi = nvals;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (vals[mid] < column)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool has_title(const bh_diagram *d, size_t c)
{
	return d->column_titles && c < d->ncolumns && d->column_titles[c];
}

static bool is_edge_valid(const bh_diagram *d, const bh_diag_edge *e)
{
	return e->from < d->nodes.len && e->to < d->nodes.len;
}

// Scratch of one layout. Layer l holds the nodes idx[start[l]..start[l+1]),
// top to bottom; pos[v] is v's place among them.
typedef struct {
	size_t nlayers;
	size_t *layer, *start, *idx, *pos, *tmp;
	size_t *adj_start, *adj; // neighbours in other layers, both directions
	double *key;
	double *vals;            // the column of each layer, ascending
} layout;

// A node's row measured from the middle of its column: columns are
// centred, so this is what lines up across columns of different heights.
static double centred(const layout *L, size_t v)
{
	size_t l = L->layer[v];
	return (double)L->pos[v] - (double)(L->start[l + 1] - L->start[l] - 1) / 2;
}

// Give each node its layer: the rank of its column among the columns in
// use (titled columns count too), so a sparse or huge column number costs
// nothing. Then order each layer by `order`, ties by insertion.
static void assign_layers(layout *L, const bh_diagram *d)
{
	size_t n = d->nodes.len, nv = n + (d->column_titles ? d->ncolumns : 0), nvals = 0;
	double *vals = bh_xcalloc(nv, sizeof(*vals));
	double *key = bh_xcalloc(nv, sizeof(*key));
	size_t *idx = bh_xcalloc(nv, sizeof(*idx)), *tmp = bh_xcalloc(nv, sizeof(*tmp));
	for (size_t i = 0; i < nv; i++) {
		key[i] = i < n ? (double)d->nodes.items[i].column : (double)(i - n);
		idx[i] = i;
	}
	sort_by_key(idx, nv, key, tmp);
	for (size_t i = 0; i < nv; i++) {
		double v = key[idx[i]];
		bool used = idx[i] < n || has_title(d, idx[i] - n);
		if (used && (nvals == 0 || vals[nvals - 1] != v))
			vals[nvals++] = v;
	}
	L->nlayers = nvals;
	L->vals = vals;
	L->start = bh_xcalloc(nvals + 1, sizeof(size_t));
	for (size_t i = 0; i < n; i++) {
		L->layer[i] = find_layer(vals, nvals, d->nodes.items[i].column);
		L->start[L->layer[i] + 1]++;
		L->idx[i] = i;
		L->key[i] = d->nodes.items[i].order;
	}
	for (size_t l = 0; l < nvals; l++)
		L->start[l + 1] += L->start[l];
	// By order, then stably by layer: grouped by layer, in order within.
	sort_by_key(L->idx, n, L->key, L->tmp);
	for (size_t i = 0; i < n; i++)
		L->key[i] = (double)L->layer[i];
	sort_by_key(L->idx, n, L->key, L->tmp);
	for (size_t k = 0; k < n; k++)
		L->pos[L->idx[k]] = k - L->start[L->layer[L->idx[k]]];
	free(key), free(idx), free(tmp);
}

// Neighbour lists in compressed form. Edges within a layer say nothing
// about the order of layers, so they are left out.
static void build_adjacency(layout *L, const bh_diagram *d)
{
	size_t n = d->nodes.len;
	L->adj_start = bh_xcalloc(n + 1, sizeof(size_t));
	for (size_t i = 0; i < d->edges.len; i++) {
		const bh_diag_edge *e = &d->edges.items[i];
		if (is_edge_valid(d, e) && L->layer[e->from] != L->layer[e->to])
			L->adj_start[e->from + 1]++, L->adj_start[e->to + 1]++;
	}
	for (size_t v = 0; v < n; v++)
		L->adj_start[v + 1] += L->adj_start[v];
	L->adj = bh_xcalloc(L->adj_start[n] + 1, sizeof(size_t));
	size_t *fill = bh_xcalloc(n, sizeof(size_t));
	for (size_t i = 0; i < d->edges.len; i++) {
		const bh_diag_edge *e = &d->edges.items[i];
		if (!is_edge_valid(d, e) || L->layer[e->from] == L->layer[e->to])
			continue;
		L->adj[L->adj_start[e->from] + fill[e->from]++] = e->to;
		L->adj[L->adj_start[e->to] + fill[e->to]++] = e->from;
	}
	free(fill);
}

// Reorder layer l by the mean centred row of each node's neighbours on
// one side; a node without any keeps its place.
static void sweep_layer(layout *L, size_t l, bool from_left)
{
	size_t *slice = L->idx + L->start[l], m = L->start[l + 1] - L->start[l];
	for (size_t j = 0; j < m; j++) {
		size_t v = slice[j], cnt = 0;
		double sum = 0;
		for (size_t k = L->adj_start[v]; k < L->adj_start[v + 1]; k++) {
			size_t u = L->adj[k];
			if (from_left ? L->layer[u] < l : L->layer[u] > l)
				sum += centred(L, u), cnt++;
		}
		L->key[v] = cnt ? sum / (double)cnt : centred(L, v);
	}
	sort_by_key(slice, m, L->key, L->tmp);
	for (size_t j = 0; j < m; j++)
		L->pos[slice[j]] = j;
}

// Box sizes from the labels, columns as wide as their widest box or
// heading, then every box's place.
static void place(bh_diagram *d, const layout *L)
{
	size_t nl = L->nlayers, maxrows = 0;
	double *colw = bh_xcalloc(nl, sizeof(double)), *colx = bh_xcalloc(nl, sizeof(double));
	bool titled = false;
	for (size_t i = 0; i < d->nodes.len; i++) {
		bh_diag_node *n = &d->nodes.items[i];
		n->w = 2 * PAD + CHAR_W * (double)shown_len(n->label, LABEL_MAX);
		n->h = NODE_H;
		if (n->w > colw[L->layer[i]])
			colw[L->layer[i]] = n->w;
	}
	for (size_t c = 0; c < d->ncolumns; c++) {
		if (!has_title(d, c))
			continue;
		size_t l = find_layer(L->vals, L->nlayers, (double)c);
		double w = CHAR_W * (double)shown_len(d->column_titles[c], LABEL_MAX);
		colw[l] = w > colw[l] ? w : colw[l];
		titled = true;
	}
	// A gap widens to fit the labels of the edges that leave its column.
	double *gap = bh_xcalloc(nl, sizeof(double));
	for (size_t l = 0; l < nl; l++)
		gap[l] = COL_GAP;
	for (size_t i = 0; i < d->edges.len; i++) {
		const bh_diag_edge *e = &d->edges.items[i];
		if (!is_edge_valid(d, e) || !e->label || L->layer[e->from] >= L->layer[e->to])
			continue;
		double w = 24 + SMALL_W * (double)shown_len(e->label, EDGE_LABEL_MAX);
		if (w > gap[L->layer[e->from]])
			gap[L->layer[e->from]] = w;
	}
	double x = MARGIN;
	for (size_t l = 0; l < nl; l++) {
		colx[l] = x;
		x += colw[l] + gap[l];
		if (L->start[l + 1] - L->start[l] > maxrows)
			maxrows = L->start[l + 1] - L->start[l];
	}
	double top = MARGIN + (titled ? TITLE_H : 0);
	for (size_t i = 0; i < d->nodes.len; i++) {
		bh_diag_node *n = &d->nodes.items[i];
		size_t l = L->layer[i], rows = L->start[l + 1] - L->start[l];
		n->row = (unsigned)L->pos[i];
		n->x = colx[l];
		n->y = top + ((double)L->pos[i] + (double)(maxrows - rows) / 2) * ROW_PITCH;
	}
	d->title_x = bh_xcalloc(d->ncolumns ? d->ncolumns : 1, sizeof(double));
	for (size_t c = 0; c < d->ncolumns; c++)
		if (has_title(d, c))
			d->title_x[c] = colx[find_layer(L->vals, L->nlayers, (double)c)];
	d->title_y = MARGIN + 12;
	// A loop within the last column bulges into the right margin.
	d->width = x - gap[nl - 1] + LOOP_W + MARGIN;
	d->height = top + (double)maxrows * ROW_PITCH - (ROW_PITCH - NODE_H) + MARGIN;
	free(colw), free(colx), free(gap);
}

void bh_diagram_layout(bh_diagram *d)
{
	size_t n = d->nodes.len;
	free(d->title_x);
	d->title_x = NULL;
	d->width = d->height = 0;
	if (n == 0)
		return;
	layout L = { 0 };
	L.layer = bh_xcalloc(n, sizeof(size_t));
	L.idx = bh_xcalloc(n, sizeof(size_t));
	L.pos = bh_xcalloc(n, sizeof(size_t));
	L.tmp = bh_xcalloc(n, sizeof(size_t));
	L.key = bh_xcalloc(n, sizeof(double));
	assign_layers(&L, d);
	build_adjacency(&L, d);
	for (int s = 0; s < SWEEPS; s++) {
		bool down = s % 2 == 0;
		for (size_t k = 1; k < L.nlayers; k++)
			sweep_layer(&L, down ? k : L.nlayers - 1 - k, down);
	}
	place(d, &L);
	free(L.layer), free(L.start), free(L.idx), free(L.pos), free(L.tmp);
	free(L.adj_start), free(L.adj), free(L.key), free(L.vals);
}

/* ----------------------------------------------------------------- svg */

// An edge as a cubic Bézier from the right side of its source to the left
// side of its target. A backward edge runs from the source's left side to
// the target's right side, dipping into the gap below the lower row so it
// does not run straight through the columns between; one within a column
// loops out to the right. The arrowhead follows the curve's last tangent
// and is drawn, not a <marker>, so several diagrams on one page need no
// unique ids.
static void put_edge(FILE *out, const bh_diagram *d, const bh_diag_edge *e)
{
	const bh_diag_node *a = &d->nodes.items[e->from], *b = &d->nodes.items[e->to];
	double x1, y1 = a->y + a->h / 2, x2, y2 = b->y + b->h / 2;
	double cx1, cy1 = y1, cx2, cy2 = y2;
	const char *shape = "";
	if (a->x < b->x) {
		x1 = a->x + a->w, x2 = b->x;
		cx1 = cx2 = (x1 + x2) / 2;
	} else if (a->x > b->x) {
		x1 = a->x, x2 = b->x + b->w, shape = " back";
		cx1 = x1 - LOOP_W, cx2 = x2 + LOOP_W;
		// At t = 1/2 the curve is 3/4 of the way to its control points.
		cy1 = cy2 = (y1 > y2 ? y1 : y2) + ROW_PITCH / 2 * 4 / 3;
	} else {
		x1 = a->x + a->w, x2 = b->x + b->w, shape = " loop";
		cx1 = cx2 = (x1 > x2 ? x1 : x2) + LOOP_W;
		if (e->from == e->to)
			y1 -= 6, y2 += 6, cy1 = y1, cy2 = y2;
	}
	const char *stroke = e->secret ? "#d32f2f" : "#78909c";
	fprintf(out, "<g class=\"edge%s%s\"><path d=\"M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f\"",
		shape, e->secret ? " secret" : "", x1, y1, cx1, cy1, cx2, cy2, x2, y2);
	fprintf(out, " fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"%s/>", stroke,
		e->secret ? "1.6" : "1.2", e->secret ? " stroke-dasharray=\"6 4\"" : "");
	double ux = x2 - cx2, uy = y2 - cy2, len = sqrt(ux * ux + uy * uy);
	ux = len > 0 ? ux / len : 1, uy = len > 0 ? uy / len : 0;
	fprintf(out, "<path d=\"M%.1f,%.1f L%.1f,%.1f L%.1f,%.1f Z\" fill=\"%s\"/>",
		x2 - 7 * ux - 3.5 * uy, y2 - 7 * uy + 3.5 * ux, x2, y2,
		x2 - 7 * ux + 3.5 * uy, y2 - 7 * uy - 3.5 * ux, stroke);
	if (e->label) {
		// The curve's point at t = 1/2.
		double mx = (x1 + 3 * cx1 + 3 * cx2 + x2) / 8;
		double my = (y1 + 3 * cy1 + 3 * cy2 + y2) / 8;
		fprintf(out, "<text class=\"edge-label\" x=\"%.1f\" y=\"%.1f\""
			" text-anchor=\"middle\" font-size=\"10\" fill=\"#455a64\""
			" stroke=\"#fff\" stroke-width=\"3\""
			" paint-order=\"stroke\">", mx, my - 4);
		put_text(out, e->label, EDGE_LABEL_MAX);
		if (text_len(e->label) > EDGE_LABEL_MAX) {
			fputs("<title>", out);
			put_text(out, e->label, NO_CUT);
			fputs("</title>", out);
		}
		fputs("</text>", out);
	}
	fputs("</g>\n", out);
}

// Finding counts as pills straddling the top edge, right-aligned to the
// box's corner, in the order errors, warnings, notes.
static void put_badges(FILE *out, const bh_diag_node *n)
{
	static const struct {
		const char *name, *fill;
	} levels[3] = { { "error", "#d32f2f" }, { "warning", "#f57c00" }, { "note", "#1976d2" } };
	char text[3][16];
	double w[3], total = 0;
	for (int i = 0; i < 3; i++) {
		if (!n->badges[i])
			continue;
		snprintf(text[i], sizeof(text[i]), "%u", n->badges[i]);
		w[i] = 8 + 6 * (double)strlen(text[i]);
		total += w[i] + 2;
	}
	double x = n->x + n->w - 4 - total + 2;
	for (int i = 0; i < 3; i++) {
		if (!n->badges[i])
			continue;
		fprintf(out, "<g class=\"badge %s\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
			" height=\"14\" rx=\"7\" fill=\"%s\"/>", levels[i].name, x, n->y - 7, w[i],
			levels[i].fill);
		fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\""
			" fill=\"#fff\">%s</text></g>", x + w[i] / 2, n->y + 3.5, text[i]);
		x += w[i] + 2;
	}
}

// A link leaves the page only through an in-page anchor: an untrusted
// "javascript:" target must never become clickable.
static bool is_local_href(const char *href)
{
	return href && href[0] == '#';
}

static void put_node(FILE *out, const bh_diag_node *n)
{
	unsigned k = (unsigned)n->kind < BH_ARRAY_LEN(kinds) ? (unsigned)n->kind : BH_DIAG_MORE;
	bool link = is_local_href(n->href);
	if (link) {
		fputs("<a href=\"", out);
		put_text(out, n->href, NO_CUT);
		fputs("\">", out);
	}
	fprintf(out, "<g class=\"node %s%s%s\" data-label=\"", kinds[k].name,
		n->secret ? " secret" : "", n->emphasis ? " emphasis" : "");
	put_text(out, n->label, NO_CUT);
	// The tooltip always has the whole label, which the box may cut.
	fputs("\"><title>", out);
	put_text(out, n->label, NO_CUT);
	if (n->title) {
		fputc('\n', out);
		put_text(out, n->title, NO_CUT);
	}
	fprintf(out, "</title><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"4\""
		" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>", n->x, n->y, n->w, n->h,
		kinds[k].fill, n->secret ? "#d32f2f" : "#607d8b",
		n->emphasis ? "2.5" : n->secret ? "2" : "1");
	fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#263238\"%s>", n->x + PAD,
		n->y + n->h / 2 + 4, n->emphasis ? " font-weight=\"bold\"" : "");
	put_text(out, n->label, LABEL_MAX);
	fputs("</text>", out);
	put_badges(out, n);
	fputs(link ? "</g></a>\n" : "</g>\n", out);
}

// The opening tag: size, accessible name and the defaults the texts inherit.
static void put_svg_open(FILE *out, const bh_diagram *d, const char *cls, double w, double h,
			 const char *fallback)
{
	const char *caption = d->caption ? d->caption : fallback;
	fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"%s\" width=\"%.1f\""
		" height=\"%.1f\" viewBox=\"0 0 %.1f %.1f\" font-family=\"monospace\""
		" font-size=\"12\" role=\"img\" aria-label=\"", cls, w, h, w, h);
	put_text(out, caption, NO_CUT);
	fputs("\">\n<title>", out);
	put_text(out, caption, NO_CUT);
	fputs("</title>\n", out);
}

bh_status bh_diagram_svg(FILE *out, const bh_diagram *d)
{
	if (d->nodes.len == 0) {
		put_svg_open(out, d, "bh-diagram empty", 160, 40, "no image");
		fputs("<text x=\"80.0\" y=\"24.0\" text-anchor=\"middle\" fill=\"#78909c\">"
		      "no image</text>\n</svg>\n", out);
	} else {
		put_svg_open(out, d, "bh-diagram", d->width, d->height, "diagram");
		fputs("<g class=\"columns\">\n", out);
		for (size_t c = 0; d->title_x && c < d->ncolumns; c++) {
			if (!has_title(d, c))
				continue;
			fprintf(out, "<text class=\"column-title\" x=\"%.1f\" y=\"%.1f\""
				" font-weight=\"bold\" fill=\"#37474f\">",
				d->title_x[c], d->title_y);
			put_text(out, d->column_titles[c], LABEL_MAX);
			fputs("</text>\n", out);
		}
		// Edges first, so the boxes paint over their ends.
		fputs("</g>\n<g class=\"edges\">\n", out);
		for (size_t i = 0; i < d->edges.len; i++)
			if (is_edge_valid(d, &d->edges.items[i]))
				put_edge(out, d, &d->edges.items[i]);
		fputs("</g>\n<g class=\"nodes\">\n", out);
		for (size_t i = 0; i < d->nodes.len; i++)
			put_node(out, &d->nodes.items[i]);
		fputs("</g>\n</svg>\n", out);
	}
	// Stream errors are sticky: one check at the end sees any write that failed.
	if (fflush(out) != 0 || ferror(out))
		return BH_EIO;
	return BH_OK;
}
