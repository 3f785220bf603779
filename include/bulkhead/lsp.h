/* SPDX-License-Identifier: MIT */
/*
 * `bulkhead lsp`: a Language Server Protocol 3.17 server over a pair of
 * file descriptors (the CLI gives it stdin and stdout).
 *
 * Two tiers of analysis, both over the build context that holds the file
 * (the workspace root, or the `context` initialization option):
 * - fast, a debounce interval after the last edit: the syntax-only scan
 *   (bh_scan_options.fast) of the edited buffer: Dockerfile rules and the
 *   image model, tree-sitter-c rules, secrets;
 * - full, when a file is first opened, saved, or a watched file changes:
 *   the whole pipeline with every unsaved buffer as an overlay (libclang
 *   reads them as unsaved files), dataflow and image correlation included.
 * While a buffer has unsaved edits, its full-tier diagnostics move with the
 * edits (those on edited lines are dropped) and the fast tier's replace
 * the rules it also runs.
 */
#ifndef BULKHEAD_LSP_H
#define BULKHEAD_LSP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	const char *context; /* build context; NULL: from the client (rootUri, workspace folders) */
	int jobs;            /* parallel jobs of the full scan; <= 0: number of cores */
	int debounce_ms;     /* quiet time after an edit before the fast analysis; < 0: 40 */
	size_t max_message;  /* largest message body accepted, bytes; 0: 64 MiB */
	/*
	 * Handle one message at a time and finish what it made due (the fast
	 * tier at once, whatever the debounce; the full analysis to its end,
	 * published) before reading the next, as clangd's --sync does: the
	 * same input gives the same output whatever the timing (fuzzing).
	 */
	bool sync;
} bh_lsp_options;

#define BH_LSP_OPTIONS_INIT { NULL, 0, -1, 0, false }

/**
 * Serve requests read from `in_fd`, answering on `out_fd`, until the
 * client sends `exit` or closes its end. Malformed messages get JSON-RPC
 * errors; nothing the client sends ends the server except `exit` and the
 * end of input.
 * @return the process exit status: 0 after `shutdown` then `exit`, 1 when
 * the input ended or `exit` came without `shutdown` (LSP's rule).
 */
int bh_lsp_serve(int in_fd, int out_fd, const bh_lsp_options *opts);

#endif
