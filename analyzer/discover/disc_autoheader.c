// SPDX-License-Identifier: MIT
// A config header written from its autoheader template (`config.h.in`) the
// way configure's config.status writes it: every line `#undef NAME` becomes
// `#define NAME VALUE` when configure would have found NAME on this host,
// else `/* #undef NAME */`; every other line is kept. A tree unpacked from
// a release tarball or a source package has the template but not the
// header (configure makes it), and without it most units of an autotools
// project do not parse: `bool` is unknown, a `#error` fires, a prototype is
// missing. Nothing is run: what configure would test by compiling and
// linking is asked of the host (bh_disc_host), and the rest are facts of
// the C implementation Bulkhead itself was built for (the sizes of types).
// Options a user chooses (`--enable-x`) and checks of the project's own
// stay undefined, as configure leaves them by default.
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/disc.h"
#include "bulkhead/vec.h"
#include "disc_internal.h"

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <wchar.h>

typedef BH_VEC(char) char_vec;

static void append(char_vec *out, const char *s, size_t n)
{
	bh_vec_reserve(out, n + 1);
	memcpy(out->items + out->len, s, n);
	out->len += n;
}

static void append_str(char_vec *out, const char *s)
{
	append(out, s, strlen(s));
}

// AC_CHECK_SIZEOF(TYPE) defines SIZEOF_<TYPE> and AC_CHECK_TYPES(TYPE)
// HAVE_<TYPE>, TYPE spelled by AS_TR_CPP (upper case, '*' as 'P', other
// characters as '_'). The sizes are this build's: the C implementation
// libclang parses for by default.
typedef struct {
	const char *name;
	size_t size;
} type_size;

static const type_size type_sizes[] = {
	{ "CHAR", sizeof(char) }, { "SHORT", sizeof(short) }, { "INT", sizeof(int) },
	{ "LONG", sizeof(long) }, { "LONG_LONG", sizeof(long long) },
	{ "LONG_INT", sizeof(long) }, { "LONG_LONG_INT", sizeof(long long) },
	{ "SHORT_INT", sizeof(short) },
	{ "UNSIGNED_CHAR", sizeof(unsigned char) }, { "UNSIGNED_SHORT", sizeof(unsigned short) },
	{ "UNSIGNED_INT", sizeof(unsigned) }, { "UNSIGNED_LONG", sizeof(unsigned long) },
	{ "UNSIGNED_LONG_LONG", sizeof(unsigned long long) },
	{ "UNSIGNED_LONG_INT", sizeof(unsigned long) },
	{ "UNSIGNED_LONG_LONG_INT", sizeof(unsigned long long) },
	{ "FLOAT", sizeof(float) }, { "DOUBLE", sizeof(double) },
	{ "LONG_DOUBLE", sizeof(long double) }, { "_BOOL", sizeof(_Bool) },
	{ "VOID_P", sizeof(void *) }, { "CHAR_P", sizeof(char *) },
	{ "INT_P", sizeof(int *) }, { "LONG_P", sizeof(long *) },
	{ "SIZE_T", sizeof(size_t) }, { "SSIZE_T", sizeof(ssize_t) },
	{ "OFF_T", sizeof(off_t) }, { "TIME_T", sizeof(time_t) },
	{ "PTRDIFF_T", sizeof(ptrdiff_t) }, { "INTMAX_T", sizeof(intmax_t) },
	{ "UINTMAX_T", sizeof(uintmax_t) }, { "INTPTR_T", sizeof(intptr_t) },
	{ "UINTPTR_T", sizeof(uintptr_t) }, { "WCHAR_T", sizeof(wchar_t) },
	{ "WINT_T", sizeof(wint_t) }, { "PID_T", sizeof(pid_t) }, { "UID_T", sizeof(uid_t) },
	{ "GID_T", sizeof(gid_t) }, { "MODE_T", sizeof(mode_t) },
	{ "SOCKLEN_T", sizeof(socklen_t) }, { "CLOCK_T", sizeof(clock_t) },
	{ "DEV_T", sizeof(dev_t) }, { "INO_T", sizeof(ino_t) }, { "NLINK_T", sizeof(nlink_t) },
	{ "INT8_T", 1 }, { "INT16_T", 2 }, { "INT32_T", 4 }, { "INT64_T", 8 },
	{ "UINT8_T", 1 }, { "UINT16_T", 2 }, { "UINT32_T", 4 }, { "UINT64_T", 8 },
	{ "U_INT8_T", 1 }, { "U_INT16_T", 2 }, { "U_INT32_T", 4 }, { "U_INT64_T", 8 },
	{ "SIG_ATOMIC_T", sizeof(sig_atomic_t) },
};

// Structures and members (AC_CHECK_TYPES of a struct, AC_CHECK_MEMBERS,
// AC_STRUCT_TM/TIMEZONE) that the Linux C library declares.
static const char *const host_structs[] = {
	"STRUCT_ADDRINFO", "STRUCT_IOVEC", "STRUCT_SOCKADDR_IN6", "STRUCT_SOCKADDR_STORAGE",
	"STRUCT_SOCKADDR_UN", "STRUCT_TIMESPEC", "STRUCT_TIMEVAL", "STRUCT_TIMEZONE",
	"STRUCT_STAT_ST_BLKSIZE", "STRUCT_STAT_ST_BLOCKS", "STRUCT_STAT_ST_RDEV",
	"STRUCT_STAT_ST_MTIM", "STRUCT_TM_TM_GMTOFF", "STRUCT_TM_TM_ZONE", "TM_GMTOFF", "TM_ZONE",
	"STRUCT_DIRENT_D_TYPE", "STRUCT_DIRENT_D_INO", "STRUCT_MSGHDR_MSG_CONTROL",
	"STRUCT_PASSWD_PW_GECOS", "STRUCT_UTIMBUF", "STRUCT_RLIMIT", "STRUCT_POLLFD",
	"STRUCT_IN6_ADDR", "STRUCT_SIGACTION", "STRUCT_ITIMERVAL",
};

// AC_USE_SYSTEM_EXTENSIONS: on a GNU system configure defines every one
// (each wrapped in `#ifndef NAME` in the template).
static const char *const system_extensions[] = {
	"_ALL_SOURCE", "_DARWIN_C_SOURCE", "_GNU_SOURCE", "_HPUX_ALT_XOPEN_SOCKET_API",
	"_NETBSD_SOURCE", "_OPENBSD_SOURCE", "_POSIX_PTHREAD_SEMANTICS", "_TANDEM_SOURCE",
	"__EXTENSIONS__", "__STDC_WANT_IEC_60559_ATTRIBS_EXT__",
	"__STDC_WANT_IEC_60559_BFP_EXT__", "__STDC_WANT_IEC_60559_DFP_EXT__",
	"__STDC_WANT_IEC_60559_FUNCS_EXT__", "__STDC_WANT_IEC_60559_TYPES_EXT__",
	"__STDC_WANT_LIB_EXT2__", "__STDC_WANT_MATH_SPEC_FUNCS__",
};

// Macros configure always defines to a fixed value on a C99 host.
typedef struct {
	const char *name, *value;
} fixed_value;

static const fixed_value fixed_values[] = {
	{ "STDC_HEADERS", "1" },   { "TIME_WITH_SYS_TIME", "1" }, { "RETSIGTYPE", "void" },
	{ "HAVE_STDC_HEADERS", "1" }, { "PROTOTYPES", "1" }, { "__PROTOTYPES", "1" },
};

static bool listed(const char *const *names, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return true;
	return false;
}

static const type_size *find_type(const char *name)
{
	for (size_t i = 0; i < BH_ARRAY_LEN(type_sizes); i++)
		if (strcmp(type_sizes[i].name, name) == 0)
			return &type_sizes[i];
	return NULL;
}

bool bh_disc__type_size(const char *key, size_t *size)
{
	const type_size *t = find_type(key);
	if (t)
		*size = t->size;
	return t != NULL;
}

static bool little_endian(void)
{
	const uint16_t one = 1;
	return *(const unsigned char *)&one == 1;
}

// A byte order macro of the project's (WORDS_BIGENDIAN, ENDIAN_LITTLE,
// HOST_BIG_ENDIAN): +1 little, -1 big, 0 none. The C library's own
// (LITTLE_ENDIAN, BYTE_ORDER, __BIG_ENDIAN) are never redefined.
static int endian_macro(const char *name)
{
	if (!strstr(name, "ENDIAN") || name[0] == '_' || strcmp(name, "LITTLE_ENDIAN") == 0 ||
	    strcmp(name, "BIG_ENDIAN") == 0 || strcmp(name, "PDP_ENDIAN") == 0)
		return 0;
	if (strstr(name, "LITTLE"))
		return 1;
	if (strstr(name, "BIG"))
		return -1;
	return 0;
}

// The header AC_CHECK_HEADERS named HAVE_<X>_H for: X's underscores were
// '/', '_', '.' or '-' (AS_TR_CPP); try '/' and '_' for each, lower case,
// at most 2^6 spellings. `x` is the part between "HAVE_" and "_H".
static bool host_has_header(const bh_disc_host *host, const char *x, size_t n)
{
	char path[128];
	size_t unders[6], nunders = 0;
	if (n == 0 || n + 3 > sizeof(path))
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = x[i];
		if (c == '_') {
			if (nunders == BH_ARRAY_LEN(unders))
				return false;
			unders[nunders++] = i;
		}
		path[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	memcpy(path + n, ".h", 3);
	for (unsigned mask = 0; mask < (1u << nunders); mask++) {
		for (size_t k = 0; k < nunders; k++)
			path[unders[k]] = (mask >> k) & 1 ? '/' : '_';
		if (host->has_header(host->payload, path))
			return true;
	}
	return false;
}

// Ask `ask` about the lower-case spelling of `upper` ("ACCEPT4": "accept4").
static bool ask_lower(bool (*ask)(void *, const char *), void *payload, const char *upper)
{
	char name[128];
	size_t n = strlen(upper);
	if (n == 0 || n >= sizeof(name))
		return false;
	for (size_t i = 0; i <= n; i++)
		name[i] = upper[i] >= 'A' && upper[i] <= 'Z' ? (char)(upper[i] - 'A' + 'a') : upper[i];
	return ask(payload, name);
}

// `s` as a C string literal (arena).
static const char *c_string(bh_arena *arena, const char *s)
{
	size_t n = strlen(s), k = 0;
	char *out = bh_arena_alloc(arena, 2 * n + 3);
	out[k++] = '"';
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"' || s[i] == '\\')
			out[k++] = '\\';
		out[k++] = s[i] == '\n' ? ' ' : s[i];
	}
	out[k++] = '"';
	out[k] = '\0';
	return out;
}

// AC_INIT's default tarname: the name without a leading "GNU ", lower
// case, every other character than letters, digits and '_' as '-'.
static const char *default_tarname(bh_arena *arena, const char *name)
{
	if (strncmp(name, "GNU ", 4) == 0)
		name += 4;
	char *t = bh_arena_strdup(arena, name);
	for (char *p = t; *p; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
		else if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			*p = '-';
	}
	return t;
}

// PACKAGE_* (AC_INIT) and PACKAGE/VERSION (AM_INIT_AUTOMAKE), or NULL.
static const char *package_value(bh_arena *arena, const bh_disc_package *pkg, const char *name)
{
	if (!pkg || !pkg->name)
		return NULL;
	const char *version = pkg->version ? pkg->version : "";
	const char *tarname = pkg->tarname ? pkg->tarname : default_tarname(arena, pkg->name);
	if (strcmp(name, "PACKAGE_NAME") == 0)
		return c_string(arena, pkg->name);
	if (strcmp(name, "PACKAGE_VERSION") == 0 || strcmp(name, "VERSION") == 0)
		return c_string(arena, version);
	if (strcmp(name, "PACKAGE_STRING") == 0)
		return c_string(arena, bh_arena_sprintf(arena, "%s %s", pkg->name, version));
	if (strcmp(name, "PACKAGE_TARNAME") == 0 || strcmp(name, "PACKAGE") == 0)
		return c_string(arena, tarname);
	if (strcmp(name, "PACKAGE_BUGREPORT") == 0)
		return c_string(arena, pkg->bugreport ? pkg->bugreport : "");
	if (strcmp(name, "PACKAGE_URL") == 0) {
		const char *url = pkg->url ? pkg->url : "";
		if (!pkg->url && strncmp(pkg->name, "GNU ", 4) == 0)
			url = bh_arena_sprintf(arena, "https://www.gnu.org/software/%s/", tarname);
		return c_string(arena, url);
	}
	return NULL;
}

static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

// The value configure would give NAME on this host, or NULL to leave it
// undefined.
static const char *value_of(bh_arena *arena, const char *name, const bh_disc_package *pkg,
			    const bh_disc_host *host)
{
	size_t n = strlen(name);
	for (size_t i = 0; i < BH_ARRAY_LEN(fixed_values); i++)
		if (strcmp(fixed_values[i].name, name) == 0)
			return fixed_values[i].value;
	if (listed(system_extensions, BH_ARRAY_LEN(system_extensions), name))
		return "1";
	const char *pv = package_value(arena, pkg, name);
	if (pv)
		return pv;
	int endian = endian_macro(name);
	if (endian)
		return (endian > 0) == little_endian() ? "1" : NULL;
	if (starts_with(name, "SIZEOF_")) {
		const type_size *t = find_type(name + 7);
		return t ? bh_arena_sprintf(arena, "%zu", t->size) : NULL;
	}
	if (!starts_with(name, "HAVE_"))
		return NULL;
	const char *x = name + 5;
	if (n > 7 && strcmp(name + n - 2, "_H") == 0 && host_has_header(host, x, n - 7))
		return "1";
	if (starts_with(x, "DECL_"))
		return ask_lower(host->has_function, host->payload, x + 5) ? "1" : "0";
	if (find_type(x) || listed(host_structs, BH_ARRAY_LEN(host_structs), x))
		return "1";
	if (ask_lower(host->has_function, host->payload, x))
		return "1";
	if (starts_with(x, "LIB") && ask_lower(host->has_library, host->payload, x + 3))
		return "1";
	return NULL;
}

// `line` (no newline) as `#undef NAME`: NAME's span, else false.
static bool undef_line(const char *line, size_t len, size_t *name_at, size_t *name_len)
{
	size_t i = 0;
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	if (i >= len || line[i++] != '#')
		return false;
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	if (len - i < 6 || memcmp(line + i, "undef", 5) != 0 || (line[i + 5] != ' ' && line[i + 5] != '\t'))
		return false;
	i += 5;
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	size_t start = i;
	while (i < len && (line[i] == '_' || (line[i] >= 'A' && line[i] <= 'Z') ||
			   (line[i] >= 'a' && line[i] <= 'z') || (line[i] >= '0' && line[i] <= '9')))
		i++;
	if (i == start || (line[start] >= '0' && line[start] <= '9'))
		return false;
	size_t end = i;
	while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
		i++;
	if (i != len)
		return false;
	*name_at = start;
	*name_len = end - start;
	return true;
}

char *bh_disc_autoheader(bh_arena *arena, const char *tmpl, size_t len, const bh_disc_package *pkg,
			 const bh_disc_host *host, size_t *len_out, size_t *ndefined)
{
	char_vec out = { 0 };
	size_t defined = 0;
	for (size_t at = 0; at < len;) {
		const char *line = tmpl + at;
		const char *nl = memchr(line, '\n', len - at);
		size_t n = nl ? (size_t)(nl - line) : len - at;
		at += n + (nl != NULL);
		size_t name_at, name_len;
		if (!undef_line(line, n, &name_at, &name_len)) {
			append(&out, line, n);
			append_str(&out, "\n");
			continue;
		}
		const char *name = bh_arena_strndup(arena, line + name_at, name_len);
		const char *value = value_of(arena, name, pkg, host);
		if (!value) {
			append_str(&out, "/* ");
			append(&out, line, name_at + name_len);
			append_str(&out, " */\n");
			continue;
		}
		// "#undef" as "#define", the line's indentation kept.
		const char *u = memchr(line, 'u', name_at);
		append(&out, line, (size_t)(u - line));
		append_str(&out, "define ");
		append(&out, name, name_len);
		append_str(&out, " ");
		append_str(&out, value);
		append_str(&out, "\n");
		defined++;
	}
	char *text = bh_arena_strndup(arena, out.items ? out.items : "", out.len);
	*len_out = out.len;
	if (ndefined)
		*ndefined = defined;
	bh_vec_dispose(&out);
	return text;
}
