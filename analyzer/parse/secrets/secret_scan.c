// SPDX-License-Identifier: MIT
// The secret scanner (bh_secret): compiles the rule pack and the built-in
// generic detector, then scans each file of the build context.
//
// Per file:  keyword pass (Aho-Corasick, one lookup per byte, two
//            interleaved streams over large buffers)
//         -> per hit, the rules owning the keyword run their PCRE2 pattern
//            on the hit's line (a window of it for minified one-line files);
//            the generic detector tries its anchored pattern once at the
//            name holding the keyword, after cheap tests of name and value
//         -> each match's secret is checked: entropy, allow-patterns,
//            placeholders; the generic detector also checks name and value
//         -> base64/hex values of config files are decoded once and the
//            decoded text goes through the same steps
//         -> candidates are de-duplicated (a provider rule beats the
//            generic one on the same text), capped per file, and become
//            findings whose message and snippet hold only a redacted form.
//         -> a PCRE2 limit (match, depth, heap, JIT stack) stops the file:
//            a secret.match-limit diagnostic and a secret.scan-truncated
//            finding say where and why.
//
// Invariants: a secret's bytes are never copied into a finding; the
// result is the same for any number of workers (each file is scanned by
// one worker with its own state; the pipeline sorts the merged result).
#include <ctype.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bulkhead/arena.h"
#include "bulkhead/text.h"
#include "parse/secrets/secret_internal.h"

#define LONG_LINE 4096      // longer lines (minified files) are scanned in windows
#define WINDOW_BEFORE 256   // window around a keyword hit on a long line
#define WINDOW_AFTER 1024
#define MULTILINE_SPAN 65536 // how far a multiline match may reach
#define DEFAULT_MATCH_LIMIT 200000
#define DEFAULT_DEPTH_LIMIT 5000
#define DEFAULT_MAX_PER_FILE 100
#define MAX_PER_RULE_PER_FILE 20 // lock files and dumps: report a few, not thousands
#define MAX_CANDIDATES 4096      // per file; bounds the de-duplication work
#define OVECTOR_PAIRS 16

// -------------------------------------------------------- the generic rule

// A setting whose name suggests a secret, assigned a literal: group 1 is
// the name, groups 2-4 the value (double-quoted, single-quoted, bare).
static const char generic_regex[] =
	"(?i)(?<![\\w.-])([\\w.-]*?(?:passw(?:or)?d|passwd|pwd|secret|token|credentials?"
	"|(?:api|private|access|secret|auth|encryption|signing|master|client|app)[_.-]?key"
	"|apikey)[\\w.-]*)[\"']?[ \\t]{0,3}(?:=|:=|\\?=|::=|:|=>)[ \\t]{0,3}"
	"(?:\"([^\"\\r\\n]{6,256})\"|'([^'\\r\\n]{6,256})'|([^\\s\"'#;,`]{6,256}))";
static const char *const generic_keywords[] = {
	"pass", "pwd", "secret", "token", "credential", "key",
};
#define GENERIC_MIN_ENTROPY 3.0

// The words of generic_regex's name part, for a cheap test before PCRE2
// runs (keep the two in step): a name holds one of `name_words`, or one
// of `key_owners` followed by an optional '_', '.' or '-' and "key".
// Lowercase letters only, with their lengths.
typedef struct {
	const char *text;
	size_t len;
} word;
#define WORD(s) { s, sizeof(s) - 1 }
static const word name_words[] = {
	WORD("password"), WORD("passwd"), WORD("pwd"), WORD("secret"), WORD("token"),
	WORD("credential"),
};
static const word key_owners[] = {
	WORD("api"), WORD("private"), WORD("access"), WORD("secret"), WORD("auth"),
	WORD("encryption"), WORD("signing"), WORD("master"), WORD("client"), WORD("app"),
};
#undef WORD

// ------------------------------------------------------------- allocator

static void *pcre_malloc(PCRE2_SIZE size, void *data)
{
	(void)data;
	return bh_xmalloc(size ? size : 1);
}

static void pcre_free(void *ptr, void *data)
{
	(void)data;
	free(ptr);
}

// --------------------------------------------------------------- compile

static pcre2_code *compile_with(const bh_secret *sec, const char *pattern, const char *id,
				uint32_t options, bh_diags *diags)
{
	int err = 0;
	PCRE2_SIZE at = 0;
	pcre2_compile_context *cctx = pcre2_compile_context_create(sec->gctx);
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
				       PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | options, &err, &at, cctx);
	pcre2_compile_context_free(cctx);
	if (!re) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof(msg));
		bh_diag_add(diags, BH_LEVEL_ERROR, "secret.bad-pattern", NULL, 0, 0,
			    "pattern of %s does not compile at offset %zu: %s", id, (size_t)at,
			    (const char *)msg);
		return NULL;
	}
	// JIT is an optimisation: without it (an unsupported platform) the
	// interpreter gives the same answers. BULKHEAD_NO_JIT turns it off for
	// Valgrind, which cannot tell that the JIT's whole-vector loads past
	// the end of a subject stay inside its page (tests/cli/valgrind_check.sh).
	if (!getenv("BULKHEAD_NO_JIT"))
		pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return re;
}

static pcre2_code *compile(const bh_secret *sec, const char *pattern, const char *id,
			   bh_diags *diags)
{
	return compile_with(sec, pattern, id, 0, diags);
}

// Split a '\n'-terminated list in place into `out` (at most `max` items).
static size_t split_lines(const char *list, const char **starts, size_t *lens, size_t max)
{
	size_t n = 0;
	for (const char *p = list; *p && n < max;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		starts[n] = p;
		lens[n] = len;
		n++;
		p += len + (nl != NULL);
	}
	return n;
}

bh_status bh_secret_new(bh_secret **out, const bh_secret_options *opts, bh_diags *diags)
{
	bh_status err = BH_OK;
	bh_secret *sec = bh_xcalloc(1, sizeof(*sec));
	*out = sec;
	if (opts)
		sec->opts = *opts;
	if (!sec->opts.match_limit)
		sec->opts.match_limit = DEFAULT_MATCH_LIMIT;
	if (!sec->opts.depth_limit)
		sec->opts.depth_limit = DEFAULT_DEPTH_LIMIT;
	if (!sec->opts.max_per_file)
		sec->opts.max_per_file = DEFAULT_MAX_PER_FILE;
	sec->gctx = pcre2_general_context_create(pcre_malloc, pcre_free, NULL);

	size_t npack = bh_secret__pack_len;
	sec->nm = npack + 1;
	sec->m = bh_xcalloc(sec->nm, sizeof(*sec->m));

	BH_VEC(const char *) kws = { 0 };
	BH_VEC(uint32_t) owner = { 0 };
	BH_VEC(char *) kw_copies = { 0 };
	for (size_t i = 0; i < npack; i++) {
		const bh_secret__pack_rule *pr = &bh_secret__pack[i];
		bh_secret__matcher *m = &sec->m[i];
		m->rule = bh_rule_at(BH_RULE__COUNT + i);
		bh_assert(m->rule && strcmp(m->rule->id, pr->id) == 0);
		m->kind = BH_SECRET__PACK;
		m->group = pr->group;
		m->entropy = pr->entropy;
		m->multiline = pr->multiline;
		if (!(m->re = compile(sec, pr->regex, pr->id, diags))) {
			err = BH_EINVAL;
			continue;
		}
		const char *starts[32];
		size_t lens[32];
		size_t na = split_lines(pr->allow, starts, lens, 32);
		m->allow = bh_xcalloc(na ? na : 1, sizeof(*m->allow));
		for (size_t a = 0; a < na; a++) {
			char *pat = bh_xstrndup(starts[a], lens[a]);
			if ((m->allow[m->nallow] = compile(sec, pat, pr->id, diags)))
				m->nallow++;
			else
				err = BH_EINVAL;
			free(pat);
		}
		size_t nk = split_lines(pr->keywords, starts, lens, 32);
		for (size_t k = 0; k < nk; k++) {
			char *kw = bh_xstrndup(starts[k], lens[k]);
			bh_vec_push(&kw_copies, kw);
			bh_vec_push(&kws, kw);
			bh_vec_push(&owner, (uint32_t)i);
		}
	}
	bh_secret__matcher *g = &sec->m[npack];
	g->rule = bh_rule_get(BH_RULE_SECRET_GENERIC_CREDENTIAL);
	g->kind = BH_SECRET__GENERIC;
	g->entropy = GENERIC_MIN_ENTROPY;
	if (!(g->re = compile(sec, generic_regex, g->rule->id, diags)))
		err = BH_EINVAL;
	// Anchored at compile time, not match time: PCRE2's JIT does not take
	// PCRE2_ANCHORED as a match option.
	if (!(g->re_anchored = compile_with(sec, generic_regex, g->rule->id, PCRE2_ANCHORED, diags)))
		err = BH_EINVAL;
	for (size_t k = 0; k < BH_ARRAY_LEN(generic_keywords); k++) {
		bh_vec_push(&kws, generic_keywords[k]);
		bh_vec_push(&owner, (uint32_t)npack);
	}
	bh_secret__ac_build(&sec->ac, kws.items, owner.items, kws.len);
	for (size_t i = 0; i < kw_copies.len; i++)
		free(kw_copies.items[i]);
	bh_vec_dispose(&kw_copies);
	bh_vec_dispose(&kws);
	bh_vec_dispose(&owner);
	return err;
}

void bh_secret_free(bh_secret *sec)
{
	if (!sec)
		return;
	for (size_t i = 0; i < sec->nm; i++) {
		pcre2_code_free(sec->m[i].re);
		pcre2_code_free(sec->m[i].re_anchored);
		for (size_t a = 0; a < sec->m[i].nallow; a++)
			pcre2_code_free(sec->m[i].allow[a]);
		free(sec->m[i].allow);
	}
	free(sec->m);
	bh_secret__ac_dispose(&sec->ac);
	pcre2_general_context_free(sec->gctx);
	free(sec);
}

// ------------------------------------------------------------ scan state

// A match that passed the value checks. Offsets are into the scanned
// file; for a decoded value they are the encoded token's span.
typedef struct {
	uint32_t matcher;
	size_t start, end; // the secret
	size_t mlen;       // length of the whole match: more context, more specific rule
	bool encoded;      // found in a decoded base64/hex value
	bool named_file;   // (credential files) reported by file name
	const char *what;  // credential-file kind, or NULL
	const char *redacted; // redacted secret (arena), made at match time
} cand;

typedef BH_VEC(cand) cand_vec;

// How far one matcher got in the buffer being scanned.
typedef struct {
	size_t region_end; // end of the last region it ran on
	size_t match_end;  // where its next match may start: after its last match
	size_t line_end;   // end of the last short line it ran on whole; 0: none
	size_t name_tried; // (generic) start + 1 of the last name tried; 0: none
} matcher_progress;

typedef struct {
	const bh_secret *sec;
	bh_arena *arena;          // redacted strings until they become findings
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit;
	matcher_progress *progress; // per matcher, for the buffer being scanned
	cand_vec cands;
	size_t overflow;          // candidates beyond MAX_CANDIDATES, counted only
	bool cut_short;           // a match limit stopped the current file
	size_t cut_offset;        // where the stopped match attempt started
	uint32_t cut_matcher;     // whose pattern it was
	int cut_code;             // PCRE2 error code: which limit
	bool generic_ok;          // the generic detector applies to this file
} scanner;

static void scanner_init(scanner *sc, const bh_secret *sec, bh_arena *arena)
{
	memset(sc, 0, sizeof(*sc));
	sc->sec = sec;
	sc->arena = arena;
	sc->md = pcre2_match_data_create(OVECTOR_PAIRS, sec->gctx);
	sc->mctx = pcre2_match_context_create(sec->gctx);
	pcre2_set_match_limit(sc->mctx, sec->opts.match_limit);
	pcre2_set_depth_limit(sc->mctx, sec->opts.depth_limit);
	sc->jit = pcre2_jit_stack_create(32 * 1024, 512 * 1024, sec->gctx);
	if (sc->jit)
		pcre2_jit_stack_assign(sc->mctx, NULL, sc->jit);
	sc->progress = bh_xcalloc(sec->nm, sizeof(*sc->progress));
}

static void scanner_dispose(scanner *sc)
{
	pcre2_match_data_free(sc->md);
	pcre2_match_context_free(sc->mctx);
	pcre2_jit_stack_free(sc->jit);
	free(sc->progress);
	bh_vec_dispose(&sc->cands);
}

// ---------------------------------------------------------- value checks

static bool has_alpha(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (isalpha((unsigned char)s[i]))
			return true;
	return false;
}

static bool has_nonalpha(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isalpha((unsigned char)s[i]))
			return true;
	return false;
}

static bool ends_with_ci(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	if (k > n)
		return false;
	for (size_t i = 0; i < k; i++)
		if (tolower((unsigned char)s[n - k + i]) != suffix[i])
			return false;
	return true;
}

static bool starts_with_ci(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);
	if (k > n)
		return false;
	for (size_t i = 0; i < k; i++)
		if (tolower((unsigned char)s[i]) != prefix[i])
			return false;
	return true;
}

// Names that hold something about a secret, not the secret itself:
// `password_file`, `token_url`, `secret_name`, `max_tokens`, `key_id`.
// Each comes with its length, and the check compares the last byte first:
// it runs on every name=value match of the generic detector.
#define SUFFIX(s) { s, sizeof(s) - 1 }
static const struct {
	const char *text;
	size_t len;
} meta_suffixes[] = {
	SUFFIX("file"), SUFFIX("path"), SUFFIX("dir"), SUFFIX("name"), SUFFIX("url"),
	SUFFIX("uri"), SUFFIX("endpoint"), SUFFIX("id"), SUFFIX("type"), SUFFIX("length"),
	SUFFIX("len"), SUFFIX("size"), SUFFIX("ttl"), SUFFIX("timeout"), SUFFIX("expiry"),
	SUFFIX("expires"), SUFFIX("header"), SUFFIX("prefix"), SUFFIX("field"), SUFFIX("param"),
	SUFFIX("env"), SUFFIX("var"), SUFFIX("ref"), SUFFIX("policy"), SUFFIX("mode"),
	SUFFIX("count"), SUFFIX("tokens"), SUFFIX("format"), SUFFIX("method"), SUFFIX("version"),
	SUFFIX("command"), SUFFIX("cmd"), SUFFIX("hint"), SUFFIX("label"), SUFFIX("regex"),
	SUFFIX("pattern"), SUFFIX("min"), SUFFIX("max"), SUFFIX("enabled"), SUFFIX("required"),
	SUFFIX("provider"), SUFFIX("store"), SUFFIX("source"), SUFFIX("arn"), SUFFIX("location"),
	SUFFIX("question"), SUFFIX("reset"),
};
#undef SUFFIX

static bool is_meta_name(const char *name, size_t n)
{
	if (!n)
		return false;
	int last = tolower((unsigned char)name[n - 1]);
	for (size_t i = 0; i < BH_ARRAY_LEN(meta_suffixes); i++) {
		size_t k = meta_suffixes[i].len;
		if (k > n || meta_suffixes[i].text[k - 1] != last)
			continue;
		if (ends_with_ci(name, n, meta_suffixes[i].text))
			return true;
	}
	return false;
}

// `::quota_mapping`, `Config::token`, `pkg::name` unquoted: a name
// qualified by `::` (Tcl, C++, Perl, Ruby, Rust) refers to a variable or
// constant of the program.
static bool is_qualified_name(const char *v, size_t n)
{
	bool qualified = false;
	size_t i = 0;
	while (i < n) {
		if (i + 1 < n && v[i] == ':' && v[i + 1] == ':') {
			qualified = true;
			i += 2;
			continue;
		}
		if (!isalnum((unsigned char)v[i]) && v[i] != '_')
			return false;
		i++;
	}
	return qualified && !(n >= 2 && v[n - 1] == ':' && v[n - 2] == ':');
}

// `unrecognized token: "123.4e5ghi"`: the name is a word of a sentence
// (an error message a test expects, a log line), not a setting's: a bare
// colon after it and another word and a blank before it on its line. A
// key of YAML, JSON or an HTTP header starts its line or follows a quote,
// a brace or a dash; code that assigns uses `=`.
static bool is_prose_name(const char *subj, size_t name_start, size_t name_end, size_t value_start)
{
	if (name_start < 2 || subj[name_start - 1] != ' ' || !isalpha((unsigned char)subj[name_start - 2]))
		return false;
	size_t i = name_end;
	while (i < value_start && (subj[i] == ' ' || subj[i] == '\t'))
		i++;
	return i < value_start && subj[i] == ':' && (i + 1 >= value_start || (subj[i + 1] != '=' && subj[i + 1] != ':'));
}

// The generic detector's value test: a literal that looks generated or
// typed as a password, not a reference, path, URL, word or number.
static bool is_generic_value(const char *v, size_t n)
{
	static const char *const refs[] = {
		"http://", "https://", "file:", "/", "./", "../", "~/", "env:", "vault:",
		"arn:", "secretsmanager", "ssm:", "true", "false", "null", "none", "nil",
		"os.", "process.env", "getenv", "self.", "this.", "config.", "settings.",
		"secrets.", "params.", "var.", "local.", "module.", "data.", "sha256:",
		"bearer",
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(refs); i++)
		if (starts_with_ci(v, n, refs[i]))
			return false;
	if (memchr(v, '(', n) || memchr(v, ' ', n))
		return false;
	// `tokens[0]`, `SECRETS[i]`: a subscript reads a variable of the
	// program; it is no literal.
	size_t name_len = 0;
	while (name_len < n && (isalnum((unsigned char)v[name_len]) || v[name_len] == '_' || v[name_len] == '.'))
		name_len++;
	if (name_len > 0 && name_len < n && v[name_len] == '[' && !isdigit((unsigned char)v[0]))
		return false;
	if (!has_alpha(v, n) || !has_nonalpha(v, n))
		return false;
	// Identifiers (`secret_name`, `DB_PASSWORD`, `my-token`) are names of
	// things, not values: a secret mixes letter cases with digits or
	// carries symbols.
	return bh_secret_mixes_classes(v, n);
}

// ---------------------------------------------------------------- match

static bool is_limit_error(int rc)
{
	return rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
	       rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT;
}

// What a limit error of is_limit_error stopped at, for a message.
static const char *limit_name(int rc)
{
	switch (rc) {
	case PCRE2_ERROR_DEPTHLIMIT: return "depth limit";
	case PCRE2_ERROR_HEAPLIMIT: return "heap limit";
	case PCRE2_ERROR_JIT_STACKLIMIT: return "JIT stack limit";
	default: return "match limit";
	}
}

static bool allowed(scanner *sc, const bh_secret__matcher *m, const char *s, size_t n)
{
	for (size_t a = 0; a < m->nallow; a++) {
		int rc = pcre2_match(m->allow[a], (PCRE2_SPTR)s, n, 0, 0, sc->md, sc->mctx);
		if (rc >= 0)
			return true;
	}
	return false;
}

// Check one match of matcher `mi` found in `subj` (whose byte 0 is file
// offset `base`) and keep it as a candidate if its secret passes.
static void consider(scanner *sc, uint32_t mi, const char *subj, size_t base, int rc)
{
	const bh_secret__matcher *m = &sc->sec->m[mi];
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc->md);
	int pairs = rc == 0 ? OVECTOR_PAIRS : rc;
	size_t ms = ov[0], me = ov[1];
	size_t gs = ms, ge = me;
	if (m->kind == BH_SECRET__GENERIC) {
		// The value is whichever of groups 2-4 took part (4: unquoted).
		gs = ge = PCRE2_UNSET;
		bool unquoted = false;
		for (int g = 4; g >= 2; g--) {
			if (g < pairs && ov[2 * g] != PCRE2_UNSET) {
				gs = ov[2 * g];
				ge = ov[2 * g + 1];
				unquoted = g == 4;
				break;
			}
		}
		if (gs == PCRE2_UNSET)
			return;
		if (is_meta_name(subj + ov[2], ov[3] - ov[2]) || bh_secret_word_is_other_word(subj + ov[2], ov[3] - ov[2]))
			return;
		if (!is_generic_value(subj + gs, ge - gs) || is_prose_name(subj, ov[2], ov[3], gs) ||
		    (unquoted && is_qualified_name(subj + gs, ge - gs)))
			return;
		// The "separator" was the first colon of a `::` (Tcl's `unset
		// ::quota_pwd ::quota_mapping`): two names, no assignment.
		if (gs > 0 && subj[gs - 1] == ':' && subj[gs] == ':')
			return;
	} else if (m->group > 0 && m->group < pairs && ov[2 * m->group] != PCRE2_UNSET) {
		gs = ov[2 * m->group];
		ge = ov[2 * m->group + 1];
	}
	const char *secret = subj + gs;
	size_t slen = ge - gs;
	if (!slen)
		return;
	if (m->entropy > 0 && bh_secret_entropy(secret, slen) < m->entropy)
		return;
	if (bh_secret_is_placeholder(secret, slen))
		return;
	const char *redacted = bh_finding_redact(sc->arena, secret, slen);
	// Allow-patterns see the whole match; they reuse the match data, so
	// everything needed from the ovector was taken above.
	if (m->nallow && allowed(sc, m, subj + ms, me - ms))
		return;
	if (sc->cands.len >= MAX_CANDIDATES) {
		sc->overflow++;
		return;
	}
	cand *c = bh_vec_grow_one(&sc->cands);
	c->matcher = mi;
	c->start = base + gs;
	c->end = base + ge;
	c->mlen = me - ms;
	c->redacted = redacted;
}

// Run matcher `mi` over subj[0, len), with matches starting at `off` or
// later; false if a match limit was hit.
static bool run_matcher(scanner *sc, uint32_t mi, const char *subj, size_t len, size_t base,
			size_t off)
{
	const bh_secret__matcher *m = &sc->sec->m[mi];
	while (off <= len) {
		int rc = pcre2_match(m->re, (PCRE2_SPTR)subj, len, off, 0, sc->md, sc->mctx);
		if (rc == PCRE2_ERROR_NOMATCH)
			break;
		if (rc < 0) {
			if (is_limit_error(rc)) {
				sc->cut_short = true;
				sc->cut_offset = base + off;
				sc->cut_matcher = mi;
				sc->cut_code = rc;
				return false;
			}
			break; // bad UTF is tolerated by PCRE2_MATCH_INVALID_UTF; anything else: give up on this region
		}
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc->md);
		size_t ms = ov[0], me = ov[1];
		consider(sc, mi, subj, base, rc);
		off = me > ms ? me : me + 1;
		sc->progress[mi].match_end = base + off;
	}
	return true;
}

// True if s[0, n) starts with the lowercase letters w[0, wl) in any case.
// `| 0x20` folds an ASCII letter to lowercase and maps no other byte to a
// lowercase letter.
static bool starts_with_word(const char *s, size_t n, const char *w, size_t wl)
{
	if (wl > n)
		return false;
	for (size_t j = 0; j < wl; j++)
		if (((unsigned char)s[j] | 0x20) != (unsigned char)w[j])
			return false;
	return true;
}

// The bytes that begin a word of `name_words` or `key_owners`.
static const bool begins_word[256] = {
	['A'] = true, ['C'] = true, ['E'] = true, ['M'] = true, ['P'] = true, ['S'] = true,
	['T'] = true, ['a'] = true, ['c'] = true, ['e'] = true, ['m'] = true, ['p'] = true,
	['s'] = true, ['t'] = true,
};

// True if the name s[0, n) holds a word of generic_regex's name part.
static bool has_secret_word(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *rest = s + i;
		size_t left = n - i;
		if (!begins_word[(unsigned char)rest[0]])
			continue;
		unsigned char c = (unsigned char)rest[0] | 0x20;
		for (size_t w = 0; w < BH_ARRAY_LEN(name_words); w++)
			if ((unsigned char)name_words[w].text[0] == c &&
			    starts_with_word(rest, left, name_words[w].text, name_words[w].len))
				return true;
		for (size_t w = 0; w < BH_ARRAY_LEN(key_owners); w++) {
			size_t k = key_owners[w].len;
			if ((unsigned char)key_owners[w].text[0] != c || !starts_with_word(rest, left, key_owners[w].text, k))
				continue;
			if (starts_with_word(rest + k, left - k, "key", 3))
				return true;
			if (k < left && (rest[k] == '_' || rest[k] == '.' || rest[k] == '-') &&
			    starts_with_word(rest + k + 1, left - k - 1, "key", 3))
				return true;
		}
	}
	return false;
}

static bool is_bare_value_char(unsigned char c)
{
	return !(c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' ||
		 c == '"' || c == '\'' || c == '#' || c == ';' || c == ',' || c == '`');
}

// A necessary condition for the part of generic_regex after the name to
// match at d[ne] within d[.., we): an operator's first byte within four
// bytes (after a quote and up to three blanks), then within six more
// bytes a quote or six bytes of a bare value. PCRE2 decides the rest.
static bool may_assign_value(const char *d, size_t we, size_t ne)
{
	for (size_t o = ne; o < we && o <= ne + 4; o++) {
		if (d[o] != '=' && d[o] != ':' && d[o] != '?')
			continue;
		for (size_t v = o + 1; v < we && v <= o + 6; v++) {
			if (d[v] == '"' || d[v] == '\'')
				return true;
			size_t k = v;
			while (k < we && k - v < 6 && is_bare_value_char((unsigned char)d[k]))
				k++;
			if (k - v >= 6)
				return true;
		}
	}
	return false;
}

// The generic detector's cheap pre-check: the keyword ending at `pos` is
// followed by the rest of a name, an optional quote, blanks and an
// assignment operator, as its pattern requires. Most lines that merely
// mention `token` or `key` stop here, before PCRE2.
static bool assigns_after(const char *data, size_t len, size_t pos)
{
	size_t i = pos + 1;
	while (i < len && (isalnum((unsigned char)data[i]) || data[i] == '_' || data[i] == '.' || data[i] == '-'))
		i++;
	if (i < len && (data[i] == '"' || data[i] == '\''))
		i++;
	while (i < len && (data[i] == ' ' || data[i] == '\t'))
		i++;
	if (i >= len)
		return false;
	return data[i] == '=' || data[i] == ':' ||
	       (i + 1 < len && (data[i] == '?' || data[i] == '+') && data[i + 1] == '=');
}

// Where the line of a hit starts and ends, found only when a matcher
// needs it. Hits come in increasing order: a hit before the end of the
// last query's line is on that line, and a query looks back only as far
// as the previous one.
typedef struct {
	const char *data;
	size_t len;
	size_t last;      // position of the previous query
	size_t start;     // its line's start
	size_t end;       // and end (its '\n' or len); 0 before the first query
	int all_ascii;    // whether all of data is ASCII: 0 not known yet, 1 yes, -1 no
	size_t ascii_end; // end + 1 of the last line checked for non-ASCII bytes; 0: none
	bool ascii;       // whether that line has none
} line_cursor;

// True if s[0, n) has no byte above 0x7f; eight bytes at a time.
static bool is_ascii(const char *s, size_t n)
{
	uint64_t acc = 0;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, sizeof(w));
		acc |= w;
	}
	for (; i < n; i++)
		acc |= (unsigned char)s[i];
	return !(acc & 0x8080808080808080ull);
}

// True if data[ls, le) is all ASCII: known at once for an ASCII buffer
// (most are), else checked once per line.
static bool is_ascii_line(line_cursor *lc, size_t ls, size_t le)
{
	if (!lc->all_ascii)
		lc->all_ascii = is_ascii(lc->data, lc->len) ? 1 : -1;
	if (lc->all_ascii > 0)
		return true;
	if (lc->ascii_end != le + 1) {
		lc->ascii_end = le + 1;
		lc->ascii = is_ascii(lc->data + ls, le - ls);
	}
	return lc->ascii;
}

static void line_bounds(line_cursor *lc, size_t pos, size_t *ls, size_t *le)
{
	if (pos >= lc->end) {
		for (size_t i = pos; i > lc->last; i--) {
			if (lc->data[i - 1] == '\n') {
				lc->start = i;
				break;
			}
		}
		const char *nl = memchr(lc->data + pos, '\n', lc->len - pos);
		lc->end = nl ? (size_t)(nl - lc->data) : lc->len;
	}
	lc->last = pos;
	*ls = lc->start;
	*le = lc->end;
}

static bool is_name_char(unsigned char c)
{
	return isalnum(c) || c == '_' || c == '.' || c == '-';
}

// One try of the generic detector's anchored pattern at subj[off]: the
// only place where a name holding the keyword can start. False if a match
// limit was hit.
static bool run_anchored(scanner *sc, uint32_t mi, const char *subj, size_t len, size_t base,
			 size_t off)
{
	const bh_secret__matcher *m = &sc->sec->m[mi];
	int rc = pcre2_match(m->re_anchored, (PCRE2_SPTR)subj, len, off, 0, sc->md, sc->mctx);
	if (rc == PCRE2_ERROR_NOMATCH)
		return true;
	if (rc < 0) {
		if (!is_limit_error(rc))
			return true;
		sc->cut_short = true;
		sc->cut_offset = base + off;
		sc->cut_matcher = mi;
		sc->cut_code = rc;
		return false;
	}
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc->md);
	size_t ms = ov[0], me = ov[1];
	consider(sc, mi, subj, base, rc);
	sc->progress[mi].match_end = base + (me > ms ? me : me + 1);
	return true;
}

// The keyword of matcher `mi` ends at `pos`: run the matcher on that
// line, once per line.
//
// The generic detector instead tries its pattern once at the start of
// the name that holds the keyword, on ASCII lines: its pattern starts a
// match only there (`(?<![\w.-])[\w.-]*?keyword`), the name runs to the
// end of the [\w.-] run, and trying each such name in order, after the
// previous match, finds exactly the matches of one pass over the line.
// Two cheap tests that the pattern needs (a word of its name part, an
// operator and a long enough value) skip PCRE2 for most names. Non-ASCII
// lines keep the pass over the line: caseless UTF matching lets
// characters such as U+212A (Kelvin sign) stand for ASCII letters of the
// name, which the tests and the keyword pass do not see.
static bool on_hit(scanner *sc, uint32_t mi, const char *data, size_t len, size_t pos,
		   line_cursor *lc)
{
	const bh_secret__matcher *m = &sc->sec->m[mi];
	bool generic = m->kind == BH_SECRET__GENERIC;
	if (generic && (!sc->generic_ok || !assigns_after(data, len, pos)))
		return true;
	matcher_progress *pr = &sc->progress[mi];
	// Hits come in order: one before the end of a line that this matcher
	// already ran on whole is on that same line, so there is nothing to do
	// (and no need to look for the line's end again).
	if (pos < pr->line_end)
		return true;
	size_t line_start, le;
	line_bounds(lc, pos, &line_start, &le);
	size_t ws = line_start, we = le;
	if (m->multiline) {
		we = len - line_start > MULTILINE_SPAN ? line_start + MULTILINE_SPAN : len;
	} else if (le - line_start > LONG_LINE) {
		ws = pos > line_start + WINDOW_BEFORE ? pos - WINDOW_BEFORE : line_start;
		we = le - pos > WINDOW_AFTER ? pos + WINDOW_AFTER : le;
	} else if (generic && is_ascii_line(lc, ws, we)) {
		size_t ns = pos, ne = pos + 1;
		while (ns > ws && is_name_char((unsigned char)data[ns - 1]))
			ns--;
		if (ns < pr->match_end || ns + 1 == pr->name_tried)
			return true; // inside the last match, or this name was tried
		pr->name_tried = ns + 1;
		while (ne < we && is_name_char((unsigned char)data[ne]))
			ne++;
		if (!has_secret_word(data + ns, ne - ns) || !may_assign_value(data, we, ne))
			return true;
		return run_anchored(sc, mi, data + ws, we - ws, ws, ns - ws);
	} else if (!generic) {
		pr->line_end = le;
	}
	if (pr->region_end >= we && pr->region_end != 0)
		return true;
	pr->region_end = we;
	// The windows of one long line (and multiline regions) overlap. A
	// match found in an earlier region is not looked for again: as a
	// duplicate candidate it would only cost work, and enough of them
	// (a line of a few hundred keys) used to fill MAX_CANDIDATES and hide
	// every later secret of the file. A match may start where the last
	// one ended, as in one pass over the whole line.
	size_t from = pr->match_end > ws ? pr->match_end - ws : 0;
	return run_matcher(sc, mi, data + ws, we - ws, ws, from);
}

// The keyword pass's inner loop: from p[i] on, one class lookup and one
// transition per byte, until a state reports (its index) or the end
// (len). Kept out of line so that its few variables stay in registers:
// inlined into scan_bytes, the hit handling around it made the compiler
// keep the loop counter in memory.
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static size_t next_hit(const bh_secret__ac *ac, const unsigned char *p, size_t i, size_t len,
		       uint32_t *row)
{
	const uint32_t *delta = ac->delta;
	const uint8_t *cls = ac->cls;
	uint32_t r = *row;
	for (; i < len; i++) {
		r = delta[r + cls[p[i]]];
		if (r & BH_SECRET__AC_OUT)
			break;
	}
	*row = r & ~BH_SECRET__AC_OUT;
	return i;
}

// Run the matchers of the keywords that end at `pos` (automaton row
// `row`); false if a match limit stopped the scan.
static bool report_hit(scanner *sc, const char *data, size_t len, size_t pos, uint32_t row,
		       line_cursor *lc)
{
	const bh_secret__ac *ac = &sc->sec->ac;
	uint32_t st = row / ac->nclasses;
	for (uint32_t o = ac->out_start[st]; o < ac->out_start[st + 1]; o++)
		if (!on_hit(sc, ac->outs[o], data, len, pos, lc))
			return false;
	return true;
}

// Both streams of scan_two_streams, from p[*ia] and p[*ib], until either
// state reports or *ia reaches `end`. Out of line like next_hit. The
// reporting positions are left in *ia / *ib, the others just past them.
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void next_hit_two(const bh_secret__ac *ac, const unsigned char *p, size_t *ia, size_t *ib,
			 size_t end, uint32_t *ra, uint32_t *rb)
{
	const uint32_t *delta = ac->delta;
	const uint8_t *cls = ac->cls;
	size_t a = *ia, b = *ib;
	uint32_t x = *ra, y = *rb;
	for (; a < end; a++, b++) {
		x = delta[x + cls[p[a]]];
		y = delta[y + cls[p[b]]];
		if ((x | y) & BH_SECRET__AC_OUT)
			break;
	}
	*ia = a;
	*ib = b;
	*ra = x;
	*rb = y;
}

#define STREAM_CHUNK 32768 // bytes per two-stream step; smaller buffers take one stream
#define PENDING_HITS 1024  // second-stream hits held while the first runs

// The keyword pass over data[start, end) with two streams of the
// automaton in one loop, for about twice the work per cycle: each byte's
// transition waits for the load of the previous one, and two independent
// chains overlap.
//
// The first stream covers [start, mid) from state *row. The second starts
// from state 0 at mid - (maxlen - 1), so from mid on its state and hits
// are exactly those of one pass: a keyword ending at or after mid starts
// at or after that point. Hits are handled in order: the first stream's
// at once, the second's (from mid on) held until the first is done; when
// PENDING_HITS are held, the second stream waits. On return *row is the
// state at `end`. False if a match limit stopped the scan.
static bool scan_two_streams(scanner *sc, const char *data, size_t len, size_t start,
			     size_t end, uint32_t *row, line_cursor *lc)
{
	const bh_secret__ac *ac = &sc->sec->ac;
	const unsigned char *p = (const unsigned char *)data;
	size_t mid = start + (end - start) / 2;
	size_t ia = start, ib = mid - (ac->maxlen - 1);
	uint32_t ra = *row, rb = 0;
	struct {
		size_t pos;
		uint32_t row;
	} held[PENDING_HITS];
	size_t nheld = 0;
	while (ia < mid && nheld < PENDING_HITS) {
		next_hit_two(ac, p, &ia, &ib, mid, &ra, &rb);
		if (ia == mid)
			break;
		if (ra & BH_SECRET__AC_OUT) {
			ra &= ~BH_SECRET__AC_OUT;
			if (!report_hit(sc, data, len, ia, ra, lc))
				return false;
		}
		if (rb & BH_SECRET__AC_OUT) {
			rb &= ~BH_SECRET__AC_OUT;
			if (ib >= mid) {
				held[nheld].pos = ib;
				held[nheld].row = rb;
				nheld++;
			}
		}
		ia++;
		ib++;
	}
	// The second stream waited: the first one finishes alone.
	for (; (ia = next_hit(ac, p, ia, mid, &ra)) < mid; ia++)
		if (!report_hit(sc, data, len, ia, ra, lc))
			return false;
	for (size_t h = 0; h < nheld; h++)
		if (!report_hit(sc, data, len, held[h].pos, held[h].row, lc))
			return false;
	for (; (ib = next_hit(ac, p, ib, end, &rb)) < end; ib++)
		if (!report_hit(sc, data, len, ib, rb, lc))
			return false;
	*row = rb;
	return true;
}

// Keyword pass and matching over data[0, len). Candidate offsets are
// relative to `data`. Everything beyond the automaton waits for a hit
// (see on_hit).
static void scan_bytes(scanner *sc, const char *data, size_t len)
{
	const bh_secret__ac *ac = &sc->sec->ac;
	memset(sc->progress, 0, sc->sec->nm * sizeof(*sc->progress));
	const unsigned char *p = (const unsigned char *)data;
	uint32_t row = 0;
	line_cursor lc = { .data = data, .len = len };
	size_t i = 0;
	if (ac->maxlen > 0 && ac->maxlen < STREAM_CHUNK / 4) {
		for (; len - i >= STREAM_CHUNK; i += STREAM_CHUNK)
			if (!scan_two_streams(sc, data, len, i, i + STREAM_CHUNK, &row, &lc))
				return;
	}
	for (; (i = next_hit(ac, p, i, len, &row)) < len; i++)
		if (!report_hit(sc, data, len, i, row, &lc))
			return;
}

// ------------------------------------------------------- encoded values

static int b64_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+' || c == '-')
		return 62;
	if (c == '/' || c == '_')
		return 63;
	return -1;
}

static bool is_printable(unsigned char c)
{
	return (c >= 0x20 && c < 0x7f) || c == '\n' || c == '\r' || c == '\t';
}

// Decode base64 (or hex when `hex`); NULL unless the result is printable
// text, the only kind the rules can match. Random binary fails within a
// few bytes, so most tokens cost little.
static char *decode(bh_arena *arena, const char *s, size_t n, bool hex, size_t *out_len)
{
	char buf[4096];
	size_t k = 0;
	size_t need = hex ? n / 2 : n * 3 / 4 + 3;
	if (need >= sizeof(buf))
		return NULL; // a blob, not a value
	if (hex) {
		if (n % 2)
			return NULL;
		for (size_t i = 0; i + 1 < n; i += 2) {
			int hi = isdigit((unsigned char)s[i]) ? s[i] - '0' : (tolower((unsigned char)s[i]) - 'a' + 10);
			int lo = isdigit((unsigned char)s[i + 1]) ? s[i + 1] - '0' : (tolower((unsigned char)s[i + 1]) - 'a' + 10);
			unsigned char c = (unsigned char)(hi * 16 + lo);
			if (!is_printable(c))
				return NULL;
			buf[k++] = (char)c;
		}
	} else {
		uint32_t acc = 0;
		int bits = 0;
		for (size_t i = 0; i < n && s[i] != '='; i++) {
			int v = b64_value((unsigned char)s[i]);
			if (v < 0)
				return NULL;
			acc = (acc << 6) | (uint32_t)v;
			bits += 6;
			if (bits >= 8) {
				bits -= 8;
				unsigned char c = (unsigned char)((acc >> bits) & 0xff);
				if (!is_printable(c))
					return NULL;
				buf[k++] = (char)c;
			}
		}
	}
	*out_len = k;
	return bh_arena_strndup(arena, buf, k);
}

static bool is_hex_token(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isxdigit((unsigned char)s[i]))
			return false;
	return true;
}

// Byte classes of the token finder, one table lookup per byte.
enum { TOK_OTHER, TOK_B64, TOK_GLUE }; // GLUE: '_', '-', '=' (a token may not touch them)

static const uint8_t tok_class[256] = {
	['A'] = TOK_B64, ['B'] = TOK_B64, ['C'] = TOK_B64, ['D'] = TOK_B64, ['E'] = TOK_B64,
	['F'] = TOK_B64, ['G'] = TOK_B64, ['H'] = TOK_B64, ['I'] = TOK_B64, ['J'] = TOK_B64,
	['K'] = TOK_B64, ['L'] = TOK_B64, ['M'] = TOK_B64, ['N'] = TOK_B64, ['O'] = TOK_B64,
	['P'] = TOK_B64, ['Q'] = TOK_B64, ['R'] = TOK_B64, ['S'] = TOK_B64, ['T'] = TOK_B64,
	['U'] = TOK_B64, ['V'] = TOK_B64, ['W'] = TOK_B64, ['X'] = TOK_B64, ['Y'] = TOK_B64,
	['Z'] = TOK_B64,
	['a'] = TOK_B64, ['b'] = TOK_B64, ['c'] = TOK_B64, ['d'] = TOK_B64, ['e'] = TOK_B64,
	['f'] = TOK_B64, ['g'] = TOK_B64, ['h'] = TOK_B64, ['i'] = TOK_B64, ['j'] = TOK_B64,
	['k'] = TOK_B64, ['l'] = TOK_B64, ['m'] = TOK_B64, ['n'] = TOK_B64, ['o'] = TOK_B64,
	['p'] = TOK_B64, ['q'] = TOK_B64, ['r'] = TOK_B64, ['s'] = TOK_B64, ['t'] = TOK_B64,
	['u'] = TOK_B64, ['v'] = TOK_B64, ['w'] = TOK_B64, ['x'] = TOK_B64, ['y'] = TOK_B64,
	['z'] = TOK_B64,
	['0'] = TOK_B64, ['1'] = TOK_B64, ['2'] = TOK_B64, ['3'] = TOK_B64, ['4'] = TOK_B64,
	['5'] = TOK_B64, ['6'] = TOK_B64, ['7'] = TOK_B64, ['8'] = TOK_B64, ['9'] = TOK_B64,
	['+'] = TOK_B64, ['/'] = TOK_B64,
	['_'] = TOK_GLUE, ['-'] = TOK_GLUE, ['='] = TOK_GLUE,
};

// Next base64 or hex token at or after `*at`: a maximal run of base64
// characters (16 or more, then up to two '='), not glued to an
// identifier, a URL-safe token or another '='. False when none is left.
//
// The search counts the current run of base64 characters without a branch
// per byte and stops only when a run reaches 16: the short runs of words
// and numbers, nearly all of a file, cost one table lookup per byte.
static bool next_token(const char *data, size_t len, size_t *at, size_t *ts, size_t *te)
{
	const unsigned char *p = (const unsigned char *)data;
	size_t i = *at;
	// A search starts at the data's start or after a run (of any length)
	// and its padding, where no run is in progress.
	size_t run = 0;
	while (i < len) {
		run = (run + 1) & -(size_t)(tok_class[p[i]] == TOK_B64);
		i++;
		if (run < 16)
			continue;
		size_t s = i - run;
		while (i < len && tok_class[p[i]] == TOK_B64)
			i++;
		size_t n = i - s;
		while (i < len && p[i] == '=' && i - s - n < 2)
			i++;
		run = 0;
		bool glued_before = s > 0 && tok_class[p[s - 1]] == TOK_GLUE;
		bool glued_after = i < len && tok_class[p[i]] != TOK_OTHER;
		if (!glued_before && !glued_after) {
			*ts = s;
			*te = i;
			*at = i;
			return true;
		}
	}
	*at = len;
	return false;
}

// Find base64/hex tokens, decode each once and scan "<text before the
// token on its line><decoded>" so that the setting's name still counts
// (a Kubernetes Secret's `password: aHVudGVy...`). Candidates point at
// the encoded token.
static void scan_encoded(scanner *sc, const char *data, size_t len)
{
	size_t off = 0, ts = 0, te = 0;
	while (next_token(data, len, &off, &ts, &te)) {
		size_t dlen = 0;
		const char *tok = data + ts;
		size_t tlen = te - ts;
		bool hex = tlen >= 32 && is_hex_token(tok, tlen);
		if (!hex && tlen < 16)
			continue;
		char *dec = decode(sc->arena, tok, tlen, hex, &dlen);
		if (!dec || dlen < 8)
			continue;
		size_t ls = ts;
		while (ls > 0 && data[ls - 1] != '\n' && ts - ls < 256)
			ls--;
		size_t plen = ts - ls;
		char *buf = bh_xmalloc(plen + dlen + 1);
		memcpy(buf, data + ls, plen);
		memcpy(buf + plen, dec, dlen);
		buf[plen + dlen] = '\0';

		size_t first = sc->cands.len;
		matcher_progress *progress = sc->progress;
		sc->progress = bh_xcalloc(sc->sec->nm, sizeof(*sc->progress));
		scan_bytes(sc, buf, plen + dlen);
		free(sc->progress);
		sc->progress = progress;
		// Keep only what lies in the decoded part, pointed at the token.
		size_t out = first;
		for (size_t i = first; i < sc->cands.len; i++) {
			cand c = sc->cands.items[i];
			if (c.end <= plen)
				continue;
			c.start = ts;
			c.end = te;
			c.encoded = true;
			sc->cands.items[out++] = c;
		}
		sc->cands.len = out;
		free(buf);
		if (sc->cut_short)
			break;
	}
}

// ---------------------------------------------------- credential files

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

// Files that are lock files or minified bundles: integrity hashes and
// mangled identifiers look random, so the name=value and decoding
// detectors stay off there (provider rules with prefixes still run).
static bool is_generated(const char *path)
{
	static const char *const names[] = {
		"package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml",
		"Cargo.lock", "go.sum", "poetry.lock", "Gemfile.lock", "composer.lock",
		"Pipfile.lock", "packages.lock.json", "flake.lock",
	};
	const char *b = base_name(path);
	for (size_t i = 0; i < BH_ARRAY_LEN(names); i++)
		if (strcmp(b, names[i]) == 0)
			return true;
	return bh_str_ends_with(b, ".min.js") || bh_str_ends_with(b, ".min.css") || bh_str_ends_with(b, ".map") ||
	       bh_str_ends_with(b, ".svg");
}

// Example and template files (`.env.example`, `config.sample.yaml`,
// `settings.dist`): their name=value pairs are documentation, so the
// generic detector skips them; provider rules still run.
static bool is_example_file(const char *path)
{
	static const char *const marks[] = { ".example", ".sample", ".template", ".tmpl", ".dist" };
	const char *b = base_name(path);
	for (size_t i = 0; i < BH_ARRAY_LEN(marks); i++)
		if (strstr(b, marks[i]))
			return true;
	return false;
}

// Key stores recognised by name alone (they are binary).
static const char *keystore_kind(const char *path)
{
	const char *b = base_name(path);
	if (bh_str_ends_with(b, ".p12") || bh_str_ends_with(b, ".pfx"))
		return "PKCS#12 key store";
	if (bh_str_ends_with(b, ".jks") || bh_str_ends_with(b, ".keystore") || bh_str_ends_with(b, ".jceks"))
		return "Java key store";
	if (bh_str_ends_with(b, ".kdbx"))
		return "KeePass database";
	return NULL;
}

// Find the first line of `src` that starts (after blanks) with `key` and
// carries a non-empty value that is not a variable reference.
static bool find_line(const bh_source *src, const char *key, bool anywhere, uint32_t *line_out)
{
	for (uint32_t l = 1; l <= src->nlines; l++) {
		size_t n = 0;
		const char *t = bh_source_line(src, l, &n);
		if (!t)
			break;
		const char *end = t + n;
		while (t < end && (*t == ' ' || *t == '\t'))
			t++;
		size_t kl = strlen(key);
		const char *hit = NULL;
		if (anywhere) {
			for (const char *p = t; p + kl <= end && !hit; p++)
				if (strncmp(p, key, kl) == 0)
					hit = p;
		} else if ((size_t)(end - t) >= kl && strncmp(t, key, kl) == 0) {
			hit = t;
		}
		if (!hit)
			continue;
		const char *v = hit + kl;
		while (v < end && (*v == ' ' || *v == '\t' || *v == '=' || *v == ':' || *v == '"'))
			v++;
		if (v < end && *v != '$' && *v != '"' && !bh_secret_is_placeholder(v, (size_t)(end - v))) {
			*line_out = l;
			return true;
		}
	}
	return false;
}

typedef struct {
	const char *what;
	uint32_t line;
} cred_file;

// Credential files by name and content: what the file is, and the line
// where the credential is (1 when the name alone tells).
static bool credential_file(const bh_source *src, const char *path, cred_file *out)
{
	const char *b = base_name(path);
	uint32_t line = 1;
	out->line = 1;
	if (strcmp(b, ".npmrc") == 0 || strcmp(b, ".yarnrc.yml") == 0) {
		if (find_line(src, "_authToken", true, &line) || find_line(src, "_auth", true, &line) ||
		    find_line(src, "_password", true, &line) || find_line(src, "npmAuthToken", true, &line)) {
			out->what = "npm configuration with a registry auth token";
			out->line = line;
			return true;
		}
		return false;
	}
	if (strcmp(b, ".pypirc") == 0) {
		if (find_line(src, "password", false, &line)) {
			out->what = ".pypirc with an index password or token";
			out->line = line;
			return true;
		}
		return false;
	}
	if (bh_str_ends_with(path, ".docker/config.json") || strcmp(path, "config.json") == 0 ||
	    bh_str_ends_with(path, "/config.json")) {
		if (find_line(src, "\"auths\"", true, &line) && find_line(src, "\"auth\"", true, &line)) {
			out->what = "Docker client configuration with registry credentials";
			out->line = line;
			return true;
		}
		return false;
	}
	if (bh_str_ends_with(path, ".aws/credentials") || strcmp(b, "credentials") == 0) {
		if (find_line(src, "aws_secret_access_key", false, &line)) {
			out->what = "AWS shared credentials file";
			out->line = line;
			return true;
		}
		return false;
	}
	if (strcmp(b, ".git-credentials") == 0) {
		if (find_line(src, "://", true, &line) && src->len > 0) {
			out->what = "git credential store";
			out->line = line;
			return true;
		}
		return false;
	}
	if (strcmp(b, ".netrc") == 0 || strcmp(b, "_netrc") == 0) {
		if (find_line(src, "password", true, &line)) {
			out->what = ".netrc with a login password";
			out->line = line;
			return true;
		}
		return false;
	}
	if (strcmp(b, ".pgpass") == 0) {
		for (uint32_t l = 1; l <= src->nlines; l++) {
			size_t n = 0, colons = 0;
			const char *t = bh_source_line(src, l, &n);
			if (!t || !n || t[0] == '#')
				continue;
			for (size_t i = 0; i < n; i++)
				colons += t[i] == ':';
			if (colons >= 4 && t[n - 1] != ':') {
				out->what = "PostgreSQL password file";
				out->line = l;
				return true;
			}
		}
		return false;
	}
	if (strcmp(b, "htpasswd") == 0 || strcmp(b, ".htpasswd") == 0) {
		// user:hash lines; the hash itself starts with '$', so the
		// reference check of find_line does not apply.
		for (uint32_t l = 1; l <= src->nlines; l++) {
			size_t n = 0;
			const char *t = bh_source_line(src, l, &n);
			const char *colon = t ? memchr(t, ':', n) : NULL;
			if (colon && colon > t && (size_t)(colon - t) + 1 < n && t[0] != '#') {
				out->what = "htpasswd file with password hashes";
				out->line = l;
				return true;
			}
		}
		return false;
	}
	if (strcmp(b, "kubeconfig") == 0 || bh_str_ends_with(b, ".kubeconfig") ||
	    bh_str_ends_with(path, ".kube/config")) {
		if (find_line(src, "token:", false, &line) || find_line(src, "client-key-data:", false, &line) ||
		    find_line(src, "password:", false, &line)) {
			out->what = "kubeconfig with cluster credentials";
			out->line = line;
			return true;
		}
		return false;
	}
	if (strcmp(b, "id_rsa") == 0 || strcmp(b, "id_dsa") == 0 || strcmp(b, "id_ecdsa") == 0 ||
	    strcmp(b, "id_ed25519") == 0) {
		out->what = "SSH private key file";
		return true;
	}
	return false;
}

// ----------------------------------------------------------- one file

static int compare_cand(const void *pa, const void *pb)
{
	const cand *a = pa, *b = pb;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end > b->end ? -1 : 1;
	return a->matcher < b->matcher ? -1 : a->matcher > b->matcher;
}

static bool overlaps(const cand *a, const cand *b)
{
	return a->start < b->end && b->start < a->end;
}

// Sort, drop repeats, drop generic matches under a provider match and
// a second provider rule on the same text.
static void settle(scanner *sc, const bh_secret *sec)
{
	cand_vec *v = &sc->cands;
	if (v->len > 1)
		qsort(v->items, v->len, sizeof(cand), compare_cand);
	size_t out = 0;
	for (size_t i = 0; i < v->len; i++) {
		cand *c = &v->items[i];
		bool drop = false;
		for (size_t j = 0; j < v->len && !drop; j++) {
			if (j == i || !overlaps(c, &v->items[j]))
				continue;
			const cand *o = &v->items[j];
			bool c_gen = sec->m[c->matcher].kind == BH_SECRET__GENERIC;
			bool o_gen = sec->m[o->matcher].kind == BH_SECRET__GENERIC;
			if (c_gen && !o_gen)
				drop = true; // the provider rule names it better
			else if (c_gen == o_gen && o->encoded != c->encoded)
				drop = o->encoded; // decoding revealed what the value is
			else if (c_gen == o_gen && (o->mlen > c->mlen || (o->mlen == c->mlen && j < i)))
				drop = true; // the rule that matched more context wins
		}
		if (!drop)
			v->items[out++] = *c;
	}
	v->len = out;
	// The loop above is quadratic in the matches of one file, which
	// MAX_CANDIDATES bounds.
}

static const char *sent_note(bool sent)
{
	return sent ? "the file is sent to the Docker daemon with the build context "
		      "(.dockerignore does not exclude it)"
		    : "the file is excluded by .dockerignore and not sent to the Docker daemon";
}

static void emit(scanner *sc, const bh_secret *sec, const bh_source *src, bool sent,
		 const cred_file *cf, bh_findings *findings, bh_diags *diags)
{
	settle(sc, sec);
	uint32_t per_rule[BH_RULE_MAX] = { 0 };
	size_t kept = 0, dropped = 0;
	for (size_t i = 0; i < sc->cands.len; i++) {
		const cand *c = &sc->cands.items[i];
		const bh_rule *rule = sec->m[c->matcher].rule;
		if (kept >= sec->opts.max_per_file || per_rule[rule->index] >= MAX_PER_RULE_PER_FILE) {
			dropped++;
			continue;
		}
		per_rule[rule->index]++;
		kept++;
		bh_loc loc = { .path = src->path };
		bh_source_position(src, c->start, &loc.line, &loc.col);
		uint32_t el, ec;
		bh_source_position(src, c->end, &el, &ec);
		loc.end_line = el;
		loc.end_col = ec;
		bh_finding *fd = bh_finding_add(findings, rule, loc, "%s: %s%s", rule->title,
						c->redacted, c->encoded ? " (base64/hex-encoded)" : "");
		fd->snippet = bh_arena_strdup(findings->arena, c->redacted);
		fd->note = sent_note(sent);
	}
	if (cf) {
		if (kept == 0) {
			bh_loc loc = { .path = src->path, .line = cf->line, .col = 1 };
			bh_finding *fd = bh_finding_add(findings, bh_rule_get(BH_RULE_SECRET_CREDENTIAL_FILE),
							loc, "%s", cf->what);
			fd->snippet = cf->what;
			fd->note = sent_note(sent);
		}
	}
	dropped += sc->overflow;
	if (dropped)
		bh_diag_add(diags, BH_LEVEL_NOTE, "secret.too-many", src->path, 0, 0,
			    "%zu more secret matches in this file were not reported", dropped);
	if (sc->cut_short) {
		uint32_t line = 0, col = 0;
		bh_source_position(src, sc->cut_offset, &line, &col);
		bh_diag_add(diags, BH_LEVEL_WARNING, "secret.match-limit", src->path, line, 0,
			    "a secret pattern reached the regex match limit; the rest of the file was not scanned");
		// The same as a finding, so that the report itself says where a
		// secret may be hiding (a diagnostic is easy to miss).
		const char *id = sec->m[sc->cut_matcher].rule->id;
		const char *limit = limit_name(sc->cut_code);
		bh_loc loc = { .path = src->path, .line = line, .col = col };
		bh_finding *fd = bh_finding_add(findings, bh_rule_get(BH_RULE_SECRET_SCAN_TRUNCATED), loc,
						"secret scan cut short: the pattern of %s reached the PCRE2 %s; "
						"the rest of the file was not scanned and may hide a secret",
						id, limit);
		fd->snippet = bh_arena_sprintf(findings->arena, "%s: %s", id, limit);
		fd->note = sent_note(sent);
	}
}

// Scan one loaded file. The generic detector skips C (the AST rules see
// its literals), generated files and example files; decoding runs on
// config files only.
static void scan_file(scanner *sc, const bh_source *src, bool sent, bh_file_kind kind,
		      bh_findings *findings, bh_diags *diags)
{
	bool c_file = kind == BH_FILE_C_SOURCE || kind == BH_FILE_C_HEADER;
	bool generated = is_generated(src->path);
	sc->cands.len = 0;
	sc->overflow = 0;
	sc->cut_short = false;
	sc->generic_ok = !generated && !c_file && !is_example_file(src->path);
	scan_bytes(sc, src->data, src->len);
	if (!sc->cut_short && !generated && kind == BH_FILE_CONFIG)
		scan_encoded(sc, src->data, src->len);
	cred_file cf = { 0 };
	bool is_cred = credential_file(src, src->path, &cf);
	emit(sc, sc->sec, src, sent, is_cred ? &cf : NULL, findings, diags);
}

void bh_secret_scan_source(const bh_secret *sec, const bh_source *src, bool sent,
			   bh_findings *findings, bh_diags *diags)
{
	scanner sc;
	scanner_init(&sc, sec, findings->arena);
	bh_file_kind kind = bh_file_kind_of_name(src->path);
	if (bh_source_is_binary(src->data, src->len)) {
		const char *ks = keystore_kind(src->path);
		if (ks) {
			bh_loc loc = { .path = src->path, .line = 1, .col = 1 };
			bh_finding *fd = bh_finding_add(findings, bh_rule_get(BH_RULE_SECRET_CREDENTIAL_FILE),
							loc, "%s", ks);
			fd->snippet = ks;
			fd->note = sent_note(sent);
		}
	} else {
		scan_file(&sc, src, sent, kind, findings, diags);
	}
	scanner_dispose(&sc);
}

const bh_rule *bh_secret_match_pack(const bh_secret *sec, const char *text, size_t len)
{
	bh_arena *arena = bh_arena_new();
	scanner sc;
	scanner_init(&sc, sec, arena);
	sc.generic_ok = false;
	scan_bytes(&sc, text, len);
	const bh_rule *hit = NULL;
	for (size_t i = 0; i < sc.cands.len && !hit; i++)
		if (sec->m[sc.cands.items[i].matcher].kind == BH_SECRET__PACK)
			hit = sec->m[sc.cands.items[i].matcher].rule;
	scanner_dispose(&sc);
	bh_arena_free(arena);
	return hit;
}

// ------------------------------------------------------------- workers

typedef struct {
	const bh_secret *sec;
	bh_ctx *ctx;
	const bool *sent;        // per context file
	const bool *wanted;      // per context file; NULL: every file
	const bh_file_cache *cache; // results of files seen before, or NULL
	atomic_size_t next;      // next file index to take
} shared_job;

typedef struct {
	shared_job *job;
	bh_arena *arena;
	bh_findings findings;
	bh_diags diags;
	pthread_t thread;
} worker;

static void scan_one(worker *wk, scanner *sc, size_t i)
{
	shared_job *job = wk->job;
	const bh_file *f = bh_ctx_file(job->ctx, i);
	if (f->excluded || f->too_large || f->kind == BH_FILE_SYMLINK || f->kind == BH_FILE_OTHER)
		return;
	if (f->kind == BH_FILE_BINARY) {
		const char *ks = keystore_kind(f->path);
		if (ks) {
			bh_loc loc = { .path = f->path, .line = 1, .col = 1 };
			bh_finding *fd = bh_finding_add(&wk->findings,
							bh_rule_get(BH_RULE_SECRET_CREDENTIAL_FILE),
							loc, "%s", ks);
			fd->snippet = ks;
			fd->note = sent_note(job->sent[i]);
		}
		return;
	}
	// Each file is read into its own arena and dropped after the scan:
	// findings copy what they keep, so memory does not grow with the
	// context.
	// A file whose bytes were scanned before (with the same answer to
	// whether the daemon gets it) is not read again.
	const bh_file_cache *cache = job->cache;
	if (cache && cache->lookup(cache->payload, f->path, job->sent[i], &wk->findings, &wk->diags))
		return;
	size_t first = wk->findings.items.len, first_diag = wk->diags.items.len;
	bh_arena *file_arena = bh_arena_new();
	const bh_source *src = NULL;
	if (bh_ctx_read(&src, file_arena, job->ctx, f->path, &wk->diags) == BH_OK && src) {
		scan_file(sc, src, job->sent[i], f->kind, &wk->findings, &wk->diags);
		if (cache) {
			// This file's part of the worker's lists.
			bh_findings mine = bh_findings_tail(&wk->findings, first);
			bh_diags notes = bh_diags_tail(&wk->diags, first_diag);
			cache->store(cache->payload, f->path, job->sent[i], &mine, &notes);
		}
	}
	bh_arena_free(file_arena);
}

static void *worker_main(void *arg)
{
	worker *wk = arg;
	shared_job *job = wk->job;
	scanner sc;
	scanner_init(&sc, job->sec, wk->arena);
	size_t n = bh_ctx_file_count(job->ctx);
	for (;;) {
		size_t i = atomic_fetch_add(&job->next, 1);
		if (i >= n)
			break;
		if (!job->wanted || job->wanted[i])
			scan_one(wk, &sc, i);
	}
	scanner_dispose(&sc);
	return NULL;
}

static bh_status scan_files(const bh_secret *sec, bh_ctx *ctx, const bool *wanted, const bh_file_cache *cache,
			    bh_findings *findings, bh_diags *diags)
{
	size_t n = bh_ctx_file_count(ctx);
	// Whether each file reaches the daemon: under the root .dockerignore,
	// or under the ignore file of any Dockerfile of the context.
	bool *sent = bh_xcalloc(n ? n : 1, sizeof(*sent));
	BH_VEC(const char *) dockerfiles = { 0 };
	for (size_t i = 0; i < n; i++) {
		const bh_file *f = bh_ctx_file(ctx, i);
		if (f->kind == BH_FILE_DOCKERFILE && !f->excluded)
			bh_vec_push(&dockerfiles, f->path);
	}
	for (size_t i = 0; i < n; i++) {
		const bh_file *f = bh_ctx_file(ctx, i);
		sent[i] = f->sent;
		for (size_t d = 0; d < dockerfiles.len && !sent[i]; d++)
			sent[i] = bh_ctx_is_sent(ctx, dockerfiles.items[d], f->path);
	}
	bh_vec_dispose(&dockerfiles);
	int jobs = bh_jobs_or_cores(sec->opts.jobs);
	if ((size_t)jobs > n)
		jobs = n ? (int)n : 1;

	shared_job job = { .sec = sec, .ctx = ctx, .sent = sent, .wanted = wanted, .cache = cache };
	atomic_init(&job.next, 0);
	worker *wks = bh_xcalloc((size_t)jobs, sizeof(*wks));
	for (int w = 0; w < jobs; w++) {
		wks[w].job = &job;
		wks[w].arena = bh_arena_new();
		bh_findings_init(&wks[w].findings, wks[w].arena);
		bh_diags_init(&wks[w].diags, wks[w].arena);
	}
	// Worker 0 is this thread; a failed thread start just leaves its
	// share to the others.
	bool *started = bh_xcalloc((size_t)jobs, sizeof(*started));
	for (int w = 1; w < jobs; w++)
		started[w] = pthread_create(&wks[w].thread, NULL, worker_main, &wks[w]) == 0;
	worker_main(&wks[0]);
	for (int w = 1; w < jobs; w++)
		if (started[w])
			pthread_join(wks[w].thread, NULL);
	for (int w = 0; w < jobs; w++) {
		bh_findings_append(findings, &wks[w].findings);
		bh_diags_append(diags, &wks[w].diags);
		bh_findings_dispose(&wks[w].findings);
		bh_diags_dispose(&wks[w].diags);
		bh_arena_free(wks[w].arena);
	}
	free(started);
	free(wks);
	free(sent);
	return BH_OK;
}

bh_status bh_secret_scan_ctx(const bh_secret *sec, bh_ctx *ctx, bh_findings *findings,
			     bh_diags *diags)
{
	return scan_files(sec, ctx, NULL, NULL, findings, diags);
}

// ------------------------------------------------------------ the stage

static bool is_pack_rule(const bh_rule *r)
{
	return (size_t)r->index >= BH_RULE__COUNT;
}

// Drop a C rule's hard-coded credential finding when a pack rule reported
// the same line of the same file.
static void drop_c_duplicates(bh_findings *findings, size_t first_new)
{
	size_t out = 0;
	bh_finding *items = findings->items.items;
	for (size_t i = 0; i < findings->items.len; i++) {
		const bh_finding *fd = &items[i];
		bool drop = false;
		if (i < first_new && (fd->rule->index == BH_RULE_SECRET_HARDCODED_PASSWORD ||
				      fd->rule->index == BH_RULE_SECRET_HARDCODED_KEY)) {
			for (size_t j = first_new; j < findings->items.len && !drop; j++) {
				const bh_finding *o = &items[j];
				drop = is_pack_rule(o->rule) && o->loc.line == fd->loc.line &&
				       strcmp(o->loc.path, fd->loc.path) == 0;
			}
		}
		if (!drop)
			items[out++] = *fd;
	}
	findings->items.len = out;
}

bh_status bh_secret_run(bh_ctx *ctx, int jobs, bh_findings *findings, bh_diags *diags)
{
	return bh_secret_run_files(ctx, jobs, NULL, NULL, findings, diags);
}

bh_status bh_secret_run_files(bh_ctx *ctx, int jobs, const bool *wanted, const bh_file_cache *cache,
			      bh_findings *findings, bh_diags *diags)
{
	bh_secret_options opts = BH_SECRET_OPTIONS_INIT;
	opts.jobs = jobs;
	bh_secret *sec = NULL;
	bh_status err = bh_secret_new(&sec, &opts, diags);
	if (err < 0)
		goto out;
	size_t first_new = findings->items.len;
	err = scan_files(sec, ctx, wanted, cache, findings, diags);
	drop_c_duplicates(findings, first_new);
out:
	bh_secret_free(sec);
	return err;
}
