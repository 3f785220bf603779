// SPDX-License-Identifier: MIT
// Image model helpers: image references, paths, names and lookups shared by
// the builder (img_build.c), the printer and the docker.* rules.
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "img_internal.h"

const char *bh_img_origin_name(bh_img_origin origin)
{
	switch (origin) {
	case BH_IMG_FROM_CONTEXT: return "context";
	case BH_IMG_FROM_STAGE: return "stage";
	case BH_IMG_FROM_IMAGE: return "image";
	case BH_IMG_FROM_URL: return "url";
	case BH_IMG_FROM_HEREDOC: return "heredoc";
	case BH_IMG_FROM_RUN: return "run";
	}
	return "?";
}

const char *bh_img_build_kind_name(bh_img_build_kind kind)
{
	static const char *const names[] = { "cc", "make", "cmake", "meson", "ninja",
					     "configure", "install", "strip", "chmod",
					     "setcap", "rm" };
	return (size_t)kind < BH_ARRAY_LEN(names) ? names[kind] : "?";
}

const bh_img_file *bh_img_file_root(const bh_img_file *f)
{
	// Chains are acyclic (each link points into an earlier stage or an
	// earlier entry), but a bound keeps a corrupted model from looping.
	for (int i = 0; f && f->prev && i < 1000; i++)
		f = f->prev;
	return f;
}

// reference = [ registry "/" ] path [ ":" tag ] [ "@" digest ]
// The first component is a registry when it has a '.' or ':' or is
// "localhost" (the rule of distribution/reference).
void bh_img_ref_parse(bh_img_ref *out, bh_arena *arena, const char *text, bool symbolic)
{
	memset(out, 0, sizeof(*out));
	out->raw = bh_arena_strdup(arena, text);
	out->symbolic = symbolic;
	char *s = bh_arena_strdup(arena, text);
	char *at = strchr(s, '@');
	if (at) {
		*at = '\0';
		out->digest = at + 1;
	}
	char *slash = strchr(s, '/');
	if (slash) {
		size_t n = (size_t)(slash - s);
		if (memchr(s, '.', n) || memchr(s, ':', n) || (n == 9 && strncmp(s, "localhost", 9) == 0)) {
			*slash = '\0';
			out->registry = s;
			s = slash + 1;
		}
	}
	char *last_slash = strrchr(s, '/');
	char *colon = strrchr(last_slash ? last_slash : s, ':');
	if (colon) {
		*colon = '\0';
		out->tag = colon + 1;
	}
	out->name = s;
	out->scratch = !out->registry && strcasecmp(s, "scratch") == 0 && !out->tag && !out->digest;
}

int bh_img_stage_find(const bh_img *img, const char *name)
{
	if (!name || !*name)
		return -1;
	for (size_t i = 0; i < img->nstages; i++)
		if (img->stages[i].name && strcasecmp(img->stages[i].name, name) == 0)
			return (int)i;
	char *end;
	long n = strtol(name, &end, 10);
	if (!*end && isdigit((unsigned char)name[0]) && n >= 0 && (size_t)n < img->nstages)
		return (int)n;
	return -1;
}

const char *bh_img_stage_label(bh_arena *arena, const bh_img *img, int stage)
{
	if (stage < 0 || (size_t)stage >= img->nstages)
		return "no stage";
	if (img->stages[stage].name)
		return bh_arena_sprintf(arena, "stage '%s'", img->stages[stage].name);
	return bh_arena_sprintf(arena, "stage %d", stage);
}

// `C:\app` or `c:/app`: a Windows path, kept as written (no cleaning).
static bool is_windows_path(const char *p)
{
	return ((p[0] >= 'A' && p[0] <= 'Z') || (p[0] >= 'a' && p[0] <= 'z')) && p[1] == ':' &&
	       (p[2] == '\\' || p[2] == '/' || p[2] == '\0');
}

const char *bh_img__clean_abs(bh_arena *arena, const char *path, bool keep_slash)
{
	if (is_windows_path(path))
		return bh_arena_strdup(arena, path);
	size_t n = strlen(path);
	char *out = bh_arena_alloc(arena, n + 2);
	size_t len = 0;
	const char *p = path;
	while (*p) {
		while (*p == '/')
			p++;
		if (!*p)
			break;
		const char *e = strchr(p, '/');
		size_t cl = e ? (size_t)(e - p) : strlen(p);
		if (cl == 1 && p[0] == '.') {
			// skip
		} else if (cl == 2 && p[0] == '.' && p[1] == '.') {
			while (len > 0 && out[len - 1] != '/')
				len--;
			if (len > 0)
				len--; // drop the '/'
		} else {
			out[len++] = '/';
			memcpy(out + len, p, cl);
			len += cl;
		}
		p += cl;
	}
	if (len == 0)
		out[len++] = '/';
	else if (keep_slash && n > 0 && path[n - 1] == '/')
		out[len++] = '/';
	out[len] = '\0';
	return out;
}

const char *bh_img__resolve(bh_arena *arena, const char *cwd, const char *path)
{
	if (path[0] == '/' || is_windows_path(path))
		return bh_img__clean_abs(arena, path, false);
	if (cwd && is_windows_path(cwd))
		return bh_arena_sprintf(arena, "%s\\%s", cwd, path);
	return bh_img__clean_abs(arena, bh_arena_sprintf(arena, "%s/%s", cwd ? cwd : "/", path),
				 false);
}

void bh_img_run_position(const bh_df_file *df, const bh_img_run *run, size_t offset,
			 uint32_t *line, uint32_t *col)
{
	if (!run->text || offset < run->body_off) {
		bh_df_instr_position(df, run->instr, run->arg_off + (run->text ? offset : 0), line, col);
		return;
	}
	// Heredoc lines are contiguous in the file after the instruction.
	uint32_t l = run->body_line;
	size_t start = run->body_off;
	for (size_t i = run->body_off; i < offset && run->text[i]; i++) {
		if (run->text[i] == '\n') {
			l++;
			start = i + 1;
		}
	}
	*line = l;
	*col = (uint32_t)(offset - start + 1);
}

// A name is split into components at '_', '-', '.' and case changes are
// ignored; a secret word must be a whole component (PASS, not PASSAGE) or a
// known compound (APIKEY, PASSWD).
bool bh_img_is_secret_name(const char *name)
{
	char buf[128];
	size_t n = strlen(name);
	if (n == 0 || n >= sizeof(buf))
		return false;
	for (size_t i = 0; i <= n; i++)
		buf[i] = (char)toupper((unsigned char)name[i]);
	// Public data or pointers to secrets, not secrets.
	static const char *const public_words[] = { "GPG", "PGP", "PUBLIC", "PUBKEY", "KEYSERVER",
						    "KEYRING", "FINGERPRINT", "CHECKSUM", "SHA256",
						    "SHA512", "SHA", "ID" };
	static const char *const pointer_suffixes[] = { "_FILE", "_PATH", "_DIR", "_URL", "_URI",
							"_HOST", "_PORT", "_ENABLED", "_LENGTH", "_TTL",
							"_TYPE", "_NAME", "_USER", "_USERNAME", "_ID" };
	for (size_t i = 0; i < BH_ARRAY_LEN(pointer_suffixes); i++) {
		size_t m = strlen(pointer_suffixes[i]);
		if (n > m && strcmp(buf + n - m, pointer_suffixes[i]) == 0)
			return false;
	}
	static const char *const words[] = { "PASSWORD", "PASSWD", "PASS", "PWD", "SECRET",
					     "SECRETS", "TOKEN", "APIKEY", "CREDENTIALS",
					     "CREDENTIAL", "PRIVATE", "AUTH", "KEY", "PASSPHRASE" };
	bool secret = false, is_public = false;
	for (char *tok = buf; *tok;) {
		size_t len = strcspn(tok, "_-.");
		char save = tok[len];
		tok[len] = '\0';
		for (size_t i = 0; i < BH_ARRAY_LEN(words); i++)
			if (strcmp(tok, words[i]) == 0)
				secret = true;
		for (size_t i = 0; i < BH_ARRAY_LEN(public_words); i++)
			if (strcmp(tok, public_words[i]) == 0)
				is_public = true;
		// Compounds written without separators: DBPASSWORD, GITHUBTOKEN.
		if (len > 8 && (strstr(tok, "PASSWORD") || strstr(tok, "TOKEN") || strstr(tok, "SECRET")))
			secret = true;
		tok[len] = save;
		tok += len;
		if (*tok)
			tok++;
	}
	// PWD is the working directory in shells.
	if (strcmp(buf, "PWD") == 0 || strcmp(buf, "OLDPWD") == 0)
		return false;
	return secret && !is_public;
}
