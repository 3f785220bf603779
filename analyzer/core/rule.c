// SPDX-License-Identifier: MIT
// The rule table, generated from rules/rules.def, and the embedded
// documentation from rules/<domain>/<id>.md (rule_docs.c, built by
// rules/embed_docs.py), followed by the rules of the secret pack
// (rules/secrets/<family>.rules, secret_pack_data.c, built by
// rules/secrets/gen_pack.py). The pack rules carry their generated doc.
#include <pthread.h>
#include <string.h>

#include "bulkhead/rule.h"

extern const char *const bh__rule_docs[BH_RULE__COUNT];
extern const bh_rule bh__secret_pack_rules[];
extern const size_t bh__secret_pack_rule_count;

#define LEVEL_NOTE BH_LEVEL_NOTE
#define LEVEL_WARNING BH_LEVEL_WARNING
#define LEVEL_ERROR BH_LEVEL_ERROR

static bh_rule rules[BH_RULE__COUNT] = {
// The arguments are pasted into names and designators: no parentheses.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define BH_RULE(sym, id_, level_, secsev, precision_, cwe1, cwe2, title_) \
	[BH_RULE_##sym] = { .index = BH_RULE_##sym, .id = id_, .title = title_, \
			    .level = LEVEL_##level_, .security_severity = secsev, \
			    .precision = precision_, .cwe = { cwe1, cwe2 } },
#include "../../rules/rules.def"
#undef BH_RULE
// NOLINTEND(bugprone-macro-parentheses)
};

// The whole registry: static rules, then pack rules. Built once, never
// freed (it lives as long as the process, like the static table).
static bh_rule all[BH_RULE_MAX];
static size_t nall;
static char summaries[BH_RULE_MAX][512];
static char domains[BH_RULE__COUNT][16];
static pthread_once_t init_once = PTHREAD_ONCE_INIT;

// The summary is the first paragraph after the document's "# " title line,
// joined into one line.
static void extract_summary(char *out, size_t cap, const char *doc)
{
	const char *p = doc;
	if (*p == '#') {
		p = strchr(p, '\n');
		p = p ? p + 1 : doc + strlen(doc);
	}
	while (*p == '\n')
		p++;
	size_t n = 0;
	while (*p && !(p[0] == '\n' && p[1] == '\n') && n + 1 < cap) {
		out[n++] = *p == '\n' ? ' ' : *p;
		p++;
	}
	while (n > 0 && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
}

static void init_table(void)
{
	for (size_t i = 0; i < BH_RULE__COUNT; i++) {
		rules[i].doc = bh__rule_docs[i] ? bh__rule_docs[i] : "";
		const char *dot = strchr(rules[i].id, '.');
		size_t len = dot ? (size_t)(dot - rules[i].id) : strlen(rules[i].id);
		if (len >= sizeof(domains[i]))
			len = sizeof(domains[i]) - 1;
		memcpy(domains[i], rules[i].id, len);
		domains[i][len] = '\0';
		rules[i].domain = domains[i];
		all[i] = rules[i];
	}
	nall = BH_RULE__COUNT;
	// gen_pack.py refuses a pack that would overflow BH_RULE_MAX.
	bh_assert(BH_RULE__COUNT + bh__secret_pack_rule_count <= BH_RULE_MAX);
	for (size_t i = 0; i < bh__secret_pack_rule_count; i++) {
		all[nall] = bh__secret_pack_rules[i];
		all[nall].index = (bh_rule_id)nall;
		nall++;
	}
	for (size_t i = 0; i < nall; i++)
		extract_summary(summaries[i], sizeof(summaries[i]), all[i].doc);
}

size_t bh_rule_count(void)
{
	pthread_once(&init_once, init_table);
	return nall;
}

const bh_rule *bh_rule_at(size_t i)
{
	pthread_once(&init_once, init_table);
	return i < nall ? &all[i] : NULL;
}

const bh_rule *bh_rule_get(bh_rule_id id)
{
	return bh_rule_at((size_t)id);
}

const bh_rule *bh_rule_find(const char *id)
{
	pthread_once(&init_once, init_table);
	for (size_t i = 0; i < nall; i++)
		if (strcmp(all[i].id, id) == 0)
			return &all[i];
	return NULL;
}

const char *bh_rule_summary(const bh_rule *rule)
{
	pthread_once(&init_once, init_table);
	return summaries[rule->index];
}
