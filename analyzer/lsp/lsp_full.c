// SPDX-License-Identifier: MIT
// The full tier on its own thread. On redis a whole analysis takes seconds;
// the server keeps reading, answering and running the fast tier meanwhile.
//
// The thread gets copies of everything it reads (the open buffers, the
// settings, the root) and returns diagnostics grouped by URI, ranges made
// from the text it analysed. Edits that arrive meanwhile are logged per
// buffer (bh_lsp__doc.shifts) and replayed on the result when it is taken,
// so its ranges match the text the editor shows by then; a buffer edited
// meanwhile stays `edited`. A pipe wakes the server's poll when the thread
// is done.
//
// One analysis thread serves the whole process and never ends: libclang
// may give a thread that parses an alternate signal stack of its own (LLVM
// registers its signal handlers again after a precompiled preamble is
// written), which a thread that ends cannot give back cleanly (under
// AddressSanitizer that aborts).
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bulkhead/common.h"
#include "bulkhead/summaries.h"
#include "lsp/lsp_internal.h"

struct bh_lsp__job {
	bool finished;        // under worker.lock
	char *root;
	bh_lsp__buffer *bufs; // copies (heap strings)
	size_t nbufs;
	bh_lsp__settings settings;
	volatile int cancel;
	int wake[2];          // the thread writes a byte to wake[1] when done
	json_t *result;       // diagnostics by URI, set by the thread
	uint64_t *edits;      // per open document at the start: its edit count
	char **uris;          // ... and its URI
	size_t ndocs;
	bh_summaries *summaries; // of every function it analysed, set by the thread
	uint64_t seq;         // 1 for the first full analysis of the server, ...
};

static struct {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	bh_lsp__job *next; // handed to the thread, not taken yet
	int state;         // 0 not started, 1 running, -1 could not start
} worker = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, 0 };

static void run(bh_lsp__job *j)
{
	bh_lsp__scope scope = { .write_summaries = &j->summaries, .cancel = &j->cancel };
	j->result = bh_lsp__analyze(j->root, j->bufs, j->nbufs, &j->settings, &scope);
	// Wake the server's poll first: once `finished` is set the server may
	// free the job, pipe included. (A failed write only leaves the server
	// to notice at its next wait.)
	ssize_t w = write(j->wake[1], "x", 1);
	(void)w;
	pthread_mutex_lock(&worker.lock);
	j->finished = true;
	pthread_cond_broadcast(&worker.cond);
	pthread_mutex_unlock(&worker.lock);
}

static void *worker_main(void *arg)
{
	(void)arg;
	for (;;) {
		pthread_mutex_lock(&worker.lock);
		while (!worker.next)
			pthread_cond_wait(&worker.cond, &worker.lock);
		bh_lsp__job *j = worker.next;
		worker.next = NULL;
		pthread_mutex_unlock(&worker.lock);
		run(j);
	}
	return NULL;
}

// Give `j` to the analysis thread, starting it the first time; false when
// it cannot be started.
static bool hand_over(bh_lsp__job *j)
{
	pthread_mutex_lock(&worker.lock);
	if (!worker.state) {
		pthread_t t;
		pthread_attr_t attr;
		pthread_attr_init(&attr);
		pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
		// libclang parses on this thread's stack (bh_clang_prepare).
		pthread_attr_setstacksize(&attr, 16u << 20);
		worker.state = pthread_create(&t, &attr, worker_main, NULL) == 0 ? 1 : -1;
		pthread_attr_destroy(&attr);
	}
	bool ok = worker.state > 0;
	if (ok) {
		worker.next = j;
		pthread_cond_broadcast(&worker.cond);
	}
	pthread_mutex_unlock(&worker.lock);
	return ok;
}

static void wait_finished(bh_lsp__job *j)
{
	pthread_mutex_lock(&worker.lock);
	while (!j->finished)
		pthread_cond_wait(&worker.cond, &worker.lock);
	pthread_mutex_unlock(&worker.lock);
}

static void free_job(bh_lsp__job *j)
{
	for (size_t i = 0; i < j->nbufs; i++) {
		free((char *)j->bufs[i].path);
		free((char *)j->bufs[i].text);
	}
	for (size_t i = 0; i < j->ndocs; i++)
		free(j->uris[i]);
	free(j->bufs);
	free(j->uris);
	free(j->edits);
	free(j->root);
	bh_summaries_free(j->summaries); // NULL once the server took them
	close(j->wake[0]);
	close(j->wake[1]);
	json_decref(j->result);
	free(j);
}

bool bh_lsp__full_start(bh_lsp__server *s)
{
	if (s->job || !s->root)
		return false;
	s->full_due = false;
	bh_lsp__job *j = bh_xcalloc(1, sizeof(*j));
	if (pipe(j->wake) != 0) {
		free(j);
		s->full_due = true;
		return false;
	}
	j->root = bh_xstrdup(s->root);
	j->seq = ++s->jobs_started;
	j->settings = (bh_lsp__settings){ s->only_shipped, s->min_exposure, s->opts.jobs, s->utf16 };
	j->bufs = bh_xcalloc(s->ndocs + 1, sizeof(*j->bufs));
	j->edits = bh_xcalloc(s->ndocs + 1, sizeof(*j->edits));
	j->uris = bh_xcalloc(s->ndocs + 1, sizeof(*j->uris));
	for (size_t i = 0; i < s->ndocs; i++) {
		bh_lsp__doc *d = s->docs[i];
		j->uris[j->ndocs] = bh_xstrdup(d->uri);
		j->edits[j->ndocs++] = d->edits;
		json_decref(d->shifts);
		d->shifts = json_array();
		if (d->path)
			j->bufs[j->nbufs++] = (bh_lsp__buffer){ bh_xstrdup(d->path),
							       bh_xstrndup(d->text.data, d->text.len),
							       d->text.len };
	}
	if (!hand_over(j)) {
		free_job(j);
		s->full_due = true;
		return false;
	}
	s->job = j;
	return true;
}

int bh_lsp__full_fd(const bh_lsp__server *s)
{
	return s->job ? s->job->wake[0] : -1;
}

// Results are keyed by our spelling of each URI; an open document's goes
// under the client's, which may encode the same path otherwise.
static void adopt_client_uris(bh_lsp__server *s, json_t *by_uri)
{
	for (size_t i = 0; i < s->ndocs; i++) {
		bh_lsp__doc *d = s->docs[i];
		if (!d->path)
			continue;
		char *ours = bh_lsp__path_to_uri(d->path);
		json_t *v = json_object_get(by_uri, ours);
		if (v && strcmp(ours, d->uri) != 0) {
			json_object_set(by_uri, d->uri, v);
			json_object_del(by_uri, ours);
		}
		free(ours);
	}
}

// The index of document `uri` in the job's snapshot; ndocs if it was not
// open when the job started.
static size_t snapshot_of(const bh_lsp__job *j, const char *uri)
{
	size_t k = 0;
	while (k < j->ndocs && strcmp(j->uris[k], uri) != 0)
		k++;
	return k;
}

void bh_lsp__full_finish(bh_lsp__server *s)
{
	bh_lsp__job *j = s->job;
	if (!j)
		return;
	wait_finished(j);
	s->job = NULL;
	adopt_client_uris(s, j->result);
	// A document whose unit was analysed alone after this analysis started
	// keeps that newer result.
	json_t *newer = json_object();
	for (size_t i = 0; i < s->ndocs; i++) {
		bh_lsp__doc *d = s->docs[i];
		json_t *mine = s->full ? json_object_get(s->full, d->uri) : NULL;
		if (mine && d->unit_done && d->unit_after >= j->seq)
			json_object_set(newer, d->uri, mine);
	}
	json_decref(s->full);
	s->full = json_incref(j->result);
	json_object_update(s->full, newer);
	// Its summaries serve the saves that come after it (bh_lsp__run_unit).
	if (j->summaries) {
		bh_summaries_free(s->summaries);
		s->summaries = j->summaries;
		j->summaries = NULL;
	}
	for (size_t i = 0; i < s->ndocs; i++) {
		bh_lsp__doc *d = s->docs[i];
		size_t k = snapshot_of(j, d->uri);
		if (json_object_get(newer, d->uri)) {
			// (its result was kept above; the shifts were applied to it)
		} else if (k < j->ndocs && j->edits[k] == d->edits) {
			d->edited = false;
		} else if (k < j->ndocs) {
			// Edited meanwhile: move the result past those edits.
			size_t e;
			json_t *sh;
			json_array_foreach(d->shifts, e, sh)
				bh_lsp__shift(json_object_get(s->full, d->uri),
					      (uint32_t)json_integer_value(json_array_get(sh, 0)),
					      (uint32_t)json_integer_value(json_array_get(sh, 1)),
					      json_integer_value(json_array_get(sh, 2)));
		}
		json_decref(d->shifts);
		d->shifts = NULL;
	}
	json_decref(newer);
	free_job(j);
}

void bh_lsp__full_cancel(bh_lsp__server *s)
{
	if (!s->job)
		return;
	s->job->cancel = 1;
	wait_finished(s->job);
	free_job(s->job);
	s->job = NULL;
}
