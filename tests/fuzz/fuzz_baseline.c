// SPDX-License-Identifier: MIT
// libFuzzer entry point for the baseline reader: any bytes as a --baseline
// file (through a temporary file, since bh_baseline_load takes a path),
// then applied to a few fingerprinted findings. Baselines are committed
// next to the code and arrive in pull requests like any other file.
#include "fuzz_tmpfile.h"

#include "bulkhead/arena.h"
#include "bulkhead/config.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = bh_fuzz_tmp_write(data, size, ".json");
	bh_arena *arena = bh_arena_new();
	bh_diags diags;
	bh_findings findings;
	bh_diags_init(&diags, arena);
	bh_findings_init(&findings, arena);

	bh_baseline *bl = NULL;
	bh_baseline_load(&bl, arena, path, &diags);

	static const char *const paths[] = { "src/main.c", "Dockerfile", NULL };
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		bh_loc loc = { paths[i], (uint32_t)i + 1, 1, 0, 0 };
		bh_finding_add(&findings, bh_rule_at(i * 5 % bh_rule_count()), loc, "finding %zu", i);
	}
	bh_findings_sort_unique(&findings);
	bh_findings_fingerprint(&findings);
	bh_baseline_apply(bl, &findings);

	bh_findings_dispose(&findings);
	bh_diags_dispose(&diags);
	bh_arena_free(arena);
	return 0;
}
