// SPDX-License-Identifier: MIT
// The hardening of a linked program, read from the compiler lines that
// build it: its link line and the `cc -c` lines of its stage that compile
// its sources. Flags are taken in order (the last -O and the last of a
// -fstack-protector/-fno-stack-protector pair win, as in gcc), `-Wl,`
// lists are split, and `$CFLAGS`-style words are replaced by the value the
// stage's ENV or the command's prefix gives them. A word that stays
// unknown makes `unknown_flags` true: what it holds could be anything, so
// the rules do not call flags missing on such a line.
//
// The base image of the building stage tells the compiler's defaults:
// Debian's gcc builds PIE; Ubuntu's also enables the stack protector,
// _FORTIFY_SOURCE=2 (with optimisation), RELRO and BIND_NOW, and stack
// clash protection; Alpine's enables PIE and the stack protector.
#include <stdlib.h>
#include <string.h>

#include "img_internal.h"

typedef struct {
	bh_img_hardening *h;
	int ssp;          // last stack protector word: 1 strong/all, 0 none yet, -1 disabled, 2 weak
	int fortify;      // last _FORTIFY_SOURCE level (-1: undefined by -U)
	int opt;          // last -O level, -1 when none (gcc's default: -O0)
	bool pie_compile, pie_link, no_pie;
} flag_state;

static void add_disabling(bh_img_hardening *h, const char *flag)
{
	for (size_t i = 0; i < h->ndisabling; i++)
		if (strcmp(h->disabling[i], flag) == 0)
			return;
	if (h->ndisabling < BH_ARRAY_LEN(h->disabling))
		h->disabling[h->ndisabling++] = flag;
}

// One linker option (from -Wl,a,b or -z a).
static void linker_word(flag_state *s, const char *w, const char *prev)
{
	bool z = prev && strcmp(prev, "-z") == 0;
	if (!z)
		return;
	if (strcmp(w, "relro") == 0)
		s->h->present |= BH_IMG_HARDEN_RELRO;
	else if (strcmp(w, "now") == 0)
		s->h->present |= BH_IMG_HARDEN_NOW;
	else if (strcmp(w, "execstack") == 0)
		s->h->execstack = true;
	else if (strcmp(w, "norelro") == 0)
		add_disabling(s->h, "-z norelro");
}

static void wl_list(flag_state *s, bh_arena *arena, const char *list)
{
	const char *prev = NULL;
	while (*list) {
		const char *comma = strchr(list, ',');
		size_t n = comma ? (size_t)(comma - list) : strlen(list);
		const char *w = bh_arena_strndup(arena, list, n);
		linker_word(s, w, prev);
		if (strcmp(w, "-s") == 0 || strcmp(w, "--strip-all") == 0)
			s->h->stripped = true;
		prev = w;
		list += n + (comma != NULL);
	}
}

static void define_word(flag_state *s, const char *def, bool undef)
{
	if (strncmp(def, "_FORTIFY_SOURCE", 15) != 0)
		return;
	if (undef) {
		s->fortify = -1;
		add_disabling(s->h, "-U_FORTIFY_SOURCE");
		return;
	}
	s->h->fortify_requested = true;
	// The level as glibc reads it: above 3 is 3, and so is a number too
	// large for a long (strtol, not atoi: out of range is defined).
	long level = 1;
	if (def[15] == '=') {
		level = strtol(def + 16, NULL, 10);
		level = level < 0 ? 0 : level > 3 ? 3 : level;
	}
	s->fortify = (int)level;
}

static void flag_word(flag_state *s, bh_arena *arena, const char *w, const char *next, bool *took)
{
	bh_img_hardening *h = s->h;
	*took = false;
	if (strcmp(w, "-fstack-protector-strong") == 0 || strcmp(w, "-fstack-protector-all") == 0)
		s->ssp = 1;
	else if (strcmp(w, "-fstack-protector") == 0)
		s->ssp = 2;
	else if (strcmp(w, "-fno-stack-protector") == 0) {
		s->ssp = -1;
		add_disabling(h, "-fno-stack-protector");
	} else if (strncmp(w, "-O", 2) == 0)
		s->opt = w[2] == '0' ? 0 : (w[2] == 'g' ? 1 : (w[2] ? 2 : 1));
	else if (strcmp(w, "-D") == 0 && next) {
		define_word(s, next, false);
		*took = true;
	} else if (strncmp(w, "-D", 2) == 0)
		define_word(s, w + 2, false);
	else if (strcmp(w, "-U") == 0 && next) {
		define_word(s, next, true);
		*took = true;
	} else if (strncmp(w, "-U", 2) == 0)
		define_word(s, w + 2, true);
	else if (strcmp(w, "-fPIE") == 0 || strcmp(w, "-fpie") == 0 || strcmp(w, "-fPIC") == 0 ||
		 strcmp(w, "-fpic") == 0)
		s->pie_compile = true;
	else if (strcmp(w, "-pie") == 0 || strcmp(w, "-static-pie") == 0)
		s->pie_link = true;
	else if (strcmp(w, "-no-pie") == 0 || strcmp(w, "-fno-pie") == 0 || strcmp(w, "-fno-PIE") == 0) {
		s->no_pie = true;
		add_disabling(h, w);
	} else if (strcmp(w, "-fstack-clash-protection") == 0)
		h->present |= BH_IMG_HARDEN_CLASH;
	else if (strncmp(w, "-fcf-protection", 15) == 0 && strcmp(w, "-fcf-protection=none") != 0)
		h->present |= BH_IMG_HARDEN_CET;
	else if (strncmp(w, "-Wl,", 4) == 0)
		wl_list(s, arena, w + 4);
	else if (strcmp(w, "-z") == 0 && next) {
		linker_word(s, next, w);
		*took = true;
	} else if (strcmp(w, "-s") == 0)
		h->stripped = true;
	else if (strncmp(w, "-g", 2) == 0 && strcmp(w, "-g0") != 0)
		h->debug = true;
	else if (strncmp(w, "-fsanitize=", 11) == 0)
		h->sanitize = w + 11;
	else if (strcmp(w, "-w") == 0)
		add_disabling(h, "-w");
}

// The value of `$NAME`/`${NAME}` from the command's environment, or NULL.
static const char *env_value(const bh_img_build_cmd *bd, const char *word)
{
	if (word[0] != '$')
		return NULL;
	const char *name = word + 1 + (word[1] == '{');
	size_t n = strcspn(name, "}");
	if (word[1] == '{' && name[n] != '}')
		return NULL;
	if (word[1] != '{' && name[n])
		return NULL;
	for (size_t i = 0; i < bd->nenv; i++)
		if (strncmp(bd->env[i], name, n) == 0 && bd->env[i][n] == '=')
			return bd->env[i] + n + 1;
	return NULL;
}

static void words_of(flag_state *s, bh_arena *arena, const char *text)
{
	const char **words = NULL;
	size_t n = 0, cap = 0;
	while (*text) {
		text += strspn(text, " \t");
		size_t len = strcspn(text, " \t");
		if (!len)
			break;
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			const char **grown = bh_arena_alloc(arena, cap * sizeof(*grown));
			if (n)
				memcpy(grown, words, n * sizeof(*grown));
			words = grown;
		}
		words[n++] = bh_arena_strndup(arena, text, len);
		text += len;
	}
	for (size_t i = 0; i < n; i++) {
		bool took;
		flag_word(s, arena, words[i], i + 1 < n ? words[i + 1] : NULL, &took);
		i += took;
	}
}

// The words of the compiler command in the order written (flag order
// decides: the last of -fstack-protector / -fno-stack-protector wins),
// `$CFLAGS` replaced by its value where the stage or the prefix sets it.
static void read_command(flag_state *s, bh_arena *arena, const bh_img_build_cmd *bd)
{
	const char *const *argv = bd->cmd ? bd->cmd->argv : NULL;
	size_t argc = bd->cmd ? bd->cmd->argc : 0, first = 0;
	while (first < argc && strcmp(bh_sh_basename(argv[first]), bd->tool) != 0)
		first++; // wrappers (env, nice, ccache) before the compiler
	for (size_t i = first + 1; i < argc; i++) {
		const char *w = argv[i];
		if (w[0] == '$') {
			const char *value = env_value(bd, w);
			if (value)
				words_of(s, arena, value);
			else
				s->h->unknown_flags = true;
			continue;
		}
		if (w[0] != '-')
			continue; // an operand, or the value of the option before it
		bool took;
		flag_word(s, arena, w, i + 1 < argc ? argv[i + 1] : NULL, &took);
		i += took;
	}
	bh_img_hardening *h = s->h;
	bool known = h->nlines && h->lines[h->nlines - 1] == bd->loc.line;
	if (!known && h->nlines < BH_ARRAY_LEN(h->lines))
		h->lines[h->nlines++] = bd->loc.line;
}

static bool shares_source(const bh_img_build_cmd *bd, const bh_img_artifact *a)
{
	for (size_t i = 0; i < bd->nsources; i++)
		for (size_t k = 0; k < a->nsources; k++)
			if (strcmp(bd->sources[i], a->sources[k]) == 0)
				return true;
	return false;
}

static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

unsigned bh_img_compiler_defaults(const bh_img_ref *base)
{
	if (!base->name || base->symbolic)
		return 0;
	const char *slash = strrchr(base->name, '/');
	const char *name = slash ? slash + 1 : base->name;
	if (strcmp(name, "ubuntu") == 0)
		return BH_IMG_HARDEN_SSP | BH_IMG_HARDEN_FORTIFY | BH_IMG_HARDEN_PIE |
		       BH_IMG_HARDEN_RELRO | BH_IMG_HARDEN_NOW | BH_IMG_HARDEN_CLASH;
	if (strcmp(name, "alpine") == 0)
		return BH_IMG_HARDEN_SSP | BH_IMG_HARDEN_PIE;
	if (strcmp(name, "debian") == 0 || starts_with(name, "buildpack-deps"))
		return BH_IMG_HARDEN_PIE;
	return 0;
}

// Does a `cc -c` line of the artifact's stage, before its link, compile `source`?
static bool compiled_by_stage(const bh_img *img, const bh_img_artifact *a, const char *source)
{
	const bh_img_stage *st = &img->stages[a->stage];
	for (size_t k = 0; k < st->nbuilds; k++) {
		const bh_img_build_cmd *bd = &img->builds[st->builds[k]];
		if (st->builds[k] >= a->build || bd->kind != BH_IMG_BUILD_CC || !bd->nobjects)
			continue;
		for (size_t i = 0; i < bd->nsources; i++)
			if (strcmp(bd->sources[i], source) == 0)
				return true;
	}
	return false;
}

// The compiler lines of a program built by compiler lines in RUN: the
// `cc -c` lines of the stage that compile its sources, then its link line.
// Returns whether every line that compiles optimises.
static bool read_lines(flag_state *s, const bh_img *img, const bh_img_artifact *a, bh_arena *arena)
{
	const bh_img_stage *st = &img->stages[a->stage];
	bool all_optimised = true, any_compile = false;
	for (size_t k = 0; k < st->nbuilds; k++) {
		const bh_img_build_cmd *bd = &img->builds[st->builds[k]];
		if (st->builds[k] >= a->build || bd->kind != BH_IMG_BUILD_CC || !bd->nobjects ||
		    !shares_source(bd, a))
			continue;
		s->opt = -1;
		read_command(s, arena, bd);
		all_optimised &= s->opt > 0;
		any_compile = true;
	}
	const bh_img_build_cmd *link = &img->builds[a->build];
	s->opt = -1;
	read_command(s, arena, link);
	// A link line that also compiles (gcc -o app a.c) is a compile line.
	bool compiles = false, takes_objects = false;
	for (size_t i = 0; i < link->ninputs; i++) {
		compiles |= bh_img__is_c_source(link->inputs[i]);
		takes_objects |= bh_str_ends_with(link->inputs[i], ".o") ||
				 bh_str_ends_with(link->inputs[i], ".a");
	}
	if (compiles) {
		all_optimised &= s->opt > 0;
		any_compile = true;
	}
	// An object no line read compiled (a script, make, the database's
	// word): the flags it was compiled with are not known.
	for (size_t i = 0; takes_objects && i < a->nsources; i++)
		if (!compiled_by_stage(img, a, a->sources[i]))
			s->h->unknown_flags = true;
	return any_compile && all_optimised;
}

// A program a `make` run links: the flags its Makefile gives it, in order.
static bool read_made(flag_state *s, const bh_img *img, const bh_img_artifact *a, bh_arena *arena)
{
	for (size_t i = 0; i < a->made->nflags; i++) {
		bool took;
		flag_word(s, arena, a->made->flags[i], i + 1 < a->made->nflags ? a->made->flags[i + 1] : NULL,
			  &took);
		i += took;
	}
	s->h->unknown_flags |= a->made->incomplete;
	s->h->lines[s->h->nlines++] = img->builds[a->build].loc.line;
	return s->opt > 0;
}

void bh_img_hardening_of(const bh_img *img, const bh_img_artifact *a, bh_arena *arena,
			 bh_img_hardening *out)
{
	memset(out, 0, sizeof(*out));
	flag_state s = { .h = out, .opt = -1 };
	out->optimised = a->made ? read_made(&s, img, a, arena) : read_lines(&s, img, a, arena);
	const bh_img_ref *base = bh_img_base_of(img, a->stage);
	out->defaults = bh_img_compiler_defaults(base);
	// Named as written, without a digest: the name says whose compiler.
	out->base = base->tag ? bh_arena_sprintf(arena, "%s%s%s:%s", base->registry ? base->registry : "",
						base->registry ? "/" : "", base->name, base->tag)
		  : bh_arena_sprintf(arena, "%s%s%s", base->registry ? base->registry : "",
				     base->registry ? "/" : "", base->name ? base->name : base->raw);
	if (s.ssp == 1 || (s.ssp == 0 && (out->defaults & BH_IMG_HARDEN_SSP)))
		out->present |= BH_IMG_HARDEN_SSP;
	bool fortify_default = (out->defaults & BH_IMG_HARDEN_FORTIFY) && s.fortify == 0;
	if ((s.fortify >= 2 || fortify_default) && out->optimised)
		out->present |= BH_IMG_HARDEN_FORTIFY;
	if ((s.pie_compile && s.pie_link) ||
	    (!s.no_pie && (out->defaults & BH_IMG_HARDEN_PIE)))
		out->present |= BH_IMG_HARDEN_PIE;
	if (out->defaults & BH_IMG_HARDEN_RELRO)
		out->present |= BH_IMG_HARDEN_RELRO;
	if (out->defaults & BH_IMG_HARDEN_NOW)
		out->present |= BH_IMG_HARDEN_NOW;
	if (out->defaults & BH_IMG_HARDEN_CLASH)
		out->present |= BH_IMG_HARDEN_CLASH;
	// A strip of the program (in any stage, by its path or its image path).
	for (size_t i = 0; i < img->nbuilds && !out->stripped; i++) {
		const bh_img_build_cmd *bd = &img->builds[i];
		bool strip = bd->kind == BH_IMG_BUILD_STRIP;
		bool install_s = bd->kind == BH_IMG_BUILD_INSTALL &&
				 (strcmp(bd->tool, "install") == 0);
		if (!strip && !install_s)
			continue;
		bool has_s = strip;
		for (size_t f = 0; install_s && f < bd->nflags; f++)
			has_s |= strcmp(bd->flags[f], "-s") == 0 || strcmp(bd->flags[f], "--strip") == 0;
		if (!has_s)
			continue;
		for (size_t k = 0; k < bd->ninputs; k++) {
			const char *p = bh_img__resolve(arena, bd->cwd, bd->inputs[k]);
			if (strcmp(p, a->path) == 0 || (a->image_path && strcmp(p, a->image_path) == 0))
				out->stripped = true;
		}
	}
}

const char *bh_img_harden_flag(unsigned bit)
{
	switch (bit) {
	case BH_IMG_HARDEN_SSP: return "-fstack-protector-strong";
	case BH_IMG_HARDEN_FORTIFY: return "-D_FORTIFY_SOURCE=2 with -O1 or more";
	case BH_IMG_HARDEN_PIE: return "-fPIE and -pie";
	case BH_IMG_HARDEN_RELRO: return "-Wl,-z,relro";
	case BH_IMG_HARDEN_NOW: return "-Wl,-z,now";
	case BH_IMG_HARDEN_CLASH: return "-fstack-clash-protection";
	case BH_IMG_HARDEN_CET: return "-fcf-protection";
	default: return "?";
	}
}
