#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# The progress line of `bulkhead scan`: on a terminal's stderr it counts
# the translation units and names the stages, then clears itself before the
# report; with --quiet, NO_PROGRESS or stderr not a terminal there is none.
# The report on stdout is the same either way.
#
#   tests/cli/progress_check.py BULKHEAD SOURCE_ROOT
import os
import pty
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from tap import check, finish  # noqa: E402


def run(bh, args, tty, env=None):
    """stdout, and what reached stderr (through a pseudo-terminal if tty)."""
    if not tty:
        p = subprocess.run([bh, *args], capture_output=True, env=env)
        return p.stdout, p.stderr
    master, slave = pty.openpty()
    p = subprocess.Popen([bh, *args], stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    err = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        err += chunk
    out = p.stdout.read()
    p.wait()
    os.close(master)
    return out, err


def main():
    bh, root = sys.argv[1], sys.argv[2]
    ctx = os.path.join(root, "testdata/demo")
    # --no-cache: every run analyses (a result taken from the cache has no
    # stages to show).
    args = ["scan", "--no-cache", "--format", "json", "--fail-on", "never", "-j", "2", ctx]
    out_plain, err_plain = run(bh, args, False)
    out_tty, err_tty = run(bh, args, True)
    check(out_tty == out_plain, "the report is the same with a progress line")
    check(b"[5/5] parsing " in err_tty, "the units are counted up to the last", err_tty[-400:])
    # (With 2 jobs taint and memory run beside initialisation, calls,
    # bounds and the tree-sitter stage: one line names them all.)
    for stage in (b"analysing: taint", b"bounds", b"tree-sitter", b"secrets: "):
        check(stage in err_tty, "the stage is named: %s" % stage.decode(), err_tty[-400:])
    check(err_tty.endswith(b"\r\x1b[K"), "the line is cleared at the end", err_tty[-80:])
    check(b"parsing" not in err_plain, "no progress line when stderr is no terminal", err_plain[-200:])
    _, err_quiet = run(bh, args + ["--quiet"], True)
    check(b"parsing" not in err_quiet, "no progress line with --quiet", err_quiet[-200:])
    env = dict(os.environ, NO_PROGRESS="1")
    _, err_env = run(bh, args, True, env)
    check(b"parsing" not in err_env, "no progress line with NO_PROGRESS", err_env[-200:])
    return finish()


if __name__ == "__main__":
    sys.exit(main())
