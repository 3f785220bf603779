// SPDX-License-Identifier: MIT
// Packed IR (include/bulkhead/ir_pack.h): each function's body kept as the
// bytes ir_serial.c writes, decoded into one block on acquire and dropped,
// least recently released first, once the idle bodies outgrow the budget.
//
// One lock for the store: acquire and release take it to update pins and
// the idle list; a body is decoded outside it by the thread that asked
// first (others asking meanwhile wait for it) and published under it, so
// a thread reads a body only after its own acquire took the lock.
//
// With a spill file (bh_ir_store_spill) the encoded bytes are not kept in
// memory either: each unit's are written to the file at an offset
// reserved under the lock and read back by the decoding thread.
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bulkhead/arena.h"
#include "bulkhead/fileio.h"
#include "bulkhead/ir_pack.h"
#include "ir/ir_serial_internal.h"

// What a unit's functions share, once a unit rather than once a function:
// a head is kept for every function of the program.
struct packed_unit {
	bh_ir_store *store;
	const unsigned char *bytes; // the encoded bodies, or NULL: in the spill file
	uint64_t spill_offset;      // ... from this offset
	const char *const *strings; // the unit's, for the whole run
	size_t nstrings;
};

struct bh_ir_packed {
	const struct packed_unit *unit;
	bh_ir_func *fn;
	uint32_t offset;            // of the encoded body in its unit's
	uint32_t len;
	uint32_t size;              // of the decoded body
	uint32_t pins;
	void *body;                 // heap, or NULL when not decoded
	bh_ir_param *params;        // kept (bh_ir_func_param)
	struct bh_ir_packed *prev, *next; // idle list: decoded, not held; newest first
	bool decoding;              // a thread decodes it outside the lock
};

struct bh_ir_store {
	pthread_mutex_t lock;
	pthread_cond_t decoded;     // some body's decoding ended
	size_t budget;              // BH_IR_BUDGET_AUTO: twice the largest unit's bodies
	size_t largest_unit;        // decoded bytes of the largest unit packed so far
	size_t idle_bytes, decoded_bytes;
	struct bh_ir_packed *idle_head, *idle_tail;
	const struct bh_ir_link *link;
	int spill_fd;               // unlinked file of encoded bodies, or -1
	uint64_t spill_end;         // bytes reserved in it
	bh_ir_store_stats stats;
};

bh_ir_store *bh_ir_store_new(size_t budget)
{
	bh_ir_store *s = bh_xcalloc(1, sizeof(*s));
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->decoded, NULL);
	s->budget = budget;
	s->spill_fd = -1;
	return s;
}

bool bh_ir_store_spill(bh_ir_store *s, const char *dir)
{
	char path[4096];
	int n = snprintf(path, sizeof(path), "%s/bulkhead-ir-XXXXXX", dir && *dir ? dir : "/tmp");
	if (n < 0 || (size_t)n >= sizeof(path))
		return false;
	int fd = mkstemp(path);
	if (fd < 0)
		return false;
	// Gone from the directory at once: the file lives as long as the
	// descriptor, and nothing is left behind however the scan ends.
	unlink(path);
	(void)fcntl(fd, F_SETFD, FD_CLOEXEC);
	pthread_mutex_lock(&s->lock);
	// A second call keeps the first file: units already in it stay there.
	bool had = s->spill_fd >= 0;
	if (!had)
		s->spill_fd = fd;
	pthread_mutex_unlock(&s->lock);
	if (had)
		close(fd);
	return true;
}

// The spill file is memory the store moved to disk: failing to read back
// what it wrote there is losing memory, which like running out of it is
// the one condition Bulkhead stops on (analyzer/core/alloc.c).
static void read_back(int fd, unsigned char *p, size_t len, uint64_t at)
{
	if (!bh_file_pread_all(fd, p, len, at)) {
		fprintf(stderr, "bulkhead: reading back the IR spill file failed: %s\n", strerror(errno));
		abort();
	}
}

// Bodies are heap blocks; the heads live in the units' arenas, the bytes
// there too or in the spill file.
static void drop_body(struct bh_ir_packed *pk)
{
	free(pk->body);
	pk->body = NULL;
	pk->fn->vars = NULL;
	pk->fn->blocks = NULL;
	pk->unit->store->decoded_bytes -= pk->size;
}

static void unlink_idle(bh_ir_store *s, struct bh_ir_packed *pk)
{
	if (pk->prev)
		pk->prev->next = pk->next;
	else
		s->idle_head = pk->next;
	if (pk->next)
		pk->next->prev = pk->prev;
	else
		s->idle_tail = pk->prev;
	pk->prev = pk->next = NULL;
	s->idle_bytes -= pk->size;
}

void bh_ir_store_free(bh_ir_store *s)
{
	if (!s)
		return;
	while (s->idle_head) {
		struct bh_ir_packed *pk = s->idle_head;
		unlink_idle(s, pk);
		drop_body(pk);
	}
	if (s->spill_fd >= 0)
		close(s->spill_fd);
	pthread_cond_destroy(&s->decoded);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

void bh_ir_store_set_link(bh_ir_store *s, const struct bh_ir_link *link)
{
	pthread_mutex_lock(&s->lock);
	s->link = link;
	pthread_mutex_unlock(&s->lock);
}

void bh_ir_store_get_stats(bh_ir_store *s, bh_ir_store_stats *out)
{
	pthread_mutex_lock(&s->lock);
	*out = s->stats;
	pthread_mutex_unlock(&s->lock);
}

bh_ir_param bh_ir_func_param(const bh_ir_func *fn, uint32_t i)
{
	bh_assert(i < fn->nparams);
	if (fn->packed)
		return fn->packed->params[i];
	return (bh_ir_param){ fn->vars[i].flags, fn->vars[i].type };
}

void bh_ir_func_acquire(const bh_ir_func *cfn)
{
	struct bh_ir_packed *pk = cfn->packed;
	if (!pk)
		return;
	const struct packed_unit *u = pk->unit;
	bh_ir_store *s = u->store;
	pthread_mutex_lock(&s->lock);
	if (pk->pins++ == 0 && pk->body) {
		unlink_idle(s, pk);
	} else if (!pk->body && !pk->decoding) {
		// Decoded outside the lock, so that the other analysis thread's
		// decodes and releases do not wait for this one; a pinned body is
		// never dropped, so the head is ours until it is published.
		pk->decoding = true;
		const struct bh_ir_link *link = s->link;
		int fd = s->spill_fd;
		pthread_mutex_unlock(&s->lock);
		bh_ir_func body = *pk->fn;
		void *mem = bh_xmalloc(pk->size);
		unsigned char *spilled = NULL;
		if (!u->bytes) {
			spilled = bh_xmalloc(pk->len);
			read_back(fd, spilled, pk->len, u->spill_offset + pk->offset);
		}
		// Our own bytes, written by bh_ir_unit_pack: not decoding them
		// is a bug, never a property of the scanned code.
		bh_assert(bh_ir__unpack_body(&body, spilled ? spilled : u->bytes + pk->offset, pk->len, u->strings,
					     u->nstrings, mem, pk->size));
		free(spilled);
		if (link)
			bh_ir_link_apply(link, &body);
		pthread_mutex_lock(&s->lock);
		pk->body = mem;
		pk->fn->vars = body.vars;
		pk->fn->blocks = body.blocks;
		pk->decoding = false;
		s->decoded_bytes += pk->size;
		s->stats.decodes++;
		if (s->decoded_bytes > s->stats.peak_decoded)
			s->stats.peak_decoded = s->decoded_bytes;
		pthread_cond_broadcast(&s->decoded);
	}
	// Another thread may still be decoding it.
	while (!pk->body)
		pthread_cond_wait(&s->decoded, &s->lock);
	pthread_mutex_unlock(&s->lock);
}

void bh_ir_func_release(const bh_ir_func *cfn)
{
	struct bh_ir_packed *pk = cfn->packed;
	if (!pk)
		return;
	bh_ir_store *s = pk->unit->store;
	pthread_mutex_lock(&s->lock);
	bh_assert(pk->pins > 0);
	if (--pk->pins == 0) {
		pk->next = s->idle_head;
		if (s->idle_head)
			s->idle_head->prev = pk;
		else
			s->idle_tail = pk;
		s->idle_head = pk;
		s->idle_bytes += pk->size;
		size_t budget = s->budget == BH_IR_BUDGET_AUTO ? 2 * s->largest_unit : s->budget;
		while (s->idle_tail && s->idle_bytes > budget) {
			struct bh_ir_packed *old = s->idle_tail;
			unlink_idle(s, old);
			drop_body(old);
		}
	}
	pthread_mutex_unlock(&s->lock);
}

// ------------------------------------------------------------------ pack

// The unit's strings, each copied into the packed arena once, by id in
// the packer's table: the bodies' (encoded by id) and the heads' (kept as
// pointers) share one copy.
typedef struct {
	bh_ir__packer *packer;
	bh_arena *arena;
	BH_VEC(const char *) copies; // by id
} strings;

// Copies of every string the table holds so far.
static void copy_new(strings *t)
{
	size_t n;
	const char *const *own = bh_ir__packer_strings(t->packer, &n);
	while (t->copies.len < n) {
		const char *copy = bh_arena_strdup(t->arena, own[t->copies.len]);
		bh_vec_push(&t->copies, copy);
	}
}

static const char *keep(strings *t, const char *s)
{
	if (!s)
		return NULL;
	uint32_t id = bh_ir__packer_intern(t->packer, s);
	copy_new(t);
	bh_assert(id < t->copies.len && t->copies.items);
	return t->copies.items[id];
}

static bh_loc keep_loc(strings *t, bh_loc l)
{
	l.path = keep(t, l.path);
	return l;
}

static const bh_ir_fn_field *keep_fields(strings *t, const bh_ir_fn_field *f, uint32_t n)
{
	bh_ir_fn_field *out = n ? bh_arena_alloc(t->arena, n * sizeof(*out)) : NULL;
	for (uint32_t i = 0; i < n; i++)
		out[i] = (bh_ir_fn_field){ keep(t, f[i].field), keep(t, f[i].member), keep(t, f[i].func),
					   keep(t, f[i].usr) };
	return out;
}

void bh_ir_unit_pack(bh_ir_unit *unit, bh_arena *arena, bh_ir_store *s)
{
	bh_ir__packer *p = bh_ir__packer_new();
	size_t nfuncs = 0;
	for (const bh_ir_func *fn = unit->first; fn; fn = fn->next)
		nfuncs++;
	size_t *at = bh_xcalloc(nfuncs + 1, sizeof(*at));
	size_t i = 0;
	for (const bh_ir_func *fn = unit->first; fn; fn = fn->next)
		at[i++] = bh_ir__packer_add(p, fn);
	size_t len;
	const unsigned char *bytes = bh_ir__packer_bytes(p, &len);
	at[nfuncs] = len;
	// To the spill file when there is one (and the write succeeds: a full
	// disk keeps this unit's bytes in memory), else into the arena.
	pthread_mutex_lock(&s->lock);
	int fd = s->spill_fd;
	uint64_t offset = s->spill_end;
	if (fd >= 0)
		s->spill_end += len;
	pthread_mutex_unlock(&s->lock);
	bool spilled = fd >= 0 && bh_file_pwrite_all(fd, bytes, len, offset);
	bytes = spilled ? NULL : bh_arena_memdup(arena, bytes, len);
	strings t = { p, arena, { 0 } };
	// Offsets and sizes in 32 bits: the encoding is about a tenth of the
	// decoded IR, which the unit held whole a moment ago, so 4 GiB of it
	// would have needed 40 GiB of memory first.
	bh_assert(len <= UINT32_MAX);
	struct packed_unit *pu = bh_arena_alloc(arena, sizeof(*pu));
	*pu = (struct packed_unit){ .store = s, .bytes = bytes, .spill_offset = offset };

	bh_ir_unit out = { .path = keep(&t, unit->path), .nfuncs = unit->nfuncs };
	i = 0;
	for (const bh_ir_func *fn = unit->first; fn; fn = fn->next, i++) {
		bh_ir_func *h = bh_arena_alloc(arena, sizeof(*h));
		*h = (bh_ir_func){ .name = keep(&t, fn->name), .usr = keep(&t, fn->usr),
				   .loc = keep_loc(&t, fn->loc), .nvars = fn->nvars, .nparams = fn->nparams,
				   .nblocks = fn->nblocks, .ninstrs = fn->ninstrs, .cut = fn->cut,
				   .returns_pointer = fn->returns_pointer };
		if (fn->digest)
			h->digest = bh_arena_memdup(arena, fn->digest, BH_SHA256_LEN);
		struct bh_ir_packed *pk = bh_arena_alloc(arena, sizeof(*pk));
		size_t size = bh_ir__body_size(fn);
		bh_assert(size <= UINT32_MAX); // (at most MAX_INSTRS instructions, clang_lower.c)
		*pk = (struct bh_ir_packed){ .unit = pu, .fn = h, .offset = (uint32_t)at[i],
					     .len = (uint32_t)(at[i + 1] - at[i]), .size = (uint32_t)size };
		h->packed = pk;
		// What callers most ask of a callee, there without a decode.
		pk->params = fn->nparams ? bh_arena_alloc(arena, fn->nparams * sizeof(*pk->params)) : NULL;
		for (uint32_t k = 0; k < fn->nparams; k++)
			pk->params[k] = (bh_ir_param){ fn->vars[k].flags, keep(&t, fn->vars[k].type) };

		if (out.last)
			out.last->next = h;
		else
			out.first = h;
		out.last = h;
	}
	bh_ir_table **tail = &out.tables;
	for (const bh_ir_table *tb = unit->tables; tb; tb = tb->next) {
		bh_ir_table *c = bh_arena_alloc(arena, sizeof(*c));
		c->key = keep(&t, tb->key);
		c->fields = keep_fields(&t, tb->fields, tb->nfields);
		c->nfields = tb->nfields;
		*tail = c;
		tail = &c->next;
	}
	bh_ir_global_init **itail = &out.inits;
	for (const bh_ir_global_init *g = unit->inits; g; g = g->next) {
		bh_ir_global_init *c = bh_arena_alloc(arena, sizeof(*c));
		*c = (bh_ir_global_init){ keep(&t, g->key), g->value, g->is_const, NULL };
		*itail = c;
		itail = &c->next;
	}
	bh_ir_global_def **dtail = &out.defs;
	for (const bh_ir_global_def *g = unit->defs; g; g = g->next) {
		bh_ir_global_def *c = bh_arena_alloc(arena, sizeof(*c));
		*c = (bh_ir_global_def){ keep(&t, g->key), NULL };
		*dtail = c;
		dtail = &c->next;
	}
	// The table the bodies decode their strings from: every string now.
	copy_new(&t);
	const char *const *table = bh_arena_memdup(arena, t.copies.items, t.copies.len * sizeof(char *));
	size_t decoded = 0;
	pu->strings = table;
	pu->nstrings = t.copies.len;
	for (const bh_ir_func *fn = out.first; fn; fn = fn->next)
		decoded += fn->packed->size;
	bh_vec_dispose(&t.copies);
	pthread_mutex_lock(&s->lock);
	s->stats.packed_bytes += len;
	if (spilled)
		s->stats.spilled_bytes += len;
	s->stats.body_bytes += decoded;
	if (decoded > s->largest_unit)
		s->largest_unit = decoded;
	pthread_mutex_unlock(&s->lock);
	free(at);
	bh_ir__packer_free(p);
	*unit = out;
}
