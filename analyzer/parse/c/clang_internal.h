// SPDX-License-Identifier: MIT
// Shared inside the libclang front end (bh_clang) and the C rule families
// that run on its ASTs. Nothing here leaves the module: libclang types
// (CXCursor, CXTranslationUnit) never appear in include/bulkhead/.
//
// A walk is the state of one translation unit being analysed by one worker
// thread: the TU, the unit's own arena, findings and diagnostics, the
// enclosing function and a cache from libclang files to context paths.
// Rules receive it with the cursor they asked for and report through
// bh_clang__report, which applies the front end's policy (findings only
// inside the context, never in system headers; snippet, function, note).
#ifndef BH_CLANG_INTERNAL_H
#define BH_CLANG_INTERNAL_H

#include <clang-c/Index.h>
#include <signal.h>

#include "bulkhead/clang.h"
#include "bulkhead/arena.h"
#include "bulkhead/diag.h"
#include "bulkhead/disc.h"
#include "bulkhead/finding.h"
#include "bulkhead/ir.h"
#include "bulkhead/rule.h"
#include "bulkhead/strset.h"
#include "bulkhead/vec.h"

// One libclang file and where it sits in the context.
typedef struct {
	CXFile file;
	const char *path; // context-relative (walk arena), or NULL: outside the context
} bh_clang__file;

/** Where clang reported an error (expansion location). */
typedef struct {
	CXFile file;
	unsigned line;
} bh_clang__error_at;

/**
 * Around one libclang parse or reparse (clang_guard.c): an alternate
 * signal stack, so that a parse that overflows the stack comes back as
 * CXError_Crashed instead of killing the process; and, under
 * LeakSanitizer, what the parse allocates is not reported (a parse
 * abandoned that way is never given back, by design).
 */
typedef struct {
	stack_t old;
	void *mine; // the stack pushed, or NULL when the thread had one
} bh_clang__guard;

void bh_clang__guard_enter(bh_clang__guard *g);
void bh_clang__guard_leave(bh_clang__guard *g);

/**
 * clang_createIndex(0, 0) (no PCH exclusion, no diagnostics on stderr),
 * whose allocations LeakSanitizer does not count either: a parse abandoned
 * after a crash keeps some of them referenced past clang_disposeIndex.
 */
CXIndex bh_clang__index_new(void);

/** Context-relative paths; the vector is heap memory (bh_vec_dispose). */
typedef bh_clang_files bh_clang__paths;

// A declaration (variable, function, label) and what lowering made of it.
typedef struct {
	CXCursor key;     // canonical cursor of the declaration (or the LabelStmt)
	bool used;        // slot occupied
	uint32_t value;   // variable id, label block, or noreturn (0/1) for functions
} bh_clang__decl_slot;

typedef struct {
	bh_clang__decl_slot *slots;
	size_t cap, len;
} bh_clang__decl_map;

void bh_clang__decl_map_dispose(bh_clang__decl_map *m);

typedef struct bh_clang__walk {
	CXTranslationUnit tu;      // borrowed from the worker
	const bh_unit *unit;       // borrowed
	const char *ctx_root;      // canonical absolute context root, no trailing '/'
	size_t ctx_root_len;
	bh_arena *arena;           // the unit's arena: findings, diags, scratch strings
	bh_findings *findings;     // the unit's findings (strings in `arena`)
	bh_diags *diags;           // the unit's diagnostics
	CXCursor function;         // enclosing FunctionDecl, or a null cursor
	const char *function_name; // its name (arena), or NULL at file scope
	BH_VEC(bh_clang__file) files; // cache for bh_clang__file_path
	bh_clang__decl_map noreturn; // function declarations -> noreturn (0/1), for the unit
	bh_strmap *realpaths;      // absolute name -> realpath() ("" when it failed), kept across the worker's units; or NULL
	bh_ir_unit *ir;            // when non-NULL, function definitions in the context are lowered into it (IR in `arena`)
	BH_VEC(bh_clang__error_at) errors; // clang's errors by file and line, made on the first lowering
	bool errors_known;
} bh_clang__walk;

// ------------------------------------------------------------ clang_tu.c

/**
 * Parse `unit` with `index` and run the C rules over its AST. Findings and
 * diagnostics go to `findings`/`diags` (strings in `arena`); every libclang
 * handle made here is disposed before returning. Never fails: a unit that
 * libclang cannot parse becomes a "clang.parse-failed" diagnostic.
 * When `ir` is non-NULL, every function defined in the context is also
 * lowered into it (IR in `arena`); when NULL, lowering costs nothing.
 * When `visited` is non-NULL, it receives the context-relative path of
 * every context file the parsed unit includes, the unit's own file first
 * (strings in `arena`; nothing when libclang could not parse the unit):
 * the files whose C the tree-sitter fast path need not check again.
 * `outside`, when not NULL (and `visited` is not), gets the files outside
 * the context the unit read, as libclang names them.
 * `realpaths`, when not NULL, caches realpath() of absolute file names for
 * the next units (a worker's units share most headers).
 */
void bh_clang__analyse_unit(CXIndex index, const bh_unit *unit, const char *ctx_root,
			    bh_arena *arena, bh_findings *findings, bh_diags *diags,
			    bh_ir_unit *ir, bh_clang__paths *visited, bh_clang__paths *outside,
			    bh_strmap *realpaths, struct CXUnsavedFile *unsaved, unsigned nunsaved, bh_clang_tu_cache *cache);

/**
 * Parse `path` through `cache` (clang_cache.c): reparse a unit kept from
 * an earlier scan with the same arguments, else parse it with a
 * precompiled preamble and keep it. The unit stays the cache's: never
 * dispose of it. NULL, with `*ec` set, when libclang fails.
 */
CXTranslationUnit bh_clang__cache_parse(bh_clang_tu_cache *cache, const char *path,
					const char *const *args, int nargs,
					struct CXUnsavedFile *unsaved, unsigned nunsaved, unsigned flags,
					enum CXErrorCode *ec);

/**
 * The context-relative path of `file` (resolved with realpath, so symlinks
 * and `..` do not matter), or NULL when the file is outside the context.
 * Cached per walk.
 */
const char *bh_clang__file_path(bh_clang__walk *w, CXFile file);

/**
 * Where `c` is reported: the expansion location of the start of its
 * extent (a call written through a macro is reported at the macro use).
 * False when that is in a system header or outside the context.
 */
bool bh_clang__cursor_loc(bh_clang__walk *w, CXCursor c, bh_loc *out);

/**
 * Add a finding for `rule` at `at` (see bh_clang__cursor_loc) with the
 * enclosing function, the normalised source text of `at` as snippet and,
 * for units without compile_commands.json flags, a note saying so.
 * Returns NULL (and adds nothing) when `at` is not inside the context.
 */
bh_finding *bh_clang__report(bh_clang__walk *w, bh_rule_id rule, CXCursor at,
			     const char *fmt, ...) BH_PRINTF(4, 5);

// ---------------------------------------------------------- clang_expr.c

/**
 * Store up to `max` children of `c` in `out`; returns how many children
 * `c` has (which may be more than `max`).
 */
unsigned bh_clang__children(CXCursor c, CXCursor *out, unsigned max);

/** Forget the children bh_clang__children remembers for this thread (before a TU is disposed). */
void bh_clang__children_forget(void);

/** Look through implicit casts (UnexposedExpr) and parentheses. */
CXCursor bh_clang__strip(CXCursor e);

/** bh_clang__strip, and explicit casts too: `(char *)"abc"` is a literal. */
CXCursor bh_clang__strip_casts(CXCursor e);

/** A copy of libclang's spelling of `c` in `arena` (never NULL). */
const char *bh_clang__spelling(bh_arena *arena, CXCursor c);

/**
 * Short source text of expression `e` for messages: the text as written,
 * whitespace collapsed, at most about 40 bytes (longer text is cut with
 * "..."). Falls back to the referenced name when the text cannot be
 * recovered (macro trickery); NULL when there is nothing sensible.
 */
const char *bh_clang__expr_text(bh_clang__walk *w, CXCursor e);

/**
 * A string literal's bytes, decoded (escapes, concatenation) up to and
 * excluding the terminating NUL; `len` counts the bytes that a str*
 * function copies, that is up to the first NUL. `known` is false for wide
 * or UTF-16/32 literals, whose text is not decoded.
 */
typedef struct {
	const char *text; // decoded bytes (arena), NUL-terminated; NULL if !known
	size_t len;       // bytes before the first NUL
	size_t size;      // array size of the literal, NUL included (from its type)
	bool known;
} bh_clang__literal;

/**
 * If `e` (after bh_clang__strip_casts) is a string literal, decode it into
 * `out` and return true.
 */
bool bh_clang__string_literal(bh_arena *arena, CXCursor e, bh_clang__literal *out);

/**
 * True if `e` is a constant string: a string literal (also through a
 * macro), a `?:` choosing between constant strings, a variable that cannot
 * change and is initialised with a literal (`static const char f[] =
 * "..."`, `const char *const f = "..."`), or gettext()-style translation
 * of a literal. A `const char *p = "..."` pointer can be reassigned and
 * does not count.
 */
bool bh_clang__is_constant_string(CXCursor e);

/**
 * Byte size of `e`'s type when it is a fixed-size array (`char buf[16]`,
 * `s.buf`, `p->buf`, `rows[i]`); 0 otherwise.
 */
size_t bh_clang__array_size(CXCursor e);

/** True if `e` is a null pointer constant (`0`, `NULL`, `(void *)0`). */
bool bh_clang__is_null_constant(CXCursor e);

// --------------------------------------------------------- clang_lower.c

/**
 * Lower function definition `fn` into `w->ir` (no-op when that is NULL
 * or `fn` has no body). Verifies the result in debug builds; a function
 * cut short by the size or depth limits gets an "ir.incomplete" note.
 */
void bh_clang__lower_function(bh_clang__walk *w, CXCursor fn);

/* A file-scope variable definition that other units may need: an integer
 * with a constant initialiser (appended to the unit's inits) or one whose
 * initialiser names functions, an operations table (to its tables). */
void bh_clang__lower_global(bh_clang__walk *w, CXCursor var);

// ----------------------------------------------------------- C rule families

/** rules/c/c_calls.c: dangerous C library calls. `call` is a CallExpr. */
void bh_clang__rule_calls(bh_clang__walk *w, CXCursor call);

/**
 * rules/c/c_calls.c: the name (arena) of the C library function that
 * CallExpr `call` calls, or NULL when it calls anything else (a function
 * of the program, a function pointer). What counts as the library is
 * explained in c_calls.c.
 */
const char *bh_clang__library_callee(bh_clang__walk *w, CXCursor call);

/**
 * rules/c/c_sizeof.c: c.sizeof-pointer. Called for every cursor inside a
 * function; it looks at CallExpr, VarDecl and BinaryOperator cursors.
 */
void bh_clang__rule_sizeof(bh_clang__walk *w, CXCursor c);

/**
 * rules/c/c_secrets.c: hard-coded passwords and keys. Called for every
 * cursor of the context's files (declarations at file scope included);
 * it looks at VarDecl, BinaryOperator and CallExpr cursors.
 */
void bh_clang__rule_secrets(bh_clang__walk *w, CXCursor c);

#endif
