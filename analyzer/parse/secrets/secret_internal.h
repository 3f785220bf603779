// SPDX-License-Identifier: MIT
// Shared inside the secret scanner (bh_secret): the generated pack table,
// the keyword prefilter and the compiled matchers. PCRE2 types never leave
// this module.
#ifndef BH_SECRET_INTERNAL_H
#define BH_SECRET_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "bulkhead/rule.h"
#include "bulkhead/secret.h"

// ------------------------------------------------ secret_pack_data.c (generated)

// One entry of rules/secrets/*.rules. List fields hold one item per line,
// each ending in '\n' ("" for none).
typedef struct {
	const char *id;
	const char *regex;    // PCRE2, {sep}/{end} already expanded
	const char *keywords; // lowercase prefilter words
	const char *allow;    // allow-patterns (PCRE2)
	const char *tp;       // lines the rule must report
	const char *fp;       // lines the rule must not report
	int group;            // capture group of the secret (0: whole match)
	double entropy;       // minimum bits per byte, 0 for none
	bool multiline;       // the match may continue past the keyword's line
} bh_secret__pack_rule;

extern const bh_secret__pack_rule bh_secret__pack[];
extern const size_t bh_secret__pack_len;

// ------------------------------------------------------------ secret_ac.c

// Aho-Corasick automaton over case-folded bytes. Bytes that occur in no
// keyword share one class, so the transition table stays small
// (states x classes) and each input byte costs one lookup.
typedef struct {
	uint8_t cls[256];        // byte -> class; 0 = no keyword has it
	uint32_t nclasses;
	uint32_t nstates;
	uint32_t maxlen;         // length of the longest keyword
	uint32_t *delta;         // nstates * nclasses entries: next state's row offset
				 // (state * nclasses), BH_SECRET__AC_OUT set if it reports
	uint32_t *out_start;     // per state: first index into `outs`, nstates + 1 entries
	uint32_t *outs;          // matcher indices reported in each state
} bh_secret__ac;

#define BH_SECRET__AC_OUT 0x80000000u

// Build the automaton: keyword k (lowercase) reports matcher owner[k].
void bh_secret__ac_build(bh_secret__ac *ac, const char *const *keywords,
			 const uint32_t *owner, size_t n);
void bh_secret__ac_dispose(bh_secret__ac *ac);

// ------------------------------------------------------------ secret_scan.c

typedef enum {
	BH_SECRET__PACK,    // a provider rule of the pack
	BH_SECRET__GENERIC, // secret.generic-credential: name=value with entropy
} bh_secret__kind;

typedef struct {
	const bh_rule *rule;
	bh_secret__kind kind;
	pcre2_code *re;          // owned
	pcre2_code *re_anchored; // owned; the generic rule's pattern anchored at the
				 // start offset (NULL for pack rules)
	pcre2_code **allow;      // owned, `nallow` of them
	size_t nallow;
	int group;
	double entropy;
	bool multiline;
} bh_secret__matcher;

struct bh_secret {
	pcre2_general_context *gctx;
	bh_secret__matcher *m;   // pack rules first (same order as the pack), then built-ins
	size_t nm;
	bh_secret__ac ac;
	bh_secret_options opts;
};

#endif
