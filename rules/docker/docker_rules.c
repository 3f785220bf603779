// SPDX-License-Identifier: MIT
// The docker.* rules: checks over the image model (bh_img) of a Dockerfile.
// Each check below says what it detects, why it is a risk, its known
// false-positive sources and the fix; rules/docker/<id>.md has the same
// text for users.
//
// Multi-stage correctness: stage-scoped checks (root user, secrets, package
// installs, permissions, HEALTHCHECK) judge only the stages that reach the
// target image (bh_img_stage.in_target / layers_in_target) and their
// messages name the stage, because a builder stage that is thrown away is
// not the image that runs. Secret values are only ever shown through
// bh_finding_redact, in messages and snippets alike.
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "bulkhead/arena.h"
#include "bulkhead/ctx.h"
#include "bulkhead/finding.h"
#include "bulkhead/img.h"
#include "bulkhead/secret.h"

typedef struct {
	const bh_img *img;
	const bh_df_file *df;
	bh_ctx *ctx;
	const bh_secret *secrets; // may be NULL
	bh_findings *out;
	bh_arena *arena;
} checker;

// ------------------------------------------------------------- reporting

static bh_loc loc_at(const checker *c, uint32_t line, uint32_t col)
{
	return (bh_loc){ c->img->dockerfile, line, col, 0, 0 };
}

// The normalized instruction text: what the fingerprint hashes.
static const char *instr_snippet(const checker *c, const bh_df_instr *in)
{
	const char *t = bh_arena_sprintf(c->arena, "%s %.*s", bh_df_kind_name(in->kind), 400,
					 in->text ? in->text : "");
	return bh_finding_normalize_snippet(c->arena, t, strlen(t));
}

static bh_finding *report_at(checker *c, bh_rule_id rule, uint32_t line, uint32_t col,
			     const bh_df_instr *in, const char *message)
{
	bh_finding *fd = bh_finding_add(c->out, bh_rule_get(rule), loc_at(c, line, col), "%s", message);
	if (in)
		fd->snippet = instr_snippet(c, in);
	return fd;
}

static bh_finding *report(checker *c, bh_rule_id rule, const bh_df_instr *in, const char *message)
{
	return report_at(c, rule, in->loc.line, in->loc.col, in, message);
}

static const char *stage_desc(const checker *c, int s)
{
	const bh_img *img = c->img;
	if (s < 0 || (size_t)s >= img->nstages)
		return "the Dockerfile";
	const bh_img_stage *st = &img->stages[s];
	if (st->is_target) {
		const char *which = (size_t)s + 1 == img->nstages ? "final stage" : "target stage";
		return st->name ? bh_arena_sprintf(c->arena, "%s '%s'", which, st->name)
				: bh_arena_sprintf(c->arena, "%s (stage %d)", which, s);
	}
	return bh_img_stage_label(c->arena, img, s);
}

static const char *redact(const checker *c, const char *secret)
{
	return bh_finding_redact(c->arena, secret, strlen(secret));
}

static bool stage_reaches_target(const checker *c, int s)
{
	return s >= 0 && (size_t)s < c->img->nstages && c->img->stages[s].in_target;
}

static const char *tool_of(const bh_sh_cmd *cmd, size_t *skip)
{
	size_t i = 0;
	while (i < cmd->argc) {
		const char *t = bh_sh_basename(cmd->argv[i]);
		if (strcmp(t, "sudo") == 0 || strcmp(t, "env") == 0 || strcmp(t, "exec") == 0 ||
		    strcmp(t, "command") == 0 || strcmp(t, "nice") == 0 || strcmp(t, "time") == 0) {
			i++;
			while (i < cmd->argc && (cmd->argv[i][0] == '-' || strchr(cmd->argv[i], '=')))
				i++;
			continue;
		}
		break;
	}
	if (skip)
		*skip = i;
	return i < cmd->argc ? bh_sh_basename(cmd->argv[i]) : "";
}

static void cmd_position(const checker *c, const bh_img_run *run, const bh_sh_cmd *cmd,
			 uint32_t *line, uint32_t *col)
{
	if (!run->text) {
		*line = run->instr->loc.line;
		*col = run->instr->loc.col;
		return;
	}
	bh_img_run_position(c->df, run, cmd->offset, line, col);
}

// ---------------------------------------------------------- parse errors

// docker.parse-error: syntax errors recorded by the parser, instructions
// before the first FROM (BuildKit: "no build stage in current context"),
// and a Dockerfile with no FROM at all.
static void check_parse_errors(checker *c)
{
	const bh_df_file *df = c->df;
	for (size_t i = 0; i < df->nerrors; i++) {
		bh_finding *fd = bh_finding_add(c->out, bh_rule_get(BH_RULE_DOCKER_PARSE_ERROR),
						df->errors[i].loc, "%s", df->errors[i].message);
		fd->snippet = df->errors[i].message;
	}
	bool seen_from = false;
	for (size_t i = 0; i < df->ninstrs; i++) {
		const bh_df_instr *in = &df->instrs[i];
		if (in->kind == BH_DF_FROM)
			seen_from = true;
		else if (!seen_from && in->kind != BH_DF_ARG && in->kind != BH_DF_ERROR)
			report(c, BH_RULE_DOCKER_PARSE_ERROR, in, bh_arena_sprintf(c->arena,
			       "%s before the first FROM: only ARG may come before it",
			       bh_df_kind_name(in->kind)));
	}
	if (!seen_from) {
		bh_finding *fd = report_at(c, BH_RULE_DOCKER_PARSE_ERROR, 1, 1, NULL,
					   df->ninstrs ? "no FROM instruction: there is nothing to build"
						       : "the Dockerfile is empty");
		fd->snippet = "no FROM";
	}
}

// ------------------------------------------------------------ user, base

// docker.root-user: the target stage runs as root, either by USER root/0
// or because no stage of its FROM chain sets a user. Images known to
// default to a non-root user (distroless :nonroot, Chainguard) are exempt.
static void check_root_user(checker *c)
{
	const bh_img *img = c->img;
	if (img->target < 0)
		return;
	const bh_img_stage *t = &img->stages[img->target];
	const char *who = stage_desc(c, img->target);
	if (t->user_instr && t->user_root == 1) {
		int where = -1;
		for (size_t s = 0; s < img->nstages; s++)
			if (t->user_instr >= &img->df->instrs[img->stages[s].first_instr] &&
			    t->user_instr < &img->df->instrs[img->stages[s].first_instr + img->stages[s].ninstr])
				where = (int)s;
		const char *msg = where == img->target
			? bh_arena_sprintf(c->arena, "%s runs as root (USER %s)", who, t->user)
			: bh_arena_sprintf(c->arena, "%s runs as root: it inherits USER %s from %s",
					   who, t->user, stage_desc(c, where));
		report(c, BH_RULE_DOCKER_ROOT_USER, t->user_instr, msg);
		return;
	}
	if (t->user)
		return; // a non-root or unknown (symbolic) user
	// No USER anywhere in the chain: the base image decides.
	const bh_img_stage *root = t;
	for (int guard = 0; root->base_stage >= 0 && guard < 1000; guard++)
		root = &img->stages[root->base_stage];
	const bh_img_ref *base = &root->base;
	if (base->symbolic)
		return;
	if ((base->tag && strstr(base->tag, "nonroot")) ||
	    (base->registry && strcmp(base->registry, "cgr.dev") == 0))
		return;
	const char *msg = base->scratch
		? bh_arena_sprintf(c->arena, "%s has no USER instruction: a scratch image runs as uid 0", who)
		: bh_arena_sprintf(c->arena, "%s has no USER instruction: it runs as root unless "
				   "the base image '%s' sets a user", who, base->raw);
	bh_finding *fd = report(c, BH_RULE_DOCKER_ROOT_USER, t->from, msg);
	// The fix: an unprivileged user (nobody's uid and gid, which needs no
	// /etc/passwd entry) before the stage's first ENTRYPOINT or CMD, so
	// that the RUN lines before it keep running as root.
	for (size_t i = 0; fd && i < t->ninstr; i++) {
		const bh_df_instr *in = &img->df->instrs[t->first_instr + i];
		if (in->kind != BH_DF_ENTRYPOINT && in->kind != BH_DF_CMD)
			continue;
		bh_loc at = { fd->loc.path, in->loc.line, 1, in->loc.line, 1 };
		bh_finding_set_fix(c->out, fd, bh_arena_sprintf(c->arena, "Add USER 65534:65534 before %s",
								bh_df_kind_name(in->kind)),
				   at, "USER 65534:65534\n");
		break;
	}
}

// docker.unpinned-base: a base image without a tag (floats to latest) or
// with `latest` is a warning; a tag without a digest is a note, since tags
// move. Only stages that reach the target are judged.
static void check_unpinned_base(checker *c)
{
	const bh_img *img = c->img;
	for (size_t s = 0; s < img->nstages; s++) {
		const bh_img_stage *st = &img->stages[s];
		if (st->base_stage >= 0 || st->base.scratch || st->base.symbolic || !st->in_target ||
		    !st->base.raw || !*st->base.raw || st->base.digest)
			continue;
		const char *who = stage_desc(c, (int)s);
		if (!st->base.tag)
			report(c, BH_RULE_DOCKER_UNPINNED_BASE, st->from, bh_arena_sprintf(c->arena,
				    "%s uses base image '%s' without a tag: it floats to 'latest'",
				    who, st->base.raw));
		else if (strcmp(st->base.tag, "latest") == 0)
			report(c, BH_RULE_DOCKER_UNPINNED_BASE, st->from, bh_arena_sprintf(c->arena,
				    "%s uses base image '%s' with the moving 'latest' tag", who,
				    st->base.raw));
		else {
			bh_finding *fd = report(c, BH_RULE_DOCKER_UNPINNED_BASE, st->from, bh_arena_sprintf(c->arena,
				    "%s pins base image '%s' by tag only; add an @sha256 digest", who,
				    st->base.raw));
			fd->level = BH_LEVEL_NOTE;
		}
	}
}

// --------------------------------------------------------------- ADD/COPY

static bool is_local_archive(const char *path)
{
	static const char *const exts[] = { ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz",
					    ".tar.xz", ".txz", ".tar.zst", ".tzst", ".tar.lz", ".gz",
					    ".bz2", ".xz" };
	size_t n = strlen(path);
	for (size_t i = 0; i < BH_ARRAY_LEN(exts); i++) {
		size_t m = strlen(exts[i]);
		if (n > m && strcasecmp(path + n - m, exts[i]) == 0)
			return true;
	}
	return false;
}

// docker.add-remote-unverified and docker.add-instead-of-copy.
static void check_add(checker *c)
{
	const bh_img *img = c->img;
	for (size_t i = 0; i < img->ncopies; i++) {
		const bh_img_copy *cp = &img->copies[i];
		if (cp->instr->kind != BH_DF_ADD || !stage_reaches_target(c, cp->stage))
			continue;
		bool checksum = bh_df_flag_get(cp->instr, "checksum") != NULL;
		bool remote = false, archive = false;
		for (size_t s = 0; s < cp->nsrcs; s++) {
			if (cp->srcs[s].status == BH_IMG_SRC_URL) {
				remote = true;
				if (!checksum)
					report(c, BH_RULE_DOCKER_ADD_REMOTE_UNVERIFIED, cp->instr,
					       bh_arena_sprintf(c->arena, "ADD in %s downloads '%s' without "
								"--checksum: its content is not verified",
								stage_desc(c, cp->stage), cp->srcs[s].path));
			} else if (is_local_archive(cp->srcs[s].path) ||
				   cp->srcs[s].status == BH_IMG_SRC_SYMBOLIC) {
				archive = true;
			}
		}
		if (!remote && !archive && !cp->from && cp->nsrcs)
			report(c, BH_RULE_DOCKER_ADD_INSTEAD_OF_COPY, cp->instr, bh_arena_sprintf(c->arena,
			       "ADD in %s copies local files; COPY does the same without ADD's "
			       "URL and archive magic", stage_desc(c, cp->stage)));
	}
}

// -------------------------------------------------------------- RUN rules

static bool is_downloader(const char *tool)
{
	return strcmp(tool, "curl") == 0 || strcmp(tool, "wget") == 0 || strcmp(tool, "fetch") == 0;
}

static bool has_arg(const bh_sh_cmd *cmd, size_t from, const char *a)
{
	for (size_t i = from; i < cmd->argc; i++)
		if (strcmp(cmd->argv[i], a) == 0)
			return true;
	return false;
}

// An interpreter that would read its program from standard input (or from
// the substituted text): sh/bash without -c; python/perl/ruby/node/php
// without -c/-e/-m.
static bool runs_program_from_input(const bh_sh_cmd *cmd, bool from_stdin)
{
	size_t skip;
	const char *t = tool_of(cmd, &skip);
	static const char *const shells[] = { "sh", "bash", "dash", "ash", "zsh", "ksh", "fish" };
	static const char *const others[] = { "python", "python2", "python3", "perl", "ruby",
					      "node", "php", "lua" };
	for (size_t i = 0; i < BH_ARRAY_LEN(shells); i++)
		if (strcmp(t, shells[i]) == 0)
			return !from_stdin || !has_arg(cmd, skip + 1, "-c");
	if (strcmp(t, "eval") == 0 || strcmp(t, "source") == 0 || strcmp(t, ".") == 0)
		return !from_stdin;
	for (size_t i = 0; i < BH_ARRAY_LEN(others); i++)
		if (strncmp(t, others[i], strlen(others[i])) == 0 &&
		    (t[strlen(others[i])] == '\0' || isdigit((unsigned char)t[strlen(others[i])]) ||
		     t[strlen(others[i])] == '.'))
			return from_stdin && !has_arg(cmd, skip + 1, "-c") &&
			       !has_arg(cmd, skip + 1, "-e") && !has_arg(cmd, skip + 1, "-m");
	return false;
}

static const char *first_url(const bh_sh_cmd *cmd)
{
	for (size_t i = 1; i < cmd->argc; i++)
		if (strstr(cmd->argv[i], "://"))
			return cmd->argv[i];
	return NULL;
}

// docker.curl-pipe-shell: `curl ... | sh`, `wget -O- ... | bash`,
// `bash <(curl ...)`, `sh -c "$(curl ...)"`. The downloaded script runs
// with no integrity check, so whoever controls the URL (or the network,
// without TLS) controls the build.
static void check_curl_pipe_shell(checker *c, const bh_img_run *run)
{
	const bh_sh_script *sc = run->script;
	for (size_t i = 0; i < sc->ncmds; i++) {
		const bh_sh_cmd *dl = &sc->cmds[i];
		if (!is_downloader(tool_of(dl, NULL)))
			continue;
		const bh_sh_cmd *sink = NULL;
		if (dl->pipeline >= 0) {
			for (size_t k = i + 1; k < sc->ncmds && !sink; k++)
				if (sc->cmds[k].pipeline == dl->pipeline && sc->cmds[k].pipe_pos > dl->pipe_pos &&
				    runs_program_from_input(&sc->cmds[k], true))
					sink = &sc->cmds[k];
		}
		if (!sink && dl->parent >= 0 && dl->context != BH_SH_TOP &&
		    runs_program_from_input(&sc->cmds[dl->parent], false))
			sink = &sc->cmds[dl->parent];
		if (!sink)
			continue;
		uint32_t line, col;
		cmd_position(c, run, dl, &line, &col);
		const char *url = first_url(dl);
		report_at(c, BH_RULE_DOCKER_CURL_PIPE_SHELL, line, col, run->instr,
			  bh_arena_sprintf(c->arena, "RUN in %s executes a remote script: %s%s%s %s %s",
					   stage_desc(c, run->stage), tool_of(dl, NULL), url ? " " : "",
					   url ? url : "", dl->context == BH_SH_TOP ? "piped into" : "run by",
					   tool_of(sink, NULL)));
	}
}

// A curl short-option cluster (-fsSLk) that contains -k before an option
// that takes a value.
static bool curl_cluster_has_k(const char *a)
{
	if (a[0] != '-' || a[1] == '-' || !a[1])
		return false;
	for (const char *p = a + 1; *p; p++) {
		if (*p == 'k')
			return true;
		if (strchr("oHdXuAeTwxmrEbcDFKQtyYzCU", *p))
			return false;
	}
	return false;
}

static bool contains_nocase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return true;
	return false;
}

static bool ieq(const char *a, const char *b)
{
	return strcasecmp(a, b) == 0;
}

// Environment variables that switch verification off.
static const char *insecure_env(const char *name, const char *value)
{
	if (!value)
		return NULL;
	bool off = strcmp(value, "0") == 0 || ieq(value, "false") || ieq(value, "no");
	bool on = strcmp(value, "1") == 0 || ieq(value, "true") || ieq(value, "yes");
	if (strcmp(name, "GIT_SSL_NO_VERIFY") == 0 && (on || *value))
		return "GIT_SSL_NO_VERIFY makes git skip TLS verification";
	if (strcmp(name, "NODE_TLS_REJECT_UNAUTHORIZED") == 0 && off)
		return "NODE_TLS_REJECT_UNAUTHORIZED=0 makes Node.js skip TLS verification";
	if (strcmp(name, "PYTHONHTTPSVERIFY") == 0 && off)
		return "PYTHONHTTPSVERIFY=0 makes Python skip TLS verification";
	if (strcmp(name, "NPM_CONFIG_STRICT_SSL") == 0 && off)
		return "NPM_CONFIG_STRICT_SSL=false makes npm skip TLS verification";
	if (strcmp(name, "PIP_TRUSTED_HOST") == 0 && *value)
		return "PIP_TRUSTED_HOST makes pip skip TLS verification for that host";
	return NULL;
}

// Why a command disables TLS or signature verification, or NULL.
static const char *insecure_transport(const bh_sh_cmd *cmd)
{
	size_t skip;
	const char *t = tool_of(cmd, &skip);
	const char *const *a = cmd->argv;
	for (size_t i = skip + 1; i < cmd->argc; i++) {
		if (strcmp(t, "curl") == 0 && (strcmp(a[i], "--insecure") == 0 || curl_cluster_has_k(a[i])))
			return "curl -k/--insecure skips TLS certificate verification";
		if (strcmp(t, "wget") == 0 && strcmp(a[i], "--no-check-certificate") == 0)
			return "wget --no-check-certificate skips TLS certificate verification";
		if ((strncmp(t, "pip", 3) == 0 || strncmp(t, "python", 6) == 0) &&
		    strncmp(a[i], "--trusted-host", 14) == 0)
			return "pip --trusted-host skips TLS verification for that host";
		if (strcmp(t, "apk") == 0 && strcmp(a[i], "--allow-untrusted") == 0)
			return "apk --allow-untrusted installs packages without checking signatures";
		if ((strcmp(t, "apt-get") == 0 || strcmp(t, "apt") == 0) &&
		    (strcmp(a[i], "--allow-unauthenticated") == 0 ||
		     contains_nocase(a[i], "Verify-Peer=false") ||
		     contains_nocase(a[i], "AllowInsecureRepositories=true")))
			return "apt installs packages without authenticating them";
		if ((strcmp(t, "yum") == 0 || strcmp(t, "dnf") == 0 || strcmp(t, "microdnf") == 0 ||
		     strcmp(t, "rpm") == 0 || strcmp(t, "zypper") == 0) &&
		    (strcmp(a[i], "--nogpgcheck") == 0 || strcmp(a[i], "--nosignature") == 0 ||
		     strcmp(a[i], "--no-gpg-checks") == 0))
			return "the package manager installs packages without checking signatures";
		if (strcmp(t, "git") == 0 && strcmp(a[i], "-c") == 0 && i + 1 < cmd->argc &&
		    strncasecmp(a[i + 1], "http.sslverify=", 15) == 0 &&
		    (ieq(a[i + 1] + 15, "false") || strcmp(a[i + 1] + 15, "0") == 0))
			return "git -c http.sslVerify=false skips TLS verification";
		if (strcmp(t, "git") == 0 && strcmp(a[i], "config") == 0) {
			for (size_t k = i + 1; k + 1 < cmd->argc; k++)
				if (ieq(a[k], "http.sslverify") && (ieq(a[k + 1], "false") || strcmp(a[k + 1], "0") == 0))
					return "git config http.sslVerify false skips TLS verification";
		}
		if ((strcmp(t, "npm") == 0 || strcmp(t, "yarn") == 0 || strcmp(t, "pnpm") == 0)) {
			if (strcmp(a[i], "--strict-ssl=false") == 0)
				return "npm --strict-ssl=false skips TLS verification";
			if (strcmp(a[i], "strict-ssl") == 0 && i + 1 < cmd->argc && ieq(a[i + 1], "false"))
				return "npm config set strict-ssl false skips TLS verification";
		}
	}
	for (size_t i = 0; i < cmd->nassigns; i++) {
		const char *why = insecure_env(cmd->assigns[i].name, cmd->assigns[i].value);
		if (why)
			return why;
	}
	if (strcmp(t, "export") == 0)
		for (size_t i = 1; i < cmd->argc; i++) {
			const char *eq = strchr(a[i], '=');
			if (!eq)
				continue;
			char *name = bh_xstrndup(a[i], (size_t)(eq - a[i]));
			const char *why = insecure_env(name, eq + 1);
			free(name);
			if (why)
				return why;
		}
	return NULL;
}

static void check_tls(checker *c, const bh_img_run *run)
{
	const bh_sh_script *sc = run->script;
	for (size_t i = 0; i < sc->ncmds; i++) {
		const char *why = insecure_transport(&sc->cmds[i]);
		if (!why)
			continue;
		uint32_t line, col;
		cmd_position(c, run, &sc->cmds[i], &line, &col);
		report_at(c, BH_RULE_DOCKER_TLS_VERIFY_DISABLED, line, col, run->instr,
			  bh_arena_sprintf(c->arena, "RUN in %s: %s", stage_desc(c, run->stage), why));
	}
}

static void check_tls_env(checker *c)
{
	for (size_t i = 0; i < c->df->ninstrs; i++) {
		const bh_df_instr *in = &c->df->instrs[i];
		if (in->kind != BH_DF_ENV)
			continue;
		for (size_t k = 0; k < in->nkvs; k++) {
			bool unknown = false;
			const char *v = in->kvs[k].value
				? bh_df_expand(c->arena, in->kvs[k].value, c->df->escape, NULL, &unknown) : NULL;
			const char *why = insecure_env(in->kvs[k].key, v);
			if (why)
				report(c, BH_RULE_DOCKER_TLS_VERIFY_DISABLED, in,
				       bh_arena_sprintf(c->arena, "ENV %s for every later step and the "
							"running container", why));
		}
	}
}

static bool is_sudo(const bh_sh_cmd *cmd)
{
	return cmd->argc && strcmp(bh_sh_basename(cmd->argv[0]), "sudo") == 0;
}

// docker.sudo: RUN already runs as the stage's USER; sudo adds a setuid
// binary and a policy to the image for nothing, and hides which steps run
// as root.
static void check_sudo(checker *c, const bh_img_run *run)
{
	const bh_sh_script *sc = run->script;
	for (size_t i = 0; i < sc->ncmds; i++) {
		if (!is_sudo(&sc->cmds[i]))
			continue;
		uint32_t line, col;
		cmd_position(c, run, &sc->cmds[i], &line, &col);
		report_at(c, BH_RULE_DOCKER_SUDO, line, col, run->instr, bh_arena_sprintf(c->arena,
			  "RUN in %s uses sudo; switch users with USER instead", stage_desc(c, run->stage)));
	}
}

static bool is_install_cmd(const bh_sh_cmd *cmd, size_t *first_pkg)
{
	size_t skip;
	const char *t = tool_of(cmd, &skip);
	bool apt = strcmp(t, "apt-get") == 0 || strcmp(t, "apt") == 0 || strcmp(t, "aptitude") == 0;
	bool rpm = strcmp(t, "yum") == 0 || strcmp(t, "dnf") == 0 || strcmp(t, "microdnf") == 0 ||
		   strcmp(t, "zypper") == 0 || strcmp(t, "tdnf") == 0;
	bool apk = strcmp(t, "apk") == 0;
	for (size_t i = skip + 1; i < cmd->argc; i++) {
		const char *a = cmd->argv[i];
		if (((apt || rpm) && (strcmp(a, "install") == 0 || strcmp(a, "in") == 0)) ||
		    (apk && strcmp(a, "add") == 0)) {
			*first_pkg = i + 1;
			return true;
		}
	}
	return false;
}

// docker.ssh-server (packages): openssh-server, dropbear, the Debian
// `ssh` metapackage and Alpine's `openssh` bring an SSH daemon.
static void check_ssh_install(checker *c, const bh_img_run *run)
{
	if (!c->img->stages[run->stage].layers_in_target)
		return;
	const bh_sh_script *sc = run->script;
	for (size_t i = 0; i < sc->ncmds; i++) {
		size_t first;
		if (!is_install_cmd(&sc->cmds[i], &first))
			continue;
		const char *tool = tool_of(&sc->cmds[i], NULL);
		for (size_t k = first; k < sc->cmds[i].argc; k++) {
			const char *p = sc->cmds[i].argv[k];
			size_t n = strcspn(p, "=<>~");
			bool server = (n == 14 && strncmp(p, "openssh-server", 14) == 0) ||
				      (n == 8 && strncmp(p, "dropbear", 8) == 0) ||
				      (n == 3 && strncmp(p, "ssh", 3) == 0 && strcmp(tool, "apk") != 0) ||
				      (n == 7 && strncmp(p, "openssh", 7) == 0 && strcmp(tool, "apk") == 0);
			if (!server)
				continue;
			uint32_t line, col;
			cmd_position(c, run, &sc->cmds[i], &line, &col);
			report_at(c, BH_RULE_DOCKER_SSH_SERVER, line, col, run->instr,
				  bh_arena_sprintf(c->arena, "RUN in %s installs an SSH server (%.*s)",
						   stage_desc(c, run->stage), (int)n, p));
		}
	}
}

// docker.insecure-run: `--security=insecure` lifts the sandbox of the
// build step; `--network=host` gives it the host's network namespace.
static void check_insecure_run(checker *c, const bh_img_run *run)
{
	if (run->security && strcmp(run->security, "insecure") == 0)
		report(c, BH_RULE_DOCKER_INSECURE_RUN, run->instr, bh_arena_sprintf(c->arena,
		       "RUN in %s uses --security=insecure: the step runs without the build sandbox",
		       stage_desc(c, run->stage)));
	if (run->network && strcmp(run->network, "host") == 0)
		report(c, BH_RULE_DOCKER_INSECURE_RUN, run->instr, bh_arena_sprintf(c->arena,
		       "RUN in %s uses --network=host: the step shares the build host's network",
		       stage_desc(c, run->stage)));
}

// ------------------------------------------------------------ permissions

// Classify a chmod mode: world-writable (o+w, 0777) without the sticky bit;
// setuid/setgid (u+s, 4755).
static void classify_mode(const char *mode, bool *world, bool *setid)
{
	*world = *setid = false;
	size_t n = strlen(mode);
	bool octal = n >= 3 && n <= 5;
	for (size_t i = 0; i < n && octal; i++)
		octal = mode[i] >= '0' && mode[i] <= '7';
	if (octal) {
		unsigned long m = strtoul(mode, NULL, 8);
		*world = (m & 02) && !(m & 01000);
		*setid = (m & 06000) != 0;
		return;
	}
	// symbolic: clause ( "," clause )*, clause = [ugoa]* [+=] perms
	char *dup = bh_xstrdup(mode);
	for (char *cl = strtok(dup, ","); cl; cl = strtok(NULL, ",")) {
		size_t w = strspn(cl, "ugoa");
		char op = cl[w];
		if (op != '+' && op != '=')
			continue;
		const char *perms = cl + w + 1;
		bool others = w == 0 || memchr(cl, 'o', w) || memchr(cl, 'a', w);
		if (strchr(perms, 'w') && others && w > 0 && !strchr(perms, 't'))
			*world = true;
		if (strchr(perms, 's'))
			*setid = true;
	}
	free(dup);
}

static void check_mode(checker *c, const bh_df_instr *in, int stage, uint32_t line, uint32_t col,
		       const char *mode, const char *what)
{
	bool world, setid;
	classify_mode(mode, &world, &setid);
	if (world)
		report_at(c, BH_RULE_DOCKER_WORLD_WRITABLE, line, col, in, bh_arena_sprintf(c->arena,
			  "%s in %s makes %s world-writable (mode %s)", bh_df_kind_name(in->kind),
			  stage_desc(c, stage), what, mode));
	if (setid)
		report_at(c, BH_RULE_DOCKER_SETUID_BIT, line, col, in, bh_arena_sprintf(c->arena,
			  "%s in %s adds the setuid/setgid bit to %s (mode %s)", bh_df_kind_name(in->kind),
			  stage_desc(c, stage), what, mode));
}

static void check_permissions(checker *c)
{
	const bh_img *img = c->img;
	for (size_t i = 0; i < img->ncopies; i++) {
		const bh_img_copy *cp = &img->copies[i];
		const bh_df_flag *f = bh_df_flag_get(cp->instr, "chmod");
		if (f && f->value && stage_reaches_target(c, cp->stage))
			check_mode(c, cp->instr, cp->stage, f->line, f->col, f->value,
				   bh_arena_sprintf(c->arena, "'%s'", cp->nfiles == 1 ? cp->files[0]->path
						    : cp->dest ? cp->dest : "?"));
	}
	for (size_t i = 0; i < img->nbuilds; i++) {
		const bh_img_build_cmd *bd = &img->builds[i];
		const bh_img_run *run = &img->runs[bd->run];
		if (bd->kind != BH_IMG_BUILD_CHMOD || bd->ninputs < 2 || !stage_reaches_target(c, run->stage))
			continue;
		check_mode(c, run->instr, run->stage, bd->loc.line, bd->loc.col, bd->inputs[0],
			   bh_arena_sprintf(c->arena, "'%s'%s", bd->inputs[1], bd->ninputs > 2 ? " and more" : ""));
	}
}

// ---------------------------------------------------------------- secrets

static bool is_placeholder(const char *v)
{
	static const char *const words[] = { "true", "false", "yes", "no", "on", "off", "0", "1",
					     "none", "null", "disabled", "enabled" };
	if (!*v)
		return true;
	for (size_t i = 0; i < BH_ARRAY_LEN(words); i++)
		if (strcasecmp(v, words[i]) == 0)
			return true;
	return strncmp(v, "/run/secrets/", 13) == 0;
}

// The build argument a value refers to ($X or ${X}), or NULL.
static const char *referenced_var(bh_arena *arena, const char *v)
{
	const char *d = strchr(v, '$');
	if (!d)
		return NULL;
	d++;
	if (*d == '{')
		d++;
	size_t n = 0;
	while (isalnum((unsigned char)d[n]) || d[n] == '_')
		n++;
	return n ? bh_arena_strndup(arena, d, n) : NULL;
}

// A value that a secret rule of the pack recognises (an AWS key, a token
// with a known prefix), whatever the variable is called.
static void check_secret_value(checker *c, const bh_df_instr *in, const char *name,
			       const char *raw, const char *where)
{
	if (!c->secrets)
		return;
	bool unknown = false;
	const char *v = bh_df_expand(c->arena, raw, c->df->escape, NULL, &unknown);
	if (unknown || is_placeholder(v))
		return;
	const char *line = bh_arena_sprintf(c->arena, "%s=%s", name, v);
	const bh_rule *r = bh_secret_match_pack(c->secrets, line, strlen(line));
	if (!r)
		return;
	const char *kw = bh_df_kind_name(in->kind);
	const char *shown = redact(c, v);
	bh_finding *fd = report(c, BH_RULE_DOCKER_SECRET_IN_ARG_ENV, in,
		bh_arena_sprintf(c->arena, "%s %s %s holds a secret (%s) %s; %s", kw, name, where,
				 r->id, shown, in->kind == BH_DF_ENV
				 ? "ENV is stored in the image configuration"
				 : "build arguments are recorded in the image history"));
	fd->snippet = bh_arena_sprintf(c->arena, "%s %s=%s", kw, name, shown);
}

static bool declared_arg_before(const checker *c, size_t first, size_t upto, const char *name)
{
	for (size_t i = first; i < upto && i < c->df->ninstrs; i++) {
		const bh_df_instr *in = &c->df->instrs[i];
		if (in->kind != BH_DF_ARG)
			continue;
		for (size_t k = 0; k < in->nkvs; k++)
			if (strcmp(in->kvs[k].key, name) == 0)
				return true;
	}
	return false;
}

// docker.secret-in-arg-env: a secret-looking name with a literal value in
// ARG (recorded in the image history when used) or ENV (stored in the image
// configuration), or an ENV that copies a secret build argument into the
// image. Judged for global ARGs and stages that reach the target.
static void check_secret_kvs(checker *c)
{
	const bh_img *img = c->img;
	const bh_df_file *df = c->df;
	int stage = -1;
	size_t stage_first = 0;
	for (size_t i = 0; i < df->ninstrs; i++) {
		const bh_df_instr *in = &df->instrs[i];
		if (in->kind == BH_DF_FROM) {
			stage++;
			stage_first = i;
			continue;
		}
		if (in->kind != BH_DF_ARG && in->kind != BH_DF_ENV)
			continue;
		if (stage >= 0 && !stage_reaches_target(c, stage))
			continue;
		const char *where = stage < 0 ? "before the first FROM" :
			bh_arena_sprintf(c->arena, "in %s", stage_desc(c, stage));
		for (size_t k = 0; k < in->nkvs; k++) {
			const char *name = in->kvs[k].key, *raw = in->kvs[k].value;
			if (!raw)
				continue;
			if (!bh_img_is_secret_name(name)) {
				check_secret_value(c, in, name, raw, where);
				continue;
			}
			bool unknown = false;
			const char *v = bh_df_expand(c->arena, raw, df->escape, NULL, &unknown);
			const char *kw = bh_df_kind_name(in->kind);
			if (!unknown && !is_placeholder(v)) {
				const char *shown = redact(c, v);
				bh_finding *fd = report(c, BH_RULE_DOCKER_SECRET_IN_ARG_ENV, in,
					bh_arena_sprintf(c->arena, "%s %s %s has a literal secret value %s; "
							 "%s", kw, name, where, shown, in->kind == BH_DF_ENV
							 ? "ENV is stored in the image configuration"
							 : "build arguments are recorded in the image history"));
				fd->snippet = bh_arena_sprintf(c->arena, "%s %s=%s", kw, name, shown);
				continue;
			}
			// ENV X=$SECRET_ARG: the value given at build time is persisted.
			const char *ref = referenced_var(c->arena, raw);
			if (in->kind == BH_DF_ENV && ref && stage >= 0 &&
			    (declared_arg_before(c, stage_first, i, ref) || declared_arg_before(c, 0, img->nstages ? img->stages[0].first_instr : 0, ref))) {
				const char *lit = NULL;
				// Resolve a literal default of that argument for the message.
				for (size_t j = i; j-- > 0 && !lit;) {
					const bh_df_instr *a = &df->instrs[j];
					for (size_t m = 0; a->kind == BH_DF_ARG && m < a->nkvs; m++)
						if (strcmp(a->kvs[m].key, ref) == 0 && a->kvs[m].value)
							lit = a->kvs[m].value;
				}
				bh_finding *fd = report(c, BH_RULE_DOCKER_SECRET_IN_ARG_ENV, in,
					bh_arena_sprintf(c->arena, "ENV %s %s copies build argument %s "
							 "into the image configuration%s%s", name, where,
							 ref, lit ? "; its default is " : "",
							 lit ? redact(c, bh_df_expand(c->arena, lit, df->escape, NULL, NULL)) : ""));
				fd->snippet = bh_arena_sprintf(c->arena, "ENV %s=$%s", name, ref);
			}
		}
	}
}

static bool is_secret_option(const char *opt)
{
	static const char *const opts[] = { "--password", "--passwd", "--pass", "--token",
					    "--secret", "--api-key", "--apikey", "--client-secret",
					    "--access-key", "--secret-key", "--auth-token",
					    "--private-key-passphrase", "--passphrase" };
	for (size_t i = 0; i < BH_ARRAY_LEN(opts); i++)
		if (strcmp(opt, opts[i]) == 0)
			return true;
	return false;
}

static bool literal(const char *v)
{
	return v && *v && !strchr(v, '$') && v[0] != '-' && !is_placeholder(v);
}

// The secret in a word of a URL `scheme://user:password@host`, or NULL.
static const char *url_password(bh_arena *arena, const char *w)
{
	const char *s = strstr(w, "://");
	if (!s)
		return NULL;
	s += 3;
	const char *at = strchr(s, '@');
	const char *slash = strchr(s, '/');
	if (!at || (slash && slash < at))
		return NULL;
	const char *colon = memchr(s, ':', (size_t)(at - s));
	if (!colon || colon + 1 == at)
		return NULL;
	return bh_arena_strndup(arena, colon + 1, (size_t)(at - colon - 1));
}

// docker.secret-on-command-line: a literal secret in a RUN command (an
// option like --password, mysql -p..., curl -u user:pass, a URL with a
// password, a secret-named NAME=value prefix or export). RUN command lines
// are stored in the image history.
static void check_secret_cmdline(checker *c, const bh_img_run *run)
{
	const bh_sh_script *sc = run->script;
	for (size_t i = 0; i < sc->ncmds; i++) {
		const bh_sh_cmd *cmd = &sc->cmds[i];
		size_t skip;
		const char *tool = tool_of(cmd, &skip);
		const char *secret = NULL, *how = NULL;
		for (size_t k = skip + 1; k < cmd->argc && !secret; k++) {
			const char *a = cmd->argv[k];
			const char *eq = strchr(a, '=');
			char *opt = eq ? bh_xstrndup(a, (size_t)(eq - a)) : bh_xstrdup(a);
			if (is_secret_option(opt)) {
				const char *v = eq ? eq + 1 : k + 1 < cmd->argc ? cmd->argv[k + 1] : NULL;
				if (literal(v)) {
					secret = v;
					how = bh_arena_sprintf(c->arena, "%s of %s", opt, tool);
				}
			} else if (strncmp(tool, "mysql", 5) == 0 && strncmp(a, "-p", 2) == 0 && a[2] &&
				   literal(a + 2)) {
				secret = a + 2;
				how = bh_arena_sprintf(c->arena, "-p of %s", tool);
			} else if (strcmp(tool, "curl") == 0 && (strcmp(a, "-u") == 0 || strcmp(a, "--user") == 0) &&
				   k + 1 < cmd->argc && strchr(cmd->argv[k + 1], ':') &&
				   literal(strchr(cmd->argv[k + 1], ':') + 1)) {
				secret = strchr(cmd->argv[k + 1], ':') + 1;
				how = "curl --user";
			} else {
				const char *pw = url_password(c->arena, a);
				if (literal(pw)) {
					secret = pw;
					how = "a URL with a password";
				}
			}
			free(opt);
		}
		for (size_t k = 0; k < cmd->nassigns && !secret; k++)
			if (bh_img_is_secret_name(cmd->assigns[k].name) && literal(cmd->assigns[k].value)) {
				secret = cmd->assigns[k].value;
				how = bh_arena_sprintf(c->arena, "%s=", cmd->assigns[k].name);
			}
		if (strcmp(tool, "export") == 0)
			for (size_t k = 1; k < cmd->argc && !secret; k++) {
				const char *eq = strchr(cmd->argv[k], '=');
				if (!eq)
					continue;
				char *name = bh_xstrndup(cmd->argv[k], (size_t)(eq - cmd->argv[k]));
				if (bh_img_is_secret_name(name) && literal(eq + 1)) {
					secret = eq + 1;
					how = bh_arena_sprintf(c->arena, "export %s=", name);
				}
				free(name);
			}
		if (!secret)
			continue;
		uint32_t line, col;
		cmd_position(c, run, cmd, &line, &col);
		const char *shown = redact(c, secret);
		bh_finding *fd = report_at(c, BH_RULE_DOCKER_SECRET_ON_COMMAND_LINE, line, col, run->instr,
			bh_arena_sprintf(c->arena, "RUN in %s passes a literal secret %s through %s; "
					 "RUN command lines stay in the image history",
					 stage_desc(c, run->stage), shown, how));
		fd->snippet = bh_arena_sprintf(c->arena, "RUN %s %s %s", tool, how, shown);
	}
}

// File names that hold credentials or keys.
static bool is_secret_file(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	static const char *const names[] = { ".npmrc", ".pypirc", ".netrc", ".git-credentials",
					     ".htpasswd", ".pgpass", ".dockercfg", "id_rsa", "id_dsa",
					     "id_ecdsa", "id_ed25519", "credentials", "credentials.json",
					     "service-account.json", "secrets.json", "secrets.yaml",
					     "secrets.yml", "secrets.env", ".vault-token",
					     "terraform.tfvars" };
	for (size_t i = 0; i < BH_ARRAY_LEN(names); i++)
		if (strcmp(base, names[i]) == 0)
			return true;
	if (strcmp(base, ".env") == 0 || (strncmp(base, ".env.", 5) == 0 &&
					   strcmp(base, ".env.example") != 0 &&
					   strcmp(base, ".env.sample") != 0 &&
					   strcmp(base, ".env.template") != 0))
		return true;
	static const char *const exts[] = { ".pem", ".key", ".p12", ".pfx", ".jks", ".keystore",
					    ".kdbx", ".ppk", ".asc" };
	size_t n = strlen(base);
	for (size_t i = 0; i < BH_ARRAY_LEN(exts); i++) {
		size_t m = strlen(exts[i]);
		if (n > m && strcasecmp(base + n - m, exts[i]) == 0)
			return true;
	}
	return strstr(path, ".aws/credentials") || strstr(path, ".docker/config.json") ||
	       strstr(path, ".ssh/");
}

static bool is_sensitive_context_file(const char *path)
{
	return strncmp(path, ".git/", 5) == 0 || strcmp(path, ".git") == 0 || is_secret_file(path);
}

// docker.secret-file-layer: a secret file placed in a stage whose layers
// ship (the target and the stages it is built FROM) and removed by a later
// RUN: deleting it does not take it out of the earlier layer.
static void check_secret_file_layer(checker *c)
{
	const bh_img *img = c->img;
	for (size_t s = 0; s < img->nstages; s++) {
		const bh_img_stage *st = &img->stages[s];
		if (!st->is_target)
			continue;
		for (size_t i = 0; i < st->nfiles; i++) {
			const bh_img_file *f = st->files[i];
			const bh_img_file *root = bh_img_file_root(f);
			if (!f->removed || !f->instr || f->origin == BH_IMG_FROM_RUN)
				continue;
			const char *name = root->origin == BH_IMG_FROM_CONTEXT ? root->source : f->path;
			if (!is_secret_file(name) && !is_secret_file(f->path))
				continue;
			report(c, BH_RULE_DOCKER_SECRET_FILE_LAYER, f->instr, bh_arena_sprintf(c->arena,
			       "%s copies secret file '%s' to %s and the RUN at line %u deletes it, "
			       "but the layer keeps it; use RUN --mount=type=secret",
			       stage_desc(c, (int)s), name, f->path,
			       f->removed_by ? f->removed_by->loc.line : 0));
		}
	}
}

static bool git_dir_sent(const checker *c)
{
	if (!c->ctx)
		return false;
	char *path = bh_arena_sprintf(c->arena, "%s/.git", bh_ctx_root(c->ctx));
	struct stat st;
	return lstat(path, &st) == 0 && S_ISDIR(st.st_mode) &&
	       bh_ctx_is_sent(c->ctx, c->img->dockerfile, ".git/HEAD");
}

// docker.copy-context-unfiltered: a whole-directory COPY/ADD from the
// context that brings in .git, .env files, keys or credentials because the
// .dockerignore does not exclude them.
static void check_unfiltered_copy(checker *c)
{
	const bh_img *img = c->img;
	const bh_img_stage *t = img->target >= 0 ? &img->stages[img->target] : NULL;
	for (size_t i = 0; i < img->ncopies; i++) {
		const bh_img_copy *cp = &img->copies[i];
		if (cp->from || !stage_reaches_target(c, cp->stage))
			continue;
		bool whole_dir = false;
		for (size_t s = 0; s < cp->nsrcs; s++)
			whole_dir = whole_dir || (cp->srcs[s].status == BH_IMG_SRC_OK && cp->srcs[s].is_dir);
		if (!whole_dir)
			continue;
		size_t nsens = 0, ngit = 0;
		const char *first = NULL, *shipped = NULL, *shipped_at = NULL;
		for (size_t k = 0; k < cp->nfiles; k++) {
			const bh_img_file *f = cp->files[k];
			if (f->origin != BH_IMG_FROM_CONTEXT || !is_sensitive_context_file(f->source))
				continue;
			if (strncmp(f->source, ".git/", 5) == 0) {
				ngit++;
			} else {
				nsens++;
				if (!first)
					first = f->source;
			}
			// Does this copy of the file reach the target image?
			for (size_t j = 0; t && j < t->nfiles && !shipped; j++) {
				const bh_img_file *r = bh_img_file_root(t->files[j]);
				if (r->origin == BH_IMG_FROM_CONTEXT && r->instr == cp->instr &&
				    strcmp(r->source, f->source) == 0 && !t->files[j]->removed) {
					shipped = f->source;
					shipped_at = t->files[j]->path;
				}
			}
		}
		// The inventory does not list .git; whether the directory is there
		// and sent is asked of the file system (lstat: links not followed).
		bool whole_context = false;
		for (size_t s = 0; s < cp->nsrcs; s++)
			whole_context = whole_context || strcmp(cp->srcs[s].path, ".") == 0;
		if (whole_context && !ngit && git_dir_sent(c))
			ngit = 1;
		if (!nsens && !ngit)
			continue;
		const char *what;
		if (nsens && ngit)
			what = bh_arena_sprintf(c->arena, "'%s'%s and .git/", first,
						nsens > 1 ? bh_arena_sprintf(c->arena, " (+%zu more)", nsens - 1) : "");
		else if (nsens)
			what = bh_arena_sprintf(c->arena, "'%s'%s", first,
						nsens > 1 ? bh_arena_sprintf(c->arena, " (+%zu more)", nsens - 1) : "");
		else
			what = ".git/";
		report(c, BH_RULE_DOCKER_COPY_CONTEXT_UNFILTERED, cp->instr, bh_arena_sprintf(c->arena,
		       "%s in %s copies %s from the build context: .dockerignore does not exclude %s%s%s",
		       bh_df_kind_name(cp->instr->kind), stage_desc(c, cp->stage), what,
		       nsens + ngit > 1 ? "them" : "it",
		       shipped ? bh_arena_sprintf(c->arena, "; '%s' reaches the final image at ", shipped) : "",
		       shipped ? shipped_at : ""));
	}
}

// ----------------------------------------------------------- build errors

static void check_copy_errors(checker *c)
{
	const bh_img *img = c->img;
	for (size_t i = 0; i < img->ncopies; i++) {
		const bh_img_copy *cp = &img->copies[i];
		if (cp->from_self)
			report(c, BH_RULE_DOCKER_COPY_FROM_UNDEFINED, cp->instr, bh_arena_sprintf(c->arena,
			       "COPY --from=%s in %s names its own stage", cp->from,
			       stage_desc(c, cp->stage)));
		else if (cp->from_undefined)
			report(c, BH_RULE_DOCKER_COPY_FROM_UNDEFINED, cp->instr, bh_arena_sprintf(c->arena,
			       "COPY --from=%s in %s names no stage of this Dockerfile: Docker will "
			       "try to pull an image called '%s'", cp->from, stage_desc(c, cp->stage),
			       cp->from));
		for (size_t s = 0; s < cp->nsrcs; s++) {
			const bh_img_src *src = &cp->srcs[s];
			if (src->status == BH_IMG_SRC_EXCLUDED) {
				report(c, BH_RULE_DOCKER_COPY_SOURCE_NOT_SENT, cp->instr, bh_arena_sprintf(c->arena,
				       "%s source '%s' in %s is excluded by .dockerignore: %s",
				       bh_df_kind_name(cp->instr->kind), src->path, stage_desc(c, cp->stage),
				       src->is_dir ? "it copies nothing" : "the build fails"));
			} else if (src->status == BH_IMG_SRC_MISSING) {
				bh_finding *fd = report(c, BH_RULE_DOCKER_COPY_SOURCE_NOT_SENT, cp->instr,
					bh_arena_sprintf(c->arena, "%s source '%s' in %s is not in the build "
							 "context: the build fails unless it is generated first",
							 bh_df_kind_name(cp->instr->kind), src->path,
							 stage_desc(c, cp->stage)));
				fd->level = BH_LEVEL_NOTE;
			}
		}
	}
}

typedef struct {
	const char *name;
	size_t index;
} stage_ref;

static int compare_stage_refs(const void *a, const void *b)
{
	const stage_ref *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : (x->index > y->index) - (x->index < y->index);
}

// docker.duplicate-stage-name: sorted by name, each later equal name is
// reported against the first stage that used it.
static void check_duplicate_names(checker *c)
{
	const bh_img *img = c->img;
	stage_ref *refs = bh_xmalloc((img->nstages + 1) * sizeof(*refs));
	size_t n = 0;
	for (size_t s = 0; s < img->nstages; s++)
		if (img->stages[s].name)
			refs[n++] = (stage_ref){ img->stages[s].name, s };
	if (n > 1)
		qsort(refs, n, sizeof(*refs), compare_stage_refs);
	for (size_t i = 1; i < n; i++) {
		size_t first = i - 1;
		while (first > 0 && strcmp(refs[first - 1].name, refs[i].name) == 0)
			first--;
		if (strcmp(refs[first].name, refs[i].name) != 0)
			continue;
		const bh_img_stage *st = &img->stages[refs[i].index];
		report(c, BH_RULE_DOCKER_DUPLICATE_STAGE_NAME, st->from, bh_arena_sprintf(c->arena,
		       "stage name '%s' is already used by the stage at line %u", st->name,
		       img->stages[refs[first].index].from->loc.line));
	}
	free(refs);
}

static void check_stages(checker *c)
{
	const bh_img *img = c->img;
	const bh_df_file *df = c->df;
	check_duplicate_names(c);
	for (size_t s = 0; s < img->nstages; s++) {
		const bh_img_stage *st = &img->stages[s];
		if (st->relative_workdir)
			report(c, BH_RULE_DOCKER_RELATIVE_WORKDIR, st->relative_workdir,
			       bh_arena_sprintf(c->arena, "WORKDIR '%s' in %s is relative and no absolute "
						"WORKDIR precedes it: it depends on the base image's",
						st->relative_workdir->nargs ? st->relative_workdir->args[0] : "",
						stage_desc(c, (int)s)));
		// Several CMD / ENTRYPOINT: all but the last are dead.
		static const bh_df_kind kinds[] = { BH_DF_CMD, BH_DF_ENTRYPOINT };
		for (size_t k = 0; k < BH_ARRAY_LEN(kinds); k++) {
			const bh_df_instr *last = NULL;
			for (size_t i = st->first_instr + st->ninstr; i-- > st->first_instr + 1;) {
				const bh_df_instr *in = &df->instrs[i];
				if (in->kind != kinds[k])
					continue;
				if (!last) {
					last = in;
					continue;
				}
				report(c, BH_RULE_DOCKER_MULTIPLE_CMD, in, bh_arena_sprintf(c->arena,
				       "%s in %s is overridden by the %s at line %u: only the last one counts",
				       bh_df_kind_name(kinds[k]), stage_desc(c, (int)s),
				       bh_df_kind_name(kinds[k]), last->loc.line));
			}
		}
	}
	if (img->target < 0)
		return;
	const bh_img_stage *t = &img->stages[img->target];
	// docker.ssh-server (port): EXPOSE 22 in the target.
	for (size_t i = 0; i < t->nports; i++)
		if (strcmp(t->ports[i], "22") == 0 || strcmp(t->ports[i], "22/tcp") == 0)
			report(c, BH_RULE_DOCKER_SSH_SERVER, t->expose_instrs[i], bh_arena_sprintf(c->arena,
			       "%s exposes port 22 (SSH)", stage_desc(c, img->target)));
	// docker.no-healthcheck: nothing tells the orchestrator the service is
	// alive. HEALTHCHECK NONE is a deliberate choice and is not reported.
	if (!t->healthcheck)
		report(c, BH_RULE_DOCKER_NO_HEALTHCHECK, t->from, bh_arena_sprintf(c->arena,
		       "%s has no HEALTHCHECK%s", stage_desc(c, img->target),
		       t->base_stage < 0 && !t->base.scratch ? " (unless the base image defines one)" : ""));
}

void bh_docker_check(const bh_img *img, bh_ctx *ctx, const bh_secret *secrets,
		     bh_findings *out)
{
	checker c = { img, img->df, ctx, secrets, out, out->arena };
	check_parse_errors(&c);
	check_root_user(&c);
	check_unpinned_base(&c);
	check_add(&c);
	check_tls_env(&c);
	check_secret_kvs(&c);
	check_secret_file_layer(&c);
	check_unfiltered_copy(&c);
	check_permissions(&c);
	check_copy_errors(&c);
	check_stages(&c);
	for (size_t i = 0; i < img->nruns; i++) {
		const bh_img_run *run = &img->runs[i];
		if (!stage_reaches_target(&c, run->stage))
			continue;
		check_insecure_run(&c, run);
		if (!run->script)
			continue;
		check_curl_pipe_shell(&c, run);
		check_tls(&c, run);
		check_sudo(&c, run);
		check_ssh_install(&c, run);
		check_secret_cmdline(&c, run);
	}
}
