// SPDX-License-Identifier: MIT
// libFuzzer entry point for the tree-sitter-c fast path: the input is a C
// file, parsed by tree-sitter-c and walked by the hard-coded credential
// rules in both scopes (macros only, as for files libclang analysed, and
// in full, as for headers nothing includes). Every C file of a pull
// request goes through it, without compile flags and without libclang.
#include <stdint.h>
#include <stdlib.h>

#include "bulkhead/arena.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/tsc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	bh_alloc_install();
	bh_arena *arena = bh_arena_new();
	bh_findings findings;
	bh_diags diags;
	bh_findings_init(&findings, arena);
	bh_diags_init(&diags, arena);
	const char *text = (const char *)data;
	if (bh_tsc_check(&findings, &diags, "fuzz.c", text, size, BH_TSC_MACROS, NULL) != BH_OK ||
	    bh_tsc_check(&findings, &diags, "fuzz.h", text, size, BH_TSC_FULL, "note") != BH_OK)
		abort();
	// Every finding is worded and has its redacted snippet.
	for (size_t i = 0; i < findings.items.len; i++)
		if (!findings.items.items[i].message || !findings.items.items[i].snippet)
			abort();
	bh_findings_dispose(&findings);
	bh_diags_dispose(&diags);
	bh_arena_free(arena);
	return 0;
}
