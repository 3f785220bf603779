// SPDX-License-Identifier: MIT
// Unit tests for the shell adapter (analyzer/parse/shell/sh.c): RUN text
// through tree-sitter-bash into simple commands with pipelines, lists,
// subshells, substitutions, assignments and redirections; hostile input.
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/sh.h"

static bh_arena *arena;

static void setup(void)
{
	arena = bh_arena_new();
}

static void teardown(void)
{
	bh_arena_free(arena);
}

TestSuite(sh, .init = setup, .fini = teardown, .timeout = 60);

static bh_sh_script *parse(const char *text)
{
	bh_sh_script *sc = NULL;
	cr_assert_eq(bh_sh_parse(&sc, arena, text, strlen(text)), BH_OK);
	cr_assert_not_null(sc);
	return sc;
}

// "argv0 argv1 ..." of command i.
static char *joined(const bh_sh_script *sc, size_t i)
{
	static char buf[1024];
	buf[0] = '\0';
	for (size_t k = 0; k < sc->cmds[i].argc; k++) {
		if (k)
			strcat(buf, " ");
		strncat(buf, sc->cmds[i].argv[k], sizeof(buf) - strlen(buf) - 2);
	}
	return buf;
}

Test(sh, pipeline_members_share_an_id)
{
	bh_sh_script *sc = parse("curl -fsSL https://example.com/x.sh | sh -s -- --yes");
	cr_assert_eq(sc->ncmds, 2);
	cr_assert_str_eq(joined(sc, 0), "curl -fsSL https://example.com/x.sh");
	cr_assert_str_eq(joined(sc, 1), "sh -s -- --yes");
	cr_assert_geq(sc->cmds[0].pipeline, 0);
	cr_assert_eq(sc->cmds[0].pipeline, sc->cmds[1].pipeline);
	cr_assert_eq(sc->cmds[0].pipe_pos, 0);
	cr_assert_eq(sc->cmds[1].pipe_pos, 1);
	cr_assert_not(sc->has_error);
}

Test(sh, lists_give_separate_commands)
{
	bh_sh_script *sc = parse("apt-get update && apt-get install -y --no-install-recommends curl \\\n"
				 "    || true; rm -rf /var/lib/apt/lists/*");
	cr_assert_eq(sc->ncmds, 4);
	cr_assert_str_eq(joined(sc, 1), "apt-get install -y --no-install-recommends curl");
	cr_assert_str_eq(joined(sc, 3), "rm -rf /var/lib/apt/lists/*");
	for (size_t i = 0; i < sc->ncmds; i++)
		cr_assert_eq(sc->cmds[i].pipeline, -1);
}

Test(sh, quotes_are_removed_expansions_kept)
{
	bh_sh_script *sc = parse("echo 'a b' \"c $HOME\" d\\ e x\"y\"'z'");
	cr_assert_eq(sc->ncmds, 1);
	cr_assert_eq(sc->cmds[0].argc, 5);
	cr_assert_str_eq(sc->cmds[0].argv[1], "a b");
	cr_assert_str_eq(sc->cmds[0].argv[2], "c $HOME");
	cr_assert_str_eq(sc->cmds[0].argv[3], "d e");
	cr_assert_str_eq(sc->cmds[0].argv[4], "xyz");
}

Test(sh, process_substitution_has_a_parent)
{
	bh_sh_script *sc = parse("bash <(curl -s https://example.com/i.sh)");
	cr_assert_eq(sc->ncmds, 2);
	cr_assert_str_eq(sc->cmds[0].argv[0], "bash");
	cr_assert_str_eq(sc->cmds[1].argv[0], "curl");
	cr_assert_eq(sc->cmds[1].parent, 0);
	cr_assert_eq(sc->cmds[1].context, BH_SH_PROCSUBST);
}

Test(sh, command_substitution_has_a_parent)
{
	bh_sh_script *sc = parse("sh -c \"$(wget -qO- https://example.com/i.sh)\"");
	cr_assert_eq(sc->ncmds, 2);
	cr_assert_str_eq(sc->cmds[1].argv[0], "wget");
	cr_assert_eq(sc->cmds[1].parent, 0);
	cr_assert_eq(sc->cmds[1].context, BH_SH_CMDSUBST);
}

Test(sh, prefix_assignments)
{
	bh_sh_script *sc = parse("CFLAGS='-O2 -g' CC=clang make -j4 install");
	cr_assert_eq(sc->ncmds, 1);
	cr_assert_eq(sc->cmds[0].nassigns, 2);
	cr_assert_str_eq(sc->cmds[0].assigns[0].name, "CFLAGS");
	cr_assert_str_eq(sc->cmds[0].assigns[0].value, "-O2 -g");
	cr_assert_str_eq(sc->cmds[0].assigns[1].value, "clang");
	cr_assert_str_eq(joined(sc, 0), "make -j4 install");
}

Test(sh, subshells_and_control_flow)
{
	bh_sh_script *sc = parse("cd /src && (make && make install) ; "
				 "if [ -f x ]; then chmod 755 x; fi; for f in a b; do strip $f; done");
	// cd, make, make install, [ (test command is not a simple command), chmod, strip
	bool saw_chmod = false, saw_strip = false, saw_install = false;
	for (size_t i = 0; i < sc->ncmds; i++) {
		saw_chmod |= strcmp(sc->cmds[i].argv[0], "chmod") == 0;
		saw_strip |= strcmp(sc->cmds[i].argv[0], "strip") == 0;
		saw_install |= strcmp(joined(sc, i), "make install") == 0;
	}
	cr_assert(saw_chmod && saw_strip && saw_install);
}

Test(sh, redirections_are_not_arguments_and_heredoc_bodies_not_commands)
{
	bh_sh_script *sc = parse("cat <<EOF > /etc/app.conf 2>&1\nrm -rf / $(id)\nEOF\necho done >> /log");
	cr_assert_eq(sc->ncmds, 2);
	cr_assert_str_eq(joined(sc, 0), "cat");
	cr_assert_str_eq(joined(sc, 1), "echo done");
	cr_assert_eq(sc->cmds[0].nredirects, 3);
	cr_assert_str_eq(sc->cmds[0].redirects[0], "<<EOF");
	cr_assert_str_eq(sc->cmds[0].redirects[1], "> /etc/app.conf");
	cr_assert_str_eq(sc->cmds[0].redirects[2], "2>&1");
	cr_assert_eq(sc->cmds[1].nredirects, 1);
	cr_assert_str_eq(sc->cmds[1].redirects[0], ">> /log");
}

Test(sh, export_is_a_command)
{
	bh_sh_script *sc = parse("export GIT_SSL_NO_VERIFY=1 PATH=/x");
	cr_assert_eq(sc->ncmds, 1);
	cr_assert_str_eq(sc->cmds[0].argv[0], "export");
	cr_assert_str_eq(sc->cmds[0].argv[1], "GIT_SSL_NO_VERIFY=1");
}

Test(sh, offsets_point_at_commands)
{
	const char *t = "true && gcc -o app main.c";
	bh_sh_script *sc = parse(t);
	cr_assert_eq(sc->ncmds, 2);
	cr_assert_eq(sc->cmds[1].offset, (uint32_t)(strstr(t, "gcc") - t));
}

Test(sh, syntax_errors_are_flagged_not_fatal)
{
	bh_sh_script *sc = parse("if then fi (( $(( echo ) | |");
	cr_assert(sc->has_error);
	bh_sh_script *sc2 = parse("echo ok; ) ; echo also");
	cr_assert(sc2->has_error);
	cr_assert_geq(sc2->ncmds, 1);
}

Test(sh, basename)
{
	cr_assert_str_eq(bh_sh_basename("/usr/bin/curl"), "curl");
	cr_assert_str_eq(bh_sh_basename("wget"), "wget");
	cr_assert_str_eq(bh_sh_basename(NULL), "");
}

Test(sh, many_commands_are_capped)
{
	size_t n = 60000;
	char *t = bh_xmalloc(n * 8 + 1);
	size_t len = 0;
	for (size_t i = 0; i < n; i++)
		len += (size_t)sprintf(t + len, "echo a;");
	bh_sh_script *sc = NULL;
	bh_sh_parse(&sc, arena, t, len);
	cr_assert_leq(sc->ncmds, 20000);
	cr_assert(sc->truncated);
	free(t);
}

Test(sh, binary_input)
{
	char junk[4096];
	for (size_t i = 0; i < sizeof(junk); i++)
		junk[i] = (char)((i * 7919u) & 0xff);
	bh_sh_script *sc = NULL;
	cr_assert_eq(bh_sh_parse(&sc, arena, junk, sizeof(junk)), BH_OK);
	cr_assert_not_null(sc);
}
