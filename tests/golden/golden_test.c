// SPDX-License-Identifier: MIT
// Golden end-to-end tests: every directory under testdata/ that holds an
// `expected.findings` file is a build context. The pipeline runs over it
// in-process and its findings, diagnostics, text report and JSON report are
// compared exactly with expected.findings, expected.diags (absent: no
// diagnostics allowed), and expected.txt and expected.json where the case
// has them (create an empty one to have it written by an update).
//
// BH_GOLDEN_UPDATE=1 rewrites the expectations (comment lines at the top
// of expected.findings are kept); review the diff like code.
// A KNOWN_FAIL file (first line: reason and issue) keeps a case running
// while it fails, and an unexpected pass is reported.
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bulkhead/report.h"
#include "bulkhead/scan.h"

#ifndef BH_SOURCE_ROOT
#error "BH_SOURCE_ROOT must name the source tree"
#endif

typedef struct {
	char *dir;  /* absolute path of the case */
	char *name; /* relative to testdata/ */
} golden_case;

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	cr_assert_not_null(mem);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		fwrite(chunk, 1, n, mem);
	fclose(f);
	fclose(mem);
	return buf;
}

static void write_all(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f, "cannot write %s", path);
	fputs(text, f);
	fclose(f);
}

// Depth-first search for case directories, in name order so the parameter
// indices are stable.
static void find_cases(const char *dir, const char *rel, golden_case **arr, size_t *n, size_t *cap)
{
	char probe[4096];
	snprintf(probe, sizeof(probe), "%s/expected.findings", dir);
	if (is_file(probe)) {
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 16;
			*arr = realloc(*arr, *cap * sizeof(**arr));
		}
		(*arr)[*n].dir = strdup(dir);
		(*arr)[*n].name = strdup(rel);
		(*n)++;
		return; // a case's own subdirectories are part of its context
	}
	struct dirent **ents;
	int m = scandir(dir, &ents, NULL, alphasort);
	for (int i = 0; i < m; i++) {
		const char *nm = ents[i]->d_name;
		if (nm[0] != '.') {
			char sub[4096], subrel[4096];
			snprintf(sub, sizeof(sub), "%s/%s", dir, nm);
			snprintf(subrel, sizeof(subrel), "%s%s%s", rel, *rel ? "/" : "", nm);
			struct stat st;
			if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode))
				find_cases(sub, subrel, arr, n, cap);
		}
		free(ents[i]);
	}
	if (m >= 0)
		free(ents);
}

static void free_cases(struct criterion_test_params *params)
{
	golden_case *cases = params->params;
	for (size_t i = 0; i < params->length; i++) {
		cr_free(cases[i].dir);
		cr_free(cases[i].name);
	}
	cr_free(params->params);
}

static char *cr_strdup(const char *s)
{
	char *p = cr_malloc(strlen(s) + 1);
	strcpy(p, s);
	return p;
}

ParameterizedTestParameters(golden, contexts)
{
	golden_case *found = NULL;
	size_t n = 0, cap = 0;
	find_cases(BH_SOURCE_ROOT "/testdata", "", &found, &n, &cap);
	// Parameters cross into the test processes: they must live in
	// Criterion's shared memory.
	golden_case *cases = cr_malloc((n ? n : 1) * sizeof(*cases));
	for (size_t i = 0; i < n; i++) {
		cases[i].dir = cr_strdup(found[i].dir);
		cases[i].name = cr_strdup(found[i].name);
		free(found[i].dir);
		free(found[i].name);
	}
	free(found);
	return cr_make_param_array(golden_case, cases, n, free_cases);
}

static const char *suppress_name(bh_suppress_kind k)
{
	switch (k) {
	case BH_SUPPRESS_INLINE: return "inline";
	case BH_SUPPRESS_CONFIG: return "config";
	case BH_SUPPRESS_BASELINE: return "baseline";
	case BH_SUPPRESS_NONE: break;
	}
	return "";
}

static char *format_findings(const bh_scan *scan)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_not_null(f);
	for (size_t i = 0; i < scan->findings.items.len; i++) {
		const bh_finding *fd = &scan->findings.items.items[i];
		fprintf(f, "%s  %s:%u:%u  %s  %s", fd->rule->id, fd->loc.path, fd->loc.line,
			fd->loc.col, bh_level_name(fd->level), fd->message);
		if (fd->suppressed)
			fprintf(f, "  [suppressed %s]", suppress_name(fd->suppressed));
		fputc('\n', f);
	}
	fclose(f);
	return buf;
}

static char *format_diags(const bh_scan *scan)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_not_null(f);
	for (size_t i = 0; i < scan->diags.items.len; i++) {
		const bh_diag *d = &scan->diags.items.items[i];
		fprintf(f, "%s  %s:%u:%u  %s  %s\n", d->code, d->loc.path ? d->loc.path : "-",
			d->loc.line, d->loc.col, bh_level_name(d->level), d->message);
	}
	fclose(f);
	return buf;
}

// Replace every occurrence of the absolute context root so that goldens
// do not depend on where the tree is checked out.
static char *normalize_root(char *text, const char *root)
{
	size_t rl = strlen(root);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	cr_assert_not_null(f);
	for (const char *p = text; *p;) {
		if (strncmp(p, root, rl) == 0) {
			fputs("<CONTEXT>", f);
			p += rl;
		} else {
			fputc(*p++, f);
		}
	}
	fclose(f);
	free(text);
	return out;
}

static char *render(const bh_scan *scan, bool json)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_not_null(f);
	bh_report r = {
		.tool_version = BH_VERSION,
		.context_root = bh_ctx_root(scan->ctx),
		.findings = &scan->findings,
		.diags = &scan->diags,
		.line_fn = bh_scan_line,
		.line_payload = (void *)scan,
		.files_scanned = bh_ctx_file_count(scan->ctx),
		.units_parsed = scan->units_parsed,
	};
	bh_status st = json ? bh_report_json(f, &r) : bh_report_text(f, &r);
	fclose(f);
	cr_assert_eq(st, BH_OK);
	return normalize_root(buf, bh_ctx_root(scan->ctx));
}

// Drop comment and blank lines: what remains must match exactly.
static char *strip_comments(const char *text)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	cr_assert_not_null(f);
	for (const char *p = text; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (n > 0 && p[0] != '#') {
			fwrite(p, 1, n, f);
			fputc('\n', f);
		}
		p += n + (nl != NULL);
	}
	fclose(f);
	return out;
}

static char *leading_comments(const char *text)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	cr_assert_not_null(f);
	for (const char *p = text; p && *p == '#';) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) + 1 : strlen(p);
		fwrite(p, 1, n, f);
		p += n;
	}
	fclose(f);
	return out;
}

typedef struct {
	const char *what;
	char *expected, *actual;
} comparison;

ParameterizedTest(golden_case *c, golden, contexts, .timeout = 300)
{
	char path[4096];
	const char *update_env = getenv("BH_GOLDEN_UPDATE");
	bool update = update_env && strcmp(update_env, "1") == 0;
	// BH_GOLDEN_ONLY=c/ runs (or rewrites) only the cases whose name holds it.
	const char *only = getenv("BH_GOLDEN_ONLY");
	if (only && *only && !strstr(c->name, only))
		cr_skip_test("not selected by BH_GOLDEN_ONLY");
	snprintf(path, sizeof(path), "%s/KNOWN_FAIL", c->dir);
	char *known_fail = read_all(path);

	bh_scan_options opts = BH_SCAN_OPTIONS_INIT;
	// The expectation files sit in the case directory but are not part of
	// the build context under test.
	static const char *const harness_files[] = { "expected.*", "KNOWN_FAIL", "target" };
	opts.context = c->dir;
	// A `target` file names the stage to build, as --target does.
	snprintf(path, sizeof(path), "%s/target", c->dir);
	char *target = read_all(path);
	if (target) {
		target[strcspn(target, "\n")] = '\0';
		opts.target = target;
	}
	opts.excludes = harness_files;
	opts.nexcludes = BH_ARRAY_LEN(harness_files);
	opts.jobs = 2;
	bh_scan *scan = NULL;
	bh_scan_run(&scan, &opts);
	cr_assert_not_null(scan->ctx, "%s: the context did not open", c->name);

	comparison cmp[] = {
		{ "expected.findings", NULL, format_findings(scan) },
		{ "expected.diags", NULL, format_diags(scan) },
		{ "expected.txt", NULL, render(scan, false) },
		{ "expected.json", NULL, render(scan, true) },
	};
	bool all_equal = true;
	char failure[8192] = "";
	for (size_t i = 0; i < BH_ARRAY_LEN(cmp); i++) {
		snprintf(path, sizeof(path), "%s/%s", c->dir, cmp[i].what);
		char *raw = read_all(path);
		if (i >= 2 && !raw) {
			// Rendered reports are pinned where a case keeps them;
			// the labelled taint fixtures only pin their findings.
			cmp[i].expected = NULL;
			continue;
		}
		if (update) {
			char *head = i == 0 ? leading_comments(raw) : strdup("");
			if (i == 1 && !*cmp[i].actual) {
				remove(path); // no diagnostics: the file is absent
			} else {
				char *full = NULL;
				if (asprintf(&full, "%s%s", head, cmp[i].actual) >= 0) {
					write_all(path, full);
					free(full);
				}
			}
			free(head);
			free(raw);
			continue;
		}
		cmp[i].expected = i < 2 ? strip_comments(raw ? raw : "") : (raw ? strdup(raw) : strdup(""));
		free(raw);
		char *actual = i < 2 ? strip_comments(cmp[i].actual) : strdup(cmp[i].actual);
		cr_assert_not_null(actual);
		if (strcmp(cmp[i].expected, actual) != 0) {
			all_equal = false;
			size_t used = strlen(failure);
			snprintf(failure + used, sizeof(failure) - used,
				 "\n--- %s/%s expected:\n%s--- actual:\n%s", c->name, cmp[i].what,
				 cmp[i].expected, actual);
		}
		free(actual);
	}
	for (size_t i = 0; i < BH_ARRAY_LEN(cmp); i++) {
		free(cmp[i].expected);
		free(cmp[i].actual);
	}
	bh_scan_free(scan);
	free(target);
	if (update) {
		free(known_fail);
		return;
	}
	if (known_fail) {
		cr_assert_not(all_equal, "%s: unexpected pass; remove KNOWN_FAIL (%s)", c->name, known_fail);
		cr_log_warn("%s: known failure: %s", c->name, known_fail);
		free(known_fail);
		return;
	}
	cr_assert(all_equal, "%s differs from its expectations:%s", c->name, failure);
}
