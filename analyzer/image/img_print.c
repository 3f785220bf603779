// SPDX-License-Identifier: MIT
// `bulkhead image`: prints the image model as a bill of lading (text), as
// JSON for tools, or as a Graphviz graph of the stages (dot). The last
// stage of the pipeline for this command; the CLI only opens the context
// and calls bh_img_print.
//
// Secret-looking ENV values are printed redacted (bh_finding_redact): a
// secret is never printed whole in any output. JSON is written by hand
// here because jansson handles belong to bh_report.
#include <stdio.h>
#include <string.h>

#include "bulkhead/finding.h"
#include "img_internal.h"

// --------------------------------------------------------------- helpers

static void json_str(FILE *out, const char *s)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\t': fputs("\\t", out); break;
		default:
			if (*p < 0x20)
				fprintf(out, "\\u%04x", *p);
			else
				fputc(*p, out);
		}
	}
	fputc('"', out);
}

static void json_strs(FILE *out, const char *const *v, size_t n)
{
	fputc('[', out);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputs(", ", out);
		json_str(out, v[i]);
	}
	fputc(']', out);
}

// What to show for an ENV value: redacted when the name suggests a secret.
static const char *shown_value(bh_arena *arena, const char *name, const char *value)
{
	if (!value)
		return "(unknown)";
	if (bh_img_is_secret_name(name) && *value && !strchr(value, '$'))
		return bh_finding_redact(arena, value, strlen(value));
	return value;
}

static const char *stage_name(bh_arena *arena, const bh_img *img, int i)
{
	return bh_img_stage_label(arena, img, i);
}

// One line describing where a file's content really comes from.
static const char *describe_origin(bh_arena *arena, const bh_img *img, const bh_img_file *f)
{
	const char *via = "";
	const bh_img_file *root = f;
	for (int guard = 0; root->prev && guard < 1000; guard++) {
		if (root->origin == BH_IMG_FROM_STAGE)
			via = bh_arena_sprintf(arena, "%s via %s %s", via, stage_name(arena, img, root->stage),
					       root->source);
		root = root->prev;
	}
	const char *what;
	switch (root->origin) {
	case BH_IMG_FROM_CONTEXT:
		what = bh_arena_sprintf(arena, "context %s", root->source);
		break;
	case BH_IMG_FROM_STAGE:
		what = bh_arena_sprintf(arena, "%s %s (not produced by a recognised step)",
					stage_name(arena, img, root->stage), root->source);
		break;
	case BH_IMG_FROM_RUN:
		if (root->build >= 0 && (size_t)root->build < img->nbuilds) {
			const bh_img_build_cmd *bd = &img->builds[root->build];
			what = bh_arena_sprintf(arena, "built by %s at %s:%u", bd->tool, img->dockerfile,
						bd->loc.line);
		} else {
			what = bh_arena_sprintf(arena, "written by RUN at %s:%u", img->dockerfile,
						root->instr ? root->instr->loc.line : 0);
		}
		break;
	default:
		what = bh_arena_sprintf(arena, "%s %s", bh_img_origin_name(root->origin), root->source);
	}
	return bh_arena_sprintf(arena, "%s%s", what, via);
}

// ------------------------------------------------------------------- text

static void print_argv(FILE *out, const char *const *argv, size_t argc)
{
	fputc('[', out);
	for (size_t i = 0; i < argc; i++) {
		if (i)
			fputs(", ", out);
		json_str(out, argv[i]);
	}
	fputc(']', out);
}

static const char *user_text(bh_arena *arena, const bh_img_stage *st)
{
	if (!st->user)
		return st->base.scratch ? "root (scratch has no users; uid 0)"
		       : "not set: the base image's default (root unless the base sets USER)";
	return bh_arena_sprintf(arena, "%s%s", st->user,
				st->user_root == 1 ? " (root)" : st->user_root == -1 ? " (unknown)" : "");
}

static const char *const *program_flags(const bh_img *img, const bh_img_artifact *a, size_t *n)
{
	if (a->made) {
		*n = a->made->nflags;
		return a->made->flags;
	}
	*n = img->builds[a->build].nflags;
	return img->builds[a->build].flags;
}

static void print_text(FILE *out, bh_arena *arena, const bh_img *img)
{
	fprintf(out, "image model of %s\n", img->dockerfile);
	if (img->target < 0) {
		fputs("no build stages (no FROM instruction)\n", out);
		return;
	}
	fprintf(out, "target: %s%s\n", stage_name(arena, img, img->target),
		img->target_name ? " (--target)" : " (last stage)");
	for (size_t i = 0; i < img->nstages; i++) {
		const bh_img_stage *st = &img->stages[i];
		fprintf(out, "\nstage %zu%s%s%s: FROM %s", i, st->name ? " '" : "",
			st->name ? st->name : "", st->name ? "'" : "", st->base.raw);
		if (st->base_stage >= 0)
			fprintf(out, " (stage %d)", st->base_stage);
		else if (st->base.scratch)
			fputs(" (empty image)", out);
		else if (!st->base.tag && !st->base.digest)
			fputs(" (no tag: latest)", out);
		fprintf(out, "  [%s:%u]", img->dockerfile, st->from->loc.line);
		fprintf(out, "%s\n", st->is_target ? "  target" : st->in_target
			? (st->layers_in_target ? "  base of the target" : "  copied from by the target")
			: "  not used by the target");
		if (st->platform)
			fprintf(out, "  platform    %s\n", st->platform);
		for (size_t c = 0; c < img->ncopies; c++) {
			const bh_img_copy *cp = &img->copies[c];
			if (cp->stage != (int)i)
				continue;
			fprintf(out, "  %s:%u %s", img->dockerfile, cp->instr->loc.line,
				bh_df_kind_name(cp->instr->kind));
			if (cp->from)
				fprintf(out, " --from=%s", cp->from);
			for (size_t s = 0; s < cp->nsrcs; s++) {
				const bh_img_src *src = &cp->srcs[s];
				fprintf(out, " %s", src->path);
				if (src->status == BH_IMG_SRC_OK && src->is_dir)
					fprintf(out, " (%zu file%s)", src->nfiles, src->nfiles == 1 ? "" : "s");
				else if (src->status == BH_IMG_SRC_EXCLUDED)
					fputs(" (excluded by .dockerignore)", out);
				else if (src->status == BH_IMG_SRC_MISSING)
					fputs(" (not in the context)", out);
				else if (src->status == BH_IMG_SRC_SYMBOLIC)
					fputs(" (unknown: depends on a variable)", out);
				if (src->nexcluded && src->status == BH_IMG_SRC_OK)
					fprintf(out, " (%zu excluded)", src->nexcluded);
			}
			fprintf(out, " -> %s\n", cp->dest ? cp->dest : "?");
		}
		for (size_t k = 0; k < st->nbuilds; k++) {
			const bh_img_build_cmd *bd = &img->builds[st->builds[k]];
			fprintf(out, "  %s:%u %s (%s)", img->dockerfile, bd->loc.line, bd->tool,
				bh_img_build_kind_name(bd->kind));
			if (bd->kind == BH_IMG_BUILD_CC)
				fprintf(out, " %zu input%s", bd->ninputs, bd->ninputs == 1 ? "" : "s");
			if (bd->output)
				fprintf(out, " -> %s", bd->output);
			fputc('\n', out);
		}
		for (size_t r = 0; r < img->nruns; r++) {
			const bh_img_run *run = &img->runs[r];
			for (size_t k = 0; run->stage == (int)i && k < run->nsecrets; k++)
				fprintf(out, "  %s:%u secret mount %s%s -> %s\n", img->dockerfile,
					run->instr->loc.line, run->secrets[k].type,
					run->secrets[k].id ? bh_arena_sprintf(arena, " id=%s", run->secrets[k].id) : "",
					run->secrets[k].env ? bh_arena_sprintf(arena, "$%s", run->secrets[k].env)
					: run->secrets[k].target ? run->secrets[k].target : "?");
		}
	}

	const bh_img_stage *t = &img->stages[img->target];
	fprintf(out, "\nfinal image (%s)\n", stage_name(arena, img, img->target));
	fprintf(out, "  user         %s\n", user_text(arena, t));
	fprintf(out, "  workdir      %s\n", t->workdir);
	fputs("  ports       ", out);
	if (!t->nports)
		fputs(" none", out);
	for (size_t i = 0; i < t->nports; i++)
		fprintf(out, " %s", t->ports[i]);
	fputc('\n', out);
	fputs("  runs         ", out);
	if (t->argc)
		print_argv(out, t->argv, t->argc);
	else
		fputs("nothing set (the base image's default)", out);
	fputc('\n', out);
	if (t->exe)
		fprintf(out, "  executable   %s <- %s\n", t->exe,
			t->exe_file ? describe_origin(arena, img, t->exe_file) : "not placed by this Dockerfile");
	fprintf(out, "  healthcheck  %s\n", t->healthcheck_none ? "disabled (HEALTHCHECK NONE)"
		: t->healthcheck ? bh_arena_sprintf(arena, "%s:%u", img->dockerfile,
						    t->healthcheck->loc.line)
		: "none");
	for (size_t i = 0; i < t->nenv; i++)
		fprintf(out, "  env          %s=%s\n", t->env[i].name,
			shown_value(arena, t->env[i].name, t->env[i].value));
	size_t nctx = 0;
	for (size_t i = 0; i < t->nfiles; i++) {
		const bh_img_file *root = bh_img_file_root(t->files[i]);
		if (root->origin == BH_IMG_FROM_CONTEXT)
			nctx++;
	}
	fprintf(out, "\ncontext files in the final image: %zu\n", nctx);
	for (size_t i = 0; i < t->nfiles; i++) {
		const bh_img_file *f = t->files[i];
		if (bh_img_file_root(f)->origin != BH_IMG_FROM_CONTEXT)
			continue;
		fprintf(out, "  %s <- %s%s\n", f->path, describe_origin(arena, img, f),
			f->removed ? " (removed later; still in a layer)" : "");
	}
	fprintf(out, "\nother files placed in the final image: %zu\n", t->nfiles - nctx);
	for (size_t i = 0; i < t->nfiles; i++) {
		const bh_img_file *f = t->files[i];
		if (bh_img_file_root(f)->origin == BH_IMG_FROM_CONTEXT)
			continue;
		fprintf(out, "  %s <- %s%s\n", f->path, describe_origin(arena, img, f),
			f->removed ? " (removed later; still in a layer)" : "");
	}
	fprintf(out, "\nprograms built: %zu\n", img->nartifacts);
	for (size_t i = 0; i < img->nartifacts; i++) {
		const bh_img_artifact *a = &img->artifacts[i];
		fprintf(out, "  %s (%s, %s:%u)\n", a->path, stage_name(arena, img, a->stage),
			img->dockerfile, img->builds[a->build].loc.line);
		for (size_t k = 0; k < a->nsources; k++)
			fprintf(out, "    <- %s\n", a->sources[k]);
		// The flags that decide its hardening: the build file's for a
		// make/cmake/meson program, else its link line's.
		bh_img_hardening h;
		bh_img_hardening_of(img, a, arena, &h);
		size_t nflags;
		const char *const *flags = program_flags(img, a, &nflags);
		fputs("    flags:", out);
		for (size_t k = 0; k < nflags; k++)
			fprintf(out, " %s", flags[k]);
		fputs(h.unknown_flags ? " (and some that could not be read)\n" : "\n", out);
		if (a->shipped == BH_IMG_SHIP_YES)
			fprintf(out, "    shipped: %s%s\n", a->image_path,
				a->entrypoint ? ", the entrypoint" : "");
		else
			fprintf(out, "    shipped: %s: %s\n", bh_img_ship_name(a->shipped), a->why);
	}
	if (img->truncated)
		fputs("\n(incomplete: a limit was reached; see the diagnostics)\n", out);
}

// ------------------------------------------------------------------- JSON

static void print_json(FILE *out, bh_arena *arena, const bh_img *img)
{
	fputs("{\n  \"dockerfile\": ", out);
	json_str(out, img->dockerfile);
	fprintf(out, ",\n  \"target\": %d,\n  \"truncated\": %s,\n  \"stages\": [", img->target,
		img->truncated ? "true" : "false");
	for (size_t i = 0; i < img->nstages; i++) {
		const bh_img_stage *st = &img->stages[i];
		fprintf(out, "%s\n    {\"index\": %zu, \"name\": ", i ? "," : "", i);
		json_str(out, st->name);
		fprintf(out, ", \"line\": %u, \"base\": {\"raw\": ", st->from->loc.line);
		json_str(out, st->base.raw);
		fputs(", \"registry\": ", out);
		json_str(out, st->base.registry);
		fputs(", \"name\": ", out);
		json_str(out, st->base.name);
		fputs(", \"tag\": ", out);
		json_str(out, st->base.tag);
		fputs(", \"digest\": ", out);
		json_str(out, st->base.digest);
		fprintf(out, ", \"symbolic\": %s, \"stage\": %d}", st->base.symbolic ? "true" : "false",
			st->base_stage);
		fputs(", \"platform\": ", out);
		json_str(out, st->platform);
		fprintf(out, ",\n     \"is_target\": %s, \"in_target\": %s, \"layers_in_target\": %s",
			st->is_target ? "true" : "false", st->in_target ? "true" : "false",
			st->layers_in_target ? "true" : "false");
		fputs(",\n     \"user\": ", out);
		json_str(out, st->user);
		fprintf(out, ", \"user_is_root\": %s, \"workdir\": ",
			st->user_root == 1 ? "true" : st->user_root == 0 ? "false" : "null");
		json_str(out, st->workdir);
		fputs(", \"ports\": ", out);
		json_strs(out, st->ports, st->nports);
		fputs(",\n     \"entrypoint\": ", out);
		json_strs(out, st->entrypoint, st->nentrypoint);
		fputs(", \"cmd\": ", out);
		json_strs(out, st->cmd, st->ncmd);
		fputs(", \"argv\": ", out);
		json_strs(out, st->argv, st->argc);
		fputs(", \"executable\": ", out);
		json_str(out, st->exe);
		fputs(",\n     \"healthcheck\": ", out);
		json_str(out, st->healthcheck_none ? "none" : st->healthcheck ? "cmd" : NULL);
		fputs(", \"deps\": [", out);
		for (size_t k = 0; k < st->ndeps; k++)
			fprintf(out, "%s%d", k ? ", " : "", st->deps[k]);
		fputs("], \"env\": {", out);
		for (size_t k = 0; k < st->nenv; k++) {
			fputs(k ? ", " : "", out);
			json_str(out, st->env[k].name);
			fputs(": ", out);
			json_str(out, st->env[k].value ? shown_value(arena, st->env[k].name,
								      st->env[k].value) : NULL);
		}
		fputs("},\n     \"builds\": [", out);
		for (size_t k = 0; k < st->nbuilds; k++) {
			const bh_img_build_cmd *bd = &img->builds[st->builds[k]];
			fprintf(out, "%s\n       {\"line\": %u, \"kind\": \"%s\", \"tool\": ", k ? "," : "",
				bd->loc.line, bh_img_build_kind_name(bd->kind));
			json_str(out, bd->tool);
			fputs(", \"cwd\": ", out);
			json_str(out, bd->cwd);
			fputs(", \"inputs\": ", out);
			json_strs(out, bd->inputs, bd->ninputs);
			fputs(", \"output\": ", out);
			json_str(out, bd->output);
			fputs(", \"flags\": ", out);
			json_strs(out, bd->flags, bd->nflags);
			fputs(", \"env\": ", out);
			json_strs(out, bd->env, bd->nenv);
			fputc('}', out);
		}
		fputs("],\n     \"files\": [", out);
		for (size_t k = 0; k < st->nfiles; k++) {
			const bh_img_file *f = st->files[k];
			const bh_img_file *root = bh_img_file_root(f);
			fprintf(out, "%s\n       {\"path\": ", k ? "," : "");
			json_str(out, f->path);
			fprintf(out, ", \"origin\": \"%s\", \"source\": ", bh_img_origin_name(f->origin));
			json_str(out, f->source);
			fprintf(out, ", \"stage\": %d, \"root_origin\": \"%s\", \"root_source\": ", f->stage,
				bh_img_origin_name(root->origin));
			json_str(out, root->source);
			fprintf(out, ", \"line\": %u, \"removed\": %s, \"mode\": ",
				f->instr ? f->instr->loc.line : 0, f->removed ? "true" : "false");
			json_str(out, f->mode);
			fputc('}', out);
		}
		fputs("]}", out);
	}
	fputs("\n  ],\n  \"copies\": [", out);
	for (size_t c = 0; c < img->ncopies; c++) {
		const bh_img_copy *cp = &img->copies[c];
		fprintf(out, "%s\n    {\"line\": %u, \"stage\": %d, \"instruction\": \"%s\", \"from\": ",
			c ? "," : "", cp->instr->loc.line, cp->stage, bh_df_kind_name(cp->instr->kind));
		json_str(out, cp->from);
		fprintf(out, ", \"from_stage\": %d, \"dest\": ", cp->from_stage);
		json_str(out, cp->dest);
		fputs(", \"sources\": [", out);
		static const char *const status[] = { "ok", "excluded", "missing", "symbolic", "url",
						      "heredoc", "stage" };
		for (size_t s = 0; s < cp->nsrcs; s++) {
			fputs(s ? ", {\"path\": " : "{\"path\": ", out);
			json_str(out, cp->srcs[s].path);
			fprintf(out, ", \"status\": \"%s\", \"files\": %zu, \"excluded\": %zu}",
				status[cp->srcs[s].status], cp->srcs[s].nfiles, cp->srcs[s].nexcluded);
		}
		fputs("]}", out);
	}
	fputs("\n  ],\n  \"context_files_in_image\": [", out);
	size_t n = 0;
	if (img->target >= 0) {
		const bh_img_stage *t = &img->stages[img->target];
		for (size_t i = 0; i < t->nfiles; i++) {
			const bh_img_file *root = bh_img_file_root(t->files[i]);
			if (root->origin != BH_IMG_FROM_CONTEXT)
				continue;
			fputs(n++ ? ",\n    {\"context\": " : "\n    {\"context\": ", out);
			json_str(out, root->source);
			fputs(", \"image\": ", out);
			json_str(out, t->files[i]->path);
			fprintf(out, ", \"removed\": %s}", t->files[i]->removed ? "true" : "false");
		}
	}
	fputs("\n  ],\n  \"programs\": [", out);
	for (size_t i = 0; i < img->nartifacts; i++) {
		const bh_img_artifact *a = &img->artifacts[i];
		fprintf(out, "%s\n    {\"path\": ", i ? "," : "");
		json_str(out, a->path);
		fprintf(out, ", \"stage\": %d, \"line\": %u, \"sources\": ", a->stage,
			img->builds[a->build].loc.line);
		json_strs(out, a->sources, a->nsources);
		size_t nflags;
		const char *const *flags = program_flags(img, a, &nflags);
		fputs(", \"flags\": ", out);
		json_strs(out, flags, nflags);
		fprintf(out, ", \"shipped\": \"%s\", \"image_path\": ", bh_img_ship_name(a->shipped));
		json_str(out, a->image_path);
		fprintf(out, ", \"entrypoint\": %s, \"reason\": ", a->entrypoint ? "true" : "false");
		json_str(out, a->why);
		fputc('}', out);
	}
	fputs("\n  ]\n}\n", out);
}

// -------------------------------------------------------------------- dot

static void print_dot(FILE *out, bh_arena *arena, const bh_img *img)
{
	fputs("digraph image {\n  rankdir=LR;\n  node [shape=box];\n", out);
	fputs("  context [label=\"build context\", shape=folder];\n", out);
	for (size_t i = 0; i < img->nstages; i++) {
		const bh_img_stage *st = &img->stages[i];
		fprintf(out, "  s%zu [label=", i);
		json_str(out, bh_arena_sprintf(arena, "%s\nFROM %s", stage_name(arena, img, (int)i),
					       st->base.raw));
		fprintf(out, "%s%s];\n", st->is_target ? ", penwidth=3" : "",
			st->in_target ? "" : ", style=dashed");
		if (st->base_stage >= 0)
			fprintf(out, "  s%d -> s%zu [label=\"FROM\"];\n", st->base_stage, i);
		for (size_t k = 0; k < st->ndeps; k++)
			fprintf(out, "  s%d -> s%zu [label=\"COPY --from\", style=dashed];\n", st->deps[k], i);
		bool from_ctx = false;
		for (size_t c = 0; c < img->ncopies && !from_ctx; c++)
			from_ctx = img->copies[c].stage == (int)i && !img->copies[c].from;
		if (from_ctx)
			fprintf(out, "  context -> s%zu [label=\"COPY\", style=dotted];\n", i);
	}
	fputs("}\n", out);
}

bh_status bh_img_print(FILE *out, const bh_img *img, bh_img_format format)
{
	bh_arena *arena = bh_arena_new();
	switch (format) {
	case BH_IMG_TEXT: print_text(out, arena, img); break;
	case BH_IMG_JSON: print_json(out, arena, img); break;
	case BH_IMG_DOT: print_dot(out, arena, img); break;
	}
	bh_arena_free(arena);
	return ferror(out) ? BH_EIO : BH_OK;
}
