/* SPDX-License-Identifier: MIT */
/*
 * One model for every finding, whatever the rule family: rule, severity,
 * message, location, related locations, ordered flow steps, a fingerprint
 * that survives line shifts, and a slot for image context.
 */
#ifndef BULKHEAD_FINDING_H
#define BULKHEAD_FINDING_H

#include "common.h"
#include "rule.h"
#include "vec.h"

typedef struct bh_arena bh_arena;

/** A related location or a step of a flow path. */
typedef struct {
	bh_loc loc;
	const char *message;
} bh_finding_step;

/**
 * A change that fixes a finding, attached only where the rule is sure it
 * is right (the LSP server offers it as a quick fix): replace the bytes of
 * `loc` (an empty range inserts) with `text`.
 */
typedef struct {
	const char *title; /* what the change does, for a menu */
	bh_loc loc;
	const char *text;
} bh_finding_fix;

/** How a finding was suppressed. */
typedef enum {
	BH_SUPPRESS_NONE = 0,
	BH_SUPPRESS_INLINE,   /* `bulkhead: ignore[rule] reason` comment */
	BH_SUPPRESS_CONFIG,   /* .bulkhead.json (rule disabled or path excluded) */
	BH_SUPPRESS_BASELINE, /* fingerprint listed in --baseline */
} bh_suppress_kind;

/**
 * Image context, filled by image correlation ([F]); NULL until then.
 * Opaque here so that the finding model does not depend on the image model.
 */
typedef struct bh_image_context bh_image_context;

typedef struct {
	const bh_rule *rule;        /* registry entry (static) */
	bh_level level;             /* after config overrides */
	const char *message;
	bh_loc loc;
	const char *function;       /* enclosing function, or NULL */
	const char *snippet;        /* normalized text the fingerprint hashes */
	bh_finding_step *related;   /* arena array */
	size_t nrelated;
	bh_finding_step *flow;      /* ordered flow path, arena array */
	size_t nflow;
	const char *note;           /* caveat, e.g. analysed with fallback flags; or NULL */
	char fingerprint[33];       /* 32 hex digits, see bh_findings_fingerprint */
	bh_suppress_kind suppressed;
	const char *suppress_reason; /* justification text, or NULL */
	bh_image_context *image;    /* [F] */
	const bh_finding_fix *fix;  /* or NULL */
} bh_finding;

/** A list of findings whose strings live in `arena` (borrowed). Not thread-safe. */
typedef struct bh_findings {
	BH_VEC(bh_finding) items;
	bh_arena *arena;
} bh_findings;

void bh_findings_init(bh_findings *f, bh_arena *arena);
void bh_findings_dispose(bh_findings *f);

/**
 * Append a finding for `rule` at `loc` with its default level. Copies
 * `loc.path` and the formatted message into the arena. Returns the new
 * finding (valid until the next add) so callers can set the other fields.
 */
bh_finding *bh_finding_add(bh_findings *f, const bh_rule *rule, bh_loc loc,
			   const char *fmt, ...) BH_PRINTF(4, 5);

/** Add a flow step / related location (strings copied into the arena). */
void bh_finding_add_flow(bh_findings *f, bh_finding *fd, bh_loc loc, const char *message);
void bh_finding_add_related(bh_findings *f, bh_finding *fd, bh_loc loc, const char *message);
/** Attach a fix (strings copied into the arena). */
void bh_finding_set_fix(bh_findings *f, bh_finding *fd, const char *title, bh_loc loc,
			const char *text);

/**
 * The finding of `rule` at exactly `loc` (path, line, column) whose snippet
 * is `snippet` (NULL: any; a finding without a snippet matches any), or
 * NULL. The dataflow rules make one finding per rule and place however
 * many paths or calling contexts reach it.
 */
const bh_finding *bh_findings_find(const bh_findings *f, const bh_rule *rule, const bh_loc *loc,
				   const char *snippet);

/** Append deep copies of `src`'s findings to `dst` (strings into dst's arena). */
void bh_findings_append(bh_findings *dst, const bh_findings *src);

/**
 * Append deep copies of those of `src`'s findings whose rule and location
 * no finding of `dst` has (bh_findings_find): two programs of a context
 * built from one source file report its flows once.
 */
void bh_findings_append_new(bh_findings *dst, const bh_findings *src);

/** A borrowed view of `f`'s findings from index `from` on (not to be grown or disposed). */
static inline bh_findings bh_findings_tail(const bh_findings *f, size_t from)
{
	bh_findings t = *f;
	bh_vec_view_from(&t.items, from);
	return t;
}

/**
 * Sort by path, line, column, rule id, message (a total, deterministic
 * order) and drop exact duplicates (same rule, location and message: a
 * header seen through two translation units).
 */
void bh_findings_sort_unique(bh_findings *f);

/**
 * Compute every finding's fingerprint: a hash of rule id, path, enclosing
 * function and the whitespace-normalised snippet, plus the ordinal among
 * findings sharing those. Line numbers are not part of it, so it survives
 * code moving up or down. Call after bh_findings_sort_unique.
 */
void bh_findings_fingerprint(bh_findings *f);

/** Collapse runs of whitespace to one space and trim: the snippet normal form. Arena copy. */
const char *bh_finding_normalize_snippet(bh_arena *arena, const char *text, size_t len);

/**
 * How a secret appears in any output: a short prefix, an ellipsis and the
 * length, e.g. "AKIA… (20 chars)". At most 4 characters and at most a
 * quarter of the secret are shown, so short secrets show less or nothing.
 * Every rule that reports a secret builds its message (and its snippet)
 * from this, never from the raw value. Ownership: arena.
 */
const char *bh_finding_redact(bh_arena *arena, const char *secret, size_t len);

#endif
