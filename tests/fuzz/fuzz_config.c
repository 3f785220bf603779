// SPDX-License-Identifier: MIT
// libFuzzer entry point for the .bulkhead.json reader: any bytes as the
// config file (through a temporary file, since bh_config_load takes a
// path), then the loaded config applied to a few findings so that the
// exclude globs and rule levels it produced are used. The config file is
// part of the scanned repository, so a pull request controls it.
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
	bh_config cfg;
	bh_diags_init(&diags, arena);
	bh_findings_init(&findings, arena);
	bh_config_init(&cfg);

	bh_config_load(&cfg, arena, path, true, &diags);

	static const char *const paths[] = { "src/main.c", "third_party/x/y.c", "Dockerfile", NULL };
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		bh_loc loc = { paths[i], 1, 1, 0, 0 };
		bh_finding_add(&findings, bh_rule_at(i * 7 % bh_rule_count()), loc, "finding %zu", i);
	}
	bh_findings_sort_unique(&findings);
	bh_findings_fingerprint(&findings);
	bh_config_apply(&cfg, &findings);

	bh_config_dispose(&cfg);
	bh_findings_dispose(&findings);
	bh_diags_dispose(&diags);
	bh_arena_free(arena);
	return 0;
}
