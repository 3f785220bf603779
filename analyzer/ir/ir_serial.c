// SPDX-License-Identifier: MIT
// The IR of a unit as bytes and back (include/bulkhead/ir_serial.h).
//
//   "BHIR" version
//   nstrings, then each: length, bytes      (the unit's strings, once each)
//   the unit: path, functions, operations tables, initialised globals
//
// Integers are LEB128 (signed ones zigzagged), strings an index into the
// table plus one (0: NULL), doubles their 8 bytes. Equal strings decode to
// one pointer, as the front end's file paths are within a unit.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/ir_serial.h"
#include "bulkhead/sha256.h"
#include "bulkhead/strset.h"
#include "ir/ir_serial_internal.h"

#define MAGIC "BHIR"
#define VERSION 3

// ------------------------------------------------------------------ encode

typedef struct {
	bh_bytes body;
	bh_strids strings;          // keyed by content; the keys are the IR's own strings
	BH_VEC(const char *) order; // strings by id
	const bh_ir_func *frame;    // a digest's: places inside it written from its first line
} encoder;

static void put_u(bh_bytes *b, uint64_t v)
{
	do {
		unsigned char c = v & 0x7f;
		v >>= 7;
		bh_vec_push(b, (unsigned char)(c | (v ? 0x80 : 0)));
	} while (v);
}

static void put_s(bh_bytes *b, int64_t v)
{
	put_u(b, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
}

static void put_raw(bh_bytes *b, const void *p, size_t n)
{
	if (!n)
		return;
	bh_vec_reserve(b, n);
	memcpy(b->items + b->len, p, n);
	b->len += n;
}

static uint32_t intern(encoder *e, const char *s)
{
	bool added;
	uint32_t id = bh_strids_get(&e->strings, s, &added);
	if (added)
		bh_vec_push(&e->order, s);
	return id;
}

static void put_str(encoder *e, const char *s)
{
	put_u(&e->body, s ? (uint64_t)intern(e, s) + 1 : 0);
}

static void put_loc(encoder *e, const bh_loc *l)
{
	if (e->frame) {
		// (A digest: a place the function holds is the same wherever the
		// function is; one outside it, as it is.)
		bool inside = bh_ir_func_holds(e->frame, l);
		put_u(&e->body, inside);
		if (inside) {
			uint32_t first = e->frame->loc.line;
			put_u(&e->body, l->line - first);
			put_u(&e->body, l->col);
			put_u(&e->body, l->end_line ? (uint64_t)(l->end_line - first) + 1 : 0);
			put_u(&e->body, l->end_col);
			return;
		}
	}
	put_str(e, l->path);
	put_u(&e->body, l->line);
	put_u(&e->body, l->col);
	put_u(&e->body, l->end_line);
	put_u(&e->body, l->end_col);
}

static void put_opnd(encoder *e, const bh_ir_opnd *o)
{
	bh_bytes *b = &e->body;
	put_u(b, (uint64_t)o->kind);
	switch (o->kind) {
	case BH_IR_OPND_NONE: break;
	case BH_IR_OPND_VAR: put_u(b, o->var); break;
	case BH_IR_OPND_INT: put_s(b, o->ival); break;
	case BH_IR_OPND_FLOAT: put_raw(b, &o->fval, sizeof(o->fval)); break;
	case BH_IR_OPND_STR:
		// Decoded bytes may hold NULs: a length, not the table.
		put_u(b, o->str ? (uint64_t)o->len + 1 : 0);
		if (o->str)
			put_raw(b, o->str, o->len);
		break;
	case BH_IR_OPND_FUNC:
		put_str(e, o->str);
		put_str(e, o->usr);
		break;
	}
}

static void put_fn_fields(encoder *e, const bh_ir_fn_field *f, uint32_t n)
{
	put_u(&e->body, n);
	for (uint32_t i = 0; i < n; i++) {
		put_str(e, f[i].field);
		put_str(e, f[i].member);
		put_str(e, f[i].func);
		put_str(e, f[i].usr);
	}
}

static void put_instr(encoder *e, const bh_ir_instr *in)
{
	bh_bytes *b = &e->body;
	put_u(b, (uint64_t)in->op);
	put_u(b, in->id);
	put_loc(e, &in->loc);
	put_opnd(e, &in->dst);
	put_u(b, in->nargs);
	for (uint32_t i = 0; i < in->nargs; i++)
		put_opnd(e, &in->args[i]);
	put_opnd(e, &in->callee);
	put_u(b, (uint64_t)in->noreturn | (uint64_t)in->arrow << 1 | (uint64_t)in->is_unsigned << 2 |
			 (uint64_t)in->array_field << 3 | (uint64_t)in->on_pointers << 4);
	put_u(b, in->bits);
	put_u(b, in->size);
	put_s(b, in->sub);
	put_str(e, in->name);
	put_u(b, in->target[0]);
	put_u(b, in->target[1]);
	if (in->op == BH_IR_SWITCH) {
		put_u(b, in->ncases);
		for (uint32_t i = 0; i < in->ncases; i++) {
			put_s(b, in->cases[i].lo);
			put_s(b, in->cases[i].hi);
			put_u(b, in->cases[i].target);
		}
	} else {
		put_str(e, in->member);
	}
}

// What a function holds besides its head: variables, blocks, instructions.
static void put_body(encoder *e, const bh_ir_func *fn)
{
	bh_bytes *b = &e->body;
	for (uint32_t i = 0; i < fn->nvars; i++) {
		const bh_ir_var *v = &fn->vars[i];
		put_u(b, (uint64_t)v->kind);
		put_u(b, v->flags);
		put_str(e, v->name);
		put_str(e, v->usr);
		put_str(e, v->type);
		put_u(b, v->size);
		put_s(b, v->const_value);
		put_fn_fields(e, v->fn_fields, v->nfn_fields);
		put_loc(e, &v->loc);
	}
	for (uint32_t i = 0; i < fn->nblocks; i++) {
		const bh_ir_block *bl = &fn->blocks[i];
		put_u(b, bl->ninstrs);
		put_u(b, bl->nsuccs);
		for (uint32_t k = 0; k < bl->nsuccs; k++)
			put_u(b, bl->succs[k]);
		put_u(b, bl->npreds);
		for (uint32_t k = 0; k < bl->npreds; k++)
			put_u(b, bl->preds[k]);
		put_str(e, bl->label);
		for (uint32_t k = 0; k < bl->ninstrs; k++)
			put_instr(e, &bl->instrs[k]);
	}
}

static void put_func(encoder *e, const bh_ir_func *fn)
{
	bh_bytes *b = &e->body;
	put_str(e, fn->name);
	put_str(e, fn->usr);
	put_loc(e, &fn->loc);
	put_u(b, fn->nvars);
	put_u(b, fn->nparams);
	put_u(b, fn->nblocks);
	put_u(b, fn->ninstrs);
	put_u(b, fn->cut);
	put_u(b, fn->returns_pointer);
	put_body(e, fn);
}

void bh_ir_unit_encode(const bh_ir_unit *unit, bh_bytes *out)
{
	encoder e = { 0 };
	put_str(&e, unit->path);
	put_u(&e.body, unit->nfuncs);
	for (const bh_ir_func *fn = unit->first; fn; fn = fn->next)
		put_func(&e, fn);
	size_t ntables = 0, ninits = 0;
	for (const bh_ir_table *t = unit->tables; t; t = t->next)
		ntables++;
	put_u(&e.body, ntables);
	for (const bh_ir_table *t = unit->tables; t; t = t->next) {
		put_str(&e, t->key);
		put_fn_fields(&e, t->fields, t->nfields);
	}
	for (const bh_ir_global_init *g = unit->inits; g; g = g->next)
		ninits++;
	put_u(&e.body, ninits);
	for (const bh_ir_global_init *g = unit->inits; g; g = g->next) {
		put_str(&e, g->key);
		put_s(&e.body, g->value);
		put_u(&e.body, g->is_const);
	}
	size_t ndefs = 0;
	for (const bh_ir_global_def *g = unit->defs; g; g = g->next)
		ndefs++;
	put_u(&e.body, ndefs);
	for (const bh_ir_global_def *g = unit->defs; g; g = g->next)
		put_str(&e, g->key);

	put_raw(out, MAGIC, 4);
	put_u(out, VERSION);
	put_u(out, e.order.len);
	for (size_t i = 0; i < e.order.len; i++) {
		size_t n = strlen(e.order.items[i]);
		put_u(out, n);
		put_raw(out, e.order.items[i], n);
	}
	put_raw(out, e.body.items, e.body.len);
	bh_vec_dispose(&e.body);
	bh_vec_dispose(&e.order);
	bh_strids_dispose(&e.strings);
}

void bh_ir_func_digest(const bh_ir_func *fn, bh_sha256 *h)
{
	encoder e = { .frame = fn };
	put_func(&e, fn);
	// The strings in the order the body first names them, then the body.
	uint64_t n = e.order.len;
	bh_sha256_update(h, &n, sizeof(n));
	for (size_t i = 0; i < e.order.len; i++)
		bh_sha256_update(h, e.order.items[i], strlen(e.order.items[i]) + 1);
	n = e.body.len;
	bh_sha256_update(h, &n, sizeof(n));
	bh_sha256_update(h, e.body.items, e.body.len);
	bh_vec_dispose(&e.body);
	bh_vec_dispose(&e.order);
	bh_strids_dispose(&e.strings);
}

// ------------------------------------------------------------------ decode

typedef struct {
	const unsigned char *p, *end;
	bool ok;
	bh_arena *arena;
	const char *const *strings;
	uint64_t nstrings;
	// A packed body (bh_ir__unpack_body): every array is carved from one
	// block of exactly the size bh_ir__body_size gave, not from `arena`.
	char *bump;
	size_t bump_left;
} decoder;

#define BODY_ALIGN 8u

static size_t body_round(size_t n)
{
	return (n + BODY_ALIGN - 1) & ~(size_t)(BODY_ALIGN - 1);
}

static void *get_mem(decoder *d, size_t size)
{
	if (!d->bump)
		return bh_arena_alloc_raw(d->arena, size);
	size = body_round(size);
	if (size > d->bump_left) {
		d->ok = false; // not the body bh_ir__body_size measured
		return NULL;
	}
	void *p = d->bump;
	d->bump += size;
	d->bump_left -= size;
	return p;
}

static uint64_t get_u(decoder *d)
{
	uint64_t v = 0;
	for (unsigned shift = 0; shift < 64; shift += 7) {
		if (d->p >= d->end) {
			d->ok = false;
			return 0;
		}
		unsigned char c = *d->p++;
		v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return v;
	}
	d->ok = false;
	return 0;
}

static int64_t get_s(decoder *d)
{
	uint64_t u = get_u(d);
	return (int64_t)(u >> 1) ^ -(int64_t)(u & 1);
}

// A 32-bit field: larger values are not a unit this build wrote.
static uint32_t get_u32(decoder *d)
{
	uint64_t v = get_u(d);
	if (v > UINT32_MAX)
		d->ok = false;
	return (uint32_t)v;
}

// A count of items each taking at least one byte: no more than the bytes
// left, so that a bad count cannot ask for a huge allocation.
static uint32_t get_count(decoder *d)
{
	uint32_t n = get_u32(d);
	if (n > (size_t)(d->end - d->p))
		d->ok = false;
	return d->ok ? n : 0;
}

static const char *get_str(decoder *d)
{
	uint64_t i = get_u(d);
	if (i > d->nstrings) {
		d->ok = false;
		return NULL;
	}
	return i ? d->strings[i - 1] : NULL;
}

static void *get_array(decoder *d, size_t n, size_t size)
{
	if (!n)
		return NULL;
	void *p = get_mem(d, n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

static bh_loc get_loc(decoder *d)
{
	bh_loc l;
	l.path = get_str(d);
	l.line = get_u32(d);
	l.col = get_u32(d);
	l.end_line = get_u32(d);
	l.end_col = get_u32(d);
	return l;
}

static bh_ir_opnd get_opnd(decoder *d)
{
	bh_ir_opnd o = { 0 };
	uint64_t kind = get_u(d);
	o.kind = (bh_ir_opnd_kind)kind;
	switch (kind) {
	case BH_IR_OPND_NONE: break;
	case BH_IR_OPND_VAR: o.var = get_u32(d); break;
	case BH_IR_OPND_INT: o.ival = get_s(d); break;
	case BH_IR_OPND_FLOAT:
		if ((size_t)(d->end - d->p) < sizeof(o.fval)) {
			d->ok = false;
			break;
		}
		memcpy(&o.fval, d->p, sizeof(o.fval));
		d->p += sizeof(o.fval);
		break;
	case BH_IR_OPND_STR: {
		uint64_t n = get_u(d);
		if (n == 0)
			break;
		if (n - 1 > (uint64_t)(d->end - d->p)) {
			d->ok = false;
			break;
		}
		o.len = (size_t)(n - 1);
		char *str = get_mem(d, o.len + 1); // the bytes may hold NULs
		if (!str)
			break;
		memcpy(str, d->p, o.len);
		str[o.len] = '\0';
		o.str = str;
		d->p += o.len;
		break;
	}
	case BH_IR_OPND_FUNC:
		o.str = get_str(d);
		o.usr = get_str(d);
		break;
	default: d->ok = false;
	}
	return o;
}

static const bh_ir_fn_field *get_fn_fields(decoder *d, uint32_t *n)
{
	*n = get_count(d);
	bh_ir_fn_field *f = get_array(d, *n, sizeof(*f));
	for (uint32_t i = 0; i < *n && d->ok; i++) {
		f[i].field = get_str(d);
		f[i].member = get_str(d);
		f[i].func = get_str(d);
		f[i].usr = get_str(d);
	}
	return f;
}

static void get_instr(decoder *d, bh_ir_instr *in, uint32_t block)
{
	uint64_t op = get_u(d);
	if (op >= BH_IR__OP_COUNT)
		d->ok = false;
	in->op = (bh_ir_op)op;
	in->id = get_u32(d);
	in->block = block;
	in->loc = get_loc(d);
	in->dst = get_opnd(d);
	in->nargs = get_count(d);
	in->args = get_array(d, in->nargs, sizeof(*in->args));
	for (uint32_t i = 0; i < in->nargs && d->ok; i++)
		in->args[i] = get_opnd(d);
	in->callee = get_opnd(d);
	uint64_t flags = get_u(d);
	in->noreturn = flags & 1;
	in->arrow = flags & 2;
	in->is_unsigned = flags & 4;
	in->array_field = flags & 8;
	in->on_pointers = flags & 16;
	uint64_t bits = get_u(d);
	if (bits > UINT8_MAX)
		d->ok = false;
	in->bits = (uint8_t)bits;
	in->size = get_u32(d);
	int64_t sub = get_s(d);
	if (sub < 0 || sub >= (in->op == BH_IR_BINOP ? BH_IR__BIN_COUNT : in->op == BH_IR_UNOP ? BH_IR__UN_COUNT : 1 << 16))
		d->ok = false;
	in->sub = (int)sub;
	in->name = get_str(d);
	in->target[0] = get_u32(d);
	in->target[1] = get_u32(d);
	if (in->op == BH_IR_SWITCH) {
		in->ncases = get_count(d);
		in->cases = get_array(d, in->ncases, sizeof(*in->cases));
		for (uint32_t i = 0; i < in->ncases && d->ok; i++) {
			in->cases[i].lo = get_s(d);
			in->cases[i].hi = get_s(d);
			in->cases[i].target = get_u32(d);
		}
	} else {
		in->member = get_str(d);
	}
}

static uint32_t *get_ids(decoder *d, uint32_t *n)
{
	*n = get_count(d);
	uint32_t *ids = get_array(d, *n, sizeof(*ids));
	for (uint32_t i = 0; i < *n && d->ok; i++)
		ids[i] = get_u32(d);
	return ids;
}

// The variables and blocks of `fn`, whose head is read.
static void get_body(decoder *d, bh_ir_func *fn)
{
	fn->vars = get_array(d, fn->nvars, sizeof(*fn->vars));
	for (uint32_t i = 0; i < fn->nvars && d->ok; i++) {
		bh_ir_var *v = &fn->vars[i];
		v->id = i;
		uint64_t kind = get_u(d);
		if (kind > BH_IR_VAR_TEMP) {
			d->ok = false;
			kind = BH_IR_VAR_TEMP;
		}
		v->kind = (bh_ir_var_kind)kind;
		v->flags = get_u32(d);
		v->name = get_str(d);
		v->usr = get_str(d);
		v->type = get_str(d);
		v->size = get_u(d);
		v->const_value = get_s(d);
		v->fn_fields = get_fn_fields(d, &v->nfn_fields);
		v->loc = get_loc(d);
	}
	fn->blocks = get_array(d, fn->nblocks, sizeof(*fn->blocks));
	uint64_t total = 0;
	for (uint32_t i = 0; i < fn->nblocks && d->ok; i++) {
		bh_ir_block *b = &fn->blocks[i];
		b->id = i;
		b->ninstrs = get_count(d);
		b->succs = get_ids(d, &b->nsuccs);
		b->preds = get_ids(d, &b->npreds);
		b->label = get_str(d);
		b->instrs = get_array(d, b->ninstrs, sizeof(*b->instrs));
		for (uint32_t k = 0; k < b->ninstrs && d->ok; k++)
			get_instr(d, &b->instrs[k], i);
		total += b->ninstrs;
	}
	if (total != fn->ninstrs)
		d->ok = false;
}

static bh_ir_func *get_func(decoder *d)
{
	bh_ir_func *fn = bh_arena_alloc(d->arena, sizeof(*fn));
	fn->name = get_str(d);
	fn->usr = get_str(d);
	fn->loc = get_loc(d);
	fn->nvars = get_count(d);
	fn->nparams = get_u32(d);
	fn->nblocks = get_count(d);
	fn->ninstrs = get_u32(d);
	fn->cut = get_u32(d);
	fn->returns_pointer = get_u(d) != 0;
	if (!d->ok || fn->nparams > fn->nvars || !fn->name)
		return NULL;
	get_body(d, fn);
	// The verifier checks the rest: ids, operands, the CFG.
	if (!d->ok || fn->nblocks == 0 || !bh_ir_verify(fn, d->arena, NULL))
		return NULL;
	return fn;
}

bool bh_ir_unit_decode(bh_ir_unit *out, bh_arena *arena, const unsigned char *data, size_t len)
{
	memset(out, 0, sizeof(*out));
	decoder d = { data, data + len, true, arena, NULL, 0, NULL, 0 };
	if (len < 4 || memcmp(data, MAGIC, 4) != 0)
		return false;
	d.p += 4;
	if (get_u(&d) != VERSION)
		return false;
	d.nstrings = get_count(&d);
	const char **strings = get_array(&d, d.nstrings, sizeof(*strings));
	d.strings = strings;
	for (uint64_t i = 0; i < d.nstrings && d.ok; i++) {
		uint64_t n = get_u(&d);
		if (n > (uint64_t)(d.end - d.p)) {
			d.ok = false;
			break;
		}
		strings[i] = bh_arena_strndup(arena, (const char *)d.p, (size_t)n);
		d.p += n;
	}
	bh_ir_unit u = { 0 };
	u.path = get_str(&d);
	uint32_t nfuncs = get_count(&d);
	for (uint32_t i = 0; i < nfuncs && d.ok; i++) {
		bh_ir_func *fn = get_func(&d);
		if (!fn) {
			d.ok = false;
			break;
		}
		if (u.last)
			u.last->next = fn;
		else
			u.first = fn;
		u.last = fn;
		u.nfuncs++;
	}
	uint32_t ntables = get_count(&d);
	bh_ir_table **tail = &u.tables;
	for (uint32_t i = 0; i < ntables && d.ok; i++) {
		bh_ir_table *t = bh_arena_alloc(arena, sizeof(*t));
		t->key = get_str(&d);
		t->fields = get_fn_fields(&d, &t->nfields);
		*tail = t;
		tail = &t->next;
	}
	uint32_t ninits = get_count(&d);
	bh_ir_global_init **itail = &u.inits;
	for (uint32_t i = 0; i < ninits && d.ok; i++) {
		bh_ir_global_init *g = bh_arena_alloc(arena, sizeof(*g));
		g->key = get_str(&d);
		g->value = get_s(&d);
		g->is_const = get_u(&d) != 0;
		*itail = g;
		itail = &g->next;
	}
	uint32_t ndefs = get_count(&d);
	bh_ir_global_def **dtail = &u.defs;
	for (uint32_t i = 0; i < ndefs && d.ok; i++) {
		bh_ir_global_def *g = bh_arena_alloc(arena, sizeof(*g));
		g->key = get_str(&d);
		g->next = NULL;
		d.ok = d.ok && g->key;
		*dtail = g;
		dtail = &g->next;
	}
	if (!d.ok || d.p != d.end)
		return false;
	*out = u;
	return true;
}

// ------------------------------------------------------------ packed bodies

struct bh_ir__packer {
	encoder e;
};

bh_ir__packer *bh_ir__packer_new(void)
{
	return bh_xcalloc(1, sizeof(bh_ir__packer));
}

void bh_ir__packer_free(bh_ir__packer *p)
{
	if (!p)
		return;
	bh_vec_dispose(&p->e.body);
	bh_vec_dispose(&p->e.order);
	bh_strids_dispose(&p->e.strings);
	free(p);
}

size_t bh_ir__packer_add(bh_ir__packer *p, const bh_ir_func *fn)
{
	size_t at = p->e.body.len;
	put_body(&p->e, fn);
	return at;
}

uint32_t bh_ir__packer_intern(bh_ir__packer *p, const char *s)
{
	return s ? intern(&p->e, s) : UINT32_MAX;
}

const unsigned char *bh_ir__packer_bytes(const bh_ir__packer *p, size_t *len)
{
	*len = p->e.body.len;
	return p->e.body.items;
}

const char *const *bh_ir__packer_strings(const bh_ir__packer *p, size_t *n)
{
	*n = p->e.order.len;
	return p->e.order.items;
}

// Mirrors get_body's allocations (get_array: none for 0 items).
static size_t array_size(size_t n, size_t size)
{
	return n ? body_round(n * size) : 0;
}

static size_t opnd_size(const bh_ir_opnd *o)
{
	return o->kind == BH_IR_OPND_STR && o->str ? body_round(o->len + 1) : 0;
}

size_t bh_ir__body_size(const bh_ir_func *fn)
{
	size_t n = array_size(fn->nvars, sizeof(bh_ir_var)) + array_size(fn->nblocks, sizeof(bh_ir_block));
	for (uint32_t i = 0; i < fn->nvars; i++)
		n += array_size(fn->vars[i].nfn_fields, sizeof(bh_ir_fn_field));
	for (uint32_t i = 0; i < fn->nblocks; i++) {
		const bh_ir_block *b = &fn->blocks[i];
		n += array_size(b->nsuccs, sizeof(uint32_t)) + array_size(b->npreds, sizeof(uint32_t)) +
		     array_size(b->ninstrs, sizeof(bh_ir_instr));
		for (uint32_t k = 0; k < b->ninstrs; k++) {
			const bh_ir_instr *in = &b->instrs[k];
			n += opnd_size(&in->dst) + opnd_size(&in->callee) + array_size(in->nargs, sizeof(bh_ir_opnd));
			for (uint32_t a = 0; a < in->nargs; a++)
				n += opnd_size(&in->args[a]);
			if (in->op == BH_IR_SWITCH)
				n += array_size(in->ncases, sizeof(bh_ir_case));
		}
	}
	return n;
}

bool bh_ir__unpack_body(bh_ir_func *fn, const unsigned char *data, size_t len, const char *const *strings,
			size_t nstrings, void *mem, size_t size)
{
	decoder d = { data, data + len, true, NULL, strings, nstrings, mem, size };
	get_body(&d, fn);
	return d.ok && d.bump_left == 0;
}
