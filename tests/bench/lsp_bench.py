#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Latency of `bulkhead lsp` as an editor sees it, with references measured
in the same run.

usage: tests/bench/lsp_bench.py [--bulkhead BIN] [--files N] [--rounds K] [CONTEXT...]

CONTEXT defaults to testdata/demo plus every project that
tests/bench/engine_bench.sh has prepared (tests/bench/work_dir.sh says where; run it
first for real code: it writes their compile_commands.json). For the N
largest translation units of each context (default 3), one server:
- opens the file and waits for its first full diagnostics;
- fast tier, K rounds (default 10): an edit that adds a line holding a
  secret, timed to the publishDiagnostics that reports it (debounce
  included, as the user waits for it), then an edit that takes it out;
- save, K rounds: the file gets a line with a finding and is saved; timed
  to the publishDiagnostics of its own unit's analysis (reparsed with a
  precompiled preamble after the first save, the rest of the program from
  the last full analysis' summaries), then to the answer of
  textDocument/diagnostic, which waits for the whole program;
- references: `clang-19 -fsyntax-only` of that file with its flags from
  compile_commands.json (fast, unit), and over every unit of the database,
  one process per unit (whole program). The file is restored afterwards.
Prints medians in ms and the ratios. The target: fast within 100 ms for a
typical file.
"""
import json, os, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(SRC, "tests", "support"))
from lsp_client import Client  # noqa: E402

# bulkhead: ignore[secret.aws-access-key-id] a test vector: the test needs a secret the scanner finds
SECRET = 'static const char *bh_bench_key = "AKIAQ4TJXW2M7DEMOKEY";\n'


def units(ctx):
    db = os.path.join(ctx, "compile_commands.json")
    if not os.path.exists(db):
        return []
    out = []
    for e in json.load(open(db)):
        f = e["file"] if os.path.isabs(e["file"]) else os.path.join(e["directory"], e["file"])
        args = e.get("arguments") or e["command"].split()
        d = e["directory"]
        if not os.path.exists(f):
            # A database written inside the image (directory /src): the
            # context is that directory, as bulkhead maps it.
            f = os.path.join(ctx, os.path.relpath(f, d))
            d = ctx
        out.append((os.path.realpath(f), d, args))
    return out


def clang_syntax(directory, args, path):
    # The unit's flags, -fsyntax-only instead of compiling, no output file.
    a, skip = ["clang-19"], False
    for x in args[1:]:
        if skip:
            skip = False
            continue
        if x in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if x in ("-c", "-MD", "-MMD") or os.path.realpath(os.path.join(directory, x)) == path:
            continue
        a.append(x)
    t = time.perf_counter()
    subprocess.run(a + ["-fsyntax-only", path], cwd=directory, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def bench(bh, ctx, nfiles, rounds):
    ctx = os.path.realpath(ctx)
    us = units(ctx)
    us = [u for u in us if u[0].startswith(ctx + "/")]
    us.sort(key=lambda u: -os.path.getsize(u[0]))
    full_ref = sum(clang_syntax(d, a, f) for f, d, a in us)
    print("%s: %d units; clang-19 -fsyntax-only over all of them: %.0f ms" % (ctx, len(us), full_ref * 1000))
    for path, directory, args in us[:nfiles]:
        rel = os.path.relpath(path, ctx)
        text = open(path, encoding="utf-8", errors="replace").read()
        uri = "file://" + path
        s = Client(bh, ["--context", ctx])
        s.request("initialize", {"rootUri": "file://" + ctx, "capabilities": {}})
        s.notify("initialized", {})
        t = time.perf_counter()
        s.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "c", "version": 1, "text": text}})
        s.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
        first = time.perf_counter() - t
        fast, full, v = [], [], 1
        for _ in range(rounds):
            v += 1
            s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v}, "contentChanges": [
                {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": SECRET}]})
            t = time.perf_counter()
            s.publish(uri, lambda d: any(x["code"] == "secret.aws-access-key-id" for x in d), timeout=600)
            fast.append(time.perf_counter() - t)
            v += 1
            s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v}, "contentChanges": [
                {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 1, "character": 0}}, "text": ""}]})
            s.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
        unit, saved = [], text
        try:
            for k in range(rounds):
                # A save that adds a finding: the saved unit's own analysis
                # publishes it; the pull waits for the whole program.
                saved += "void bh_bench_%d(void) { char b[4]; gets(b); }\n" % k
                with open(path, "w") as f:
                    f.write(saved)
                v += 1
                s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v},
                                                    "contentChanges": [{"text": saved}]})
                s.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
                t = time.perf_counter()
                s.publish(uri, lambda d: len([x for x in d if x["code"] == "c.gets"]) >= k + 1
                          and any(x["data"].get("tier") == "unit" for x in d), timeout=600)
                unit.append(time.perf_counter() - t)
                s.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
                full.append(time.perf_counter() - t)
        finally:
            with open(path, "w") as f:
                f.write(text)
        s.close()
        ref = statistics.median(clang_syntax(directory, args, path) for _ in range(3))
        fm, sm, um = statistics.median(fast), statistics.median(unit), statistics.median(full)
        print("  %-32s %6d lines  fast %4.0f ms (clang -fsyntax-only of the file %4.0f ms: %.2fx)  "
              "save: its unit %5.0f ms (%.2fx), whole program %6.0f ms (all units %5.0f ms: %.2fx)  "
              "first open %5.0f ms"
              % (rel[-32:], text.count("\n"), fm * 1000, ref * 1000, fm / ref, sm * 1000, sm / ref,
                 um * 1000, full_ref * 1000, um / full_ref, first * 1000))


def main():
    args = sys.argv[1:]
    bh, nfiles, rounds, ctxs = os.path.join(SRC, "build/bulkhead"), 3, 10, []
    while args:
        a = args.pop(0)
        if a == "--bulkhead":
            bh = os.path.abspath(args.pop(0))
        elif a == "--files":
            nfiles = int(args.pop(0))
        elif a == "--rounds":
            rounds = int(args.pop(0))
        else:
            ctxs.append(a)
    if not ctxs:
        ctxs = [os.path.join(SRC, "testdata/demo")]
        work = subprocess.check_output([os.path.join(HERE, "work_dir.sh")], text=True).strip()
        ctxs += sorted(os.path.join(work, d) for d in os.listdir(work)
                       if os.path.isdir(os.path.join(work, d))) if os.path.isdir(work) else []
    for c in ctxs:
        bench(bh, c, nfiles, rounds)


if __name__ == "__main__":
    main()
