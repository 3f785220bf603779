// SPDX-License-Identifier: MIT
// libFuzzer entry point for the secret scanner: the real rule pack (273
// PCRE2 patterns behind an Aho-Corasick prefilter) plus the static secret
// rules over arbitrary bytes as one source file. The first input byte picks
// the file name, because the name decides which detectors apply (config
// files, private keys, .env, C sources, key stores).
#include <stdint.h>
#include <stdlib.h>

#include "bulkhead/arena.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/secret.h"
#include "bulkhead/source.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[] = {
	"config.yaml", ".env", "id_rsa", "src/main.c", "README.md", "settings.json",
	"server.pem", ".npmrc", "keystore.jks", ".git-credentials", "Dockerfile", "app.properties",
};

// Compiling the pack costs far more than scanning one input: once per
// process. A bh_secret is immutable and shared by design.
static bh_secret *sec;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	bh_arena *arena = bh_arena_new();
	bh_diags diags;
	bh_findings findings;
	bh_diags_init(&diags, arena);
	bh_findings_init(&findings, arena);
	if (!sec && bh_secret_new(&sec, NULL, &diags) != BH_OK)
		abort(); // the built-in pack must compile

	const char *name = names[0];
	if (size > 0) {
		name = names[data[0] % (sizeof(names) / sizeof(names[0]))];
		data++;
		size--;
	}
	const bh_source *src = bh_source_from_bytes(arena, name, (const char *)data, size);
	bh_secret_scan_source(sec, src, size & 1, &findings, &diags);
	bh_secret_match_pack(sec, (const char *)data, size);
	bh_secret_is_placeholder((const char *)data, size);
	bh_secret_entropy((const char *)data, size);
	bh_findings_sort_unique(&findings);
	bh_findings_fingerprint(&findings);

	bh_findings_dispose(&findings);
	bh_diags_dispose(&diags);
	bh_arena_free(arena);
	return 0;
}
