// SPDX-License-Identifier: MIT
// The secret scanner's keyword prefilter: an Aho-Corasick automaton
// compiled into a full transition table (a DFA), so the scan loop does one
// table lookup per input byte and never backtracks. Matching ignores ASCII
// case: the keywords are lowercase and both cases of a letter map to the
// same byte class.
//
// Invariant: state 0 is the root; every state has a transition for every
// class. Each state's output list holds the matchers of every keyword that
// ends there, including through failure links, without duplicates.
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "parse/secrets/secret_internal.h"
#include "bulkhead/vec.h"

typedef BH_VEC(uint32_t) u32_vec;

static void add_unique(u32_vec *v, uint32_t x)
{
	for (size_t i = 0; i < v->len; i++)
		if (v->items[i] == x)
			return;
	bh_vec_push(v, x);
}

void bh_secret__ac_build(bh_secret__ac *ac, const char *const *keywords,
			 const uint32_t *owner, size_t n)
{
	memset(ac, 0, sizeof(*ac));
	// Classes: one per distinct folded byte used in a keyword, 0 for the rest.
	uint32_t ncls = 1;
	for (size_t k = 0; k < n; k++) {
		for (const unsigned char *p = (const unsigned char *)keywords[k]; *p; p++) {
			unsigned char c = (unsigned char)tolower(*p);
			if (!ac->cls[c]) {
				ac->cls[c] = (uint8_t)ncls;
				ac->cls[toupper(c)] = (uint8_t)ncls;
				ncls++;
				bh_assert(ncls < 256);
			}
		}
	}
	ac->nclasses = ncls;

	// Trie: goto[state * ncls + cls], 0 meaning "no edge" (the root is
	// never a target). Grown as states are added.
	size_t cap = 64;
	uint32_t *go = bh_xcalloc(cap * ncls, sizeof(*go));
	u32_vec *outs = bh_xcalloc(cap, sizeof(*outs));
	uint32_t nstates = 1;
	for (size_t k = 0; k < n; k++) {
		uint32_t s = 0;
		size_t kl = strlen(keywords[k]);
		if (kl > ac->maxlen)
			ac->maxlen = (uint32_t)kl;
		for (const unsigned char *p = (const unsigned char *)keywords[k]; *p; p++) {
			uint32_t c = ac->cls[*p];
			if (!go[s * ncls + c]) {
				if (nstates == cap) {
					go = bh_xrealloc(go, cap * 2 * ncls * sizeof(*go));
					memset(go + cap * ncls, 0, cap * ncls * sizeof(*go));
					outs = bh_xrealloc(outs, cap * 2 * sizeof(*outs));
					memset(outs + cap, 0, cap * sizeof(*outs));
					cap *= 2;
				}
				go[s * ncls + c] = nstates++;
			}
			s = go[s * ncls + c];
		}
		add_unique(&outs[s], owner[k]);
	}

	// Breadth-first: failure links, then fill missing edges from the
	// failure state's (already complete) row, and inherit its outputs.
	uint32_t *fail = bh_xcalloc(nstates, sizeof(*fail));
	uint32_t *queue = bh_xmalloc(nstates * sizeof(*queue));
	size_t qh = 0, qt = 0;
	for (uint32_t c = 0; c < ncls; c++) {
		uint32_t t = go[c];
		if (t) {
			fail[t] = 0;
			queue[qt++] = t;
		}
	}
	while (qh < qt) {
		uint32_t s = queue[qh++];
		for (size_t i = 0; i < outs[fail[s]].len; i++)
			add_unique(&outs[s], outs[fail[s]].items[i]);
		for (uint32_t c = 0; c < ncls; c++) {
			uint32_t t = go[s * ncls + c];
			if (t) {
				fail[t] = go[fail[s] * ncls + c];
				queue[qt++] = t;
			} else {
				go[s * ncls + c] = go[fail[s] * ncls + c];
			}
		}
	}

	// The scan loop wants row offsets and a flag, not state numbers: one
	// load per byte and no multiplication (see scan_bytes).
	bh_assert((uint64_t)nstates * ncls < BH_SECRET__AC_OUT);
	for (size_t i = 0; i < (size_t)nstates * ncls; i++) {
		uint32_t t = go[i];
		go[i] = t * ncls | (outs[t].len ? BH_SECRET__AC_OUT : 0);
	}
	ac->nstates = nstates;
	ac->delta = go;
	ac->out_start = bh_xmalloc((nstates + 1) * sizeof(*ac->out_start));
	size_t total = 0;
	for (uint32_t s = 0; s < nstates; s++)
		total += outs[s].len;
	ac->outs = bh_xmalloc((total ? total : 1) * sizeof(*ac->outs));
	size_t at = 0;
	for (uint32_t s = 0; s < nstates; s++) {
		ac->out_start[s] = (uint32_t)at;
		for (size_t i = 0; i < outs[s].len; i++)
			ac->outs[at++] = outs[s].items[i];
		bh_vec_dispose(&outs[s]);
	}
	ac->out_start[nstates] = (uint32_t)at;
	free(outs);
	free(fail);
	free(queue);
}

void bh_secret__ac_dispose(bh_secret__ac *ac)
{
	free(ac->delta);
	free(ac->out_start);
	free(ac->outs);
	memset(ac, 0, sizeof(*ac));
}
