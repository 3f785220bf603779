// SPDX-License-Identifier: MIT
// The rule table, generated from rules/rules.def, and the embedded
// documentation from rules/<domain>/<id>.md (rule_docs.c, built by
// rules/embed_docs.py).
#include <pthread.h>
#include <string.h>

#include "bulkhead/rule.h"

extern const char *const bh__rule_docs[BH_RULE__COUNT];

#define LEVEL_NOTE BH_LEVEL_NOTE
#define LEVEL_WARNING BH_LEVEL_WARNING
#define LEVEL_ERROR BH_LEVEL_ERROR

static bh_rule rules[BH_RULE__COUNT] = {
#define BH_RULE(sym, id_, level_, secsev, precision_, cwe1, cwe2, title_) \
	[BH_RULE_##sym] = { .index = BH_RULE_##sym, .id = id_, .title = title_, \
			    .level = LEVEL_##level_, .security_severity = secsev, \
			    .precision = precision_, .cwe = { cwe1, cwe2 } },
#include "../../rules/rules.def"
#undef BH_RULE
};

static char summaries[BH_RULE__COUNT][512];
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
		extract_summary(summaries[i], sizeof(summaries[i]), rules[i].doc);
	}
}

size_t bh_rule_count(void)
{
	return BH_RULE__COUNT;
}

const bh_rule *bh_rule_at(size_t i)
{
	pthread_once(&init_once, init_table);
	return i < BH_RULE__COUNT ? &rules[i] : NULL;
}

const bh_rule *bh_rule_get(bh_rule_id id)
{
	return bh_rule_at((size_t)id);
}

const bh_rule *bh_rule_find(const char *id)
{
	for (size_t i = 0; i < BH_RULE__COUNT; i++)
		if (strcmp(rules[i].id, id) == 0)
			return bh_rule_at(i);
	return NULL;
}

const char *bh_rule_summary(const bh_rule *rule)
{
	pthread_once(&init_once, init_table);
	return summaries[rule->index];
}
