// SPDX-License-Identifier: MIT
// libFuzzer entry point for the Dockerfile front end and everything that
// consumes its tree without a build context: the parser, Docker's variable
// substitution and word splitting on every instruction's words, the image
// model (stages, COPY/ADD resolution, the RUN shell adapter) built with no
// context, the docker.* rules over that model, and the model printers.
// A Dockerfile is the first untrusted file Bulkhead reads in a pull request.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "bulkhead/arena.h"
#include "bulkhead/df.h"
#include "bulkhead/diag.h"
#include "bulkhead/finding.h"
#include "bulkhead/img.h"
#include "bulkhead/secret.h"
#include "bulkhead/source.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

// The compiled secret pack is immutable and costs far more than one input,
// so it is made once per process (docker.secret-in-arg-env consults it).
static bh_secret *secrets;
static FILE *devnull;

static void init_once(void)
{
	if (devnull)
		return;
	bh_diags d;
	bh_arena *a = bh_arena_new();
	bh_diags_init(&d, a);
	if (bh_secret_new(&secrets, NULL, &d) != BH_OK)
		abort(); // the built-in pack must compile
	bh_diags_dispose(&d);
	bh_arena_free(a);
	devnull = fopen("/dev/null", "w");
	if (!devnull)
		abort();
}

// Expand and split every word the way the image model would, with a few
// variables declared so that both the known and unknown paths run.
static void expand_all(bh_arena *arena, const bh_df_file *df)
{
	bh_df_vars vars = { 0 };
	bh_df_vars_set(&vars, "HOME", "/root");
	bh_df_vars_set(&vars, "EMPTY", "");
	bh_df_vars_set(&vars, "UNSET", NULL);
	for (size_t i = 0; i < df->ninstrs; i++) {
		const bh_df_instr *in = &df->instrs[i];
		for (int pass = 0; pass < 2 && in; pass++, in = in->inner) {
			for (size_t j = 0; j < in->nargs; j++)
				bh_df_expand(arena, in->args[j], df->escape, &vars, NULL);
			for (size_t j = 0; j < in->nkvs; j++) {
				bool unknown = false;
				const char *v = in->kvs[j].value
					? bh_df_expand(arena, in->kvs[j].value, df->escape, &vars, &unknown)
					: NULL;
				bh_df_vars_set(&vars, in->kvs[j].key, v);
			}
			for (size_t j = 0; j < in->nflags; j++)
				if (in->flags[j].value)
					bh_df_expand(arena, in->flags[j].value, df->escape, &vars, NULL);
			if (in->text) {
				const char **words = NULL;
				bh_df_split_words(&words, arena, in->text, df->escape);
				uint32_t line, col;
				bh_df_instr_position(df, in, 0, &line, &col);
			}
		}
	}
	bh_vec_dispose(&vars);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	init_once();
	bh_arena *arena = bh_arena_new();
	bh_diags diags;
	bh_findings findings;
	bh_diags_init(&diags, arena);
	bh_findings_init(&findings, arena);

	const bh_source *src = bh_source_from_bytes(arena, "Dockerfile", (const char *)data, size);
	bh_df_file *df = NULL;
	bh_df_parse(&df, arena, src, NULL, &diags);
	bh_df_dump(df, devnull);
	expand_all(arena, df);

	bh_img *img = NULL;
	bh_img_build(&img, arena, NULL, "Dockerfile", df, NULL, &diags);
	bh_docker_check(img, NULL, secrets, &findings);
	bh_img_print(devnull, img, BH_IMG_TEXT);
	bh_img_print(devnull, img, BH_IMG_JSON);
	bh_img_print(devnull, img, BH_IMG_DOT);
	bh_findings_sort_unique(&findings);
	bh_findings_fingerprint(&findings);

	bh_findings_dispose(&findings);
	bh_diags_dispose(&diags);
	bh_arena_free(arena);
	return 0;
}
