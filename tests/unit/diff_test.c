// SPDX-License-Identifier: MIT
// Unit tests for the changed-line sets of `scan --diff` / `--staged`
// (analyzer/diff/diff_parse.c, diff_lines.c): unified diffs as git 2.39
// prints them with -U0 --no-renames --src-prefix=a/ --dst-prefix=b/
// --relative (the samples were taken from real output), hostile text, the
// line lookup and the finding filter.
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/diff.h"
#include "bulkhead/finding.h"
#include "bulkhead/rule.h"

static bh_arena *arena;
static bh_diags diags;
static bh_diff diff;

static void setup(void)
{
	arena = bh_arena_new();
	bh_diags_init(&diags, arena);
	bh_diff_init(&diff, arena);
}

static void teardown(void)
{
	bh_diff_dispose(&diff);
	bh_diags_dispose(&diags);
	bh_arena_free(arena);
}

TestSuite(diff, .init = setup, .fini = teardown);

// The header git prints for a modified file, and the same with only the
// lines the parser needs (a diff cut down by hand).
#define MODIFIED(path) "diff --git a/" path " b/" path "\n--- a/" path "\n+++ b/" path "\n"
#define MODIFIED_NEW_ONLY(path) "diff --git a/" path " b/" path "\n+++ b/" path "\n"

static void parse_len(const char *text, size_t len)
{
	bh_diff_parse(&diff, text, len, &diags);
	bh_diff_finish(&diff);
}

static void parse(const char *text)
{
	parse_len(text, strlen(text));
}

static bool changed(const char *path, uint32_t line)
{
	return bh_diff_has_lines(&diff, path, line, line);
}

static void expect_no_diags(void)
{
	cr_assert_eq(diags.items.len, 0, "unexpected diagnostic: %s",
		     diags.items.len ? diags.items.items[0].message : "");
}

static void expect_diag(const char *message)
{
	cr_assert_eq(diags.items.len, 1, "want one diagnostic, got %zu", diags.items.len);
	cr_assert_str_eq(diags.items.items[0].code, "diff.malformed");
	cr_assert_eq(diags.items.items[0].level, BH_LEVEL_WARNING);
	cr_assert_str_eq(diags.items.items[0].message, message);
}

// --------------------------------------------------------------- git output

Test(diff, modified_lines_are_the_new_side_of_each_hunk)
{
	parse("diff --git a/src/x.c b/src/x.c\n"
	      "index 422c2b7..7be73ce 100644\n"
	      "--- a/src/x.c\n"
	      "+++ b/src/x.c\n"
	      "@@ -2 +2,2 @@ int main(void)\n"
	      "-b\n"
	      "+B\n"
	      "+c\n"
	      "@@ -9,0 +11 @@\n"
	      "+d\n");
	expect_no_diags();
	cr_assert_not(changed("src/x.c", 1));
	cr_assert(changed("src/x.c", 2));
	cr_assert(changed("src/x.c", 3));
	cr_assert_not(changed("src/x.c", 4));
	cr_assert_not(changed("src/x.c", 10));
	cr_assert(changed("src/x.c", 11));
	cr_assert_not(changed("src/x.c", 12));
	// A range query is true when any line of it changed.
	cr_assert(bh_diff_has_lines(&diff, "src/x.c", 5, 11));
	cr_assert_not(bh_diff_has_lines(&diff, "src/x.c", 4, 10));
	// Line 0 is the file as a whole: an old file is not new for it.
	cr_assert_not(changed("src/x.c", 0));
	cr_assert_not(changed("other.c", 2));
	cr_assert_not(changed(NULL, 2));
}

Test(diff, pure_deletion_marks_no_line)
{
	parse(MODIFIED("x.c")
	      "@@ -5,2 +4,0 @@\n"
	      "-gone\n"
	      "-gone too\n");
	expect_no_diags();
	for (uint32_t line = 0; line < 8; line++)
		cr_assert_not(changed("x.c", line), "line %u", line);
}

Test(diff, new_file_counts_whole)
{
	parse("diff --git a/new.c b/new.c\n"
	      "new file mode 100644\n"
	      "index 0000000..8ba3a16\n"
	      "--- /dev/null\n"
	      "+++ b/new.c\n"
	      "@@ -0,0 +1,2 @@\n"
	      "+n\n"
	      "+m\n"
	      "diff --git a/empty.c b/empty.c\n"
	      "new file mode 100644\n"
	      "index 0000000..e69de29\n");
	expect_no_diags();
	cr_assert(changed("new.c", 0));
	cr_assert(changed("new.c", 1));
	cr_assert(changed("new.c", 500));
	// An empty new file has no hunk; its header alone makes it new.
	cr_assert(changed("empty.c", 0));
}

Test(diff, deleted_file_adds_nothing)
{
	parse("diff --git a/old.c b/old.c\n"
	      "deleted file mode 100644\n"
	      "index 8ba3a16..0000000\n"
	      "--- a/old.c\n"
	      "+++ /dev/null\n"
	      "@@ -1,2 +0,0 @@\n"
	      "-n\n"
	      "-m\n");
	expect_no_diags();
	cr_assert_not(changed("old.c", 0));
	cr_assert_not(changed("old.c", 1));
}

Test(diff, mode_only_change_adds_no_line)
{
	parse("diff --git a/run.sh b/run.sh\n"
	      "old mode 100644\n"
	      "new mode 100755\n");
	expect_no_diags();
	cr_assert_not(changed("run.sh", 0));
	cr_assert_not(changed("run.sh", 1));
}

Test(diff, binary_file_that_differs_counts_whole)
{
	parse("diff --git a/bin.dat b/bin.dat\n"
	      "index 88768ef..3e3315e\n"
	      "Binary files a/bin.dat and b/bin.dat differ\n"
	      "diff --git a/a and b.bin b/a and b.bin\n"
	      "Binary files a/a and b.bin and b/a and b.bin differ\n"
	      "diff --git a/gone.bin b/gone.bin\n"
	      "deleted file mode 100644\n"
	      "Binary files a/gone.bin and /dev/null differ\n"
	      "diff --git a/new.bin b/new.bin\n"
	      "new file mode 100644\n"
	      "Binary files /dev/null and b/new.bin differ\n");
	expect_no_diags();
	cr_assert(changed("bin.dat", 0));
	cr_assert(changed("bin.dat", 7));
	// " and " inside the name: the two halves are the same path.
	cr_assert(changed("a and b.bin", 3));
	cr_assert_not(changed("gone.bin", 1));
	cr_assert(changed("new.bin", 1));
}

Test(diff, path_with_space_ends_with_a_tab)
{
	// git ends ---/+++ names holding a space with a tab (for patch(1)).
	parse("diff --git a/sp ace.c b/sp ace.c\n"
	      "--- a/sp ace.c\t\n"
	      "+++ b/sp ace.c\t\n"
	      "@@ -2 +2 @@\n"
	      "-b\n"
	      "+B\n");
	expect_no_diags();
	cr_assert(changed("sp ace.c", 2));
	cr_assert_not(changed("sp ace.c\t", 2));
}

Test(diff, quoted_paths_are_unescaped)
{
	parse("diff --git \"a/q\\\"uote\\303\\251\\t.c\" \"b/q\\\"uote\\303\\251\\t.c\"\n"
	      "--- \"a/q\\\"uote\\303\\251\\t.c\"\n"
	      "+++ \"b/q\\\"uote\\303\\251\\t.c\"\n"
	      "@@ -1 +1 @@\n"
	      "-x\n"
	      "+y\n"
	      "diff --git \"a/back\\\\slash\" \"b/back\\\\slash\"\n"
	      "new file mode 100644\n");
	expect_no_diags();
	cr_assert(changed("q\"uote\xc3\xa9\t.c", 1));
	cr_assert(changed("back\\slash", 0));
}

Test(diff, added_lines_that_look_like_headers_are_content)
{
	// The hunk says one old and three new lines follow: whatever they
	// read, they are the file's text, not another file's header.
	parse(MODIFIED("x.c")
	      "@@ -1 +1,3 @@\n"
	      "--- a/evil.c\n"
	      "+++ b/evil.c\n"
	      "+@@ -0,0 +1,1000 @@\n"
	      "+diff --git a/evil.c b/evil.c\n");
	expect_no_diags();
	cr_assert(changed("x.c", 3));
	cr_assert_not(changed("x.c", 4));
	cr_assert_not(changed("evil.c", 1));
	cr_assert_not(changed("evil.c", 0));
}

Test(diff, no_newline_marker_is_not_a_line)
{
	parse(MODIFIED("x.c")
	      "@@ -3 +3 @@\n"
	      "-old\n"
	      "\\ No newline at end of file\n"
	      "+new\n"
	      "\\ No newline at end of file\n"
	      MODIFIED("y.c")
	      "@@ -1,0 +2 @@\n"
	      "+y\n");
	expect_no_diags();
	cr_assert(changed("x.c", 3));
	cr_assert(changed("y.c", 2));
}

Test(diff, untracked_paths_count_whole)
{
	static const char list[] = "a.c\0dir/b c.c\0\0tail-without-nul";
	bh_diff_add_paths(&diff, list, sizeof(list) - 1);
	bh_diff_finish(&diff);
	cr_assert(changed("a.c", 0));
	cr_assert(changed("dir/b c.c", 99));
	cr_assert(changed("tail-without-nul", 1));
	cr_assert_not(changed("", 1));
	cr_assert_eq(diff.files.len, 3);
}

Test(diff, ranges_merge_and_duplicates_join)
{
	bh_diff_add_range(&diff, "f.c", 20, 25);
	bh_diff_add_range(&diff, "g.c", 1, 1);
	bh_diff_add_range(&diff, "f.c", 3, 4);
	bh_diff_add_range(&diff, "f.c", 5, 6);     // touches 3-4
	bh_diff_add_range(&diff, "f.c", 22, 30);   // overlaps 20-25
	bh_diff_add_range(&diff, "f.c", 9, 2);     // inverted: the file only
	bh_diff_add_range(&diff, "f.c", 4000000000u, UINT32_MAX);
	bh_diff_finish(&diff);
	cr_assert_eq(diff.files.len, 2);
	const bh_diff_file *f = &diff.files.items[0];
	cr_assert_str_eq(f->path, "f.c");
	cr_assert_eq(f->ranges.len, 3);
	cr_assert_eq(f->ranges.items[0].first, 3);
	cr_assert_eq(f->ranges.items[0].last, 6);
	cr_assert_eq(f->ranges.items[1].first, 20);
	cr_assert_eq(f->ranges.items[1].last, 30);
	cr_assert(changed("f.c", UINT32_MAX));
	cr_assert_not(changed("f.c", 7));
	cr_assert_not(changed("f.c", 31));
	// The file was both in a diff and untracked: whole wins.
	bh_diff_add_whole(&diff, "g.c");
	bh_diff_finish(&diff);
	cr_assert(changed("g.c", 50));
}

// ------------------------------------------------------------ hostile input

Test(diff, empty_and_garbage_input_add_nothing)
{
	parse("");
	parse("just some text\nwithout any diff in it\n\xef\xbb\xbf\n");
	expect_no_diags();
	cr_assert_eq(diff.files.len, 0);
}

Test(diff, hunk_cut_short_is_diagnosed)
{
	parse(MODIFIED_NEW_ONLY("x.c")
	      "@@ -1 +1,2 @@\n"
	      "-a\n"
	      "+b\n");
	expect_diag("git diff output, line 6: hunk cut short at the end; changes after it may be missed");
	// The lines it announced still count.
	cr_assert(changed("x.c", 2));
}

Test(diff, hunk_shorter_than_announced_then_next_file_parses)
{
	parse(MODIFIED_NEW_ONLY("x.c")
	      "@@ -1 +1,3 @@\n"
	      "+only one\n"
	      MODIFIED_NEW_ONLY("y.c")
	      "@@ -0,0 +4 @@\n"
	      "+y\n");
	expect_diag("git diff output, line 5: hunk shorter than its header says; changes after it may be missed");
	cr_assert(changed("y.c", 4));
}

Test(diff, malformed_hunk_headers_are_diagnosed_once)
{
	parse(MODIFIED_NEW_ONLY("x.c")
	      "@@ -1 +x @@\n"
	      "@@ -1 +99999999999 @@\n"
	      "@@ -1 +0,5 @@\n"
	      "@@ -1 +1,2\n");
	expect_diag("git diff output, line 3: bad hunk header; changes after it may be missed");
	cr_assert_not(changed("x.c", 1));
}

Test(diff, huge_counts_saturate)
{
	parse(MODIFIED_NEW_ONLY("x.c")
	      "@@ -0,0 +4294967290,4294967295 @@\n");
	// The hunk's lines never came: diagnosed, but the range is clamped.
	cr_assert_eq(diags.items.len, 1);
	cr_assert(changed("x.c", UINT32_MAX));
	cr_assert_not(changed("x.c", 4294967289u));
}

Test(diff, path_without_prefix_is_diagnosed)
{
	parse("diff --git x.c x.c\n"
	      "+++ x.c\n"
	      "@@ -1 +1 @@\n"
	      "-a\n"
	      "+b\n");
	expect_diag("git diff output, line 1: cannot split the two paths; changes after it may be missed");
	cr_assert_eq(diff.files.len, 0);
}

Test(diff, bad_quoting_is_diagnosed)
{
	parse("diff --git \"a/x\\q\" \"b/x\\q\"\n");
	expect_diag("git diff output, line 1: bad quoted path; changes after it may be missed");
	bh_diags_dispose(&diags);
	bh_diags_init(&diags, arena);
	parse("+++ \"b/nul\\000.c\"\n");
	expect_diag("git diff output, line 1: bad quoted path; changes after it may be missed");
	bh_diags_dispose(&diags);
	bh_diags_init(&diags, arena);
	parse("+++ \"b/unterminated\n");
	expect_diag("git diff output, line 1: bad quoted path; changes after it may be missed");
}

Test(diff, nul_byte_in_a_path_is_diagnosed)
{
	static const char text[] = "+++ b/a\0b.c\n@@ -1 +1 @@\n-a\n+b\n";
	parse_len(text, sizeof(text) - 1);
	expect_diag("git diff output, line 1: NUL byte in a path; changes after it may be missed");
	cr_assert_eq(diff.files.len, 0);
}

Test(diff, nul_bytes_in_content_are_counted_as_lines)
{
	static const char text[] = "diff --git a/x b/x\n+++ b/x\n@@ -0,0 +1,2 @@\n+\0\0\n+\xff\xfe\n";
	parse_len(text, sizeof(text) - 1);
	expect_no_diags();
	cr_assert(changed("x", 2));
}

Test(diff, crlf_output_still_parses)
{
	parse("diff --git a/x.c b/x.c\r\n"
	      "--- a/x.c\r\n"
	      "+++ b/x.c\r\n"
	      "@@ -1 +1,2 @@\r\n"
	      "-a\r\n"
	      "+b\r\n"
	      "+c\r\n");
	expect_no_diags();
	cr_assert(changed("x.c", 2));
}

Test(diff, changed_line_outside_a_hunk_is_diagnosed)
{
	parse(MODIFIED_NEW_ONLY("x.c")
	      "+stray\n");
	expect_diag("git diff output, line 3: changed line outside a hunk; changes after it may be missed");
}

Test(diff, many_hunks_stay_fast)
{
	// 200000 one-line hunks in one file: sorted once, looked up by bisection.
	size_t n = 200000;
	char *text = bh_xmalloc(n * 32 + 64);
	size_t len = (size_t)sprintf(text, "diff --git a/x b/x\n+++ b/x\n");
	for (size_t i = n; i > 0; i--)
		len += (size_t)sprintf(text + len, "@@ -0,0 +%zu @@\n+l\n", i * 2);
	parse_len(text, len);
	free(text);
	expect_no_diags();
	cr_assert(changed("x", 2));
	cr_assert(changed("x", 2 * (uint32_t)n));
	cr_assert_not(changed("x", 3));
	cr_assert_eq(diff.files.items[0].ranges.len, n);
}

// ----------------------------------------------------------- finding filter

static bh_finding *add_finding(bh_findings *fs, const char *path, uint32_t line, uint32_t end_line)
{
	return bh_finding_add(fs, bh_rule_get(BH_RULE_C_GETS), (bh_loc){ path, line, 1, end_line, 0 },
			      "at %u", line);
}

static bool kept(const bh_findings *fs, const char *message)
{
	for (size_t i = 0; i < fs->items.len; i++)
		if (strcmp(fs->items.items[i].message, message) == 0)
			return true;
	return false;
}

Test(diff, findings_are_kept_by_their_lines_flows_and_related_locations)
{
	parse(MODIFIED_NEW_ONLY("m.c")
	      "@@ -10 +10 @@\n"
	      "-a\n"
	      "+b\n"
	      "diff --git a/n.c b/n.c\n"
	      "new file mode 100644\n");
	bh_findings fs;
	bh_findings_init(&fs, arena);
	add_finding(&fs, "m.c", 10, 0);                       // on the changed line
	add_finding(&fs, "m.c", 11, 0);                       // an old line
	add_finding(&fs, "m.c", 8, 12);                       // its range covers line 10
	add_finding(&fs, "m.c", 0, 0);                        // the old file as a whole
	add_finding(&fs, "n.c", 0, 0);                        // the new file as a whole
	add_finding(&fs, "other.c", 10, 0);                   // an unchanged file
	add_finding(&fs, NULL, 10, 0);                        // no file at all
	bh_finding *fd = add_finding(&fs, "m.c", 30, 0);      // its flow's source changed
	bh_finding_add_flow(&fs, fd, (bh_loc){ "m.c", 10, 1, 0, 0 }, "source");
	bh_finding_add_flow(&fs, fd, (bh_loc){ "m.c", 30, 1, 0, 0 }, "sink");
	fd = add_finding(&fs, "m.c", 40, 0);                  // a flow step spanning line 10
	bh_finding_add_flow(&fs, fd, (bh_loc){ "m.c", 2, 1, 50, 2 }, "parameter");
	fd = add_finding(&fs, "m.c", 50, 0);                  // its declaration changed
	bh_finding_add_related(&fs, fd, (bh_loc){ "m.c", 10, 1, 0, 0 }, "declared here");
	bh_diff_keep_changed(&diff, &fs);
	cr_assert(kept(&fs, "at 10"));
	cr_assert_not(kept(&fs, "at 11"));
	cr_assert(kept(&fs, "at 8"));
	cr_assert(kept(&fs, "at 30"));
	cr_assert_not(kept(&fs, "at 40"), "a step counts by its first line only");
	cr_assert(kept(&fs, "at 50"));
	cr_assert_eq(fs.items.len, 5, "m.c:10, m.c:8, n.c:0, m.c:30, m.c:50; got %zu", fs.items.len);
	cr_assert_str_eq(fs.items.items[2].loc.path, "n.c");
	bh_findings_dispose(&fs);
}
