// SPDX-License-Identifier: MIT
// Runs git for `bulkhead scan --diff REV` / `--staged` and feeds its output
// to the diff parser (include/bulkhead/git.h). Runs before the analysis,
// so that a bad revision fails at once.
//
// The scanned repository is hostile input, and so is its .git/config: git
// runs programs it names. Each call therefore
//   - finds git on PATH ignoring relative entries ("." would pick a `git`
//     planted in the scanned tree) and runs it with posix_spawn, no shell;
//   - sets core.fsmonitor=false (a hook git runs on every index read),
//     core.pager=cat, diff.external= and passes --no-pager, --no-ext-diff
//     (also diff.<driver>.command) and --no-textconv (diff.<driver>.textconv);
//   - empties the clean, smudge and process commands of every filter driver
//     the configuration names: git runs the clean filter on work-tree
//     files to compare them. These go through GIT_CONFIG_KEY_<n>, since a
//     driver name may hold '=' which `-c name=value` cannot carry;
//   - drops GIT_EXTERNAL_DIFF, GIT_DIFF_OPTS and inherited command-line
//     config from the environment and sets GIT_OPTIONAL_LOCKS=0 (a scan
//     must not write to the repository) and GIT_TERMINAL_PROMPT=0.
// The system and global configuration are the administrator's and the
// user's, not the scanned tree's, and stay in force (safe.directory among
// them: git refuses a repository owned by someone else, and we say so).
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bulkhead/arena.h"
#include "bulkhead/git.h"

extern char **environ;

// More than any real diff: the diff of a whole large project's history
// is tens of megabytes. Past it, git is stopped rather than filling memory.
#define GIT_MAX_OUTPUT ((size_t)512 << 20)
#define GIT_MAX_STDERR 1024

typedef BH_VEC(char *) str_vec;

typedef struct {
	char *git;       // absolute path of the git executable; heap
	const char *dir; // borrowed
	str_vec env;     // the child's environment; heap strings, NULL-terminated
	bh_diags *diags;
} git_runner;

typedef struct {
	BH_VEC(char) out;          // stdout; heap
	char err[GIT_MAX_STDERR];  // the start of stderr, NUL-terminated
	size_t nerr;
	int status;                // exit status; -1 when git did not exit normally
} git_result;

static void result_reset(git_result *r)
{
	r->out.len = 0;
	r->nerr = 0;
	r->err[0] = '\0';
	r->status = -1;
}

// git's first line on stderr, for a diagnostic ("fatal: ..."), or a
// placeholder when it said nothing.
static const char *first_error_line(git_result *r)
{
	char *nl = strchr(r->err, '\n');
	if (nl)
		*nl = '\0';
	return r->err[0] ? r->err : "no message";
}

// The first executable `git` in an absolute directory of PATH, or NULL.
static char *find_git(void)
{
	const char *path = getenv("PATH");
	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	while (*path) {
		size_t n = strcspn(path, ":");
		if (n && path[0] == '/') {
			char *cand = bh_xmalloc(n + 5);
			memcpy(cand, path, n);
			memcpy(cand + n, "/git", 5);
			struct stat st;
			if (stat(cand, &st) == 0 && S_ISREG(st.st_mode) && access(cand, X_OK) == 0)
				return cand;
			free(cand);
		}
		path += n + (path[n] == ':');
	}
	return NULL;
}

static bool is_dropped(const char *var)
{
	static const char *const dropped[] = {
		"GIT_EXTERNAL_DIFF=", "GIT_DIFF_OPTS=", "GIT_PAGER=", "GIT_CONFIG_PARAMETERS=",
		"GIT_CONFIG_COUNT=", "GIT_CONFIG_KEY_", "GIT_CONFIG_VALUE_", "GIT_OPTIONAL_LOCKS=",
		"GIT_TERMINAL_PROMPT=",
	};
	for (size_t i = 0; i < BH_ARRAY_LEN(dropped); i++)
		if (strncmp(var, dropped[i], strlen(dropped[i])) == 0)
			return true;
	return false;
}

// Add a variable, keeping the environment NULL-terminated.
static void env_push(git_runner *g, const char *fmt, ...) BH_PRINTF(2, 3);

static void env_push(git_runner *g, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = bh_xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (g->env.len && !g->env.items[g->env.len - 1])
		g->env.len--;
	bh_vec_push(&g->env, s);
	bh_vec_push(&g->env, NULL);
}

// Our environment without what could redirect git, plus our settings.
static void env_build(git_runner *g)
{
	for (char **e = environ; e && *e; e++)
		if (!is_dropped(*e))
			env_push(g, "%s", *e);
	env_push(g, "%s", "GIT_OPTIONAL_LOCKS=0");
	env_push(g, "%s", "GIT_TERMINAL_PROMPT=0");
}

static void env_dispose(git_runner *g)
{
	for (size_t i = 0; i < g->env.len; i++)
		free(g->env.items[i]);
	bh_vec_dispose(&g->env);
}

// Start `git -C DIR <safety options> ARGS...` with stdout and stderr on
// pipes and stdin on /dev/null. Returns 0 or an errno value.
static int spawn(pid_t *pid, int *out_fd, int *err_fd, const git_runner *g, const char *const *args)
{
	const char *argv[32] = { "git", "-C", g->dir, "-c", "core.fsmonitor=false", "-c", "core.pager=cat",
				 "-c", "diff.external=", "-c", "core.quotePath=false", "--no-pager" };
	size_t argc = 12;
	for (size_t i = 0; args[i]; i++) {
		bh_assert(argc + 1 < BH_ARRAY_LEN(argv));
		argv[argc++] = args[i];
	}
	argv[argc] = NULL;

	int out[2], err[2];
	if (pipe(out) != 0)
		return errno;
	if (pipe(err) != 0) {
		int e = errno;
		close(out[0]);
		close(out[1]);
		return e;
	}
	// Only the dup2'd copies reach git.
	for (int i = 0; i < 2; i++) {
		fcntl(out[i], F_SETFD, FD_CLOEXEC);
		fcntl(err[i], F_SETFD, FD_CLOEXEC);
	}
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, out[1], 1);
	posix_spawn_file_actions_adddup2(&fa, err[1], 2);
	// posix_spawn's argv and envp are not const for historical reasons;
	// it does not write to them.
	int rc = posix_spawn(pid, g->git, &fa, NULL, (char *const *)argv, g->env.items);
	posix_spawn_file_actions_destroy(&fa);
	close(out[1]);
	close(err[1]);
	if (rc != 0) {
		close(out[0]);
		close(err[0]);
		return rc;
	}
	*out_fd = out[0];
	*err_fd = err[0];
	return 0;
}

// Read stdout and stderr to their ends, together so that neither pipe
// fills up and blocks git. Past GIT_MAX_OUTPUT, git is killed.
static bool drain(git_result *r, pid_t pid, int out_fd, int err_fd)
{
	struct pollfd fds[2] = { { out_fd, POLLIN, 0 }, { err_fd, POLLIN, 0 } };
	bool fits = true;
	char buf[65536];
	while (fds[0].fd >= 0 || fds[1].fd >= 0) {
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < 2; i++) {
			if (fds[i].fd < 0 || !fds[i].revents)
				continue;
			ssize_t k = read(fds[i].fd, buf, sizeof(buf));
			if (k < 0 && errno == EINTR)
				continue;
			if (k <= 0) {
				close(fds[i].fd);
				fds[i].fd = -1;
				continue;
			}
			size_t n = (size_t)k;
			if (i == 1) {
				size_t room = sizeof(r->err) - 1 - r->nerr;
				memcpy(r->err + r->nerr, buf, n < room ? n : room);
				r->nerr += n < room ? n : room;
				r->err[r->nerr] = '\0';
			} else if (fits && r->out.len + n <= GIT_MAX_OUTPUT) {
				bh_vec_reserve(&r->out, n);
				memcpy(r->out.items + r->out.len, buf, n);
				r->out.len += n;
			} else if (fits) {
				fits = false;
				kill(pid, SIGKILL);
			}
		}
	}
	for (int i = 0; i < 2; i++)
		if (fds[i].fd >= 0)
			close(fds[i].fd);
	return fits;
}

// Run git with `args` (NULL-terminated) and collect what it prints.
// BH_EIO (diagnosed) if it could not be started, was stopped or printed
// too much; its exit status is for the caller to judge.
static bh_status run(git_result *r, const git_runner *g, const char *const *args)
{
	result_reset(r);
	pid_t pid;
	int out_fd, err_fd;
	int e = spawn(&pid, &out_fd, &err_fd, g, args);
	if (e) {
		bh_diag_add(g->diags, BH_LEVEL_ERROR, "git.failed", NULL, 0, 0, "cannot run %s: %s", g->git,
			    strerror(e));
		return BH_EIO;
	}
	bool fits = drain(r, pid, out_fd, err_fd);
	int st;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	r->status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	if (!fits) {
		bh_diag_add(g->diags, BH_LEVEL_ERROR, "git.failed", NULL, 0, 0,
			    "git %s printed over %zu MiB; stopped", args[0], GIT_MAX_OUTPUT >> 20);
		return BH_EIO;
	}
	if (r->status < 0) {
		bh_diag_add(g->diags, BH_LEVEL_ERROR, "git.failed", NULL, 0, 0, "git %s was killed by a signal",
			    args[0]);
		return BH_EIO;
	}
	// NUL-terminated for the callers that read it as a string.
	bh_vec_push(&r->out, '\0');
	r->out.len--;
	return BH_OK;
}

static bool has_name(const str_vec *names, const char *name, size_t n)
{
	for (size_t i = 0; i < names->len; i++)
		if (strlen(names->items[i]) == n && memcmp(names->items[i], name, n) == 0)
			return true;
	return false;
}

// Every filter driver of the configuration loses its commands: the
// listing is `git config --name-only -z` of keys "filter.<name>.<key>".
static bh_status disable_filters(git_runner *g, git_result *r)
{
	static const char *const args[] = { "config", "--name-only", "-z", "--get-regexp",
					    "^filter\\.", NULL };
	bh_status err = run(r, g, args);
	if (err < 0)
		return err;
	// Exit 1: no such key.
	if (r->status != 0 && r->status != 1) {
		bh_diag_add(g->diags, BH_LEVEL_ERROR, "git.failed", NULL, 0, 0,
			    "cannot read the git configuration (git: %s)", first_error_line(r));
		return BH_EIO;
	}
	str_vec names = { 0 };
	for (size_t start = 0; start < r->out.len;) {
		const char *key = r->out.items + start;
		size_t n = strlen(key);
		const char *dot = n > 7 ? strrchr(key, '.') : NULL;
		if (dot && dot > key + 7 && !has_name(&names, key + 7, (size_t)(dot - key - 7)))
			bh_vec_push(&names, bh_xstrndup(key + 7, (size_t)(dot - key - 7)));
		start += n + 1;
	}
	static const char *const keys[] = { "clean", "smudge", "process", "required" };
	size_t count = 0;
	for (size_t i = 0; i < names.len; i++)
		for (size_t k = 0; k < BH_ARRAY_LEN(keys); k++) {
			env_push(g, "GIT_CONFIG_KEY_%zu=filter.%s.%s", count, names.items[i], keys[k]);
			bool required = strcmp(keys[k], "required") == 0;
			env_push(g, "GIT_CONFIG_VALUE_%zu=%s", count, required ? "false" : "");
			count++;
		}
	if (count)
		env_push(g, "GIT_CONFIG_COUNT=%zu", count);
	for (size_t i = 0; i < names.len; i++)
		free(names.items[i]);
	bh_vec_dispose(&names);
	return BH_OK;
}

// `dir` is in a git work tree (not a bare repository or a .git directory).
static bh_status check_work_tree(const git_runner *g, git_result *r)
{
	static const char *const args[] = { "rev-parse", "--is-inside-work-tree", NULL };
	bh_status err = run(r, g, args);
	if (err < 0)
		return err;
	if (r->status != 0 || strcmp(r->out.items, "true\n") != 0) {
		bh_diag_add(g->diags, BH_LEVEL_ERROR, "git.not-a-repository", NULL, 0, 0,
			    "'%s' is not in a git work tree (git: %s)", g->dir,
			    r->status ? first_error_line(r) : "not a work tree");
		return BH_ENOTFOUND;
	}
	return BH_OK;
}

// The commit `rev` names, as a hash in *sha_out (heap).
static bh_status resolve(char **sha_out, const git_runner *g, git_result *r, const char *rev)
{
	char *spec = bh_xmalloc(strlen(rev) + 10);
	sprintf(spec, "%s^{commit}", rev);
	const char *const args[] = { "rev-parse", "--verify", "--quiet", "--end-of-options", spec, NULL };
	bh_status err = run(r, g, args);
	free(spec);
	if (err < 0)
		return err;
	size_t n = strcspn(r->out.items, "\n");
	if (r->status != 0 || n == 0) {
		bh_diag_add(g->diags, BH_LEVEL_ERROR, "git.bad-revision", NULL, 0, 0,
			    "--diff: '%s' is not a commit of the repository at '%s'", rev, g->dir);
		return BH_ENOTFOUND;
	}
	*sha_out = bh_xstrndup(r->out.items, n);
	return BH_OK;
}

static bh_status read_diff(bh_diff *out, const git_runner *g, git_result *r, const char *sha)
{
	// --relative: only changes under `dir`, with paths relative to it.
	// --ignore-submodules: a submodule holds no lines of ours, and git
	// would run git inside it to learn whether it is dirty.
	const char *const args[] = { "diff", "--no-ext-diff", "--no-textconv", "--no-color", "--no-renames",
				     "--ignore-submodules=all", "-U0", "--relative", "--src-prefix=a/",
				     "--dst-prefix=b/", sha ? sha : "--cached", "--", NULL };
	bh_status err = run(r, g, args);
	if (err < 0)
		return err;
	if (r->status != 0) {
		bh_diag_add(g->diags, BH_LEVEL_ERROR, "git.failed", NULL, 0, 0, "git diff failed (git: %s)",
			    first_error_line(r));
		return BH_EIO;
	}
	bh_diff_parse(out, r->out.items, r->out.len, g->diags);
	return BH_OK;
}

// Untracked files that are not ignored: new, every line of them.
static bh_status read_untracked(bh_diff *out, const git_runner *g, git_result *r)
{
	static const char *const args[] = { "ls-files", "--others", "--exclude-standard", "-z", NULL };
	bh_status err = run(r, g, args);
	if (err < 0)
		return err;
	if (r->status != 0) {
		bh_diag_add(g->diags, BH_LEVEL_ERROR, "git.failed", NULL, 0, 0,
			    "git ls-files failed (git: %s)", first_error_line(r));
		return BH_EIO;
	}
	bh_diff_add_paths(out, r->out.items, r->out.len);
	return BH_OK;
}

bh_status bh_git_changes(bh_diff *out, const char *dir, const char *rev, bh_diags *diags)
{
	git_runner g = { .dir = dir, .diags = diags };
	git_result r = { 0 };
	char *sha = NULL;
	bh_status err = BH_OK;
	if (!(g.git = find_git())) {
		bh_diag_add(diags, BH_LEVEL_ERROR, "git.not-found", NULL, 0, 0,
			    "%s needs git, and no git was found on PATH", rev ? "--diff" : "--staged");
		err = BH_ENOTFOUND;
		goto out;
	}
	env_build(&g);
	if ((err = disable_filters(&g, &r)) < 0)
		goto out;
	if ((err = check_work_tree(&g, &r)) < 0)
		goto out;
	if (rev && (err = resolve(&sha, &g, &r, rev)) < 0)
		goto out;
	if ((err = read_diff(out, &g, &r, sha)) < 0)
		goto out;
	if (rev && (err = read_untracked(out, &g, &r)) < 0)
		goto out;
out:
	bh_diff_finish(out);
	free(sha);
	free(g.git);
	bh_vec_dispose(&r.out);
	env_dispose(&g);
	return err;
}
