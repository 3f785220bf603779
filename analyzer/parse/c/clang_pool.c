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
#include <sys/stat.h>
#include <unistd.h>

#include "bulkhead/clang.h"
#include "bulkhead/ir_pack.h"
#include "bulkhead/strset.h"
#include "bulkhead/taint.h"
#include "parse/c/clang_internal.h"

// libclang parses on a thread of its own with a large stack, but the
// cursor visitor recurses on ours: give workers a generous stack whatever
// the process default is.
#define WORKER_STACK_SIZE (16u * 1024u * 1024u)

typedef struct {
	bh_arena *arena; // NULL until the unit is analysed, and again once merged
	bh_findings findings;
	bh_diags diags;
	bh_ir_unit ir;   // the unit's functions, when lowering
	bool done;
} slot;

typedef struct {
	const bh_units *units;
	const char *ctx_root;
	const volatile int *cancel;
	bool lower_ir;
	bh_ir_program *program; // borrowed: receives each unit's IR, or NULL
	slot *slots;

	pthread_mutex_t lock; // guards everything below
	size_t next_unit;     // next unit to hand out
	size_t next_merge;    // first slot not merged yet
	bool canceled;
	bh_findings *out;
	bh_diags *diags;
	bh_strset seen;      // what was merged already (findings, diagnostics, visited files)
	bh_clang_files *visited; // opts->visited, or NULL
	bh_clang_files *includes; // opts->includes, or NULL
	bh_clang_files *outside;  // opts->outside, or NULL
	struct CXUnsavedFile *unsaved; // opts->unsaved for libclang (heap array)
	unsigned nunsaved;
	bh_clang_tu_cache *tu_cache;   // opts->tu_cache, or NULL
	const bh_clang_unit_cache *unit_cache; // opts->unit_cache when there is a program, or NULL
	size_t *order;        // units in the order they are handed out: largest first
	size_t finished;      // units analysed, for progress
	void (*progress)(void *payload, size_t done, size_t total, const char *path);
	void *progress_payload;
} pool;

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
		if (bh_strset_insert(&p->seen, key))
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
		if (bh_strset_insert(&p->seen, key))
			bh_vec_push(&dkeep.items, *d);
	}
	bh_diags_append(p->diags, &dkeep);
	bh_diags_dispose(&dkeep);

	bh_findings_dispose(&s->findings);
	bh_diags_dispose(&s->diags);
	if (p->program) {
		// The IR lives in the slot's arena: both move to the program.
		bh_vec_push(&p->program->units, s->ir);
		bh_vec_push(&p->program->arenas, s->arena);
	} else {
		bh_arena_free(s->arena);
	}
	s->arena = NULL;
}

// ----------------------------------------------------------------- workers

// Move what slot `s` keeps for its merge (findings, diagnostics; the IR is
// already packed there) into `packed` and free the slot's arena, which
// holds the decoded IR: slots merge in list order, units finish largest
// first, and a finished unit may wait for its merge until the end.
static void rehome(slot *s, bh_arena *packed)
{
	bh_findings findings;
	bh_findings_init(&findings, packed);
	bh_findings_append(&findings, &s->findings);
	bh_findings_dispose(&s->findings);
	s->findings = findings;
	bh_diags diags;
	bh_diags_init(&diags, packed);
	bh_diags_append(&diags, &s->diags);
	bh_diags_dispose(&s->diags);
	s->diags = diags;
	bh_arena_free(s->arena);
	s->arena = packed;
}

static void *worker(void *data)
{
	pool *p = data;
	// excludeDeclarationsFromPCH = 0, displayDiagnostics = 0: we report
	// clang's diagnostics ourselves and nothing may go to stderr.
	CXIndex index = bh_clang__index_new();
	bh_strmap realpaths = { 0 };
	for (;;) {
		pthread_mutex_lock(&p->lock);
		// Canceled only if work is left: a cancel that arrives after the
		// last unit was handed out changes nothing.
		if (p->cancel && *p->cancel && p->next_unit < p->units->len)
			p->canceled = true;
		bool stop = p->canceled || p->next_unit >= p->units->len;
		size_t i = stop ? 0 : p->order[p->next_unit++];
		pthread_mutex_unlock(&p->lock);
		if (stop)
			break;

		slot *s = &p->slots[i];
		s->arena = bh_arena_new();
		bh_findings_init(&s->findings, s->arena);
		bh_diags_init(&s->diags, s->arena);
		// The IR goes to the program (whole-program analyses) or, when
		// only lowering is asked for (to measure it), dies with the slot.
		// A unit whose stored result still holds (opts->unit_cache) is
		// read back instead of parsed, and a parsed one is stored.
		bh_clang__paths visited = { 0 }, outside = { 0 };
		const bh_unit *unit = &p->units->items[i];
		bh_clang_unit_result r = { s->arena, &s->findings, &s->diags, &s->ir, &visited, &outside };
		if (!p->unit_cache || !p->unit_cache->lookup(p->unit_cache->payload, unit, &r)) {
			bool collect = p->visited || p->includes || p->outside || p->unit_cache;
			bh_clang__analyse_unit(index, unit, p->ctx_root, s->arena, &s->findings, &s->diags,
					       p->lower_ir || p->program ? &s->ir : NULL,
					       collect ? &visited : NULL,
					       p->outside || p->unit_cache ? &outside : NULL, &realpaths,
					       p->unsaved, p->nunsaved, p->tu_cache);
			s->ir.path = bh_arena_strdup(s->arena, unit->path);
			if (p->unit_cache)
				p->unit_cache->store(p->unit_cache->payload, unit, &r);
		}
		bh_arena *packed = NULL;
		if (p->program && p->program->store) {
			packed = bh_arena_new_chunked(2u << 10);
			bh_ir_unit_pack(&s->ir, packed, p->program->store);
		}

		pthread_mutex_lock(&p->lock);
		// A set, whatever the order units finish in: each path once.
		const char *unit_path = p->units->items[i].path;
		for (size_t k = 0; k < visited.len; k++) {
			const char *key = bh_arena_sprintf(s->arena, "V\x1f%s", visited.items[k]);
			if (p->visited && bh_strset_insert(&p->seen, key))
				bh_vec_push(p->visited, bh_arena_strdup(p->out->arena, visited.items[k]));
			if (!p->includes || strcmp(visited.items[k], unit_path) == 0)
				continue;
			const char *pair = bh_arena_sprintf(p->out->arena, "%s\x1f%s", visited.items[k], unit_path);
			if (bh_strset_insert(&p->seen, bh_arena_sprintf(s->arena, "I\x1f%s", pair)))
				bh_vec_push(p->includes, pair);
		}
		for (size_t k = 0; p->outside && k < outside.len; k++)
			if (bh_strset_insert(&p->seen, bh_arena_sprintf(s->arena, "O\x1f%s", outside.items[k])))
				bh_vec_push(p->outside, bh_arena_strdup(p->out->arena, outside.items[k]));
		bh_vec_dispose(&visited);
		bh_vec_dispose(&outside);
		if (packed)
			rehome(s, packed);
		s->done = true;
		p->finished++;
		if (p->progress)
			p->progress(p->progress_payload, p->finished, p->units->len, unit_path);
		while (p->next_merge < p->units->len && p->slots[p->next_merge].done) {
			merge_slot(p, &p->slots[p->next_merge]);
			p->next_merge++;
		}
		pthread_mutex_unlock(&p->lock);
	}
	bh_strmap_dispose(&realpaths);
	clang_disposeIndex(index);
	return NULL;
}

// Largest units first, so that the last ones to finish are small and
// no worker waits long for the slowest (the size of the unit's own file
// stands for its cost: headers are mostly shared). Ties in list order.
// Results are still merged in list order: the output does not change.
typedef struct {
	off_t size;
	size_t index;
} sized_unit;

static int larger_first(const void *a, const void *b)
{
	const sized_unit *x = a, *y = b;
	if (x->size != y->size)
		return x->size > y->size ? -1 : 1;
	return (x->index > y->index) - (x->index < y->index);
}

static size_t *hand_out_order(const bh_units *units)
{
	size_t n = units->len;
	sized_unit *sized = bh_xcalloc(n, sizeof(*sized));
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		const char *path = units->items[i].abs_path;
		sized[i] = (sized_unit){ path && stat(path, &st) == 0 ? st.st_size : 0, i };
	}
	qsort(sized, n, sizeof(*sized), larger_first);
	size_t *order = bh_xcalloc(n, sizeof(*order));
	for (size_t i = 0; i < n; i++)
		order[i] = sized[i].index;
	free(sized);
	return order;
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
		.program = opts->program,
		.slots = bh_xcalloc(units->len, sizeof(slot)),
		.out = out,
		.diags = diags,
		.visited = opts->visited,
		.includes = opts->includes,
		.outside = opts->outside,
		.unit_cache = opts->program && !opts->tu_cache ? opts->unit_cache : NULL,
		.unsaved = bh_xcalloc(opts->nunsaved ? opts->nunsaved : 1, sizeof(struct CXUnsavedFile)),
		.nunsaved = (unsigned)opts->nunsaved,
		.tu_cache = opts->tu_cache,
		.order = hand_out_order(units),
		.progress = opts->progress,
		.progress_payload = opts->progress_payload,
	};
	for (size_t i = 0; i < opts->nunsaved; i++)
		p.unsaved[i] = (struct CXUnsavedFile){ opts->unsaved[i].abs_path, opts->unsaved[i].text,
						       (unsigned long)opts->unsaved[i].len };
	pthread_mutex_init(&p.lock, NULL);

	// A cache's units belong to its one index: one thread uses them.
	int jobs = opts->tu_cache ? 1 : bh_jobs_or_cores(opts->jobs);
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

	// Every unit handed out finishes and slots merge in list order, so
	// all of them have been merged, and after a cancel the output is
	// exactly that of a prefix of the list (up to the first unit not
	// handed out). Free anything left regardless.
	for (size_t i = 0; i < units->len; i++) {
		slot *s = &p.slots[i];
		if (s->arena) {
			bh_findings_dispose(&s->findings);
			bh_diags_dispose(&s->diags);
			bh_arena_free(s->arena);
		}
	}
	bh_status st = p.canceled ? BH_ECANCELED : BH_OK;
	if (opts->program)
		bh_ir_program_link(opts->program);
	bh_strset_dispose(&p.seen);
	free(p.unsaved);
	pthread_mutex_destroy(&p.lock);
	free(threads);
	free(started);
	free(p.slots);
	free(p.order);
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
