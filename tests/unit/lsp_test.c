// SPDX-License-Identifier: MIT
// Unit tests for the LSP server's pieces (analyzer/lsp/): message framing
// over a real pipe (split reads, junk, headers without Content-Length,
// bodies over the limit, the end of input), positions in UTF-16 and
// UTF-8, buffer edits, moving diagnostics past an edit, file URIs, and
// diagnostics made from findings (ranges, related information, fixes).
// The protocol end to end is tests/cli/lsp_test.py.
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bulkhead/arena.h"
#include "bulkhead/finding.h"
#include "bulkhead/rule.h"
#include "lsp/lsp_internal.h"

// A reader over a pipe that already holds `bytes` and is then closed.
static bh_lsp__reader reader_of(const char *bytes, size_t n)
{
	int fds[2];
	cr_assert_eq(pipe(fds), 0);
	cr_assert_eq(write(fds[1], bytes, n), (ssize_t)n);
	close(fds[1]);
	bh_lsp__reader r;
	bh_lsp__reader_init(&r, fds[0]);
	return r;
}

static void done(bh_lsp__reader *r)
{
	close(r->fd);
	bh_lsp__reader_dispose(r);
}

Test(lsp, header_length_is_found_in_any_case_and_after_other_headers)
{
	const char *h = "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length:  42 ";
	cr_assert_eq(bh_lsp__header_length(h, strlen(h)), 42);
	cr_assert_eq(bh_lsp__header_length("Content-Length: 4x", 18), -1);
	cr_assert_eq(bh_lsp__header_length("Content-Length: ", 16), -1);
	cr_assert_eq(bh_lsp__header_length("Content-Type: x", 15), -1);
	// After junk the last Content-Length is the real header's.
	const char *j = "garbage{\"a\":1}Content-Length: 7";
	cr_assert_eq(bh_lsp__header_length(j, strlen(j)), 7);
	// 18 digits at most: no overflow.
	const char *big = "Content-Length: 99999999999999999999999";
	cr_assert_eq(bh_lsp__header_length(big, strlen(big)), -1);
}

Test(lsp, messages_are_read_one_by_one_and_the_end_is_reported)
{
	const char in[] = "Content-Length: 2\r\n\r\n{}Content-Length: 7\r\n\r\n[1,2,3]Content-Length: 9\r\n\r\n{\"x\"";
	bh_lsp__reader r = reader_of(in, sizeof(in) - 1);
	char *body;
	size_t len;
	cr_assert_eq(bh_lsp__read(&r, 1024, &body, &len), BH_LSP__MSG);
	cr_assert_str_eq(body, "{}");
	free(body);
	cr_assert_eq(bh_lsp__read(&r, 1024, &body, &len), BH_LSP__MSG);
	cr_assert_eq(len, 7);
	cr_assert_str_eq(body, "[1,2,3]");
	free(body);
	// A body cut short by the end of input is not a message.
	cr_assert_eq(bh_lsp__read(&r, 1024, &body, &len), BH_LSP__EOF);
	cr_assert_null(body);
	done(&r);
}

Test(lsp, bad_headers_and_large_bodies_keep_the_stream_framed)
{
	const char in[] = "Content-Type: x\r\n\r\n"
			  "Content-Length: 20\r\n\r\n01234567890123456789"
			  "Content-Length: 2\r\n\r\nok";
	bh_lsp__reader r = reader_of(in, sizeof(in) - 1);
	char *body;
	size_t len;
	cr_assert_eq(bh_lsp__read(&r, 10, &body, &len), BH_LSP__BAD_HEADER);
	cr_assert_eq(bh_lsp__read(&r, 10, &body, &len), BH_LSP__TOO_LARGE);
	cr_assert_eq(bh_lsp__read(&r, 10, &body, &len), BH_LSP__MSG);
	cr_assert_str_eq(body, "ok");
	free(body);
	done(&r);
}

Test(lsp, a_header_that_never_ends_is_dropped)
{
	size_t n = 20000;
	char *junk = bh_xmalloc(n);
	memset(junk, 'a', n);
	bh_lsp__reader r = reader_of(junk, n);
	char *body;
	size_t len;
	cr_assert_eq(bh_lsp__read(&r, 1024, &body, &len), BH_LSP__BAD_HEADER);
	cr_assert_lt(r.len, 16u, "the junk is not kept");
	done(&r);
	free(junk);
}

Test(lsp, utf16_and_utf8_positions)
{
	// "aé😀b": a (1 byte), é (2 bytes, 1 unit), 😀 (4 bytes, 2 units), b.
	const char *t = "x\na\xc3\xa9\xf0\x9f\x98\x80" "b\nz";
	size_t n = strlen(t);
	cr_assert_eq(bh_lsp__offset(t, n, 1, 0, true), 2);
	cr_assert_eq(bh_lsp__offset(t, n, 1, 2, true), 5);  // after é
	cr_assert_eq(bh_lsp__offset(t, n, 1, 4, true), 9);  // after the emoji
	cr_assert_eq(bh_lsp__offset(t, n, 1, 3, true), 5);  // inside the pair: before it
	cr_assert_eq(bh_lsp__offset(t, n, 1, 99, true), 10); // past the end: the line's end
	cr_assert_eq(bh_lsp__offset(t, n, 7, 0, true), n);   // past the last line
	cr_assert_eq(bh_lsp__offset(t, n, 1, 5, false), 7);  // bytes
	const char *line = t + 2;
	cr_assert_eq(bh_lsp__character(line, 8, 7, true), 4);
	cr_assert_eq(bh_lsp__character(line, 8, 7, false), 7);
	// Invalid UTF-8 counts a unit per byte.
	cr_assert_eq(bh_lsp__character("\xff\xfe" "a", 3, 3, true), 3);
}

Test(lsp, buffer_edits)
{
	bh_lsp__text t = { 0 };
	bh_lsp__text_set(&t, "hello world", 11);
	bh_lsp__text_replace(&t, 6, 11, "there", 5);
	cr_assert_str_eq(t.data, "hello there");
	bh_lsp__text_replace(&t, 0, 0, ">> ", 3);
	cr_assert_str_eq(t.data, ">> hello there");
	bh_lsp__text_replace(&t, 99, 2, "!", 1); // clamped: appends
	cr_assert_str_eq(t.data, ">> hello there!");
	for (int i = 0; i < 10000; i++)
		bh_lsp__text_replace(&t, 0, 0, "x", 1);
	cr_assert_eq(t.len, 10015);
	bh_lsp__text_replace(&t, 0, 10000, "", 0);
	cr_assert_str_eq(t.data, ">> hello there!");
	bh_lsp__text_dispose(&t);
	cr_assert_eq(bh_lsp__count_lines("a\nb\n", 4), 2);
}

static json_t *diag_at(int line)
{
	return json_pack("{s:{s:{s:i,s:i},s:{s:i,s:i}}}", "range", "start", "line", line, "character", 0,
			 "end", "line", line, "character", 5);
}

Test(lsp, diagnostics_move_past_an_edit_and_edited_lines_lose_theirs)
{
	json_t *d = json_array();
	for (int l = 0; l < 6; l++)
		json_array_append_new(d, diag_at(l * 10));
	// Lines 10..20 replaced by text 3 lines longer.
	bh_lsp__shift(d, 10, 20, 3);
	cr_assert_eq(json_array_size(d), 4);
	int want[] = { 0, 33, 43, 53 };
	for (size_t i = 0; i < 4; i++)
		cr_assert_eq(json_integer_value(json_object_get(json_object_get(json_object_get(
				     json_array_get(d, i), "range"), "start"), "line")), want[i]);
	json_decref(d);
}

Test(lsp, file_uris)
{
	char *p = bh_lsp__uri_to_path("file:///home/a%20b/c%23.c");
	cr_assert_str_eq(p, "/home/a b/c#.c");
	char *u = bh_lsp__path_to_uri(p);
	cr_assert_str_eq(u, "file:///home/a%20b/c%23.c");
	free(p);
	free(u);
	p = bh_lsp__uri_to_path("file://localhost/etc/x");
	cr_assert_str_eq(p, "/etc/x");
	free(p);
	cr_assert_null(bh_lsp__uri_to_path("untitled:Untitled-1"));
	cr_assert_null(bh_lsp__uri_to_path("file://server/share/x"));
	cr_assert_null(bh_lsp__uri_to_path("file:///a%00b"));
}

static const char *fake_line(void *payload, const char *path, uint32_t line, size_t *len)
{
	(void)payload;
	(void)path;
	static const char *lines[] = { "", "int x; /* \xc3\xa9 */ gets(buf);", "FROM gcc" };
	if (line > 2)
		return NULL;
	*len = strlen(lines[line]);
	return lines[line];
}

Test(lsp, a_finding_becomes_a_diagnostic)
{
	bh_arena *a = bh_arena_new();
	bh_findings fs;
	bh_findings_init(&fs, a);
	bh_loc loc = { "src/a.c", 1, 17, 1, 26 }; // gets(buf)
	bh_finding *fd = bh_finding_add(&fs, bh_rule_get(BH_RULE_C_GETS), loc, "gets into 'buf' \xff");
	bh_finding_add_flow(&fs, fd, (bh_loc){ "Dockerfile", 2, 1, 0, 0 }, "built here");
	bh_finding_set_fix(&fs, fd, "use fgets", loc, "fgets(buf, sizeof(buf), stdin)");
	bh_lsp__lines lines = { fake_line, NULL };
	json_t *d = bh_lsp__diagnostic(fd, "/ctx", &lines, true, "full");
	json_t *range = json_object_get(d, "range");
	// Byte column 17 is after "é" (2 bytes): UTF-16 character 15.
	cr_assert_eq(json_integer_value(json_object_get(json_object_get(range, "start"), "character")), 15);
	cr_assert_eq(json_integer_value(json_object_get(json_object_get(range, "end"), "character")), 24);
	cr_assert_str_eq(json_string_value(json_object_get(d, "code")), "c.gets");
	cr_assert_str_eq(json_string_value(json_object_get(d, "source")), "bulkhead");
	cr_assert_eq(json_integer_value(json_object_get(d, "severity")), 1);
	cr_assert_not_null(json_string_value(json_object_get(d, "message")), "invalid UTF-8 is repaired");
	json_t *rel = json_array_get(json_object_get(d, "relatedInformation"), 0);
	cr_assert_str_eq(json_string_value(json_object_get(json_object_get(rel, "location"), "uri")),
			 "file:///ctx/Dockerfile");
	// A step without an extent covers its line.
	cr_assert_eq(json_integer_value(json_object_get(json_object_get(json_object_get(json_object_get(
			     rel, "location"), "range"), "end"), "character")), 8);
	json_t *data = json_object_get(d, "data");
	cr_assert_str_eq(json_string_value(json_object_get(data, "tier")), "full");
	cr_assert(json_is_true(json_object_get(data, "crossFile")), "the flow steps into the Dockerfile");
	json_t *fix = json_object_get(data, "fix");
	cr_assert_str_eq(json_string_value(json_object_get(fix, "text")), "fgets(buf, sizeof(buf), stdin)");
	cr_assert_eq(json_integer_value(json_object_get(json_object_get(json_object_get(fix, "range"), "start"),
							"character")), 15);
	json_decref(d);
	bh_findings_dispose(&fs);
	bh_arena_free(a);
}

// -------------------------------------------------------------- sync

static void frame_into(FILE *f, const char *body)
{
	fprintf(f, "Content-Length: %zu\r\n\r\n%s", strlen(body), body);
}

// With `sync`, a whole session read at once still runs the full analysis
// its didOpen made due before the next message (here: exit) is handled;
// without it the server reads the session as one batch and exits first.
static char *serve_session(bh_arena *a, const char *dir, bool sync)
{
	const char *in_path = bh_arena_sprintf(a, "%s/in", dir), *out_path = bh_arena_sprintf(a, "%s/out", dir);
	const char *source = "#include <stdlib.h>\nvoid f(void) { char *p = malloc(4); free(p); free(p); }\n";
	FILE *f = fopen(bh_arena_sprintf(a, "%s/a.c", dir), "w");
	cr_assert_not_null(f);
	fputs(source, f);
	fclose(f);
	f = fopen(in_path, "w");
	cr_assert_not_null(f);
	frame_into(f, bh_arena_sprintf(a,
					"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
					"{\"rootUri\":\"file://%s\",\"capabilities\":{}}}",
					dir));
	frame_into(f, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
	frame_into(f, bh_arena_sprintf(a,
					"{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":"
					"{\"textDocument\":{\"uri\":\"file://%s/a.c\",\"languageId\":\"c\",\"version\":1,"
					"\"text\":\"#include <stdlib.h>\\nvoid f(void) { char *p = malloc(4); free(p); "
					"free(p); }\\n\"}}}",
					dir));
	frame_into(f, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
	frame_into(f, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
	fclose(f);
	FILE *in = fopen(in_path, "r"), *out = fopen(out_path, "w+");
	cr_assert_not_null(in);
	cr_assert_not_null(out);
	bh_lsp_options o = BH_LSP_OPTIONS_INIT;
	o.sync = sync;
	o.jobs = 1;
	cr_assert_eq(bh_lsp_serve(fileno(in), fileno(out), &o), 0);
	fclose(in);
	rewind(out);
	char *text = bh_arena_alloc(a, 1 << 16);
	size_t n = fread(text, 1, (1 << 16) - 1, out);
	text[n] = '\0';
	fclose(out);
	unlink(in_path);
	unlink(out_path);
	unlink(bh_arena_sprintf(a, "%s/a.c", dir));
	return text;
}

Test(lsp, sync_finishes_each_messages_analyses_before_the_next)
{
	char dir[] = "/tmp/bh-lsp-sync-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	setenv("BULKHEAD_NO_CACHE", "1", 1);
	bh_arena *a = bh_arena_new();
	cr_assert_not_null(strstr(serve_session(a, dir, true), "c.double-free"));
	cr_assert_null(strstr(serve_session(a, dir, false), "c.double-free"));
	bh_arena_free(a);
	rmdir(dir);
}
