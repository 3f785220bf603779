// SPDX-License-Identifier: MIT
// libFuzzer entry point for the unified diff parser of `scan --diff` and
// `--staged` (analyzer/diff/diff_parse.c): parse the input as git diff
// output and, separately, as a NUL-separated list of untracked paths, then
// look up lines of the paths it named and filter findings through the set.
// git prints the text, but about a hostile repository: paths and added
// lines are the attacker's.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/diag.h"
#include "bulkhead/diff.h"
#include "bulkhead/finding.h"
#include "bulkhead/rule.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	bh_arena *arena = bh_arena_new();
	bh_diags diags;
	bh_diags_init(&diags, arena);
	bh_diff diff;
	bh_diff_init(&diff, arena);
	const char *text = (const char *)data;

	bh_diff_parse(&diff, text, size, &diags);
	bh_diff_add_paths(&diff, text, size > 256 ? 256 : size);
	bh_diff_finish(&diff);

	// Every line the set holds, and its neighbours, through both queries.
	bh_findings fs;
	bh_findings_init(&fs, arena);
	for (size_t i = 0; i < diff.files.len && i < 16; i++) {
		const bh_diff_file *f = &diff.files.items[i];
		bh_assert(i == 0 || strcmp(diff.files.items[i - 1].path, f->path) < 0);
		for (size_t r = 0; r < f->ranges.len && r < 16; r++) {
			const bh_diff_range *rg = &f->ranges.items[r];
			bh_assert(rg->first >= 1 && rg->first <= rg->last);
			bh_assert(r == 0 || f->ranges.items[r - 1].last + 1 < rg->first);
			bh_assert(bh_diff_has_lines(&diff, f->path, rg->first, rg->first));
			bh_assert(bh_diff_has_lines(&diff, f->path, rg->last, rg->last));
			bh_diff_has_lines(&diff, f->path, rg->first - 1, rg->last + 1);
			bh_finding *fd = bh_finding_add(&fs, bh_rule_get(BH_RULE_C_GETS),
							(bh_loc){ f->path, rg->last + 1, 1, 0, 0 }, "f");
			bh_finding_add_flow(&fs, fd, (bh_loc){ f->path, rg->first, 1, 0, 0 }, "step");
		}
		bh_finding_add(&fs, bh_rule_get(BH_RULE_C_GETS), (bh_loc){ f->path, 0, 0, 0, 0 }, "file");
	}
	bh_diff_keep_changed(&diff, &fs);

	bh_findings_dispose(&fs);
	bh_diff_dispose(&diff);
	bh_diags_dispose(&diags);
	bh_arena_free(arena);
	return 0;
}
