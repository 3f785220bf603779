// SPDX-License-Identifier: MIT
// Shared by the files of the bounds checker: the interval domain
// (bounds_itv.c), the objects a function's pointers can point into
// (bounds_objects.c), the per-function analysis (bounds_func.c), the
// checks of accesses and library calls (bounds_check.c) and the whole
// program driver with calling contexts (bounds_program.c).
//
// What is tracked. Every integer variable has an interval of values; a
// pointer has an object (a memory region of known or bounded size: an
// array variable, a heap block, a field, a string literal, a variable
// whose address is taken) and an interval of byte offsets into it. Each
// object has, per program point, an interval of sizes (a block allocated
// in a loop with varying sizes) and an interval for the offset of its
// first NUL byte (the length of the string it holds), which proves or
// refutes string copies.
#ifndef BH_BOUNDS_INTERNAL_H
#define BH_BOUNDS_INTERNAL_H

#include <stdint.h>

#include "bulkhead/arena.h"
#include "bulkhead/bounds.h"
#include "bulkhead/callgraph.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/flow.h"
#include "bulkhead/hash.h"
#include "bulkhead/ir.h"
#include "bulkhead/ptrmap.h"

// ------------------------------------------------------------ intervals

#define BH_BND_NINF INT64_MIN
#define BH_BND_PINF INT64_MAX

// A closed interval of int64; INT64_MIN and INT64_MAX stand for the
// infinities. lo > hi is the empty interval.
typedef struct {
	int64_t lo, hi;
} bh_bnd_itv;

bh_bnd_itv bh_bnd_itv_make(int64_t lo, int64_t hi);
bh_bnd_itv bh_bnd_itv_const(int64_t v);
bh_bnd_itv bh_bnd_itv_top(void);
bool bh_bnd_itv_is_top(bh_bnd_itv a);
bool bh_bnd_itv_is_empty(bh_bnd_itv a);
bool bh_bnd_itv_is_const(bh_bnd_itv a, int64_t *v);
bool bh_bnd_itv_finite(bh_bnd_itv a);
bh_bnd_itv bh_bnd_itv_join(bh_bnd_itv a, bh_bnd_itv b);
bh_bnd_itv bh_bnd_itv_meet(bh_bnd_itv a, bh_bnd_itv b);
// Standard widening: a bound that moved goes to its infinity.
bh_bnd_itv bh_bnd_itv_widen(bh_bnd_itv prev, bh_bnd_itv next);
// Arithmetic with saturation: a result that does not fit is unbounded.
bh_bnd_itv bh_bnd_itv_add(bh_bnd_itv a, bh_bnd_itv b);
bh_bnd_itv bh_bnd_itv_sub(bh_bnd_itv a, bh_bnd_itv b);
bh_bnd_itv bh_bnd_itv_mul(bh_bnd_itv a, bh_bnd_itv b);
bh_bnd_itv bh_bnd_itv_div(bh_bnd_itv a, bh_bnd_itv b);
bh_bnd_itv bh_bnd_itv_rem(bh_bnd_itv a, bh_bnd_itv b);
bh_bnd_itv bh_bnd_itv_shl(bh_bnd_itv a, bh_bnd_itv b);
bh_bnd_itv bh_bnd_itv_shr(bh_bnd_itv a, bh_bnd_itv b);
bh_bnd_itv bh_bnd_itv_and(bh_bnd_itv a, bh_bnd_itv b);
bh_bnd_itv bh_bnd_itv_neg(bh_bnd_itv a);
bh_bnd_itv bh_bnd_itv_min(bh_bnd_itv a, bh_bnd_itv b);
// `a op b` for a comparison binop: [1,1] or [0,0] when decided, else [0,1].
bh_bnd_itv bh_bnd_itv_compare(int op, bool is_unsigned, bh_bnd_itv a, bh_bnd_itv b);
// What `a op b` being `truth` says about a: a narrowed (maybe empty).
bh_bnd_itv bh_bnd_itv_refine(int op, bool is_unsigned, bool truth, bh_bnd_itv a, bh_bnd_itv b);
// "5", "0..9", "at least 3", "at most 7", "any value"; arena string.
const char *bh_bnd_itv_text(bh_arena *arena, bh_bnd_itv a);

// ------------------------------------------------------------ relations

// A linear relation of a value to a symbol the intervals cannot pin down:
// the value is k * S + c (exact), or at most that (upper). A symbol is
// the value of a variable (`n`, for `p = malloc(n)` and `i <= n`) or the
// length of the string a variable points to (`strlen(s)`), as they are
// now: a relation dies when its variable is assigned or its string may be
// written. This is what proves `malloc(strlen(s))` one byte short for
// strcpy(), and `i <= n` one element past `malloc(n * sizeof *p)`,
// whatever n is.
typedef struct {
	uint32_t sym;         // BH_BND_SYM_* of a variable + 1, or 0: no relation
	uint32_t upper;       // 1: at most k * S + c; 0: exactly
	int32_t k, c;
} bh_bnd_rel;

// --------------------------------------------------------------- values

// An integer (obj 0) or a pointer into object obj - 1 at byte offsets v.
// A pointer into nothing known is obj 0 with v top.
//
// `ev` says which ends of v are evidence: values the program computes on
// some path (constants, sums of them, bounds the program tested), as
// opposed to ends that only say what the type or an operation can hold
// (`op & 0x7f` is at most 127, which an opcode table of 83 entries never
// sees). Only evidence makes a possible overflow a finding.
//
// `mod`/`rem`: with mod >= 2, every value is rem modulo mod (a loop
// counting `i += 2` from 1 stays odd, so `i < 21` ends it at 19, not 20);
// mod 0 says nothing beyond the interval.
//
// `input`: the value was read from outside the program (a number parsed
// by atoi(), a byte from getc(), a field recv() filled): whoever sends it
// picks it, so every value its type holds is possible, evidence or not.
// `wrap`: the value may have wrapped around on the way (an overflowing
// `n * 16`, a `short s = len` that cut it), which a size computation must
// not use (bounds_wrap.c). Both are the id + 1 of the instruction that
// did it, or 0.
typedef struct {
	bh_bnd_itv v;
	uint32_t obj;
	uint32_t ev;          // BH_BND_EV_*
	uint32_t mod, rem;
	uint32_t input;       // the call that read it + 1, BH_BND_INPUT_CALLER, or 0
	uint32_t wrap;        // the arithmetic or conversion that may have wrapped it + 1, or 0
	bh_bnd_rel rel;       // the value (a pointer: its offset) against a symbol
} bh_bnd_val;

// `input` of a parameter whose caller passed an input value.
#define BH_BND_INPUT_CALLER UINT32_MAX

// EV_*: the finite end is evidence. GROW_*: the end is infinite because
// a loop kept moving an end that was evidence (an induction variable);
// a test that then bounds it (`i < 10`) gives evidence again, while a
// test on a value nothing was known about (a parameter, a call's result)
// only says what the program handles, not what it gets.
enum {
	BH_BND_EV_LO = 1u,
	BH_BND_EV_HI = 2u,
	BH_BND_EV_BOTH = 3u,
	BH_BND_GROW_LO = 4u,
	BH_BND_GROW_HI = 8u,
	// The end is a bound the program tested on a value nothing else
	// bounded (`if (n > 64) return;`): no evidence that n reaches 64, but
	// the program says it may. Kept through copies, joins and constant
	// offsets and scales, for the off-by-one check (bounds_check.c).
	BH_BND_TEST_HI = 16u,
};

bh_bnd_val bh_bnd_int(bh_bnd_itv v, uint32_t ev);
bh_bnd_val bh_bnd_const(int64_t k);
bh_bnd_val bh_bnd_top(void);
bh_bnd_val bh_bnd_ptr(uint32_t obj, bh_bnd_itv off, uint32_t ev);
// The same value seen as an integer (a pointer's offset), congruence kept.
bh_bnd_val bh_bnd_as_int(bh_bnd_val v);
// v with its ends moved inwards to the nearest values its congruence allows.
bh_bnd_val bh_bnd_val_snap(bh_bnd_val v);
// Join of two values of one path each; evidence follows the end kept.
bh_bnd_val bh_bnd_val_join(bh_bnd_val a, bh_bnd_val b);
// The mark (`input`, `wrap`) a join keeps: either, the earlier instruction
// when both have one, so that joins are symmetric.
uint32_t bh_bnd_mark_join(uint32_t a, uint32_t b);
// a narrowed to what interval b (whose ends have evidence `b_ev`) also
// allows, each end with the evidence of the side that gave it; a
// unchanged when they have no value in common (a contradiction the
// caller cannot act on).
bh_bnd_val bh_bnd_val_meet(bh_bnd_val a, bh_bnd_itv b, uint32_t b_ev);
// What a - b can be from their relations to one symbol (`len - off` is
// at least 0 when len is exactly len and off at most len); top when they
// say nothing.
bh_bnd_itv bh_bnd_rel_difference(bh_bnd_val a, bh_bnd_val b);
// prev widen next, on values of the same object.
bh_bnd_val bh_bnd_val_widen(bh_bnd_val prev, bh_bnd_val next);
// a + b, a - b, a * b on the integer parts, with evidence of the ends.
bh_bnd_val bh_bnd_val_add(bh_bnd_val a, bh_bnd_val b);
bh_bnd_val bh_bnd_val_sub(bh_bnd_val a, bh_bnd_val b);
bh_bnd_val bh_bnd_val_mul(bh_bnd_val a, bh_bnd_val b);
// a narrowed by `a op b` being `truth`: a bound that the test moved is
// evidence if b's end was.
bh_bnd_val bh_bnd_val_refine(int op, bool is_unsigned, bool truth, bh_bnd_val a, bh_bnd_val b);

// Where an object lives, which decides the rule of an overflow.
typedef enum {
	BH_BND_STACK,    // local array or variable, alloca
	BH_BND_HEAP,     // malloc and friends
	BH_BND_STATIC,   // global or static variable
	BH_BND_LITERAL,  // string literal (read-only)
	BH_BND_UNKNOWN,  // a field reached through a pointer, the caller's memory
} bh_bnd_storage;

typedef enum {
	BH_BND_OBJ_ARRAY,   // array variable `var`
	BH_BND_OBJ_VAR,     // non-array variable `var` whose address is taken
	BH_BND_OBJ_FIELD,   // the field `name` at FIELD_ADDR instruction `site`
	BH_BND_OBJ_ALLOC,   // the block allocated by the call at `site`
	BH_BND_OBJ_LITERAL, // the string literal assigned at `site`
	BH_BND_OBJ_PARAM,   // what parameter or global `var` points to, in a calling context
	BH_BND_OBJ_RESULT,  // the block a program function returned at call `site`
} bh_bnd_obj_kind;

typedef struct {
	bh_bnd_obj_kind kind;
	bh_bnd_storage storage;
	uint32_t var;         // ARRAY, VAR, PARAM
	uint32_t site;        // FIELD, ALLOC, LITERAL, RESULT: instruction id
	const char *by;       // ALLOC, RESULT: the allocating function; FIELD: field name
	int64_t size;         // static size in bytes, or -1 when it is in the fact
	bh_loc origin;        // PARAM: where the caller made it (for messages)
	const char *origin_text; // PARAM: the caller's description of it
	int part;             // PARAM: the context's part (bh_bnd_part) it comes from, or -1:
			      // the parameter itself; `by` then names the way in (`*pp`)
} bh_bnd_object;

// An object's state at a program point.
typedef struct {
	bh_bnd_itv size;      // bytes
	bh_bnd_itv len;       // offset of the first NUL byte from the start; [0, inf]: unknown
	bh_bnd_rel srel;      // the size against a symbol (`malloc(n * 4)`: exactly 4 * n)
} bh_bnd_ostate;

// The fact: a reachability word, the objects' states, then the tracked
// variables' values (bh_flow_track_vars).
typedef struct {
	uint64_t reached;
} bh_bnd_head;

// --------------------------------------------------------------- models

typedef enum {
	BH_BND_M_NONE = 0,
	BH_BND_M_ALLOC,      // size = arg[n] (* arg[n2])
	BH_BND_M_STRDUP,     // size = strlen(arg[src]) + 1 (strndup: at most arg[n] + 1)
	BH_BND_M_COPY,       // writes arg[n] bytes at dst, reads them at src (memcpy)
	BH_BND_M_FILL,       // writes arg[n] bytes at dst (memset, read, fgets, recv)
	BH_BND_M_STRCPY,     // writes strlen(src) + 1 at dst, reads as much at src
	BH_BND_M_STRCAT,     // writes strlen(dst) + strlen(src) + 1 at dst
	BH_BND_M_STRNCPY,    // writes arg[n] bytes at dst, reads up to them at src
	BH_BND_M_STRNCAT,    // writes strlen(dst) + min(n, strlen(src)) + 1 at dst
	BH_BND_M_BOUNDED,    // writes at most arg[n] bytes at dst, terminated (snprintf, fgets)
	BH_BND_M_READ2,      // reads arg[n] bytes at dst and at src (memcmp)
	BH_BND_M_STRLEN,     // reads strlen(src) + 1 bytes at src; returns the length
	BH_BND_M_READ,       // reads arg[n] (* arg[n2]) bytes at src (write, fwrite, memchr)
	BH_BND_M_READONLY,   // only reads what it is given (strcmp, printf): nothing changes
	BH_BND_M_FORMAT,     // writes what format arg[src] makes of arg[n]... at dst (sprintf;
			     // n -1: a va_list), and its NUL
} bh_bnd_model_kind;

typedef struct {
	const char *name;
	bh_bnd_model_kind kind;
	int dst, src, n, n2; // argument indexes, -1 when none
	unsigned unit;       // bytes per unit of the counts: 1, or 4 for wchar_t functions
	bool fill_zero;      // FILL: the fill value is arg[src] (memset), or 0 when src is -1
			     // (bzero); otherwise the bytes written are unknown (read)
} bh_bnd_model;

// The model of library function `name`, or NULL.
const bh_bnd_model *bh_bnd_model_find(const char *name);
// The table itself, for the unit test that checks its order.
size_t bh_bnd__model_count(void);
const bh_bnd_model *bh_bnd__model_at(size_t i);

// ------------------------------------------------------------- analysis

// A calling context: what each parameter is (at most this many).
#define BH_BND_MAX_PARAMS 8
// Context depth: a callee analysed for a caller's values, and its callees.
#define BH_BND_MAX_DEPTH 4

typedef struct bh_bnd_context bh_bnd_context;

// A value handed to a parameter: an interval, or a pointer at offsets
// `v` into an object of the caller with `size` and `len`.
typedef struct {
	bool known;
	bool pointer;
	bool input;           // an input value of the caller (bh_bnd_val.input)
	uint32_t wrap;        // the caller's wrap mark on it (bh_bnd_val.wrap), reported in the caller
	bh_bnd_itv v;
	uint32_t ev;          // evidence of v's ends (bh_bnd_val)
	bh_bnd_ostate obj;
	bh_bnd_storage storage;
	const char *text;     // the caller's description of the object
	bh_loc origin;        // where the caller made the object
} bh_bnd_arg;

// Globals the callee reads whose value the caller knows (a buffer left in
// `static char *g_data` for the callee): at most this many.
#define BH_BND_MAX_GLOBALS 8

// A value the caller keeps behind or inside an argument, for the callee
// to read: the variable an `&x` points to (`field` "*"), a field of a
// struct passed by value or by address (`field` its name), an element of
// an array passed (`field` "[2]"). These are the callee's slots of the
// parameter (bh_bnd_find_slots), with the same `field`.
#define BH_BND_MAX_PARTS 8

typedef struct {
	uint32_t param;
	const char *field;
	bh_bnd_arg value;
} bh_bnd_part;

struct bh_bnd_context {
	bh_bnd_arg arg[BH_BND_MAX_PARAMS];
	uint32_t nparts;
	bh_bnd_part part[BH_BND_MAX_PARTS];
	uint32_t nglobals;
	uint32_t gvar[BH_BND_MAX_GLOBALS]; // the callee's variable
	bh_bnd_arg garg[BH_BND_MAX_GLOBALS];
	const char *caller;   // function name
	bh_loc call;          // the call's location
	struct bh_bnd_fctx *caller_fctx; // where a wrap the caller made is reported
};

// bh_bnd_val.wrap of a parameter whose caller's argument wrapped: the
// parameter's index below this.
#define BH_BND_WRAP_PARAM 0xffff0000u

// What a function returns, as seen by its callers.
typedef struct {
	bool known;
	bool fresh;           // a new block of `size` bytes (allocation wrapper)
	bool input;           // an integer read from input on some path (bh_bnd_val.input)
	bh_bnd_itv v;         // an integer result, or the fresh block's size
	bool some_fresh;      // not fresh, but it makes a heap block that it may return:
			      // a calling context may decide its other values away
} bh_bnd_ret;

// A set of calling contexts by key (bounds_keys.c), each with a result
// where the set keeps them.
typedef struct {
	bh_hash128 key;
	bh_bnd_ret ret;
	bool used;
} bh_bnd_keyed;

typedef struct {
	bh_bnd_keyed *slots;
	size_t cap, len;
} bh_bnd_keyset;

bh_bnd_keyed *bh_bnd_keyset_find(const bh_bnd_keyset *s, const bh_hash128 *k);
/** The entry of `k`, added (ret zero) if new. */
bh_bnd_keyed *bh_bnd_keyset_add(bh_bnd_keyset *s, const bh_hash128 *k);
/** Empty it (kept for reuse while small). */
void bh_bnd_keyset_clear(bh_bnd_keyset *s);
void bh_bnd_keyset_dispose(bh_bnd_keyset *s);

typedef struct bh_bnd_tracer bh_bnd_tracer;

// The program's state that one function's analysis reads and writes
// beyond its own: what bounds_trace.c records of a top-level analysis.
typedef struct {
	const bh_callgraph *graph;
	bh_arena *arena;      // run scratch: summaries, contexts
	bh_findings *out;
	bh_diags *diags;
	const volatile int *cancel;
	void (*proved_fits)(const bh_loc *call, void *payload);
	void *payload;
	bh_bnd_ret *rets;     // per call graph node: the context-free result, or NULL
	uint8_t *ret_state;   // per node: 0 not computed, 1 in progress, 2 done
	size_t contexts;      // callee analyses made for calling contexts
	bh_bnd_keyset done;   // the calling contexts analysed
	bh_bnd_keyset results; // what callees return in some contexts (with ret)
	uint8_t *contexts_of; // per node: contexts analysed for it
	bh_hash128 *node_ids; // per node: its part of the keys of contexts that call it
	bh_ptrmap models;     // bh_bnd_model_of's answers by the name's address
	bh_bnd_tracer *tracer; // traces across scans (bounds_trace.c), or NULL
} bh_bnd_program;

// One function's analysis.
typedef struct bh_bnd_fctx {
	bh_bnd_program *prog;
	const bh_ir_func *fn;
	const bh_bnd_context *ctx;
	bh_arena *arena;
	bool reporting;
	bh_bnd_ret ret;       // joined over the returns, in the report pass
	uint32_t nrets;
	bh_bnd_object *objs;
	uint32_t nobjs;
	uint32_t *var_obj;    // variable -> its ARRAY/VAR/PARAM object + 1, or 0
	uint32_t *site_obj;   // instruction id -> the object it creates + 1, or 0
	uint32_t part_obj[BH_BND_MAX_PARTS]; // context part -> its object + 1, or 0
	const bh_ir_opnd **fn_value; // variable -> the one function it ever holds, or NULL
	uint32_t *track;      // variable -> index among tracked variables, or UINT32_MAX
	uint32_t ntracked;
	// Field slots, one value each after the tracked variables in the
	// fact: `s.f` on a struct variable, `p->f` on a pointer variable.
	// Also `*p` (field "*") and `p[2]`, `a[2]` (field "[2]") on pointer
	// and array variables: what the variable points to or holds there.
	uint32_t nslots;
	uint32_t *slot_var;   // the base variable
	uint8_t *var_slotted; // per variable: 1 if it is a slot's base
	const char **slot_field;
	bool *slot_arrow;
	uint32_t nvals;       // ntracked + nslots
	bh_bnd_val *scratch;  // values of untracked temporaries inside the current block
	bh_flow_consts consts;
	size_t fact_size;
	bh_flow_result result;
	struct bh_bnd_wrap_site *wraps; // per instruction id, made on the first wrap (bounds_wrap.c)
	uint32_t *tracked_var; // index among tracked variables -> the variable
	uint8_t *sym_ok;      // per symbol: can it be one (a plain local or parameter)?
	uint8_t *sym_used;    // per symbol: has a relation to it been stored? (and
			      // after them: has one to any string's length?)
	uint8_t *random_merge; // per block: the sides of a test of a pseudo-random value meet
			       // here (flow_random.h); NULL when the function has no such test
	bool widened;         // the solve widened a loop head: narrowing may tighten its facts
	uint32_t joining;     // the block whose incoming facts are being joined: edge_acts,
			      // which the solver calls on each incoming edge before joining
			      // it, and transfer_edge (bh_bnd_narrow calls it on each) set it
} bh_bnd_fctx;

#define BH_BND_MAX_OBJECTS 64
#define BH_BND_MAX_SLOTS 64

static inline bh_bnd_head *bh_bnd_head_of(void *f)
{
	return f;
}

static inline bh_bnd_ostate *bh_bnd_objs_of(void *f)
{
	return (bh_bnd_ostate *)((char *)f + sizeof(bh_bnd_head));
}

static inline bh_bnd_val *bh_bnd_vals_of(const bh_bnd_fctx *c, void *f)
{
	return (bh_bnd_val *)((char *)f + sizeof(bh_bnd_head) + c->nobjs * sizeof(bh_bnd_ostate));
}

// What the calling context says of the callee's variable `var` (a
// parameter or a global), or NULL.
const bh_bnd_arg *bh_bnd_ctx_arg(const bh_bnd_fctx *c, uint32_t var);
// What the calling context says of a PARAM object: its parameter's
// argument, or the part it stands for.
const bh_bnd_arg *bh_bnd_object_arg(const bh_bnd_fctx *c, const bh_bnd_object *ob);

// bounds_rel.c: relations. Symbol ids: a variable's value is its id, the
// length of the string it points to its id + nvars, the length of the
// string a field slot points to (`r->name`, `argv[1]`) the slot's index
// + 2 * nvars.
static inline uint32_t bh_bnd_sym_value(const bh_ir_func *fn, uint32_t var)
{
	(void)fn;
	return var;
}

static inline uint32_t bh_bnd_sym_strlen(const bh_ir_func *fn, uint32_t var)
{
	return fn->nvars + var;
}

static inline uint32_t bh_bnd_sym_slot_strlen(const bh_bnd_fctx *c, uint32_t slot)
{
	return 2 * c->fn->nvars + slot;
}

// How many symbols there are; sym_used has one more entry at this index:
// has a relation to any string's length been stored?
static inline uint32_t bh_bnd_sym_count(const bh_bnd_fctx *c)
{
	return 2 * c->fn->nvars + c->nslots;
}

// Which variables can be symbols (c->sym_ok, c->sym_used).
void bh_bnd_rel_init(bh_bnd_fctx *c);
// The relation symbol `sym` has to itself (`n` is exactly n), if it can
// be a symbol, else none.
bh_bnd_rel bh_bnd_rel_self(const bh_bnd_fctx *c, uint32_t sym);
// r + d, r * k (none when it does not fit or scales an upper bound down).
bh_bnd_rel bh_bnd_rel_shift(bh_bnd_rel r, int64_t d);
bh_bnd_rel bh_bnd_rel_scale(bh_bnd_rel r, int64_t k);
// What two paths' relations have in common; widening drops a relation
// that moved.
bh_bnd_rel bh_bnd_rel_join(bh_bnd_rel a, bh_bnd_rel b);
bh_bnd_rel bh_bnd_rel_widen(bh_bnd_rel prev, bh_bnd_rel next);
// "n * 4 + 4", "strlen(s) + 1": arena string.
const char *bh_bnd_rel_text(const bh_bnd_fctx *c, bh_bnd_rel r);
// What the fact's values say of symbol `sym`: a value that is exactly
// S + c, with values I, puts S in I - c. This is how a tested length
// bounds its string: `if (strlen(s) >= sizeof buf) return;` (or `n =
// strlen(s)` tested) leaves strlen(s) below the size, for as long as the
// relation lives. Top when nothing says anything; ends keep the evidence
// of the value that gave them.
bh_bnd_val bh_bnd_rel_bounds(const bh_bnd_fctx *c, void *f, uint32_t sym);
// A relation is about to be stored in the fact: its symbol is now used.
void bh_bnd_rel_note(const bh_bnd_fctx *c, bh_bnd_rel r);
// Variable `var` changes: relations to its value and to its string go,
// and to the strings its slots point to.
void bh_bnd_rel_kill_var(const bh_bnd_fctx *c, void *f, uint32_t var);
// Field slot `slot` (its index among the slots) is given another value:
// relations to the length of the string it pointed to go.
void bh_bnd_rel_kill_slot(const bh_bnd_fctx *c, void *f, uint32_t slot);
// The string of object `obj` (0: anything a pointer of unknown target
// reaches) may have been written: relations to its length go.
void bh_bnd_rel_kill_strings(const bh_bnd_fctx *c, void *f, uint32_t obj);

// bounds_objects.c: the object table of c->fn (and c->var_obj, c->site_obj).
void bh_bnd_find_objects(bh_bnd_fctx *c);
// A description of object `obj` for messages ("local array 'buf'").
const char *bh_bnd_object_text(const bh_bnd_fctx *c, uint32_t obj);
// The field slots of c->fn (after c->track is known), and the value index
// of the slot a FIELD or FIELD_STORE reads or writes, or UINT32_MAX.
void bh_bnd_find_slots(bh_bnd_fctx *c);
// The value index (after the tracked variables) of the slot a FIELD,
// FIELD_STORE, LOAD, STORE, INDEX or INDEX_STORE reads or writes, or
// UINT32_MAX.
uint32_t bh_bnd_slot_of(const bh_bnd_fctx *c, const bh_ir_instr *in);
// The slot index of (var, field, arrow), or UINT32_MAX.
uint32_t bh_bnd_find_slot(const bh_bnd_fctx *c, uint32_t var, const char *field, bool arrow);
// Is a slot's field one of memory a pointer reaches (`*p`, `p[2]`), which
// any store through another pointer may change?
static inline bool bh_bnd_slot_is_memory(const char *field)
{
	return field[0] == '*' || field[0] == '[';
}

// bounds_models.c
/**
 * bh_bnd_model_find for the callee name of an IR call: the same answer,
 * kept by the string's address for the rest of the run (the analyses ask
 * at every call they transfer).
 */
const bh_bnd_model *bh_bnd_model_of(bh_bnd_program *p, const char *name);

// bounds_lattice.c, bounds_edge.c
void bh_bnd_lattice(bh_flow_lattice *lat, size_t fact_size);
void bh_bnd_transfer_edge(void *fact, const bh_ir_func *fn, uint32_t from, uint32_t to, void *payload);
bool bh_bnd_edge_acts(const bh_ir_func *fn, uint32_t from, uint32_t to, void *payload);
void bh_bnd_narrow(bh_bnd_fctx *c, const bh_flow_lattice *lat);
/**
 * Mark in c->random_merge the blocks where the two sides of a test of a
 * pseudo-random value meet (`if (coin()) p = small; else p = large;`).
 */
void bh_bnd_find_random_merges(bh_bnd_fctx *c);
/** The program's function call `in` calls, or NULL. */
const bh_ir_func *bh_bnd_callee_func(const bh_bnd_fctx *c, const bh_ir_instr *in);

// bounds_func.c
void bh_bnd_transfer_block(void *fact, const bh_ir_func *fn, const bh_ir_block *b, void *payload);
bh_bnd_val bh_bnd_eval(const bh_bnd_fctx *c, void *f, const bh_ir_opnd *o);
// Set the variable an instruction defines (tracked or block-local), and
// forget what was known of its fields.
void bh_bnd_set_dst(const bh_bnd_fctx *c, void *f, const bh_ir_instr *in, bh_bnd_val val);
// What code that may write anything through pointer `p` leaves: the
// string `p` points to is unknown, a variable whose address it is may
// hold anything.
void bh_bnd_clobber_through(const bh_bnd_fctx *c, void *f, bh_bnd_val p);
// A library call `in` read input into what `p` points to: a variable
// there now holds a value its sender chose.
void bh_bnd_input_through(const bh_bnd_fctx *c, void *f, bh_bnd_val p, const bh_ir_instr *in);
// What a store of `size` bytes of value `val` at offsets `off` does to
// the length of the string the object holds (st->len).
void bh_bnd_store_bytes(bh_bnd_ostate *st, bh_bnd_itv off, int64_t size, bh_bnd_itv val);
void bh_bnd_analyse_function(bh_bnd_program *p, const bh_ir_func *fn, const bh_bnd_context *ctx,
			     bh_bnd_ret *ret);

// bounds_check.c: the checks of one instruction in the report pass, and
// a library call's effect on the objects it writes.
void bh_bnd_check_access(bh_bnd_fctx *c, void *f, const bh_ir_instr *in);
void bh_bnd_apply_model(bh_bnd_fctx *c, void *f, const bh_ir_instr *in, const bh_bnd_model *m);

// bounds_check.c: the length in bytes of the string operand `o` of
// instruction `in` points to, with its relation to strlen() of a
// variable or of a field slot.
bh_bnd_val bh_bnd_string_len(const bh_bnd_fctx *c, void *f, const bh_ir_instr *in, const bh_ir_opnd *o);

// bounds_format.c: the characters printf format operand `fmt_arg` of `in`
// writes with the values from argument `first_arg` on (-1: a va_list),
// without the NUL.
bh_bnd_val bh_bnd_format_len(const bh_bnd_fctx *c, void *f, const bh_ir_instr *in, int fmt_arg,
			     int first_arg);

// bounds_wrap.c: integer wrap-around. The value an arithmetic BINOP or a
// narrowing ASSIGN (`bits` set) leaves, given `r` computed without limits
// from operands `a` and `b` (b unused for ASSIGN): wrapped into the type
// and marked when the program's values make it wrap. In the report pass,
// a definite signed overflow is reported where it happens.
bh_bnd_val bh_bnd_wrap(bh_bnd_fctx *c, const bh_ir_instr *in, bh_bnd_val r, bh_bnd_val a, bh_bnd_val b);
// What a size use `role` ("the size of malloc()") of value `v` at `in`
// says: a wrapped value there is reported at the instruction that
// wrapped it. `index`: v indexes elements, `extent` of them (-1:
// unknown); a wrapped index that stays inside is harmless.
void bh_bnd_check_wrapped(bh_bnd_fctx *c, const bh_ir_instr *in, bh_bnd_val v, const char *role,
			  bool index, int64_t extent);
// A size argument `o` (value `v`) of library call `in` that can be
// negative: converted to size_t, it is huge (c.integer-underflow).
void bh_bnd_check_negative_size(bh_bnd_fctx *c, const bh_ir_instr *in, const bh_ir_opnd *o,
				bh_bnd_val v, const char *role);
// " (input from atoi() at line 8)" for an `input` mark (with `*call` the
// call that read it, or NULL), "" for none; and the path step it makes.
const char *bh_bnd_input_origin(const bh_bnd_fctx *c, uint32_t input, bh_arena *a,
				const bh_ir_instr **call);
void bh_bnd_add_input_step(bh_findings *out, bh_finding *fd, const bh_ir_instr *call, bh_arena *a);
// What an integer variable's type holds (top for other variables).
bh_bnd_itv bh_bnd_var_range(const bh_ir_var *v);
// The input a library call returns (atoi(), ntohl(), getc(), rand()):
// true with `*out` set when `in` calls one.
bool bh_bnd_input_result(const bh_ir_instr *in, bh_bnd_val *out);
// Does library function `name` read input into the integers its pointer
// arguments point to (scanf family)?
bool bh_bnd_reads_input_into_args(const char *name);
// The input functions' table, for the unit test that checks its order.
size_t bh_bnd__input_count(void);
const char *bh_bnd__input_name(size_t i);

// bounds_program.c: calls to program functions. Whether a call's result
// is a fresh block (analysing the callee first if need be); the effect of
// a call to a program function and, in the report pass, the callee's
// analysis in this calling context (false: the call reaches no function
// of the program).
bool bh_bnd_returns_fresh(bh_bnd_fctx *c, const bh_ir_instr *in);
bool bh_bnd_call_program(bh_bnd_fctx *c, void *f, const bh_ir_instr *in);
// Can a function with no object of its own still hand a callee a value
// to check its accesses against: a constant argument (`sink(10)`, `data =
// 10; sink(data)`), a parameter its own context fixed, or a global it
// sets to a constant before a call? Then it is solved for its calls'
// contexts.
bool bh_bnd_passes_known_values(const bh_bnd_fctx *c);

// bounds_trace.c: traces of top-level analyses across scans
// (include/bulkhead/reuse.h). A top-level analysis (a function analysed
// on its own, with the results and calling contexts it analyses on
// demand) is a function of the functions' IR it reads and of the
// program's state as it first meets each part of it; its trace records
// both, and a later scan replays its writes when all still hold.
typedef enum { BH_BND_COUNT_CONTEXTS, BH_BND_COUNT_DONE, BH_BND_COUNT_RESULTS, BH_BND_NCOUNTS } bh_bnd_count;

/** Start the run's traces (`r` NULL: none; the calls below do nothing). */
void bh_bnd_trace_begin(bh_bnd_program *p, struct bh_reuse *r, const struct bh_callgraph_ids *ids);
void bh_bnd_trace_end(bh_bnd_program *p);
/** Replay top-level node `node` from the earlier scan's trace: false when none holds. */
bool bh_bnd_trace_replay(bh_bnd_program *p, size_t node);
/** Record top-level node `node`'s analysis between start and finish. */
void bh_bnd_trace_start(bh_bnd_program *p, size_t node);
void bh_bnd_trace_finish(bh_bnd_program *p, size_t node);
/** The analysis reads node's IR and graph facts. */
void bh_bnd_note_node(bh_bnd_program *p, size_t node);
/** It reads p->rets[node] and p->ret_state[node], as they are now. */
void bh_bnd_note_ret(bh_bnd_program *p, size_t node);
/** p->rets[node] is computed. */
void bh_bnd_ret_made(bh_bnd_program *p, size_t node);
/** Is counter `which`, `now`, at `limit` or beyond? */
bool bh_bnd_count_reached(bh_bnd_program *p, bh_bnd_count which, size_t now, size_t limit);
/** Is node's count of contexts, `now`, at `limit` or beyond? */
bool bh_bnd_node_count_reached(bh_bnd_program *p, size_t node, unsigned now, unsigned limit);
/** It looks up key `k` in `set` (p->done or p->results): `e` found, or NULL. */
void bh_bnd_note_key(bh_bnd_program *p, const bh_bnd_keyset *set, const bh_hash128 *k, const bh_bnd_keyed *e);
/** It added key `k` to `set`. */
void bh_bnd_key_added(bh_bnd_program *p, const bh_bnd_keyset *set, const bh_hash128 *k);
/** Is a finding of `rule` at `at` reported already (one per rule and place)? */
bool bh_bnd_reported(bh_bnd_program *p, const bh_rule *rule, const bh_loc *at);
/** A string copy at `at` is proved to fit (p->proved_fits, which must be set). */
void bh_bnd_fits(bh_bnd_program *p, const bh_loc *at);

#endif
