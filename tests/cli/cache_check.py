#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# The result cache of `bulkhead scan` end to end: a second scan of an
# unchanged context takes the stored result and writes the same bytes in
# every format as a scan without the cache; any change to what a result
# depends on (a source, a config file, a header outside the context, the
# options that change what is analysed) is a miss; corrupt entries, a
# symlinked cache directory and scans running at once never change a
# report. Whether a scan took a stored result is read from BULKHEAD_TRACE.
#
#   tests/cli/cache_check.py BULKHEAD SOURCE_ROOT
import difflib
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from tap import check, finish  # noqa: E402

BH = os.path.abspath(sys.argv[1])
SRC = os.path.abspath(sys.argv[2])
WORK = tempfile.mkdtemp(prefix="bh-cache-")
XDG = os.path.join(WORK, "xdg")


LAST_UNITS = [None]  # (reused, total) of the last scan that parsed, from the trace
REPLAYED = [False]  # whether the last scan took the whole-program analyses from the cache
TSC = [None]  # (files from the cache, files checked) of the last scan's tree-sitter stage
SECRETS = [None]  # (files from the cache, files scanned) of the last scan's secret scanner


def scan(ctx, *args, env_extra=None, no_cache=False):
    """(exit code, stdout bytes, whether the result came from the cache)."""
    env = dict(os.environ, XDG_CACHE_HOME=XDG, BULKHEAD_TRACE="1", NO_PROGRESS="1")
    env.pop("BULKHEAD_NO_CACHE", None)
    env.update(env_extra or {})
    argv = [BH, "scan", ctx, "--jobs", "2"] + (["--no-cache"] if no_cache else []) + list(args)
    p = subprocess.run(argv, capture_output=True, env=env)
    m = re.search(rb"trace: (\d+) of (\d+) units from the cache", p.stderr)
    LAST_UNITS[0] = (int(m.group(1)), int(m.group(2))) if m else None
    REPLAYED[0] = b"trace: analyses from the cache" in p.stderr
    m = re.search(rb"trace: tree-sitter: (\d+) files from the cache, (\d+) checked", p.stderr)
    TSC[0] = (int(m.group(1)), int(m.group(2))) if m else None
    m = re.search(rb"trace: secrets: (\d+) files from the cache, (\d+) scanned", p.stderr)
    SECRETS[0] = (int(m.group(1)), int(m.group(2))) if m else None
    return p.returncode, p.stdout, b"trace: cache-hit" in p.stderr


def entries():
    return sorted(glob.glob(os.path.join(XDG, "bulkhead", "*", "scan-*")))


def untimed(out):
    """A report without its run times (the GitLab report has them)."""
    return re.sub(rb'"(start|end)_time": "[^"]*"', b'"TIME"', out)


def same_as_uncached(name, ctx, *args):
    """A warm scan with `args` writes what a scan without the cache writes."""
    want = scan(ctx, *args, no_cache=True)
    got = scan(ctx, *args)
    want, got = (want[0], untimed(want[1]), want[2]), (got[0], untimed(got[1]), got[2])
    diff = "".join(difflib.unified_diff(want[1].decode(errors="replace").splitlines(True),
                                        got[1].decode(errors="replace").splitlines(True), "uncached", "warm"))
    check(got[2] and got[:2] == want[:2], name, "hit=%s rc %s/%s\n%s" % (got[2], got[0], want[0], diff))


def scan_and_uncached(ctx, *args):
    """A scan with the cache, then one without: (whole-result hit, units
    (reused, total) of the first, whether the two reports are the same);
    REPLAYED says whether the first took the analyses from the cache."""
    rc, out, hit = scan(ctx, "--format", "json", *args)
    reused, replayed = LAST_UNITS[0], REPLAYED[0]
    want = scan(ctx, "--format", "json", *args, no_cache=True)[1]
    REPLAYED[0] = replayed
    return hit, reused, out == want


def copy_demo(name):
    ctx = os.path.join(WORK, name)
    shutil.copytree(os.path.join(SRC, "testdata", "demo"), ctx, symlinks=True)
    return ctx


def rules_at(report, path_part):
    return sorted((f["rule"], f["location"]["path"], f["location"]["line"])
                  for f in json.loads(report)["findings"] if path_part in f["location"]["path"])


def main():
    ctx = copy_demo("demo")

    # Cold, then warm: the same bytes in every format, and a hit.
    rc, cold, hit = scan(ctx, "--format", "json")
    check(not hit and len(entries()) == 1, "a cold scan stores one entry", "hit=%s %s" % (hit, entries()))
    for fmt in ("json", "sarif", "text", "gitlab-sast", "codequality"):
        same_as_uncached("warm %s report identical to an uncached scan" % fmt, ctx, "--format", fmt,
                         "--color", "never")
    # What is applied after the cache: filters, policy, order, exit code.
    same_as_uncached("--only-shipped --min-exposure on a warm scan", ctx, "--format", "json",
                     "--only-shipped", "--min-exposure", "30")
    same_as_uncached("--sort exposure --fail-on error on a warm scan", ctx, "--sort", "exposure",
                     "--fail-on", "error", "--color", "never")
    baseline = os.path.join(WORK, "baseline.json")
    subprocess.run([BH, "scan", ctx, "--no-cache", "--write-baseline", baseline], capture_output=True)
    same_as_uncached("--baseline on a warm scan", ctx, "--baseline", baseline, "--format", "json")

    # -- FILE narrows what the text stages read: a result of its own.
    rc, out, hit = scan(ctx, "--format", "json", "--", os.path.join(ctx, "src", "util.c"))
    check(not hit, "-- FILE is keyed apart from the whole scan")
    same_as_uncached("-- FILE warm", ctx, "--format", "json", "--", os.path.join(ctx, "src", "util.c"))

    p = subprocess.run([BH, "scan", "--cache-dir", "", ctx], capture_output=True)
    check(p.returncode == 2 and b"--cache-dir needs a directory" in p.stderr, "--cache-dir '' is a usage error",
          p.stderr)

    # BULKHEAD_NO_CACHE and --no-cache: nothing reused.
    rc, out, hit = scan(ctx, "--format", "json", env_extra={"BULKHEAD_NO_CACHE": "1"})
    check(not hit and out == cold, "BULKHEAD_NO_CACHE=1 reuses nothing, same report")

    # A changed source: a miss with the new finding; reverted: the old
    # entry is a hit again.
    util = os.path.join(ctx, "src", "util.c")
    original = open(util).read()
    with open(util, "a") as f:
        f.write("\nvoid cache_probe(const char *s) { char b[4]; strcpy(b, s); }\n")
    rc, edited, hit = scan(ctx, "--format", "json")
    probe = [f for f in json.loads(edited)["findings"] if f["function"] == "cache_probe"]
    check(not hit and probe, "an edited .c file is a miss and its new finding is reported",
          "hit=%s %s" % (hit, rules_at(edited, "util.c")))
    with open(util, "w") as f:
        f.write(original)
    rc, out, hit = scan(ctx, "--format", "json")
    check(hit and out == cold, "the file restored: the earlier entry is a hit again")

    # Per unit: an edited .c file is the one unit parsed again, and the
    # report is exactly an uncached scan's; an edited header, the units that
    # include it; a new header, none unless it is named like one they read.
    with open(util, "a") as f:
        f.write("\nint cache_probe_two(int x) { return x + 1; }\n")
    hit, reused, same = scan_and_uncached(ctx)
    check(not hit and reused == (4, 5) and same,
          "one edited .c file: 4 of 5 units from the cache, the report an uncached scan's", (hit, reused))
    check(not REPLAYED[0], "a new function: the whole-program analyses run again")
    with open(util, "w") as f:
        f.write(original)

    # The whole-program analyses are a function of the IR: a change that
    # leaves every function's IR as it was takes their results from the
    # cache, and the report is still an uncached scan's.
    dockerfile = os.path.join(ctx, "Dockerfile")
    docker_text = open(dockerfile).read()
    with open(dockerfile, "a") as f:
        f.write("\nLABEL cache.probe=1\n")
    hit, reused, same = scan_and_uncached(ctx)
    check(not hit and REPLAYED[0] and same,
          "an edited Dockerfile: the analyses from the cache, same report",
          (hit, reused, REPLAYED[0]))
    with open(dockerfile, "w") as f:
        f.write(docker_text)
    with open(util, "a") as f:
        f.write("\n/* a comment after the last function */\n")
    rc, out, hit = scan(ctx, "--format", "json")
    reused, tsc, replayed, secrets = LAST_UNITS[0], TSC[0], REPLAYED[0], SECRETS[0]
    same = out == scan(ctx, "--format", "json", no_cache=True)[1]
    check(not hit and reused == (4, 5) and replayed and same,
          "a comment at the end of a .c file: that unit parsed, the analyses from the cache, same report",
          (hit, reused, replayed))
    check(tsc is not None and tsc[0] > 0 and tsc[1] == 1,
          "... and tree-sitter checks that file only, the others' results from the cache", tsc)
    check(secrets is not None and secrets[0] > 0 and secrets[1] == 1,
          "... and the secret scanner reads that file only", secrets)
    with open(util, "w") as f:
        f.write("/* a line before every function */\n" + original)
    hit, reused, same = scan_and_uncached(ctx)
    check(not hit and not REPLAYED[0] and same,
          "a line inserted above the functions (their locations move): the analyses run again, same report",
          (hit, reused, REPLAYED[0]))
    with open(util, "w") as f:
        f.write(original)
    scan(ctx, "--format", "json")
    models = os.path.join(WORK, "models.json")
    with open(models, "w") as f:
        json.dump({"taint": ["sink log_line arg0 c.command-injection"]}, f)
    hit, reused, same = scan_and_uncached(ctx, "--config", models)
    check(not hit and not REPLAYED[0] and same,
          "the configuration's taint models are part of the analyses' key", (hit, reused, REPLAYED[0]))
    for e in glob.glob(os.path.join(XDG, "bulkhead", "*", "analysis-*")) + \
            glob.glob(os.path.join(XDG, "bulkhead", "*", "files-*")):  # tree-sitter's and secrets' results
        data = bytearray(open(e, "rb").read())
        data[len(data) // 2] ^= 0x04
        open(e, "wb").write(bytes(data))
    with open(dockerfile, "a") as f:
        f.write("\nLABEL cache.probe=2\n")
    hit, reused, same = scan_and_uncached(ctx)
    check(not hit and not REPLAYED[0] and same,
          "corrupt analyses and file results entries: the analyses and tree-sitter run again, same report",
          (hit, reused, REPLAYED[0]))
    with open(dockerfile, "w") as f:
        f.write(docker_text)
    http_h = os.path.join(ctx, "src", "http.h")
    header = open(http_h).read()
    with open(http_h, "a") as f:
        f.write("\n#define CACHE_PROBE 1\n")
    hit, reused, same = scan_and_uncached(ctx)
    check(reused is not None and reused[0] < 5 and same,
          "an edited header: the units including it are parsed again, same report", reused)
    with open(http_h, "w") as f:
        f.write(header)
    # (A scan of its own key: the whole-scan entry of the restored state
    # would answer without parsing, and the units that include the header
    # are stored as they are now.)
    scan(ctx, "--format", "json", "--exclude", "no/such/path")
    with open(os.path.join(ctx, "src", "new_probe.h"), "w") as f:
        f.write("#define NEW_PROBE 1\n")
    rc, out, hit = scan(ctx, "--format", "json")
    check(LAST_UNITS[0] == (5, 5), "a new header no unit could include: every unit from the cache",
          LAST_UNITS[0])
    os.unlink(os.path.join(ctx, "src", "new_probe.h"))
    # A new file with the name of a header a unit includes may be the one
    # it includes now (an earlier -I directory): those units parse again.
    os.makedirs(os.path.join(ctx, "shadow"))
    with open(os.path.join(ctx, "shadow", "http.h"), "w") as f:
        f.write("#define SHADOW 1\n")
    hit, reused, same = scan_and_uncached(ctx)
    check(reused is not None and reused[0] < 5 and same,
          "a new file named like an included header: its includers parse again, same report", reused)
    shutil.rmtree(os.path.join(ctx, "shadow"))
    for e in glob.glob(os.path.join(XDG, "bulkhead", "*", "unit-*")):
        data = bytearray(open(e, "rb").read())
        data[len(data) - 7] ^= 0x10
        open(e, "wb").write(bytes(data))
    with open(util, "a") as f:
        f.write("\n/* probe */\n")
    hit, reused, same = scan_and_uncached(ctx)
    check(not hit and reused == (0, 5) and same,
          "corrupt unit entries: every unit parsed again, the report an uncached scan's", (hit, reused))
    with open(util, "w") as f:
        f.write(original)

    # A header the context excludes but a unit includes: its change is seen.
    ectx = os.path.join(WORK, "excluded-header")
    os.makedirs(os.path.join(ectx, "vendor"))
    with open(os.path.join(ectx, "vendor", "size.h"), "w") as f:
        f.write("#define VLEN 4\n")
    with open(os.path.join(ectx, "main.c"), "w") as f:
        f.write('#include <string.h>\n#include "vendor/size.h"\n'
                "void probe(void) { char b[VLEN]; memcpy(b, \"0123456789\", 8); (void)b; }\n")
    with open(os.path.join(ectx, "compile_commands.json"), "w") as f:
        json.dump([{"directory": ectx, "file": "main.c", "arguments": ["cc", "-c", "main.c"]}], f)
    rc, before, hit = scan(ectx, "--format", "json", "--exclude", "vendor/**")
    with open(os.path.join(ectx, "vendor", "size.h"), "w") as f:
        f.write("#define VLEN 64\n")
    rc, after, hit2 = scan(ectx, "--format", "json", "--exclude", "vendor/**")
    check(rules_at(before, "main.c") and not hit2 and LAST_UNITS[0] == (0, 1) and not rules_at(after, "main.c"),
          "an excluded header a unit includes: its change is a miss", (rules_at(after, "main.c"), LAST_UNITS[0]))

    # A header a unit could not find, then created: the unit parses again.
    mctx = os.path.join(WORK, "missing-header")
    os.makedirs(mctx)
    with open(os.path.join(mctx, "main.c"), "w") as f:
        f.write('#include "gen_config.h"\nint probe(void) { return GEN_VALUE; }\n')
    with open(os.path.join(mctx, "compile_commands.json"), "w") as f:
        json.dump([{"directory": mctx, "file": "main.c", "arguments": ["cc", "-c", "main.c"]}], f)
    rc, before, hit = scan(mctx, "--format", "json")
    with open(os.path.join(mctx, "gen_config.h"), "w") as f:
        f.write("#define GEN_VALUE 1\n")
    rc, after, hit = scan(mctx, "--format", "json")
    errors = lambda out: [d["code"] for d in json.loads(out)["diagnostics"] if d["level"] == "error"]
    check(errors(before) and LAST_UNITS[0] == (0, 1) and not errors(after),
          "a missing header, once created: the unit parses again", (errors(before), LAST_UNITS[0], errors(after)))

    # A changed config file holding a secret: a miss, the secret reported.
    cfg = os.path.join(ctx, "config", "cache-probe.env")
    with open(cfg, "w") as f:
        f.write("GITHUB_TOKEN=ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8" + "\n")
    rc, out, hit = scan(ctx, "--format", "json")
    check(not hit and rules_at(out, "cache-probe.env"), "a new config file is a miss and its secret is reported",
          rules_at(out, "cache-probe.env"))
    check(b"A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8" not in b"".join(open(e, "rb").read() for e in entries()),
          "the cache holds no secret whole")
    os.unlink(cfg)

    # Hashes are remembered by stat: a same-size edit with the mtime set
    # back is still seen (the change time moved). The file is older than
    # the two seconds within which a remembered hash is not trusted.
    os.utime(util, (time.time() - 60, time.time() - 60))
    time.sleep(2.5)
    scan(ctx, "--format", "json")
    rc, out, hit = scan(ctx, "--format", "json")
    check(hit, "an unchanged context is a hit with remembered hashes")
    st = os.stat(util)
    data = open(util, "rb").read()
    i = data.index(b"/*") + 3 if b"/*" in data else 0
    open(util, "wb").write(data[:i] + (b"Z" if data[i:i + 1] != b"Z" else b"Y") + data[i + 1:])
    os.utime(util, ns=(st.st_atime_ns, st.st_mtime_ns))
    rc, out, hit = scan(ctx, "--format", "json")
    check(not hit and os.stat(util).st_size == st.st_size and os.stat(util).st_mtime_ns == st.st_mtime_ns,
          "a same-size edit with the old mtime is a miss")
    open(util, "wb").write(data)

    # Options that change what is analysed: an --exclude is a miss.
    rc, out, hit = scan(ctx, "--format", "json", "--exclude", "src/util.c")
    check(not hit and not rules_at(out, "src/util.c"), "--exclude is part of the key")

    # Corrupt entries: a miss, the same report, and the entry written anew.
    for e in entries():
        data = bytearray(open(e, "rb").read())
        data[len(data) // 2] ^= 0x01
        open(e, "wb").write(bytes(data))
    rc, out, hit = scan(ctx, "--format", "json")
    check(not hit and out == cold, "a corrupt entry is a miss and changes nothing")
    rc, out, hit = scan(ctx, "--format", "json")
    check(hit and out == cold, "the corrupt entry was replaced")
    for e in entries():
        data = open(e, "rb").read()
        open(e, "wb").write(data[: len(data) // 3])
    rc, out, hit = scan(ctx, "--format", "json")
    check(not hit and out == cold, "a truncated entry is a miss and changes nothing")

    # A header outside the context: the result depends on it.
    outside = os.path.join(WORK, "outside-include")
    os.makedirs(outside)
    hdr = os.path.join(outside, "limits_probe.h")
    with open(hdr, "w") as f:
        f.write("#define PROBE_LEN 4\n")
    octx = os.path.join(WORK, "outside-ctx")
    os.makedirs(octx)
    with open(os.path.join(octx, "probe.c"), "w") as f:
        f.write('#include <string.h>\n#include "limits_probe.h"\n'
                "void probe(void) { char b[PROBE_LEN]; memcpy(b, \"0123456789\", 8); (void)b; }\n")
    with open(os.path.join(octx, "compile_commands.json"), "w") as f:
        json.dump([{"directory": octx, "file": "probe.c",
                    "arguments": ["cc", "-I" + outside, "-c", "probe.c"]}], f)
    rc, small, hit = scan(octx, "--format", "json")
    rc, again, hit2 = scan(octx, "--format", "json")
    with open(hdr, "w") as f:
        f.write("#define PROBE_LEN 64\n")
    rc, large, hit3 = scan(octx, "--format", "json")
    check(rules_at(small, "probe.c") and not hit and hit2 and not hit3 and not rules_at(large, "probe.c"),
          "a changed header outside the context is a miss",
          "hits %s %s %s\nbefore %s\nafter %s" % (hit, hit2, hit3, rules_at(small, "probe.c"), rules_at(large, "probe.c")))

    # A cache directory that is a symlink: not used, said in a note, the
    # findings as without a cache.
    target = os.path.join(WORK, "elsewhere")
    os.makedirs(target)
    link = os.path.join(WORK, "cache-link")
    os.symlink(target, link)
    rc, out, hit = scan(ctx, "--format", "json", "--cache-dir", link)
    rep = json.loads(out)
    check(not os.listdir(target) and any(d["code"] == "cache.unusable" for d in rep["diagnostics"]) and
          json.loads(cold)["findings"] == rep["findings"],
          "a symlinked cache directory is not used", os.listdir(target))

    # A cache directory inside the context is not part of it.
    inside = os.path.join(ctx, ".bulkhead-cache")
    rc, first, hit = scan(ctx, "--format", "json", "--cache-dir", inside)
    rc, second, hit2 = scan(ctx, "--format", "json", "--cache-dir", inside)
    check(os.path.isdir(inside) and not hit and hit2 and first == cold and second == cold,
          "a cache directory inside the context is not listed, scanned or keyed",
          "hits %s %s, %s" % (hit, hit2, json.loads(second)["summary"]))
    shutil.rmtree(inside)
    rc, out, hit = scan(ctx, "--format", "json", "--cache-dir", ctx)
    rep = json.loads(out)
    check(any(d["code"] == "cache.unusable" for d in rep["diagnostics"]) and rep["findings"] == json.loads(cold)["findings"]
          and not glob.glob(os.path.join(ctx, "scan-*")) and not os.path.exists(os.path.join(ctx, "CACHEDIR.TAG")),
          "the context itself as the cache directory is refused, nothing written in it")

    # Scans of one context at once, from an empty cache: all write the
    # uncached report, and the entry they leave is whole.
    shutil.rmtree(os.path.join(XDG, "bulkhead"))
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: scan(ctx, "--format", "json"), range(4)))
    rc, out, hit = scan(ctx, "--format", "json")
    check(all(r[1] == cold for r in results) and hit and out == cold and len(entries()) == 1,
          "four scans at once: same reports, one whole entry", entries())

    shutil.rmtree(WORK)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
