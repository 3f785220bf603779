// SPDX-License-Identifier: MIT
// The LSP server's loop and its methods. One thread: messages are read
// in batches (everything the client has sent so far), so that a
// `$/cancelRequest` can still cancel a request of the same batch; work
// that is due (the fast tier after the debounce interval, the full tier
// after a save) runs when no input is waiting.
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bulkhead/clang.h"
#include "bulkhead/common.h"
#include "bulkhead/fileio.h"
#include "bulkhead/json.h"
#include "bulkhead/lsp.h"
#include "bulkhead/summaries.h"
#include "lsp/lsp_internal.h"

// JSON-RPC and LSP error codes.
enum {
	PARSE_ERROR = -32700,
	INVALID_REQUEST = -32600,
	METHOD_NOT_FOUND = -32601,
	INVALID_PARAMS = -32602,
	SERVER_NOT_INITIALIZED = -32002,
	REQUEST_CANCELLED = -32800,
};

#define MAX_BATCH 256

int64_t bh_lsp__now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

// ------------------------------------------------------------- output

static void send(bh_lsp__server *s, json_t *msg)
{
	if (!s->gone && msg) {
		char *body = json_dumps(msg, JSON_COMPACT);
		if (!body || !bh_lsp__write(s->out_fd, body, strlen(body)))
			s->gone = true;
		free(body);
	}
	json_decref(msg);
}

void bh_lsp__notify(bh_lsp__server *s, const char *method, json_t *params)
{
	send(s, json_pack("{s:s,s:s,s:o}", "jsonrpc", "2.0", "method", method, "params", params));
}

static void reply(bh_lsp__server *s, json_t *id, json_t *result)
{
	send(s, json_pack("{s:s,s:O,s:o}", "jsonrpc", "2.0", "id", id, "result",
			  result ? result : json_null()));
}

static void reply_error(bh_lsp__server *s, json_t *id, int code, const char *message)
{
	send(s, json_pack("{s:s,s:O,s:{s:i,s:s}}", "jsonrpc", "2.0", "id", id ? id : json_null(),
			  "error", "code", code, "message", message));
}

// ----------------------------------------------------------- documents

static const char *doc_uri(json_t *params)
{
	return json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
}

static void free_doc(bh_lsp__doc *d)
{
	free(d->uri);
	free(d->path);
	bh_lsp__text_dispose(&d->text);
	json_decref(d->fast);
	json_decref(d->shifts);
	free(d);
}

static bool same_as_disk(const bh_lsp__doc *d)
{
	char *data = NULL;
	size_t n = 0;
	int err = 0;
	bool same = d->path && bh_file_read_path(&data, &n, d->path, d->text.len + 1, &err) == BH_OK &&
		    n == d->text.len && memcmp(data, d->text.data, n) == 0;
	free(data);
	return same;
}

static void close_doc(bh_lsp__server *s, const char *uri)
{
	for (size_t i = 0; i < s->ndocs; i++) {
		if (strcmp(s->docs[i]->uri, uri) != 0)
			continue;
		// Unsaved edits are gone; if a full scan read them, it saw text
		// that is not on disk.
		if (!same_as_disk(s->docs[i]))
			s->full_due = true;
		free_doc(s->docs[i]);
		s->docs[i] = s->docs[--s->ndocs];
		return;
	}
}

static void schedule_fast(bh_lsp__server *s, bh_lsp__doc *d, int delay_ms)
{
	d->fast_due = true;
	int64_t at = bh_lsp__now_ms() + delay_ms;
	if (!s->fast_at || at > s->fast_at || delay_ms == 0)
		s->fast_at = at;
}

static bool did_open(bh_lsp__server *s, json_t *params)
{
	json_t *td = json_object_get(params, "textDocument");
	const char *uri = doc_uri(params);
	const char *text = json_string_value(json_object_get(td, "text"));
	if (!uri || !text)
		return false;
	close_doc(s, uri);
	bh_lsp__doc *d = bh_xcalloc(1, sizeof(*d));
	d->uri = bh_xstrdup(uri);
	d->path = bh_lsp__uri_to_path(uri);
	bh_lsp__text_set(&d->text, text, json_string_length(json_object_get(td, "text")));
	d->version = json_integer_value(json_object_get(td, "version"));
	s->docs = bh_xrealloc(s->docs, (s->ndocs + 1) * sizeof(*s->docs));
	s->docs[s->ndocs++] = d;
	schedule_fast(s, d, 0);
	if (!s->full && s->root)
		s->full_due = true;
	return true;
}

// Move the diagnostics of `d` shown from earlier analyses past an edit of
// lines `first`..`last` that now spans `delta` more lines.
static void shift_shown(bh_lsp__server *s, bh_lsp__doc *d, uint32_t first, uint32_t last, int64_t delta)
{
	if (s->full)
		bh_lsp__shift(json_object_get(s->full, d->uri), first, last, delta);
	if (d->fast)
		bh_lsp__shift(d->fast, first, last, delta);
	// A full analysis running on the old text gets them too, when it ends.
	if (d->shifts)
		json_array_append_new(d->shifts, json_pack("[I,I,I]", (json_int_t)first, (json_int_t)last,
							   (json_int_t)delta));
	d->edits++;
}

// A whole-text change: the lines that differ lie between the common
// first lines and the common last lines.
static void replace_all(bh_lsp__server *s, bh_lsp__doc *d, const char *text, size_t n)
{
	const char *a = d->text.data;
	size_t an = d->text.len, pre = 0, suf = 0;
	while (pre < an && pre < n && a[pre] == text[pre])
		pre++;
	while (suf < an - pre && suf < n - pre && a[an - 1 - suf] == text[n - 1 - suf])
		suf++;
	uint32_t first = bh_lsp__count_lines(a, pre);
	uint32_t last = bh_lsp__count_lines(a, an - suf);
	uint32_t new_last = bh_lsp__count_lines(text, n - suf);
	shift_shown(s, d, first, last, (int64_t)new_last - last);
	bh_lsp__text_set(&d->text, text, n);
}

static bool did_change(bh_lsp__server *s, json_t *params)
{
	bh_lsp__doc *d = bh_lsp__find_doc(s, doc_uri(params));
	json_t *changes = json_object_get(params, "contentChanges");
	if (!d || !json_is_array(changes))
		return false;
	size_t i;
	json_t *c;
	json_array_foreach(changes, i, c) {
		json_t *t = json_object_get(c, "text");
		json_t *range = json_object_get(c, "range");
		if (!json_is_string(t))
			return false;
		const char *text = json_string_value(t);
		size_t n = json_string_length(t);
		if (!json_is_object(range)) {
			replace_all(s, d, text, n);
			continue;
		}
		json_t *st = json_object_get(range, "start"), *en = json_object_get(range, "end");
		json_int_t sl = json_integer_value(json_object_get(st, "line"));
		json_int_t el = json_integer_value(json_object_get(en, "line"));
		json_int_t sc = json_integer_value(json_object_get(st, "character"));
		json_int_t ec = json_integer_value(json_object_get(en, "character"));
		if (sl < 0 || el < sl || sc < 0 || ec < 0 || el > UINT32_MAX || sc > UINT32_MAX || ec > UINT32_MAX)
			return false;
		size_t from = bh_lsp__offset(d->text.data, d->text.len, (uint32_t)sl, (uint32_t)sc, s->utf16);
		size_t to = bh_lsp__offset(d->text.data, d->text.len, (uint32_t)el, (uint32_t)ec, s->utf16);
		if (to < from)
			to = from;
		shift_shown(s, d, (uint32_t)sl, (uint32_t)el,
			    (int64_t)bh_lsp__count_lines(text, n) - (int64_t)(el - sl));
		bh_lsp__text_replace(&d->text, from, to, text, n);
	}
	json_t *v = json_object_get(json_object_get(params, "textDocument"), "version");
	if (json_is_integer(v))
		d->version = json_integer_value(v);
	d->edited = true;
	schedule_fast(s, d, s->opts.debounce_ms);
	return true;
}

// A save: the saved file's own unit at once (its preamble kept from the
// last save), then the whole program on the analysis thread.
static bool did_save(bh_lsp__server *s, json_t *params)
{
	bh_lsp__doc *d = bh_lsp__find_doc(s, doc_uri(params));
	json_t *t = json_object_get(params, "text");
	if (d && json_is_string(t))
		replace_all(s, d, json_string_value(t), json_string_length(t));
	if (d && bh_lsp__run_unit(s, d))
		bh_lsp__publish_all(s);
	s->full_due = true;
	return true;
}

// ------------------------------------------------------------- settings

static char *root_of(const char *uri_or_path)
{
	if (!uri_or_path)
		return NULL;
	char *p = strncmp(uri_or_path, "file:", 5) == 0 ? bh_lsp__uri_to_path(uri_or_path)
							 : uri_or_path[0] == '/' ? bh_xstrdup(uri_or_path) : NULL;
	size_t n = p ? strlen(p) : 0;
	while (n > 1 && p[n - 1] == '/')
		p[--n] = '\0';
	return p;
}

// `bulkhead` settings from initializationOptions or
// workspace/didChangeConfiguration: context, onlyShipped, minExposure.
static void apply_settings(bh_lsp__server *s, json_t *o)
{
	if (!json_is_object(o))
		return;
	json_t *v;
	if ((v = json_object_get(o, "onlyShipped")) && json_is_boolean(v))
		s->only_shipped = json_is_true(v);
	if ((v = json_object_get(o, "minExposure")) && json_is_integer(v))
		s->min_exposure = (int)json_integer_value(v);
	char *root;
	if (!s->opts.context && (root = root_of(json_string_value(json_object_get(o, "context"))))) {
		free(s->root);
		s->root = root;
	}
}

static json_t *initialize(bh_lsp__server *s, json_t *params)
{
	if (s->opts.context)
		s->root = root_of(s->opts.context[0] == '/' ? s->opts.context : NULL);
	if (!s->root)
		s->root = root_of(json_string_value(json_object_get(params, "rootUri")));
	if (!s->root)
		s->root = root_of(json_string_value(json_object_get(
			json_array_get(json_object_get(params, "workspaceFolders"), 0), "uri")));
	if (!s->root)
		s->root = root_of(json_string_value(json_object_get(params, "rootPath")));
	apply_settings(s, json_object_get(params, "initializationOptions"));
	// UTF-8 positions when the client can (LSP 3.17), else UTF-16.
	json_t *encs = json_object_get(json_object_get(json_object_get(params, "capabilities"), "general"),
				       "positionEncodings");
	size_t i;
	json_t *e;
	json_array_foreach(encs, i, e)
		if (json_is_string(e) && strcmp(json_string_value(e), "utf-8") == 0)
			s->utf16 = false;
	json_t *watch = json_object_get(json_object_get(json_object_get(params, "capabilities"), "workspace"),
					"didChangeWatchedFiles");
	s->watch_dynamic = json_is_true(json_object_get(watch, "dynamicRegistration"));
	s->initialized = true;
	return json_pack(
		"{s:{s:s,s:{s:b,s:i,s:{s:b}},s:b,s:{s:[s]},s:{s:s,s:b,s:b}},s:{s:s,s:s}}",
		"capabilities", "positionEncoding", s->utf16 ? "utf-16" : "utf-8", "textDocumentSync",
		"openClose", 1, "change", 2, "save", "includeText", 0, "hoverProvider", 1,
		"codeActionProvider", "codeActionKinds", "quickfix", "diagnosticProvider", "identifier",
		"bulkhead", "interFileDependencies", 1, "workspaceDiagnostics", 0, "serverInfo", "name",
		"bulkhead", "version", BH_VERSION);
}

// ------------------------------------------------------------- requests

static json_t *pull_diagnostics(bh_lsp__server *s, json_t *params)
{
	const char *uri = doc_uri(params);
	if (!uri)
		return NULL;
	// The client waits for a full analysis of what it has sent so far.
	while (s->job || s->full_due || (!s->full && s->root)) {
		if (!s->job && !bh_lsp__full_start(s))
			break;
		bh_lsp__full_finish(s);
	}
	bh_lsp__doc *d = bh_lsp__find_doc(s, uri);
	if (d && d->fast_due)
		bh_lsp__run_fast(s, d);
	// The client knows this list now: a later push compares with it.
	json_t *items = bh_lsp__merged(s, uri);
	json_object_set(s->sent, uri, items);
	return json_pack("{s:s,s:o}", "kind", "full", "items", items);
}

// Run what is due: the fast tier of edited buffers; take the result of a
// full analysis that ended, then start the next one if a save or another
// change made it due.
static void run_due(bh_lsp__server *s, bool wait_over, bool full_done)
{
	bool changed = false;
	if (s->fast_at && (wait_over || bh_lsp__now_ms() >= s->fast_at)) {
		s->fast_at = 0;
		for (size_t i = 0; i < s->ndocs; i++)
			if (s->docs[i]->fast_due) {
				bh_lsp__run_fast(s, s->docs[i]);
				changed = true;
			}
		if (changed)
			bh_lsp__publish_all(s);
	}
	if (full_done && s->job) {
		bh_lsp__full_finish(s);
		bh_lsp__publish_all(s);
	}
	if (s->full_due && !s->job)
		bh_lsp__full_start(s);
}

// With `sync`: what the last message made due, run to its end.
static void settle(bh_lsp__server *s)
{
	run_due(s, true, false);
	while (s->job) {
		struct pollfd p = { bh_lsp__full_fd(s), POLLIN, 0 };
		if (poll(&p, 1, -1) < 0 && errno != EINTR)
			break;
		run_due(s, true, true);
	}
}

// The result of request `method`, NULL for bad params; `*known` false
// for a method the server does not have.
static json_t *request(bh_lsp__server *s, const char *method, json_t *params, bool *known)
{
	*known = true;
	if (strcmp(method, "shutdown") == 0) {
		s->shutdown = true;
		return json_null();
	}
	if (strcmp(method, "textDocument/hover") == 0)
		return bh_lsp__hover(s, params);
	if (strcmp(method, "textDocument/codeAction") == 0)
		return bh_lsp__code_actions(s, params);
	if (strcmp(method, "textDocument/diagnostic") == 0)
		return pull_diagnostics(s, params);
	*known = false;
	return NULL;
}

// Files whose change on disk changes the analysis of the build context:
// what the compiler reads, how the image is built, where secrets live.
#define WATCHED_GLOB                                                                             \
	"**/{*.c,*.h,Dockerfile,Containerfile,*.Dockerfile,Dockerfile.*,*.dockerignore,"           \
	".dockerignore,compile_commands.json,Makefile,GNUmakefile,makefile,*.mk,CMakeLists.txt,"  \
	"meson.build,.bulkhead.json,.env,.env.*,*.yaml,*.yml,*.toml,*.ini,*.conf,*.cfg,*.pem,*.key}"

// After `initialized`: ask a client that allows it to tell us when those
// files change on disk (the answer is a response we need not read).
static void register_watchers(bh_lsp__server *s)
{
	if (!s->watch_dynamic)
		return;
	send(s, json_pack("{s:s,s:s,s:s,s:{s:[{s:s,s:s,s:{s:[{s:s}]}}]}}", "jsonrpc", "2.0", "id",
			  "bulkhead-watch", "method", "client/registerCapability", "params",
			  "registrations", "id", "bulkhead-watch", "method",
			  "workspace/didChangeWatchedFiles", "registerOptions", "watchers", "globPattern",
			  WATCHED_GLOB));
}

static void notification(bh_lsp__server *s, const char *method, json_t *params)
{
	if (strcmp(method, "initialized") == 0)
		register_watchers(s);
	else if (strcmp(method, "textDocument/didOpen") == 0)
		did_open(s, params);
	else if (strcmp(method, "textDocument/didChange") == 0)
		did_change(s, params);
	else if (strcmp(method, "textDocument/didSave") == 0)
		did_save(s, params);
	else if (strcmp(method, "textDocument/didClose") == 0 && doc_uri(params)) {
		close_doc(s, doc_uri(params));
		bh_lsp__publish_all(s);
	} else if (strcmp(method, "workspace/didChangeWatchedFiles") == 0)
		s->full_due = true;
	else if (strcmp(method, "workspace/didChangeConfiguration") == 0) {
		apply_settings(s, json_object_get(json_object_get(params, "settings"), "bulkhead"));
		s->full_due = true;
	}
	// Anything else, `initialized` and `$/...` included, needs nothing.
}

// Handle one message; false once `exit` came.
static bool handle(bh_lsp__server *s, json_t *msg, const json_t *cancelled)
{
	if (!json_is_object(msg)) {
		reply_error(s, NULL, INVALID_REQUEST, "a message must be a JSON object");
		return true;
	}
	json_t *id = json_object_get(msg, "id");
	const char *method = json_string_value(json_object_get(msg, "method"));
	json_t *params = json_object_get(msg, "params");
	if (id && !json_is_string(id) && !json_is_integer(id)) {
		reply_error(s, NULL, INVALID_REQUEST, "id must be a number or a string");
		return true;
	}
	if (!method) {
		if (id && !json_object_get(msg, "result") && !json_object_get(msg, "error"))
			reply_error(s, id, INVALID_REQUEST, "no method");
		return true; // else a response to a request of ours: there are none
	}
	if (strcmp(method, "exit") == 0)
		return false;
	if (!id) {
		if (s->initialized && !s->shutdown)
			notification(s, method, params);
		return true;
	}
	if (json_array_size(cancelled)) {
		size_t i;
		json_t *c;
		json_array_foreach(cancelled, i, c)
			if (json_equal(c, id)) {
				reply_error(s, id, REQUEST_CANCELLED, "cancelled by the client");
				return true;
			}
	}
	if (strcmp(method, "initialize") == 0) {
		if (s->initialized)
			reply_error(s, id, INVALID_REQUEST, "initialize was already received");
		else
			reply(s, id, initialize(s, params));
		return true;
	}
	if (!s->initialized) {
		reply_error(s, id, SERVER_NOT_INITIALIZED, "initialize first");
		return true;
	}
	if (s->shutdown) {
		reply_error(s, id, INVALID_REQUEST, "the server is shut down");
		return true;
	}
	bool known;
	json_t *result = request(s, method, params, &known);
	if (!known)
		reply_error(s, id, METHOD_NOT_FOUND, "unknown method");
	else if (!result)
		reply_error(s, id, INVALID_PARAMS, "missing or malformed parameters");
	else
		reply(s, id, result);
	return true;
}

// Read the next message into `*out` (NULL when it was not JSON: the
// client got a parse error); false at the end of input.
static bool next_message(bh_lsp__server *s, json_t **out)
{
	*out = NULL;
	char *body;
	size_t len;
	switch (bh_lsp__read(&s->in, s->opts.max_message, &body, &len)) {
	case BH_LSP__EOF:
		return false;
	case BH_LSP__BAD_HEADER:
		reply_error(s, NULL, PARSE_ERROR, "message header without a valid Content-Length");
		return true;
	case BH_LSP__TOO_LARGE:
		reply_error(s, NULL, PARSE_ERROR, "message over the size limit; ignored");
		return true;
	case BH_LSP__MSG:
		break;
	}
	json_error_t err;
	*out = json_loadb(body, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
	free(body);
	if (!*out)
		reply_error(s, NULL, PARSE_ERROR, "message body is not JSON");
	return true;
}

static bool is_cancel(json_t *msg)
{
	const char *method = json_string_value(json_object_get(msg, "method"));
	return method && strcmp(method, "$/cancelRequest") == 0;
}

static void dispose(bh_lsp__server *s)
{
	bh_lsp__full_cancel(s);
	bh_summaries_free(s->summaries);
	bh_clang_tu_cache_free(s->tu_cache);
	for (size_t i = 0; i < s->ndocs; i++)
		free_doc(s->docs[i]);
	free(s->docs);
	free(s->root);
	json_decref(s->full);
	json_decref(s->sent);
	bh_lsp__reader_dispose(&s->in);
}

int bh_lsp_serve(int in_fd, int out_fd, const bh_lsp_options *opts)
{
	// A client that goes away must end the server, not kill it.
	signal(SIGPIPE, SIG_IGN);
	// jansson seeds its hash function on first use; two threads make
	// objects here, so seed it before either does.
	json_object_seed(0);
	bh_clang_prepare();
	bh_lsp__server s = { .out_fd = out_fd, .utf16 = true, .sent = json_object() };
	bh_lsp_options defaults = BH_LSP_OPTIONS_INIT;
	s.opts = opts ? *opts : defaults;
	if (s.opts.debounce_ms < 0)
		s.opts.debounce_ms = 40;
	if (!s.opts.max_message)
		s.opts.max_message = 64u << 20;
	bh_lsp__reader_init(&s.in, in_fd);
	int status = 1;
	bool running = true;
	while (running && !s.gone) {
		int timeout = -1;
		if (s.full_due && !s.job)
			timeout = 0;
		else if (s.fast_at) {
			int64_t left = s.fast_at - bh_lsp__now_ms();
			timeout = left > 0 ? (int)left : 0;
		}
		int ready = bh_lsp__wait(&s.in, bh_lsp__full_fd(&s), timeout);
		if (!(ready & 1)) {
			run_due(&s, ready == 0, ready & 2);
			continue;
		}
		// A batch: what has arrived, cancellations known before any of it runs.
		json_t *batch = json_array(), *cancelled = json_array(), *m;
		bool more = true;
		while (more && json_array_size(batch) < MAX_BATCH) {
			if (!next_message(&s, &m)) {
				json_array_append_new(batch, json_pack("{s:s}", "method", "exit"));
				break;
			}
			if (m && is_cancel(m))
				json_array_append(cancelled, json_object_get(json_object_get(m, "params"), "id"));
			if (m)
				json_array_append_new(batch, m);
			more = !s.opts.sync && (bh_lsp__wait(&s.in, -1, 0) & 1) && !s.in.eof;
		}
		size_t i;
		json_array_foreach(batch, i, m) {
			if (!handle(&s, m, cancelled)) {
				status = s.shutdown ? 0 : 1;
				running = false;
				break;
			}
		}
		json_decref(batch);
		json_decref(cancelled);
		if (running && s.opts.sync)
			settle(&s);
		else if (running)
			run_due(&s, false, bh_lsp__wait(&s.in, bh_lsp__full_fd(&s), 0) & 2);
	}
	dispose(&s);
	return status;
}
