// SPDX-License-Identifier: MIT
// What configure would find on the machine Bulkhead runs on, asked
// without compiling or running anything (bh_disc_this_host): a header is
// there when a file of that name is in the compiler's or the system's
// include directories; a function when the C library or the maths library
// exports the symbol (what AC_CHECK_FUNCS's link test finds); a library when lib<name>.so or lib<name>.a is in a system
// library directory (AC_CHECK_LIB). Only fixed system paths are read: the
// names asked come from a scanned template, but are made of letters,
// digits, '_' and '/' only (disc_autoheader.c), so they cannot leave them.
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bulkhead/disc.h"

#if defined(__x86_64__)
#define MULTIARCH "x86_64-linux-gnu"
#elif defined(__aarch64__)
#define MULTIARCH "aarch64-linux-gnu"
#elif defined(__i386__)
#define MULTIARCH "i386-linux-gnu"
#elif defined(__arm__)
#define MULTIARCH "arm-linux-gnueabihf"
#elif defined(__powerpc64__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define MULTIARCH "powerpc64le-linux-gnu"
#elif defined(__s390x__)
#define MULTIARCH "s390x-linux-gnu"
#elif defined(__riscv)
#define MULTIARCH "riscv64-linux-gnu"
#else
#define MULTIARCH "unknown-linux-gnu"
#endif

#ifndef BH_CLANG_INCLUDE_DIR // the build names libclang's own headers' directory
#define BH_CLANG_INCLUDE_DIR "/usr/lib/llvm-19/lib/clang/19/include"
#endif

// In the order clang searches them.
static const char *const include_dirs[] = {
	BH_CLANG_INCLUDE_DIR, "/usr/local/include", ("/usr/include/" MULTIARCH), "/usr/include",
};

static const char *const library_dirs[] = {
	"/usr/local/lib", ("/usr/lib/" MULTIARCH), ("/lib/" MULTIARCH), "/usr/lib", "/lib",
};

static bool safe_name(const char *name)
{
	if (!*name || name[0] == '/')
		return false;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '/' ||
		      *p == '.' || *p == '-' || *p == '+') ||
		    (p[0] == '.' && p[1] == '.'))
			return false;
	return true;
}

static bool in_some_dir(const char *const *dirs, size_t ndirs, const char *name)
{
	char path[512];
	for (size_t i = 0; i < ndirs; i++)
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dirs[i], name) < sizeof(path) &&
		    access(path, R_OK) == 0)
			return true;
	return false;
}

static bool has_header(void *payload, const char *path)
{
	(void)payload;
	return safe_name(path) && in_some_dir(include_dirs, BH_ARRAY_LEN(include_dirs), path);
}

// The system's C library and maths library (the C library is this
// process's; the maths library is libclang's dependency, loaded if the
// link left it out), opened once and kept.
static void *libraries[2];
static pthread_once_t libraries_once = PTHREAD_ONCE_INIT;

static void open_libraries(void)
{
	libraries[0] = dlopen("libc.so.6", RTLD_LAZY | RTLD_LOCAL);
	libraries[1] = dlopen("libm.so.6", RTLD_LAZY | RTLD_LOCAL);
}

static bool has_function(void *payload, const char *name)
{
	(void)payload;
	pthread_once(&libraries_once, open_libraries);
	for (size_t i = 0; i < BH_ARRAY_LEN(libraries); i++)
		if (libraries[i] && dlsym(libraries[i], name))
			return true;
	return false;
}

static bool has_library(void *payload, const char *name)
{
	(void)payload;
	char file[160];
	if (!safe_name(name) || strchr(name, '/'))
		return false;
	static const char *const suffixes[] = { ".so", ".a" };
	for (size_t i = 0; i < BH_ARRAY_LEN(suffixes); i++)
		if ((size_t)snprintf(file, sizeof(file), "lib%s%s", name, suffixes[i]) < sizeof(file) &&
		    in_some_dir(library_dirs, BH_ARRAY_LEN(library_dirs), file))
			return true;
	return false;
}

const bh_disc_host *bh_disc_this_host(void)
{
	static const bh_disc_host host = { has_header, has_function, has_library, NULL };
	return &host;
}
