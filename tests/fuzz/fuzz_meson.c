// SPDX-License-Identifier: MIT
// libFuzzer entry point for the meson project reader (bh_meson_recipes): its
// tokenizer, variables, target and install functions, subdir() (every one
// reads the same input again, so cycles and depth are exercised) and the
// gathering of sources through libraries. Project files come with the
// scanned tree, and image correlation reads the one a configure step in a
// Dockerfile names.
#include "fuzz_project.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const options[2] = { "--prefix=/opt", "-Dbuildtype=release" };
	bh_fuzz_project(data, size, bh_meson_recipes, "meson.build", options);
	return 0;
}
