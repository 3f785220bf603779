// SPDX-License-Identifier: MIT
// The compiler-style text report, the default on a terminal:
//
//   src/main.c:12:5: error: call to gets() [c.gets]
//           gets(buf);
//           ^~~~
//       src/main.c:9:7: note: buffer declared here
//       note: analysed with fallback compile flags
//   bulkhead: warning: no compile_commands.json [disc.no-compdb]
//   1 finding (1 error, 0 warnings, 0 notes), 0 suppressed, 1 diagnostic; 3 files, 1 translation unit
//
// The source line is printed as it is, with tabs kept, and the caret line
// copies those tabs so the caret stays under the column whatever the
// terminal's tab width. Other control bytes are neutralised so that a
// hostile file cannot send escape sequences to the user's terminal.
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/img.h"
#include "report/report_internal.h"

#define ANSI_RESET "\033[0m"
#define ANSI_BOLD "\033[1m"
#define ANSI_RED "\033[1;31m"
#define ANSI_MAGENTA "\033[1;35m"
#define ANSI_CYAN "\033[1;36m"
#define ANSI_GREEN "\033[1;32m"

static const char *level_color(bh_level level)
{
	switch (level) {
	case BH_LEVEL_ERROR: return ANSI_RED;
	case BH_LEVEL_WARNING: return ANSI_MAGENTA;
	case BH_LEVEL_NOTE: return ANSI_CYAN;
	case BH_LEVEL_NONE: break;
	}
	return ANSI_BOLD;
}

static void put_color(FILE *out, const bh_report *r, const char *ansi)
{
	if (r->color)
		fputs(ansi, out);
}

// Messages, paths and codes are one line each: control bytes are written
// as C escapes ("\n", "\x1b") rather than moving the cursor.
static void put_escaped(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 0x20 && c != 0x7F) {
			fputc(c, out);
			continue;
		}
		switch (c) {
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\t': fputs("\\t", out); break;
		default: fprintf(out, "\\x%02x", c); break;
		}
	}
}

// `path:line:col:` with the parts that are known; bold when colored.
static void put_location(FILE *out, const bh_report *r, bh_loc loc)
{
	put_color(out, r, ANSI_BOLD);
	put_escaped(out, loc.path);
	if (loc.line) {
		fprintf(out, ":%u", (unsigned)loc.line);
		if (loc.col)
			fprintf(out, ":%u", (unsigned)loc.col);
	}
	fputc(':', out);
	put_color(out, r, ANSI_RESET);
}

static void put_level(FILE *out, const bh_report *r, bh_level level)
{
	put_color(out, r, level_color(level));
	fprintf(out, "%s:", bh_level_name(level));
	put_color(out, r, ANSI_RESET);
}

// Secrets rules point at the secret itself: their line is never echoed,
// only their (redacted) message.
static bool may_show_source(const bh_finding *fd)
{
	return !(fd->rule && fd->rule->domain && strcmp(fd->rule->domain, "secret") == 0);
}

// A source line longer than this many bytes is shown as a window of as
// many around the caret (a quarter of them before it).
#define SOURCE_WINDOW 512

// The source line, then a caret under `loc.col` and tildes up to
// `loc.end_col` (exclusive) when the range ends on the same line. UTF-8
// continuation bytes take no cell, so the caret also survives non-ASCII text.
static void put_source(FILE *out, const bh_report *r, bh_loc loc)
{
	if (!r->line_fn || !loc.path || !loc.line || !loc.col)
		return;
	size_t len = 0;
	const char *line = r->line_fn(r->line_payload, loc.path, loc.line, &len);
	if (!line)
		return;

	// A column past the end of the line (a hostile or stale location)
	// points just after its last byte rather than far off to the right.
	size_t col = loc.col - 1 < len ? loc.col - 1 : len;
	size_t end = col + 1;
	if ((loc.end_line == 0 || loc.end_line == loc.line) && loc.end_col > loc.col)
		end = loc.end_col - 1 < len ? loc.end_col - 1 : len;
	// A long line (minified or generated code, a megabyte of literal) is
	// shown as a window around the column, as clang shows it, marked
	// with "..." where it is cut; the window starts on a character.
	size_t from = 0, to = len;
	if (len > SOURCE_WINDOW) {
		from = col > SOURCE_WINDOW / 4 ? col - SOURCE_WINDOW / 4 : 0;
		while (from > 0 && ((unsigned char)line[from] & 0xC0) == 0x80)
			from--;
		to = from + SOURCE_WINDOW < len ? from + SOURCE_WINDOW : len;
		while (to < len && ((unsigned char)line[to] & 0xC0) == 0x80)
			to++;
		if (end > to)
			end = to;
	}

	if (from)
		fputs("...", out);
	for (size_t i = from; i < to; i++) {
		unsigned char c = (unsigned char)line[i];
		// One byte in, one cell out: alignment of the caret is kept.
		fputc((c < 0x20 && c != '\t') || c == 0x7F ? '?' : c, out);
	}
	if (to < len)
		fputs("...", out);
	fputc('\n', out);

	if (from)
		fputs("   ", out);
	for (size_t i = from; i < col; i++) {
		unsigned char c = (unsigned char)line[i];
		if (c == '\t')
			fputc('\t', out);
		else if ((c & 0xC0) != 0x80)
			fputc(' ', out);
	}
	put_color(out, r, ANSI_GREEN);
	fputc('^', out);
	for (size_t i = col + 1; i < end; i++) {
		unsigned char c = (unsigned char)line[i];
		if (c == '\t')
			fputc('\t', out);
		else if ((c & 0xC0) != 0x80)
			fputc('~', out);
	}
	put_color(out, r, ANSI_RESET);
	fputc('\n', out);
}

// `    path:line:col: note: message` for a related location or flow step.
static void put_step(FILE *out, const bh_report *r, const bh_finding_step *s)
{
	fputs("    ", out);
	if (s->loc.path) {
		put_location(out, r, s->loc);
		fputc(' ', out);
	}
	put_level(out, r, BH_LEVEL_NOTE);
	fputc(' ', out);
	put_escaped(out, s->message);
	fputc('\n', out);
}

// `    note: in image: /usr/local/bin/app, ...`: one line on how the
// finding reaches the image (bh_report_image_summary).
static void put_image(FILE *out, const bh_report *r, const bh_finding *fd)
{
	fputs("    ", out);
	put_level(out, r, BH_LEVEL_NOTE);
	fputc(' ', out);
	bh_arena *a = bh_arena_new();
	put_escaped(out, bh_report_image_summary(a, fd));
	bh_arena_free(a);
	fputc('\n', out);
}

static void put_finding(FILE *out, const bh_report *r, const bh_finding *fd)
{
	put_location(out, r, fd->loc);
	fputc(' ', out);
	put_level(out, r, fd->level);
	fputc(' ', out);
	put_escaped(out, fd->message);
	fputs(" [", out);
	put_escaped(out, fd->rule ? fd->rule->id : "?");
	fputs("]\n", out);
	if (may_show_source(fd))
		put_source(out, r, fd->loc);
	for (size_t i = 0; i < fd->nrelated; i++)
		put_step(out, r, &fd->related[i]);
	for (size_t i = 0; i < fd->nflow; i++)
		put_step(out, r, &fd->flow[i]);
	if (fd->note) {
		fputs("    ", out);
		put_level(out, r, BH_LEVEL_NOTE);
		fputc(' ', out);
		put_escaped(out, fd->note);
		fputc('\n', out);
	}
	if (fd->image)
		put_image(out, r, fd);
}

static void put_diag(FILE *out, const bh_report *r, const bh_diag *d)
{
	if (d->loc.path) {
		put_location(out, r, d->loc);
	} else {
		put_color(out, r, ANSI_BOLD);
		fputs("bulkhead:", out);
		put_color(out, r, ANSI_RESET);
	}
	fputc(' ', out);
	put_level(out, r, d->level);
	fputc(' ', out);
	put_escaped(out, d->message);
	fputs(" [", out);
	put_escaped(out, d->code);
	fputs("]\n", out);
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void put_summary(FILE *out, const bh_report *r)
{
	bh_report__counts c;
	bh_report__count(&c, r);
	fprintf(out, "%zu %s (%zu %s, %zu %s, %zu %s), %zu suppressed, %zu %s; "
		"%zu %s, %zu %s\n",
		c.findings, plural(c.findings, "finding", "findings"),
		c.errors, plural(c.errors, "error", "errors"),
		c.warnings, plural(c.warnings, "warning", "warnings"),
		c.notes, plural(c.notes, "note", "notes"),
		c.suppressed,
		c.diagnostics, plural(c.diagnostics, "diagnostic", "diagnostics"),
		r->files_scanned, plural(r->files_scanned, "file", "files"),
		r->units_parsed, plural(r->units_parsed, "translation unit", "translation units"));
}

bh_status bh_report_text(FILE *out, const bh_report *r)
{
	for (size_t i = 0; i < bh_report__nfindings(r); i++) {
		const bh_finding *fd = &r->findings->items.items[i];
		if (fd->suppressed == BH_SUPPRESS_NONE)
			put_finding(out, r, fd);
	}
	// Quiet keeps the findings and the errors that make them incomplete.
	for (size_t i = 0; i < bh_report__ndiags(r); i++) {
		const bh_diag *d = &r->diags->items.items[i];
		if (!r->quiet || d->level == BH_LEVEL_ERROR)
			put_diag(out, r, d);
	}
	if (!r->quiet)
		put_summary(out, r);
	if (fflush(out) != 0 || ferror(out))
		return BH_EIO;
	return BH_OK;
}
