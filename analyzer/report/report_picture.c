// SPDX-License-Identifier: MIT
// The HTML report's picture of each image: build-context files, the build
// stages, the programs they link, the paths of the target image and what
// the container runs, as a layered diagram (report_diagram.c) whose nodes
// carry the findings on them as badges. A secret-bearing file that reaches
// a stage is drawn on the path it takes: its edges are the secret's.
// Large contexts keep the files with findings and what ships, and count
// the rest.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/img.h"
#include "bulkhead/sh.h"
#include "bulkhead/text.h"
#include "report/report_diagram.h"
#include "report/report_internal.h"

#define MAX_SOURCES 24  // context files drawn; the rest are counted
#define MAX_PATHS 24    // target image paths drawn (shipped programs always are)

enum { COL_SOURCES, COL_STAGES, COL_ARTIFACTS, COL_PATHS, COL_RUNS };
static const char *column_titles[] = { "Build context", "Stages", "Programs built", "Target image", "Runs" };

// The shown findings of one file, by level, and the first one's index.
typedef struct {
	const char *path;
	unsigned badges[3];
	size_t first;
	bool secret;    // a secret rule found something in it
} file_findings;

typedef struct {
	const bh_report *r;
	bh_arena *arena;
	file_findings *files;  // sorted by path
	size_t nfiles;
	bh_diagram d;
	BH_VEC(struct { const char *path; size_t node; }) sources;
	const char **chosen;   // the context files that get a node, sorted
	size_t nchosen, nsources_skipped;
} picture;

static unsigned badge_of(bh_level level)
{
	return level == BH_LEVEL_ERROR ? 0 : level == BH_LEVEL_WARNING ? 1 : 2;
}

static void add_badges(unsigned *to, const unsigned *from)
{
	for (int i = 0; i < 3; i++)
		to[i] += from[i];
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const file_findings *)a)->path, ((const file_findings *)b)->path);
}

// The same, and in report order within a path (qsort is not stable).
static int by_path_then_first(const void *a, const void *b)
{
	const file_findings *x = a, *y = b;
	int c = strcmp(x->path, y->path);
	return c ? c : x->first < y->first ? -1 : x->first > y->first;
}

// One entry per finding, sorted, then folded into one per file: the
// report may be in exposure order, not by file.
static void index_findings(picture *p)
{
	size_t n = bh_report__nfindings(p->r), m = 0;
	file_findings *all = bh_xcalloc(n + 1, sizeof(*all));
	for (size_t i = 0; i < n; i++) {
		const bh_finding *fd = &p->r->findings->items.items[i];
		if (fd->suppressed || !fd->loc.path)
			continue;
		file_findings *f = &all[m++];
		*f = (file_findings){ .path = fd->loc.path, .first = i };
		f->badges[badge_of(fd->level)] = 1;
		f->secret = fd->rule->domain && strcmp(fd->rule->domain, "secret") == 0;
	}
	qsort(all, m, sizeof(*all), by_path_then_first);
	p->files = all;
	for (size_t i = 0; i < m; i++) {
		file_findings *last = p->nfiles ? &p->files[p->nfiles - 1] : NULL;
		if (last && strcmp(last->path, all[i].path) == 0) {
			add_badges(last->badges, all[i].badges);
			last->secret |= all[i].secret;
		} else {
			p->files[p->nfiles++] = all[i];
		}
	}
}

static const file_findings *findings_of(const picture *p, const char *path)
{
	file_findings key = { .path = path };
	return path ? bsearch(&key, p->files, p->nfiles, sizeof(*p->files), by_path) : NULL;
}

// The node of context file `path`, made on first use; SIZE_MAX once the
// column is full.
static size_t source_node(picture *p, const char *path)
{
	for (size_t i = 0; i < p->sources.len; i++)
		if (strcmp(p->sources.items[i].path, path) == 0)
			return p->sources.items[i].node;
	const file_findings *f = findings_of(p, path);
	if (!bsearch(&path, p->chosen, p->nchosen, sizeof(*p->chosen), bh_str_compare_ptrs))
		return SIZE_MAX;
	bh_diag_node n = { .kind = BH_DIAG_SOURCE, .column = COL_SOURCES, .label = path, .title = path,
			   .order = (double)p->sources.len };
	if (f) {
		memcpy(n.badges, f->badges, sizeof(n.badges));
		n.secret = f->secret;
		n.href = bh_arena_sprintf(p->arena, "#f-%zu", f->first);
	}
	size_t id = bh_diagram_node(&p->d, n);
	bh_vec_grow_one(&p->sources);
	p->sources.items[p->sources.len - 1].path = path;
	p->sources.items[p->sources.len - 1].node = id;
	return id;
}

typedef struct {
	const char *path;
	size_t weight;   // its findings: errors, then warnings, then notes
} candidate;

static int by_weight(const void *a, const void *b)
{
	const candidate *x = a, *y = b;
	return x->weight != y->weight ? (x->weight > y->weight ? -1 : 1) : strcmp(x->path, y->path);
}

// The context files drawn: of those the image's programs are compiled
// from and those with findings that a stage copies, the MAX_SOURCES with
// the most severe findings; the others are counted.
static void choose_sources(picture *p, const bh_img *img)
{
	BH_VEC(const char *) all = { 0 };
	for (size_t i = 0; i < img->nartifacts; i++)
		for (size_t k = 0; k < img->artifacts[i].nsources; k++)
			if (img->artifacts[i].sources[k])
				bh_vec_push(&all, img->artifacts[i].sources[k]);
	for (size_t s = 0; s < img->nstages; s++)
		for (size_t i = 0; i < img->stages[s].nfiles; i++) {
			const bh_img_file *root = bh_img_file_root(img->stages[s].files[i]);
			if (root->origin == BH_IMG_FROM_CONTEXT && root->source && findings_of(p, root->source))
				bh_vec_push(&all, root->source);
		}
	if (all.len > 1)
		qsort(all.items, all.len, sizeof(*all.items), bh_str_compare_ptrs);
	candidate *c = bh_xmalloc((all.len + 1) * sizeof(*c));
	size_t n = 0;
	for (size_t i = 0; i < all.len; i++) {
		if (i && strcmp(all.items[i - 1], all.items[i]) == 0) // sorted: a repeat is beside
			continue;
		const file_findings *f = findings_of(p, all.items[i]);
		c[n++] = (candidate){ all.items[i],
				      f ? 1000000u * f->badges[0] + 1000u * f->badges[1] + f->badges[2] : 0 };
	}
	qsort(c, n, sizeof(*c), by_weight);
	p->nchosen = n < MAX_SOURCES ? n : MAX_SOURCES;
	p->nsources_skipped = n - p->nchosen;
	const char **chosen = bh_arena_alloc(p->arena, (p->nchosen + 1) * sizeof(*chosen));
	for (size_t i = 0; i < p->nchosen; i++)
		chosen[i] = c[i].path;
	qsort(chosen, p->nchosen, sizeof(*chosen), bh_str_compare_ptrs);
	p->chosen = chosen;
	free(c);
	bh_vec_dispose(&all);
}

static bool has_edge(const bh_diagram *d, size_t from, size_t to, bool secret)
{
	for (size_t i = 0; i < d->edges.len; i++)
		if (d->edges.items[i].from == from && d->edges.items[i].to == to &&
		    d->edges.items[i].secret == secret)
			return true;
	return false;
}

static void edge(picture *p, size_t from, size_t to, bool secret, const char *label)
{
	if (from != SIZE_MAX && to != SIZE_MAX && !has_edge(&p->d, from, to, secret))
		bh_diagram_edge(&p->d, from, to, secret, label);
}

static const char *stage_label(const picture *p, const bh_img *img, int s)
{
	const bh_img_stage *st = &img->stages[s];
	const char *name = st->name ? st->name : bh_arena_sprintf(p->arena, "stage %d", s);
	const char *base = st->base_stage >= 0 ? NULL : st->base.raw;
	return base ? bh_arena_sprintf(p->arena, "%s (%s)", name, base) : name;
}

// Findings on the Dockerfile lines of stage `s`.
static void stage_badges(const picture *p, const bh_img *img, int s, unsigned *badges)
{
	const bh_img_stage *st = &img->stages[s];
	uint32_t lo = st->from ? st->from->loc.line : 0;
	uint32_t hi = (size_t)s + 1 < img->nstages && img->stages[s + 1].from ? img->stages[s + 1].from->loc.line
									       : UINT32_MAX;
	for (size_t i = 0; i < bh_report__nfindings(p->r); i++) {
		const bh_finding *fd = &p->r->findings->items.items[i];
		if (!fd->suppressed && fd->loc.path && strcmp(fd->loc.path, img->dockerfile) == 0 &&
		    fd->loc.line >= lo && fd->loc.line < hi)
			badges[badge_of(fd->level)]++;
	}
}

static size_t *draw_stages(picture *p, const bh_img *img)
{
	size_t *node = bh_arena_alloc(p->arena, (img->nstages + 1) * sizeof(*node));
	for (size_t s = 0; s < img->nstages; s++) {
		const bh_img_stage *st = &img->stages[s];
		bh_diag_node n = { .kind = BH_DIAG_STAGE, .column = COL_STAGES, .label = stage_label(p, img, (int)s),
				   .emphasis = st->is_target, .order = (double)s };
		n.title = bh_arena_sprintf(p->arena, "%s%s", n.label,
					   st->is_target ? ": the target" : st->in_target ? ": ships into the target"
									  : ": does not ship");
		stage_badges(p, img, (int)s, n.badges);
		node[s] = bh_diagram_node(&p->d, n);
	}
	for (size_t s = 0; s < img->nstages; s++) {
		const bh_img_stage *st = &img->stages[s];
		if (st->base_stage >= 0)
			edge(p, node[st->base_stage], node[s], false, "FROM");
		for (size_t k = 0; k < st->ndeps; k++)
			edge(p, node[st->deps[k]], node[s], false, "COPY --from");
	}
	return node;
}

static size_t *draw_artifacts(picture *p, const bh_img *img, const size_t *stage)
{
	size_t *node = bh_arena_alloc(p->arena, (img->nartifacts + 1) * sizeof(*node));
	for (size_t i = 0; i < img->nartifacts; i++) {
		const bh_img_artifact *a = &img->artifacts[i];
		bh_diag_node n = { .kind = BH_DIAG_ARTIFACT, .column = COL_ARTIFACTS, .label = bh_sh_basename(a->path),
				   .emphasis = a->entrypoint, .order = (double)i };
		n.title = bh_arena_sprintf(p->arena, "%s: %s", a->path, a->why ? a->why : "");
		for (size_t k = 0; k < a->nsources; k++) {
			const file_findings *f = findings_of(p, a->sources[k]);
			if (f)
				add_badges(n.badges, f->badges);
		}
		node[i] = bh_diagram_node(&p->d, n);
		if (a->stage >= 0 && (size_t)a->stage < img->nstages) {
			edge(p, stage[a->stage], node[i], false, NULL);
			for (size_t k = 0; k < a->nsources; k++)
				edge(p, source_node(p, a->sources[k]), stage[a->stage], false, NULL);
		}
	}
	return node;
}

// Context files with findings copied into each stage (a secret's file is
// drawn even where the stage does not ship: a build stage's layers still
// hold it in the build cache and its history).
static void draw_copied_files(picture *p, const bh_img *img, const size_t *stage)
{
	for (size_t s = 0; s < img->nstages; s++)
		for (size_t i = 0; i < img->stages[s].nfiles; i++) {
			const bh_img_file *f = img->stages[s].files[i];
			const file_findings *ff = f->origin == BH_IMG_FROM_CONTEXT ? findings_of(p, f->source) : NULL;
			if (ff)
				edge(p, source_node(p, f->source), stage[s], ff->secret, NULL);
		}
}

// The target's paths: shipped programs, files with findings, the program
// it runs; then what it runs, as whom, on which ports.
static void draw_target(picture *p, const bh_img *img, const size_t *stage, const size_t *artifact)
{
	if (img->target < 0 || (size_t)img->target >= img->nstages)
		return;
	const bh_img_stage *t = &img->stages[img->target];
	size_t drawn = 0, exe = SIZE_MAX;
	for (size_t i = 0; i < img->nartifacts; i++) {
		const bh_img_artifact *a = &img->artifacts[i];
		if (a->shipped != BH_IMG_SHIP_YES || !a->image_path)
			continue;
		bh_diag_node n = { .kind = BH_DIAG_PATH, .column = COL_PATHS, .label = a->image_path,
				   .title = a->image_path, .emphasis = a->entrypoint, .order = (double)drawn++ };
		memcpy(n.badges, p->d.nodes.items[artifact[i]].badges, sizeof(n.badges));
		size_t id = bh_diagram_node(&p->d, n);
		edge(p, artifact[i], id, false, NULL);
		if (t->exe && strcmp(t->exe, a->image_path) == 0)
			exe = id;
	}
	size_t skipped = 0;
	for (size_t i = 0; i < t->nfiles; i++) {
		const bh_img_file *f = t->files[i];
		const bh_img_file *root = bh_img_file_root(f);
		const file_findings *ff = root->origin == BH_IMG_FROM_CONTEXT ? findings_of(p, root->source) : NULL;
		bool is_exe = t->exe && strcmp(t->exe, f->path) == 0 && exe == SIZE_MAX;
		if (!ff && !is_exe) {
			skipped++;
			continue;
		}
		if (drawn >= MAX_PATHS) {
			skipped++;
			continue;
		}
		bh_diag_node n = { .kind = BH_DIAG_PATH, .column = COL_PATHS, .label = f->path, .title = f->path,
				   .emphasis = is_exe, .order = (double)drawn++ };
		if (ff) {
			memcpy(n.badges, ff->badges, sizeof(n.badges));
			n.secret = ff->secret;
			n.href = bh_arena_sprintf(p->arena, "#f-%zu", ff->first);
		}
		size_t id = bh_diagram_node(&p->d, n);
		if (is_exe)
			exe = id;
		bool secret = ff && ff->secret;
		edge(p, stage[img->target], id, secret, NULL);
		if (ff && f->origin == BH_IMG_FROM_STAGE && f->stage >= 0 && (size_t)f->stage < img->nstages) {
			// Through another stage: the secret's way goes there and back.
			edge(p, source_node(p, root->source), stage[f->stage], secret, NULL);
			edge(p, stage[f->stage], stage[img->target], secret, NULL);
		} else if (ff) {
			edge(p, source_node(p, root->source), stage[img->target], secret, NULL);
		}
	}
	if (skipped) {
		bh_diag_node n = { .kind = BH_DIAG_MORE, .column = COL_PATHS,
				   .label = bh_arena_sprintf(p->arena, "+%zu more path%s", skipped, skipped == 1 ? "" : "s"),
				   .order = (double)drawn };
		bh_diagram_node(&p->d, n);
	}
	// What runs, as whom, on which ports (stacked under it).
	const char *argv = "";
	for (size_t i = 0; i < t->argc; i++)
		argv = bh_arena_sprintf(p->arena, "%s%s%s", argv, i ? " " : "", t->argv[i]);
	const char *user = t->user ? t->user : "root (never set)";
	const char *ports = "";
	for (size_t i = 0; i < t->nports; i++)
		ports = bh_arena_sprintf(p->arena, "%s%s%s", ports, i ? ", " : "", t->ports[i]);
	bh_diag_node run = { .kind = BH_DIAG_RUNTIME, .column = COL_RUNS, .emphasis = true,
			     .label = t->argc ? bh_arena_sprintf(p->arena, "runs %s", argv) : "runs nothing set" };
	run.title = run.label;
	size_t runs = bh_diagram_node(&p->d, run);
	edge(p, exe, runs, false, NULL);
	bh_diag_node as = { .kind = BH_DIAG_RUNTIME, .column = COL_RUNS, .order = 1,
			    .label = bh_arena_sprintf(p->arena, "user %s%s", user,
						      t->user_root == 1 && t->user ? " (root)" : "") };
	bh_diagram_node(&p->d, as);
	if (t->nports) {
		bh_diag_node port = { .kind = BH_DIAG_RUNTIME, .column = COL_RUNS, .order = 2,
				      .label = bh_arena_sprintf(p->arena, "port%s %s", t->nports > 1 ? "s" : "", ports) };
		bh_diagram_node(&p->d, port);
	}
}

static void draw_image(FILE *out, picture *p, const bh_img *img)
{
	memset(&p->d, 0, sizeof(p->d));
	p->sources.len = 0;
	choose_sources(p, img);
	p->d.column_titles = column_titles;
	p->d.ncolumns = BH_ARRAY_LEN(column_titles);
	p->d.caption = bh_arena_sprintf(p->arena, "What %s builds and ships", img->dockerfile);
	size_t *stage = draw_stages(p, img);
	size_t *artifact = draw_artifacts(p, img, stage);
	draw_copied_files(p, img, stage);
	draw_target(p, img, stage, artifact);
	if (p->nsources_skipped) {
		bh_diag_node n = { .kind = BH_DIAG_MORE, .column = COL_SOURCES, .order = MAX_SOURCES,
				   .label = bh_arena_sprintf(p->arena, "+%zu more file%s", p->nsources_skipped,
							     p->nsources_skipped == 1 ? "" : "s") };
		bh_diagram_node(&p->d, n);
	}
	bh_diagram_layout(&p->d);
	fputs("<figure class=\"picture\"><figcaption>", out);
	bh_report__html_text(out, img->dockerfile, strlen(img->dockerfile));
	if (img->target >= 0 && (size_t)img->target < img->nstages) {
		fputs(" &middot; target ", out);
		const char *label = stage_label(p, img, img->target);
		bh_report__html_text(out, label, strlen(label));
	}
	fputs("</figcaption>\n", out);
	bh_diagram_svg(out, &p->d);
	fputs("</figure>\n", out);
	bh_diagram_dispose(&p->d);
}

void bh_report__picture(FILE *out, const bh_report *r, bh_arena *arena)
{
	if (!r->images_known) {
		fputs("<p>Joined from other reports, which do not carry the image model: "
		      "<code>bulkhead scan --format html</code> draws it.</p>\n", out);
		return;
	}
	if (!r->nimages) {
		fputs("<p>No Dockerfile in the build context: nothing to draw.</p>\n", out);
		return;
	}
	picture p = { .r = r, .arena = arena };
	index_findings(&p);
	for (size_t i = 0; i < r->nimages; i++)
		draw_image(out, &p, r->images[i]);
	bh_vec_dispose(&p.sources);
	free(p.files);
}
