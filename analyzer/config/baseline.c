// SPDX-License-Identifier: MIT
// Baselines: a file of fingerprints of findings a project has accepted, so
// that a scan reports only what is new. The file is meant to be committed
// and reviewed, so it is written for small diffs:
//
//   {
//     "version": 1,
//     "tool": "bulkhead",
//     "findings": [
//       {"fingerprint": "<32 hex>", "rule": "c.gets", "path": "src/a.c", "message": "...",
//        "reason": "why it is accepted"},
//       ...
//     ]
//   }
//
// One finding per line, sorted by path, rule and fingerprint, and no line
// numbers: line numbers churn whenever code above a finding moves, which is
// the usual complaint about detect-secrets and gitleaks baselines. Only the
// fingerprint is used for matching; rule, path and message are there for
// the reviewer. An entry may say why it was accepted ("reason", written
// by hand): a scan shows it as the suppression's justification (SARIF's
// `justification`, JSON's `reason`), and rewriting the baseline keeps the
// reasons of the entries still found, so that a reviewed baseline is not
// reviewed again from scratch. Reading ignores fields it does not know, so
// later versions can add some without breaking older readers.
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <jansson.h>

#include "bulkhead/arena.h"
#include "bulkhead/config.h"
#include "bulkhead/diag.h"
#include "config_internal.h"

// 100k findings take about 20 MB; a larger file is not a baseline.
#define BASELINE_MAX_BYTES (256u << 20)

#define BASELINE_VERSION 1

#define FP_LEN 32 // hex digits of a fingerprint, see bh_findings_fingerprint

// The fingerprints, sorted for bsearch, and each one's reason (or NULL).
// Arena memory.
struct bh_baseline {
	char (*fps)[FP_LEN + 1];
	const char **reasons;
	size_t len;
};

static int compare_fp(const void *a, const void *b)
{
	return memcmp(a, b, FP_LEN);
}

static bool is_fingerprint(const char *s, size_t len)
{
	if (len != FP_LEN)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
			return false;
	}
	return true;
}

// ------------------------------------------------------------------ loading

typedef struct {
	char *fp;           // FP_LEN lowercase hex digits, malloc'd
	const char *reason; // in the baseline's arena, or NULL
} fp_entry;

typedef BH_VEC(fp_entry) fp_vec;

static void malformed(bh_diags *diags, const char *path, const char *message)
{
	bh_diag_add(diags, BH_LEVEL_ERROR, "baseline.malformed", path, 0, 0, "%s", message);
}

// An entry's reason: a non-empty string, or none. Another type is a
// mistake worth saying, but the entry still suppresses its finding.
static const char *entry_reason(json_t *entry, size_t i, bh_arena *arena, const char *path,
				bh_diags *diags)
{
	json_t *r = json_object_get(entry, "reason");
	if (!r || json_is_null(r))
		return NULL;
	if (!json_is_string(r)) {
		bh_diag_add(diags, BH_LEVEL_WARNING, "baseline.malformed", path, 0, 0,
			    "findings[%zu].reason must be a string; reason ignored", i);
		return NULL;
	}
	return json_string_length(r) ? bh_arena_strdup(arena, json_string_value(r)) : NULL;
}

// baseline = { "version"?: 1, "findings": [ { "fingerprint": hex32, ... } ], ... }
// Entries without a valid fingerprint are reported and skipped; the rest
// still count, so one bad merge does not bring back every old finding.
static void collect(fp_vec *fps, json_t *root, bh_arena *arena, const char *path,
		    bh_diags *diags)
{
	json_t *v = json_object_get(root, "version");
	if (v && (!json_is_integer(v) || json_integer_value(v) != BASELINE_VERSION)) {
		malformed(diags, path, "unsupported baseline version; nothing is suppressed");
		return;
	}
	json_t *list = json_object_get(root, "findings");
	if (!json_is_array(list)) {
		malformed(diags, path, list ? "\"findings\" must be an array"
					  : "missing \"findings\" array");
		return;
	}
	size_t i;
	json_t *entry;
	json_array_foreach(list, i, entry) {
		json_t *fp = json_is_object(entry) ? json_object_get(entry, "fingerprint") : NULL;
		if (!json_is_string(fp) ||
		    !is_fingerprint(json_string_value(fp), json_string_length(fp))) {
			bh_diag_add(diags, BH_LEVEL_ERROR, "baseline.malformed", path, 0, 0,
				    "findings[%zu] has no valid \"fingerprint\" (32 hex digits); "
				    "entry ignored", i);
			continue;
		}
		char *copy = bh_xstrndup(json_string_value(fp), FP_LEN);
		// Fingerprints are written in lowercase; accept a hand-edited
		// uppercase one rather than silently not matching it.
		for (char *c = copy; *c; c++)
			if (*c >= 'A' && *c <= 'F')
				*c = (char)(*c - 'A' + 'a');
		fp_entry e = { copy, entry_reason(entry, i, arena, path, diags) };
		bh_vec_push(fps, e);
	}
}

static int compare_fp_entry(const void *a, const void *b)
{
	return memcmp(((const fp_entry *)a)->fp, ((const fp_entry *)b)->fp, FP_LEN);
}

bh_status bh_baseline_load(bh_baseline **out, bh_arena *arena, const char *path, bh_diags *diags)
{
	bh_baseline *bl = bh_arena_alloc(arena, sizeof(*bl));
	fp_vec fps = { 0 };
	char *text = NULL;
	size_t len = 0;
	int errnum = 0;
	json_t *root = NULL;
	json_error_t jerr;
	bh_status st;

	// Callers get a usable (empty) baseline even on failure.
	*out = bl;
	st = bh_file_read_path(&text, &len, path, BASELINE_MAX_BYTES, &errnum);
	if (st == BH_ENOTFOUND) {
		bh_diag_add(diags, BH_LEVEL_ERROR, "baseline.not-found", path, 0, 0,
			    "baseline file not found");
		goto out;
	}
	if (st == BH_EINVAL) {
		bh_diag_add(diags, BH_LEVEL_ERROR, "baseline.malformed", path, 0, 0,
			    "file is larger than %u bytes; nothing is suppressed",
			    (unsigned)BASELINE_MAX_BYTES);
		st = BH_OK;
		goto out;
	}
	if (st != BH_OK) {
		bh_diag_add(diags, BH_LEVEL_ERROR, "baseline.io", path, 0, 0,
			    "cannot read baseline: %s", strerror(errnum));
		goto out;
	}

	root = json_loadb(text, len, 0, &jerr);
	if (!root) {
		bh_diag_add(diags, BH_LEVEL_ERROR, "baseline.malformed", path,
			    jerr.line > 0 ? (uint32_t)jerr.line : 0,
			    bh_config__byte_column(text, len, jerr.line, jerr.column),
			    "invalid JSON: %s; nothing is suppressed", jerr.text);
		goto out;
	}
	if (!json_is_object(root)) {
		malformed(diags, path, "the top level must be a JSON object; nothing is suppressed");
		goto out;
	}
	collect(&fps, root, arena, path, diags);

	// Sort once, then every lookup is a bsearch: apply runs once per
	// finding, and a baseline can hold thousands of entries. A repeated
	// fingerprint keeps the first reason given.
	if (fps.len > 1)
		qsort(fps.items, fps.len, sizeof(fp_entry), compare_fp_entry);
	bl->fps = bh_arena_alloc(arena, (fps.len ? fps.len : 1) * sizeof(*bl->fps));
	bl->reasons = bh_arena_alloc(arena, (fps.len ? fps.len : 1) * sizeof(*bl->reasons));
	for (size_t i = 0; i < fps.len; i++) {
		if (bl->len && memcmp(bl->fps[bl->len - 1], fps.items[i].fp, FP_LEN) == 0) {
			if (!bl->reasons[bl->len - 1])
				bl->reasons[bl->len - 1] = fps.items[i].reason;
			continue;
		}
		memcpy(bl->fps[bl->len], fps.items[i].fp, FP_LEN + 1);
		bl->reasons[bl->len] = fps.items[i].reason;
		bl->len++;
	}
out:
	for (size_t i = 0; i < fps.len; i++)
		free(fps.items[i].fp);
	bh_vec_dispose(&fps);
	json_decref(root);
	free(text);
	return st;
}

// ----------------------------------------------------------------- applying

// The index of `fp` in the baseline, or -1.
static ptrdiff_t baseline_find(const bh_baseline *bl, const char *fp)
{
	if (!bl || !bl->len || strlen(fp) != FP_LEN)
		return -1;
	char(*hit)[FP_LEN + 1] = bsearch(fp, bl->fps, bl->len, sizeof(*bl->fps), compare_fp);
	return hit ? hit - bl->fps : -1;
}

void bh_baseline_apply(const bh_baseline *bl, bh_findings *findings)
{
	if (!bl)
		return;
	for (size_t i = 0; i < findings->items.len; i++) {
		bh_finding *fd = &findings->items.items[i];
		// Inline and config suppressions say more than "accepted debt".
		if (fd->suppressed != BH_SUPPRESS_NONE)
			continue;
		ptrdiff_t at = baseline_find(bl, fd->fingerprint);
		if (at < 0)
			continue;
		fd->suppressed = BH_SUPPRESS_BASELINE;
		fd->suppress_reason = bl->reasons[at]
					      ? bh_arena_strdup(findings->arena, bl->reasons[at])
					      : NULL;
	}
}

// ------------------------------------------------------------------ writing

static int strcmp_null(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

// path, rule, fingerprint: the order a reviewer scans in, and stable when
// code moves within a file.
static int compare_entry(const void *pa, const void *pb)
{
	const bh_finding *a = *(const bh_finding *const *)pa;
	const bh_finding *b = *(const bh_finding *const *)pb;
	int c;
	if ((c = strcmp_null(a->loc.path, b->loc.path)))
		return c;
	if ((c = strcmp(a->rule->id, b->rule->id)))
		return c;
	return strcmp(a->fingerprint, b->fingerprint);
}

// Length of the valid UTF-8 sequence at `s` (at most `len` bytes), or 0.
static size_t utf8_seq(const unsigned char *s, size_t len)
{
	size_t n;
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		n = 2, cp = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		n = 3, cp = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (n > len)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	// Overlong forms, surrogates and values past U+10FFFF.
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	return n;
}

// A JSON string for `s`. Paths on Linux are bytes and need not be UTF-8,
// which JSON strings must be: invalid bytes become U+FFFD. Only the
// fingerprint matters for matching, so the replacement loses nothing.
static json_t *json_text(const char *s)
{
	if (!s)
		s = "";
	json_t *j = json_string(s);
	if (j)
		return j;

	size_t len = strlen(s);
	char *buf = bh_xmalloc(len * 3 + 1);
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		size_t n = utf8_seq((const unsigned char *)s + i, len - i);
		if (n == 0) {
			memcpy(buf + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i++;
			continue;
		}
		memcpy(buf + o, s + i, n);
		o += n;
		i += n;
	}
	buf[o] = '\0';
	j = json_string(buf);
	free(buf);
	return j;
}

// One entry on one line: `{"fingerprint": ..., "rule": ..., ...}`.
static int write_entry(FILE *fp, const bh_finding *fd, const char *reason, bool last)
{
	int rc = -1;
	json_t *obj = json_object();

	json_object_set_new(obj, "fingerprint", json_string(fd->fingerprint));
	json_object_set_new(obj, "rule", json_text(fd->rule->id));
	json_object_set_new(obj, "path", json_text(fd->loc.path));
	json_object_set_new(obj, "message", json_text(fd->message));
	if (reason)
		json_object_set_new(obj, "reason", json_text(reason));
	if (fputs("    ", fp) < 0)
		goto out;
	// No JSON_INDENT: jansson then writes the object on one line with
	// ", " and ": " separators.
	if (json_dumpf(obj, fp, JSON_PRESERVE_ORDER) < 0)
		goto out;
	if (fputs(last ? "\n" : ",\n", fp) < 0)
		goto out;
	rc = 0;
out:
	json_decref(obj);
	return rc;
}

// Why an entry is accepted: what the baseline being replaced said of its
// fingerprint, else what the baseline the scan applied said.
static const char *kept_reason(const bh_baseline *old, const bh_finding *fd)
{
	ptrdiff_t at = baseline_find(old, fd->fingerprint);
	if (at >= 0 && old->reasons[at])
		return old->reasons[at];
	return fd->suppressed == BH_SUPPRESS_BASELINE ? fd->suppress_reason : NULL;
}

static int write_document(FILE *fp, const bh_finding **entries, size_t n,
			  const bh_baseline *old)
{
	if (fprintf(fp, "{\n  \"version\": %d,\n  \"tool\": \"bulkhead\",\n  \"findings\": [%s",
		    BASELINE_VERSION, n ? "\n" : "") < 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (write_entry(fp, entries[i], kept_reason(old, entries[i]), i + 1 == n) < 0)
			return -1;
	if (fprintf(fp, "%s]\n}\n", n ? "  " : "") < 0)
		return -1;
	return 0;
}

// The entries to write: every finding not suppressed inline or by config
// (a baseline-suppressed finding stays accepted), without duplicates and
// without findings that were never fingerprinted, which could not match.
static const bh_finding **select_entries(const bh_findings *findings, size_t *n_out)
{
	const bh_finding **entries = bh_xmalloc((findings->items.len + 1) * sizeof(*entries));
	size_t n = 0;

	for (size_t i = 0; i < findings->items.len; i++) {
		const bh_finding *fd = &findings->items.items[i];
		if (fd->suppressed == BH_SUPPRESS_INLINE || fd->suppressed == BH_SUPPRESS_CONFIG)
			continue;
		if (strlen(fd->fingerprint) != FP_LEN)
			continue;
		entries[n++] = fd;
	}
	qsort(entries, n, sizeof(*entries), compare_entry);
	size_t out = 0;
	for (size_t i = 0; i < n; i++)
		if (!out || strcmp(entries[out - 1]->fingerprint, entries[i]->fingerprint) != 0)
			entries[out++] = entries[i];
	*n_out = out;
	return entries;
}

bh_status bh_baseline_write(const char *path, const bh_findings *findings, bh_diags *diags)
{
	bh_status st = BH_EIO;
	size_t n = 0;
	const bh_finding **entries = select_entries(findings, &n);
	// The file being replaced, for its reasons: one that is missing or
	// malformed has none to keep (and is replaced as before), so what
	// reading it says is not the caller's concern.
	bh_arena *old_arena = bh_arena_new();
	bh_diags old_diags;
	bh_diags_init(&old_diags, old_arena);
	bh_baseline *old = NULL;
	(void)bh_baseline_load(&old, old_arena, path, &old_diags);
	size_t plen = strlen(path);
	char *tmp = bh_xmalloc(plen + sizeof(".tmp.XXXXXX"));
	bool created = false;
	FILE *fp = NULL;
	int fd = -1, rc, errnum;
	struct stat sb;
	const char *what;

	// The temporary file sits beside the target so that rename() stays on
	// one file system and is atomic: a reader (or a crash) sees the old
	// baseline or the new one, never half of one.
	memcpy(tmp, path, plen);
	memcpy(tmp + plen, ".tmp.XXXXXX", sizeof(".tmp.XXXXXX"));
	what = "cannot create temporary file";
	if ((fd = mkstemp(tmp)) < 0)
		goto out;
	created = true;
	// mkstemp makes the file 0600; a committed baseline is ordinary
	// project data, so keep the old file's mode or use 0644.
	what = "cannot set file mode";
	if (fchmod(fd, stat(path, &sb) == 0 ? (sb.st_mode & 0777) : 0644) < 0)
		goto out;
	errno = 0; // stat() of a new path left ENOENT behind
	what = "cannot write";
	if (!(fp = fdopen(fd, "w")))
		goto out;
	fd = -1; // now owned by fp
	if (write_document(fp, entries, n, old) < 0 || fflush(fp) != 0 || fsync(fileno(fp)) < 0)
		goto out;
	what = "cannot close";
	rc = fclose(fp);
	fp = NULL;
	if (rc != 0)
		goto out;
	what = "cannot rename temporary file into place";
	if (rename(tmp, path) < 0)
		goto out;
	created = false;
	st = BH_OK;
out:
	if (st != BH_OK) {
		errnum = errno ? errno : EIO;
		bh_diag_add(diags, BH_LEVEL_ERROR, "baseline.io", path, 0, 0,
			    "%s: %s", what, strerror(errnum));
	}
	if (fp)
		fclose(fp);
	if (fd >= 0)
		close(fd);
	if (created)
		unlink(tmp);
	free(tmp);
	free(entries);
	bh_diags_dispose(&old_diags);
	bh_arena_free(old_arena);
	return st;
}
