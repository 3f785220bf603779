// SPDX-License-Identifier: MIT
// Shared inside the LSP server (bh_lsp): message framing, buffer text and
// positions, the document store, finding-to-diagnostic conversion, and the
// server state the request handlers read and change.
#ifndef BH_LSP_INTERNAL_H
#define BH_LSP_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "bulkhead/finding.h"
#include "bulkhead/lsp.h"
#include "bulkhead/report.h"

// ------------------------------------------------------------ framing

// Reads `Content-Length`-framed messages from a file descriptor.
typedef struct {
	int fd;
	char *buf;      // bytes read and not yet consumed (heap)
	size_t len, cap;
	bool eof;       // read() returned 0 or failed
} bh_lsp__reader;

typedef enum {
	BH_LSP__MSG = 1,         // a body was read
	BH_LSP__EOF = 0,         // the input ended (a partial message is dropped)
	BH_LSP__BAD_HEADER = -1, // a header block without a valid Content-Length: skipped
	BH_LSP__TOO_LARGE = -2,  // a body over the limit: read and thrown away
} bh_lsp__read_status;

void bh_lsp__reader_init(bh_lsp__reader *r, int fd);
void bh_lsp__reader_dispose(bh_lsp__reader *r);

/**
 * Wait up to `timeout_ms` (< 0: forever) for input, or for `other_fd` (if
 * >= 0) to be readable. Returns a mask: 1 input or end of input is there
 * (bh_lsp__read will not block for its header), 2 `other_fd` is readable;
 * 0 after the timeout.
 */
int bh_lsp__wait(bh_lsp__reader *r, int other_fd, int timeout_ms);

/**
 * Read one message; blocks until it is complete. `*body` (heap,
 * NUL-terminated) is the caller's on BH_LSP__MSG.
 */
bh_lsp__read_status bh_lsp__read(bh_lsp__reader *r, size_t max, char **body, size_t *len);

/**
 * The Content-Length of a header block (`n` bytes, without the blank line
 * that ends it); -1 if there is none or it is not a number.
 */
long long bh_lsp__header_length(const char *hdr, size_t n);

/** Write one framed message; false if the client is gone. */
bool bh_lsp__write(int fd, const char *body, size_t len);

// ------------------------------------------------------- text, positions

// An open buffer's text (heap, always NUL-terminated).
typedef struct {
	char *data;
	size_t len, cap;
} bh_lsp__text;

void bh_lsp__text_set(bh_lsp__text *t, const char *s, size_t n);
void bh_lsp__text_dispose(bh_lsp__text *t);

/** Replace bytes [start, end) with `n` bytes of `s` (offsets clamped). */
void bh_lsp__text_replace(bh_lsp__text *t, size_t start, size_t end, const char *s, size_t n);

/**
 * Byte offset of LSP position (`line`, `character`), both 0-based; the
 * character counts UTF-16 code units when `utf16`, else bytes. Past the
 * end of a line: its end; past the last line: the end of the text.
 */
size_t bh_lsp__offset(const char *text, size_t len, uint32_t line, uint32_t character, bool utf16);

/** The LSP character of byte `col` (0-based, clamped) of a line of `n` bytes. */
uint32_t bh_lsp__character(const char *line, size_t n, size_t col, bool utf16);

/** Number of '\n' in `n` bytes of `s`. */
uint32_t bh_lsp__count_lines(const char *s, size_t n);

// ------------------------------------------------------------ documents

typedef struct {
	char *uri;
	char *path;        // absolute file path of a file: URI, else NULL
	bh_lsp__text text;
	int64_t version;
	bool edited;       // changed since the last full scan read it
	bool fast_due;     // the fast tier has not seen the latest text
	json_t *fast;      // diagnostics of the last fast analysis, or NULL
	uint64_t edits;    // edits so far
	bool unit_done;    // its unit was analysed alone on save (bh_lsp__run_unit) ...
	uint64_t unit_after; // ... after this many full analyses had started
	json_t *shifts;    // [first, last, delta] of the edits made while a full
			   // analysis runs, replayed on its result (NULL: none)
} bh_lsp__doc;

/** The absolute path of a `file://` URI (percent-decoded; heap), or NULL. */
char *bh_lsp__uri_to_path(const char *uri);

/** The `file://` URI of an absolute path (percent-encoded; heap). */
char *bh_lsp__path_to_uri(const char *path);

/** The `file://` URI of context file `rel` under the context `root` (heap). */
char *bh_lsp__context_uri(const char *root, const char *rel);

// ---------------------------------------------------------- diagnostics

/** Gives the text of line `line` (1-based) of context file `path`, or NULL. */
typedef struct {
	bh_line_fn fn;
	void *payload;
} bh_lsp__lines;

/**
 * The LSP Diagnostic of a finding: range in the client's position
 * encoding, severity, code and codeDescription (the rule's documentation),
 * source "bulkhead", the message with the image context and the note,
 * relatedInformation for flow steps, related places and the Dockerfile
 * lines that ship the code, and `data` for code actions and hover: rule,
 * fingerprint, the fix if any, the image context, `tier` (which analysis
 * made it: "fast", "unit" or "full") and `crossFile` (its flow comes
 * from another file). `root` is the context's absolute path.
 */
json_t *bh_lsp__diagnostic(const bh_finding *fd, const char *root, const bh_lsp__lines *lines,
			   bool utf16, const char *tier);

/** An LSP Range of a context location (`loc.path` relative to `root`). */
json_t *bh_lsp__range(const bh_loc *loc, const bh_lsp__lines *lines, bool utf16);

/**
 * Move diagnostic ranges after an edit that replaced lines `first`..`last`
 * (0-based, inclusive) with text spanning `new_lines` more or fewer lines
 * (`delta`): those touching the edited lines are dropped, later ones move.
 */
void bh_lsp__shift(json_t *diags, uint32_t first, uint32_t last, int64_t delta);

/** The rule documentation's URI for codeDescription.href (heap), or NULL. */
char *bh_lsp__doc_href(const bh_rule *rule);

// ------------------------------------------------------------ analysis

// A file the analyses read from memory (an open buffer).
typedef struct {
	const char *path; // absolute
	const char *text;
	size_t len;
} bh_lsp__buffer;

typedef struct {
	bool only_shipped;
	int min_exposure;
	int jobs;
	bool utf16;
} bh_lsp__settings;

// What one analysis covers.
typedef struct {
	bool fast;                   // the syntax-only tier
	const char *only;            // report only this file (absolute), or NULL
	bool only_its_unit;          // parse only the translation unit of `only`; the
				     // rest of the program through `summaries`
	const struct bh_summaries *summaries;   // summaries of the rest of the program, or NULL
	struct bh_summaries **write_summaries; // gets the summaries of this analysis, or NULL
	struct bh_clang_tu_cache *tu_cache; // parse through it, or NULL
	const volatile int *cancel;  // stops the analysis early when set, or NULL
	bool flat;                   // the root's own files only (bh_scan_options.flat_context)
} bh_lsp__scope;

/**
 * Scan the context `root` with `bufs` read from memory and return its
 * diagnostics grouped by URI (a JSON object). Safe on any thread: it reads
 * nothing but its arguments.
 */
json_t *bh_lsp__analyze(const char *root, const bh_lsp__buffer *bufs, size_t nbufs,
			const bh_lsp__settings *st, const bh_lsp__scope *scope);

/** The context-relative path of `abs` under `root`, or NULL. */
const char *bh_lsp__under(const char *root, const char *abs);

// --------------------------------------------------------------- server

typedef struct bh_lsp__job bh_lsp__job;

typedef struct {
	bh_lsp__reader in;
	int out_fd;
	bh_lsp_options opts;
	bool initialized, shutdown, utf16, gone;
	bool watch_dynamic;     // the client lets us register file watchers
	char *root;             // the build context (absolute), or NULL before initialize
	bool only_shipped;      // settings
	int min_exposure;
	bh_lsp__doc **docs;     // open documents (heap array of heap docs)
	size_t ndocs;
	json_t *full;           // uri -> diagnostics of the last full scan; NULL before one
	json_t *sent;           // uri -> diagnostics last published
	bool full_due;          // run the full tier before the next wait
	int64_t fast_at;        // monotonic ms when the fast tier is due; 0: nothing due
	bh_lsp__job *job;       // the full analysis running on its thread, or NULL
	struct bh_summaries *summaries; // of the last full analysis, or NULL
	uint64_t jobs_started;  // full analyses started so far
	struct bh_clang_tu_cache *tu_cache; // units of saved files, reparsed on the next save
} bh_lsp__server;

bh_lsp__doc *bh_lsp__find_doc(bh_lsp__server *s, const char *uri);

/** The diagnostics shown for `uri` now: full tier, edited-buffer rules, fast tier. */
json_t *bh_lsp__merged(bh_lsp__server *s, const char *uri);

/**
 * Start the full tier over the context on its own thread (clears
 * full_due), with a copy of every open buffer; false when none was started
 * (no context, or one is running: it is due again after that one).
 */
bool bh_lsp__full_start(bh_lsp__server *s);

/** The descriptor that becomes readable when the running analysis ends, or -1. */
int bh_lsp__full_fd(const bh_lsp__server *s);

/**
 * Wait for the running analysis and take its result: s->full, moved past
 * the edits made meanwhile. Nothing when none runs.
 */
void bh_lsp__full_finish(bh_lsp__server *s);

/** Stop the running analysis early and wait for its thread. */
void bh_lsp__full_cancel(bh_lsp__server *s);

/** Run the fast tier on one document; replaces d->fast. */
void bh_lsp__run_fast(bh_lsp__server *s, bh_lsp__doc *d);

/**
 * After a save of a C source that the last full analysis saw: analyse its
 * translation unit alone (reparsed with a precompiled preamble), the rest
 * of the program through that analysis' summaries, and make the result the
 * document's full-tier diagnostics until the next full analysis ends.
 * False when it does not apply.
 */
bool bh_lsp__run_unit(bh_lsp__server *s, bh_lsp__doc *d);

/** Publish the merged diagnostics of every URI whose list changed. */
void bh_lsp__publish_all(bh_lsp__server *s);

/** Send a notification (steals `params`). */
void bh_lsp__notify(bh_lsp__server *s, const char *method, json_t *params);

/** textDocument/hover: result (new reference) or json_null(). */
json_t *bh_lsp__hover(bh_lsp__server *s, json_t *params);

/** textDocument/codeAction: an array of CodeAction (new reference). */
json_t *bh_lsp__code_actions(bh_lsp__server *s, json_t *params);

/** Milliseconds of a monotonic clock. */
int64_t bh_lsp__now_ms(void);

#endif
