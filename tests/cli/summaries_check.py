#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# End-to-end checks of summaries as data (--write-summaries, --summaries)
# through the bulkhead command.
#
# 1. Sharding: for every labelled taint and memory fixture with two or
#    more C files, a scan of all units writes the summaries; then each unit
#    is scanned alone (--shard K/N, N the number of units) reading them.
#    The union of the per-unit findings of the rules that use summaries
#    must be the whole scan's (rule, file, line): what a scan split over
#    machines reports. c.unchecked-null is left out: whether a program
#    function's NULL is reported depends on how many of its callers,
#    program-wide, check it.
# 2. A library scanned in one context and used from another: flows into
#    its sinks are reported at the calls in the application, with no
#    location outside the application's context.
# 3. Bad input: a missing or corrupt summaries file is a diagnostic and
#    exit 2, and the other findings are still there.
#
#   tests/cli/summaries_check.py BULKHEAD SOURCE_ROOT
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from fixtures import c_files, multi_file_fixtures  # noqa: E402
from tap import check, finish  # noqa: E402

TAINT_RULES = ("c.command-injection", "c.format-string", "c.path-traversal", "c.tainted-")
MEM_RULES = ("c.double-free", "c.free-non-heap", "c.free-offset", "c.memory-leak",
             "c.mismatched-dealloc", "c.null-deref", "c.resource-leak", "c.stack-address-escape",
             "c.use-after-free")

# Fixtures whose result needs a fact of another unit that summaries do not
# carry yet (issue [D]/[H]): the case, and why. Each must still differ, so
# that a fix removes it from this list.
KNOWN_DIFFERENCES = {
    "testdata/taint/command-injection/ops-param-good":
        "which operations table a caller passes is resolved from the tables of every unit",
    "testdata/taint/path-traversal/extern-const-if-good":
        "an extern constant's value comes from the unit that defines it",
    # The functions another unit's table, global or member store holds
    # are not in its summaries: the shard's indirect call stays unresolved.
    "testdata/taint/command-injection/extern-table-bad":
        "the functions of a table another unit defines do not travel",
    "testdata/taint/command-injection/global-fn-ptr-bad":
        "the function another unit initialises a global with does not travel",
    "testdata/taint/command-injection/two-programs-callback-bad":
        "the function another unit stores into a member does not travel",
    "testdata/taint/command-injection/two-programs-global-good":
        "a global a summaries file says is tainted is tainted in every program",
}

def scan(bh, ctx, *args):
    """Run a JSON scan; returns (exit code, report or None, stderr)."""
    p = subprocess.run([bh, "scan", "--format", "json", "--fail-on", "never", "-j", "1", *args, ctx],
                       capture_output=True, text=True)
    if p.returncode >= 128 or "Sanitizer" in p.stderr or "runtime error" in p.stderr:
        return p.returncode, None, p.stderr
    try:
        return p.returncode, json.loads(p.stdout), p.stderr
    except json.JSONDecodeError:
        return p.returncode, None, p.stderr


def taint_findings(report):
    return {(f["rule"], f["location"]["path"], f["location"]["line"])
            for f in report["findings"] if f["rule"].startswith(TAINT_RULES)}


def summarised_findings(report):
    return {(f["rule"], f["location"]["path"], f["location"]["line"])
            for f in report["findings"] if f["rule"].startswith(TAINT_RULES + MEM_RULES)}




def header_dirs(ctx):
    dirs = set()
    for root, _, files in os.walk(ctx):
        if any(f.endswith(".h") for f in files):
            dirs.add(root)
    return sorted(dirs)


def compdb(ctx, files, path):
    """A database for `files` of `ctx`, with the same flags for every unit."""
    flags = ["-I" + d for d in header_dirs(ctx)]
    entries = [{"directory": ctx, "file": f, "arguments": ["cc", *flags, "-c", f]} for f in files]
    with open(path, "w") as out:
        json.dump(entries, out)


def sharding(bh, root, tmp):
    cases = multi_file_fixtures(root)
    check(len(cases) >= 60, "sharding: at least 60 multi-file taint and memory fixtures", len(cases))
    for ctx in cases:
        name = os.path.relpath(ctx, root)
        units = c_files(ctx)
        sums = os.path.join(tmp, "sums.json")
        rc, whole, err = scan(bh, ctx, "--write-summaries", sums)
        if whole is None or not os.path.exists(sums):
            check(False, "sharding %s: whole scan" % name, err)
            continue
        union = set()
        broken = None
        for k in range(1, len(units) + 1):
            shard = "%d/%d" % (k, len(units))
            rc, part, err = scan(bh, ctx, "--shard", shard, "--summaries", sums)
            if part is None or rc == 2 or part["summary"]["units_parsed"] != 1:
                broken = "shard %s: exit %d, %s units\n%s" % (shard, rc, part and part["summary"]["units_parsed"], err)
                break
            union |= summarised_findings(part)
        expected = summarised_findings(whole)
        if broken:
            check(False, "sharding %s" % name, broken)
        elif name in KNOWN_DIFFERENCES:
            check(union != expected, "sharding %s: known difference (%s)" % (name, KNOWN_DIFFERENCES[name]),
                  "now equal: remove it from KNOWN_DIFFERENCES")
        else:
            check(union == expected, "sharding %s: %d findings" % (name, len(expected)),
                  "whole only: %s\nshards only: %s" % (sorted(expected - union), sorted(union - expected)))


LIB_C = """#include <stdlib.h>
#include <stdio.h>
int run_cmd(const char *cmd) { return system(cmd); }
char *read_line(void) {
	static char buf[128];
	return fgets(buf, sizeof buf, stdin);
}
"""

APP_C = """#include <stdio.h>
int run_cmd(const char *cmd);
char *read_line(void);
int main(int argc, char **argv) {
	if (argc > 1)
		run_cmd(argv[1]);
	char *l = read_line();
	if (l)
		printf(l);
	return run_cmd("true");
}
"""


def library(bh, tmp):
    lib = os.path.join(tmp, "lib")
    app = os.path.join(tmp, "app")
    os.makedirs(lib)
    os.makedirs(app)
    with open(os.path.join(lib, "lib.c"), "w") as f:
        f.write(LIB_C)
    with open(os.path.join(app, "main.c"), "w") as f:
        f.write(APP_C)
    sums = os.path.join(tmp, "lib.summaries.json")
    rc, _, err = scan(bh, lib, "--write-summaries", sums)
    check(rc == 0 and os.path.exists(sums), "library: --write-summaries writes the file", err)
    with open(sums) as f:
        doc = json.load(f)
    names = [fn["name"] for u in doc["units"] for fn in u["functions"]]
    check(doc["format"] == "bulkhead-summaries" and names == ["run_cmd", "read_line"],
          "library: the file names both functions", names)
    check(len(doc["units"][0].get("hash", "")) == 32, "library: the unit records its file's hash",
          doc["units"][0])

    rc, alone, err = scan(bh, app)
    check(alone is not None and not taint_findings(alone), "library: without summaries, nothing", err)
    rc, used, err = scan(bh, app, "--summaries", sums)
    got = sorted(taint_findings(used)) if used else err
    check(got == [("c.command-injection", "main.c", 6), ("c.format-string", "main.c", 9)],
          "library: flows into and out of it are found in the application", got)
    if used:
        paths = {s["location"]["path"] for f in used["findings"] for s in f.get("flow", [])}
        check(paths == {"main.c"}, "library: the paths stay in the application's context", paths)
        msg = [f["message"] for f in used["findings"] if f["rule"] == "c.command-injection"]
        check(msg and "system() at lib.c:3, outside the build context" in msg[0],
              "library: the message says where the sink is", msg)

    # An application with a lib.c of its own: the same path, not the same
    # file, so the library's sinks are still outside this context.
    with open(os.path.join(app, "lib.c"), "w") as f:
        f.write("int unrelated(void) { return 0; }\n")
    rc, same_path, err = scan(bh, app, "--summaries", sums)
    got = sorted(taint_findings(same_path)) if same_path else err
    check(got == [("c.command-injection", "main.c", 6), ("c.format-string", "main.c", 9)],
          "library: a file of the same path but other content is not the library's", got)
    os.remove(os.path.join(app, "lib.c"))

    # Bad input: diagnosed, exit 2, the rest still reported.
    bad = os.path.join(tmp, "bad.json")
    with open(bad, "w") as f:
        f.write('{"format": "bulkhead-summaries", "version": 1, "units": [{"unit": "x.c", '
                '"functions": [{"usr": "c:@F@run_cmd", "name": "run_cmd", "params": 1, '
                '"taint": {"labels": [{"param": 7}]}}]}]}')
    rc, rep, err = scan(bh, app, "--summaries", bad, "--summaries", sums)
    codes = [d["code"] for d in rep["diagnostics"]] if rep else err
    check(rc == 2 and "summaries.malformed" in codes, "bad input: a corrupt entry is an error", (rc, codes))
    check(rep is not None and len(taint_findings(rep)) == 2,
          "bad input: the good file still applies", rep and sorted(taint_findings(rep)))
    rc, rep, err = scan(bh, app, "--summaries", os.path.join(tmp, "missing.json"))
    codes = [d["code"] for d in rep["diagnostics"]] if rep else err
    check(rc == 2 and "summaries.unreadable" in codes, "bad input: a missing file is an error", (rc, codes))
    for bad_shard in ("0/2", "3/2", "1/0", "1/2x", "2", "1/1025"):
        p = subprocess.run([bh, "scan", "--shard", bad_shard, app], capture_output=True, text=True)
        check(p.returncode == 2 and "--shard needs K/N" in p.stderr,
              "bad input: --shard %s is a usage error" % bad_shard, (p.returncode, p.stderr))
    rc, rep, err = scan(bh, app, "--write-summaries", os.path.join(tmp, "no", "such", "dir.json"))
    codes = [d["code"] for d in rep["diagnostics"]] if rep else err
    check(rc == 2 and "summaries.write-failed" in codes, "bad input: an unwritable file is an error",
          (rc, codes))


def main():
    bh = os.path.abspath(sys.argv[1])
    root = os.path.abspath(sys.argv[2])
    tmp = tempfile.mkdtemp(prefix="bh-summaries-")
    try:
        library(bh, tmp)
        sharding(bh, root, tmp)
    finally:
        shutil.rmtree(tmp)
    sys.exit(finish())


if __name__ == "__main__":
    main()
