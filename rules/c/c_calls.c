// SPDX-License-Identifier: MIT
// Rule family "dangerous C library calls": c.gets, c.insecure-temp-file,
// c.unbounded-copy and c.literal-overflow. Called by the libclang walker for
// every CallExpr in the context's files. (Format strings and commands are
// the taint analysis' business: analyzer/dataflow/taint_*.c.)
//
// What counts as a C library call: the callee's first declaration is in a
// system header, or it is a compiler builtin (__builtin___sprintf_chk, which
// glibc's fortified headers substitute for sprintf when _FORTIFY_SOURCE is
// on), or it was never declared at all (an implicit declaration binds to
// libc at link time; gets() is not even declared in C11 mode). A function
// of the user's own with the same name is not the library's and is never
// reported. Fortified names (__printf_chk, __strcpy_chk, ...) map back to
// the function the user wrote, with their extra arguments accounted for.
//
// Precision: each check is local to one call. Whether a destination is
// a fixed-size array comes from its declared type, lengths from literals
// only; values that flow in from elsewhere are not tracked (that is the
// dataflow engine's job), so a non-literal source is reported even when
// the program checked its length first: the known false-positive source.
#include <stdio.h>
#include <string.h>

#include "parse/c/clang_internal.h"

// --------------------------------------------------------------- the table

typedef enum {
	K_GETS,  // gets: reads an unbounded line into `dst`
	K_TEMP,  // tmpnam, tempnam, mktemp: predictable names
	K_COPY,  // strcpy, strcat: `arg` is copied into `dst`
	K_FILL,  // sprintf, vsprintf: formats `arg` into `dst` without a bound
} call_kind;

enum {
	F_APPEND = 1 << 0, // strcat: appends to what `dst` holds
	F_FILL = 1 << 1,   // sprintf, vsprintf: formats into `dst` without a bound
	F_VALIST = 1 << 2, // the values come from a va_list
};

typedef struct {
	const char *name;  // as the callee is named in the AST
	const char *shown; // the function the user wrote, for messages
	call_kind kind;
	int dst;           // destination argument, or -1
	int arg;           // source, format or command argument, or -1
	unsigned flags;
} call_spec;

// Argument positions of the fortified variants differ: __sprintf_chk(dst,
// flag, size, fmt, ...), __printf_chk(flag, fmt, ...), and so on.
static const call_spec specs[] = {
	{ "gets", "gets", K_GETS, 0, -1, 0 },
	{ "__gets_chk", "gets", K_GETS, 0, -1, 0 },

	{ "tmpnam", "tmpnam", K_TEMP, -1, -1, 0 },
	{ "tempnam", "tempnam", K_TEMP, -1, -1, 0 },
	{ "mktemp", "mktemp", K_TEMP, -1, -1, 0 },

	{ "strcpy", "strcpy", K_COPY, 0, 1, 0 },
	{ "__builtin_strcpy", "strcpy", K_COPY, 0, 1, 0 },
	{ "__builtin___strcpy_chk", "strcpy", K_COPY, 0, 1, 0 },
	{ "__strcpy_chk", "strcpy", K_COPY, 0, 1, 0 },
	{ "strcat", "strcat", K_COPY, 0, 1, F_APPEND },
	{ "__builtin_strcat", "strcat", K_COPY, 0, 1, F_APPEND },
	{ "__builtin___strcat_chk", "strcat", K_COPY, 0, 1, F_APPEND },
	{ "__strcat_chk", "strcat", K_COPY, 0, 1, F_APPEND },

	{ "sprintf", "sprintf", K_FILL, 0, 1, F_FILL },
	{ "__builtin_sprintf", "sprintf", K_FILL, 0, 1, F_FILL },
	{ "__builtin___sprintf_chk", "sprintf", K_FILL, 0, 3, F_FILL },
	{ "__sprintf_chk", "sprintf", K_FILL, 0, 3, F_FILL },
	{ "vsprintf", "vsprintf", K_FILL, 0, 1, F_FILL | F_VALIST },
	{ "__builtin_vsprintf", "vsprintf", K_FILL, 0, 1, F_FILL | F_VALIST },
	{ "__builtin___vsprintf_chk", "vsprintf", K_FILL, 0, 3, F_FILL | F_VALIST },
	{ "__vsprintf_chk", "vsprintf", K_FILL, 0, 3, F_FILL | F_VALIST },
};

static const call_spec *find_spec(const char *name)
{
	for (size_t i = 0; i < BH_ARRAY_LEN(specs); i++) {
		if (strcmp(specs[i].name, name) == 0)
			return &specs[i];
	}
	return NULL;
}

// ------------------------------------------------------------------ callee

static enum CXChildVisitResult first_child(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	*(CXCursor *)data = c;
	return CXChildVisit_Break;
}

// The FunctionDecl a call refers to. libclang resolves plain calls
// directly; `(strcpy)(a, b)` needs a look at the callee expression.
static bool callee_decl(CXCursor call, CXCursor *out)
{
	CXCursor ref = clang_getCursorReferenced(call);
	if (clang_getCursorKind(ref) != CXCursor_FunctionDecl) {
		CXCursor callee = clang_getNullCursor();
		clang_visitChildren(call, first_child, &callee);
		callee = bh_clang__strip(callee);
		if (clang_getCursorKind(callee) != CXCursor_DeclRefExpr)
			return false;
		ref = clang_getCursorReferenced(callee);
	}
	*out = ref;
	return clang_getCursorKind(ref) == CXCursor_FunctionDecl;
}

// An implicit declaration has no source of its own: clang gives it no
// extent (gets), or, for functions it knows as library builtins (strcpy,
// printf), the extent of the callee name at the first call. A written
// declaration always spans more than its name.
static bool is_implicit_declaration(CXCursor decl, const char *name)
{
	CXSourceRange r = clang_getCursorExtent(decl);
	if (clang_Range_isNull(r))
		return true;
	CXFile fa, fb;
	unsigned oa, ob;
	clang_getSpellingLocation(clang_getRangeStart(r), &fa, NULL, NULL, &oa);
	clang_getSpellingLocation(clang_getRangeEnd(r), &fb, NULL, NULL, &ob);
	return fa && fb && clang_File_isEqual(fa, fb) && ob > oa && ob - oa == strlen(name);
}

static bool is_library_function(CXCursor decl, const char *name)
{
	if (strncmp(name, "__builtin_", 10) == 0)
		return true;
	// The first declaration decides: <string.h>'s strcpy stays libc's
	// even when the user repeats its prototype later.
	CXCursor first = clang_getCanonicalCursor(decl);
	if (clang_Location_isInSystemHeader(clang_getCursorLocation(first)))
		return true;
	// A call to an undeclared function declares it implicitly; with no
	// definition in this TU the linker binds it to the C library.
	return is_implicit_declaration(first, name) &&
	       clang_Cursor_isNull(clang_getCursorDefinition(decl));
}

const char *bh_clang__library_callee(bh_clang__walk *w, CXCursor call)
{
	CXCursor decl;
	if (!callee_decl(call, &decl))
		return NULL;
	const char *name = bh_clang__spelling(w->arena, decl);
	return name[0] && is_library_function(decl, name) ? name : NULL;
}

static bool get_arg(CXCursor call, int i, CXCursor *out)
{
	if (i < 0 || i >= clang_Cursor_getNumArguments(call))
		return false;
	*out = clang_Cursor_getArgument(call, (unsigned)i);
	return !clang_Cursor_isNull(*out);
}

// "'buf'" for messages, or a description when the text is not known.
static const char *quoted(bh_clang__walk *w, CXCursor e, const char *otherwise)
{
	const char *text = bh_clang__expr_text(w, e);
	return text ? bh_arena_sprintf(w->arena, "'%s'", text) : otherwise;
}

// ------------------------------------------------------------ constant strings

// Up to this many alternative literals are followed through `?:`.
#define MAX_CANDIDATES 8

typedef struct {
	bh_clang__literal lit[MAX_CANDIDATES];
	size_t n;
	bool complete; // every value the expression can take is in `lit`
	bool known;    // ... and every one of them was decoded
} candidates;

// The literals an expression can evaluate to: the literal itself (also
// through a macro), each branch of `?:`, or the initialiser of a variable
// that cannot change (`static const char greeting[] = "hello"`).
static void collect_literals(bh_clang__walk *w, CXCursor e, candidates *out, int depth)
{
	if (depth > 4 || out->n == MAX_CANDIDATES) {
		out->complete = false;
		return;
	}
	CXCursor s = bh_clang__strip_casts(e);
	bh_clang__literal lit;
	if (bh_clang__string_literal(w->arena, s, &lit)) {
		out->lit[out->n++] = lit;
		if (!lit.known)
			out->known = false;
		return;
	}
	enum CXCursorKind k = clang_getCursorKind(s);
	CXCursor kids[3];
	if (k == CXCursor_ConditionalOperator && bh_clang__children(s, kids, 3) == 3) {
		collect_literals(w, kids[1], out, depth + 1);
		collect_literals(w, kids[2], out, depth + 1);
		return;
	}
	if (k == CXCursor_DeclRefExpr && bh_clang__is_constant_string(s)) {
		CXCursor init = clang_Cursor_getVarDeclInitializer(clang_getCursorReferenced(s));
		if (!clang_Cursor_isNull(init)) {
			collect_literals(w, init, out, depth + 1);
			return;
		}
	}
	out->complete = false;
}

static candidates literals_of(bh_clang__walk *w, CXCursor e)
{
	candidates c = { .n = 0, .complete = true, .known = true };
	collect_literals(w, e, &c, 0);
	if (c.n == 0)
		c.complete = false;
	return c;
}

// --------------------------------------------------------- format lengths

// Output length of a printf format, NUL excluded. `max` is meaningful only
// while `bounded`; `why` says what made it unbounded.
typedef struct {
	size_t min, max;
	bool bounded;
	const char *why;
} measure;

// Cap on widths and precisions read from a format: keeps the sums far
// from overflowing; anything this large overflows every array anyway.
#define BIG ((size_t)1 << 24)

// Most characters an integer of `bits` bits prints in `base`, sign
// included for signed decimal. LP64 sizes, as on every Linux target.
static size_t int_chars(unsigned bits, int base, bool is_signed)
{
	static const size_t dec_signed[] = { 3, 5, 10, 19 };   // 2^(bits-1)
	static const size_t dec_unsigned[] = { 3, 5, 10, 20 }; // 2^bits - 1
	size_t k = bits == 8 ? 0 : bits == 16 ? 1 : bits == 32 ? 2 : 3;
	if (base == 8)
		return (bits + 2) / 3;
	if (base == 16)
		return bits / 4;
	return is_signed ? dec_signed[k] + 1 : dec_unsigned[k];
}

static size_t max_size(size_t a, size_t b)
{
	return a > b ? a : b;
}

static size_t min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

static bool constant_int(CXCursor e, long long *out)
{
	CXEvalResult r = clang_Cursor_Evaluate(bh_clang__strip(e));
	if (!r)
		return false;
	bool ok = clang_EvalResult_getKind(r) == CXEval_Int;
	if (ok)
		*out = clang_EvalResult_getAsLongLong(r);
	clang_EvalResult_dispose(r);
	return ok;
}

// Length of a constant integer conversion: the value is first truncated
// to the conversion's width (as printf converts it), then its digits are
// counted with the precision, sign and '#' prefix rules of C11 7.21.6.1.
static size_t int_length(long long value, unsigned bits, char conv, bool plus, bool hash,
			 bool has_prec, size_t prec)
{
	unsigned long long mask = bits >= 64 ? ~0ull : (1ull << bits) - 1;
	unsigned long long mag = (unsigned long long)value & mask;
	bool negative = false;
	if (conv == 'd' || conv == 'i') {
		unsigned long long sign = 1ull << (bits - 1);
		if (mag & sign) {
			negative = true;
			mag = (~mag & mask) + 1; // two's complement magnitude
		}
	}
	unsigned base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
	size_t digits = 0;
	for (unsigned long long v = mag; v; v /= base)
		digits++;
	if (!has_prec && digits == 0)
		digits = 1; // "0"; with an explicit precision 0, zero prints nothing
	size_t len = max_size(digits, has_prec ? prec : 0);
	if (negative || (plus && (conv == 'd' || conv == 'i')))
		len++;
	if (hash && base == 8 && len == digits && mag != 0)
		len++; // a leading 0 unless the precision already gave one
	if (hash && base == 16 && mag != 0)
		len += 2;
	return len;
}

typedef struct {
	bh_clang__walk *w;
	CXCursor call;
	int next_arg;  // next value argument, or -1: values come from a va_list
	int first_arg; // first value argument (for n$ positions), or -1
	measure m;
} format_state;

static bool value_arg(format_state *st, unsigned long pos, CXCursor *out)
{
	if (st->first_arg < 0)
		return false;
	int i = pos ? st->first_arg + (int)pos - 1 : st->next_arg++;
	return get_arg(st->call, i, out);
}

// The value of a '*' width or precision argument when it is a constant.
static bool star_value(format_state *st, unsigned long pos, long long *out)
{
	CXCursor arg;
	return value_arg(st, pos, &arg) && constant_int(arg, out);
}

static void unbounded(format_state *st, const char *why)
{
	if (st->m.bounded) {
		st->m.bounded = false;
		st->m.why = why;
	}
}

// Read "123" or "123$"; returns the number and sets *dollar.
static unsigned long read_number(const char *f, size_t len, size_t *i, bool *dollar)
{
	unsigned long v = 0;
	size_t start = *i;
	while (*i < len && f[*i] >= '0' && f[*i] <= '9') {
		v = v * 10 + (unsigned long)(f[*i] - '0');
		if (v > BIG)
			v = BIG;
		(*i)++;
	}
	*dollar = *i > start && *i < len && f[*i] == '$';
	if (*dollar)
		(*i)++;
	return v;
}

// Measure one conversion starting after its '%'; advances *i past it.
// Returns false when the conversion is not understood (the rest of the
// format is then not measured).
static bool measure_conversion(format_state *st, const char *f, size_t len, size_t *i)
{
	bool dollar;
	size_t save = *i;
	unsigned long pos = read_number(f, len, i, &dollar);
	if (!dollar) {
		*i = save;
		pos = 0;
	}

	bool plus = false, hash = false;
	while (*i < len && strchr("-+ #0'I", f[*i])) {
		if (f[*i] == '+' || f[*i] == ' ')
			plus = true;
		if (f[*i] == '#')
			hash = true;
		if (f[*i] == '\'' || f[*i] == 'I')
			unbounded(st, "a locale-dependent conversion"); // grouping, digits
		(*i)++;
	}

	size_t width = 0;
	bool width_known = true;
	if (*i < len && f[*i] == '*') {
		(*i)++;
		size_t s2 = *i;
		unsigned long wpos = read_number(f, len, i, &dollar);
		if (!dollar) {
			*i = s2;
			wpos = 0;
		}
		long long v;
		if (star_value(st, wpos, &v))
			width = (size_t)min_size(v < 0 ? (size_t)(-(v + 1)) + 1 : (size_t)v, BIG);
		else
			width_known = false;
	} else {
		width = read_number(f, len, i, &dollar);
	}

	bool has_prec = false, prec_known = true;
	size_t prec = 0;
	if (*i < len && f[*i] == '.') {
		(*i)++;
		has_prec = true;
		if (*i < len && f[*i] == '*') {
			(*i)++;
			size_t s2 = *i;
			unsigned long ppos = read_number(f, len, i, &dollar);
			if (!dollar) {
				*i = s2;
				ppos = 0;
			}
			long long v;
			if (!star_value(st, ppos, &v))
				prec_known = false;
			else if (v < 0)
				has_prec = false; // a negative precision is taken as omitted
			else
				prec = min_size((size_t)v, BIG);
		} else {
			prec = read_number(f, len, i, &dollar);
		}
	}

	unsigned bits = 32;
	bool is_long_double = false, is_wide = false;
	if (*i + 1 < len && f[*i] == 'h' && f[*i + 1] == 'h') {
		bits = 8;
		*i += 2;
	} else if (*i + 1 < len && f[*i] == 'l' && f[*i + 1] == 'l') {
		bits = 64;
		*i += 2;
	} else if (*i < len && strchr("hlLqjzZt", f[*i])) {
		char c = f[*i];
		bits = c == 'h' ? 16 : 64;
		is_long_double = c == 'L';
		is_wide = c == 'l';
		(*i)++;
	}
	if (*i >= len)
		return false;
	char conv = f[(*i)++];

	size_t cmin = 0, cmax = 0;
	bool cbounded = true;
	size_t p = has_prec ? prec : 6; // default precision of floating conversions
	CXCursor arg;
	switch (conv) {
	case '%':
		st->m.min++;
		st->m.max++;
		return true; // takes no argument; width does not apply
	case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': {
		bool have = value_arg(st, pos, &arg);
		int base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
		bool is_signed = conv == 'd' || conv == 'i';
		size_t digits = int_chars(bits, base, is_signed);
		if (!prec_known) {
			cbounded = false;
			break;
		}
		long long value;
		if (have && constant_int(arg, &value)) {
			// A constant: print it the way printf would.
			cmin = cmax = int_length(value, bits, conv, plus, hash, has_prec, prec);
			break;
		}
		cmax = max_size(digits, has_prec ? prec + (is_signed ? 1 : 0) : 0);
		if (hash)
			cmax += base == 16 ? 2 : base == 8 ? 1 : 0;
		cmin = has_prec ? prec : 1;
		if (plus && is_signed)
			cmin++;
		break;
	}
	case 'c':
		value_arg(st, pos, &arg);
		cmin = 1;
		cmax = is_wide ? 16 : 1; // MB_LEN_MAX
		break;
	case 'C':
		value_arg(st, pos, &arg);
		cmin = 1;
		cmax = 16;
		break;
	case 'p':
		value_arg(st, pos, &arg);
		cmin = 3;  // "0x1"
		cmax = 18; // "0x" and 16 hex digits
		break;
	case 'n':
		value_arg(st, pos, &arg);
		break;
	case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A': {
		value_arg(st, pos, &arg);
		if (!prec_known) {
			cbounded = false;
			break;
		}
		size_t frac = (p > 0 || hash) ? 1 + p : 0;
		if (conv == 'f' || conv == 'F')
			cmax = 1 + (is_long_double ? 4933 : 309) + frac;
		else if (conv == 'e' || conv == 'E')
			cmax = 1 + 1 + frac + 2 + 4;
		else if (conv == 'g' || conv == 'G')
			cmax = 1 + max_size(p, 1) + 1 + 2 + 4 + 4;
		else
			cmax = 1 + 2 + 1 + max_size(p, 16) + 2 + 5;
		cmin = 1; // "0" from %g; "inf" otherwise, which is longer
		if (conv != 'g' && conv != 'G')
			cmin = 3;
		break;
	}
	case 's': {
		bool have = value_arg(st, pos, &arg);
		if (is_wide) {
			cbounded = false;
			unbounded(st, "a %ls conversion of unknown length");
			break;
		}
		candidates lits = { .n = 0 };
		if (have)
			lits = literals_of(st->w, arg);
		if (have && lits.complete && lits.known) {
			cmin = BIG;
			for (size_t k = 0; k < lits.n; k++) {
				size_t l = lits.lit[k].len;
				if (has_prec && prec_known)
					l = min_size(l, prec);
				cmin = min_size(cmin, l);
				cmax = max_size(cmax, l);
			}
			if (has_prec && !prec_known)
				cmin = 0;
			break;
		}
		// A string held in an N-byte array has at most N-1 characters.
		size_t arr = have ? bh_clang__array_size(arg) : 0;
		if (arr > 0) {
			cmax = arr - 1;
			if (has_prec && prec_known)
				cmax = min_size(cmax, prec);
			break;
		}
		if (has_prec && prec_known) {
			cmax = prec;
			break;
		}
		cbounded = false;
		const char *text = have ? bh_clang__expr_text(st->w, arg) : NULL;
		if (text)
			unbounded(st, bh_arena_sprintf(st->w->arena,
						       "an unbounded %%s of '%s'", text));
		else
			unbounded(st, "an unbounded %s conversion");
		break;
	}
	case 'm': // strerror(errno)
	case 'S':
	default:
		return false;
	}
	if (!width_known) {
		unbounded(st, "a '*' width of unknown value");
		cbounded = false;
	}
	if (!cbounded)
		unbounded(st, "a conversion of unknown length");
	cmin = max_size(cmin, width);
	cmax = max_size(cmax, width);
	st->m.min += cmin;
	if (cbounded)
		st->m.max += cmax;
	return true;
}

// Measure what a format writes. `first_arg` is the first value argument
// of `call`, or -1 when the values come from a va_list.
static measure measure_format(bh_clang__walk *w, CXCursor call, const char *f, size_t len,
			      int first_arg)
{
	format_state st = {
		.w = w,
		.call = call,
		.next_arg = first_arg,
		.first_arg = first_arg,
		.m = { .bounded = true },
	};
	size_t i = 0;
	while (i < len) {
		if (f[i] != '%') {
			st.m.min++;
			st.m.max++;
			i++;
			continue;
		}
		i++;
		if (!measure_conversion(&st, f, len, &i)) {
			unbounded(&st, "a conversion of unknown length");
			break;
		}
		if (st.m.min > BIG)
			st.m.min = BIG;
		if (st.m.max > BIG)
			st.m.max = BIG;
	}
	return st.m;
}

// ------------------------------------------------------------------ checks

// strcpy and strcat into a fixed-size array.
static void check_copy(bh_clang__walk *w, CXCursor call, const call_spec *spec)
{
	CXCursor dst, src;
	if (!get_arg(call, spec->dst, &dst) || !get_arg(call, spec->arg, &src))
		return;
	size_t size = bh_clang__array_size(dst);
	if (size == 0)
		return;
	const char *dname = quoted(w, dst, "the destination array");
	bool append = spec->flags & F_APPEND;

	candidates lits = literals_of(w, src);
	if (lits.complete) {
		size_t lo = BIG, hi = 0;
		for (size_t k = 0; k < lits.n; k++) {
			lo = min_size(lo, lits.lit[k].len);
			hi = max_size(hi, lits.lit[k].len);
		}
		// For strcat this assumes the array is empty: what it already
		// holds is not tracked until the dataflow engine, so a literal
		// that fits an empty array is not reported.
		if (lo + 1 > size) {
			const char *least = lits.n > 1 ? "at least " : "";
			if (append)
				bh_clang__report(w, BH_RULE_C_LITERAL_OVERFLOW, call,
						 "%s appends %s%zu bytes to %s, which holds %zu",
						 spec->shown, least, lo + 1, dname, size);
			else
				bh_clang__report(w, BH_RULE_C_LITERAL_OVERFLOW, call,
						 "%s writes %s%zu bytes into %s, which holds %zu",
						 spec->shown, least, lo + 1, dname, size);
		} else if (hi + 1 > size) {
			bh_clang__report(w, BH_RULE_C_UNBOUNDED_COPY, call,
					 "%s into %s (%zu bytes) can write up to %zu bytes",
					 spec->shown, dname, size, hi + 1);
		}
		return;
	}
	// A NUL-terminated string held in an array no larger than the
	// destination always fits (again assuming an empty strcat target).
	size_t src_size = bh_clang__array_size(src);
	if (src_size > 0 && src_size <= size)
		return;
	bh_clang__report(w, BH_RULE_C_UNBOUNDED_COPY, call,
			 "%s into %s (%zu bytes) from a non-literal source can overflow it",
			 spec->shown, dname, size);
}

// sprintf and vsprintf into a fixed-size array.
static void check_fill(bh_clang__walk *w, CXCursor call, const call_spec *spec, CXCursor fmt)
{
	CXCursor dst;
	if (!get_arg(call, spec->dst, &dst))
		return;
	size_t size = bh_clang__array_size(dst);
	if (size == 0)
		return;
	const char *dname = quoted(w, dst, "the destination array");

	candidates lits = literals_of(w, fmt);
	if (!lits.complete) {
		bh_clang__report(w, BH_RULE_C_UNBOUNDED_COPY, call,
				 "%s into %s (%zu bytes) with a non-literal format can overflow it",
				 spec->shown, dname, size);
		return;
	}
	if (!lits.known)
		return; // a wide format: not ours to measure
	int first_arg = (spec->flags & F_VALIST) ? -1 : spec->arg + 1;
	measure all = { .min = BIG, .max = 0, .bounded = true };
	for (size_t k = 0; k < lits.n; k++) {
		measure m = measure_format(w, call, lits.lit[k].text, lits.lit[k].len, first_arg);
		all.min = min_size(all.min, m.min);
		all.max = max_size(all.max, m.max);
		if (!m.bounded && all.bounded) {
			all.bounded = false;
			all.why = m.why;
		}
	}
	if (all.min + 1 > size) {
		bool exact = lits.n == 1 && all.bounded && all.min == all.max;
		bh_clang__report(w, BH_RULE_C_LITERAL_OVERFLOW, call,
				 "%s writes %s%zu bytes into %s, which holds %zu", spec->shown,
				 exact ? "" : "at least ", all.min + 1, dname, size);
	} else if (!all.bounded) {
		bh_clang__report(w, BH_RULE_C_UNBOUNDED_COPY, call,
				 "%s into %s (%zu bytes) with %s can overflow it", spec->shown,
				 dname, size, all.why);
	} else if (all.max + 1 > size) {
		bh_clang__report(w, BH_RULE_C_UNBOUNDED_COPY, call,
				 "%s into %s (%zu bytes) can write up to %zu bytes", spec->shown,
				 dname, size, all.max + 1);
	}
}

static void check_print(bh_clang__walk *w, CXCursor call, const call_spec *spec)
{
	CXCursor fmt;
	if (get_arg(call, spec->arg, &fmt))
		check_fill(w, call, spec, fmt);
}

// Is `text` a plain lvalue (`buf`, `req->line`, `s.buf`, `rows[2]`) that
// can be written twice without changing what it means?
static bool plain_lvalue(const char *text)
{
	if (!text || !*text || strstr(text, "..."))
		return false;
	for (const char *p = text; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      strchr("_.->[]", *p)))
			return false;
	return true;
}

// gets(buf) -> fgets(buf, sizeof(buf), stdin), when that is certain: the
// buffer is an array whose size the compiler knows, named by a plain
// lvalue, and the call is written out, not produced by a macro. (fgets
// keeps the newline that gets dropped; the title says so.)
static void fix_gets(bh_clang__walk *w, bh_finding *fd, CXCursor call, CXCursor dst)
{
	const char *name = bh_clang__expr_text(w, dst);
	CXSourceRange ext = clang_getCursorExtent(call);
	CXFile f1, f2;
	unsigned l1, c1, l2, c2;
	clang_getSpellingLocation(clang_getRangeStart(ext), &f1, &l1, &c1, NULL);
	clang_getSpellingLocation(clang_getRangeEnd(ext), &f2, &l2, &c2, NULL);
	if (!bh_clang__array_size(dst) || !plain_lvalue(name) || l1 != fd->loc.line ||
	    c1 != fd->loc.col || l2 != fd->loc.end_line || c2 != fd->loc.end_col)
		return;
	const char *text = bh_arena_sprintf(w->arena, "fgets(%s, sizeof(%s), stdin)", name, name);
	bh_finding_set_fix(w->findings, fd, bh_arena_sprintf(w->arena, "Replace with %s (it keeps the newline)",
							     text), fd->loc, text);
}

void bh_clang__rule_calls(bh_clang__walk *w, CXCursor call)
{
	CXCursor decl;
	if (!callee_decl(call, &decl))
		return;
	CXString sp = clang_getCursorSpelling(decl);
	const char *name = clang_getCString(sp);
	const call_spec *spec = name ? find_spec(name) : NULL;
	bool library = spec && is_library_function(decl, name);
	clang_disposeString(sp);
	if (!library)
		return;

	switch (spec->kind) {
	case K_GETS: {
		CXCursor dst;
		bool has_dst = get_arg(call, spec->dst, &dst);
		const char *dname = has_dst ? quoted(w, dst, "its buffer") : "its buffer";
		bh_finding *fd = bh_clang__report(w, BH_RULE_C_GETS, call,
						  "gets cannot limit how much it writes into %s", dname);
		if (fd && has_dst)
			fix_gets(w, fd, call, dst);
		break;
	}
	case K_TEMP:
		bh_clang__report(w, BH_RULE_C_INSECURE_TEMP_FILE, call,
				 "%s makes a predictable file name that another process "
				 "can create first", spec->shown);
		break;
	case K_COPY:
		check_copy(w, call, spec);
		break;
	case K_FILL:
		check_print(w, call, spec);
		break;
	}
}
