// SPDX-License-Identifier: MIT
// The payload of the cache's entries (analyzer/driver/scan_cache_entry.h):
//
//   file <hash> <path>\n                       a context file, by content
//   cstat <size> <mtime s> <mtime ns> <path>\n  a context file whose content
//                                             is not hashed (excluded, too large)
//   ostat <size> <mtime s> <mtime ns> <path>\n  a file outside the context
//   base <count> <name>\n                      unit entries: how many context
//                                             files have the base name of
//                                             one the unit read or missed
//   report <length>\n<JSON report>             the findings and diagnostics
//   ir <length>\n<bytes>                       unit entries: bh_ir_unit_encode
//
// A scan entry lists only what its key does not cover; a unit entry lists
// every file the unit read, in libclang's order. The JSON report carries
// everything a finding has (bulkhead merge reads it back the same way), so
// a result taken from the cache writes the same bytes in every format as
// the scan that stored it.
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bulkhead/arena.h"
#include "bulkhead/merge.h"
#include "bulkhead/report.h"
#include "driver/scan_cache_entry.h"

// Append the record of context file `rel` (by content when the key's
// hashes know it, else by size and time), or of file `abs` outside the
// context. false when it cannot be stated or the format cannot hold it.
static bool put_record(FILE *f, const bh_scan_cache *sc, const char *rel, const char *abs)
{
	const char *hash = rel ? bh_strmap_get(&sc->hashes, rel) : NULL;
	if (hash) {
		if (strchr(rel, '\n'))
			return false;
		fprintf(f, "file %s %s\n", hash, rel);
		return true;
	}
	char buf[PATH_MAX];
	const char *path = abs;
	if (rel) {
		if ((size_t)snprintf(buf, sizeof(buf), "%s/%s", sc->root, rel) >= sizeof(buf))
			return false;
		path = buf;
	}
	struct stat st;
	if (!path || strchr(path, '\n') || stat(path, &st) != 0)
		return false;
	fprintf(f, "%s %llu %llu %llu %s\n", rel ? "cstat" : "ostat", (unsigned long long)st.st_size,
		(unsigned long long)st.st_mtim.tv_sec, (unsigned long long)st.st_mtim.tv_nsec, rel ? rel : abs);
	return true;
}

static size_t files_named(const bh_scan_cache *sc, const char *base)
{
	const char *count = bh_strmap_get(&sc->basenames, base);
	return count ? (size_t)strtoul(count, NULL, 10) : 0;
}

// Append "base <count> <name>": how many context files are named `name`.
void bh_scan_cache__put_base_record(FILE *f, const bh_scan_cache *sc, const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	if (*base && !strchr(base, '\n'))
		fprintf(f, "base %zu %s\n", files_named(sc, base), base);
}

// The records of the files a scan or a unit read: context files
// (`visited`; with `unhashed_only`, those the key does not cover) and
// files outside the context.
bool bh_scan_cache__put_records(FILE *f, const bh_scan_cache *sc, const bh_clang_files *visited,
			const bh_clang_files *outside, bool unhashed_only)
{
	bool ok = true;
	for (size_t i = 0; visited && i < visited->len && ok; i++)
		if (!unhashed_only || !bh_strmap_get(&sc->hashes, visited->items[i]))
			ok = put_record(f, sc, visited->items[i], NULL);
	for (size_t i = 0; outside && i < outside->len && ok; i++)
		ok = put_record(f, sc, NULL, outside->items[i]);
	return ok;
}

// The word `w` and a space at `*s`, moving past them.
static bool take_word(const char **s, const char *end, const char *w)
{
	size_t n = strlen(w);
	if ((size_t)(end - *s) <= n || memcmp(*s, w, n) != 0 || (*s)[n] != ' ')
		return false;
	*s += n + 1;
	return true;
}

// A decimal number and a space at `*s`, moving past them.
static bool take_number(const char **s, const char *end, unsigned long long *v)
{
	const char *p = *s;
	*v = 0;
	while (p < end && *p >= '0' && *p <= '9') {
		if (*v > (ULLONG_MAX - 9) / 10)
			return false;
		*v = *v * 10 + (unsigned long long)(*p++ - '0');
	}
	if (p == *s || p >= end || *p != ' ')
		return false;
	*s = p + 1;
	return true;
}

// "size sec nsec" of the file at `on_disk` ("-": none), asked of the
// system once per scan.
static const char *stat_of(const bh_scan_cache *sc, const char *on_disk, char buf[80])
{
	const char *known = NULL;
	if (sc->stats) {
		pthread_mutex_lock((pthread_mutex_t *)&sc->lock);
		known = bh_strmap_get(sc->stats, on_disk);
		if (known) {
			snprintf(buf, 80, "%s", known);
			known = buf;
		}
		pthread_mutex_unlock((pthread_mutex_t *)&sc->lock);
	}
	if (known)
		return known;
	struct stat st;
	if (stat(on_disk, &st) == 0)
		snprintf(buf, 80, "%llu %llu %llu", (unsigned long long)st.st_size,
			 (unsigned long long)st.st_mtim.tv_sec, (unsigned long long)st.st_mtim.tv_nsec);
	else
		snprintf(buf, 80, "-");
	if (sc->stats) {
		pthread_mutex_lock((pthread_mutex_t *)&sc->lock);
		bh_strmap_put(sc->stats, on_disk, buf);
		pthread_mutex_unlock((pthread_mutex_t *)&sc->lock);
	}
	return buf;
}

// One record line: its kind and path, and whether it still holds.
static bool record_holds(const bh_scan_cache *sc, const char *line, size_t len, char *kind, char *path)
{
	const char *s = line, *end = line + len;
	unsigned long long count = 0, size, sec, nsec;
	if (len >= PATH_MAX)
		return false;
	const char *hash = NULL;
	if (take_word(&s, end, "base") && take_number(&s, end, &count)) {
		*kind = 'b';
	} else if ((s = line, take_word(&s, end, "file"))) {
		hash = s;
		while (s < end && *s != ' ')
			s++;
		if (s >= end || s - hash != BH_SCAN_HASH_HEX - 1)
			return false;
		s++;
		*kind = 'f';
	} else if ((s = line, take_word(&s, end, "cstat") || take_word(&s, end, "ostat")) &&
		   take_number(&s, end, &size) && take_number(&s, end, &sec) && take_number(&s, end, &nsec)) {
		*kind = line[0]; // 'c' or 'o'
	} else {
		return false;
	}
	if (s >= end)
		return false;
	memcpy(path, s, (size_t)(end - s));
	path[end - s] = '\0';
	if (*kind == 'b')
		return files_named(sc, path) == count;
	if (*kind == 'f') {
		const char *now = bh_strmap_get(&sc->hashes, path);
		return now && hash && strncmp(now, hash, BH_SCAN_HASH_HEX - 1) == 0;
	}
	char buf[PATH_MAX];
	const char *on_disk = path;
	if (*kind == 'c') {
		if ((size_t)snprintf(buf, sizeof(buf), "%s/%s", sc->root, path) >= sizeof(buf))
			return false;
		on_disk = buf;
	}
	char now[80], then[80];
	snprintf(then, sizeof(then), "%llu %llu %llu", size, sec, nsec);
	return strcmp(stat_of(sc, on_disk, now), then) == 0;
}

// Check the records at `*p` up to the "report" line; with `r`, the files
// they name go to its visited and outside lists. Leaves `*p` at the
// report line.
bool bh_scan_cache__records_hold(const bh_scan_cache *sc, const char **p, const char *end, bh_clang_unit_result *r)
{
	char path[PATH_MAX];
	while (*p < end) {
		const char *nl = memchr(*p, '\n', (size_t)(end - *p));
		if (!nl)
			return false;
		size_t len = (size_t)(nl - *p);
		if (len > 7 && memcmp(*p, "report ", 7) == 0)
			return true;
		char kind;
		if (!record_holds(sc, *p, len, &kind, path))
			return false;
		if (r && kind != 'b')
			bh_vec_push(kind == 'o' ? r->outside : r->visited, bh_arena_strdup(r->arena, path));
		*p = nl + 1;
	}
	return false;
}

// A section "NAME <length>\n<bytes>" at `*p`: its bytes.
bool bh_scan_cache__section(const char **p, const char *end, const char *name, const char **data, size_t *len)
{
	size_t n = strlen(name);
	const char *nl = memchr(*p, '\n', (size_t)(end - *p));
	if (!nl || (size_t)(nl - *p) <= n + 1 || memcmp(*p, name, n) != 0 || (*p)[n] != ' ')
		return false;
	char *stop;
	unsigned long long v = strtoull(*p + n + 1, &stop, 10);
	if (stop != nl || v > (unsigned long long)(end - nl - 1))
		return false;
	*data = nl + 1;
	*len = (size_t)v;
	*p = nl + 1 + v;
	return true;
}

// Append the report of `findings` and `diags` as a section.
bool bh_scan_cache__put_report(FILE *f, const bh_findings *findings, const bh_diags *diags, size_t units)
{
	char *json = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&json, &len);
	if (!m)
		return false;
	bh_report r = { .tool_version = BH_VERSION, .findings = findings, .diags = diags, .units_parsed = units };
	bool ok = bh_report_json(m, &r) == BH_OK;
	ok = fclose(m) == 0 && ok;
	if (ok)
		fprintf(f, "report %zu\n", len), fwrite(json, 1, len, f);
	free(json);
	return ok;
}

// Read a report section into the lists; on any failure they are left as
// they were (the arena keeps what was read: small next to a scan).
bool bh_scan_cache__load_report(const char *json, size_t len, bh_findings *findings, bh_diags *diags, size_t *units)
{
	size_t nf = findings->items.len, nd = diags->items.len;
	bh_report_meta meta = { 0 };
	bool ok = bh_report_load_buffer(json, len, "cache entry", findings, diags, &meta) == BH_OK;
	for (size_t i = nd; ok && i < diags->items.len; i++)
		ok = !bh_str_equal(diags->items.items[i].code, "merge.bad-report") &&
		     !bh_str_equal(diags->items.items[i].code, "merge.unknown-rule");
	if (!ok) {
		findings->items.len = nf;
		diags->items.len = nd;
	} else if (units) {
		*units = meta.units_parsed;
	}
	return ok;
}

// ------------------------------------------------------------- keys

void bh_scan_cache__mix_str(bh_sha256 *h, const char *s)
{
	static const char none[] = "\x01(none)";
	if (!s)
		bh_sha256_update(h, none, sizeof(none));
	else
		bh_sha256_update(h, s, strlen(s) + 1); // the NUL separates fields
}

void bh_scan_cache__mix_u64(bh_sha256 *h, uint64_t v)
{
	bh_sha256_update(h, &v, sizeof(v));
}

void bh_scan_cache__mix_strs(bh_sha256 *h, const char *const *list, size_t n)
{
	bh_scan_cache__mix_u64(h, n);
	for (size_t i = 0; i < n; i++)
		bh_scan_cache__mix_str(h, list[i]);
}
