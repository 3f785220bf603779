// SPDX-License-Identifier: MIT
// Lowering: from a libclang function definition to bh_ir (include/bulkhead/
// ir.h). Runs inside the walk of clang_tu.c, on the worker thread that owns
// the translation unit, when the walk asks for IR; everything it makes
// lives in the unit's arena, and no libclang handle leaves this file.
//
// Statements become blocks with an exact CFG: if/else, while, do, for,
// switch with fall-through (case labels are children of the body),
// break/continue, goto/labels, return, short-circuit && and ||, ?:, comma,
// and calls to functions that do not return. Expressions become
// three-address instructions over places (a variable, *p, s.f, p->f,
// a[i]); implicit casts, parentheses and explicit casts are looked
// through. Initialiser lists of locals and compound literals become a
// zero fill of the object and one store per member or element they name.
// Whatever is not modelled becomes an OPAQUE instruction that
// still reads the values of its subexpressions, so effects and flows
// into it are kept.
//
// Hostile input: recursion is bounded by MAX_DEPTH (deeper parts become
// opaque) and each function by MAX_INSTRS (the rest is not lowered); both
// mark the function incomplete and add a note. Nothing here can fail.
#include <stdlib.h>
#include <string.h>

#include "bulkhead/clang.h"
#include "bulkhead/ir.h"
#include "bulkhead/text.h"
#include "parse/c/clang_internal.h"

// Nesting of statements and expressions lowered recursively. Real code
// stays far below; generated code and fuzzers do not.
#define MAX_DEPTH 256

// Instructions per function before lowering stops (a 10,000-statement
// function needs about 30,000).
#define MAX_INSTRS 200000

// Bytes of an attribute tokenized to find a noreturn: its first 8 tokens
// are all that is looked at.
#define ATTRIBUTE_BYTES 256

// Arguments an OPAQUE instruction keeps (the rest are still lowered).
#define MAX_OPAQUE_ARGS 16

#define NO_BLOCK UINT32_MAX

typedef bh_clang__decl_slot decl_slot;
typedef bh_clang__decl_map decl_map;

// What `break`, `continue` and `case` refer to at this point.
typedef struct {
	uint32_t brk, cont; // NO_BLOCK outside loops and switches
	uint32_t sw;        // switch handle, or NO_BLOCK outside a switch
} jumps;

typedef enum { PL_VAR, PL_DEREF, PL_FIELD, PL_INDEX, PL_VALUE } place_kind;

// An lvalue. PL_VALUE is one that is not modelled: `base` holds the value
// of the expression, writes to it become OPAQUE.
typedef struct {
	place_kind kind;
	bh_ir_opnd base;   // VAR: the variable; DEREF: the pointer; FIELD: struct variable (.) or pointer (->); INDEX: array variable or pointer
	bh_ir_opnd index;  // INDEX
	const char *field; // FIELD
	const char *member; // FIELD: the member's USR when it holds a function pointer
	bool arrow;        // FIELD
	bool array;        // FIELD: the field is an array
	uint32_t size;     // DEREF, FIELD, INDEX: byte size of the object designated (0: unknown)
} place;

typedef struct {
	bh_clang__walk *w;
	bh_ir_builder *b;
	bh_arena *arena;
	decl_map vars, labels;
	BH_VEC(CXCursor) scratch; // children of the constructs being lowered
	jumps j;
	int depth;
	bool stopped;             // MAX_INSTRS reached: lower nothing more
	bh_loc loc;               // the function's location: where nothing nearer has one
	unsigned offset;          // the function's first byte in its file
	struct stmt_loc *stmt;    // the statement being lowered, innermost first
	CXCursor last_at;         // the cursor loc_of() was last asked about,
	int last_state;           // 0: none yet, 1: `last_loc` is its location, 2: it has none
	bh_loc last_loc;
} lower;

static void lower_stmt(lower *l, CXCursor s);
static bh_ir_opnd rvalue(lower *l, CXCursor e);
static void effect(lower *l, CXCursor e);
static void assign_var(lower *l, uint32_t var, bh_ir_opnd v, CXCursor at);
static void lower_cond(lower *l, CXCursor e, uint32_t t, uint32_t f);
static place lower_place(lower *l, CXCursor e);
static bh_ir_opnd compound_literal(lower *l, CXCursor e);

// ------------------------------------------------------------ cursor maps

static decl_slot *map_find(decl_map *m, CXCursor key, bool insert)
{
	if (insert && (m->len + 1) * 2 > m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 32;
		decl_slot *slots = bh_xcalloc(cap, sizeof(*slots));
		for (size_t i = 0; i < m->cap; i++) {
			if (!m->slots[i].used)
				continue;
			size_t j = clang_hashCursor(m->slots[i].key) & (cap - 1);
			while (slots[j].used)
				j = (j + 1) & (cap - 1);
			slots[j] = m->slots[i];
		}
		free(m->slots);
		m->slots = slots;
		m->cap = cap;
	}
	if (m->cap == 0)
		return NULL;
	size_t j = clang_hashCursor(key) & (m->cap - 1);
	while (m->slots[j].used) {
		if (clang_equalCursors(m->slots[j].key, key))
			return &m->slots[j];
		j = (j + 1) & (m->cap - 1);
	}
	if (!insert)
		return NULL;
	m->slots[j].used = true;
	m->slots[j].key = key;
	m->len++;
	return &m->slots[j];
}

static void map_dispose(decl_map *m)
{
	free(m->slots);
	memset(m, 0, sizeof(*m));
}

void bh_clang__decl_map_dispose(bh_clang__decl_map *m)
{
	map_dispose(m);
}

// ---------------------------------------------------------------- helpers

static enum CXCursorKind kind_of(CXCursor c)
{
	return clang_getCursorKind(c);
}

// A statement's location, made only when an instruction of it has none of
// its own (a macro from a system header): one libclang extent and two
// expansion lookups per statement were a tenth of lowering.
typedef struct stmt_loc {
	CXCursor at;
	int state;                // 0: not made yet, 1: `loc` is it, 2: it has none
	bh_loc loc;
	struct stmt_loc *outer;
} stmt_loc;

static bh_loc loc_of(lower *l, CXCursor c)
{
	bh_loc loc;
	// (Consecutive instructions often come from one expression: its
	// operation and the temporaries it computes.)
	if (l->last_state && clang_equalCursors(c, l->last_at) && l->last_state == 1)
		return l->last_loc;
	l->last_at = c;
	l->last_state = bh_clang__cursor_loc(l->w, c, &loc) ? 1 : 2;
	if (l->last_state == 1) {
		l->last_loc = loc;
		return loc;
	}
	for (stmt_loc *s = l->stmt; s; s = s->outer) {
		if (!s->state)
			s->state = bh_clang__cursor_loc(l->w, s->at, &s->loc) ? 1 : 2;
		if (s->state == 1)
			return s->loc;
	}
	return l->loc;
}

// Push the children of `c` on the scratch stack; returns where they start.
// The caller reads them by index (the stack may move while it recurses)
// and pops them by resetting `scratch.len` to the returned base.
static enum CXChildVisitResult push_child(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	lower *l = data;
	bh_vec_push(&l->scratch, c);
	return CXChildVisit_Continue;
}

static size_t push_children(lower *l, CXCursor c)
{
	size_t base = l->scratch.len;
	clang_visitChildren(c, push_child, l);
	return base;
}

static bool type_is_array(CXType t)
{
	t = clang_getCanonicalType(t);
	return t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray ||
	       t.kind == CXType_VariableArray || t.kind == CXType_DependentSizedArray;
}

static bool type_is_pointer(CXType t)
{
	return clang_getCanonicalType(t).kind == CXType_Pointer;
}

static bool type_is_function(CXType t)
{
	enum CXTypeKind k = clang_getCanonicalType(t).kind;
	return k == CXType_FunctionProto || k == CXType_FunctionNoProto;
}

static const char *kind_name(lower *l, CXCursor c)
{
	CXString s = clang_getCursorKindSpelling(kind_of(c));
	const char *name = bh_arena_strdup(l->arena, clang_getCString(s) ? clang_getCString(s) : "?");
	clang_disposeString(s);
	return name;
}

// The context-relative path of the file clang names `usr` after (a
// declaration with internal linkage: "c:util.c@F@release", the base name
// of its first declaration's file), or NULL: outside the context, or not
// that file.
static const char *located_usr_path(lower *l, CXCursor c, const char *usr, const char *at)
{
	CXFile file;
	clang_getExpansionLocation(clang_getCursorLocation(clang_getCanonicalCursor(c)), &file, NULL,
				   NULL, NULL);
	const char *path = bh_clang__file_path(l->w, file);
	if (!path)
		return NULL;
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = (size_t)(at - (usr + 2));
	return strlen(base) == n && memcmp(base, usr + 2, n) == 0 ? path : NULL;
}

// A declaration's USR, the key the whole-program analyses find it by.
// Clang names a static function or variable after its file's base name
// ("c:util.c@F@release"), so two files of one project with that name
// (a/util.c and b/util.c, src/dict.c and deps/hiredis/dict.c) would share
// the key, and calls in one would take the other's body: the file's path
// in the context tells them apart ("c:a/util.c@F@release"). Outside the
// context the base name stays.
static const char *usr_of(lower *l, CXCursor c)
{
	CXString s = clang_getCursorUSR(c);
	const char *u = clang_getCString(s);
	const char *copy = NULL;
	if (u && u[0]) {
		const char *at = strncmp(u, "c:", 2) == 0 && u[2] && u[2] != '@' ? strchr(u + 2, '@') : NULL;
		const char *path = at ? located_usr_path(l, c, u, at) : NULL;
		copy = path ? bh_arena_sprintf(l->arena, "c:%s%s", path, at) : bh_arena_strdup(l->arena, u);
	}
	clang_disposeString(s);
	return copy;
}

// A function's `static` has a USR with the byte offset of its
// declaration in the file ("c:f.c@70@F@f@next"): written from the
// function's first byte instead ("c:f.c@+38@F@f@next"), it stays the same
// when lines above the function come or go, as its digest must.
static const char *local_static_usr(lower *l, CXCursor decl)
{
	const char *usr = usr_of(l, decl);
	const char *at = usr ? strchr(usr, '@') : NULL;
	char *end;
	unsigned long off = at ? strtoul(at + 1, &end, 10) : 0;
	if (!at || end == at + 1 || strncmp(end, "@F@", 3) != 0 || off < l->offset)
		return usr;
	return bh_arena_sprintf(l->arena, "%.*s@+%lu%s", (int)(at - usr), usr, off - l->offset, end);
}

// A type's spelling, with where an unnamed struct, union or enum
// declared inside the function is ("struct (unnamed struct at
// /src/f.c:12:3)") written from the function's first line
// ("(unnamed struct at +4:3)"), as its digest must be. Heap: the caller
// frees it once bh_ir_builder_var has its copy.
static char *type_text(lower *l, CXType t)
{
	CXString ts = clang_getTypeSpelling(t);
	const char *text = clang_getCString(ts);
	BH_VEC(char) out = { 0 };
	uint32_t first = l->loc.line, last = l->loc.end_line ? l->loc.end_line : l->loc.line;
	const char *c = text ? text : "";
	for (const char *at; (at = strstr(c, " at ")) != NULL;) {
		const char *close = strchr(at, ')');
		// path:line:col right before the parenthesis
		const char *colon2 = close ? close : at;
		while (colon2 > at && colon2[-1] >= '0' && colon2[-1] <= '9')
			colon2--;
		const char *colon1 = colon2 > at + 1 && colon2[-1] == ':' ? colon2 - 1 : NULL;
		while (colon1 && colon1 > at && colon1[-1] >= '0' && colon1[-1] <= '9')
			colon1--;
		unsigned long line = colon1 && colon1[-1] == ':' ? strtoul(colon1, NULL, 10) : 0;
		// (In the function's own file: the spelling's path ends with it.)
		size_t plen = line ? (size_t)(colon1 - 1 - (at + 4)) : 0, flen = l->loc.path ? strlen(l->loc.path) : 0;
		bool same_file = flen && plen >= flen && memcmp(colon1 - 1 - flen, l->loc.path, flen) == 0 &&
				 (plen == flen || colon1[-2 - (ptrdiff_t)flen] == '/');
		size_t upto = (size_t)(at + 4 - c);
		bh_vec_reserve(&out, upto);
		memcpy(out.items + out.len, c, upto);
		out.len += upto;
		c = at + 4;
		if (close && same_file && first && line >= first && line <= last) {
			char rel[32];
			int n = snprintf(rel, sizeof(rel), "+%lu:", line - first);
			bh_vec_reserve(&out, (size_t)n);
			memcpy(out.items + out.len, rel, (size_t)n);
			out.len += (size_t)n;
			c = colon2;
		}
	}
	size_t rest = strlen(c) + 1;
	bh_vec_reserve(&out, rest);
	memcpy(out.items + out.len, c, rest);
	clang_disposeString(ts);
	return out.items;
}

static bool is_function_pointer(CXType t)
{
	t = clang_getCanonicalType(t);
	if (t.kind != CXType_Pointer)
		return false;
	CXType f = clang_getCanonicalType(clang_getPointeeType(t));
	return f.kind == CXType_FunctionProto || f.kind == CXType_FunctionNoProto;
}

// The USR of struct member `field` (a FieldDecl) when it holds a function
// pointer, else NULL: calls through such members are resolved across the
// program (bh_ir_instr.member).
static const char *function_member_usr(lower *l, CXCursor field)
{
	if (kind_of(field) != CXCursor_FieldDecl || !is_function_pointer(clang_getCursorType(field)))
		return NULL;
	return usr_of(l, field);
}

static enum CXChildVisitResult first_field(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_FieldDecl)
		return CXChildVisit_Continue;
	*(CXCursor *)data = c;
	return CXChildVisit_Break;
}

// The members of a union share their storage: an access to any of them
// (`u.second` after `u.first = p`, or `s->b` of an anonymous union in a
// struct) is keyed by the union's first member, so that what is stored
// through one is read through the other. NULL for a struct member.
static const char *union_member_key(lower *l, CXCursor field)
{
	if (kind_of(field) != CXCursor_FieldDecl)
		return NULL;
	CXCursor parent = clang_getCursorSemanticParent(field);
	if (kind_of(parent) != CXCursor_UnionDecl)
		return NULL;
	CXCursor first = clang_getNullCursor();
	clang_visitChildren(parent, first_field, &first);
	if (clang_Cursor_isNull(first) || clang_equalCursors(first, field))
		return NULL;
	return bh_clang__spelling(l->arena, first);
}

// True when the limits say stop: deeper than MAX_DEPTH or too many
// instructions. Marks the function incomplete.
static bool over_budget(lower *l)
{
	if (l->stopped)
		return true;
	if (bh_ir_builder_count(l->b) >= MAX_INSTRS) {
		l->stopped = true;
		bh_ir_builder_cut(l->b, BH_IR_CUT_SIZE);
		return true;
	}
	if (l->depth >= MAX_DEPTH) {
		bh_ir_builder_cut(l->b, BH_IR_CUT_DEPTH);
		return true;
	}
	return false;
}

static bh_ir_opnd new_temp(lower *l)
{
	return bh_ir_var_opnd(bh_ir_builder_temp(l->b));
}

static bh_ir_instr *emit(lower *l, bh_ir_op op, CXCursor at, bh_ir_opnd dst,
			 const bh_ir_opnd *args, uint32_t nargs)
{
	return bh_ir_builder_add(l->b, op, loc_of(l, at), dst, args, nargs);
}

// `dst = op(args)` into a fresh temporary; returns the temporary.
static bh_ir_opnd emit_value(lower *l, bh_ir_op op, CXCursor at, const bh_ir_opnd *args,
			     uint32_t nargs, bh_ir_instr **out)
{
	bh_ir_opnd t = new_temp(l);
	bh_ir_instr *in = emit(l, op, at, t, args, nargs);
	if (out)
		*out = in;
	return t;
}

// Jump to `block` unless the current block already ended.
static void goto_block(lower *l, uint32_t block, CXCursor at)
{
	if (!bh_ir_builder_closed(l->b))
		bh_ir_builder_jmp(l->b, block, loc_of(l, at));
}

static void enter(lower *l, uint32_t block, CXCursor at)
{
	bh_ir_builder_enter(l->b, block, loc_of(l, at));
}

// An opaque stand-in for `e`: reads the values of its expression children
// (so calls inside still happen and flows into it are kept).
static bh_ir_opnd opaque(lower *l, CXCursor e, const char *name, bool lower_kids)
{
	bh_ir_opnd args[MAX_OPAQUE_ARGS];
	uint32_t n = 0;
	if (lower_kids && !over_budget(l)) {
		size_t base = push_children(l, e);
		size_t count = l->scratch.len - base;
		for (size_t i = 0; i < count; i++) {
			CXCursor kid = l->scratch.items[base + i];
			if (!clang_isExpression(kind_of(kid)))
				continue;
			bh_ir_opnd v = rvalue(l, kid);
			if (n < MAX_OPAQUE_ARGS && v.kind != BH_IR_OPND_NONE)
				args[n++] = v;
		}
		l->scratch.len = base;
	}
	bh_ir_instr *in;
	bh_ir_opnd t = emit_value(l, BH_IR_OPAQUE, e, args, n, &in);
	in->name = name ? name : kind_name(l, e);
	return t;
}

// What clang made of code it could not understand (a RecoveryExpr, of
// dependent type in C: `thr->rng` when a missing header left thr's struct
// incomplete). Its operands run for their effects, but the value is an
// opaque one of its own: taken as a copy of `thr`, `thr->rng[x] = rand()`
// would taint all of *thr.
static bh_ir_opnd recovered(lower *l, CXCursor e)
{
	if (!over_budget(l)) {
		size_t base = push_children(l, e);
		size_t count = l->scratch.len - base;
		for (size_t i = 0; i < count; i++) {
			CXCursor kid = l->scratch.items[base + i];
			if (clang_isExpression(kind_of(kid)))
				(void)rvalue(l, kid);
		}
		l->scratch.len = base;
	}
	return opaque(l, e, "RecoveryExpr", false);
}

// ------------------------------------------------------------- constants

// An integer constant expression made of literals, enumerators, sizeof
// and operators only: folding it is exact. Variables, even const ones,
// are left to the dataflow (that correlation is path sensitivity's job).
static bool is_literal_constant(CXCursor e, int depth)
{
	if (depth > 16)
		return false;
	switch (kind_of(e)) {
	case CXCursor_IntegerLiteral:
	case CXCursor_CharacterLiteral:
	case CXCursor_UnaryExpr: // sizeof, _Alignof
		return true;
	case CXCursor_DeclRefExpr:
		return kind_of(clang_getCursorReferenced(e)) == CXCursor_EnumConstantDecl;
	case CXCursor_ParenExpr:
	case CXCursor_UnexposedExpr:
	case CXCursor_CStyleCastExpr:
	case CXCursor_UnaryOperator:
	case CXCursor_BinaryOperator:
	case CXCursor_ConditionalOperator: {
		CXCursor kids[4];
		unsigned n = bh_clang__children(e, kids, 4);
		if (n == 0 || n > 3)
			return false;
		for (unsigned i = 0; i < n; i++) {
			if (kind_of(kids[i]) == CXCursor_TypeRef)
				continue;
			if (!is_literal_constant(kids[i], depth + 1))
				return false;
		}
		return true;
	}
	default:
		return false;
	}
}

static bool eval_int(CXCursor e, int64_t *out)
{
	CXEvalResult r = clang_Cursor_Evaluate(e);
	if (!r)
		return false;
	bool ok = clang_EvalResult_getKind(r) == CXEval_Int;
	if (ok)
		*out = clang_EvalResult_isUnsignedInt(r) ? (int64_t)clang_EvalResult_getAsUnsigned(r)
							 : clang_EvalResult_getAsLongLong(r);
	clang_EvalResult_dispose(r);
	return ok;
}

// `__LINE__` (spelled nowhere in a file: the preprocessor's scratch
// space), with its value on one of the function's own lines: where the
// function is, which no analysis needs and which would make a function
// that only moved differ (an assert's line). A number pasted together
// with ## is spelled there too; only one that happens to equal a line
// of the function is taken for a line.
static bool is_line_macro(lower *l, CXCursor e, int64_t value)
{
	uint32_t first = l->loc.line, last = l->loc.end_line ? l->loc.end_line : l->loc.line;
	if (!first || value < first || value > last)
		return false;
	CXFile f;
	clang_getSpellingLocation(clang_getCursorLocation(e), &f, NULL, NULL, NULL);
	return !f;
}

static bool eval_float(CXCursor e, double *out)
{
	CXEvalResult r = clang_Cursor_Evaluate(e);
	if (!r)
		return false;
	bool ok = clang_EvalResult_getKind(r) == CXEval_Float;
	if (ok)
		*out = clang_EvalResult_getAsDouble(r);
	clang_EvalResult_dispose(r);
	return ok;
}

// ------------------------------------------------------------- variables

// ------------------------------------------------ function tables

// What an initialiser element names when it is a function (`pool_put`,
// `&pool_put`, `(handler)pool_put`): its cursor, or a null cursor.
static CXCursor function_named(CXCursor e, int depth)
{
	if (kind_of(e) == CXCursor_DeclRefExpr) {
		CXCursor r = clang_getCursorReferenced(e);
		return kind_of(r) == CXCursor_FunctionDecl ? r : clang_getNullCursor();
	}
	if (depth > 3 || kind_of(e) == CXCursor_InitListExpr)
		return clang_getNullCursor();
	CXCursor only;
	return bh_clang__children(e, &only, 1) == 1 ? function_named(only, depth + 1)
						     : clang_getNullCursor();
}

typedef struct {
	lower *l;
	const char **fields;  // the struct's field names, in order
	const char **members; // ... and their USRs when they hold function pointers
	size_t nfields;
	size_t pos;           // the next positional field
	BH_VEC(bh_ir_fn_field) out;
	bool conflict_seen;
} table_walk;

static enum CXVisitorResult collect_field(CXCursor c, CXClientData data)
{
	table_walk *tw = data;
	CXString s = clang_getCursorSpelling(c);
	const char **grown = bh_arena_alloc(tw->l->arena, (tw->nfields + 1) * sizeof(*grown));
	const char **usrs = bh_arena_alloc(tw->l->arena, (tw->nfields + 1) * sizeof(*usrs));
	if (tw->nfields) {
		memcpy(grown, tw->fields, tw->nfields * sizeof(*grown));
		memcpy(usrs, tw->members, tw->nfields * sizeof(*usrs));
	}
	grown[tw->nfields] = bh_arena_strdup(tw->l->arena, clang_getCString(s));
	usrs[tw->nfields++] = function_member_usr(tw->l, c);
	tw->fields = grown;
	tw->members = usrs;
	clang_disposeString(s);
	return CXVisit_Continue;
}

// Record that `field` holds `fn`, once per field and function (the rows
// of an array may name different ones).
static void note_table_field(table_walk *tw, const char *field, const char *member, CXCursor fn)
{
	CXString name = clang_getCursorSpelling(fn);
	for (size_t i = 0; i < tw->out.len; i++)
		if (strcmp(tw->out.items[i].field, field) == 0 &&
		    strcmp(tw->out.items[i].func, clang_getCString(name)) == 0) {
			clang_disposeString(name);
			return;
		}
	const char *usr = usr_of(tw->l, fn);
	bh_ir_fn_field f = { field, member, bh_arena_strdup(tw->l->arena, clang_getCString(name)), usr };
	clang_disposeString(name);
	bh_vec_push(&tw->out, f);
}

static enum CXChildVisitResult table_element(CXCursor e, CXCursor parent, CXClientData data)
{
	(void)parent;
	table_walk *tw = data;
	const char *field = NULL, *member = NULL;
	CXCursor value = e;
	// `.put = pool_put` is an unexposed expression holding the member and the value.
	CXCursor kids[2];
	if (bh_clang__children(e, kids, 2) == 2 && kind_of(kids[0]) == CXCursor_MemberRef) {
		CXString s = clang_getCursorSpelling(kids[0]);
		field = bh_arena_strdup(tw->l->arena, clang_getCString(s));
		clang_disposeString(s);
		value = kids[1];
		for (size_t i = 0; i < tw->nfields; i++)
			if (strcmp(tw->fields[i], field) == 0) {
				tw->pos = i + 1;
				member = tw->members[i];
			}
	} else if (tw->pos < tw->nfields) {
		member = tw->members[tw->pos];
		field = tw->fields[tw->pos++];
	}
	CXCursor fn = function_named(value, 0);
	if (field && !clang_Cursor_isNull(fn))
		note_table_field(tw, field, member, fn);
	return CXChildVisit_Continue;
}

// An array element `{ f, g }`: a struct initialiser of its own.
static enum CXChildVisitResult table_row(CXCursor e, CXCursor parent, CXClientData data)
{
	(void)parent;
	table_walk *tw = data;
	if (kind_of(e) == CXCursor_InitListExpr) {
		tw->pos = 0;
		clang_visitChildren(e, table_element, tw);
	}
	return CXChildVisit_Continue;
}

// An element of a function pointer's (or array of them's) initialiser.
static enum CXChildVisitResult pointer_element(CXCursor e, CXCursor parent, CXClientData data)
{
	(void)parent;
	table_walk *tw = data;
	CXCursor fn = function_named(e, 0);
	if (!clang_Cursor_isNull(fn))
		note_table_field(tw, "", NULL, fn);
	return CXChildVisit_Continue;
}

static enum CXChildVisitResult find_init_list(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	if (kind_of(c) == CXCursor_InitListExpr) {
		*(CXCursor *)data = c;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Continue;
}

// The fields that the initialiser of global struct, or array of structs,
// `decl` (of canonical type `ct`) sets to functions (an operations table),
// or the functions a function pointer (or array of them) is initialised
// with, in the arena; returns their number.
static uint32_t function_table(lower *l, CXCursor decl, CXType ct, bh_ir_fn_field **out)
{
	*out = NULL;
	CXCursor def = clang_getCursorDefinition(decl);
	if (clang_Cursor_isNull(def))
		return 0;
	bool array = ct.kind == CXType_ConstantArray || ct.kind == CXType_IncompleteArray;
	CXType record = array ? clang_getCanonicalType(clang_getArrayElementType(ct)) : ct;
	table_walk tw = { .l = l };
	if (is_function_pointer(record)) {
		// `log_fn logger = default_log;`, `handler_fn handlers[] = { a, b };`:
		// the variable itself (field "", no member) holds the functions.
		CXCursor init = clang_Cursor_getVarDeclInitializer(def);
		if (array && !clang_Cursor_isNull(init))
			clang_visitChildren(init, pointer_element, &tw);
		else if (!clang_Cursor_isNull(init))
			(void)pointer_element(init, def, &tw);
	} else if (record.kind == CXType_Record) {
		CXCursor init = clang_getNullCursor();
		clang_visitChildren(def, find_init_list, &init);
		if (clang_Cursor_isNull(init))
			return 0;
		clang_Type_visitFields(record, collect_field, &tw);
		clang_visitChildren(init, array ? table_row : table_element, &tw);
	}
	uint32_t n = (uint32_t)tw.out.len;
	if (n) {
		*out = bh_arena_alloc(l->arena, n * sizeof(**out));
		memcpy(*out, tw.out.items, n * sizeof(**out));
	}
	bh_vec_dispose(&tw.out);
	return n;
}

// An operations table a function uses: record it on the variable.
static void note_function_table(lower *l, CXCursor decl, CXType ct, uint32_t id)
{
	bh_ir_fn_field *fields;
	uint32_t n = function_table(l, decl, ct, &fields);
	if (n)
		bh_ir_builder_var_fn_fields(l->b, id, fields, n);
}

static bool is_unsigned_type(CXType t)
{
	t = clang_getCanonicalType(t);
	switch (t.kind) {
	case CXType_Bool: case CXType_Char_U: case CXType_UChar: case CXType_UShort:
	case CXType_UInt: case CXType_ULong: case CXType_ULongLong: case CXType_UInt128:
	case CXType_Pointer:
		return true;
	default:
		return false;
	}
}

// A pointer, or an array that decays to one.
static bool is_address_type(CXType t)
{
	t = clang_getCanonicalType(t);
	return t.kind == CXType_Pointer || type_is_array(t);
}

// The width in bits of an integer type (not _Bool, not an enum), or 0.
static uint8_t int_type_bits(CXType t)
{
	t = clang_getCanonicalType(t);
	switch (t.kind) {
	case CXType_Char_U: case CXType_UChar: case CXType_Char_S: case CXType_SChar:
	case CXType_UShort: case CXType_Short: case CXType_UInt: case CXType_Int:
	case CXType_ULong: case CXType_Long: case CXType_ULongLong: case CXType_LongLong: {
		long long n = clang_Type_getSizeOf(t);
		return n > 0 && n <= 8 ? (uint8_t)(n * 8) : 0;
	}
	default:
		return 0;
	}
}

// The BH_IR_VAR_* flags a variable of type `t` has by its type.
static unsigned var_type_flags(CXType t)
{
	CXType ct = clang_getCanonicalType(t);
	if (type_is_array(ct))
		return BH_IR_VAR_ARRAY;
	if (ct.kind == CXType_Record)
		return BH_IR_VAR_RECORD |
		       (kind_of(clang_getTypeDeclaration(ct)) == CXCursor_UnionDecl ? BH_IR_VAR_UNION : 0);
	if (ct.kind == CXType_Pointer)
		return BH_IR_VAR_POINTER;
	if (int_type_bits(ct) && is_unsigned_type(ct))
		return BH_IR_VAR_UNSIGNED;
	return 0;
}

static uint32_t var_of(lower *l, CXCursor decl)
{
	CXCursor key = clang_getCanonicalCursor(decl);
	decl_slot *s = map_find(&l->vars, key, false);
	if (s)
		return s->value;

	bh_ir_var_kind kind = BH_IR_VAR_LOCAL;
	if (kind_of(decl) == CXCursor_ParmDecl) {
		kind = BH_IR_VAR_PARAM;
	} else {
		enum CX_StorageClass sc = clang_Cursor_getStorageClass(decl);
		bool file_scope = kind_of(clang_getCursorSemanticParent(decl)) ==
				  CXCursor_TranslationUnit;
		if (file_scope || sc == CX_SC_Extern)
			kind = BH_IR_VAR_GLOBAL;
		else if (sc == CX_SC_Static)
			kind = BH_IR_VAR_STATIC;
	}
	// A parameter met after the first local (a K&R quirk or a parameter
	// of a nested declarator) is an ordinary local to the IR.
	if (kind == BH_IR_VAR_PARAM && l->vars.len > 0) {
		bool all_params = true;
		for (size_t i = 0; i < l->vars.cap && all_params; i++)
			if (l->vars.slots[i].used &&
			    kind_of(l->vars.slots[i].key) != CXCursor_ParmDecl)
				all_params = false;
		if (!all_params)
			kind = BH_IR_VAR_LOCAL;
	}

	CXType t = clang_getCursorType(decl);
	CXType ct = clang_getCanonicalType(t);
	unsigned flags = var_type_flags(t);
	long long size = clang_Type_getSizeOf(t);
	char *ts = type_text(l, t);
	CXString name = clang_getCursorSpelling(decl);
	const char *usr = kind == BH_IR_VAR_GLOBAL ? usr_of(l, decl)
			  : kind == BH_IR_VAR_STATIC ? local_static_usr(l, decl)
						     : NULL;
	uint32_t id = bh_ir_builder_var(l->b, kind, clang_getCString(name), usr, ts,
					size > 0 ? (uint64_t)size : 0, flags);
	free(ts);
	clang_disposeString(name);
	// Where a local is declared is the first step of the path of a read
	// before any assignment (include/bulkhead/uninit.h).
	if (kind == BH_IR_VAR_PARAM || kind == BH_IR_VAR_LOCAL)
		bh_ir_builder_var_loc(l->b, id, loc_of(l, decl));
	// `static const int MODE = 5;`: branches on it are decided at compile
	// time, and path-sensitive analyses fold them.
	int64_t value;
	if (kind != BH_IR_VAR_PARAM && kind != BH_IR_VAR_LOCAL && ct.kind >= CXType_Bool &&
	    ct.kind <= CXType_Int128 && eval_int(decl, &value))
		bh_ir_builder_var_const(l->b, id, value, clang_isConstQualifiedType(t));
	if (kind == BH_IR_VAR_GLOBAL || kind == BH_IR_VAR_STATIC)
		note_function_table(l, decl, ct, id);
	s = map_find(&l->vars, key, true);
	s->value = id;
	return id;
}

static uint32_t label_block(lower *l, CXCursor label)
{
	decl_slot *s = map_find(&l->labels, label, false);
	if (s)
		return s->value;
	CXString name = clang_getCursorSpelling(label);
	uint32_t block = bh_ir_builder_block(l->b, clang_getCString(name));
	clang_disposeString(name);
	s = map_find(&l->labels, label, true);
	s->value = block;
	return block;
}

// -------------------------------------------------------------- noreturn

// C library and compiler functions that never return. Honoured only for
// declarations without a body in this unit: a program's own `err()` that
// returns is not the BSD one.
static const char *const noreturn_names[] = {
	"exit", "_exit", "_Exit", "quick_exit", "abort", "longjmp", "_longjmp",
	"siglongjmp", "__longjmp_chk", "__assert_fail", "__assert_perror_fail",
	"__assert_rtn", "__assert", "err", "errx", "verr", "verrx", "pthread_exit",
	"thrd_exit", "__builtin_unreachable", "__builtin_trap", "__stack_chk_fail",
};

static bool has_noreturn_token(lower *l, CXCursor attr)
{
	// An attribute a macro wrote (glibc's __THROW, __nonnull) may span
	// files: clang_tokenize gives nothing for it. One may also span
	// 80 KB of its file (9,700 tokens lexed to look at 8: 5% of a
	// memcached scan): only its first bytes are tokenized.
	CXSourceRange ext = clang_getCursorExtent(attr);
	CXFile first, last;
	unsigned from, to;
	clang_getSpellingLocation(clang_getRangeStart(ext), &first, NULL, NULL, &from);
	clang_getSpellingLocation(clang_getRangeEnd(ext), &last, NULL, NULL, &to);
	if (!first || !last || !clang_File_isEqual(first, last))
		return false;
	if (to > from + ATTRIBUTE_BYTES)
		ext = clang_getRange(clang_getRangeStart(ext),
				     clang_getLocationForOffset(l->w->tu, first, from + ATTRIBUTE_BYTES));
	CXToken *toks = NULL;
	unsigned n = 0;
	clang_tokenize(l->w->tu, ext, &toks, &n);
	bool found = false;
	for (unsigned i = 0; i < n && i < 8 && !found; i++) {
		CXString s = clang_getTokenSpelling(l->w->tu, toks[i]);
		const char *t = clang_getCString(s);
		found = t && (strcmp(t, "_Noreturn") == 0 || strcmp(t, "noreturn") == 0 ||
			      strcmp(t, "__noreturn__") == 0);
		clang_disposeString(s);
	}
	if (toks)
		clang_disposeTokens(l->w->tu, toks, n);
	return found;
}

typedef struct {
	lower *l;
	bool found;
} attr_search;

static enum CXChildVisitResult find_noreturn_attr(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	attr_search *a = data;
	if (clang_isAttribute(kind_of(c)) && has_noreturn_token(a->l, c)) {
		a->found = true;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Continue;
}

static bool decl_is_noreturn(lower *l, CXCursor fn)
{
	// __attribute__((noreturn)) is part of the function type.
	CXString ts = clang_getTypeSpelling(clang_getCursorType(fn));
	const char *t = clang_getCString(ts);
	bool found = t && strstr(t, "noreturn") != NULL;
	clang_disposeString(ts);
	if (found)
		return true;
	// _Noreturn and [[noreturn]] are attributes of the declaration.
	attr_search a = { l, false };
	clang_visitChildren(fn, find_noreturn_attr, &a);
	if (a.found)
		return true;
	if (!clang_Cursor_isNull(clang_getCursorDefinition(fn)))
		return false;
	CXString name = clang_getCursorSpelling(fn);
	const char *n = clang_getCString(name);
	for (size_t i = 0; n && i < BH_ARRAY_LEN(noreturn_names) && !found; i++)
		found = strcmp(n, noreturn_names[i]) == 0;
	clang_disposeString(name);
	return found;
}

static bool is_noreturn(lower *l, CXCursor fn)
{
	CXCursor key = clang_getCanonicalCursor(fn);
	// Per unit: the same libc declarations are called from every function.
	decl_slot *s = map_find(&l->w->noreturn, key, false);
	if (s)
		return s->value != 0;
	bool nr = decl_is_noreturn(l, fn) ||
		  (!clang_equalCursors(key, fn) && decl_is_noreturn(l, key));
	s = map_find(&l->w->noreturn, key, true);
	s->value = nr;
	return nr;
}

// ----------------------------------------------------------------- places

// Byte size of the value expression `e` reads (a `char` read from a buffer
// is 1: whatever the buffer held, the value is small).
static uint32_t value_size(CXCursor e)
{
	long long n = clang_Type_getSizeOf(clang_getCursorType(e));
	return n > 0 && n < UINT32_MAX ? (uint32_t)n : 0;
}

static bh_ir_opnd read_place(lower *l, const place *p, CXCursor at)
{
	bh_ir_instr *in;
	bh_ir_opnd t;
	switch (p->kind) {
	case PL_VAR:
	case PL_VALUE:
		return p->base;
	case PL_DEREF:
		t = emit_value(l, BH_IR_LOAD, at, &p->base, 1, &in);
		in->size = value_size(at);
		return t;
	case PL_FIELD: {
		bh_ir_opnd t = emit_value(l, BH_IR_FIELD, at, &p->base, 1, &in);
		in->name = p->field;
		in->member = p->member;
		in->arrow = p->arrow;
		in->size = p->size;
		return t;
	}
	case PL_INDEX: {
		bh_ir_opnd args[2] = { p->base, p->index };
		t = emit_value(l, BH_IR_INDEX, at, args, 2, &in);
		in->size = value_size(at);
		return t;
	}
	}
	return bh_ir_none_opnd();
}

// Write `v` into a variable: when `v` is the temporary the previous
// instruction just computed, that instruction writes the variable itself
// (`x = a + b` rather than `%0 = a + b; x = %0`).
static void assign_var(lower *l, uint32_t var, bh_ir_opnd v, CXCursor at)
{
	bh_ir_instr *last = bh_ir_builder_last(l->b);
	// Only a temporary can be redirected: it has no other reader.
	if (v.kind == BH_IR_OPND_VAR && last && last->dst.kind == BH_IR_OPND_VAR &&
	    last->dst.var == v.var && bh_ir_builder_var_kind(l->b, v.var) == BH_IR_VAR_TEMP) {
		last->dst = bh_ir_var_opnd(var);
		return;
	}
	emit(l, BH_IR_ASSIGN, at, bh_ir_var_opnd(var), &v, 1);
}

static void write_place(lower *l, const place *p, bh_ir_opnd v, CXCursor at)
{
	bh_ir_instr *in;
	switch (p->kind) {
	case PL_VAR:
		assign_var(l, p->base.var, v, at);
		return;
	case PL_DEREF: {
		bh_ir_opnd args[2] = { p->base, v };
		in = emit(l, BH_IR_STORE, at, bh_ir_none_opnd(), args, 2);
		in->size = p->size;
		return;
	}
	case PL_FIELD: {
		bh_ir_opnd args[2] = { p->base, v };
		in = emit(l, BH_IR_FIELD_STORE, at, bh_ir_none_opnd(), args, 2);
		in->name = p->field;
		in->member = p->member;
		in->arrow = p->arrow;
		in->size = p->size;
		return;
	}
	case PL_INDEX: {
		bh_ir_opnd args[3] = { p->base, p->index, v };
		in = emit(l, BH_IR_INDEX_STORE, at, bh_ir_none_opnd(), args, 3);
		in->size = p->size;
		return;
	}
	case PL_VALUE: {
		bh_ir_opnd args[2] = { p->base, v };
		in = emit(l, BH_IR_OPAQUE, at, bh_ir_none_opnd(), args,
			  p->base.kind == BH_IR_OPND_NONE ? 0 : 2);
		in->name = "store";
		return;
	}
	}
}

static bh_ir_opnd address_of(lower *l, const place *p, CXCursor at)
{
	bh_ir_instr *in;
	switch (p->kind) {
	case PL_VAR:
		bh_ir_builder_var_flags(l->b, p->base.var, BH_IR_VAR_ADDRESSED);
		return emit_value(l, BH_IR_ADDR, at, &p->base, 1, NULL);
	case PL_DEREF:
	case PL_VALUE:
		return p->base;
	case PL_FIELD: {
		if (!p->arrow && p->base.kind == BH_IR_OPND_VAR)
			bh_ir_builder_var_flags(l->b, p->base.var, BH_IR_VAR_ADDRESSED);
		bh_ir_opnd t = emit_value(l, BH_IR_FIELD_ADDR, at, &p->base, 1, &in);
		in->name = p->field;
		in->arrow = p->arrow;
		in->size = p->size;
		in->array_field = p->array;
		return t;
	}
	case PL_INDEX: {
		bh_ir_opnd args[2] = { p->base, p->index };
		bh_ir_opnd t = emit_value(l, BH_IR_INDEX_ADDR, at, args, 2, &in);
		in->size = p->size;
		return t;
	}
	}
	return bh_ir_none_opnd();
}

// The value of an lvalue expression of array type: its address (decay).
// An array variable stands for itself (see ir.h).
static bh_ir_opnd array_value(lower *l, const place *p, CXCursor at)
{
	if (p->kind == PL_VAR)
		return p->base;
	return address_of(l, p, at);
}

static place value_place(bh_ir_opnd v)
{
	place p = { .kind = PL_VALUE, .base = v };
	return p;
}

static enum CXVisitorResult note_field(CXCursor field, CXClientData data)
{
	*(CXCursor *)data = field;
	return CXVisit_Continue;
}

// Is `field` the last member of its struct?
static bool is_last_field(CXCursor field)
{
	if (clang_getCursorKind(field) != CXCursor_FieldDecl)
		return false;
	CXCursor record = clang_getCursorSemanticParent(field);
	CXCursor last = clang_getNullCursor();
	clang_Type_visitFields(clang_getCursorType(record), note_field, &last);
	return !clang_Cursor_isNull(last) && clang_equalCursors(last, field);
}

static place lower_place(lower *l, CXCursor e)
{
	e = bh_clang__strip_casts(e);
	if (over_budget(l))
		return value_place(bh_ir_none_opnd());
	l->depth++;
	place p = { .kind = PL_VALUE };
	switch (kind_of(e)) {
	case CXCursor_DeclRefExpr: {
		CXCursor d = clang_getCursorReferenced(e);
		enum CXCursorKind dk = kind_of(d);
		if (dk == CXCursor_VarDecl || dk == CXCursor_ParmDecl) {
			p.kind = PL_VAR;
			p.base = bh_ir_var_opnd(var_of(l, d));
		} else {
			p.base = rvalue(l, e);
		}
		break;
	}
	case CXCursor_UnaryOperator:
		if (clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_Deref) {
			CXCursor kid;
			if (bh_clang__children(e, &kid, 1) == 1) {
				p.kind = PL_DEREF;
				p.base = rvalue(l, kid);
				break;
			}
		}
		p.base = rvalue(l, e);
		break;
	case CXCursor_MemberRefExpr: {
		CXCursor base;
		if (bh_clang__children(e, &base, 1) != 1) {
			p.base = opaque(l, e, NULL, false);
			break;
		}
		CXCursor decl = clang_getCursorReferenced(e);
		const char *field = union_member_key(l, decl);
		if (!field)
			field = bh_clang__spelling(l->arena, e);
		p.kind = PL_FIELD;
		p.field = field[0] ? field : "<anon>";
		p.member = function_member_usr(l, decl);
		// `->` needs a pointer and `.` a struct: the base's type tells
		// which one was written.
		if (type_is_pointer(clang_getCursorType(base))) {
			p.arrow = true;
			p.base = rvalue(l, base);
		} else {
			place bp = lower_place(l, base);
			if (bp.kind == PL_VAR || (bp.kind == PL_VALUE && bp.base.kind == BH_IR_OPND_VAR)) {
				p.base = bp.base;
			} else if (bp.kind == PL_VALUE) {
				p = value_place(bp.base);
			} else {
				// s.a.b: the address of s.a, then ->b.
				p.base = address_of(l, &bp, base);
				p.arrow = true;
			}
		}
		break;
	}
	case CXCursor_CompoundLiteralExpr:
		p.kind = PL_VAR;
		p.base = compound_literal(l, e);
		break;
	case CXCursor_ArraySubscriptExpr: {
		CXCursor kids[2];
		if (bh_clang__children(e, kids, 2) != 2) {
			p.base = opaque(l, e, NULL, true);
			break;
		}
		// C allows i[a]: the base is the operand of pointer or array type.
		CXCursor base = kids[0], idx = kids[1];
		CXType bt = clang_getCursorType(bh_clang__strip(base));
		CXType it = clang_getCursorType(bh_clang__strip(idx));
		if (!type_is_array(bt) && !type_is_pointer(bt) && (type_is_array(it) || type_is_pointer(it))) {
			base = kids[1];
			idx = kids[0];
		}
		CXCursor sb = bh_clang__strip(base);
		p.kind = PL_INDEX;
		if (type_is_array(clang_getCursorType(sb))) {
			place bp = lower_place(l, sb);
			p.base = bp.kind == PL_VAR ? bp.base : array_value(l, &bp, sb);
		} else {
			p.base = rvalue(l, base);
		}
		p.index = rvalue(l, idx);
		break;
	}
	default:
		p.base = rvalue(l, e);
		break;
	}
	l->depth--;
	if (p.kind == PL_DEREF || p.kind == PL_FIELD || p.kind == PL_INDEX)
		p.size = value_size(e);
	// An array member of at most one element, or a short one (up to 8
	// elements) that is the last member of a struct reached through a
	// pointer, may be the "struct hack" for a variable-length tail
	// (`TValue upvalue[1]`, `GeoCoord a[8]` allocated larger): its declared
	// size says nothing of the memory behind it. Longer trailing arrays
	// (`char serial[16]`) are buffers of their declared size.
	if (p.kind == PL_FIELD) {
		long long n = type_is_array(clang_getCursorType(e))
				      ? clang_getArraySize(clang_getCanonicalType(clang_getCursorType(e)))
				      : 0;
		p.array = n > 1 && !(n <= 8 && p.arrow && is_last_field(clang_getCursorReferenced(e)));
	}
	return p;
}

// ------------------------------------------------------------ expressions

static bh_ir_binop binop_of(enum CXBinaryOperatorKind k, bool *ok)
{
	*ok = true;
	switch (k) {
	case CXBinaryOperator_Mul: case CXBinaryOperator_MulAssign: return BH_IR_BIN_MUL;
	case CXBinaryOperator_Div: case CXBinaryOperator_DivAssign: return BH_IR_BIN_DIV;
	case CXBinaryOperator_Rem: case CXBinaryOperator_RemAssign: return BH_IR_BIN_REM;
	case CXBinaryOperator_Add: case CXBinaryOperator_AddAssign: return BH_IR_BIN_ADD;
	case CXBinaryOperator_Sub: case CXBinaryOperator_SubAssign: return BH_IR_BIN_SUB;
	case CXBinaryOperator_Shl: case CXBinaryOperator_ShlAssign: return BH_IR_BIN_SHL;
	case CXBinaryOperator_Shr: case CXBinaryOperator_ShrAssign: return BH_IR_BIN_SHR;
	case CXBinaryOperator_LT: return BH_IR_BIN_LT;
	case CXBinaryOperator_GT: return BH_IR_BIN_GT;
	case CXBinaryOperator_LE: return BH_IR_BIN_LE;
	case CXBinaryOperator_GE: return BH_IR_BIN_GE;
	case CXBinaryOperator_EQ: return BH_IR_BIN_EQ;
	case CXBinaryOperator_NE: return BH_IR_BIN_NE;
	case CXBinaryOperator_And: case CXBinaryOperator_AndAssign: return BH_IR_BIN_AND;
	case CXBinaryOperator_Xor: case CXBinaryOperator_XorAssign: return BH_IR_BIN_XOR;
	case CXBinaryOperator_Or: case CXBinaryOperator_OrAssign: return BH_IR_BIN_OR;
	default:
		*ok = false;
		return BH_IR_BIN_ADD;
	}
}

static bh_ir_opnd binop(lower *l, CXCursor at, bh_ir_binop op, bh_ir_opnd a, bh_ir_opnd b)
{
	bh_ir_opnd args[2] = { a, b };
	bh_ir_instr *in;
	bh_ir_opnd t = emit_value(l, BH_IR_BINOP, at, args, 2, &in);
	in->sub = (int)op;
	// The type the arithmetic happens in (for `s++` and `s += k`, the
	// stored type): where a checker sees the result wrap.
	if (op == BH_IR_BIN_ADD || op == BH_IR_BIN_SUB || op == BH_IR_BIN_MUL || op == BH_IR_BIN_SHL) {
		CXType ty = clang_getCursorType(at);
		in->bits = int_type_bits(ty);
		if (in->bits)
			in->is_unsigned = is_unsigned_type(ty);
	}
	// Pointer arithmetic counts elements: keep the element size so that
	// the bounds checker can turn `p + i` into a byte offset.
	CXType rt = clang_getCanonicalType(clang_getCursorType(at));
	if ((op == BH_IR_BIN_ADD || op == BH_IR_BIN_SUB) && rt.kind == CXType_Pointer) {
		long long n = clang_Type_getSizeOf(clang_getPointeeType(rt));
		in->size = n > 0 && n < UINT32_MAX ? (uint32_t)n : 0;
	}
	return t;
}

// ++x, --x, x++, x--. `want_old` gives the postfix value.
static bh_ir_opnd inc_dec(lower *l, CXCursor e, CXCursor operand, bool inc, bool want_old)
{
	place p = lower_place(l, operand);
	bh_ir_opnd old = read_place(l, &p, e);
	if (want_old && p.kind == PL_VAR) {
		// The variable changes below: keep its old value in a copy.
		old = emit_value(l, BH_IR_ASSIGN, e, &p.base, 1, NULL);
	}
	bh_ir_opnd v = binop(l, e, inc ? BH_IR_BIN_ADD : BH_IR_BIN_SUB, old, bh_ir_int_opnd(1));
	write_place(l, &p, v, e);
	if (want_old)
		return old;
	return p.kind == PL_VAR ? p.base : v;
}

// A value computed by control flow (&&, ||, ?: used as values).
static bh_ir_opnd bool_value(lower *l, CXCursor e)
{
	uint32_t t = bh_ir_builder_block(l->b, NULL);
	uint32_t f = bh_ir_builder_block(l->b, NULL);
	uint32_t join = bh_ir_builder_block(l->b, NULL);
	bh_ir_opnd r = new_temp(l);
	lower_cond(l, e, t, f);
	bh_ir_opnd one = bh_ir_int_opnd(1), zero = bh_ir_int_opnd(0);
	enter(l, t, e);
	emit(l, BH_IR_ASSIGN, e, r, &one, 1);
	goto_block(l, join, e);
	enter(l, f, e);
	emit(l, BH_IR_ASSIGN, e, r, &zero, 1);
	goto_block(l, join, e);
	enter(l, join, e);
	return r;
}

static bh_ir_opnd conditional_value(lower *l, CXCursor e, CXCursor kids[3])
{
	uint32_t t = bh_ir_builder_block(l->b, NULL);
	uint32_t f = bh_ir_builder_block(l->b, NULL);
	uint32_t join = bh_ir_builder_block(l->b, NULL);
	bh_ir_opnd r = new_temp(l);
	lower_cond(l, kids[0], t, f);
	enter(l, t, kids[1]);
	assign_var(l, r.var, rvalue(l, kids[1]), kids[1]);
	goto_block(l, join, e);
	enter(l, f, kids[2]);
	assign_var(l, r.var, rvalue(l, kids[2]), kids[2]);
	goto_block(l, join, e);
	enter(l, join, e);
	return r;
}

// GNU `x ?: y`: libclang shows it as an UnexposedExpr with four
// children (x, two opaque copies of x, y). Recognised by its shape and
// by the `?` `:` between x and y in the source.
static bool is_binary_conditional(lower *l, CXCursor e, CXCursor kids[4])
{
	if (bh_clang__children(e, kids, 4) != 4)
		return false;
	CXFile fa, fb;
	unsigned a, b;
	clang_getSpellingLocation(clang_getRangeEnd(clang_getCursorExtent(kids[0])), &fa, NULL,
				  NULL, &a);
	clang_getSpellingLocation(clang_getRangeStart(clang_getCursorExtent(kids[3])), &fb, NULL,
				  NULL, &b);
	size_t size = 0;
	const char *text = fa ? clang_getFileContents(l->w->tu, fa, &size) : NULL;
	if (!text || !fb || !clang_File_isEqual(fa, fb) || b <= a || b > size || b - a > 256)
		return false;
	const char *q = memchr(text + a, '?', b - a);
	if (!q)
		return false;
	for (q++; q < text + b && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r'); q++)
		;
	return q < text + b && *q == ':';
}

// x ?: y: x once, and y only when x is zero.
static bh_ir_opnd binary_conditional_value(lower *l, CXCursor e, CXCursor kids[4])
{
	uint32_t f = bh_ir_builder_block(l->b, NULL);
	uint32_t join = bh_ir_builder_block(l->b, NULL);
	bh_ir_opnd r = new_temp(l);
	assign_var(l, r.var, rvalue(l, kids[0]), kids[0]);
	bh_ir_builder_br(l->b, r, join, f, loc_of(l, e));
	enter(l, f, kids[3]);
	assign_var(l, r.var, rvalue(l, kids[3]), kids[3]);
	goto_block(l, join, e);
	enter(l, join, e);
	return r;
}

static bool is_builtin_expect(CXCursor call)
{
	CXString s = clang_getCursorSpelling(call);
	const char *n = clang_getCString(s);
	bool yes = n && (strcmp(n, "__builtin_expect") == 0 ||
			 strcmp(n, "__builtin_expect_with_probability") == 0);
	clang_disposeString(s);
	return yes && clang_Cursor_getNumArguments(call) >= 2;
}

static bh_ir_opnd lower_call(lower *l, CXCursor call)
{
	int nargs = clang_Cursor_getNumArguments(call);
	CXCursor callee_expr;
	if (nargs < 0 || bh_clang__children(call, &callee_expr, 1) < 1)
		return opaque(l, call, "call", true);
	// __builtin_expect(x, c) is x with a hint: conditions see through it.
	if (is_builtin_expect(call))
		return rvalue(l, clang_Cursor_getArgument(call, 0));

	bh_ir_opnd callee = bh_ir_none_opnd();
	bool noreturn = false;
	CXCursor ce = bh_clang__strip_casts(callee_expr);
	// (*f)(x) with f a function is f(x).
	while (kind_of(ce) == CXCursor_UnaryOperator &&
	       clang_getCursorUnaryOperatorKind(ce) == CXUnaryOperator_Deref &&
	       type_is_function(clang_getCursorType(ce))) {
		CXCursor kid;
		if (bh_clang__children(ce, &kid, 1) != 1)
			break;
		ce = bh_clang__strip_casts(kid);
	}
	CXCursor fn = kind_of(ce) == CXCursor_DeclRefExpr ? clang_getCursorReferenced(ce)
							  : clang_getNullCursor();
	if (kind_of(fn) == CXCursor_FunctionDecl) {
		callee.kind = BH_IR_OPND_FUNC;
		callee.str = bh_clang__spelling(l->arena, fn);
		callee.usr = usr_of(l, fn);
		noreturn = is_noreturn(l, fn);
	} else {
		callee = rvalue(l, callee_expr);
	}

	bh_ir_opnd *args = nargs ? bh_arena_alloc(l->arena, (size_t)nargs * sizeof(*args)) : NULL;
	for (int i = 0; i < nargs; i++)
		args[i] = rvalue(l, clang_Cursor_getArgument(call, (unsigned)i));

	bool is_void = clang_getCanonicalType(clang_getCursorType(call)).kind == CXType_Void;
	bh_ir_opnd dst = is_void ? bh_ir_none_opnd() : new_temp(l);
	bh_ir_instr *in = emit(l, BH_IR_CALL, call, dst, args, (uint32_t)nargs);
	in->callee = callee;
	in->noreturn = noreturn;
	if (noreturn)
		bh_ir_builder_unreachable(l->b, loc_of(l, call));
	return dst;
}

static bh_ir_opnd lower_unary(lower *l, CXCursor e)
{
	CXCursor kid;
	if (bh_clang__children(e, &kid, 1) != 1)
		return opaque(l, e, NULL, false);
	bh_ir_instr *in;
	bh_ir_unop op;
	switch (clang_getCursorUnaryOperatorKind(e)) {
	case CXUnaryOperator_AddrOf: {
		CXCursor k = bh_clang__strip_casts(kid);
		if (kind_of(k) == CXCursor_DeclRefExpr &&
		    kind_of(clang_getCursorReferenced(k)) == CXCursor_FunctionDecl)
			return rvalue(l, k);
		place p = lower_place(l, kid);
		return address_of(l, &p, e);
	}
	case CXUnaryOperator_Deref: {
		// *f for a function f is f; *p of array type decays.
		if (type_is_function(clang_getCursorType(e)))
			return rvalue(l, kid);
		place p = lower_place(l, e);
		if (type_is_array(clang_getCursorType(e)))
			return array_value(l, &p, e);
		return read_place(l, &p, e);
	}
	case CXUnaryOperator_PreInc: return inc_dec(l, e, kid, true, false);
	case CXUnaryOperator_PreDec: return inc_dec(l, e, kid, false, false);
	case CXUnaryOperator_PostInc: return inc_dec(l, e, kid, true, true);
	case CXUnaryOperator_PostDec: return inc_dec(l, e, kid, false, true);
	case CXUnaryOperator_Plus: op = BH_IR_UN_PLUS; break;
	case CXUnaryOperator_Minus: op = BH_IR_UN_NEG; break;
	case CXUnaryOperator_Not: op = BH_IR_UN_NOT; break;
	case CXUnaryOperator_LNot: op = BH_IR_UN_LNOT; break;
	default: // __real, __imag, __extension__
		return rvalue(l, kid);
	}
	bh_ir_opnd a = rvalue(l, kid);
	bh_ir_opnd t = emit_value(l, BH_IR_UNOP, e, &a, 1, &in);
	in->sub = (int)op;
	return t;
}

static bh_ir_opnd lower_binary(lower *l, CXCursor e)
{
	CXCursor kids[2];
	if (bh_clang__children(e, kids, 2) != 2)
		return opaque(l, e, NULL, true);
	enum CXBinaryOperatorKind k = clang_getCursorBinaryOperatorKind(e);
	switch (k) {
	case CXBinaryOperator_Assign: {
		place p = lower_place(l, kids[0]);
		bh_ir_opnd v = rvalue(l, kids[1]);
		write_place(l, &p, v, e);
		return p.kind == PL_VAR ? p.base : v;
	}
	case CXBinaryOperator_LAnd:
	case CXBinaryOperator_LOr:
		return bool_value(l, e);
	case CXBinaryOperator_Comma:
		effect(l, kids[0]);
		return rvalue(l, kids[1]);
	default:
		break;
	}
	bool ok;
	bh_ir_binop op = binop_of(k, &ok);
	if (!ok)
		return opaque(l, e, NULL, true);
	bh_ir_opnd a = rvalue(l, kids[0]);
	bh_ir_opnd b = rvalue(l, kids[1]);
	bh_ir_opnd t = binop(l, e, op, a, b);
	// The operands' type after the usual conversions: `n < sizeof buf`
	// compares as unsigned, so it also rejects a negative int n.
	bh_ir_instr *last = bh_ir_builder_last(l->b);
	if (last && last->op == BH_IR_BINOP && is_unsigned_type(clang_getCursorType(kids[0])))
		last->is_unsigned = true;
	if (last && last->op == BH_IR_BINOP && (op == BH_IR_BIN_SUB || op == BH_IR_BIN_LT || op == BH_IR_BIN_LE ||
						 op == BH_IR_BIN_GT || op == BH_IR_BIN_GE) &&
	    is_address_type(clang_getCursorType(kids[0])) && is_address_type(clang_getCursorType(kids[1])))
		last->on_pointers = true;
	return t;
}

static bh_ir_opnd lower_compound_assign(lower *l, CXCursor e)
{
	CXCursor kids[2];
	bool ok;
	bh_ir_binop op = binop_of(clang_getCursorBinaryOperatorKind(e), &ok);
	if (bh_clang__children(e, kids, 2) != 2 || !ok)
		return opaque(l, e, NULL, true);
	place p = lower_place(l, kids[0]);
	bh_ir_opnd cur = read_place(l, &p, e);
	bh_ir_opnd r = rvalue(l, kids[1]);
	bh_ir_opnd v = binop(l, e, op, cur, r);
	write_place(l, &p, v, e);
	return p.kind == PL_VAR ? p.base : v;
}

// GNU ({ ... }): the statements, then the value of the last expression.
static bh_ir_opnd lower_stmt_expr(lower *l, CXCursor e)
{
	CXCursor body;
	if (bh_clang__children(e, &body, 1) != 1 || kind_of(body) != CXCursor_CompoundStmt)
		return opaque(l, e, NULL, true);
	size_t base = push_children(l, body);
	size_t n = l->scratch.len - base;
	bh_ir_opnd v = bh_ir_none_opnd();
	for (size_t i = 0; i < n; i++) {
		CXCursor s = l->scratch.items[base + i];
		if (i + 1 == n && clang_isExpression(kind_of(s)))
			v = rvalue(l, s);
		else
			lower_stmt(l, s);
	}
	l->scratch.len = base;
	return v;
}

static bh_ir_opnd lower_string(lower *l, CXCursor e)
{
	bh_clang__literal lit;
	bh_ir_opnd o = { .kind = BH_IR_OPND_STR };
	if (bh_clang__string_literal(l->arena, e, &lit) && lit.known) {
		o.str = lit.text;
		// Decoded bytes up to the array's end (embedded NULs kept).
		o.len = lit.size ? lit.size - 1 : lit.len;
	}
	return o;
}

static bh_ir_opnd rvalue_inner(lower *l, CXCursor e)
{
	int64_t iv;
	double fv;
	enum CXCursorKind k = kind_of(e);
	// `-1`, `1 << 4`, `'a' + 1`: constants, not computations.
	if ((k == CXCursor_UnaryOperator || k == CXCursor_BinaryOperator) &&
	    is_literal_constant(e, 0) && eval_int(e, &iv))
		return bh_ir_int_opnd(iv);
	switch (k) {
	case CXCursor_IntegerLiteral:
	case CXCursor_CharacterLiteral:
		if (eval_int(e, &iv))
			return k == CXCursor_IntegerLiteral && is_line_macro(l, e, iv) ? opaque(l, e, "__LINE__", false)
											: bh_ir_int_opnd(iv);
		return opaque(l, e, NULL, false);
	case CXCursor_FloatingLiteral:
		if (eval_float(e, &fv)) {
			bh_ir_opnd o = { .kind = BH_IR_OPND_FLOAT, .fval = fv };
			return o;
		}
		return opaque(l, e, NULL, false);
	case CXCursor_StringLiteral:
		return lower_string(l, e);
	case CXCursor_DeclRefExpr: {
		CXCursor d = clang_getCursorReferenced(e);
		switch (kind_of(d)) {
		case CXCursor_VarDecl:
		case CXCursor_ParmDecl:
			return bh_ir_var_opnd(var_of(l, d));
		case CXCursor_EnumConstantDecl:
			return bh_ir_int_opnd(clang_getEnumConstantDeclValue(d));
		case CXCursor_FunctionDecl: {
			bh_ir_opnd o = { .kind = BH_IR_OPND_FUNC };
			o.str = bh_clang__spelling(l->arena, d);
			o.usr = usr_of(l, d);
			return o;
		}
		default:
			return opaque(l, e, NULL, false);
		}
	}
	case CXCursor_MemberRefExpr:
	case CXCursor_ArraySubscriptExpr: {
		place p = lower_place(l, e);
		if (type_is_array(clang_getCursorType(e)))
			return array_value(l, &p, e);
		return read_place(l, &p, e);
	}
	case CXCursor_UnaryOperator:
		return lower_unary(l, e);
	case CXCursor_BinaryOperator:
		return lower_binary(l, e);
	case CXCursor_CompoundAssignOperator:
		return lower_compound_assign(l, e);
	case CXCursor_ConditionalOperator: {
		CXCursor kids[3];
		if (bh_clang__children(e, kids, 3) == 3)
			return conditional_value(l, e, kids);
		return opaque(l, e, NULL, true);
	}
	case CXCursor_CallExpr:
		return lower_call(l, e);
	case CXCursor_UnaryExpr: // sizeof, _Alignof
		if (eval_int(e, &iv))
			return bh_ir_int_opnd(iv);
		return opaque(l, e, "sizeof", false);
	case CXCursor_StmtExpr:
		return lower_stmt_expr(l, e);
	case CXCursor_CompoundLiteralExpr:
		return compound_literal(l, e);
	case CXCursor_UnexposedExpr: {
		CXCursor kids[4];
		if (is_binary_conditional(l, e, kids))
			return binary_conditional_value(l, e, kids);
		if (clang_getCursorType(e).kind == CXType_Dependent)
			return recovered(l, e);
		return opaque(l, e, NULL, true);
	}
	default:
		return opaque(l, e, NULL, true);
	}
}

// The narrowest integer type that `e` converts its operand to on the way
// down its casts and parentheses (implicit or explicit), when it is
// narrower than the operand's own type; bits 0 otherwise. Only integer to
// integer conversions count: _Bool, enums, floats and pointers do not.
static uint8_t narrowing_of(CXCursor e, CXCursor operand, bool *is_unsigned)
{
	uint8_t from = int_type_bits(clang_getCursorType(operand)), narrowest = 0;
	if (!from)
		return 0;
	for (int depth = 0; depth < 16 && !clang_equalCursors(e, operand); depth++) {
		uint8_t w = int_type_bits(clang_getCursorType(e));
		if (!w && kind_of(e) != CXCursor_ParenExpr)
			return 0;
		if (w && w < from && (!narrowest || w <= narrowest)) {
			narrowest = w;
			*is_unsigned = is_unsigned_type(clang_getCursorType(e));
		}
		CXCursor kids[2];
		unsigned n = bh_clang__children(e, kids, 2);
		if (n == 0 || n > 2)
			return 0;
		e = kids[n - 1];
	}
	return clang_equalCursors(e, operand) ? narrowest : 0;
}

// The value of expression `e`, as an operand.
static bh_ir_opnd rvalue(lower *l, CXCursor e)
{
	CXCursor inner = bh_clang__strip_casts(e);
	if (over_budget(l))
		return bh_ir_none_opnd();
	l->depth++;
	bh_ir_opnd v = rvalue_inner(l, inner);
	l->depth--;
	// `short s = n`, `(uint8_t)len`: the value may change; say so.
	bool uns = false;
	uint8_t bits = v.kind == BH_IR_OPND_VAR ? narrowing_of(e, inner, &uns) : 0;
	if (bits) {
		bh_ir_instr *in;
		v = emit_value(l, BH_IR_ASSIGN, e, &v, 1, &in);
		in->bits = bits;
		in->is_unsigned = uns;
	}
	return v;
}

// `e` for its effects only: x++ needs no copy of the old value.
static void effect(lower *l, CXCursor e)
{
	CXCursor s = bh_clang__strip_casts(e);
	if (kind_of(s) == CXCursor_UnaryOperator) {
		enum CXUnaryOperatorKind k = clang_getCursorUnaryOperatorKind(s);
		CXCursor kid;
		if ((k == CXUnaryOperator_PostInc || k == CXUnaryOperator_PostDec) &&
		    bh_clang__children(s, &kid, 1) == 1 && !over_budget(l)) {
			inc_dec(l, s, kid, k == CXUnaryOperator_PostInc, false);
			return;
		}
	}
	rvalue(l, e);
}

// ------------------------------------------------------------- conditions

static bool is_zero_literal(CXCursor e)
{
	int64_t v;
	e = bh_clang__strip_casts(e);
	return is_literal_constant(e, 0) && eval_int(e, &v) && v == 0;
}

// An expression whose value is 0 or 1 because it is a test: a comparison,
// `!`, `&&` or `||`.
static bool is_truth_value(CXCursor e)
{
	e = bh_clang__strip_casts(e);
	if (kind_of(e) == CXCursor_UnaryOperator)
		return clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_LNot;
	if (kind_of(e) != CXCursor_BinaryOperator)
		return false;
	switch (clang_getCursorBinaryOperatorKind(e)) {
	case CXBinaryOperator_LT:
	case CXBinaryOperator_GT:
	case CXBinaryOperator_LE:
	case CXBinaryOperator_GE:
	case CXBinaryOperator_EQ:
	case CXBinaryOperator_NE:
	case CXBinaryOperator_LAnd:
	case CXBinaryOperator_LOr:
		return true;
	default:
		return false;
	}
}

// Branch to `t` when `e` is true, else to `f`, with && || ! ?: and the
// comma spelled out as control flow and literal constants folded.
static void lower_cond(lower *l, CXCursor e, uint32_t t, uint32_t f)
{
	e = bh_clang__strip_casts(e);
	int64_t iv;
	if (is_literal_constant(e, 0) && eval_int(e, &iv)) {
		goto_block(l, iv ? t : f, e);
		return;
	}
	if (over_budget(l)) {
		// Both ways: the CFG stays sound when the condition is unknown.
		bh_ir_builder_br(l->b, bh_ir_none_opnd(), t, f, loc_of(l, e));
		return;
	}
	l->depth++;
	CXCursor kids[3];
	switch (kind_of(e)) {
	case CXCursor_UnaryOperator:
		if (clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_LNot &&
		    bh_clang__children(e, kids, 1) == 1) {
			lower_cond(l, kids[0], f, t);
			goto out;
		}
		break;
	case CXCursor_BinaryOperator: {
		enum CXBinaryOperatorKind k = clang_getCursorBinaryOperatorKind(e);
		if (bh_clang__children(e, kids, 2) != 2)
			break;
		if (k == CXBinaryOperator_LAnd || k == CXBinaryOperator_LOr) {
			uint32_t mid = bh_ir_builder_block(l->b, NULL);
			if (k == CXBinaryOperator_LAnd)
				lower_cond(l, kids[0], mid, f);
			else
				lower_cond(l, kids[0], t, mid);
			enter(l, mid, kids[1]);
			lower_cond(l, kids[1], t, f);
			goto out;
		}
		if (k == CXBinaryOperator_Comma) {
			effect(l, kids[0]);
			lower_cond(l, kids[1], t, f);
			goto out;
		}
		// `(p == NULL && n > 0) != 0`, as likely()/unlikely() macros
		// write it: a truth value compared with 0 is that condition.
		if (k == CXBinaryOperator_EQ || k == CXBinaryOperator_NE) {
			int zero = is_zero_literal(kids[0]) ? 0 : is_zero_literal(kids[1]) ? 1 : -1;
			if (zero >= 0 && is_truth_value(kids[1 - zero])) {
				if (k == CXBinaryOperator_NE)
					lower_cond(l, kids[1 - zero], t, f);
				else
					lower_cond(l, kids[1 - zero], f, t);
				goto out;
			}
		}
		break;
	}
	case CXCursor_ConditionalOperator:
		if (bh_clang__children(e, kids, 3) == 3) {
			uint32_t a = bh_ir_builder_block(l->b, NULL);
			uint32_t b = bh_ir_builder_block(l->b, NULL);
			lower_cond(l, kids[0], a, b);
			enter(l, a, kids[1]);
			lower_cond(l, kids[1], t, f);
			enter(l, b, kids[2]);
			lower_cond(l, kids[2], t, f);
			goto out;
		}
		break;
	case CXCursor_CallExpr:
		if (is_builtin_expect(e)) {
			lower_cond(l, clang_Cursor_getArgument(e, 0), t, f);
			goto out;
		}
		break;
	default:
		break;
	}
	bh_ir_opnd v = rvalue(l, e);
	bh_ir_builder_br(l->b, v, t, f, loc_of(l, e));
out:
	l->depth--;
}

// ----------------------------------------------------------- initialisers

// `struct req r = { .len = n, .buf = p };`, `int a[4] = { 1, 2 };`,
// `char buf[16] = "abc";` and compound literals. An initialiser list
// zero-fills whatever it does not mention, so the object is first set as
// a whole to the constant 0 (`r = 0`, an ASSIGN of 0 to a struct or array
// variable: see ir.h), then each member or element the list names is
// stored: a FIELD_STORE `r.len = n` per struct member, an INDEX_STORE
// `a[1] = 2` per array element (zeros are left to the fill; a long list of
// constants keeps only its other elements). A member that is itself an
// aggregate (`.in = { 1, p }`, `.in.x = 1`) receives one value standing
// for its contents, an OPAQUE "InitListExpr" reading them: the IR's
// fields are one level deep. A byte array of constants is the string it
// holds (`char b[8] = { 'h', 'i' }` is `b = "hi"`), as a string literal
// initialiser is, so that the bounds checker knows its length.
//
// The list is planned before anything is emitted. Shapes the plan does
// not follow (brace elision, anonymous members, GNU range designators,
// flexible array members, vectors) keep the generic lowering: one OPAQUE
// "InitListExpr" reading every value, assigned to the variable.

// Elements of one list the plan looks at; longer lists are opaque.
#define MAX_INIT_ELEMS 1024

// An array's list of at most this many elements stores its non-zero
// constants one by one; a longer one (a table) only the elements that
// are not constants.
#define MAX_INIT_CONSTS 32

// Bytes of an array of constant bytes turned into a string.
#define MAX_INIT_BYTES 4096

// A member of the struct being initialised.
typedef struct {
	const char *name;
	CXType type;          // canonical
	uint32_t size;        // bytes, 0 if unknown
	const char *member;   // its USR when it holds a function pointer (bh_ir_instr.member)
} init_member;

// One element of the list: the member or array element it sets and the
// expression it sets it with.
typedef struct {
	uint32_t slot;        // member index (struct) or element index (array)
	CXCursor value;
	bool nested;          // through a deeper designator: `.in.x = 1`, `[2].x = 1`
} init_elem;

typedef struct {
	lower *l;
	bool record;
	BH_VEC(init_member) members;  // record
	CXType elem_type;             // array: canonical element type
	uint32_t elem_size;
	uint64_t length;              // array: number of elements
	BH_VEC(init_elem) elems;
	bool ok;
} init_plan;

static bool is_byte_type(CXType t)
{
	switch (clang_getCanonicalType(t).kind) {
	case CXType_Char_S: case CXType_Char_U: case CXType_SChar: case CXType_UChar:
		return true;
	default:
		return false;
	}
}

static uint32_t type_size(CXType t)
{
	long long n = clang_Type_getSizeOf(t);
	return n > 0 && n < UINT32_MAX ? (uint32_t)n : 0;
}

// An integer constant made of literals (see is_literal_constant).
static bool init_constant(CXCursor e, int64_t *k)
{
	e = bh_clang__strip_casts(e);
	return is_literal_constant(e, 0) && eval_int(e, k);
}

// The string a string literal leaves in a byte array, decoded up to its
// last byte and without the zeros that pad the array (`char buf[16] =
// "abc"` holds "abc"); an operand of kind NONE for wide literals.
static bh_ir_opnd init_string(lower *l, CXCursor e)
{
	bh_ir_opnd o = { .kind = BH_IR_OPND_NONE };
	CXCursor s = bh_clang__strip_casts(e);
	if (kind_of(s) != CXCursor_StringLiteral)
		return o;
	CXString sp = clang_getCursorSpelling(s);
	const char *text = clang_getCString(sp);
	if (text && strncmp(text, "u8\"", 3) == 0)
		text += 2;
	if (text && text[0] == '"') {
		char *buf = bh_arena_alloc(l->arena, strlen(text) + 1);
		long n = bh_c_string_decode(buf, text);
		if (n >= 0) {
			o.kind = BH_IR_OPND_STR;
			o.str = buf;
			o.len = (size_t)n;
		}
	}
	clang_disposeString(sp);
	return o;
}

// Does `value` initialise a whole object of type `t` by itself (a nested
// list, a string for a byte array, an expression of that type), rather
// than its first scalar only (brace elision: `{ 1, 2, 3 }` for `struct {
// int a[2]; int b; }`)?
static bool fills_whole(CXCursor value, CXType t)
{
	t = clang_getCanonicalType(t);
	CXCursor v = bh_clang__strip_casts(value);
	if (kind_of(v) == CXCursor_InitListExpr)
		return true;
	if (t.kind == CXType_Vector || t.kind == CXType_Complex)
		return false;
	if (t.kind != CXType_Record && !type_is_array(t))
		return true;
	if (kind_of(v) == CXCursor_StringLiteral)
		return type_is_array(t);
	CXType vt = clang_getUnqualifiedType(clang_getCanonicalType(clang_getCursorType(v)));
	return clang_equalTypes(vt, clang_getUnqualifiedType(t));
}

static enum CXVisitorResult collect_member(CXCursor c, CXClientData data)
{
	init_plan *p = data;
	CXString s = clang_getCursorSpelling(c);
	const char *name = clang_getCString(s);
	CXType t = clang_getCanonicalType(clang_getCursorType(c));
	init_member m = { name ? bh_arena_strdup(p->l->arena, name) : "", t, type_size(t),
			  function_member_usr(p->l, c) };
	clang_disposeString(s);
	// Anonymous members (their fields are named as the outer struct's)
	// and bit-fields, flexible array members: not followed.
	if (!m.name[0] || clang_Cursor_isAnonymousRecordDecl(clang_getTypeDeclaration(t)) ||
	    t.kind == CXType_IncompleteArray)
		p->ok = false;
	bh_vec_push(&p->members, m);
	return CXVisit_Continue;
}

// The first character of `e` as spelled in its file, or 0 (a macro).
static char first_char(lower *l, CXCursor e)
{
	CXFile f;
	unsigned off;
	clang_getSpellingLocation(clang_getRangeStart(clang_getCursorExtent(e)), &f, NULL, NULL, &off);
	size_t size = 0;
	const char *text = f ? clang_getFileContents(l->w->tu, f, &size) : NULL;
	return text && off < size ? text[off] : 0;
}

// Is `e`, a designated array element `[lo ... hi] = v`, a GNU range?
static bool is_range_designator(lower *l, CXCursor e)
{
	CXFile f;
	unsigned off;
	clang_getSpellingLocation(clang_getRangeStart(clang_getCursorExtent(e)), &f, NULL, NULL, &off);
	size_t size = 0;
	const char *text = f ? clang_getFileContents(l->w->tu, f, &size) : NULL;
	if (!text)
		return true;
	for (size_t i = off; i < size && i < off + 256 && text[i] != '=' && text[i] != ']'; i++)
		if (text[i] == '.' && i + 2 < size && text[i + 1] == '.' && text[i + 2] == '.')
			return true;
	return false;
}

// One element `e` of the list into the plan: its designator, if any,
// decides what it sets; otherwise the next member or element does.
static void plan_element(init_plan *p, CXCursor e, uint32_t *pos)
{
	lower *l = p->l;
	CXCursor kids[4];
	unsigned n = kind_of(e) == CXCursor_UnexposedExpr ? bh_clang__children(e, kids, 4) : 0;
	init_elem el = { .slot = *pos, .value = e };
	if (p->record && n >= 2 && kind_of(kids[0]) == CXCursor_MemberRef) {
		// `.f = v`, `.f.g = v`, `.f[i] = v`: the member, then the value.
		const char *name = bh_clang__spelling(l->arena, kids[0]);
		el.slot = UINT32_MAX;
		for (size_t i = 0; i < p->members.len; i++)
			if (strcmp(p->members.items[i].name, name) == 0)
				el.slot = (uint32_t)i;
		el.nested = n > 2;
		el.value = n <= 4 ? kids[n - 1] : clang_getNullCursor(); // else found below
	} else if (n >= 2) {
		// `[i] = v`, `[i].f = v`, `[i][j] = v`; anything else with
		// several children is not followed.
		int64_t k;
		if (p->record || first_char(l, e) != '[' || is_range_designator(l, e) ||
		    !eval_int(kids[0], &k) || k < 0 || (uint64_t)k >= p->length) {
			p->ok = false;
			return;
		}
		el.slot = (uint32_t)k;
		el.nested = n > 2;
		el.value = n <= 4 ? kids[n - 1] : clang_getNullCursor();
	}
	if (clang_Cursor_isNull(el.value)) {
		// More designators than fit in kids[]: the value is the last child.
		size_t base = push_children(l, e);
		el.value = l->scratch.items[l->scratch.len - 1];
		l->scratch.len = base;
	}
	uint64_t limit = p->record ? p->members.len : p->length;
	if (el.slot >= limit) {
		p->ok = false;
		return;
	}
	CXType t = p->record ? p->members.items[el.slot].type : p->elem_type;
	if (!el.nested && !fills_whole(el.value, t))
		p->ok = false;
	// A union's positional element sets its first member only.
	*pos = el.slot + 1;
	bh_vec_push(&p->elems, el);
}

// Plan list `list` for an object of type `t`; false when it is not followed.
static bool plan_init(init_plan *p, lower *l, CXType t, CXCursor list)
{
	memset(p, 0, sizeof(*p));
	p->l = l;
	p->ok = true;
	t = clang_getCanonicalType(t);
	if (t.kind == CXType_Record) {
		p->record = true;
		clang_Type_visitFields(t, collect_member, p);
		if (p->members.len == 0)
			p->ok = false;
	} else if (t.kind == CXType_ConstantArray) {
		p->elem_type = clang_getCanonicalType(clang_getArrayElementType(t));
		p->elem_size = type_size(p->elem_type);
		long long n = clang_getArraySize(t);
		p->length = n > 0 ? (uint64_t)n : 0;
		if (!p->length || !p->elem_size)
			p->ok = false;
	} else {
		p->ok = false;
	}
	size_t base = push_children(l, list);
	size_t count = l->scratch.len - base;
	if (count > MAX_INIT_ELEMS)
		p->ok = false;
	uint32_t pos = 0;
	for (size_t i = 0; i < count && p->ok; i++) {
		CXCursor e = l->scratch.items[base + i];
		if (clang_isExpression(kind_of(e)))
			plan_element(p, e, &pos);
	}
	l->scratch.len = base;
	return p->ok;
}

static void plan_dispose(init_plan *p)
{
	bh_vec_dispose(&p->members);
	bh_vec_dispose(&p->elems);
}

// The value element `el` stores into an object of type `t`.
static bh_ir_opnd element_value(lower *l, const init_elem *el, CXType t)
{
	if (!el->nested && type_is_array(t) && is_byte_type(clang_getArrayElementType(t))) {
		bh_ir_opnd s = init_string(l, el->value);
		if (s.kind == BH_IR_OPND_STR)
			return s;
	}
	return rvalue(l, el->value);
}

// One value standing for an aggregate member's contents.
static bh_ir_opnd aggregate_value(lower *l, const bh_ir_opnd *vals, size_t n, CXCursor at)
{
	bh_ir_opnd args[MAX_OPAQUE_ARGS];
	uint32_t k = 0;
	for (size_t i = 0; i < n && k < MAX_OPAQUE_ARGS; i++)
		if (vals[i].kind != BH_IR_OPND_NONE)
			args[k++] = vals[i];
	bh_ir_instr *in;
	bh_ir_opnd t = emit_value(l, BH_IR_OPAQUE, at, args, k, &in);
	in->name = "InitListExpr";
	return t;
}

static void zero_fill(lower *l, uint32_t var, CXCursor at)
{
	bh_ir_opnd zero = bh_ir_int_opnd(0);
	emit(l, BH_IR_ASSIGN, at, bh_ir_var_opnd(var), &zero, 1);
}

// `var = { .a = x, .b = { ... } }`: the fill, then one FIELD_STORE per
// member named; a member named again replaces the earlier value (C keeps
// the last), nested designators of one member make one aggregate value.
static void emit_record_init(init_plan *p, uint32_t var, CXCursor list)
{
	lower *l = p->l;
	size_t n = p->elems.len;
	bh_ir_opnd *vals = bh_xcalloc(n + 1, sizeof(*vals));
	zero_fill(l, var, list);
	for (size_t i = 0; i < n; i++) {
		const init_elem *el = &p->elems.items[i];
		vals[i] = element_value(l, el, p->members.items[el->slot].type);
	}
	bh_ir_opnd *group = bh_xcalloc(n + 1, sizeof(*group));
	for (size_t m = 0; m < p->members.len; m++) {
		size_t k = 0, last = 0;
		bool nested = false;
		for (size_t i = 0; i < n; i++) {
			const init_elem *el = &p->elems.items[i];
			if (el->slot != m)
				continue;
			if (!el->nested)
				k = 0; // a whole value replaces what came before
			nested = k ? nested || el->nested : el->nested;
			group[k++] = vals[i];
			last = i;
		}
		if (k == 0 || over_budget(l))
			continue;
		CXCursor at = p->elems.items[last].value;
		bh_ir_opnd v = k == 1 && !nested ? group[0] : aggregate_value(l, group, k, at);
		bh_ir_opnd args[2] = { bh_ir_var_opnd(var), v };
		bh_ir_instr *in = emit(l, BH_IR_FIELD_STORE, at, bh_ir_none_opnd(), args, 2);
		in->name = p->members.items[m].name;
		in->member = p->members.items[m].member;
		in->size = p->members.items[m].size;
	}
	free(group);
	free(vals);
}

// `var = { x, [4] = y }` on an array: a byte array of constants is the
// string it holds; otherwise the fill, then one INDEX_STORE per element
// that is not zero (constants only while the list is short).
static void emit_array_init(init_plan *p, uint32_t var, CXCursor list)
{
	lower *l = p->l;
	size_t n = p->elems.len;
	int64_t k;
	if (is_byte_type(p->elem_type)) {
		bool constant = p->length <= MAX_INIT_BYTES;
		for (size_t i = 0; i < n && constant; i++)
			constant = !p->elems.items[i].nested &&
				   init_constant(p->elems.items[i].value, &k);
		if (constant) {
			char *bytes = bh_arena_alloc(l->arena, p->length + 1);
			memset(bytes, 0, p->length + 1);
			size_t len = 0;
			for (size_t i = 0; i < n; i++) {
				const init_elem *el = &p->elems.items[i];
				init_constant(el->value, &k);
				bytes[el->slot] = (char)k;
			}
			for (size_t i = 0; i < p->length; i++)
				if (bytes[i])
					len = i + 1;
			bh_ir_opnd s = { .kind = BH_IR_OPND_STR, .str = bytes, .len = len };
			emit(l, BH_IR_ASSIGN, list, bh_ir_var_opnd(var), &s, 1);
			return;
		}
	}
	zero_fill(l, var, list);
	for (size_t i = 0; i < n && !over_budget(l); i++) {
		const init_elem *el = &p->elems.items[i];
		bh_ir_opnd v;
		if (!el->nested && init_constant(el->value, &k)) {
			if (k == 0 || n > MAX_INIT_CONSTS)
				continue;
			v = bh_ir_int_opnd(k);
		} else {
			v = element_value(l, el, p->elem_type);
			if (el->nested)
				v = aggregate_value(l, &v, 1, el->value);
		}
		bh_ir_opnd args[3] = { bh_ir_var_opnd(var), bh_ir_int_opnd(el->slot), v };
		bh_ir_instr *in = emit(l, BH_IR_INDEX_STORE, el->value, bh_ir_none_opnd(), args, 3);
		in->size = p->elem_size;
	}
}

// Initialise variable `var` of type `t` with `init`, the initialiser of a
// declaration or compound literal, if it is a list (or a string for a
// byte array) that can be lowered member by member. False when nothing
// was emitted: the caller assigns the generic value.
static bool lower_initialiser(lower *l, uint32_t var, CXType t, CXCursor init)
{
	CXCursor e = bh_clang__strip_casts(init);
	CXType ct = clang_getCanonicalType(t);
	if (kind_of(e) == CXCursor_StringLiteral) {
		if (!type_is_array(ct) || !is_byte_type(clang_getArrayElementType(ct)))
			return false;
		bh_ir_opnd s = init_string(l, e);
		if (s.kind != BH_IR_OPND_STR)
			return false;
		emit(l, BH_IR_ASSIGN, e, bh_ir_var_opnd(var), &s, 1);
		return true;
	}
	if (kind_of(e) != CXCursor_InitListExpr || over_budget(l))
		return false;
	if (ct.kind != CXType_Record && !type_is_array(ct) && ct.kind != CXType_Vector &&
	    ct.kind != CXType_Complex) {
		// `int n = { 5 };`, `char *p = {};`: braces around a scalar.
		CXCursor kid;
		unsigned nk = bh_clang__children(e, &kid, 1);
		if (nk > 1)
			return false;
		bh_ir_opnd v = nk == 1 ? rvalue(l, kid) : bh_ir_int_opnd(0);
		assign_var(l, var, v, e);
		return true;
	}
	// `{ 0 }`, the universal zero initialiser, whatever the first member is.
	CXCursor only;
	int64_t k;
	if (bh_clang__children(e, &only, 1) == 1 && init_constant(only, &k) && k == 0 &&
	    kind_of(bh_clang__strip_casts(only)) != CXCursor_UnexposedExpr) {
		zero_fill(l, var, e);
		return true;
	}
	init_plan p;
	bool ok = plan_init(&p, l, ct, e);
	if (ok && p.record)
		emit_record_init(&p, var, e);
	else if (ok)
		emit_array_init(&p, var, e);
	plan_dispose(&p);
	return ok;
}

// `(struct s){ .a = 1 }`: an unnamed local initialised where it appears.
// The variable stands for the literal (an array one for its address).
static bh_ir_opnd compound_literal(lower *l, CXCursor e)
{
	CXType t = clang_getCursorType(e);
	unsigned flags = var_type_flags(t);
	char *ts = type_text(l, t);
	uint32_t var = bh_ir_builder_var(l->b, BH_IR_VAR_LOCAL, "(compound literal)", NULL, ts, type_size(t), flags);
	free(ts);
	bh_ir_builder_var_loc(l->b, var, loc_of(l, e));
	CXCursor list = clang_getNullCursor();
	clang_visitChildren(e, find_init_list, &list);
	if (clang_Cursor_isNull(list))
		return bh_ir_var_opnd(var);
	if (!lower_initialiser(l, var, t, list))
		assign_var(l, var, rvalue(l, list), e);
	return bh_ir_var_opnd(var);
}

// ------------------------------------------------------------- statements

static void lower_children(lower *l, CXCursor s)
{
	size_t base = push_children(l, s);
	size_t n = l->scratch.len - base;
	for (size_t i = 0; i < n && !l->stopped; i++)
		lower_stmt(l, l->scratch.items[base + i]);
	l->scratch.len = base;
}

// Clang's errors in the unit (w->errors), collected on the first call;
// false when there are none.
static bool unit_has_errors(bh_clang__walk *w)
{
	if (!w->errors_known) {
		w->errors_known = true;
		unsigned n = clang_getNumDiagnostics(w->tu);
		for (unsigned i = 0; i < n; i++) {
			CXDiagnostic d = clang_getDiagnostic(w->tu, i);
			enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
			if (sev == CXDiagnostic_Error || sev == CXDiagnostic_Fatal) {
				bh_clang__error_at e = { 0 };
				clang_getExpansionLocation(clang_getDiagnosticLocation(d), &e.file, &e.line,
							   NULL, NULL);
				if (e.file)
					bh_vec_push(&w->errors, e);
			}
			clang_disposeDiagnostic(d);
		}
	}
	return w->errors.len > 0;
}

// Does declaration statement `ds` write `name = ...`? clang drops an
// initialiser it found an error in (one naming a macro of a generated
// header that is missing) without marking the declaration invalid.
static bool declares_with_initialiser(lower *l, CXCursor ds, const char *name)
{
	CXToken *toks = NULL;
	unsigned n = 0;
	clang_tokenize(l->w->tu, clang_getCursorExtent(ds), &toks, &n);
	bool found = false, after_name = false;
	for (unsigned i = 0; i < n && !found; i++) {
		CXString s = clang_getTokenSpelling(l->w->tu, toks[i]);
		const char *t = clang_getCString(s);
		found = after_name && t && strcmp(t, "=") == 0;
		after_name = t && strcmp(t, name) == 0;
		clang_disposeString(s);
	}
	if (toks)
		clang_disposeTokens(l->w->tu, toks, n);
	return found;
}

static void lower_decl(lower *l, CXCursor ds)
{
	size_t base = push_children(l, ds);
	size_t n = l->scratch.len - base;
	for (size_t i = 0; i < n; i++) {
		CXCursor vd = l->scratch.items[base + i];
		if (kind_of(vd) != CXCursor_VarDecl)
			continue;
		uint32_t var = var_of(l, vd);
		// Statics and externs are initialised once, before any call:
		// not by this statement.
		enum CX_StorageClass sc = clang_Cursor_getStorageClass(vd);
		if (sc == CX_SC_Static || sc == CX_SC_Extern)
			continue;
		CXCursor init = clang_Cursor_getVarDeclInitializer(vd);
		if (clang_Cursor_isNull(init)) {
			// An initialiser clang dropped for an error: the variable is
			// set, to something unknown. (Only a unit with errors has
			// those: the tokens of every plain `int i;` are not read.)
			if (unit_has_errors(l->w) &&
			    declares_with_initialiser(l, ds, bh_clang__spelling(l->arena, vd)))
				assign_var(l, var, opaque(l, vd, "invalid initialiser", false), vd);
			continue;
		}
		if (lower_initialiser(l, var, clang_getCursorType(vd), init))
			continue;
		bh_ir_opnd v = rvalue(l, init);
		assign_var(l, var, v, vd);
	}
	l->scratch.len = base;
}

static void lower_if(lower *l, CXCursor s)
{
	CXCursor kids[3];
	unsigned n = bh_clang__children(s, kids, 3);
	if (n < 2 || n > 3) {
		lower_children(l, s);
		return;
	}
	uint32_t then_bb = bh_ir_builder_block(l->b, NULL);
	uint32_t join = bh_ir_builder_block(l->b, NULL);
	uint32_t else_bb = n == 3 ? bh_ir_builder_block(l->b, NULL) : join;
	lower_cond(l, kids[0], then_bb, else_bb);
	enter(l, then_bb, kids[1]);
	lower_stmt(l, kids[1]);
	goto_block(l, join, s);
	if (n == 3) {
		enter(l, else_bb, kids[2]);
		lower_stmt(l, kids[2]);
		goto_block(l, join, s);
	}
	enter(l, join, s);
}

static void lower_loop_body(lower *l, CXCursor body, uint32_t brk, uint32_t cont)
{
	jumps saved = l->j;
	l->j.brk = brk;
	l->j.cont = cont;
	lower_stmt(l, body);
	l->j = saved;
}

static void lower_while(lower *l, CXCursor s)
{
	CXCursor kids[2];
	if (bh_clang__children(s, kids, 2) != 2) {
		lower_children(l, s);
		return;
	}
	uint32_t head = bh_ir_builder_block(l->b, NULL);
	uint32_t body = bh_ir_builder_block(l->b, NULL);
	uint32_t exit = bh_ir_builder_block(l->b, NULL);
	enter(l, head, kids[0]);
	lower_cond(l, kids[0], body, exit);
	enter(l, body, kids[1]);
	lower_loop_body(l, kids[1], exit, head);
	goto_block(l, head, s);
	enter(l, exit, s);
}

static void lower_do(lower *l, CXCursor s)
{
	CXCursor kids[2];
	if (bh_clang__children(s, kids, 2) != 2) {
		lower_children(l, s);
		return;
	}
	uint32_t body = bh_ir_builder_block(l->b, NULL);
	uint32_t cond = bh_ir_builder_block(l->b, NULL);
	uint32_t exit = bh_ir_builder_block(l->b, NULL);
	enter(l, body, kids[0]);
	lower_loop_body(l, kids[0], exit, cond);
	enter(l, cond, kids[1]);
	lower_cond(l, kids[1], body, exit);
	enter(l, exit, s);
}

// -------------------------------------------------------------- for loops

// libclang lists only the parts of `for (init; cond; inc) body` that are
// present, so `for (; c; )` and `for (i = 0;;)` both have one child before
// the body. Which one it is comes from the source: the offsets of the two
// semicolons of the header, found by scanning the text after `for`.
typedef struct {
	CXFile file;
	unsigned open, semi1, semi2, close; // offsets in `file`
} for_header;

static bool scan_for_header(lower *l, CXCursor s, for_header *h)
{
	CXSourceLocation start = clang_getRangeStart(clang_getCursorExtent(s));
	unsigned off;
	clang_getSpellingLocation(start, &h->file, NULL, NULL, &off);
	if (!h->file)
		return false;
	size_t size = 0;
	const char *text = clang_getFileContents(l->w->tu, h->file, &size);
	if (!text || off + 3 > size || strncmp(text + off, "for", 3) != 0)
		return false;
	size_t i = off + 3;
	int depth = 0, semis = 0;
	size_t limit = size - off > 65536 ? off + 65536 : size;
	for (; i < limit; i++) {
		char c = text[i];
		if (c == '/' && i + 1 < limit && text[i + 1] == '*') {
			const char *e = strstr(text + i + 2, "*/");
			if (!e || (size_t)(e - text) >= limit)
				return false;
			i = (size_t)(e - text) + 1;
		} else if (c == '/' && i + 1 < limit && text[i + 1] == '/') {
			while (i < limit && text[i] != '\n')
				i++;
		} else if (c == '"' || c == '\'') {
			for (i++; i < limit && text[i] != c; i++)
				if (text[i] == '\\')
					i++;
		} else if (c == '(' || c == '[' || c == '{') {
			if (depth++ == 0) {
				if (c != '(')
					return false;
				h->open = (unsigned)i;
			}
		} else if (c == ')' || c == ']' || c == '}') {
			if (--depth == 0) {
				h->close = (unsigned)i;
				return semis == 2;
			}
			if (depth < 0)
				return false;
		} else if (c == ';' && depth == 1) {
			if (semis == 0)
				h->semi1 = (unsigned)i;
			else if (semis == 1)
				h->semi2 = (unsigned)i;
			semis++;
		} else if (depth == 0 && c != ' ' && c != '\t' && c != '\n' && c != '\r' &&
			   c != '\\') {
			return false;
		}
	}
	return false;
}

// A guess for macro-made loops whose header cannot be read: a DeclStmt
// is the init, a test-like expression the condition.
static bool looks_like_cond(CXCursor e)
{
	e = bh_clang__strip_casts(e);
	switch (kind_of(e)) {
	case CXCursor_BinaryOperator: {
		enum CXBinaryOperatorKind k = clang_getCursorBinaryOperatorKind(e);
		return (k >= CXBinaryOperator_LT && k <= CXBinaryOperator_NE) ||
		       k == CXBinaryOperator_LAnd || k == CXBinaryOperator_LOr;
	}
	case CXCursor_UnaryOperator:
		return clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_LNot;
	case CXCursor_DeclRefExpr:
	case CXCursor_MemberRefExpr:
	case CXCursor_ArraySubscriptExpr:
		return true;
	default:
		return false;
	}
}

static void classify_for(lower *l, CXCursor s, CXCursor *parts, unsigned n, CXCursor out[3])
{
	CXCursor null = clang_getNullCursor();
	out[0] = out[1] = out[2] = null;
	if (n == 3) {
		out[0] = parts[0];
		out[1] = parts[1];
		out[2] = parts[2];
		return;
	}
	if (n == 0)
		return;
	for_header h;
	if (scan_for_header(l, s, &h)) {
		bool ok = true;
		int slot[2] = { -1, -1 };
		for (unsigned i = 0; i < n && ok; i++) {
			CXFile f;
			unsigned off;
			CXSourceLocation at = clang_getRangeStart(clang_getCursorExtent(parts[i]));
			clang_getSpellingLocation(at, &f, NULL, NULL, &off);
			if (!f || !clang_File_isEqual(f, h.file) || off <= h.open || off >= h.close)
				ok = false;
			else
				slot[i] = off < h.semi1 ? 0 : off < h.semi2 ? 1 : 2;
		}
		if (ok && (n == 1 || slot[0] < slot[1])) {
			for (unsigned i = 0; i < n; i++)
				out[slot[i]] = parts[i];
			return;
		}
	}
	// Fallback.
	if (n == 1) {
		int k = kind_of(parts[0]) == CXCursor_DeclStmt ? 0 : looks_like_cond(parts[0]) ? 1 : 0;
		out[k] = parts[0];
		return;
	}
	if (kind_of(parts[0]) != CXCursor_DeclStmt && looks_like_cond(parts[0])) {
		out[1] = parts[0];
		out[2] = parts[1];
	} else {
		out[0] = parts[0];
		out[looks_like_cond(parts[1]) ? 1 : 2] = parts[1];
	}
}

static void lower_for(lower *l, CXCursor s)
{
	CXCursor kids[4];
	unsigned n = bh_clang__children(s, kids, 4);
	if (n == 0 || n > 4) {
		lower_children(l, s);
		return;
	}
	CXCursor body = kids[n - 1], part[3];
	classify_for(l, s, kids, n - 1, part);
	if (!clang_Cursor_isNull(part[0]))
		lower_stmt(l, part[0]);
	uint32_t head = bh_ir_builder_block(l->b, NULL);
	uint32_t body_bb = bh_ir_builder_block(l->b, NULL);
	bool has_inc = !clang_Cursor_isNull(part[2]);
	uint32_t inc = has_inc ? bh_ir_builder_block(l->b, NULL) : head;
	uint32_t exit = bh_ir_builder_block(l->b, NULL);
	enter(l, head, s);
	if (!clang_Cursor_isNull(part[1]))
		lower_cond(l, part[1], body_bb, exit);
	else
		goto_block(l, body_bb, s);
	enter(l, body_bb, body);
	lower_loop_body(l, body, exit, inc);
	if (has_inc) {
		enter(l, inc, part[2]);
		effect(l, part[2]);
	}
	goto_block(l, head, s);
	enter(l, exit, s);
}

// ---------------------------------------------------------------- switch

static void lower_switch(lower *l, CXCursor s)
{
	CXCursor kids[2];
	if (bh_clang__children(s, kids, 2) != 2) {
		lower_children(l, s);
		return;
	}
	bh_ir_opnd v = rvalue(l, kids[0]);
	uint32_t exit = bh_ir_builder_block(l->b, NULL);
	uint32_t sw = bh_ir_builder_switch(l->b, v, exit, loc_of(l, s));
	jumps saved = l->j;
	l->j.brk = exit;
	l->j.sw = sw;
	// The body starts in dead code: only case labels are entered.
	lower_stmt(l, kids[1]);
	l->j = saved;
	goto_block(l, exit, s);
	enter(l, exit, s);
}

static void lower_case(lower *l, CXCursor s)
{
	CXCursor kids[3];
	unsigned n = bh_clang__children(s, kids, 3);
	if (n < 2 || n > 3) {
		lower_children(l, s);
		return;
	}
	if (l->j.sw == NO_BLOCK) {
		lower_stmt(l, kids[n - 1]);
		return;
	}
	int64_t lo = 0, hi;
	if (!eval_int(kids[0], &lo))
		lo = 0;
	hi = lo;
	if (n == 3 && !eval_int(kids[1], &hi))
		hi = lo;
	uint32_t target = bh_ir_builder_block(l->b, NULL);
	// A case reached by falling through from the one above jumps here.
	enter(l, target, s);
	bh_ir_builder_case(l->b, l->j.sw, lo, hi, target);
	lower_stmt(l, kids[n - 1]);
}

static void lower_default(lower *l, CXCursor s)
{
	CXCursor kid;
	if (bh_clang__children(s, &kid, 1) != 1)
		return;
	if (l->j.sw != NO_BLOCK) {
		uint32_t target = bh_ir_builder_block(l->b, NULL);
		enter(l, target, s);
		bh_ir_builder_switch_default(l->b, l->j.sw, target);
	}
	lower_stmt(l, kid);
}

// ------------------------------------------------------------- statements

static void lower_stmt_inner(lower *l, CXCursor s)
{
	CXCursor kid;
	enum CXCursorKind k = kind_of(s);
	switch (k) {
	case CXCursor_CompoundStmt:
		lower_children(l, s);
		return;
	case CXCursor_DeclStmt:
		lower_decl(l, s);
		return;
	case CXCursor_IfStmt:
		lower_if(l, s);
		return;
	case CXCursor_WhileStmt:
		lower_while(l, s);
		return;
	case CXCursor_DoStmt:
		lower_do(l, s);
		return;
	case CXCursor_ForStmt:
		lower_for(l, s);
		return;
	case CXCursor_SwitchStmt:
		lower_switch(l, s);
		return;
	case CXCursor_CaseStmt:
		lower_case(l, s);
		return;
	case CXCursor_DefaultStmt:
		lower_default(l, s);
		return;
	case CXCursor_LabelStmt: {
		uint32_t block = label_block(l, s);
		enter(l, block, s);
		if (bh_clang__children(s, &kid, 1) == 1)
			lower_stmt(l, kid);
		return;
	}
	case CXCursor_GotoStmt: {
		CXCursor label = clang_getCursorReferenced(s);
		if (kind_of(label) == CXCursor_LabelStmt)
			bh_ir_builder_jmp(l->b, label_block(l, label), loc_of(l, s));
		return;
	}
	case CXCursor_BreakStmt:
		if (l->j.brk != NO_BLOCK)
			bh_ir_builder_jmp(l->b, l->j.brk, loc_of(l, s));
		return;
	case CXCursor_ContinueStmt:
		if (l->j.cont != NO_BLOCK)
			bh_ir_builder_jmp(l->b, l->j.cont, loc_of(l, s));
		return;
	case CXCursor_ReturnStmt: {
		bh_ir_opnd v = bh_ir_none_opnd();
		if (bh_clang__children(s, &kid, 1) == 1)
			v = rvalue(l, kid);
		bh_ir_builder_ret(l->b, v, loc_of(l, s));
		return;
	}
	case CXCursor_NullStmt:
		return;
	case CXCursor_IndirectGotoStmt:
		// TODO(#5): edges to every address-taken label; until then the
		// path ends here, which analyses see as leaving the function.
		opaque(l, s, "indirect-goto", true);
		bh_ir_builder_unreachable(l->b, loc_of(l, s));
		return;
	case CXCursor_GCCAsmStmt:
	case CXCursor_MSAsmStmt:
		opaque(l, s, "asm", true);
		return;
	default:
		if (clang_isExpression(k)) {
			effect(l, s);
			return;
		}
		// Attributed statements and the like: their children.
		lower_children(l, s);
		return;
	}
}

static void lower_stmt(lower *l, CXCursor s)
{
	if (over_budget(l)) {
		if (!l->stopped)
			opaque(l, s, "too-deep", false);
		return;
	}
	stmt_loc here = { s, 0, { 0 }, l->stmt };
	l->stmt = &here;
	l->depth++;
	lower_stmt_inner(l, s);
	l->depth--;
	l->stmt = here.outer;
}

// ------------------------------------------------------------------ entry

static CXCursor function_body(CXCursor fn)
{
	CXCursor kids[64];
	unsigned n = bh_clang__children(fn, kids, 64);
	if (n > 64)
		n = 64;
	for (unsigned i = n; i-- > 0;)
		if (kind_of(kids[i]) == CXCursor_CompoundStmt)
			return kids[i];
	return clang_getNullCursor();
}

// Did clang report an error inside `fn_cursor`'s body? Such a function's IR
// misses what clang dropped: assignments, calls, checks.
static bool has_clang_errors(bh_clang__walk *w, CXCursor fn_cursor)
{
	if (!unit_has_errors(w))
		return false;
	CXSourceRange r = clang_getCursorExtent(fn_cursor);
	CXFile f1, f2;
	unsigned l1, l2;
	clang_getExpansionLocation(clang_getRangeStart(r), &f1, &l1, NULL, NULL);
	clang_getExpansionLocation(clang_getRangeEnd(r), &f2, &l2, NULL, NULL);
	for (size_t i = 0; i < w->errors.len; i++) {
		const bh_clang__error_at *e = &w->errors.items[i];
		if (e->line >= l1 && e->line <= l2 && clang_File_isEqual(e->file, f1))
			return true;
	}
	return false;
}

void bh_clang__lower_global(bh_clang__walk *w, CXCursor var)
{
	if (!w->ir || clang_getCursorKind(var) != CXCursor_VarDecl)
		return;
	enum CX_StorageClass storage = clang_Cursor_getStorageClass(var);
	bool definition = clang_isCursorDefinition(var);
	// (`int verbose;` at file scope is a tentative definition, which
	// clang_isCursorDefinition does not count, but the linker does.)
	if (!definition && storage != CX_SC_None)
		return;
	lower l = { .w = w, .arena = w->arena };
	// A file-local static is never seen from another unit.
	bool external = storage != CX_SC_Static;
	const char *usr = usr_of(&l, var);
	const char *key = usr ? usr : bh_clang__spelling(w->arena, var);
	if (external) {
		bh_ir_global_def *d = bh_arena_alloc(w->arena, sizeof(*d));
		d->key = key;
		d->next = w->ir->defs;
		w->ir->defs = d;
	}
	if (!definition)
		return;
	CXType type = clang_getCursorType(var);
	CXType ct = clang_getCanonicalType(type);
	int64_t value;
	if (ct.kind >= CXType_Bool && ct.kind <= CXType_Int128 && external && eval_int(var, &value)) {
		bh_ir_global_init *g = bh_arena_alloc(w->arena, sizeof(*g));
		g->key = key;
		g->value = value;
		g->is_const = clang_isConstQualifiedType(type);
		g->next = w->ir->inits;
		w->ir->inits = g;
		return;
	}
	bh_ir_fn_field *fields;
	uint32_t n = function_table(&l, var, ct, &fields);
	if (!n)
		return;
	bh_ir_table *t = bh_arena_alloc(w->arena, sizeof(*t));
	t->key = key;
	t->fields = fields;
	t->nfields = n;
	t->next = w->ir->tables;
	w->ir->tables = t;
}

void bh_clang__lower_function(bh_clang__walk *w, CXCursor fn_cursor)
{
	CXCursor body = function_body(fn_cursor);
	if (clang_Cursor_isNull(body) || !w->ir)
		return;
	lower l = { .w = w, .arena = w->arena };
	l.j.brk = l.j.cont = l.j.sw = NO_BLOCK;
	bh_loc loc = { 0 };
	bh_clang__cursor_loc(w, fn_cursor, &loc);
	l.loc = loc;
	clang_getExpansionLocation(clang_getRangeStart(clang_getCursorExtent(fn_cursor)), NULL, NULL, NULL,
				   &l.offset);
	const char *name = w->function_name ? w->function_name
					    : bh_clang__spelling(w->arena, fn_cursor);
	const char *usr = usr_of(&l, fn_cursor);
	l.b = bh_ir_builder_new(w->arena, name, usr, loc);

	int nparams = clang_Cursor_getNumArguments(fn_cursor);
	for (int i = 0; i < nparams; i++)
		var_of(&l, clang_Cursor_getArgument(fn_cursor, (unsigned)i));
	lower_stmt(&l, body);

	bh_ir_func *fn = bh_ir_builder_finish(l.b);
	l.b = NULL;
	if (has_clang_errors(w, fn_cursor))
		fn->cut |= BH_IR_CUT_ERRORS;
	CXType result = clang_getCanonicalType(clang_getResultType(clang_getCursorType(fn_cursor)));
	fn->returns_pointer = result.kind == CXType_Pointer;
#ifndef NDEBUG
	const char *why = NULL;
	if (!bh_ir_verify(fn, w->arena, &why)) {
		bh_ir_print(stderr, fn);
		fprintf(stderr, "bh_ir_verify: %s\n", why ? why : "?");
		bh_assert(!"lowering produced invalid IR");
	}
#endif
	// (A function with clang errors has those errors as diagnostics.)
	if (fn->cut & (BH_IR_CUT_SIZE | BH_IR_CUT_DEPTH))
		bh_diag_add(w->diags, BH_LEVEL_NOTE, "ir.incomplete", loc.path, loc.line, loc.col,
			    "function '%s' is %s: only part of it is analysed", name,
			    fn->cut & BH_IR_CUT_SIZE ? "too large" : "nested too deeply");
	if (w->ir->last)
		w->ir->last->next = fn;
	else
		w->ir->first = fn;
	w->ir->last = fn;
	w->ir->nfuncs++;

	map_dispose(&l.vars);
	map_dispose(&l.labels);
	bh_vec_dispose(&l.scratch);
}

// ------------------------------------------------------------ public API

bh_status bh_clang_lower(bh_ir_unit *out, bh_arena *arena, const bh_unit *unit,
			 const char *ctx_root, bh_diags *diags)
{
	if (!out || !arena || !unit || !ctx_root || !diags)
		return BH_EINVAL;
	memset(out, 0, sizeof(*out));
	size_t root_len = strlen(ctx_root);
	while (root_len > 1 && ctx_root[root_len - 1] == '/')
		root_len--;
	const char *root = bh_arena_strndup(arena, ctx_root, root_len);
	bh_findings scratch;
	bh_findings_init(&scratch, arena);
	CXIndex index = bh_clang__index_new();
	bh_clang__analyse_unit(index, unit, root, arena, &scratch, diags, out, NULL, NULL, NULL, NULL, 0, NULL);
	clang_disposeIndex(index);
	bh_findings_dispose(&scratch);
	return BH_OK;
}
