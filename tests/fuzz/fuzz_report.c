// SPDX-License-Identifier: MIT
// libFuzzer entry point for the report writers: the input is cut into
// findings and diagnostics (rule index, level, paths, messages, snippets,
// related locations and flow steps, suppressions, lines and columns), with
// any bytes in the strings (invalid UTF-8, control characters; a NUL ends a
// string, as in C). The JSON and SARIF reports and a baseline are written
// and each must parse as JSON, else abort(): an invalid document is a bug
// even when nothing crashed. The text report, without color, must hold no
// control byte but newline and tab; the HTML report is valid UTF-8 with no
// such byte either, and holds one script element, its own.
// Every string of a finding can come from the scanned tree (file names,
// source text quoted in messages), so none of them is trusted.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <jansson.h>

#include "bulkhead/arena.h"
#include "bulkhead/config.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/report.h"
#include "bulkhead/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

// A cursor over the input; reading past the end gives zeros.
typedef struct {
	const uint8_t *p;
	size_t n;
	bh_arena *arena;
} reader;

static uint8_t u8(reader *r)
{
	if (!r->n)
		return 0;
	r->n--;
	return *r->p++;
}

static uint32_t u32(reader *r)
{
	// Small values most of the time: lines and columns that exist.
	uint8_t b = u8(r);
	if (b < 0xF0)
		return b;
	uint32_t v = 0;
	for (int i = 0; i < 4; i++)
		v = v << 8 | u8(r);
	return v;
}

// A string of up to 254 bytes (cut at the first NUL), or NULL for 255.
static const char *str(reader *r)
{
	uint8_t len = u8(r);
	if (len == 255)
		return NULL;
	size_t n = len < r->n ? len : r->n;
	const char *s = bh_arena_strndup(r->arena, (const char *)r->p, n);
	r->p += n;
	r->n -= n;
	return s;
}

static bh_loc loc(reader *r)
{
	bh_loc l = { str(r), u32(r), u32(r), u32(r), u32(r) };
	return l;
}

// Source lines for column conversion: any line of any file is the next
// string of the input, so that SARIF's UTF-16 columns see hostile text.
static const char *line_fn(void *payload, const char *path, uint32_t line, size_t *len_out)
{
	(void)path;
	(void)line;
	const char *s = str(payload);
	if (!s)
		return NULL;
	*len_out = strlen(s);
	return s;
}

static void must_parse(const char *what, const char *buf, size_t len)
{
	json_error_t err;
	json_t *j = json_loadb(buf, len, 0, &err);
	if (!j) {
		fprintf(stderr, "%s output is not valid JSON: %s at %d:%d\n", what, err.text,
			err.line, err.column);
		abort();
	}
	json_decref(j);
}

// Without color the text report must not carry a control byte other than
// newline and tab (source lines keep their tabs): a hostile file name or
// message must not reach the user's terminal as an escape sequence.
static void must_be_inert(const char *buf, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)buf[i];
		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
			fprintf(stderr, "text output has control byte 0x%02x at %zu\n", c, i);
			abort();
		}
	}
}

// Whatever the findings hold, the page's only script is its own, and it
// is valid UTF-8 (a browser would otherwise guess an encoding).
static void must_be_inert_html(const char *buf, size_t len)
{
	size_t scripts = 0;
	for (size_t i = 0; i + 7 <= len; i++)
		scripts += memcmp(buf + i, "<script", 7) == 0;
	if (scripts != 1) {
		fprintf(stderr, "HTML output has %zu script elements\n", scripts);
		abort();
	}
	for (size_t i = 0, n; i < len; i += n)
		if (bh_utf8_next((const unsigned char *)buf + i, len - i, &n) < 0) {
			fprintf(stderr, "HTML output is not UTF-8 at byte %zu\n", i);
			abort();
		}
}

static void write_and_check(const char *what, bh_status (*writer)(FILE *, const bh_report *),
			    const bh_report *rep)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		abort();
	if (writer(f, rep) != BH_OK)
		abort(); // writing to memory cannot fail
	fclose(f);
	if (writer == bh_report_html) {
		must_be_inert(buf, len);
		must_be_inert_html(buf, len);
	} else if (what) {
		must_parse(what, buf, len);
	} else if (!rep->color) {
		must_be_inert(buf, len);
	}
	free(buf);
}

// A directory of our own for bh_baseline_write, which renames a temporary
// file into place; removed at exit.
static char tmpdir[4096];
static char baseline_path[4200];

static void remove_tmpdir(void)
{
	unlink(baseline_path);
	rmdir(tmpdir);
}

static void check_baseline(const bh_findings *findings, bh_arena *arena)
{
	if (!tmpdir[0]) {
		const char *t = getenv("TMPDIR");
		snprintf(tmpdir, sizeof(tmpdir), "%s/bh-fuzz-XXXXXX", t && *t ? t : "/tmp");
		if (!mkdtemp(tmpdir))
			abort();
		snprintf(baseline_path, sizeof(baseline_path), "%s/baseline.json", tmpdir);
		atexit(remove_tmpdir);
	}
	bh_diags d;
	bh_diags_init(&d, arena);
	if (bh_baseline_write(baseline_path, findings, &d) != BH_OK)
		abort();
	FILE *f = fopen(baseline_path, "rb");
	if (!f)
		abort();
	char *buf = NULL;
	size_t len = 0, n;
	char chunk[4096];
	FILE *m = open_memstream(&buf, &len);
	if (!m)
		abort();
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		fwrite(chunk, 1, n, m);
	fclose(f);
	fclose(m);
	must_parse("baseline", buf, len);
	free(buf);
	// What we wrote must read back without complaint.
	bh_baseline *bl = NULL;
	bh_baseline_load(&bl, arena, baseline_path, &d);
	if (bh_diags_has_error(&d))
		abort();
	bh_diags_dispose(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	bh_arena *arena = bh_arena_new();
	reader r = { data, size, arena };
	bh_findings findings;
	bh_diags diags;
	bh_findings_init(&findings, arena);
	bh_diags_init(&diags, arena);

	size_t nfindings = u8(&r) % 6;
	for (size_t i = 0; i < nfindings; i++) {
		size_t hi = u8(&r);
		size_t idx = (hi << 8 | u8(&r)) % bh_rule_count();
		uint8_t flags = u8(&r);
		bh_loc l = loc(&r);
		const char *msg = str(&r);
		bh_finding *fd = bh_finding_add(&findings, bh_rule_at(idx), l, "%s", msg ? msg : "");
		fd->level = (bh_level)(flags % 4);
		fd->suppressed = (bh_suppress_kind)(flags >> 2 & 3);
		fd->function = str(&r);
		fd->snippet = str(&r);
		fd->note = str(&r);
		fd->suppress_reason = str(&r);
		size_t nrel = flags >> 4 & 3, nflow = flags >> 6;
		for (size_t j = 0; j < nrel; j++) {
			bh_loc rl = loc(&r);
			bh_finding_add_related(&findings, &findings.items.items[i], rl, str(&r));
		}
		for (size_t j = 0; j < nflow; j++) {
			bh_loc fl = loc(&r);
			bh_finding_add_flow(&findings, &findings.items.items[i], fl, str(&r));
		}
	}
	size_t ndiags = u8(&r) % 4;
	for (size_t i = 0; i < ndiags; i++) {
		bh_level level = (bh_level)(u8(&r) % 3 + 1);
		const char *code = str(&r);
		bh_loc l = loc(&r);
		const char *msg = str(&r);
		bh_diag_add(&diags, level, code ? code : "fuzz", l.path, l.line, l.col, "%s",
			    msg ? msg : "");
	}
	bh_findings_sort_unique(&findings);
	bh_findings_fingerprint(&findings);
	bh_diags_sort(&diags);

	bh_report rep = {
		.tool_version = str(&r),
		.context_root = str(&r),
		.findings = &findings,
		.diags = &diags,
		.line_fn = line_fn,
		.line_payload = &r,
		.files_scanned = u32(&r),
		.units_parsed = u32(&r),
		.color = u8(&r) & 1,
		.quiet = u8(&r) & 1,
		.start_time = str(&r),
		.end_time = str(&r),
	};
	write_and_check("JSON", bh_report_json, &rep);
	write_and_check("SARIF", bh_report_sarif, &rep);
	write_and_check(NULL, bh_report_text, &rep);
	write_and_check("HTML", bh_report_html, &rep);
	check_baseline(&findings, arena);

	bh_findings_dispose(&findings);
	bh_diags_dispose(&diags);
	bh_arena_free(arena);
	return 0;
}
