// SPDX-License-Identifier: MIT
// bh_clang_scan: the worker pool of the libclang front end. Each worker
// thread owns one CXIndex and takes the next unit from a shared counter;
// each unit writes into its own slot (arena, findings, diagnostics). Slots
// are merged into the caller's lists strictly in unit order, as soon as
// every earlier slot is done, so the output does not depend on the number
// of workers or on scheduling, and finished units do not pile up in memory.
//
// The merge drops exact repeats: a finding or clang error in a header that
// several units include is reported once.
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bulkhead/clang.h"
#include "parse/c/clang_internal.h"

// libclang parses on a thread of its own with a large stack, but the
// cursor visitor recurses on ours: give workers a generous stack whatever
// the process default is.
#define WORKER_STACK_SIZE (16u * 1024u * 1024u)

typedef struct {
	bh_arena *arena; // NULL until the unit is analysed, and again once merged
	bh_findings findings;
	bh_diags diags;
	bool done;
} slot;

// An open-addressing set of strings, for the merge's de-duplication.
typedef struct {
	char **keys; // heap strings (bh_xstrdup) or NULL
	size_t cap, len;
} string_set;

typedef struct {
	const bh_units *units;
	const char *ctx_root;
	const volatile int *cancel;
	bool lower_ir;
	slot *slots;

	pthread_mutex_t lock; // guards everything below
	size_t next_unit;     // next unit to hand out
	size_t next_merge;    // first slot not merged yet
	bool canceled;
	bh_findings *out;
	bh_diags *diags;
	string_set seen;
} pool;

// ------------------------------------------------------------ string set

static uint64_t hash_string(const char *s)
{
	uint64_t h = 1469598103934665603ull; // FNV-1a
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ull;
	}
	return h;
}

// Insert `key` (copied); false if it was already there.
static bool set_insert(string_set *set, const char *key)
{
	if ((set->len + 1) * 2 > set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 64;
		char **keys = bh_xcalloc(cap, sizeof(*keys));
		for (size_t i = 0; i < set->cap; i++) {
			if (!set->keys[i])
				continue;
			size_t j = hash_string(set->keys[i]) & (cap - 1);
			while (keys[j])
				j = (j + 1) & (cap - 1);
			keys[j] = set->keys[i];
		}
		free(set->keys);
		set->keys = keys;
		set->cap = cap;
	}
	size_t j = hash_string(key) & (set->cap - 1);
	while (set->keys[j]) {
		if (strcmp(set->keys[j], key) == 0)
			return false;
		j = (j + 1) & (set->cap - 1);
	}
	set->keys[j] = bh_xstrdup(key);
	set->len++;
	return true;
}

static void set_dispose(string_set *set)
{
	for (size_t i = 0; i < set->cap; i++)
		free(set->keys[i]);
	free(set->keys);
	memset(set, 0, sizeof(*set));
}

// ------------------------------------------------------------------ merge

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

// Move slot `s` into the caller's lists, skipping repeats, and free it.
// Called with the pool lock held.
static void merge_slot(pool *p, slot *s)
{
	bh_findings keep;
	bh_findings_init(&keep, s->arena);
	for (size_t i = 0; i < s->findings.items.len; i++) {
		const bh_finding *f = &s->findings.items.items[i];
		const char *key = bh_arena_sprintf(s->arena, "F\x1f%s\x1f%s\x1f%u\x1f%u\x1f%s",
						   f->rule->id, or_empty(f->loc.path),
						   f->loc.line, f->loc.col, f->message);
		if (set_insert(&p->seen, key))
			bh_vec_push(&keep.items, *f);
	}
	bh_findings_append(p->out, &keep);
	bh_findings_dispose(&keep);

	bh_diags dkeep;
	bh_diags_init(&dkeep, s->arena);
	for (size_t i = 0; i < s->diags.items.len; i++) {
		const bh_diag *d = &s->diags.items.items[i];
		const char *key = bh_arena_sprintf(s->arena, "D\x1f%s\x1f%s\x1f%u\x1f%u\x1f%s",
						   d->code, or_empty(d->loc.path), d->loc.line,
						   d->loc.col, d->message);
		if (set_insert(&p->seen, key))
			bh_vec_push(&dkeep.items, *d);
	}
	bh_diags_append(p->diags, &dkeep);
	bh_diags_dispose(&dkeep);

	bh_findings_dispose(&s->findings);
	bh_diags_dispose(&s->diags);
	bh_arena_free(s->arena);
	s->arena = NULL;
}

// ----------------------------------------------------------------- workers

static void *worker(void *data)
{
	pool *p = data;
	// excludeDeclarationsFromPCH = 0, displayDiagnostics = 0: we report
	// clang's diagnostics ourselves and nothing may go to stderr.
	CXIndex index = clang_createIndex(0, 0);
	for (;;) {
		pthread_mutex_lock(&p->lock);
		// Canceled only if work is left: a cancel that arrives after the
		// last unit was handed out changes nothing.
		if (p->cancel && *p->cancel && p->next_unit < p->units->len)
			p->canceled = true;
		size_t i = p->next_unit;
		bool stop = p->canceled || i >= p->units->len;
		if (!stop)
			p->next_unit++;
		pthread_mutex_unlock(&p->lock);
		if (stop)
			break;

		slot *s = &p->slots[i];
		s->arena = bh_arena_new();
		bh_findings_init(&s->findings, s->arena);
		bh_diags_init(&s->diags, s->arena);
		// TODO(#5): hand the IR to the dataflow rules; until they
		// exist it only measures lowering and is freed with the slot.
		bh_ir_unit ir = { 0 };
		bh_clang__analyse_unit(index, &p->units->items[i], p->ctx_root, s->arena,
				       &s->findings, &s->diags, p->lower_ir ? &ir : NULL);

		pthread_mutex_lock(&p->lock);
		s->done = true;
		while (p->next_merge < p->units->len && p->slots[p->next_merge].done) {
			merge_slot(p, &p->slots[p->next_merge]);
			p->next_merge++;
		}
		pthread_mutex_unlock(&p->lock);
	}
	clang_disposeIndex(index);
	return NULL;
}

static int default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 && n < 1024 ? (int)n : 1;
}

bh_status bh_clang_scan(const bh_units *units, const char *ctx_root,
			const bh_clang_options *opts, bh_findings *out, bh_diags *diags)
{
	bh_clang_options defaults = BH_CLANG_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	if (!units || !ctx_root || !out || !diags)
		return BH_EINVAL;
	if (opts->cancel && *opts->cancel)
		return BH_ECANCELED;
	if (units->len == 0)
		return BH_OK;

	// The root is compared against realpath() results: strip a trailing
	// '/' (but keep "/" itself).
	size_t root_len = strlen(ctx_root);
	while (root_len > 1 && ctx_root[root_len - 1] == '/')
		root_len--;
	char *root = bh_xstrndup(ctx_root, root_len);

	pool p = {
		.units = units,
		.ctx_root = root,
		.cancel = opts->cancel,
		.lower_ir = opts->lower_ir,
		.slots = bh_xcalloc(units->len, sizeof(slot)),
		.out = out,
		.diags = diags,
	};
	pthread_mutex_init(&p.lock, NULL);

	int jobs = opts->jobs > 0 ? opts->jobs : default_jobs();
	if ((size_t)jobs > units->len)
		jobs = (int)units->len;

	// The calling thread is always one of the workers; extra threads are
	// a bonus: if one cannot be created, the others still finish the job.
	pthread_t *threads = bh_xcalloc((size_t)jobs, sizeof(*threads));
	bool *started = bh_xcalloc((size_t)jobs, sizeof(*started));
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, WORKER_STACK_SIZE);
	for (int t = 1; t < jobs; t++)
		started[t] = pthread_create(&threads[t], &attr, worker, &p) == 0;
	pthread_attr_destroy(&attr);
	worker(&p);
	for (int t = 1; t < jobs; t++) {
		if (started[t])
			pthread_join(threads[t], NULL);
	}

	// Units are handed out in order and every one handed out finishes, so
	// all of them have been merged, and after a cancel the output is
	// exactly that of a prefix of the list. Free anything left regardless.
	for (size_t i = 0; i < units->len; i++) {
		slot *s = &p.slots[i];
		if (s->arena) {
			bh_findings_dispose(&s->findings);
			bh_diags_dispose(&s->diags);
			bh_arena_free(s->arena);
		}
	}
	bh_status st = p.canceled ? BH_ECANCELED : BH_OK;
	set_dispose(&p.seen);
	pthread_mutex_destroy(&p.lock);
	free(threads);
	free(started);
	free(p.slots);
	free(root);
	return st;
}

// libclang returns a new CXString on each call: one copy is kept for the
// life of the process. It never changes once written, and pthread_once
// makes concurrent first calls safe; this is the module's only static state.
static pthread_once_t version_once = PTHREAD_ONCE_INIT;
static char version_text[160];

static void fill_version(void)
{
	CXString v = clang_getClangVersion();
	const char *s = clang_getCString(v);
	if (s) {
		strncpy(version_text, s, sizeof(version_text) - 1);
		version_text[sizeof(version_text) - 1] = '\0';
	}
	clang_disposeString(v);
}

const char *bh_clang_version(void)
{
	pthread_once(&version_once, fill_version);
	return version_text[0] ? version_text : "clang (unknown version)";
}
