/* SPDX-License-Identifier: MIT */
/*
 * The symbolic image model: what a Dockerfile builds, stage by stage, and
 * where every file of the target image comes from.
 *
 * Built from a parsed Dockerfile (bh_df_file) and the build context
 * (bh_ctx): stages and their graph (FROM a stage, COPY --from), the target
 * stage and the stages that contribute to it, a provenance map per stage
 * (image path -> context file, another stage's file, a URL, a heredoc, or
 * the output of a recognised RUN command), the effective USER, EXPOSEd
 * ports, ENTRYPOINT/CMD combined as Docker combines them, HEALTHCHECK, ENV
 * at the end of each stage, secret mounts, and the build commands (C
 * compilers, make, cmake, meson, ninja, configure, install, strip, chmod,
 * setcap, rm) found in RUN.
 *
 * Values that depend on something we cannot know (a build argument without
 * default, the base image's environment) stay symbolic: they keep their
 * `${NAME}` text and are flagged, never silently empty.
 *
 * Everything lives in the arena given to bh_img_build; the model borrows
 * the bh_df_file (same or longer-lived arena) and copies what it needs
 * from the context.
 */
#ifndef BULKHEAD_IMG_H
#define BULKHEAD_IMG_H

#include <stdio.h>

#include "common.h"
#include "df.h"
#include "finding.h"
#include "sh.h"
#include "vec.h"

typedef struct bh_arena bh_arena;
typedef struct bh_diags bh_diags;
typedef struct bh_ctx bh_ctx;
typedef struct bh_findings bh_findings;

/* ---------------------------------------------------------- image refs */

/** An image reference `[registry/]name[:tag][@digest]`, after substitution. */
typedef struct {
	const char *raw;       /* as expanded */
	const char *registry;  /* "ghcr.io", or NULL for Docker Hub */
	const char *name;      /* repository path, "debian" or "library/debian" as written */
	const char *tag;       /* NULL when none (Docker then uses "latest") */
	const char *digest;    /* "sha256:...", or NULL */
	bool symbolic;         /* contains a variable whose value is unknown */
	bool scratch;          /* the empty image */
} bh_img_ref;

/** Split `text` into a reference (strings in `arena`). */
void bh_img_ref_parse(bh_img_ref *out, bh_arena *arena, const char *text, bool symbolic);

/* ------------------------------------------------------------ provenance */

typedef enum {
	BH_IMG_FROM_CONTEXT = 0, /* a file of the build context */
	BH_IMG_FROM_STAGE,       /* copied from another stage (see `stage`, `prev`) */
	BH_IMG_FROM_IMAGE,       /* COPY --from=<image>: a file of an external image */
	BH_IMG_FROM_URL,         /* ADD <url> */
	BH_IMG_FROM_HEREDOC,     /* COPY/ADD <<EOF */
	BH_IMG_FROM_RUN,         /* written by a recognised RUN command (see `build`) */
} bh_img_origin;

/** "context", "stage", "image", "url", "heredoc", "run". */
const char *bh_img_origin_name(bh_img_origin origin);

typedef struct bh_img_file bh_img_file;

/** One path of a stage's filesystem and where it came from. */
struct bh_img_file {
	const char *path;          /* absolute in the image; may hold ${VAR} */
	bh_img_origin origin;
	const char *source;        /* context path, source-stage path, image ref, URL,
				      heredoc name, or the producing tool */
	int stage;                 /* FROM_STAGE: the source stage; else -1 */
	const bh_img_file *prev;   /* FROM_STAGE: the source stage's entry, or NULL when
				      that stage has no known entry there (base image, RUN);
				      FROM_RUN by install/cp: the entry copied, if known */
	int build;                 /* FROM_RUN: index into the stage's builds; else -1 */
	const bh_df_instr *instr;  /* the COPY, ADD or RUN that placed it */
	bool removed;              /* a later RUN removed it; its layer still holds it */
	const bh_df_instr *removed_by;
	const char *mode;          /* --chmod or a later chmod, or NULL */
};

/** Follow `prev` links to the entry that first placed the content. */
const bh_img_file *bh_img_file_root(const bh_img_file *f);

/** How one source of a COPY/ADD resolved. */
typedef enum {
	BH_IMG_SRC_OK = 0,      /* matched files that are sent */
	BH_IMG_SRC_EXCLUDED,    /* everything it names is excluded by .dockerignore */
	BH_IMG_SRC_MISSING,     /* matches nothing in the context */
	BH_IMG_SRC_SYMBOLIC,    /* holds an unknown variable */
	BH_IMG_SRC_URL,         /* a remote URL (ADD) */
	BH_IMG_SRC_HEREDOC,
	BH_IMG_SRC_STAGE,       /* a path in another stage or image */
} bh_img_src_status;

typedef struct {
	const char *path;          /* expanded, cleaned */
	bh_img_src_status status;
	size_t nfiles;             /* files copied */
	size_t nexcluded;          /* files it named that .dockerignore excludes */
	bool is_dir;               /* a directory (or glob of directories): contents copied */
} bh_img_src;

/** One COPY or ADD as the model resolved it. */
typedef struct {
	const bh_df_instr *instr;
	int stage;
	const char *from;          /* --from value expanded, or NULL */
	int from_stage;            /* the stage --from names, or -1 */
	bool from_self;            /* --from names the stage it is in */
	bool from_undefined;       /* --from names no stage and is not an image reference */
	const char *dest;          /* absolute, expanded */
	bh_img_src *srcs;
	size_t nsrcs;
	bh_img_file **files;       /* entries created */
	size_t nfiles;
} bh_img_copy;

/* ------------------------------------------------------------ RUN, builds */

/** A `--mount=type=secret` (or ssh) of a RUN. */
typedef struct {
	const char *type;      /* "secret" or "ssh" */
	const char *id;        /* id= or NULL */
	const char *target;    /* target=/dst=, or the default /run/secrets/<id> */
	const char *env;       /* env= (secret exposed as a variable), or NULL */
} bh_img_secret;

/** One RUN instruction with its shell commands. */
typedef struct {
	const bh_df_instr *instr;
	int stage;
	const char *text;          /* the shell text parsed (shell form, heredoc script,
				      `sh -c` argument), or NULL for plain exec form */
	bh_sh_script *script;      /* commands; for exec form one synthetic command */
	size_t body_off;           /* offsets >= this map to heredoc lines */
	uint32_t body_line;        /* file line of text[body_off] */
	size_t arg_off;            /* offset of text[0] within instr->text, when < body_off */
	const char *network;       /* --network value or NULL */
	const char *security;      /* --security value or NULL */
	bh_img_secret *secrets;
	size_t nsecrets;
	const char *cwd;           /* WORKDIR when it ran */
} bh_img_run;

/** File position of byte `offset` of `run->text`. */
void bh_img_run_position(const bh_df_file *df, const bh_img_run *run, size_t offset,
			 uint32_t *line, uint32_t *col);

typedef enum {
	BH_IMG_BUILD_CC = 0,    /* gcc, cc, clang, *-gcc, c99... */
	BH_IMG_BUILD_MAKE,
	BH_IMG_BUILD_CMAKE,
	BH_IMG_BUILD_MESON,
	BH_IMG_BUILD_NINJA,
	BH_IMG_BUILD_CONFIGURE,
	BH_IMG_BUILD_INSTALL,   /* install, cp */
	BH_IMG_BUILD_STRIP,
	BH_IMG_BUILD_CHMOD,
	BH_IMG_BUILD_SETCAP,
	BH_IMG_BUILD_RM,
} bh_img_build_kind;

/** "cc", "make", "cmake", ... */
const char *bh_img_build_kind_name(bh_img_build_kind kind);

/**
 * True if `word` (a command's first word, a path or a bare name) names a C
 * compiler: cc, gcc, clang, c99, tcc, *-gcc, gcc-12, $CC, ${CC}... Shared
 * by the image model (RUN build steps) and discovery (Makefile recipes).
 */
bool bh_img_is_c_compiler(const char *word);

/**
 * A program or library a `make` run links, read from its Makefile
 * (bh_make_recipes): where it is written in the stage, its sources, the
 * flags that apply, where `make install` puts it.
 */
typedef struct bh_img_made {
	const char *path;          /* in the stage */
	const char *install_path;  /* in the stage, when the run's goals install it; or NULL */
	const char **sources;      /* context files */
	size_t nsources;
	const char **flags;        /* options of CFLAGS/CPPFLAGS/LDFLAGS and its recipe lines */
	size_t nflags;
	uint32_t line;             /* of its rule in the Makefile */
	bool incomplete;           /* the Makefile used something that could not be read */
} bh_img_made;

/** A build command recognised in a RUN. Paths are resolved against the cwd. */
typedef struct {
	bh_img_build_kind kind;
	const bh_sh_cmd *cmd;      /* the shell command (argv as written) */
	size_t run;                /* index into bh_img.runs */
	const char *tool;          /* argv[0] basename */
	const char *cwd;           /* WORKDIR plus `cd` within the RUN */
	const char **inputs;       /* cc: sources and objects; install/strip/chmod/rm/setcap: operands */
	size_t ninputs;
	const char *output;        /* cc -o, install/cp destination; NULL if none */
	const char **sources;      /* cc: the context files (C sources) it compiles, directly or
				      through the objects of an earlier `cc -c` of the stage */
	size_t nsources;
	const char **objects;      /* cc -c: the objects written (one per source, or the -o) */
	size_t nobjects;
	struct bh_img_made *made;  /* make, cmake/meson configure: the programs and libraries
				      its build file links */
	size_t nmade;
	const char *build_file;    /* make, cmake, meson setup: the Makefile, CMakeLists.txt or
				      meson.build read (context path), or NULL when none was */
	const char **flags;        /* cc: every option; make/cmake/meson/configure: options
				      and VAR=value arguments */
	size_t nflags;
	const char **env;          /* NAME=value of CC, CFLAGS, CPPFLAGS, LDFLAGS, CXXFLAGS,
				      CXX, MAKEFLAGS from ENV and prefix assignments */
	size_t nenv;
	bh_loc loc;
} bh_img_build_cmd;

/* ----------------------------------------------------------------- stages */

typedef struct {
	int index;
	const char *name;           /* AS name, lower case; NULL if unnamed */
	const bh_df_instr *from;    /* the FROM instruction */
	size_t first_instr, ninstr; /* instructions of the stage: df->instrs[first..first+n) */
	bh_img_ref base;
	int base_stage;             /* stage it builds on, or -1 for an image */
	const char *platform;       /* --platform, or NULL */
	bh_img_file **files;        /* provenance map, path order */
	size_t nfiles;
	size_t *builds;             /* indexes into bh_img.builds */
	size_t nbuilds;
	int *deps;                  /* stages this one copies from (COPY --from), no duplicates */
	size_t ndeps;
	const char *user;           /* effective USER (inherited through FROM stage), or NULL
				       when never set: the base image's default */
	const bh_df_instr *user_instr;
	int user_root;              /* 1 root, 0 not root, -1 unknown */
	const char *workdir;        /* final WORKDIR, absolute */
	const bh_df_instr *relative_workdir; /* first relative WORKDIR with no absolute one before */
	const char **ports;         /* EXPOSE, expanded ("7070", "53/udp") */
	size_t nports;
	const bh_df_instr **expose_instrs; /* parallel to ports */
	const char **entrypoint;    /* ENTRYPOINT as Docker stores it (shell form: sh -c) */
	size_t nentrypoint;
	bool entrypoint_shell;      /* ENTRYPOINT in shell form: CMD is ignored */
	const char **cmd;           /* CMD, the same way */
	size_t ncmd;
	const char **argv;          /* what the container runs: ENTRYPOINT + CMD */
	size_t argc;
	const char *exe;            /* argv[0] resolved to an image path, or NULL */
	const bh_img_file *exe_file;/* the provenance entry of exe, or NULL */
	const bh_df_instr *healthcheck; /* the HEALTHCHECK in force (inherited), or NULL */
	bool healthcheck_none;      /* HEALTHCHECK NONE */
	bh_df_var *env;             /* ENV at the end of the stage (inherited included) */
	size_t nenv;
	bool in_target;             /* contributes files or layers to the target */
	bool layers_in_target;      /* the target is built FROM it: its layers ship */
	bool is_target;
} bh_img_stage;

/* -------------------------------------------------------------- artifacts */

/** Whether something reaches the target image: told, or not knowable here. */
typedef enum {
	BH_IMG_SHIP_UNKNOWN = 0,
	BH_IMG_SHIP_NO,
	BH_IMG_SHIP_YES,
} bh_img_ship;

/** "unknown", "no", "yes". */
const char *bh_img_ship_name(bh_img_ship ship);

/**
 * A program or library a recognised compiler line links (`cc -o app a.c
 * b.o`), with the C sources it is made of and where it ends up.
 */
typedef struct {
	const char *path;          /* where the build writes it, in its stage */
	int stage;                 /* the stage that builds it */
	size_t build;              /* index into bh_img.builds of the linking command */
	const bh_img_made *made;   /* built by `make`: what its Makefile says; else NULL */
	const char **sources;      /* context files compiled into it */
	size_t nsources;
	bh_img_ship shipped;       /* in the target image's filesystem */
	const char *image_path;    /* its path in the target image (first, by path), or NULL */
	const bh_df_instr *ship_instr; /* the COPY that brings it into the target, or the RUN
					  that builds it in a layer of the target; NULL */
	bool entrypoint;           /* the target's ENTRYPOINT/CMD runs it */
	const char *why;           /* one clause saying why it is (not) shipped */
} bh_img_artifact;

/* -------------------------------------------------------------- hardening */

typedef struct bh_img bh_img;

/** Protections a compiler line can give a program. */
enum {
	BH_IMG_HARDEN_SSP = 1u << 0,     /* -fstack-protector-strong or -all */
	BH_IMG_HARDEN_FORTIFY = 1u << 1, /* -D_FORTIFY_SOURCE=2|3 on optimised compiles */
	BH_IMG_HARDEN_PIE = 1u << 2,     /* -fPIE and -pie */
	BH_IMG_HARDEN_RELRO = 1u << 3,   /* -Wl,-z,relro */
	BH_IMG_HARDEN_NOW = 1u << 4,     /* -Wl,-z,now */
	BH_IMG_HARDEN_CLASH = 1u << 5,   /* -fstack-clash-protection */
	BH_IMG_HARDEN_CET = 1u << 6,     /* -fcf-protection */
	BH_IMG_HARDEN_ALL = (1u << 7) - 1,
};

/** How a program is built, from its compiler lines (see bh_img_hardening_of). */
typedef struct bh_img_hardening {
	unsigned present;          /* BH_IMG_HARDEN_* given by the lines or the compiler's defaults */
	unsigned defaults;         /* BH_IMG_HARDEN_* the building stage's compiler enables by default */
	const char *base;          /* the building stage's base image, whose compiler that is */
	const char *disabling[8];  /* flags that turn protections off: -fno-stack-protector,
				      -U_FORTIFY_SOURCE, -no-pie, -z norelro, -w */
	size_t ndisabling;
	bool unknown_flags;        /* a line holds a variable with no known value ($CFLAGS) */
	bool fortify_requested;    /* -D_FORTIFY_SOURCE appears */
	bool optimised;            /* every compile line optimises (-O1 or more) */
	bool debug;                /* -g on a line */
	bool stripped;             /* -s, -Wl,-s, install -s, or a strip of the program */
	const char *sanitize;      /* a -fsanitize= value, or NULL */
	bool execstack;            /* -z execstack */
	uint32_t lines[16];        /* Dockerfile lines of the compiler commands read */
	size_t nlines;
} bh_img_hardening;

/** Flags of the compiler lines that build `a` (strings in `arena`). */
void bh_img_hardening_of(const bh_img *img, const bh_img_artifact *a, bh_arena *arena,
			 bh_img_hardening *out);

/** BH_IMG_HARDEN_* the gcc of base image `base` enables without flags. */
unsigned bh_img_compiler_defaults(const bh_img_ref *base);

/** The flag that gives one BH_IMG_HARDEN_* bit, for messages. */
const char *bh_img_harden_flag(unsigned bit);

/** The model of one Dockerfile. */
typedef struct bh_img {
	const char *dockerfile;     /* context-relative path */
	const bh_df_file *df;       /* borrowed */
	bh_img_stage *stages;
	size_t nstages;
	int target;                 /* index of the target stage, -1 if there are no stages */
	const char *target_name;    /* --target asked for, or NULL */
	bh_img_copy *copies;        /* every COPY/ADD, file order */
	size_t ncopies;
	bh_img_run *runs;           /* every RUN, file order */
	size_t nruns;
	bh_img_build_cmd *builds;       /* every recognised build command, file order */
	size_t nbuilds;
	bh_img_artifact *artifacts; /* every linked artifact, build order */
	size_t nartifacts;
	bh_df_var *global_args;     /* ARGs before the first FROM */
	size_t nglobal_args;
	bool truncated;             /* a limit was reached (diagnosed) */
} bh_img;

typedef struct bh_compdb bh_compdb;

/** Options of bh_img_build. */
typedef struct {
	const char *target;         /* --target stage name, or NULL for the last stage */
	size_t max_files;           /* 0: 200,000 provenance entries per Dockerfile */
	const bh_compdb *compdb;    /* the compilation database: which source an object a link
				       line names comes from, when no `cc -c` of the stage says;
				       or NULL */
} bh_img_options;

#define BH_IMG_OPTIONS_INIT { NULL, 0, NULL }

/**
 * Build the model of `df` (read from `dockerfile` in `ctx`).
 * `ctx` may be NULL: context sources then stay unresolved (status MISSING
 * is not reported; files are not listed). A --target naming no stage is an
 * error diagnostic and the last stage is used. Limits reached become
 * diagnostics.
 * Ownership: `*out` lives in `arena`; it borrows `df`.
 * @return BH_OK.
 */
bh_status bh_img_build(bh_img **out, bh_arena *arena, bh_ctx *ctx, const char *dockerfile,
		       const bh_df_file *df, const bh_img_options *opts, bh_diags *diags);

/** The stage named `name` (case-insensitive) or with that index, or -1. */
int bh_img_stage_find(const bh_img *img, const char *name);

/**
 * True if a variable or file name suggests a secret (PASSWORD, TOKEN,
 * API_KEY, SECRET, PRIVATE_KEY, CREDENTIALS...), and is not one of the
 * public-data names that contain those words (GPG_KEY, *_KEY_ID, KEYSERVER,
 * PUBLIC_KEY, *_FILE, *_PATH, *_URL). Case-insensitive.
 */
bool bh_img_is_secret_name(const char *name);

/** The image at the bottom of the FROM chain of `stage` (FROM another stage is followed). */
const bh_img_ref *bh_img_base_of(const bh_img *img, int stage);

/**
 * The C library of a base image where its reference tells: "glibc"
 * (Debian-based official images, distroless cc/base), "musl" (alpine),
 * "none" (scratch, distroless static), or NULL.
 */
const char *bh_img_libc(const bh_img_ref *ref);

/** "stage 'name'" or "stage 2": how messages name a stage (arena). */
const char *bh_img_stage_label(bh_arena *arena, const bh_img *img, int stage);

/* ----------------------------------------------------- image correlation */

/**
 * How a finding's code or file reaches the image a Dockerfile builds
 * (bh_finding.image). Filled by bh_img_correlate; strings in the findings'
 * arena.
 */
struct bh_image_context {
	bh_img_ship shipped;
	const char *reason;        /* why shipped/not/unknown, one sentence without final period */
	const char *dockerfile;    /* the Dockerfile of the image (context-relative) */
	const char *stage;         /* the target stage's label ("stage 'runtime'", "stage 1") */
	const char *artifact;      /* the program the code is linked into, where it is built; or NULL */
	const char *image_path;    /* the program or file in the target image, or NULL */
	bool entrypoint;           /* the image runs that program */
	int root;                  /* the target runs as root: 1, not: 0, unknown: -1 */
	const char *user;          /* USER of the target, NULL when never set (root by default) */
	const char **ports;        /* EXPOSEd by the target */
	size_t nports;
	const char *base;          /* the target's base image, as written after expansion */
	const char *libc;          /* "glibc", "musl", "none" (scratch, static), or NULL if unknown */
	int exposure;              /* 0-100, see bh_img_exposure */
	bh_level original_level;   /* the rule's level before exposure adjusted it */
	bool adjusted;             /* the level was raised or lowered */
	bh_finding_step *ships;    /* Dockerfile lines that build and ship it */
	size_t nships;
};

/**
 * Give every finding on a file of the context the image context of the
 * Dockerfile through which it is most exposed (none without Dockerfiles),
 * then adjust levels within one step:
 * - code or files that never reach the target image: one level lower
 *   (error -> warning -> note);
 * - a memory-safety or injection finding in the program the image runs,
 *   as root, behind an EXPOSEd port: error.
 * Findings on the Dockerfiles themselves get no context. `includes` are
 * "HEADER\x1fSOURCE" pairs (bh_clang_options.includes): a header's code
 * goes where the sources that include it go.
 */
void bh_img_correlate(bh_img *const *images, size_t nimages, const char *const *includes,
		      size_t nincludes, bh_findings *findings);

/**
 * `--sort exposure`: the most exposed findings first, the order they are
 * in kept among equals; a finding without an image context counts as
 * unknown (25).
 */
void bh_img_order_by_exposure(bh_findings *findings);

/**
 * The exposure score of a context: 0 when not shipped, 25 when unknown;
 * shipped: 40, +25 for the program the image runs, +20 running as root
 * (+10 when the user is unknown), +15 with an EXPOSEd port.
 */
int bh_img_exposure(const bh_image_context *c);

/* --------------------------------------------------------------- output */

typedef enum { BH_IMG_TEXT, BH_IMG_JSON, BH_IMG_DOT } bh_img_format;

/**
 * Print the model as a "bill of lading": stages, what each copies from
 * where, the final stage's user, ports, entrypoint and healthcheck, and
 * which context files end up in the target image.
 * @return BH_OK, or BH_EIO if writing failed.
 */
bh_status bh_img_print(FILE *out, const bh_img *img, bh_img_format format);

/* ------------------------------------------------------------ image rules */

typedef struct bh_ir_program bh_ir_program;

/** A call of the C code that runs a shell (system, popen, exec of /bin/sh). */
typedef struct {
	bh_loc loc;
	const char *callee;
	const char *function;   /* the caller */
} bh_img_shell_call;

typedef BH_VEC(bh_img_shell_call) bh_img_shell_calls;

/** Collect the shell calls of `program` (strings copied into `arena`). */
void bh_image_shell_calls(const bh_ir_program *program, bh_arena *arena, bh_img_shell_calls *out);

/**
 * The image.* rules (rules/image/image_rules.c) over every model: shipped
 * programs' hardening and debug builds, secrets and sources that reach the
 * image, readable private keys, shell calls in images without a shell.
 * Reads the findings already in `findings` (the secret rules') and appends
 * its own. `calls` (may be NULL) are the C code's shell calls; `ctx` (may
 * be NULL) tells whether a COPY sends the context's .git directory.
 */
void bh_image_check(bh_img *const *images, size_t nimages, bh_ctx *ctx,
		    const bh_img_shell_calls *calls, bh_findings *findings);

/* ------------------------------------------------------- pipeline stage */

typedef struct bh_scan bh_scan;
typedef struct bh_scan_options bh_scan_options;

/**
 * The Dockerfile stage of bh_scan_run: finds the Dockerfiles (the scan's
 * -f list, else every BH_FILE_DOCKERFILE of the context), parses them,
 * builds their models (kept in scan->images for image correlation) and runs
 * the docker.* rules. Problems become diagnostics; a -f file that does not
 * exist in the context is an error diagnostic.
 */
void bh_img_analyze(bh_scan *scan, const bh_scan_options *opts, const bh_compdb *compdb);

/**
 * Find, parse and model one Dockerfile of an opened context, for
 * `bulkhead image`: `dockerfile` is the -f path as the user gave it
 * (relative to the current directory, else to the context root), or NULL
 * for `Dockerfile` at the root, else the first Dockerfile of the inventory.
 * Syntax errors become docker.parse-error findings in `findings` (may be
 * NULL); a missing Dockerfile is an error diagnostic.
 * Ownership: `*out` lives in `arena`.
 * @return BH_OK, or BH_ENOTFOUND when there is no Dockerfile to read.
 */
bh_status bh_img_load(bh_img **out, bh_arena *arena, bh_ctx *ctx, const char *dockerfile,
		      const char *target, bh_findings *findings, bh_diags *diags);

typedef struct bh_secret bh_secret;

/**
 * The docker.* rules over one model (rules/docker/docker_rules.c): parse
 * errors, root user, unpinned bases, remote ADD, curl|sh, TLS off, secrets,
 * unfiltered COPY, permissions, sudo, sshd, insecure RUN, HEALTHCHECK and
 * the build errors the model exposes. Findings are appended to `out`.
 * `secrets` (borrowed, may be NULL) lets docker.secret-in-arg-env also
 * report ARG/ENV values that a secret rule recognises whatever their name.
 */
void bh_docker_check(const bh_img *img, bh_ctx *ctx, const bh_secret *secrets,
		     bh_findings *out);

#endif
