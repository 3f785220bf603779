/* SPDX-License-Identifier: MIT */
/*
 * The rule registry. Every rule Bulkhead knows is one line of
 * rules/rules.def (id, default level, security severity, precision, CWEs,
 * title) plus a markdown document rules/<domain>/<id>.md that is embedded at
 * build time and serves `bulkhead explain`, SARIF help and the README.
 *
 * After the static rules come the rules of the secret pack
 * (rules/secrets/<family>.rules, generated at build time): they have no enum
 * constant, only an index >= BH_RULE__COUNT, and are found by id or by
 * index like any other rule.
 */
#ifndef BULKHEAD_RULE_H
#define BULKHEAD_RULE_H

#include "common.h"

/** Stable index of each rule, generated from rules/rules.def. */
typedef enum {
#define BH_RULE(sym, id, level, secsev, precision, cwe1, cwe2, title) BH_RULE_##sym,
#include "../../rules/rules.def"
#undef BH_RULE
	BH_RULE__COUNT
} bh_rule_id;

typedef struct {
	bh_rule_id index;            /* position in the registry; >= BH_RULE__COUNT for pack rules */
	const char *id;              /* "c.gets" */
	const char *domain;          /* "c", "secret", "docker", "image" */
	const char *title;           /* one line, no final period */
	bh_level level;              /* default severity */
	double security_severity;    /* 0.1 - 10.0, GitHub's scale */
	const char *precision;       /* "very-high", "high", "medium", "low" */
	int cwe[2];                  /* CWE numbers, 0 for none */
	const char *doc;             /* markdown; "" if missing (a test forbids that) */
} bh_rule;

/**
 * Upper bound on bh_rule_count() (static plus pack rules), for tables
 * indexed by bh_rule.index; a build-time check keeps the pack under it.
 */
#define BH_RULE_MAX 1024

/** Static rules first (index == bh_rule_id), then the secret pack's rules. */
size_t bh_rule_count(void);
const bh_rule *bh_rule_at(size_t i);
const bh_rule *bh_rule_get(bh_rule_id id);
/** Look up by id string; NULL if unknown. */
const bh_rule *bh_rule_find(const char *id);

/** Summary: the first paragraph of the doc after its title, as plain text (arena-free static storage not needed: returns a pointer into a lazily built table; never NULL). */
const char *bh_rule_summary(const bh_rule *rule);

#endif
