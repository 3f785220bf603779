// SPDX-License-Identifier: MIT
// The image.* rules: what only shows once the code and the files of the
// build context are followed into the image (bh_img artifacts and
// provenance, the other rules' findings). Each check says what it detects,
// why it matters, where false positives come from and the fix; the same
// text is in rules/image/<id>.md.
//
// Program checks judge only programs that reach the target image: a test
// tool left in the builder stage is not what runs.
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bulkhead/arena.h"
#include "bulkhead/ctx.h"
#include "bulkhead/finding.h"
#include "bulkhead/img.h"
#include "bulkhead/ir.h"
#include "bulkhead/text.h"

typedef struct {
	const bh_img *img;
	const bh_findings *seen;  // findings of the other rules (secrets)
	size_t nseen;             // how many of them to consider
	bh_findings *out;
	bh_arena *arena;
	const char *made_from;    // "the rule at Makefile:4, run by " for a make-built program
} checker;

// At instruction `in`, or at the command `bd` of a RUN.
static bh_finding *report(checker *c, bh_rule_id rule, const bh_df_instr *in,
			  const bh_img_build_cmd *bd, const char *snippet, const char *message)
{
	bh_assert(bd || in);
	bh_loc loc = { c->img->dockerfile, bd ? bd->loc.line : in->loc.line,
		       bd ? bd->loc.col : in->loc.col, 0, 0 };
	bh_finding *fd = bh_finding_add(c->out, bh_rule_get(rule), loc, "%s", message);
	fd->snippet = bh_finding_normalize_snippet(c->arena, snippet, strlen(snippet));
	return fd;
}

// "a, b and c"
static const char *join_list(bh_arena *arena, const char *const *items, size_t n)
{
	const char *s = "";
	for (size_t i = 0; i < n; i++)
		s = bh_arena_sprintf(arena, "%s%s%s", s, i == 0 ? "" : i + 1 == n ? " and " : ", ",
				     items[i]);
	return s;
}

// ------------------------------------------------------------- programs

static const char *lines_text(bh_arena *arena, const checker *c, const bh_img_hardening *h)
{
	const char *s = c->made_from ? c->made_from : "";
	for (size_t i = 0; i < h->nlines; i++)
		s = bh_arena_sprintf(arena, "%s%s%s:%u", s, i ? ", " : "", c->img->dockerfile,
				     h->lines[i]);
	return s;
}

// The compiler defaults the message may lean on, said once.
static const char *defaults_text(bh_arena *arena, const bh_img_hardening *h)
{
	if (!h->base)
		return "";
	if (!h->defaults)
		return bh_arena_sprintf(arena, "; the compiler of base image '%s' enables none of them "
					"by default", h->base);
	const char *on[8];
	size_t n = 0;
	for (unsigned bit = 1; bit & BH_IMG_HARDEN_ALL; bit <<= 1)
		if (h->defaults & bit)
			on[n++] = bh_img_harden_flag(bit);
	return bh_arena_sprintf(arena, "; the compiler of base image '%s' enables only %s by default",
				h->base, join_list(arena, on, n));
}

// image.unhardened-binary: a shipped program whose compiler lines give it
// none of the protections that turn memory bugs into crashes instead of
// code execution, or turn them off. A line with an unknown `$VAR` may hold
// the flags: then only flags that turn protections off are reported.
static void check_unhardened(checker *c, const bh_img_artifact *a, const bh_img_hardening *h)
{
	const char *missing[8];
	size_t nmissing = 0;
	if (!h->unknown_flags)
		for (unsigned bit = 1; bit & BH_IMG_HARDEN_ALL; bit <<= 1)
			if (!(h->present & bit))
				missing[nmissing++] = bh_img_harden_flag(bit);
	if (!nmissing && !h->ndisabling)
		return;
	const char *what = a->image_path ? a->image_path : a->path;
	const char *msg = nmissing
		? bh_arena_sprintf(c->arena, "%s is built without %s (flags from %s%s)", what,
				   join_list(c->arena, missing, nmissing), lines_text(c->arena, c, h),
				   defaults_text(c->arena, h))
		: bh_arena_sprintf(c->arena, "%s is built with %s, which turn%s protections off "
				   "(flags from %s)", what,
				   join_list(c->arena, h->disabling, h->ndisabling),
				   h->ndisabling == 1 ? "s" : "", lines_text(c->arena, c, h));
	if (nmissing && h->ndisabling)
		msg = bh_arena_sprintf(c->arena, "%s; %s turn%s protections off", msg,
				       join_list(c->arena, h->disabling, h->ndisabling),
				       h->ndisabling == 1 ? "s" : "");
	const bh_img_build_cmd *link = &c->img->builds[a->build];
	report(c, BH_RULE_IMAGE_UNHARDENED_BINARY, NULL, link,
	       bh_arena_sprintf(c->arena, "unhardened %s", bh_sh_basename(a->path)), msg);
}

// image.debug-build-shipped: debug information that is not stripped
// (symbols and source paths for whoever pulls the image), an unoptimised
// build, or a sanitizer runtime (whose options can be set from the
// environment) in what the image runs.
static void check_debug(checker *c, const bh_img_artifact *a, const bh_img_hardening *h)
{
	const char *why[3];
	size_t n = 0;
	if (h->debug && !h->stripped)
		why[n++] = "debug information (-g) that is never stripped";
	if (!h->optimised && !h->unknown_flags)
		why[n++] = "no optimisation (no -O1 or more)";
	if (h->sanitize)
		why[n++] = bh_arena_sprintf(c->arena, "a sanitizer runtime (-fsanitize=%s)", h->sanitize);
	if (!n)
		return;
	const char *what = a->image_path ? a->image_path : a->path;
	report(c, BH_RULE_IMAGE_DEBUG_BUILD_SHIPPED, NULL, &c->img->builds[a->build],
	       bh_arena_sprintf(c->arena, "debug build %s", bh_sh_basename(a->path)),
	       bh_arena_sprintf(c->arena, "%s is shipped as a debug build: %s (flags from %s)",
				what, join_list(c->arena, why, n), lines_text(c->arena, c, h)));
}

// image.execstack: `-z execstack` makes the stack executable, undoing NX
// for every overflow in the program.
static void check_execstack(checker *c, const bh_img_artifact *a, const bh_img_hardening *h)
{
	if (!h->execstack)
		return;
	const char *what = a->image_path ? a->image_path : a->path;
	report(c, BH_RULE_IMAGE_EXECSTACK, NULL, &c->img->builds[a->build],
	       bh_arena_sprintf(c->arena, "execstack %s", bh_sh_basename(a->path)),
	       bh_arena_sprintf(c->arena, "%s is linked with -z execstack: its stack is executable, "
				"so a stack overflow can run injected code", what));
}

// image.fortify-ineffective: _FORTIFY_SOURCE needs glibc's checked
// functions and an optimising compile; with musl (which has no fortified
// headers of its own) or at -O0 the checks silently do not exist.
static void check_fortify(checker *c, const bh_img_artifact *a, const bh_img_hardening *h,
			  const char *target_libc)
{
	if (!h->fortify_requested)
		return;
	const char *what = a->image_path ? a->image_path : a->path;
	const char *why = NULL;
	if (target_libc && strcmp(target_libc, "musl") == 0)
		why = "the image's C library is musl, which has no _FORTIFY_SOURCE checks";
	else if (!h->optimised && !h->unknown_flags)
		why = "a compile line does not optimise (-O1 or more), and without optimisation "
		      "_FORTIFY_SOURCE adds no checks";
	if (!why)
		return;
	report(c, BH_RULE_IMAGE_FORTIFY_INEFFECTIVE, NULL, &c->img->builds[a->build],
	       bh_arena_sprintf(c->arena, "fortify %s", bh_sh_basename(a->path)),
	       bh_arena_sprintf(c->arena, "%s asks for -D_FORTIFY_SOURCE, but %s (flags from "
				"%s)", what, why, lines_text(c->arena, c, h)));
}

// --------------------------------------------------------------- files

static bool is_secret_rule(const bh_rule *rule)
{
	return strcmp(rule->domain, "secret") == 0;
}

// image.secret-in-layer: a file in which a secret rule found a credential
// is in the target image, or in a layer of it that a later RUN hides. The
// finding is on the instruction that puts it there; the secrets are its
// related locations (their values redacted as always).
static void check_secret_in_layer(checker *c)
{
	const bh_img_stage *t = &c->img->stages[c->img->target];
	for (size_t i = 0; i < t->nfiles; i++) {
		const bh_img_file *f = t->files[i];
		const bh_img_file *root = bh_img_file_root(f);
		if (root->origin != BH_IMG_FROM_CONTEXT || !f->instr)
			continue;
		const bh_finding *first = NULL;
		size_t count = 0;
		for (size_t k = 0; k < c->nseen; k++) {
			const bh_finding *s = &c->seen->items.items[k];
			if (is_secret_rule(s->rule) && s->loc.path && strcmp(s->loc.path, root->source) == 0) {
				first = first ? first : s;
				count++;
			}
		}
		if (!first)
			continue;
		const char *more = count > 1 ? bh_arena_sprintf(c->arena, " and %zu more", count - 1) : "";
		const char *msg = bh_arena_sprintf(
			c->arena, "%s puts '%s' into the image at %s; it holds %s (%s:%u)%s%s",
			bh_df_kind_name(f->instr->kind), root->source, f->path, first->rule->title,
			first->loc.path, first->loc.line, more,
			f->removed ? "; the RUN that deletes it later does not remove it from this layer"
				   : "");
		bh_finding *fd = report(c, BH_RULE_IMAGE_SECRET_IN_LAYER, f->instr, NULL,
					bh_arena_sprintf(c->arena, "%s -> %s", root->source, f->path), msg);
		for (size_t k = 0; k < c->nseen; k++) {
			const bh_finding *s = &c->seen->items.items[k];
			if (is_secret_rule(s->rule) && s->loc.path && strcmp(s->loc.path, root->source) == 0)
				bh_finding_add_related(c->out, fd, s->loc, s->message);
		}
	}
}

static bool is_source_file(const char *path)
{
	static const char *const suffixes[] = { ".c", ".h", ".o", ".a", ".cc", ".cpp", ".hpp" };
	for (size_t i = 0; i < BH_ARRAY_LEN(suffixes); i++)
		if (bh_str_ends_with(path, suffixes[i]))
			return true;
	const char *b = bh_sh_basename(path);
	return strcmp(b, "compile_commands.json") == 0 || strcmp(b, "CMakeCache.txt") == 0 ||
	       strstr(path, "CMakeFiles/") != NULL;
}

// The .git directory a context COPY of a directory sends along (Docker
// sends it unless .dockerignore names it; the inventory never lists it).
static void check_git_shipped(checker *c, bh_ctx *ctx)
{
	if (!ctx)
		return;
	for (size_t i = 0; i < c->img->ncopies; i++) {
		const bh_img_copy *cp = &c->img->copies[i];
		if (cp->from || cp->stage < 0 || !c->img->stages[cp->stage].layers_in_target)
			continue;
		for (size_t k = 0; k < cp->nsrcs; k++) {
			const bh_img_src *src = &cp->srcs[k];
			if (src->status != BH_IMG_SRC_OK || !src->is_dir)
				continue;
			const char *rel = strcmp(src->path, ".") == 0
				? ".git" : bh_arena_sprintf(c->arena, "%s/.git", src->path);
			struct stat st;
			const char *abs = bh_arena_sprintf(c->arena, "%s/%s", bh_ctx_root(ctx), rel);
			if (lstat(abs, &st) != 0 || !S_ISDIR(st.st_mode) ||
			    !bh_ctx_is_sent(ctx, c->img->dockerfile, rel))
				continue;
			report(c, BH_RULE_IMAGE_SOURCE_SHIPPED, cp->instr, NULL,
			       bh_arena_sprintf(c->arena, "git via %s", cp->instr->text ? cp->instr->text : ""),
			       bh_arena_sprintf(c->arena, "%s puts the repository's .git directory into the "
						"image at %s/.git (.dockerignore does not exclude it): its "
						"whole history, deleted secrets included",
						bh_df_kind_name(cp->instr->kind), cp->dest));
		}
	}
}

// image.source-shipped: one finding per instruction that puts C sources,
// objects or build databases into the target: the image then carries the
// code (and paths, flags, comments) that only the build needed.
static void check_source_shipped(checker *c)
{
	const bh_img_stage *t = &c->img->stages[c->img->target];
	for (size_t i = 0; i < t->nfiles; i++) {
		const bh_img_file *f = t->files[i];
		const bh_img_file *root = bh_img_file_root(f);
		if (root->origin != BH_IMG_FROM_CONTEXT || !f->instr || !is_source_file(root->source))
			continue;
		// Once per instruction: the first entry of it reports, with the count.
		bool earlier = false;
		for (size_t k = 0; k < i && !earlier; k++) {
			const bh_img_file *g = t->files[k];
			earlier = g->instr == f->instr &&
				  bh_img_file_root(g)->origin == BH_IMG_FROM_CONTEXT &&
				  is_source_file(bh_img_file_root(g)->source);
		}
		if (earlier)
			continue;
		size_t n = 0;
		for (size_t k = i; k < t->nfiles; k++) {
			const bh_img_file *g = t->files[k];
			n += g->instr == f->instr && bh_img_file_root(g)->origin == BH_IMG_FROM_CONTEXT &&
			     is_source_file(bh_img_file_root(g)->source);
		}
		const char *msg = n > 1
			? bh_arena_sprintf(c->arena, "%s puts %zu C sources or build files into the image, "
					   "'%s' at %s among them", bh_df_kind_name(f->instr->kind), n,
					   root->source, f->path)
			: bh_arena_sprintf(c->arena, "%s puts '%s' into the image at %s",
					   bh_df_kind_name(f->instr->kind), root->source, f->path);
		report(c, BH_RULE_IMAGE_SOURCE_SHIPPED, f->instr, NULL,
		       bh_arena_sprintf(c->arena, "sources via %s", f->instr->text ? f->instr->text : ""),
		       msg);
	}
}

static bool is_private_key_file(const checker *c, const char *ctx_path)
{
	for (size_t k = 0; k < c->nseen; k++) {
		const bh_finding *s = &c->seen->items.items[k];
		if (s->loc.path && strcmp(s->loc.path, ctx_path) == 0 && strstr(s->rule->id, "private-key"))
			return true;
	}
	const char *b = bh_sh_basename(ctx_path);
	return strcmp(b, "id_rsa") == 0 || strcmp(b, "id_ecdsa") == 0 || strcmp(b, "id_ed25519") == 0 ||
	       strcmp(b, "id_dsa") == 0 || bh_str_ends_with(b, ".key") ||
	       (bh_str_ends_with(b, ".pem") && strstr(b, "key"));
}

// Does a --chmod/chmod mode let users other than the owner and group read?
static bool others_can_read(const char *mode)
{
	if (!mode || !*mode)
		return false;
	if (mode[0] >= '0' && mode[0] <= '7') {
		char *end;
		long m = strtol(mode, &end, 8);
		return *end == '\0' && (m & 04);
	}
	// Symbolic: each clause `[ugoa]*[+=][rwxXst]*`, comma separated.
	for (const char *p = mode; *p;) {
		size_t len = strcspn(p, ",");
		size_t who = strspn(p, "ugoa");
		bool others = who == 0 || memchr(p, 'o', who) || memchr(p, 'a', who);
		if (others && who < len && (p[who] == '+' || p[who] == '=') &&
		    memchr(p + who + 1, 'r', len - who - 1))
			return true;
		p += len + (p[len] == ',');
	}
	return false;
}

// image.private-key-world-readable: a private key in the target whose
// mode (COPY --chmod, RUN chmod) lets every user of the container read it:
// any process compromised as another user gets the key.
static void check_key_modes(checker *c)
{
	const bh_img_stage *t = &c->img->stages[c->img->target];
	for (size_t i = 0; i < t->nfiles; i++) {
		const bh_img_file *f = t->files[i];
		const bh_img_file *root = bh_img_file_root(f);
		if (root->origin != BH_IMG_FROM_CONTEXT || !others_can_read(f->mode) ||
		    !is_private_key_file(c, root->source))
			continue;
		report(c, BH_RULE_IMAGE_PRIVATE_KEY_WORLD_READABLE, f->instr, NULL,
		       bh_arena_sprintf(c->arena, "key mode %s %s", f->mode, f->path),
		       bh_arena_sprintf(c->arena, "private key '%s' is shipped at %s with mode %s: every "
					"user in the container can read it", root->source, f->path,
					f->mode));
	}
}

// Does `text` use variable `name` ($NAME or ${NAME}, not $NAMEX)?
static bool uses_variable(const char *text, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = strchr(text, '$'); p; p = strchr(p + 1, '$')) {
		const char *v = p + 1 + (p[1] == '{');
		if (strncmp(v, name, n) != 0)
			continue;
		char after = v[n];
		bool word = (after >= 'A' && after <= 'Z') || (after >= 'a' && after <= 'z') ||
			    (after >= '0' && after <= '9') || after == '_';
		if (!word)
			return true;
	}
	return false;
}

// image.secret-in-build-arg: a build argument named like a secret, given
// no value in the Dockerfile (so it comes from `--build-arg`), used by a
// RUN of a stage whose layers ship. Docker records the build arguments a
// RUN used in the image history, value included: `docker history
// --no-trunc` shows them to anyone who pulls the image. A literal default
// is docker.secret-in-arg-env's finding.
static void check_build_args(checker *c)
{
	const bh_df_file *df = c->img->df;
	for (size_t s = 0; s < c->img->nstages; s++) {
		const bh_img_stage *st = &c->img->stages[s];
		if (!st->layers_in_target)
			continue;
		size_t end = st->first_instr + st->ninstr;
		for (size_t i = st->first_instr; i < end && i < df->ninstrs; i++) {
			const bh_df_instr *arg = &df->instrs[i];
			if (arg->kind != BH_DF_ARG)
				continue;
			for (size_t k = 0; k < arg->nkvs; k++) {
				const bh_df_kv *kv = &arg->kvs[k];
				if (kv->value || !bh_img_is_secret_name(kv->key))
					continue;
				for (size_t j = i + 1; j < end && j < df->ninstrs; j++) {
					const bh_df_instr *run = &df->instrs[j];
					if (run->kind != BH_DF_RUN || !run->text || !uses_variable(run->text, kv->key))
						continue;
					bh_finding *fd = report(
						c, BH_RULE_IMAGE_SECRET_IN_BUILD_ARG, run, NULL,
						bh_arena_sprintf(c->arena, "build arg %s in RUN", kv->key),
						bh_arena_sprintf(c->arena, "RUN in %s uses build argument %s: the "
								 "value given with --build-arg is recorded in the "
								 "image history", bh_img_stage_label(c->arena, c->img, (int)s),
								 kv->key));
					bh_finding_add_related(c->out, fd,
							       (bh_loc){ c->img->dockerfile, arg->loc.line,
									 arg->loc.col, 0, 0 },
							       "declared here without a value");
				}
			}
		}
	}
}

// ------------------------------------------------------ shell commands

// A base with no /bin/sh: scratch, distroless (but its :debug tags, which
// add busybox), and the target puts none there itself.
static const bh_img_ref *shell_less_base(const bh_img *img)
{
	const bh_img_ref *base = bh_img_base_of(img, img->target);
	if (base->symbolic)
		return NULL;
	bool distroless = base->name && strstr(base->name, "distroless") &&
			  !(base->tag && strstr(base->tag, "debug"));
	if (!base->scratch && !distroless)
		return NULL;
	const bh_img_stage *t = &img->stages[img->target];
	for (size_t i = 0; i < t->nfiles; i++)
		if (strcmp(t->files[i]->path, "/bin/sh") == 0 || strcmp(t->files[i]->path, "/bin/busybox") == 0)
			return NULL;
	return base;
}

static bool calls_shell(const bh_ir_instr *in)
{
	if (in->op != BH_IR_CALL || in->callee.kind != BH_IR_OPND_FUNC || !in->callee.str)
		return false;
	const char *name = in->callee.str;
	if (strcmp(name, "system") == 0 || strcmp(name, "popen") == 0)
		return true;
	if (strncmp(name, "exec", 4) != 0 || !in->nargs || in->args[0].kind != BH_IR_OPND_STR ||
	    !in->args[0].str)
		return false;
	const char *prog = in->args[0].str;
	return strcmp(prog, "/bin/sh") == 0 || strcmp(prog, "sh") == 0 || strcmp(prog, "/bin/bash") == 0;
}

void bh_image_shell_calls(const bh_ir_program *program, bh_arena *arena, bh_img_shell_calls *out)
{
	for (size_t u = 0; u < program->units.len; u++)
		for (const bh_ir_func *fn = program->units.items[u].first; fn; fn = fn->next) {
			bh_ir_func_acquire(fn);
			for (uint32_t b = 0; b < fn->nblocks; b++)
				for (uint32_t j = 0; j < fn->blocks[b].ninstrs; j++) {
					const bh_ir_instr *in = &fn->blocks[b].instrs[j];
					if (!calls_shell(in) || !in->loc.path)
						continue;
					bh_img_shell_call call = { in->loc, bh_arena_strdup(arena, in->callee.str),
								   bh_arena_strdup(arena, fn->name) };
					call.loc.path = bh_arena_strdup(arena, in->loc.path);
					bh_vec_push(out, call);
				}
			bh_ir_func_release(fn);
		}
}

// image.shell-call-without-shell: system() and popen() run /bin/sh -c; in
// an image without a shell they fail (system returns 127) and the program
// goes down its error path, or worse assumes success.
static void check_shell_calls(checker *c, const bh_img_shell_calls *calls)
{
	const bh_img_ref *base = calls && calls->len ? shell_less_base(c->img) : NULL;
	if (!base)
		return;
	for (size_t i = 0; i < calls->len; i++) {
		const bh_img_shell_call *call = &calls->items[i];
		// The most exposed shipped program the call is compiled into.
		const bh_img_artifact *in = NULL;
		for (size_t k = 0; k < c->img->nartifacts; k++) {
			const bh_img_artifact *a = &c->img->artifacts[k];
			if (a->shipped != BH_IMG_SHIP_YES || (in && in->entrypoint))
				continue;
			for (size_t s = 0; s < a->nsources; s++)
				if (strcmp(a->sources[s], call->loc.path) == 0)
					in = a;
		}
		if (!in)
			continue;
		bh_finding *fd = bh_finding_add(c->out, bh_rule_get(BH_RULE_IMAGE_SHELL_CALL_WITHOUT_SHELL),
						call->loc,
						"%s() runs a shell, but %s ships in an image FROM %s, which "
						"has no /bin/sh: the call fails at run time",
						call->callee, in->image_path, base->raw);
		fd->function = call->function;
		fd->snippet = bh_arena_sprintf(c->arena, "%s() in %s", call->callee, call->function);
	}
}

// docker.secret-file-layer judges a copied file by its name; where a
// secret rule read the file and image.secret-in-layer reports the same
// instruction with what the file holds, that finding is the one kept.
static void drop_name_only_duplicates(bh_findings *f)
{
	size_t out = 0;
	for (size_t i = 0; i < f->items.len; i++) {
		const bh_finding *fd = &f->items.items[i];
		bool dup = false;
		for (size_t k = 0; k < f->items.len && fd->rule->index == BH_RULE_DOCKER_SECRET_FILE_LAYER && !dup; k++) {
			const bh_finding *o = &f->items.items[k];
			dup = o->rule->index == BH_RULE_IMAGE_SECRET_IN_LAYER &&
			      strcmp(o->loc.path, fd->loc.path) == 0 && o->loc.line == fd->loc.line;
		}
		if (!dup)
			f->items.items[out++] = *fd;
	}
	f->items.len = out;
}

void bh_image_check(bh_img *const *images, size_t nimages, bh_ctx *ctx,
		    const bh_img_shell_calls *calls, bh_findings *findings)
{
	size_t nseen = findings->items.len;
	for (size_t k = 0; k < nimages; k++) {
		const bh_img *img = images[k];
		if (!img || img->target < 0)
			continue;
		checker c = { img, findings, nseen, findings, findings->arena, NULL };
		// (Findings are appended to the list that `seen` reads: only
		// the first nseen, which do not move, are read.)
		const char *libc = bh_img_libc(bh_img_base_of(img, img->target));
		for (size_t i = 0; i < img->nartifacts; i++) {
			const bh_img_artifact *a = &img->artifacts[i];
			if (a->shipped != BH_IMG_SHIP_YES)
				continue;
			bh_img_hardening h;
			bh_img_hardening_of(img, a, c.arena, &h);
			const bh_img_build_cmd *bd = &img->builds[a->build];
			c.made_from = a->made && bd->build_file
				? bh_arena_sprintf(c.arena, "%s:%u, run by %s at ", bd->build_file,
						   a->made->line, bd->tool)
				: NULL;
			check_unhardened(&c, a, &h);
			check_debug(&c, a, &h);
			check_execstack(&c, a, &h);
			check_fortify(&c, a, &h, libc);
		}
		check_secret_in_layer(&c);
		check_build_args(&c);
		check_source_shipped(&c);
		check_git_shipped(&c, ctx);
		check_key_modes(&c);
		check_shell_calls(&c, calls);
	}
	drop_name_only_duplicates(findings);
}
