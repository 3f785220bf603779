/* SPDX-License-Identifier: MIT */
/*
 * The IR: one small control-flow graph per C function, the input of every
 * dataflow analysis (bh_flow) and, through them, of the taint and memory
 * rules. The C front end (bh_clang) lowers function bodies into it; the
 * builder below is also how tests write IR by hand.
 *
 * Shape. A function has variables, basic blocks and instructions. Block 0
 * is the entry; every block ends in exactly one terminator (ret, br, jmp,
 * switch, unreachable) and holds no other; every block is reachable from
 * the entry (the builder drops the rest). Successors follow from the
 * terminator, without repeats; predecessors are their exact inverse.
 *
 * Values. Operands are variables (parameters, locals, globals, statics,
 * temporaries), integer and floating constants, string literals with their
 * decoded bytes, and functions named as values. Implicit conversions and
 * parentheses are gone; explicit casts are transparent too, except a
 * conversion to a narrower integer type, which is an ASSIGN with `bits`
 * (it may change the value). An array variable used as a value stands
 * for its address, as in C.
 *
 * Memory model. A variable is one location. A struct field is a location
 * one level deep: `s.f` (FIELD on a struct variable) and `p->f` (FIELD with
 * `arrow` on a pointer value). Arrays are summarized regions: `a[i]` is
 * INDEX on the array variable, whatever `i` is. Anything else goes through
 * LOAD/STORE on a pointer value.
 *
 * Lifetime: everything lives in the arena given to the builder (the
 * unit's arena), with source locations whose paths are context-relative.
 */
#ifndef BULKHEAD_IR_H
#define BULKHEAD_IR_H

#include <stdio.h>

#include "common.h"
#include "vec.h"

typedef struct bh_arena bh_arena;

/* --------------------------------------------------------------- opcodes */

/** Opcodes, generated from analyzer/ir/ir_ops.def. */
typedef enum {
#define BH_IR_OP(sym, name, term) BH_IR_##sym,
#include "../../analyzer/ir/ir_ops.def"
#undef BH_IR_OP
	BH_IR__OP_COUNT
} bh_ir_op;

/** Binary operators of BINOP (comparisons included; `&&`, `||` and `,` become control flow). */
typedef enum {
#define BH_IR_BINOP(sym, spelling) BH_IR_BIN_##sym,
#include "../../analyzer/ir/ir_ops.def"
#undef BH_IR_BINOP
	BH_IR__BIN_COUNT
} bh_ir_binop;

/** Unary operators of UNOP (`&`, `*` and `++`/`--` have their own lowering). */
typedef enum {
#define BH_IR_UNOP(sym, spelling) BH_IR_UN_##sym,
#include "../../analyzer/ir/ir_ops.def"
#undef BH_IR_UNOP
	BH_IR__UN_COUNT
} bh_ir_unop;

/** "assign", "br", ...; "?" when out of range. */
const char *bh_ir_op_name(bh_ir_op op);
/** "+", "<", ...; "?" when out of range. */
const char *bh_ir_binop_spelling(bh_ir_binop op);
const char *bh_ir_unop_spelling(bh_ir_unop op);
/** True for ret, br, jmp, switch, unreachable. */
bool bh_ir_op_is_terminator(bh_ir_op op);
/** The comparison that holds when comparison `op` does not (`<`: `>=`);
 *  any other operator as it is. */
int bh_ir_cmp_negate(int op);
/** The comparison with its operands swapped (`a < b` is `b > a`); any
 *  other operator as it is. */
int bh_ir_cmp_mirror(int op);

/* ------------------------------------------------------------- variables */

typedef enum {
	BH_IR_VAR_PARAM,
	BH_IR_VAR_LOCAL,
	BH_IR_VAR_GLOBAL,  /* file-scope variable, extern or not */
	BH_IR_VAR_STATIC,  /* `static` inside the function */
	BH_IR_VAR_TEMP,    /* made by lowering: holds one intermediate value */
} bh_ir_var_kind;

/** Variable flags. */
enum {
	BH_IR_VAR_ARRAY = 1u << 0,     /* a fixed or variable array: one summarized region */
	BH_IR_VAR_RECORD = 1u << 1,    /* a struct or union: fields are locations */
	BH_IR_VAR_POINTER = 1u << 2,   /* pointer typed */
	BH_IR_VAR_ADDRESSED = 1u << 3, /* its address is taken somewhere in the function */
	BH_IR_VAR_CONST = 1u << 4,     /* a const-qualified integer whose value is `const_value` */
	BH_IR_VAR_INIT = 1u << 5,      /* a global or static integer initialised with `const_value` */
	BH_IR_VAR_UNION = 1u << 6,     /* with BH_IR_VAR_RECORD: a union, whose members share storage */
	BH_IR_VAR_UNSIGNED = 1u << 7,  /* an unsigned integer (not _Bool, not an enum) */
};

/**
 * A field of a global struct, or of the elements of a global array of
 * structs, initialised with a function (`static const struct ops o = {
 * .release = pool_put };`): calls through `o.release` call it. A field
 * that elements of an array initialise with different functions is
 * listed once per function; calls through it call one of them.
 */
typedef struct {
	const char *field;
	const char *member;   /* the field's USR (see bh_ir_instr.member), or NULL */
	const char *func;     /* the function's name */
	const char *usr;      /* and USR, or NULL */
} bh_ir_fn_field;

typedef struct {
	uint32_t id;          /* index in bh_ir_func.vars */
	bh_ir_var_kind kind;
	unsigned flags;       /* BH_IR_VAR_* */
	const char *name;     /* unique in the function: "i", "i.1" for a shadowing i, "%3" for temps */
	const char *usr;      /* globals and statics: the declaration's USR (cross-TU identity), else NULL */
	const char *type;     /* C type as written by clang, or NULL (temps) */
	uint64_t size;        /* byte size of the type, 0 if unknown */
	int64_t const_value;  /* with BH_IR_VAR_CONST or _INIT: the value it is initialised with */
	const bh_ir_fn_field *fn_fields; /* globals: fields initialised with functions (arena) */
	uint32_t nfn_fields;
	bh_loc loc;           /* parameters and locals: their declaration (line 0: unknown) */
} bh_ir_var;

/** A file-scope variable or a function's `static`: one location for the whole program run. */
static inline bool bh_ir_var_is_global(const bh_ir_var *v)
{
	return v->kind == BH_IR_VAR_GLOBAL || v->kind == BH_IR_VAR_STATIC;
}

/* -------------------------------------------------------------- operands */

typedef enum {
	BH_IR_OPND_NONE = 0,
	BH_IR_OPND_VAR,   /* `var` */
	BH_IR_OPND_INT,   /* `ival` */
	BH_IR_OPND_FLOAT, /* `fval` */
	BH_IR_OPND_STR,   /* a string literal: `str`/`len`; `str` NULL for wide literals */
	BH_IR_OPND_FUNC,  /* a function used as a value or called: `str` is its name, `usr` its USR */
} bh_ir_opnd_kind;

typedef struct {
	bh_ir_opnd_kind kind;
	uint32_t var;      /* VAR */
	int64_t ival;      /* INT */
	double fval;       /* FLOAT */
	const char *str;   /* STR: decoded bytes (arena, NUL-terminated, may hold NULs); FUNC: name */
	size_t len;        /* STR: number of decoded bytes, terminator excluded */
	const char *usr;   /* FUNC: USR, or NULL */
} bh_ir_opnd;

/* ---------------------------------------------------------- instructions */

/**
 * One `case` of a SWITCH: values lo..hi (GNU ranges; lo == hi otherwise).
 * A SWITCH's cases are sorted by target block, in source order among
 * those of one target, so that the cases of an edge are found without a
 * walk over all of them (a generated 50,000-case switch stays linear).
 */
typedef struct {
	int64_t lo, hi;
	uint32_t target;
} bh_ir_case;

/**
 * One instruction. Which fields mean something depends on `op`:
 *
 *   ASSIGN       dst = args[0]
 *   UNOP         dst = unop args[0]
 *   BINOP        dst = args[0] binop args[1]
 *   LOAD         dst = *args[0]
 *   STORE        *args[0] = args[1]
 *   ADDR         dst = &args[0]                 (args[0] is a variable)
 *   FIELD        dst = args[0].name | args[0]->name   (`arrow`)
 *   FIELD_STORE  args[0].name = args[1] | args[0]->name = args[1]
 *   FIELD_ADDR   dst = &args[0].name | &args[0]->name
 *   INDEX        dst = args[0][args[1]]
 *   INDEX_STORE  args[0][args[1]] = args[2]
 *   INDEX_ADDR   dst = &args[0][args[1]]
 *   CALL         [dst =] callee(args...)        callee FUNC (direct) or VAR (indirect)
 *   OPAQUE       [dst =] name(args...)          a construct not modelled; reads args
 *   RET          return [args[0]]
 *   BR           args[0] ? target[0] : target[1]
 *   JMP          target[0]
 *   SWITCH       args[0] among cases, else target[0]
 *   UNREACHABLE  (ends a block after a noreturn call)
 *
 * For FIELD*, a `.` access has a struct variable in args[0]; an `->`
 * access has a pointer value. For INDEX*, args[0] is an array variable
 * (the summarized region) or a pointer value.
 *
 * An ASSIGN to a struct or array variable sets it as a whole: the
 * constant 0 zero-fills it (an initialiser list, whose FIELD_STOREs or
 * INDEX_STOREs of the members it names follow), a string literal is the
 * string an array of bytes then holds (`char buf[16] = "abc"`).
 */
typedef struct bh_ir_instr {
	bh_ir_op op;
	uint32_t id;          /* unique in the function, 0..ninstrs-1, in block order */
	uint32_t block;       /* the block holding it */
	uint32_t nargs;       /* of args (ncases sits after sub: in this order the struct has
				 the least padding; every instruction of the program is kept) */
	bh_loc loc;           /* source range of the construct it came from */
	bh_ir_opnd dst;       /* NONE when there is no result */
	bh_ir_opnd *args;     /* arena array of nargs */
	bh_ir_opnd callee;    /* CALL */
	bool noreturn;        /* CALL: the callee never returns */
	bool arrow;           /* FIELD*: `->` rather than `.` */
	bool is_unsigned;     /* BINOP: computed in an unsigned type (or on pointers);
				 ASSIGN with `bits`: converted to an unsigned type */
	/*
	 * Integer width in bits, 0 if unknown or not an integer. BINOP
	 * `+ - * <<` (also from `x++`, `x += y`): of the type the result is
	 * computed in, so that a checker can tell when it wraps. ASSIGN: a
	 * conversion to a narrower integer type (`short s = n`, `(uint8_t)n`);
	 * 0 for a plain copy.
	 */
	uint8_t bits;
	bool array_field;     /* FIELD_ADDR: an array member of 2 or more elements, not a
				 possibly flexible tail (a short last member, through a pointer) */
	bool on_pointers;     /* BINOP: both operands are pointers: a comparison of
				 addresses or `p - q`, the elements between two places of one
				 object (not a count anyone chose) */
	/*
	 * Byte size, 0 if unknown. LOAD, INDEX: of the value read; STORE,
	 * INDEX_STORE, FIELD_STORE: of the value written; INDEX_ADDR: of the
	 * element; FIELD, FIELD_ADDR: of the field (for an array field, the
	 * whole array); BINOP `+`/`-` with a pointer result: of the element the
	 * pointer counts (`p + i` moves i * size bytes).
	 */
	uint32_t size;
	int sub;              /* BINOP: bh_ir_binop; UNOP: bh_ir_unop */
	uint32_t ncases;      /* SWITCH; 0 for every other instruction */
	const char *name;     /* FIELD*: field name; OPAQUE: what it stands for ("asm", "InitListExpr") */
	uint32_t target[2];   /* BR: then, else; JMP, SWITCH: target[0] */
	union {
		bh_ir_case *cases; /* SWITCH, arena array */
		/*
		 * FIELD, FIELD_STORE of a member of function-pointer type: the
		 * member's USR, the same in every unit (`c:@S@ops@FI@run`), so
		 * that a call through `o->run` can find the functions stored
		 * in `run` anywhere in the program; NULL for other members.
		 */
		const char *member;
	};
} bh_ir_instr;

/* ---------------------------------------------------------------- blocks */

typedef struct {
	uint32_t id;           /* index in bh_ir_func.blocks; 0 is the entry */
	bh_ir_instr *instrs;   /* arena array; the last one is the only terminator */
	uint32_t ninstrs;
	uint32_t *succs;       /* arena array, no repeats, in terminator order */
	uint32_t nsuccs;
	uint32_t *preds;       /* arena array, no repeats, ascending */
	uint32_t npreds;
	const char *label;     /* the C label that starts it, or NULL */
} bh_ir_block;

/** Why a function's IR is incomplete. */
enum {
	BH_IR_CUT_DEPTH = 1u << 0,  /* nesting deeper than the limit: inner parts are opaque */
	BH_IR_CUT_SIZE = 1u << 1,   /* more instructions than the limit: the rest was not lowered */
	BH_IR_CUT_ERRORS = 1u << 2, /* clang reported errors inside it: the expressions it could not
				       understand (a macro of a missing generated header) are gone */
};

typedef struct bh_ir_func {
	const char *name;
	const char *usr;       /* USR of the definition: the call graph key */
	bh_loc loc;            /* the definition */
	bh_ir_var *vars;       /* arena array; parameters first, in order */
	uint32_t nvars;
	uint32_t nparams;
	bh_ir_block *blocks;   /* arena array; blocks[0] is the entry */
	uint32_t nblocks;
	uint32_t ninstrs;
	unsigned cut;          /* BH_IR_CUT_*: 0 when the IR is complete */
	bool returns_pointer;  /* its result is a pointer (set by the front end) */
	struct bh_ir_func *next; /* next function of the same unit, or NULL */
	/*
	 * bh_ir_func_digest of the function as lowered, before linking (32
	 * bytes, the unit's arena), when the per-unit cache computed or
	 * stored it; NULL otherwise. Not part of the encoding.
	 */
	const unsigned char *digest;
	/*
	 * Packed IR (include/bulkhead/ir_pack.h), or NULL: then `vars` and
	 * `blocks` are there only between bh_ir_func_acquire and
	 * bh_ir_func_release; everything above them always is, and what
	 * callers ask of the parameters through bh_ir_func_param.
	 */
	struct bh_ir_packed *packed;
} bh_ir_func;

/**
 * Make sure the body (`vars`, `blocks`) of `fn` is there until the
 * matching bh_ir_func_release: a packed function's is decoded if it was
 * not. Calls nest and may come from several threads. A function that is
 * not packed is always there (both calls do nothing). Pointers into the
 * body (variables, instructions, operands) are valid only meanwhile; its
 * strings stay as long as the program.
 */
void bh_ir_func_acquire(const bh_ir_func *fn);
void bh_ir_func_release(const bh_ir_func *fn);

/**
 * What a caller asks of a callee's parameter, there whether or not the
 * callee's body is: its flags (BH_IR_VAR_*) and its C type. A packed
 * function keeps these 16 bytes a parameter, not the whole variable: they
 * are kept for every function of the program.
 */
typedef struct {
	unsigned flags;
	const char *type;
} bh_ir_param;

/** Parameter `i` (< nparams) of `fn`. */
bh_ir_param bh_ir_func_param(const bh_ir_func *fn, uint32_t i);

/**
 * A global defined in a unit with an initialiser that names functions (an
 * operations table), whether or not a function of that unit uses it: a
 * unit that only declares it `extern` still calls through its members.
 */
typedef struct bh_ir_table {
	const char *key;                /* the global's USR, else its name (bh_callgraph_global_key) */
	const bh_ir_fn_field *fields;
	uint32_t nfields;
	struct bh_ir_table *next;
} bh_ir_table;

/**
 * A global integer a unit defines with a constant initialiser (`const int
 * LIMIT = 5;`, `int verbose = 0;`): another unit that only declares it
 * `extern` learns its value when the program is linked.
 */
typedef struct bh_ir_global_init {
	const char *key;                /* the global's USR, else its name */
	int64_t value;
	bool is_const;                  /* const-qualified */
	struct bh_ir_global_init *next;
} bh_ir_global_init;

/**
 * A file-scope variable of external linkage a unit defines (`int verbose;`,
 * `struct cmd commands[] = {...}`, not `extern int verbose;`): where a
 * unit that declares it `extern` links to, and so which units make one
 * program when a context holds several (bh_callgraph.program_of).
 */
typedef struct bh_ir_global_def {
	const char *key;                /* the global's USR, else its name */
	struct bh_ir_global_def *next;
} bh_ir_global_def;

/** The functions of one translation unit, in source order. */
typedef struct bh_ir_unit {
	const char *path;               /* the unit's main file, context-relative; or NULL */
	bh_ir_func *first, *last;
	size_t nfuncs;
	bh_ir_table *tables;            /* its operations tables, or NULL */
	bh_ir_global_init *inits;       /* its initialised integer globals, or NULL */
	bh_ir_global_def *defs;         /* the globals of external linkage it defines, or NULL */
} bh_ir_unit;

/**
 * The instruction with id `id` (a linear walk over blocks is avoided:
 * O(log n)), or NULL when `fn` has no such id.
 */
const bh_ir_instr *bh_ir_instr_at(const bh_ir_func *fn, uint32_t id);

/**
 * The instruction with id `id`, which an analysis took from `fn` itself
 * (a witness, an object's site): one it does not have is a bug, and
 * aborts with file and line rather than being read through NULL.
 */
const bh_ir_instr *bh_ir_instr_of(const bh_ir_func *fn, uint32_t id);

/** The terminator of block `b`. */
const bh_ir_instr *bh_ir_block_terminator(const bh_ir_block *b);

/**
 * The cases of SWITCH `sw` that go to block `to`: sets *first to the index
 * of the first and returns how many (0 when none; the default is not a
 * case). O(log ncases).
 */
uint32_t bh_ir_switch_cases_to(const bh_ir_instr *sw, uint32_t to, uint32_t *first);

/**
 * The variable an instruction defines as a whole (its dst when that is a
 * variable), or UINT32_MAX.
 */
uint32_t bh_ir_instr_def(const bh_ir_instr *in);

/* --------------------------------------------------------------- builder */

/**
 * Builds one function: variables, blocks, instructions, then `finish`
 * computes the CFG. Instructions are appended to the current block; once
 * a terminator has been added, later instructions go to a fresh block
 * with no predecessor (dead code), which `finish` drops. A builder owns
 * heap memory until finish or free.
 */
typedef struct bh_ir_builder bh_ir_builder;

/** Start function `name` (copied into `arena`); `usr` may be NULL. */
bh_ir_builder *bh_ir_builder_new(bh_arena *arena, const char *name, const char *usr, bh_loc loc);

/** Discard a builder without finishing (NULL is a no-op). */
void bh_ir_builder_free(bh_ir_builder *b);

/**
 * Add a variable; `name` and `usr`, `type` are copied. Names are made
 * unique in the function by a ".N" suffix. Parameters must be added first.
 */
uint32_t bh_ir_builder_var(bh_ir_builder *b, bh_ir_var_kind kind, const char *name,
			   const char *usr, const char *type, uint64_t size, unsigned flags);

/** Mark variable `var` with `flags` (e.g. BH_IR_VAR_ADDRESSED). */
void bh_ir_builder_var_flags(bh_ir_builder *b, uint32_t var, unsigned flags);

/** Say where variable `var` is declared (`loc.path` must live as long as the IR). */
void bh_ir_builder_var_loc(bh_ir_builder *b, uint32_t var, bh_loc loc);

/**
 * Say that global or static variable `var` is an integer initialised with
 * `value`; `is_const` when it is const-qualified (`static const int MODE =
 * 5;`): analyses may fold it, or fold the other kind once they know that
 * nothing in the program writes it.
 */
void bh_ir_builder_var_const(bh_ir_builder *b, uint32_t var, int64_t value, bool is_const);

/**
 * Say that global `var`'s initialiser sets these fields to functions;
 * `fields` (n of them) must live as long as the IR (the unit's arena).
 */
void bh_ir_builder_var_fn_fields(bh_ir_builder *b, uint32_t var, const bh_ir_fn_field *fields,
				 uint32_t n);

/** The kind of variable `var` (BH_IR_VAR_TEMP for an unknown id). */
bh_ir_var_kind bh_ir_builder_var_kind(const bh_ir_builder *b, uint32_t var);

/** A new temporary. */
uint32_t bh_ir_builder_temp(bh_ir_builder *b);

/** A new empty block (not current). `label` is copied; may be NULL. */
uint32_t bh_ir_builder_block(bh_ir_builder *b, const char *label);

/** Make `block` current; if the current block is open, it first jumps there. */
void bh_ir_builder_enter(bh_ir_builder *b, uint32_t block, bh_loc loc);

/** The current block. */
uint32_t bh_ir_builder_current(const bh_ir_builder *b);

/** True if the current block already ended with a terminator. */
bool bh_ir_builder_closed(const bh_ir_builder *b);

/**
 * The last instruction of the current block if the block is still open,
 * else NULL. Front ends use it to write a computed value straight into
 * its variable instead of through a copy.
 */
bh_ir_instr *bh_ir_builder_last(bh_ir_builder *b);

/** Instructions added so far (for size budgets). */
uint32_t bh_ir_builder_count(const bh_ir_builder *b);

/**
 * Append an instruction with `nargs` operands (copied) to the current
 * block and return it for the caller to fill the other fields. The
 * pointer is valid until the next append. For terminators use the
 * functions below, which also keep track of the CFG.
 */
bh_ir_instr *bh_ir_builder_add(bh_ir_builder *b, bh_ir_op op, bh_loc loc, bh_ir_opnd dst,
			       const bh_ir_opnd *args, uint32_t nargs);

void bh_ir_builder_jmp(bh_ir_builder *b, uint32_t target, bh_loc loc);
void bh_ir_builder_br(bh_ir_builder *b, bh_ir_opnd cond, uint32_t then_bb, uint32_t else_bb,
		      bh_loc loc);
void bh_ir_builder_ret(bh_ir_builder *b, bh_ir_opnd value, bh_loc loc);
void bh_ir_builder_unreachable(bh_ir_builder *b, bh_loc loc);

/**
 * End the current block with a SWITCH on `value` whose cases are added
 * later with bh_ir_builder_case (the body is lowered after the switch
 * itself). Returns a handle for those calls; the default starts as
 * `default_bb` and can be changed with bh_ir_builder_switch_default.
 */
uint32_t bh_ir_builder_switch(bh_ir_builder *b, bh_ir_opnd value, uint32_t default_bb, bh_loc loc);
void bh_ir_builder_case(bh_ir_builder *b, uint32_t sw, int64_t lo, int64_t hi, uint32_t target);
void bh_ir_builder_switch_default(bh_ir_builder *b, uint32_t sw, uint32_t target);

/** Record why the IR is incomplete (BH_IR_CUT_*). */
void bh_ir_builder_cut(bh_ir_builder *b, unsigned why);

/**
 * Finish: close an open current block with `ret`, drop blocks that the
 * entry cannot reach, renumber, compute successors and predecessors and
 * copy everything into the arena. Frees the builder.
 * Ownership: the function lives in the builder's arena.
 */
bh_ir_func *bh_ir_builder_finish(bh_ir_builder *b);

/**
 * Rewrite loops that provably run once (`for (i = 0; i < 1; i++)`) as
 * straight code: the header goes to the body, the increment to the exit.
 * bh_ir_builder_finish calls it; see ir_loops.c for the conditions.
 */
void bh_ir_straighten_single_trip_loops(bh_ir_func *fn);

/* Operand constructors. */
bh_ir_opnd bh_ir_var_opnd(uint32_t var);
bh_ir_opnd bh_ir_int_opnd(int64_t value);
bh_ir_opnd bh_ir_none_opnd(void);

/* ---------------------------------------------------------------- program */

/**
 * The IR of a whole program: the functions of every translation unit,
 * kept together so that calls can be followed across files.
 */
typedef struct bh_ir_program {
	BH_VEC(bh_ir_unit) units;  /* in unit order */
	BH_VEC(bh_arena *) arenas; /* owned: where the units' IR lives */
	/*
	 * Owned, or NULL: the units are packed as they come in and their
	 * bodies decoded on demand, within a memory budget (ir_pack.h).
	 */
	struct bh_ir_store *store;
	/* bh_ir_program_link's table, applied to bodies decoded later */
	struct bh_ir_link *link;
} bh_ir_program;

void bh_ir_program_init(bh_ir_program *p);

/**
 * Resolve declarations across units, as a linker would: a global integer
 * a function reads through an `extern` declaration gets the initial value
 * (BH_IR_VAR_INIT, and BH_IR_VAR_CONST if const-qualified) of the unit
 * that defines it, so that `if (GLOBAL_CONST_FIVE == 5)` folds in every
 * file. A key two units define with different values (two programs in
 * one context) is left alone. The front end calls it once all units are
 * in (bh_clang_scan); packed bodies take the same facts when decoded.
 */
void bh_ir_program_link(bh_ir_program *p);
/** Free every arena the program owns (and so all of its IR). */
void bh_ir_program_dispose(bh_ir_program *p);

/* -------------------------------------------------------------- verifier */

/**
 * Check the invariants above: one terminator per block and only at its
 * end, successors matching the terminator, predecessors their inverse,
 * every block reachable, instruction ids dense and in order, operands in
 * range and every temporary that is read defined somewhere.
 * @return true if all hold; otherwise false with a static-or-arena
 * explanation in `*why` (may be NULL).
 */
bool bh_ir_verify(const bh_ir_func *fn, bh_arena *arena, const char **why);

/* ---------------------------------------------------------------- dumps */

/**
 * Print `fn` as text: variables, then each block with its predecessors,
 * instructions (with line:col) and successors. Stable: stage goldens
 * (tests/ir/) diff it.
 */
void bh_ir_print(FILE *out, const bh_ir_func *fn);

/** Print one operand / one instruction (no newline) as bh_ir_print does. */
void bh_ir_print_opnd(FILE *out, const bh_ir_func *fn, const bh_ir_opnd *o);
void bh_ir_print_instr(FILE *out, const bh_ir_func *fn, const bh_ir_instr *in);

/**
 * True if argument `a` of `in` is a variable `in` stores into in place
 * rather than reads: `s.f = x` (a FIELD_STORE with `.`) and `arr[i] = x`
 * into an array variable.
 */
bool bh_ir_stores_in_place(const bh_ir_func *fn, const bh_ir_instr *in, uint32_t a);

/** The last instruction of block `b` that assigns variable `var`, or NULL. */
const bh_ir_instr *bh_ir_block_last_def(const bh_ir_block *b, uint32_t var);

/**
 * Does every `return` of `fn` return the same integer literal (`static int
 * returnsTrue(void) { return 1; }`)? Then `*value` is it.
 */
bool bh_ir_func_returns_constant(const bh_ir_func *fn, int64_t *value);

/**
 * Does `l` lie inside `fn`'s definition (its file, its lines from the
 * definition's first to its last, end included when it has one)? Such a
 * place moves with the function when lines above it come or go: the
 * function's digest (bh_ir_func_digest) and the analyses' traces write it
 * relative to the definition's first line.
 */
bool bh_ir_func_holds(const bh_ir_func *fn, const bh_loc *l);

/**
 * The last instruction of `in`'s block before `in` that assigns variable
 * `var` (how a temporary used by `in` was computed), or NULL.
 */
const bh_ir_instr *bh_ir_def_before(const bh_ir_func *fn, const bh_ir_instr *in, uint32_t var);

/**
 * The one instruction of `fn` that assigns variable `var`, or NULL when
 * none or several do; `*ndefs` counts them up to two. (A walk over the
 * whole function: for the rare question, not per instruction.)
 */
const bh_ir_instr *bh_ir_only_def(const bh_ir_func *fn, uint32_t var, size_t *ndefs);

/**
 * A name for what operand `o` of instruction `in` holds, for messages: a
 * variable's name, or for a temporary the expression its block computed
 * it from, one level deep (`s->buf`, `p.len`, `*pp`, `a[...]`); NULL for
 * constants and for temporaries of any other origin. Strings made in
 * `arena`.
 */
const char *bh_ir_operand_text(const bh_ir_func *fn, const bh_ir_instr *in, const bh_ir_opnd *o,
			       bh_arena *arena);

/** Print only the CFG: one line per block, `bbN -> bbA bbB`, and the label. */
void bh_ir_print_cfg(FILE *out, const bh_ir_func *fn);

/** Print the CFG as a Graphviz digraph, instructions in the nodes. */
void bh_ir_print_dot(FILE *out, const bh_ir_func *fn);

#endif
