/* SPDX-License-Identifier: MIT */
/*
 * Discovery: from the context inventory to units of analysis. For C that
 * means each translation unit with the flags libclang needs, taken from
 * compile_commands.json when there is one, else inferred from the build
 * files of the context (Makefiles, compiler lines of Dockerfile RUNs),
 * else fallback flags. Nothing of the scanned tree is ever executed.
 */
#ifndef BULKHEAD_DISC_H
#define BULKHEAD_DISC_H

#include "common.h"
#include "ctx.h"
#include "vec.h"

typedef struct bh_arena bh_arena;
typedef struct bh_diags bh_diags;
typedef struct bh_ctx bh_ctx;
typedef struct bh_img bh_img;

/* ------------------------------------------------- compile_commands.json */

/** One entry of a compilation database, flags already filtered. */
typedef struct {
	const char *file;       /* as written, made absolute against `directory` */
	const char *directory;  /* absolute as written in the database */
	const char *output;     /* "output" made absolute, or NULL */
	const char **args;      /* kept flags only (-I -D -U -include -isystem -iquote -std -f.. -m.. --target -x), -I paths made absolute */
	size_t nargs;
	const char *ctx_path;   /* context-relative path of `file`, or NULL if it maps to no context file */
} bh_compdb_entry;

typedef struct bh_compdb {
	const char *path;       /* where it was read from (context-relative if inside) */
	BH_VEC(bh_compdb_entry) entries;
} bh_compdb;

/**
 * Parse a compilation database (both the "command" and "arguments" forms).
 * A malformed file or entry becomes an error diagnostic naming `db_path`
 * and the entry index; good entries are kept. Paths in the database that
 * point outside the context are mapped to context files by the longest
 * common path suffix (databases generated inside a container use /src/...);
 * `ctx` may be NULL (then ctx_path stays NULL).
 * Ownership: `*out` lives in `arena`; never NULL on BH_OK.
 */
bh_status bh_compdb_parse(bh_compdb **out, bh_arena *arena, const char *db_path,
			  const char *json, size_t len, const bh_ctx *ctx, bh_diags *diags);

/**
 * Find and read the database: `explicit_path` if given (must exist), else
 * compile_commands.json at the context root, then in `build*` directories
 * at the root (first in name order). `*out` is NULL when there is none.
 */
bh_status bh_compdb_discover(bh_compdb **out, bh_arena *arena, bh_ctx *ctx,
			     const char *explicit_path, bh_diags *diags);

/** The entry for a context-relative path, or NULL. */
const bh_compdb_entry *bh_compdb_find(const bh_compdb *db, const char *ctx_path);

/**
 * Split a shell-style command line ("command" form) into words with the
 * quoting rules of a POSIX shell (no expansion). Ownership: arena.
 */
size_t bh_compdb_split_command(const char ***argv_out, bh_arena *arena, const char *command);

/** True if the compiler flag at argv[i] is one libclang needs; *consumed gets 1 or 2 (flag with separate value). */
bool bh_compdb_keep_flag(const char *const *argv, size_t argc, size_t i, size_t *consumed);

/* --------------------------------------------------------- inferred flags */

/**
 * Compile flags inferred from a build file: only the flags that change how
 * code parses (-D, -U, -I, -iquote, -isystem, -idirafter, -include,
 * -imacros, -std=, -ansi), in order and without duplicates. Path values are
 * absolute and inside the context; a path that leaves the context, or that
 * still holds an unexpanded `$`, is dropped.
 */
typedef struct {
	const char **args;      /* arena */
	size_t nargs;
	const char *origin;     /* "src/Makefile:12": the first line that gave a flag;
				   NULL if none */
} bh_disc_flags;

/**
 * Infer flags from the Makefile `path` (context-relative; its directory is
 * the base of relative paths) whose text is `text`/`len`, for a context
 * whose absolute root is `root`.
 *
 * Reads, never runs: simple assignments (`=`, `:=`, `::=`, `?=`, `+=`,
 * with `override`/`export`/`private`, continuation lines) and `$(VAR)`,
 * `${VAR}`, `$V` references to variables of the same file are understood;
 * `!=`, functions, substitution references, automatic variables, and
 * assignments inside conditionals are not (a word that still holds `$` is
 * dropped). `include`/`-include` are ignored. Flags come from CPPFLAGS,
 * CFLAGS, then recipe lines that invoke a C compiler ($(CC), cc, gcc,
 * clang, ...). A self-referencing variable (`A = $(A)`) expands once.
 * Hostile text (NUL bytes, huge lines, unterminated `$(`) is handled; a
 * limit reached becomes a "disc.makefile-limit" warning.
 * Ownership: strings in `arena`; `out->args` is never NULL.
 */
void bh_disc_make_flags(bh_disc_flags *out, bh_arena *arena, const char *root, const char *path,
			const char *text, size_t len, bh_diags *diags);

/* ------------------------------------------------------------------ units */

/** How a C unit's flags were found. */
typedef enum {
	BH_FLAGS_COMPDB,    /* from compile_commands.json */
	BH_FLAGS_FALLBACK,  /* guessed: include dirs that exist in the context */
	BH_FLAGS_INFERRED,  /* from a Makefile or a Dockerfile compiler line, then the
			       fallback -I list */
} bh_flags_source;

/** One C translation unit to parse. */
typedef struct {
	const char *path;        /* context-relative */
	const char *abs_path;    /* absolute path on disk */
	const char **args;       /* flags for libclang (no compiler, no file, no -c/-o) */
	size_t nargs;
	bh_flags_source flags_source;
	const char *flags_note;  /* BH_FLAGS_INFERRED: the caveat for its findings, naming
				    where the flags came from ("... inferred from
				    Makefile:12"); else NULL */
} bh_unit;

/**
 * The caveat for findings of `unit`: NULL with compile_commands.json flags,
 * else a sentence saying the flags were guessed or where they were inferred
 * from. Static or unit-owned storage.
 */
const char *bh_unit_flags_note(const bh_unit *unit);

typedef BH_VEC(bh_unit) bh_units;

/**
 * A C source a unit can be made of: BH_FILE_C_SOURCE, not excluded, not
 * over the size limit.
 */
bool bh_disc_is_c_source(const bh_file *f);

/**
 * List the C translation units of the context: every bh_disc_is_c_source
 * file, in path order, but those without a `db` entry that no build
 * compiles on their own (one another C file includes as `#include
 * "name.c"`, one under a hidden directory; a note counts each kind). Its
 * flags are, first found:
 *  1. its compile_commands.json entry in `db` (may be NULL);
 *  2. a compiler line in a Dockerfile RUN of `images` that names it;
 *  3. the nearest Makefile (its directory or above; GNUmakefile, makefile,
 *     Makefile, else the first *.mk), if it gives any flag (one that gives
 *     none still hides the Makefiles above it);
 *  4. a Dockerfile compiler line that names no source, for the sources
 *     under the context directory its working directory was copied from;
 *  5. fallback flags: -I for the context root and for every directory
 *     holding a header, plus any ancestor of one named "include", in path
 *     order. Inferred flags (2-4) are followed by these too.
 * Container paths of Dockerfile lines are mapped back to context paths
 * through each image's provenance map (COPY sources). One note
 * diagnostic says how many units used inferred or fallback flags.
 * `images` (borrowed, may be NULL) are the models of the scan's Dockerfiles.
 * Ownership: strings in `arena`; the caller disposes the vector with
 * bh_vec_dispose.
 */
void bh_disc_units(bh_units *out, bh_arena *arena, bh_ctx *ctx, const bh_compdb *db,
		   bh_img *const *images, size_t nimages, bh_diags *diags);

/* ------------------------------------------- autotools config headers */

/** AC_INIT's arguments; NULL when not given or not a literal. */
typedef struct {
	const char *name, *version, *bugreport, *tarname, *url;
} bh_disc_package;

/**
 * What configure would find on a host, asked by name: a header by its
 * path under the include directories ("sys/socket.h"), a function or
 * variable of the C library ("accept4"), a library by its -l name
 * ("pthread"). Never compiles, links or runs anything.
 */
typedef struct {
	bool (*has_header)(void *payload, const char *path);
	bool (*has_function)(void *payload, const char *name);
	bool (*has_library)(void *payload, const char *name);
	void *payload;
} bh_disc_host;

/** The machine Bulkhead runs on (disc_host.c). */
const bh_disc_host *bh_disc_this_host(void);

/**
 * The config header configure would write from the autoheader template
 * `tmpl` (`len` bytes; config.h.in) on `host`: each `#undef NAME` line
 * becomes `#define NAME VALUE` for what configure would define there
 * (HAVE_<HEADER>_H, HAVE_<FUNCTION>, HAVE_DECL_<F> as 0 or 1, HAVE_LIB<X>,
 * SIZEOF_<TYPE>, HAVE_<TYPE> and known structures and members, the system
 * extensions, byte order, STDC_HEADERS, PACKAGE_* and VERSION from `pkg`),
 * else the line is put in a comment, as configure does; other lines are copied. `*ndefined` (may be
 * NULL) counts the lines defined. Ownership: the text is in `arena`,
 * NUL-terminated, `*len_out` bytes.
 */
char *bh_disc_autoheader(bh_arena *arena, const char *tmpl, size_t len, const bh_disc_package *pkg,
			 const bh_disc_host *host, size_t *len_out, size_t *ndefined);

/** A config header named by an autotools configure script of the context. */
typedef struct {
	const char *path;          /* context-relative output ("config.h", "src/config.h") */
	const char *abs_path;      /* where a build would write it */
	const char *dir;           /* directory of its configure.ac, context-relative ("" at the root) */
	const char *template_path; /* context-relative template it was written from; NULL when the
				      header is a file of the context */
	const char *text;          /* what configure would write (bh_disc_autoheader); NULL when the
				      header is a file of the context */
	size_t len;
	size_t ndefined;           /* macros the written header defines */
	bool cmake;                /* written by a CMakeLists.txt's configure_file(), not autotools */
	size_t nunits;             /* units bh_disc_config_flags gave its flags: a written header
				      no unit was given is not read (a unit with a database entry
				      finds its build's own) */
} bh_disc_config_header;

typedef BH_VEC(bh_disc_config_header) bh_disc_config_headers;

/** How a reader of build files sees the context: paths are context-relative. */
typedef struct {
	bool (*exists)(void *payload, const char *path); /* a regular file of the context */
	bool (*read)(void *payload, const char *path, const char **text, size_t *len);
	void *payload;
} bh_disc_files;

/**
 * Read one configure script (`path`, context-relative, `len` bytes of
 * `text`) for its config headers, appended to `out` as
 * bh_disc_find_config_headers describes; `root` is the context's
 * directory (for abs_path). Ownership: strings in `arena`.
 */
void bh_disc_read_configure(bh_disc_config_headers *out, bh_arena *arena, const char *root,
			    const char *path, const char *text, size_t len, const bh_disc_files *files,
			    const bh_disc_host *host);

/**
 * The files the configure_file() calls of the CMake project whose top
 * CMakeLists.txt is `path` (context-relative, `len` bytes of `text`) would
 * write into its build tree and that the context lacks, appended to `out`
 * (`cmake` set, `dir` the top file's directory). Read as bh_cmake_recipes
 * reads a project (`files`, `read`, `payload` alike), and besides: the
 * check_include_file(s), check_function_exists, check_symbol_exists,
 * check_library_exists and check_type_size commands set their variables
 * as `host` answers (inside if() blocks too: whichever branch runs, the
 * host's answer is the same); checks that need a compiler stay unset.
 * The build tree is taken in the source tree (`${PROJECT_BINARY_DIR}/x.h`
 * is x.h beside the top CMakeLists.txt). A template's `#cmakedefine VAR
 * ...` is defined when VAR is true, `#cmakedefine01 VAR` is 0 or 1, and
 * `@VAR@` (and `${VAR}` without @ONLY) is VAR's value, "" when unset or
 * unknown; COPYONLY copies. Only files C code includes (.h, .hh, .hpp,
 * .hxx, .inc, .inl, .def, .c), at most 256. Ownership: strings in
 * `arena`; `root` is the context's directory, for abs_path.
 */
void bh_cmake_config_headers(bh_disc_config_headers *out, bh_arena *arena, const char *root,
			     const char *path, const char *text, size_t len,
			     const char *const *files, size_t nfiles,
			     bool (*read)(const char *ctx_path, const char **text, size_t *len,
					  void *payload),
			     void *payload, const bh_disc_host *host);

/**
 * The config headers of the context's autotools builds: for every
 * configure.ac (or configure.in) not under a hidden directory, each output
 * of its AC_CONFIG_HEADERS, AC_CONFIG_HEADER or AM_CONFIG_HEADER call
 * (`out[:in...]`, the template `out.in` by default) that is a file of the
 * context, or else whose template is: then written from the template as
 * configure would write it on `host`, with AC_INIT's package (an argument
 * named by an m4_define of configure.ac or of a file it m4_includes is
 * taken by its value). Nothing is written to disk: the C front end reads
 * the text in place of the missing file. Unreadable files become
 * diagnostics. Ownership: strings in `arena`; dispose `out` with
 * bh_vec_dispose.
 */
void bh_disc_find_config_headers(bh_disc_config_headers *out, bh_arena *arena, bh_ctx *ctx,
				 const bh_disc_host *host, bh_diags *diags);

/**
 * Give the units whose flags were inferred or guessed, and that automake
 * or autoconf builds, what their compile line would give them:
 * -DHAVE_CONFIG_H and -I for the directory of each config header of the
 * deepest configure.ac above them. Automake or autoconf builds a unit when
 * the nearest directory from its own up to configure.ac's with a build
 * file has a Makefile.am or Makefile.in, or none has one; not when it has
 * a Makefile only (a vendored library's own). Units with a
 * compile_commands.json entry keep their flags. One note per written
 * header says for how many units. @return the units changed.
 */
size_t bh_disc_config_flags(bh_disc_config_headers *headers, bh_units *units, bh_arena *arena,
			    const bh_ctx *ctx, bh_diags *diags);

/* ------------------------------------------------------- build recipes */

/** What an artifact of a build file is. */
typedef enum {
	BH_BUILD_EXECUTABLE = 0,
	BH_BUILD_SHARED_LIB,   /* lib*.so*, -shared */
	BH_BUILD_STATIC_LIB,   /* lib*.a, ar */
	BH_BUILD_OBJECT,       /* *.o */
} bh_build_kind;

/** One artifact a build file makes. */
typedef struct {
	const char *name;        /* the target as written after expansion ("quotesvc", "bin/app",
				    "libx.a"), or the -o operand of a recipe line that builds it */
	const char *path;        /* output path relative to the build file's directory, cleaned
				    ("./bin/../app" is "app"; absolute stays absolute) */
	bh_build_kind kind;
	const char **sources;    /* context-relative paths of the C sources (.c) it is built from,
				    transitively through objects and static libraries of the same
				    file; in first-seen order, no duplicates */
	size_t nsources;
	const char **flags;      /* options that apply to it, in order: the words of CFLAGS,
				    CPPFLAGS and LDFLAGS, then those of the compiler lines that
				    compile its objects and static libraries, then of its own lines;
				    only words starting with '-' (option values are not kept); an
				    exact repeat is kept once, at its last place, so "last one wins"
				    still reads true */
	size_t nflags;
	const char *install_path;/* where an `install`/`cp` recipe line copies it, variables
				    expanded with the overrides ("/usr/local/bin/quotesvc");
				    relative to the build file's directory if the line gives a
				    relative one; NULL if no recipe copies it */
	const char **links;      /* static libraries and objects its link line takes that no rule
				    of this file makes ("../deps/x/libx.a"), relative to the build
				    file's directory: another build file's; NULL for CMake/meson */
	size_t nlinks;
	uint32_t line;           /* line of the rule that builds it */
	bool incomplete;         /* some prerequisite or recipe word stayed unresolved (kept a
				    '$'), here or in an object or library it is built from, so
				    `sources` may miss files */
} bh_build_artifact;

/** The artifacts of one build file. */
typedef struct {
	const char *file;        /* context-relative path of the Makefile */
	bh_build_artifact *items;/* NULL when n is 0 */
	size_t n;
	const char *default_goal;/* the first target that is not special (".PHONY", ".c.o")
				    nor a pattern, as written after expansion; or NULL */
} bh_build_recipes;

/**
 * Read the Makefile `path` (context-relative; relative paths in it are
 * relative to its directory) whose text is `text`/`len`, and list what it
 * builds: executables, shared and static libraries and objects, each with
 * the C sources it is made from, its flags and where `make install` copies
 * it. Reads, never runs: no make, no shell, no other file.
 *
 * `overrides` are NAME=value (or NAME:=value) words of the make command
 * line (`make install PREFIX=/usr DESTDIR=/x`), `noverrides` of them (may
 * be 0/NULL); as in GNU make they win over the file's assignments except
 * those marked `override`.
 * `files` are the context-relative paths of the context's files, `nfiles`
 * of them, for `$(wildcard *.c)` and shell globs on compiler lines
 * (`cc -o app *.c`); NULL means unknown: a glob then stays unresolved and
 * the artifacts using it are incomplete.
 * `exists(ctx_path, payload)` tells whether a context-relative file exists:
 * a .c word is a source only if it exists, and a plain `$(wildcard x.c)`
 * keeps x.c only if it exists. NULL: `files` answers instead; with both
 * NULL every .c path is accepted and a plain wildcard stays unresolved.
 *
 * Understood (GNU make subset): assignments of every flavour with
 * `override`/`export`, references, the functions wildcard patsubst subst
 * addprefix addsuffix notdir dir basename suffix filter filter-out sort
 * strip firstword lastword, substitution references, explicit rules
 * (multiple targets, double-colon, `;` recipes, order-only prerequisites),
 * static pattern rules, pattern rules, old suffix rules (`.c.o:`), make's
 * built-in rules for %.o from %.c and for x from x.o or x.c, automatic
 * variables, `cd dir &&` in a recipe line, compiler, `ar`, `install`,
 * `cp` and `mkdir` lines. Unknown, so words that need them keep a '$' and
 * make their artifacts incomplete: `$(shell)`, `$(call)`, `$(foreach)`
 * and other functions, `!=`, the environment. `include` is ignored.
 * Assignments inside conditionals are skipped (which branch runs is not
 * known), but the rules inside them are kept: a rule names what the
 * Makefile builds in at least one configuration, and dropping a whole
 * `ifndef`-wrapped build would lose more than it protects. A target or
 * prerequisite that used a variable assigned only in a conditional marks
 * its artifact incomplete. Target-specific variables are ignored.
 *
 * Hostile text (NUL bytes, huge lines, self-referencing variables,
 * thousands of rules) is bounded; a limit reached becomes one
 * "disc.makefile-limit" warning in `diags` and a partial result.
 * Ownership: strings and arrays in `arena`; `out->items` may be NULL when
 * `out->n` is 0.
 */
void bh_make_recipes(bh_build_recipes *out, bh_arena *arena, const char *path, const char *text,
		     size_t len, const char *const *overrides, size_t noverrides,
		     const char *const *files, size_t nfiles,
		     bool (*exists)(const char *ctx_path, void *payload), void *payload,
		     bh_diags *diags);

/* ----------------------------------------- CMake and meson build recipes */

/*
 * The CMake and meson readers fill the same bh_build_recipes as the
 * Makefile reader, with these differences:
 *  - `name` is the target's name as declared ("server"; "foo" for
 *    libfoo.so). `path` is its output file in the *build* tree, relative
 *    to the build directory of the top file, which callers know from the
 *    command line (`cmake -B build`, `meson setup build`) and join it to:
 *    the file name ("server", "libfoo.so") for a target of the top file,
 *    "sub/server" for one of the subdirectory "sub" (build trees mirror
 *    source trees), or under the target's RUNTIME/LIBRARY/
 *    ARCHIVE_OUTPUT_DIRECTORY when one is set ("${CMAKE_BINARY_DIR}/bin"
 *    gives "bin/server"; an absolute directory gives an absolute path);
 *  - objects are never artifacts: CMake OBJECT and INTERFACE libraries
 *    only give their sources to what links them, as static libraries do;
 *  - `install_path` is absolute: prefix, install directory and file name
 *    (an absolute destination stays absolute); NULL when the target is not
 *    installed or its destination cannot be known;
 *  - `line` is that of the call that declares the target, and
 *    `default_goal` is NULL (both build every target by default);
 *  - `incomplete` says that something unknown (a variable assigned in a
 *    branch or a loop, a generator expression, an f-string, a function we
 *    do not read, a file `read` could not give) may have changed the
 *    target's sources or the libraries it links. Sources are never
 *    guessed: an unknown word is dropped.
 * Sources are the .c files among a target's sources (headers and other
 * languages are ignored), context-relative and cleaned, and only those in
 * `files` when it is not NULL. Flags are the words starting with '-' of
 * the global then the target's compile options and definitions (written
 * -DNAME[=VALUE]), then of the link options, in order, an exact repeat
 * kept at its last place; a static library linked in adds its own.
 * Conditions are never evaluated: as in the Makefile reader, assignments
 * (and flag commands) inside if() branches are skipped, but targets
 * declared there are kept, and what used a variable that a branch or a
 * loop body may assign is incomplete. Loop, function and macro bodies are
 * skipped.
 */

/**
 * Read the CMakeLists.txt `path` (context-relative; relative paths in it
 * are relative to its directory) whose text is `text`/`len`, and list the
 * executables and libraries it declares, with their C sources, flags and
 * where `cmake --install` puts them. Reads, never runs: no cmake, no
 * compiler check, no file but those `read` returns.
 *
 * `defines` are the words of the cmake configure command line, `ndefines`
 * of them (may be 0/NULL): -DNAME=VALUE, -DNAME:TYPE=VALUE and "-D"
 * "NAME=VALUE" set cache entries (CMAKE_INSTALL_PREFIX=/opt/svc,
 * BUILD_SHARED_LIBS=ON, an option()); other words are ignored. Pass
 * `cmake --install --prefix P` as -DCMAKE_INSTALL_PREFIX=P.
 * `files`/`nfiles` are the context-relative paths of the context's files,
 * for file(GLOB ...) and aux_source_directory(), and to check that a
 * source exists; NULL means unknown (a glob is then unknown, and every .c
 * source named is taken).
 * `read(ctx_path, &text, &len, payload)` returns true and the text of
 * another context file (borrowed; valid until this call returns), for
 * add_subdirectory(dir) (dir/CMakeLists.txt, run in a child scope with
 * dir as its directory) and include() of a file, or of a module found in
 * CMAKE_MODULE_PATH. It may be NULL: then subdirectories are not
 * followed, and a target that links a library no file read declares is
 * incomplete.
 *
 * Understood: the syntax (quoted, bracket and unquoted arguments,
 * escapes, `#` and `#[[...]]` comments, continuations, `${VAR}` nested to
 * any depth, `$CACHE{}`; `$ENV{}` and generator expressions are unknown
 * words, but `$<TARGET_OBJECTS:lib>` among sources links lib), set()
 * (PARENT_SCOPE, CACHE), unset(), option(), list(APPEND|PREPEND|
 * REMOVE_ITEM|REMOVE_DUPLICATES), file(GLOB|GLOB_RECURSE) with RELATIVE,
 * aux_source_directory(), project() (PROJECT_NAME, PROJECT_SOURCE_DIR,
 * <name>_SOURCE_DIR...), add_executable(), add_library() (STATIC, SHARED,
 * MODULE, OBJECT, INTERFACE, ALIAS, IMPORTED; BUILD_SHARED_LIBS when no
 * type is given), target_sources(), target_link_libraries(),
 * target_compile_options(), target_compile_definitions(),
 * target_link_options(), add_compile_options(), add_compile_definitions(),
 * add_definitions(), add_link_options(), CMAKE_C_FLAGS,
 * CMAKE_EXE_LINKER_FLAGS and CMAKE_SHARED_LINKER_FLAGS (their values when
 * the target is declared), set_target_properties() and
 * set_property(TARGET) for OUTPUT_NAME, PREFIX, SUFFIX,
 * *_OUTPUT_DIRECTORY and the compile and link option properties,
 * install(TARGETS ... [RUNTIME|LIBRARY|ARCHIVE] DESTINATION dir) (CMake's
 * default destinations bin and lib when none is given),
 * include(GNUInstallDirs) (CMAKE_INSTALL_BINDIR=bin, SBINDIR=sbin,
 * LIBDIR=lib... and their FULL forms), add_subdirectory(), include(),
 * return(). Other commands that compute variables (string(), math(),
 * get_*(), find_*()...) leave them unknown; a call of any other command
 * (a function or macro, defined or not) marks the variables its arguments
 * name, and those its body sets, as possibly changed.
 * install(PROGRAMS|FILES|DIRECTORY) is ignored.
 *
 * Hostile text (NUL bytes, unterminated strings and brackets, huge lines,
 * self-referencing variables, deep nesting, add_subdirectory() cycles,
 * thousands of targets) is bounded; a limit reached (a cycle included)
 * becomes one "disc.cmake-limit" warning in `diags` and a partial result.
 * Ownership: strings and arrays in `arena`; `out->items` may be NULL when
 * `out->n` is 0.
 */
void bh_cmake_recipes(bh_build_recipes *out, bh_arena *arena, const char *path, const char *text,
		      size_t len, const char *const *defines, size_t ndefines,
		      const char *const *files, size_t nfiles,
		      bool (*read)(const char *ctx_path, const char **text, size_t *len, void *payload),
		      void *payload, bh_diags *diags);

/**
 * Read the meson.build `path` (context-relative; relative paths in it are
 * relative to its directory) whose text is `text`/`len`, and list the
 * executables and libraries it declares, as bh_cmake_recipes does.
 *
 * `options` are the words of `meson setup`, `noptions` of them (may be
 * 0/NULL): -Dname=value and "-D" "name=value" (prefix=/opt/svc,
 * bindir=sbin, libdir=lib64, default_library=static, a project option),
 * --prefix=/opt/svc and "--prefix" "/opt/svc" (so --bindir, --libdir and
 * --default-library); other words are ignored. They win over
 * project(default_options: ...). Defaults: prefix /usr/local, bindir bin,
 * libdir lib, default_library shared.
 * `files`, `read` and `payload` are as for bh_cmake_recipes; `read` gives
 * dir/meson.build for subdir('dir'), which runs in meson's one scope with
 * dir as its directory.
 *
 * Understood: the syntax (strings '...' and '''...''' with escapes,
 * numbers, booleans, arrays, dictionaries, keyword arguments, `#`
 * comments, `=` and `+=`, `+` on strings and arrays, `/` and
 * join_paths() on paths, indexing, if/elif/else/endif, foreach, the
 * ternary, comparison and boolean operators, which give unknown values);
 * f-strings, method calls (`.get()`, `meson.current_source_dir()`...) and
 * the results of functions not named here are unknown values. Functions:
 * project() (default_options:), executable(), library() (shared unless
 * default_library=static), static_library(), shared_library(),
 * shared_module(), both_libraries() (as a shared library), with their
 * sources (positional and sources:; strings, files() and arrays of them),
 * c_args:, link_args:, link_with:, link_whole:, dependencies: (those of
 * declare_dependency(link_with:, sources:, compile_args:, link_args:);
 * others add nothing), name_prefix:, name_suffix:, install: and
 * install_dir:; files(), join_paths(), get_option() (prefix, bindir,
 * sbindir, libdir, libexecdir, default_library and options given;
 * others are unknown), declare_dependency(), add_project_arguments(),
 * add_global_arguments(), add_project_link_arguments(),
 * add_global_link_arguments() (their values when the target is
 * declared), subdir(), subdir_done(). An installed target goes to
 * prefix/bindir/name (executables), prefix/libdir/name (libraries) or
 * install_dir/name (under the prefix unless absolute).
 *
 * Hostile text is bounded as for bh_cmake_recipes; a limit reached
 * becomes one "disc.meson-limit" warning. Ownership: as bh_cmake_recipes.
 */
void bh_meson_recipes(bh_build_recipes *out, bh_arena *arena, const char *path, const char *text,
		      size_t len, const char *const *options, size_t noptions,
		      const char *const *files, size_t nfiles,
		      bool (*read)(const char *ctx_path, const char **text, size_t *len, void *payload),
		      void *payload, bh_diags *diags);

#endif
