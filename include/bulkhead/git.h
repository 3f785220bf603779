/* SPDX-License-Identifier: MIT */
/*
 * The one place Bulkhead runs another program: `git`, to learn which lines
 * a change touched (`bulkhead scan --diff REV` and `--staged`).
 *
 * The scanned repository is untrusted, and its configuration can name
 * programs that git runs (core.fsmonitor, diff.external, textconv and
 * clean/smudge filter drivers, a pager). Every call turns those off; git
 * is found on PATH ignoring relative entries, and is run without a shell.
 */
#ifndef BULKHEAD_GIT_H
#define BULKHEAD_GIT_H

#include "common.h"
#include "diag.h"
#include "diff.h"

/**
 * Fill `out` (initialised by the caller, finished here) with the lines
 * changed in the git work tree at `dir`, with paths relative to `dir`
 * (`dir` may be a subdirectory of the repository: changes outside it are
 * left out).
 *
 * `rev` non-NULL: the work tree (staged or not) against commit `rev`, plus
 * every untracked file that is not ignored. `rev` NULL: the changes staged
 * in the index against HEAD (without HEAD, every staged file is new).
 *
 * @return BH_OK; BH_ENOTFOUND when git is not installed, `dir` is not in a
 * git work tree or `rev` is not a commit; BH_EIO when git failed otherwise.
 * Each failure adds a "git.*" error diagnostic that says why.
 */
bh_status bh_git_changes(bh_diff *out, const char *dir, const char *rev, bh_diags *diags);

#endif
