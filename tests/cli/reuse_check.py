#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# The taint analysis, the memory checkers, the uninitialised-read check,
# the call checks and the bounds checker reuse an earlier scan's traces (include/bulkhead/reuse.h): after each edit below, a scan
# with the cache must write the report a scan without it writes (the other
# analyses' findings included: the fixture has taint flows, one through a
# global), and replay what the edit did not reach. How many components
# each replayed and analysed is read from BULKHEAD_TRACE.
#
#   reuse_check.py BULKHEAD SOURCE_ROOT
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from tap import check, finish  # noqa: E402

BH = os.path.abspath(sys.argv[1])
SRC = os.path.abspath(sys.argv[2])
WORK = tempfile.mkdtemp(prefix="bh-reuse-")
CACHE = os.path.join(WORK, "cache")

UTIL = """#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int drop_priv(uid_t u) { return setuid(u); }

struct opts { int a; int b; };

int use_b(struct opts o) { return o.b; }

char *g_cmd;

void set_cmd(void) { g_cmd = getenv("CMD"); }

const char *config(void) { return getenv("RUN"); }

void run(const char *c) { system(c); }

char *make(size_t n) { return malloc(n); }

void release(char *p) { free(p); }

char *copy_of(const char *s)
{
	char *d = make(strlen(s) + 1);
	strcpy(d, s);
	return d;
}
"""

MAIN = """#include <stdlib.h>
#include <unistd.h>
int drop_priv(uid_t u);

void lower(void) { drop_priv(1000); }
char *make(size_t n);
void release(char *p);
char *copy_of(const char *s);
struct opts { int a; int b; };
int use_b(struct opts o);
extern char *g_cmd;
void set_cmd(void);
const char *config(void);
void run(const char *c);

void go(void) { run(config()); }

int make_call(void)
{
	struct opts o;
	o.a = 1;
	return use_b(o);
}

void use_cmd(void) { system(g_cmd); }

void twice(void)
{
	char *p = make(8);
	release(p);
	release(p);
}

int first(const char *s)
{
	char *c = copy_of(s);
	return c[0];
}

int main(int argc, char **argv)
{
	twice();
	return argc > 1 ? first(argv[1]) : 0;
}
"""

# The bounds checker: put_at() analysed in each caller's context, at most
# eight contexts per callee (c9's is the ninth: not analysed), each once
# whoever comes first, one finding per place; block()'s result is a
# 16-byte block in its caller.
BOUNDS_UTIL = """#include <stdlib.h>
void put_at(char *buf, int i) { buf[i] = 1; }
char *block(void) { return malloc(16); }
"""

BOUNDS_MAIN = """void put_at(char *buf, int i);
char *block(void);
""" + "".join("void c%d(void) { char b[16]; put_at(b, %d); }\n" % (k, k - 1) for k in range(1, 9)) + """\
void c9(void) { char b[16]; put_at(b, 16); }
int grow(void) { char *p = block(); p[20] = 1; return p[0]; }
"""


def write(ctx, name, text):
    with open(os.path.join(ctx, name), "w") as f:
        f.write(text)


def scan(ctx, cached=True):
    """(report text, {analysis: (replayed, analysed)})."""
    env = dict(os.environ, BULKHEAD_TRACE="1", NO_PROGRESS="1")
    env.pop("BULKHEAD_NO_CACHE", None)
    argv = [BH, "scan", ctx, "--format", "json", "--fail-on", "never", "--jobs", "2"]
    argv += ["--cache-dir", CACHE] if cached else ["--no-cache"]
    p = subprocess.run(argv, capture_output=True, env=env)
    counts = {m.group(1).decode(): (int(m.group(2)), int(m.group(3)))
              for m in re.finditer(rb"trace: (\w+): (\d+) components replayed, (\d+) analysed", p.stderr)}
    return p.stdout, counts


def same(ctx, name, want_replayed=None):
    """A cached scan writes the uncached report; `want_replayed(analysis,
    counts)` judges each reusing analysis' (replayed, analysed) (None: the analyses
    may not even run, their whole result taken from the cache)."""
    got, counts = scan(ctx)
    want, _ = scan(ctx, cached=False)
    ok = got == want and (want_replayed is None or
                          all(k in counts and want_replayed(k, counts[k]) for k in ("taint", "memory", "initialisation", "calls", "bounds")))
    check(ok, name, "counts %s; %s" % (counts, "" if got == want else "reports differ"))
    return json.loads(got)


def rules(report, path):
    return sorted(f["rule"] for f in report["findings"] if f["location"]["path"] == path)


def main():
    ctx = os.path.join(WORK, "ctx")
    os.makedirs(ctx)
    write(ctx, "util.c", UTIL)
    write(ctx, "main.c", MAIN)
    write(ctx, "bounds_util.c", BOUNDS_UTIL)
    write(ctx, "bounds_main.c", BOUNDS_MAIN)
    with open(os.path.join(ctx, "compile_commands.json"), "w") as f:
        json.dump([{"directory": ctx, "file": n, "arguments": ["cc", "-c", n]}
                   for n in ("util.c", "main.c", "bounds_util.c", "bounds_main.c")], f)

    rep = same(ctx, "a first scan: everything analysed", lambda a, c: c[0] == 0 and c[1] > 0)
    check("c.double-free" in rules(rep, "main.c"), "the fixture's double free is found", rules(rep, "main.c"))
    check("c.uninitialized-read" in rules(rep, "util.c"), "the fixture's uninitialised field is found",
          rules(rep, "util.c"))
    check("c.unchecked-return" in rules(rep, "main.c"), "the fixture's ignored setuid() through a wrapper is found",
          rules(rep, "main.c"))
    check(rules(rep, "util.c").count("c.command-injection") == 1 and "c.command-injection" in rules(rep, "main.c"),
          "the fixture's command injections are found (one through a global)", (rules(rep, "util.c"), rules(rep, "main.c")))
    check(rules(rep, "bounds_main.c").count("c.heap-buffer-overflow") == 1 and not rules(rep, "bounds_util.c"),
          "the bounds fixture's overflow is found, the ninth context is not analysed",
          (rules(rep, "bounds_main.c"), rules(rep, "bounds_util.c")))
    # Nothing changed but a file the analyses do not read: the whole result.
    write(ctx, "NOTES.txt", "x\n")
    same(ctx, "an unrelated file: same report")
    # A comment above every function of util.c: they move, and the places
    # their summaries hold (what they free, where they taint) with them.
    # The traces hold places relative to their functions: everything
    # replays, the places where the functions are now.
    write(ctx, "util.c", "/* moved */\n" + UTIL)
    same(ctx, "util.c's functions moved: every component replayed", lambda a, c: c[0] > 0 and c[1] == 0)
    # A new function in main.c that calls nothing: everything else replayed.
    write(ctx, "main.c", MAIN + "\nint unrelated(int x) { return x * 2; }\n")
    same(ctx, "a new leaf function: the other components replayed", lambda a, c: c[0] > 0 and c[1] == 1)
    # The global no longer tainted: its reader's finding is gone.
    write(ctx, "util.c", "/* moved */\n" + UTIL.replace('g_cmd = getenv("CMD");', 'g_cmd = "ls";'))
    rep = same(ctx, "a global no longer tainted reaches its reader", lambda a, c: c[0] > 0)
    check("c.command-injection" not in rules(rep, "main.c"), "the reader's injection is gone", rules(rep, "main.c"))
    # config() no longer returns the environment: the injection its
    # caller's call of run() made is gone, though the caller did not change.
    write(ctx, "util.c", "/* moved */\n" + UTIL.replace('return getenv("RUN");', 'return "ls";'))
    rep = same(ctx, "a callee's changed summary reaches its caller (taint)", lambda a, c: c[0] > 0)
    check("c.command-injection" not in rules(rep, "util.c") and "c.command-injection" in rules(rep, "main.c"),
          "the injection through config() is gone, the one through the global stays",
          (rules(rep, "util.c"), rules(rep, "main.c")))
    # release() no longer frees: the double free in its caller is gone, so
    # the caller was analysed again although its own code did not change.
    write(ctx, "util.c", "/* moved */\n" + UTIL.replace("{ free(p); }", "{ (void)p; }"))
    rep = same(ctx, "a callee's changed summary reaches its caller", lambda a, c: c[0] > 0 and c[1] >= 2)
    check("c.double-free" not in rules(rep, "main.c"), "the caller's double free is gone", rules(rep, "main.c"))
    # use_b() reads the field its caller set: the caller's finding is gone.
    write(ctx, "util.c", "/* moved */\n" + UTIL.replace("return o.b;", "return o.a;"))
    rep = same(ctx, "a callee's changed summary reaches its caller (initialisation)", lambda a, c: c[0] > 0)
    check("c.uninitialized-read" not in rules(rep, "util.c"), "the unset field's read is gone", rules(rep, "util.c"))
    # drop_priv() ignores setuid()'s result itself: the finding moves there.
    write(ctx, "util.c", "/* moved */\n" + UTIL.replace("{ return setuid(u); }", "{ setuid(u); return 0; }"))
    rep = same(ctx, "a callee's changed summary reaches its caller (calls)", lambda a, c: c[0] > 0)
    check("c.unchecked-return" not in rules(rep, "main.c") and "c.unchecked-return" in rules(rep, "util.c"),
          "the ignored result is the wrapper's now", (rules(rep, "main.c"), rules(rep, "util.c")))
    # Back as it was: found again.
    write(ctx, "util.c", "/* moved */\n" + UTIL)
    rep = same(ctx, "restored: the finding is back")
    check("c.double-free" in rules(rep, "main.c"), "the double free is back", rules(rep, "main.c"))
    # The bounds checker. c3 no longer calls put_at(): c9's context is the
    # eighth now, analysed, and its overflow found; the callers after c3
    # replay (each met a count under the limit) but c9's own analysis.
    def overflow_callers(rep):
        return sorted(re.search(r"when (\w+)\(\) calls it", f["message"]).group(1)
                      for f in rep["findings"] if f["location"]["path"] == "bounds_util.c")
    write(ctx, "bounds_main.c", BOUNDS_MAIN.replace("put_at(b, 2);", "(void)b;"))
    rep = same(ctx, "bounds: a context fewer before c9: c9's is analysed", lambda a, c: c[0] > 0)
    check(overflow_callers(rep) == ["c9"], "the overflow in c9's context is found", overflow_callers(rep))
    # block() returns 32 bytes: the caller's overflow is gone.
    write(ctx, "bounds_util.c", BOUNDS_UTIL.replace("malloc(16)", "malloc(32)"))
    rep = same(ctx, "bounds: a callee's changed result reaches its caller", lambda a, c: c[0] > 0)
    check("c.heap-buffer-overflow" not in rules(rep, "bounds_main.c"), "the heap overflow is gone",
          rules(rep, "bounds_main.c"))
    # Every caller overflows, each in a context of its own: one finding at
    # the place, the first caller's; then the first caller no longer does,
    # and the second one's context reports it.
    overflowing = BOUNDS_MAIN
    for k in range(8):
        overflowing = overflowing.replace("put_at(b, %d);" % k, "put_at(b, %d);" % (16 + k))
    write(ctx, "bounds_main.c", overflowing)
    rep = same(ctx, "bounds: every caller overflows", lambda a, c: c[0] > 0)
    check(overflow_callers(rep) == ["c1"], "one finding at the place, the first caller's", overflow_callers(rep))
    write(ctx, "bounds_main.c", overflowing.replace("put_at(b, 16);", "put_at(b, 0);", 1))
    rep = same(ctx, "bounds: the first caller no longer overflows", lambda a, c: c[0] > 0)
    check(overflow_callers(rep) == ["c2"], "the second caller's context reports it", overflow_callers(rep))
    # Two callers with one context: analysed once, for the first; then
    # the first one's changes, and the second's is analysed.
    shared = BOUNDS_MAIN.replace("put_at(b, 0);", "put_at(b, 16);").replace("put_at(b, 1);", "put_at(b, 16);")
    write(ctx, "bounds_main.c", shared)
    rep = same(ctx, "bounds: two callers with one context", lambda a, c: c[0] > 0)
    check(overflow_callers(rep) == ["c1"], "the context is analysed for the first", overflow_callers(rep))
    write(ctx, "bounds_main.c", shared.replace("put_at(b, 16);", "put_at(b, 0);", 1))
    rep = same(ctx, "bounds: the first of them passes another", lambda a, c: c[0] > 0)
    check(overflow_callers(rep) == ["c2"], "the second one's context is analysed now", overflow_callers(rep))
    write(ctx, "bounds_main.c", BOUNDS_MAIN)
    write(ctx, "bounds_util.c", BOUNDS_UTIL)
    rep = same(ctx, "bounds: restored", lambda a, c: c[0] > 0)
    check(not overflow_callers(rep) and "c.heap-buffer-overflow" in rules(rep, "bounds_main.c"),
          "the bounds findings are as at first", (overflow_callers(rep), rules(rep, "bounds_main.c")))
    # A line inside config(): the place its summary taints from moves in
    # it, so its callers see a summary changed.
    moved_in = "/* moved */\n" + UTIL.replace('{ return getenv("RUN"); }', '{\n\treturn getenv("RUN");\n}')
    write(ctx, "util.c", moved_in)
    rep = same(ctx, "a line inside config(): its callers' places follow", lambda a, c: c[0] > 0 and c[1] > 0)
    # util.c's functions in the opposite order: each keeps its digest but
    # is somewhere else; so are the places in main.c's findings it made.
    chunks = UTIL.strip().split("\n\n")
    declarations = [c for c in chunks if c.startswith("#") or c.endswith(";")]
    functions = [c for c in chunks if c not in declarations]
    write(ctx, "util.c", "\n\n".join(declarations + functions[::-1]) + "\n")
    # (Their callers' digests list callees in graph order: the callers
    # whose callees swapped are analysed again.)
    same(ctx, "util.c's functions reordered: same report", lambda a, c: c[0] > 0)
    write(ctx, "util.c", "/* moved */\n" + UTIL)
    same(ctx, "util.c's functions moved back")
    # Damaged traces: everything analysed, nothing wrong.
    for name in os.listdir(CACHE):
        if name.startswith("traces-"):
            path = os.path.join(CACHE, name)
            data = bytearray(open(path, "rb").read())
            data[len(data) // 2] ^= 0x20
            open(path, "wb").write(bytes(data))
    write(ctx, "main.c", MAIN + "\nint unrelated_two(int x) { return x * 3; }\n")
    same(ctx, "damaged traces: everything analysed, same report", lambda a, c: c[0] == 0)

    # The demo context, each of its sources edited in turn (a line inserted
    # after its first function: the ones below move).
    demo = os.path.join(WORK, "demo")
    shutil.copytree(os.path.join(SRC, "testdata", "demo"), demo, symlinks=True)
    scan(demo)
    for src in sorted(os.listdir(os.path.join(demo, "src"))):
        if not src.endswith(".c"):
            continue
        path = os.path.join(demo, "src", src)
        text = open(path).read()
        at = text.find("\n}\n")
        if at < 0:
            continue
        open(path, "w").write(text[:at + 3] + "/* edit */\n" + text[at + 3:])
        same(demo, "demo: %s edited mid-file, same report" % src, lambda a, c: c[0] > 0)
        open(path, "w").write(text)
    shutil.rmtree(WORK)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
