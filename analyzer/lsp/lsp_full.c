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
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bulkhead/common.h"
#include "lsp/lsp_internal.h"

struct bh_lsp__job {
	pthread_t thread;
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
};

static void *run(void *arg)
{
	bh_lsp__job *j = arg;
	j->result = bh_lsp__analyze(j->root, j->bufs, j->nbufs, &j->settings, false, NULL, &j->cancel);
	// A failed write only leaves the server to notice at its next wait.
	ssize_t w = write(j->wake[1], "x", 1);
	(void)w;
	return NULL;
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
	if (pthread_create(&j->thread, NULL, run, j) != 0) {
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

void bh_lsp__full_finish(bh_lsp__server *s)
{
	bh_lsp__job *j = s->job;
	if (!j)
		return;
	pthread_join(j->thread, NULL);
	s->job = NULL;
	adopt_client_uris(s, j->result);
	json_decref(s->full);
	s->full = json_incref(j->result);
	for (size_t i = 0; i < s->ndocs; i++) {
		bh_lsp__doc *d = s->docs[i];
		size_t k = 0;
		while (k < j->ndocs && strcmp(j->uris[k], d->uri) != 0)
			k++;
		if (k < j->ndocs && j->edits[k] == d->edits) {
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
	free_job(j);
}

void bh_lsp__full_cancel(bh_lsp__server *s)
{
	if (!s->job)
		return;
	s->job->cancel = 1;
	pthread_join(s->job->thread, NULL);
	free_job(s->job);
	s->job = NULL;
}
