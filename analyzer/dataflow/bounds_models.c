// SPDX-License-Identifier: MIT
// What the C library's allocation, copy, fill and string functions do to
// the memory they are given, in the terms of the bounds checker: which
// argument is written or read, and how many bytes the count argument
// means. One table, sorted by name for bsearch.
#include <stdlib.h>
#include <string.h>

#include "dataflow/bounds_internal.h"

#define M(name, kind, dst, src, n, n2, unit, zero) { name, BH_BND_M_##kind, dst, src, n, n2, unit, zero }

// Kept in strcmp order (checked by the unit test through bh_bnd_model_find).
static const bh_bnd_model models[] = {
	M("__builtin___memcpy_chk", COPY, 0, 1, 2, -1, 1, false),
	M("__builtin___memmove_chk", COPY, 0, 1, 2, -1, 1, false),
	M("__builtin___memset_chk", FILL, 0, 1, 2, -1, 1, true),
	M("__builtin___snprintf_chk", BOUNDED, 0, -1, 1, -1, 1, false),
	M("__builtin___sprintf_chk", FORMAT, 0, 3, 4, -1, 1, false),
	M("__builtin___strcat_chk", STRCAT, 0, 1, -1, -1, 1, false),
	M("__builtin___strcpy_chk", STRCPY, 0, 1, -1, -1, 1, false),
	M("__builtin___strncat_chk", STRNCAT, 0, 1, 2, -1, 1, false),
	M("__builtin___strncpy_chk", STRNCPY, 0, 1, 2, -1, 1, false),
	M("__builtin___vsnprintf_chk", BOUNDED, 0, -1, 1, -1, 1, false),
	M("__builtin_alloca", ALLOC, -1, -1, 0, -1, 1, false),
	M("__builtin_memcpy", COPY, 0, 1, 2, -1, 1, false),
	M("__builtin_memmove", COPY, 0, 1, 2, -1, 1, false),
	M("__builtin_memset", FILL, 0, 1, 2, -1, 1, true),
	M("__builtin_strcpy", STRCPY, 0, 1, -1, -1, 1, false),
	M("__builtin_strlen", STRLEN, -1, 0, -1, -1, 1, false),
	M("__fgets_chk", BOUNDED, 0, -1, 2, -1, 1, false),
	M("__memcpy_chk", COPY, 0, 1, 2, -1, 1, false),
	M("__memmove_chk", COPY, 0, 1, 2, -1, 1, false),
	M("__memset_chk", FILL, 0, 1, 2, -1, 1, true),
	M("__read_chk", FILL, 1, -1, 2, -1, 1, false),
	M("__recv_chk", FILL, 1, -1, 2, -1, 1, false),
	M("__snprintf_chk", BOUNDED, 0, -1, 1, -1, 1, false),
	M("__sprintf_chk", FORMAT, 0, 3, 4, -1, 1, false),
	M("__strcat_chk", STRCAT, 0, 1, -1, -1, 1, false),
	M("__strcpy_chk", STRCPY, 0, 1, -1, -1, 1, false),
	M("__strncat_chk", STRNCAT, 0, 1, 2, -1, 1, false),
	M("__strncpy_chk", STRNCPY, 0, 1, 2, -1, 1, false),
	M("__vsnprintf_chk", BOUNDED, 0, -1, 1, -1, 1, false),
	M("__vsprintf_chk", FORMAT, 0, 3, -1, -1, 1, false),
	M("alloca", ALLOC, -1, -1, 0, -1, 1, false),
	M("atof", READONLY, -1, -1, -1, -1, 1, false),
	M("atoi", READONLY, -1, -1, -1, -1, 1, false),
	M("atol", READONLY, -1, -1, -1, -1, 1, false),
	M("atoll", READONLY, -1, -1, -1, -1, 1, false),
	M("bcopy", COPY, 1, 0, 2, -1, 1, false),
	M("bzero", FILL, 0, -1, 1, -1, 1, true),
	M("calloc", ALLOC, -1, -1, 0, 1, 1, false),
	M("explicit_bzero", FILL, 0, -1, 1, -1, 1, true),
	M("fgets", BOUNDED, 0, -1, 1, -1, 1, false),
	M("fgetws", BOUNDED, 0, -1, 1, -1, 4, false),
	M("fprintf", READONLY, -1, -1, -1, -1, 1, false),
	M("fputs", READONLY, -1, -1, -1, -1, 1, false),
	M("fputws", READONLY, -1, -1, -1, -1, 1, false),
	M("fread", FILL, 0, -1, 1, 2, 1, false),
	M("fwrite", READ, -1, 0, 1, 2, 1, false),
	M("malloc", ALLOC, -1, -1, 0, -1, 1, false),
	M("memccpy", COPY, 0, 1, 3, -1, 1, false),
	M("memchr", READ, -1, 0, 2, -1, 1, false),
	M("memcmp", READ2, 0, 1, 2, -1, 1, false),
	M("memcpy", COPY, 0, 1, 2, -1, 1, false),
	M("memmove", COPY, 0, 1, 2, -1, 1, false),
	M("mempcpy", COPY, 0, 1, 2, -1, 1, false),
	M("memset", FILL, 0, 1, 2, -1, 1, true),
	M("pread", FILL, 1, -1, 2, -1, 1, false),
	M("printf", READONLY, -1, -1, -1, -1, 1, false),
	M("puts", READONLY, -1, -1, -1, -1, 1, false),
	M("read", FILL, 1, -1, 2, -1, 1, false),
	M("realloc", ALLOC, -1, -1, 1, -1, 1, false),
	M("reallocarray", ALLOC, -1, -1, 1, 2, 1, false),
	M("recv", FILL, 1, -1, 2, -1, 1, false),
	M("recvfrom", FILL, 1, -1, 2, -1, 1, false),
	M("send", READ, -1, 1, 2, -1, 1, false),
	M("snprintf", BOUNDED, 0, -1, 1, -1, 1, false),
	M("sprintf", FORMAT, 0, 1, 2, -1, 1, false),
	M("stpcpy", STRCPY, 0, 1, -1, -1, 1, false),
	M("stpncpy", STRNCPY, 0, 1, 2, -1, 1, false),
	M("strcasecmp", READONLY, -1, -1, -1, -1, 1, false),
	M("strcat", STRCAT, 0, 1, -1, -1, 1, false),
	M("strchr", READONLY, -1, -1, -1, -1, 1, false),
	M("strcmp", READONLY, -1, -1, -1, -1, 1, false),
	M("strcpy", STRCPY, 0, 1, -1, -1, 1, false),
	M("strcspn", READONLY, -1, -1, -1, -1, 1, false),
	M("strdup", STRDUP, -1, 0, -1, -1, 1, false),
	M("strlen", STRLEN, -1, 0, -1, -1, 1, false),
	M("strncasecmp", READONLY, -1, -1, -1, -1, 1, false),
	M("strncat", STRNCAT, 0, 1, 2, -1, 1, false),
	M("strncmp", READONLY, -1, -1, -1, -1, 1, false),
	M("strncpy", STRNCPY, 0, 1, 2, -1, 1, false),
	M("strndup", STRDUP, -1, 0, 1, -1, 1, false),
	M("strpbrk", READONLY, -1, -1, -1, -1, 1, false),
	M("strrchr", READONLY, -1, -1, -1, -1, 1, false),
	M("strspn", READONLY, -1, -1, -1, -1, 1, false),
	M("strstr", READONLY, -1, -1, -1, -1, 1, false),
	M("strtod", READONLY, -1, -1, -1, -1, 1, false),
	M("strtol", READONLY, -1, -1, -1, -1, 1, false),
	M("strtoll", READONLY, -1, -1, -1, -1, 1, false),
	M("strtoul", READONLY, -1, -1, -1, -1, 1, false),
	M("strtoull", READONLY, -1, -1, -1, -1, 1, false),
	M("swprintf", BOUNDED, 0, -1, 1, -1, 4, false),
	M("vsnprintf", BOUNDED, 0, -1, 1, -1, 1, false),
	M("vsprintf", FORMAT, 0, 1, -1, -1, 1, false),
	M("wcscat", STRCAT, 0, 1, -1, -1, 4, false),
	M("wcscmp", READONLY, -1, -1, -1, -1, 1, false),
	M("wcscpy", STRCPY, 0, 1, -1, -1, 4, false),
	M("wcsdup", STRDUP, -1, 0, -1, -1, 4, false),
	M("wcslen", STRLEN, -1, 0, -1, -1, 4, false),
	M("wcsncat", STRNCAT, 0, 1, 2, -1, 4, false),
	M("wcsncpy", STRNCPY, 0, 1, 2, -1, 4, false),
	M("wmemcpy", COPY, 0, 1, 2, -1, 4, false),
	M("wmemmove", COPY, 0, 1, 2, -1, 4, false),
	M("wmemset", FILL, 0, 1, 2, -1, 4, true),
	M("wprintf", READONLY, -1, -1, -1, -1, 1, false),
	M("write", READ, -1, 1, 2, -1, 1, false),
};

static int by_name(const void *key, const void *elem)
{
	return strcmp(key, ((const bh_bnd_model *)elem)->name);
}

const bh_bnd_model *bh_bnd_model_find(const char *name)
{
	if (!name)
		return NULL;
	return bsearch(name, models, sizeof(models) / sizeof(models[0]), sizeof(models[0]), by_name);
}

size_t bh_bnd__model_count(void)
{
	return sizeof(models) / sizeof(models[0]);
}

const bh_bnd_model *bh_bnd__model_at(size_t i)
{
	return i < bh_bnd__model_count() ? &models[i] : NULL;
}

const bh_bnd_model *bh_bnd_model_of(bh_bnd_program *p, const char *name)
{
	if (!name)
		return NULL;
	uintptr_t known;
	if (bh_ptrmap_get(&p->models, name, &known))
		return (const bh_bnd_model *)known;
	const bh_bnd_model *m = bh_bnd_model_find(name);
	bh_ptrmap_put(&p->models, name, (uintptr_t)m);
	return m;
}
