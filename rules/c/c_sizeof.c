// SPDX-License-Identifier: MIT
// c.sizeof-pointer (CWE-467): `sizeof` of a pointer where the size of the
// memory it points to was meant. Called by the libclang walker for every
// cursor inside a function; it looks at two places:
//
//   allocations  `p = malloc(sizeof(p))`, `T *p = calloc(n, sizeof(p))`,
//                `p = realloc(p, n * sizeof(p))`: the size names the very
//                pointer the result is stored in;
//   lengths      `memset(p, 0, sizeof(p))`, `memcpy(dst, src, sizeof(src))`,
//                `fgets(line, sizeof(line), fp)`, `read(fd, buf, sizeof
//                buf)`, ...: the length names a pointer argument of the
//                same call.
//
// A length may be `sizeof(x)` itself or a term of `+`, `-`, `*` around it
// (`sizeof(dst) - 1`, `n * sizeof(p)`). The pointer is the same expression
// when both name the same variable or field, or have the same text.
//
// Not reported: `sizeof(*p)` and `sizeof(T *)` (a type is written on
// purpose), arrays (`sizeof buf` of `char buf[64]` is its size), and a
// pointer to a pointer (`char **v = malloc(sizeof(v))` allocates one
// pointer, which is what a `char **` points to). An array parameter
// (`void f(char buf[64])`) IS a pointer and is reported, as clang's
// -Wsizeof-array-argument does.
//
// Only C library functions count (the test of c_calls.c): a function of
// the program named `memset` may take its length differently.
#include <string.h>

#include "parse/c/clang_internal.h"

// ------------------------------------------------------------ the table

// How many pointer arguments and length arguments a spec may name.
#define MAX_PTRS 2
#define MAX_LENS 2

typedef struct {
	const char *name;
	int ptr[MAX_PTRS]; // pointer arguments, -1 for none
	int len[MAX_LENS]; // length or size arguments, -1 for none
	bool alloc;        // the result is the memory: the pointer it is stored in counts
} sizeof_spec;

static const sizeof_spec specs[] = {
	{ "malloc", { -1, -1 }, { 0, -1 }, true },
	{ "calloc", { -1, -1 }, { 0, 1 }, true },
	{ "realloc", { -1, -1 }, { 1, -1 }, true },
	{ "reallocarray", { -1, -1 }, { 1, 2 }, true },
	{ "aligned_alloc", { -1, -1 }, { 1, -1 }, true },

	{ "memset", { 0, -1 }, { 2, -1 }, false },
	{ "__builtin_memset", { 0, -1 }, { 2, -1 }, false },
	{ "__builtin___memset_chk", { 0, -1 }, { 2, -1 }, false },
	{ "bzero", { 0, -1 }, { 1, -1 }, false },
	{ "explicit_bzero", { 0, -1 }, { 1, -1 }, false },
	{ "memcpy", { 0, 1 }, { 2, -1 }, false },
	{ "__builtin_memcpy", { 0, 1 }, { 2, -1 }, false },
	{ "__builtin___memcpy_chk", { 0, 1 }, { 2, -1 }, false },
	{ "memmove", { 0, 1 }, { 2, -1 }, false },
	{ "__builtin_memmove", { 0, 1 }, { 2, -1 }, false },
	{ "__builtin___memmove_chk", { 0, 1 }, { 2, -1 }, false },
	{ "memcmp", { 0, 1 }, { 2, -1 }, false },
	{ "memchr", { 0, -1 }, { 2, -1 }, false },
	{ "strncpy", { 0, 1 }, { 2, -1 }, false },
	{ "__builtin___strncpy_chk", { 0, 1 }, { 2, -1 }, false },
	{ "strncat", { 0, 1 }, { 2, -1 }, false },
	{ "__builtin___strncat_chk", { 0, 1 }, { 2, -1 }, false },
	{ "strncmp", { 0, 1 }, { 2, -1 }, false },
	{ "strncasecmp", { 0, 1 }, { 2, -1 }, false },
	{ "strlcpy", { 0, -1 }, { 2, -1 }, false },
	{ "strlcat", { 0, -1 }, { 2, -1 }, false },
	{ "snprintf", { 0, -1 }, { 1, -1 }, false },
	{ "__builtin___snprintf_chk", { 0, -1 }, { 1, -1 }, false },
	{ "vsnprintf", { 0, -1 }, { 1, -1 }, false },
	{ "__builtin___vsnprintf_chk", { 0, -1 }, { 1, -1 }, false },
	{ "fgets", { 0, -1 }, { 1, -1 }, false },
	{ "getcwd", { 0, -1 }, { 1, -1 }, false },
	{ "gethostname", { 0, -1 }, { 1, -1 }, false },
	{ "readlink", { 1, -1 }, { 2, -1 }, false },
	{ "read", { 1, -1 }, { 2, -1 }, false },
	{ "pread", { 1, -1 }, { 2, -1 }, false },
	{ "write", { 1, -1 }, { 2, -1 }, false },
	{ "pwrite", { 1, -1 }, { 2, -1 }, false },
	{ "recv", { 1, -1 }, { 2, -1 }, false },
	{ "recvfrom", { 1, -1 }, { 2, -1 }, false },
	{ "send", { 1, -1 }, { 2, -1 }, false },
	{ "sendto", { 1, -1 }, { 2, -1 }, false },
	{ "fread", { 0, -1 }, { 1, 2 }, false },
	{ "fwrite", { 0, -1 }, { 1, 2 }, false },
};

static const sizeof_spec *find_spec(const char *name)
{
	for (size_t i = 0; name && i < BH_ARRAY_LEN(specs); i++)
		if (strcmp(specs[i].name, name) == 0)
			return &specs[i];
	return NULL;
}

// -------------------------------------------------------------- sizeof

// Is `e` (a UnaryExpr) `sizeof` rather than `_Alignof`/`__alignof__`? The
// keyword is read where it is spelled (a macro's definition included).
static bool is_sizeof(bh_clang__walk *w, CXCursor e)
{
	CXSourceRange r = clang_getCursorExtent(e);
	CXFile file;
	unsigned off;
	clang_getSpellingLocation(clang_getRangeStart(r), &file, NULL, NULL, &off);
	size_t size;
	const char *data = file ? clang_getFileContents(w->tu, file, &size) : NULL;
	if (!data || off > size || size - off < 7)
		return false;
	char next = data[off + 6];
	return strncmp(data + off, "sizeof", 6) == 0 &&
	       !(next == '_' || (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') ||
		 (next >= '0' && next <= '9'));
}

// The operand of `sizeof expr` (parentheses removed), or a null cursor for
// `sizeof(type)` and anything else.
static CXCursor sizeof_operand(bh_clang__walk *w, CXCursor e)
{
	CXCursor kid;
	if (clang_getCursorKind(e) != CXCursor_UnaryExpr || bh_clang__children(e, &kid, 1) != 1 ||
	    !clang_isExpression(clang_getCursorKind(kid)) || !is_sizeof(w, e))
		return clang_getNullCursor();
	return bh_clang__strip(kid);
}

// The `sizeof expr` terms of a length: the expression itself, or the
// operands of `+`, `-`, `*` around it, a few levels deep.
static unsigned find_sizeofs(bh_clang__walk *w, CXCursor e, CXCursor *out, unsigned n, unsigned max,
			     int depth)
{
	e = bh_clang__strip_casts(e);
	if (n == max || depth > 3)
		return n;
	CXCursor op = sizeof_operand(w, e);
	if (!clang_Cursor_isNull(op)) {
		out[n++] = e;
		return n;
	}
	if (clang_getCursorKind(e) != CXCursor_BinaryOperator)
		return n;
	enum CXBinaryOperatorKind k = clang_getCursorBinaryOperatorKind(e);
	if (k != CXBinaryOperator_Add && k != CXBinaryOperator_Sub && k != CXBinaryOperator_Mul)
		return n;
	CXCursor kids[2];
	if (bh_clang__children(e, kids, 2) != 2)
		return n;
	n = find_sizeofs(w, kids[0], out, n, max, depth + 1);
	return find_sizeofs(w, kids[1], out, n, max, depth + 1);
}

// ------------------------------------------------------------ same value

// Do `a` and `b` name the same object? The same variable, the same field
// of the same base, or the same text (`*pp`, `v[i]`).
static bool same_object(bh_clang__walk *w, CXCursor a, CXCursor b, int depth)
{
	a = bh_clang__strip_casts(a);
	b = bh_clang__strip_casts(b);
	enum CXCursorKind ka = clang_getCursorKind(a), kb = clang_getCursorKind(b);
	if (ka == CXCursor_DeclRefExpr && kb == CXCursor_DeclRefExpr)
		return clang_equalCursors(clang_getCursorReferenced(a),
					  clang_getCursorReferenced(b));
	if (ka == CXCursor_MemberRefExpr && kb == CXCursor_MemberRefExpr && depth < 4) {
		if (!clang_equalCursors(clang_getCursorReferenced(a), clang_getCursorReferenced(b)))
			return false;
		CXCursor ba, bb;
		return bh_clang__children(a, &ba, 1) == 1 && bh_clang__children(b, &bb, 1) == 1 &&
		       same_object(w, ba, bb, depth + 1);
	}
	if (ka != kb || ka == CXCursor_DeclRefExpr || ka == CXCursor_MemberRefExpr)
		return false;
	const char *ta = bh_clang__expr_text(w, a), *tb = bh_clang__expr_text(w, b);
	return ta && tb && strcmp(ta, tb) == 0;
}

// --------------------------------------------------------------- checks

// A parameter declared as an array (`char buf[64]`): libclang shows its
// written type, but C made it a pointer.
static bool is_array_parameter(CXCursor op, CXType t)
{
	return clang_getCursorKind(op) == CXCursor_DeclRefExpr &&
	       clang_getCursorKind(clang_getCursorReferenced(op)) == CXCursor_ParmDecl &&
	       (t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray ||
		t.kind == CXType_VariableArray || t.kind == CXType_DependentSizedArray);
}

static long long sizeof_value(CXCursor e)
{
	CXEvalResult r = clang_Cursor_Evaluate(e);
	if (!r)
		return -1;
	long long v =
		clang_EvalResult_getKind(r) == CXEval_Int ? clang_EvalResult_getAsLongLong(r) : -1;
	clang_EvalResult_dispose(r);
	return v;
}

// What a pointer of type `t` points to, for the message.
static const char *pointee_text(bh_clang__walk *w, CXType pointee)
{
	CXType c = clang_getCanonicalType(pointee);
	if (c.kind == CXType_Void)
		return "the memory it points to";
	if (c.kind == CXType_Char_S || c.kind == CXType_Char_U || c.kind == CXType_SChar ||
	    c.kind == CXType_UChar)
		return "the buffer it points to";
	CXString s = clang_getTypeSpelling(pointee);
	const char *text =
		bh_arena_strdup(w->arena, clang_getCString(s) ? clang_getCString(s) : "?");
	clang_disposeString(s);
	long long size = clang_Type_getSizeOf(pointee);
	if (size <= 0)
		return bh_arena_sprintf(w->arena, "the '%s' it points to", text);
	return bh_arena_sprintf(w->arena, "the '%s' it points to (%lld byte%s)", text, size,
				size == 1 ? "" : "s");
}

// Report `sz` (a sizeof of `op`) in a call to `fn` if `op` is a pointer.
static void check_sizeof(bh_clang__walk *w, CXCursor sz, CXCursor op, const char *fn)
{
	CXType t = clang_getCursorType(op);
	CXType canon = clang_getCanonicalType(t);
	long long value = sizeof_value(sz);
	const char *text = bh_clang__expr_text(w, op);
	if (!text || value <= 0)
		return;
	if (is_array_parameter(op, canon)) {
		long long declared = clang_Type_getSizeOf(canon);
		const char *as = declared > 0 ? bh_arena_sprintf(w->arena, "an array of %lld bytes",
								 declared)
					      : "an array";
		bh_clang__report(
			w, BH_RULE_C_SIZEOF_POINTER, sz,
			"%s() gets sizeof(%s), the size of a pointer (%lld bytes): parameter "
			"'%s' is declared as %s, but C passes it as a pointer",
			fn, text, value, text, as);
		return;
	}
	if (canon.kind != CXType_Pointer)
		return;
	CXType pointee = clang_getPointeeType(canon);
	enum CXTypeKind pk = clang_getCanonicalType(pointee).kind;
	// A pointer to a pointer (or to a block pointer): the pointer size is
	// the pointee's size. A function has no size to mean.
	if (pk == CXType_Pointer || pk == CXType_BlockPointer || pk == CXType_FunctionProto ||
	    pk == CXType_FunctionNoProto)
		return;
	bh_clang__report(w, BH_RULE_C_SIZEOF_POINTER, sz,
			 "%s() gets sizeof(%s), the size of the pointer (%lld bytes), not of %s",
			 fn, text, value, pointee_text(w, clang_getPointeeType(t)));
}

// The sizeof terms of length argument `i` of `call` that name the same
// object as `target`.
static void check_length(bh_clang__walk *w, CXCursor call, int i, CXCursor target, const char *fn)
{
	if (i < 0 || i >= clang_Cursor_getNumArguments(call))
		return;
	CXCursor terms[4];
	unsigned n = find_sizeofs(w, clang_Cursor_getArgument(call, (unsigned)i), terms, 0, 4, 0);
	for (unsigned k = 0; k < n; k++) {
		CXCursor op = sizeof_operand(w, terms[k]);
		if (same_object(w, op, target, 0))
			check_sizeof(w, terms[k], op, fn);
	}
}

// `memset(p, 0, sizeof(p))` and the other length arguments.
static void check_call(bh_clang__walk *w, CXCursor call)
{
	const char *fn = bh_clang__library_callee(w, call);
	const sizeof_spec *spec = find_spec(fn);
	if (!spec || spec->alloc)
		return;
	int nargs = clang_Cursor_getNumArguments(call);
	for (int p = 0; p < MAX_PTRS; p++) {
		if (spec->ptr[p] < 0 || spec->ptr[p] >= nargs)
			continue;
		CXCursor target = clang_Cursor_getArgument(call, (unsigned)spec->ptr[p]);
		for (int l = 0; l < MAX_LENS; l++)
			check_length(w, call, spec->len[l], target, fn);
	}
}

// `lhs = malloc(sizeof(lhs))`: `target` is the pointer the result goes to.
static void check_allocation(bh_clang__walk *w, CXCursor value, CXCursor target)
{
	CXCursor call = bh_clang__strip_casts(value);
	if (clang_getCursorKind(call) != CXCursor_CallExpr)
		return;
	const char *fn = bh_clang__library_callee(w, call);
	const sizeof_spec *spec = find_spec(fn);
	if (!spec || !spec->alloc)
		return;
	for (int l = 0; l < MAX_LENS; l++)
		check_length(w, call, spec->len[l], target, fn);
}

// `T *p = malloc(sizeof(p))`: compare with a reference to the variable.
static void check_var_decl(bh_clang__walk *w, CXCursor var)
{
	CXCursor init = clang_Cursor_getVarDeclInitializer(var);
	if (clang_Cursor_isNull(init))
		return;
	CXCursor call = bh_clang__strip_casts(init);
	if (clang_getCursorKind(call) != CXCursor_CallExpr)
		return;
	const char *fn = bh_clang__library_callee(w, call);
	const sizeof_spec *spec = find_spec(fn);
	if (!spec || !spec->alloc)
		return;
	for (int l = 0; l < MAX_LENS; l++) {
		int i = spec->len[l];
		if (i < 0 || i >= clang_Cursor_getNumArguments(call))
			continue;
		CXCursor terms[4];
		unsigned n = find_sizeofs(w, clang_Cursor_getArgument(call, (unsigned)i), terms, 0,
					  4, 0);
		for (unsigned k = 0; k < n; k++) {
			CXCursor op = sizeof_operand(w, terms[k]);
			if (clang_getCursorKind(op) == CXCursor_DeclRefExpr &&
			    clang_equalCursors(clang_getCursorReferenced(op), var))
				check_sizeof(w, terms[k], op, fn);
		}
	}
}

void bh_clang__rule_sizeof(bh_clang__walk *w, CXCursor c)
{
	switch (clang_getCursorKind(c)) {
	case CXCursor_CallExpr:
		check_call(w, c);
		break;
	case CXCursor_VarDecl:
		check_var_decl(w, c);
		break;
	case CXCursor_BinaryOperator: {
		CXCursor kids[2];
		if (clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign &&
		    bh_clang__children(c, kids, 2) == 2)
			check_allocation(w, kids[1], kids[0]);
		break;
	}
	default:
		break;
	}
}
