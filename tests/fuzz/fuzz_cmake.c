// SPDX-License-Identifier: MIT
// libFuzzer entry point for the CMake project reader (bh_cmake_recipes): its
// tokenizer, variables, target and install commands, subdirectories (every
// one reads the same input again, so cycles and depth are exercised) and
// the gathering of sources through libraries. Project files come with the
// scanned tree, and image correlation reads the one a configure step in a
// Dockerfile names.
#include "fuzz_project.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const options[2] = { "CMAKE_INSTALL_PREFIX=/opt", "CMAKE_BUILD_TYPE=Release" };
	bh_fuzz_project(data, size, bh_cmake_recipes, "CMakeLists.txt", options);
	return 0;
}
