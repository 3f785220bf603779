// SPDX-License-Identifier: MIT
// Unit tests for the config header of an unconfigured autotools tree,
// written from its template (analyzer/discover/disc_autoheader.c) against a
// host whose answers the test sets, and for the real host's answers
// (disc_host.c) on what every Linux C library has. Reading configure
// scripts and giving units the flags (disc_autoconf.c): disc_test.c.
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/disc.h"

static bh_arena *arena;

static void setup(void)
{
	arena = bh_arena_new();
}

static void teardown(void)
{
	bh_arena_free(arena);
}

TestSuite(autoconf, .init = setup, .fini = teardown);

// ------------------------------------------------------------ fake host

static bool fake_header(void *payload, const char *path)
{
	(void)payload;
	return strcmp(path, "stdbool.h") == 0 || strcmp(path, "sys/socket.h") == 0 ||
	       strcmp(path, "netinet/in.h") == 0;
}

static bool fake_function(void *payload, const char *name)
{
	(void)payload;
	return strcmp(name, "accept4") == 0 || strcmp(name, "strndup") == 0;
}

static bool fake_library(void *payload, const char *name)
{
	(void)payload;
	return strcmp(name, "pthread") == 0;
}

static const bh_disc_host fake = { fake_header, fake_function, fake_library, NULL };

static const char *written(const char *tmpl, const bh_disc_package *pkg, size_t *ndefined)
{
	size_t len = 0;
	const char *text = bh_disc_autoheader(arena, tmpl, strlen(tmpl), pkg, &fake, &len, ndefined);
	cr_assert_eq(strlen(text), len);
	return text;
}

Test(autoconf, undef_lines_become_what_configure_finds_on_the_host)
{
	const char *tmpl = "/* Define to 1 if you have <stdbool.h>. */\n"
			   "#undef HAVE_STDBOOL_H\n"
			   "#undef HAVE_SYS_SOCKET_H\n"
			   "#undef HAVE_NETINET_IN_H\n"
			   "#undef HAVE_SYS_EVENT_H\n"
			   "#undef HAVE_ACCEPT4\n"
			   "#undef HAVE_KQUEUE\n"
			   "#undef HAVE_DECL_STRNDUP\n"
			   "#undef HAVE_DECL_STRLCPY\n"
			   "#undef HAVE_LIBPTHREAD\n"
			   "#undef HAVE_LIBSASL2\n"
			   "#undef SIZEOF_INT\n"
			   "#undef SIZEOF_VOID_P\n"
			   "#undef SIZEOF_STRUCT_FOO\n"
			   "#undef HAVE_LONG_LONG_INT\n"
			   "#undef HAVE_STRUCT_TIMESPEC\n"
			   "#undef STDC_HEADERS\n"
			   "#undef ENABLE_SASL\n";
	size_t ndefined = 0;
	const char *text = written(tmpl, NULL, &ndefined);
	char expected[2048];
	snprintf(expected, sizeof(expected),
		 "/* Define to 1 if you have <stdbool.h>. */\n"
		 "#define HAVE_STDBOOL_H 1\n"
		 "#define HAVE_SYS_SOCKET_H 1\n"
		 "#define HAVE_NETINET_IN_H 1\n"
		 "/* #undef HAVE_SYS_EVENT_H */\n"
		 "#define HAVE_ACCEPT4 1\n"
		 "/* #undef HAVE_KQUEUE */\n"
		 "#define HAVE_DECL_STRNDUP 1\n"
		 "#define HAVE_DECL_STRLCPY 0\n"
		 "#define HAVE_LIBPTHREAD 1\n"
		 "/* #undef HAVE_LIBSASL2 */\n"
		 "#define SIZEOF_INT %zu\n"
		 "#define SIZEOF_VOID_P %zu\n"
		 "/* #undef SIZEOF_STRUCT_FOO */\n"
		 "#define HAVE_LONG_LONG_INT 1\n"
		 "#define HAVE_STRUCT_TIMESPEC 1\n"
		 "#define STDC_HEADERS 1\n"
		 "/* #undef ENABLE_SASL */\n",
		 sizeof(int), sizeof(void *));
	cr_expect_str_eq(text, expected);
	cr_expect_eq(ndefined, 12);
}

Test(autoconf, the_package_comes_from_ac_init_as_c_strings)
{
	const char *tmpl = "#undef PACKAGE\n#undef PACKAGE_NAME\n#undef PACKAGE_TARNAME\n"
			   "#undef PACKAGE_VERSION\n#undef PACKAGE_STRING\n#undef PACKAGE_BUGREPORT\n"
			   "#undef PACKAGE_URL\n#undef VERSION\n";
	bh_disc_package pkg = { .name = "GNU \"Hello\" World", .version = "2.10",
				.bugreport = "bug-hello@gnu.org" };
	cr_expect_str_eq(written(tmpl, &pkg, NULL),
			 "#define PACKAGE \"-hello--world\"\n"
			 "#define PACKAGE_NAME \"GNU \\\"Hello\\\" World\"\n"
			 "#define PACKAGE_TARNAME \"-hello--world\"\n"
			 "#define PACKAGE_VERSION \"2.10\"\n"
			 "#define PACKAGE_STRING \"GNU \\\"Hello\\\" World 2.10\"\n"
			 "#define PACKAGE_BUGREPORT \"bug-hello@gnu.org\"\n"
			 "#define PACKAGE_URL \"https://www.gnu.org/software/-hello--world/\"\n"
			 "#define VERSION \"2.10\"\n");
	// No AC_INIT: left as configure could not have left them, undefined.
	cr_expect_str_eq(written("#undef PACKAGE_VERSION\n", NULL, NULL),
			 "/* #undef PACKAGE_VERSION */\n");
}

Test(autoconf, indentation_system_extensions_and_byte_order_follow_config_status)
{
	const char *tmpl = "#ifndef _GNU_SOURCE\n"
			   "# undef _GNU_SOURCE\n"
			   "#endif\n"
			   "#ifndef __EXTENSIONS__\n"
			   "\t#  undef   __EXTENSIONS__\r\n"
			   "#endif\n"
			   "#undef const\n"
			   "#undef WORDS_BIGENDIAN\n"
			   "#undef ENDIAN_LITTLE\n"
			   "#undef LITTLE_ENDIAN\n"
			   "#undef HAVE_X /* trailing text: not a template line */\n"
			   "#undef 9LIVES\n"
			   "#include <stdbool.h>";
	const uint16_t one = 1;
	bool little = *(const unsigned char *)&one == 1;
	char expected[1024];
	snprintf(expected, sizeof(expected),
		 "#ifndef _GNU_SOURCE\n"
		 "# define _GNU_SOURCE 1\n"
		 "#endif\n"
		 "#ifndef __EXTENSIONS__\n"
		 "\t#  define __EXTENSIONS__ 1\n"
		 "#endif\n"
		 "/* #undef const */\n"
		 "%s\n%s\n"
		 "/* #undef LITTLE_ENDIAN */\n"
		 "#undef HAVE_X /* trailing text: not a template line */\n"
		 "#undef 9LIVES\n"
		 "#include <stdbool.h>\n",
		 little ? "/* #undef WORDS_BIGENDIAN */" : "#define WORDS_BIGENDIAN 1",
		 little ? "#define ENDIAN_LITTLE 1" : "/* #undef ENDIAN_LITTLE */");
	cr_expect_str_eq(written(tmpl, NULL, NULL), expected);
}

Test(autoconf, header_names_with_many_underscores_are_bounded)
{
	// 2^6 spellings at most: a name with more underscores is not found.
	cr_expect_str_eq(written("#undef HAVE_A_B_C_D_E_F_G_H\n", NULL, NULL),
			 "/* #undef HAVE_A_B_C_D_E_F_G_H */\n");
	cr_expect_str_eq(written("", NULL, NULL), "");
}

// ------------------------------------------------------------- this host

Test(autoconf, this_host_has_the_c_library_it_runs_on)
{
	const bh_disc_host *h = bh_disc_this_host();
	cr_expect(h->has_header(h->payload, "stdio.h"));
	cr_expect(h->has_header(h->payload, "stdbool.h"), "clang's own headers count");
	cr_expect(h->has_header(h->payload, "sys/socket.h"));
	cr_expect_not(h->has_header(h->payload, "zz_no_such_header.h"));
	cr_expect_not(h->has_header(h->payload, "../../etc/passwd"), "names stay in the include directories");
	cr_expect(h->has_function(h->payload, "malloc"));
	cr_expect(h->has_function(h->payload, "sqrt"), "the maths library counts");
	cr_expect_not(h->has_function(h->payload, "zz_no_such_function"));
	cr_expect(h->has_library(h->payload, "c"));
	cr_expect_not(h->has_library(h->payload, "zz_no_such_library"));
	cr_expect_not(h->has_library(h->payload, "../c"));
}
