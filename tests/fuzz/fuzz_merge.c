// SPDX-License-Identifier: MIT
// libFuzzer entry point for `bulkhead merge`'s report reader: any bytes as
// a JSON report (through a temporary file, since bh_report_load_json takes
// a path), read twice as two shards' reports, joined, and written back as
// JSON and SARIF. Shards' reports travel between CI jobs as artifacts: a
// merge job reads whatever it is handed.
#include "fuzz_tmpfile.h"

#include <stdio.h>

#include "bulkhead/arena.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/merge.h"
#include "bulkhead/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = bh_fuzz_tmp_write(data, size, ".json");
	bh_arena *arena = bh_arena_new();
	bh_diags diags;
	bh_findings findings;
	bh_diags_init(&diags, arena);
	bh_findings_init(&findings, arena);
	bh_report_meta meta = { 0 };
	bh_report_load_json(path, &findings, &diags, &meta);
	bh_report_load_json(path, &findings, &diags, &meta);
	bh_merge_finish(&findings, &diags, size % 2 == 0);

	bh_report report = {
		.tool_version = meta.tool_version,
		.context_root = meta.context_root ? meta.context_root : "",
		.findings = &findings,
		.diags = &diags,
		.files_scanned = meta.files_scanned,
		.units_parsed = meta.units_parsed,
		.start_time = meta.start_time,
		.end_time = meta.end_time,
	};
	FILE *sink = fopen("/dev/null", "w");
	if (sink) {
		bh_report_json(sink, &report);
		bh_report_text(sink, &report);
		fclose(sink);
	}
	bh_findings_dispose(&findings);
	bh_diags_dispose(&diags);
	bh_arena_free(arena);
	return 0;
}
