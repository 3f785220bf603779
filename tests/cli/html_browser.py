#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# The HTML report in a real browser: headless Chromium (Debian's
# `chromium`) opens the demo context's report from a file:
#  - with --dump-dom, after its script ran: the filter form is shown (the
#    script ran under the page's Content-Security-Policy) and the diagram's
#    SVG holds the expected node labels; opened with #hide=level:warning,
#    level:note, exactly the warnings and notes are hidden;
#  - with --screenshot: a PNG of the page (kept in OUTDIR as report.png,
#    the picture the README shows), of the window's size and not blank;
#  - with --log-net-log: the page requested nothing (a control page that
#    loads an image shows that the log would tell).
# Skipped (exit 77) when chromium is not installed.
#
#   tests/cli/html_browser.py BULKHEAD SOURCE_ROOT OUTDIR
import json
import os
import re
import shutil
import struct
import subprocess
import sys

LABELS = ["/usr/local/bin/quotesvc", "builder (gcc)", "quotesvc", "/etc/quotesvc/.env", "port 7070"]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_browser(exe, args, out, timeout=120):
    # A profile of its own per run; no sandbox (CI runs as root).
    profile = os.path.join(out, "profile")
    shutil.rmtree(profile, ignore_errors=True)
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--user-data-dir=" + profile] + args
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if r.returncode != 0:
        sys.exit("html_browser: %s failed (%d): %s" % (" ".join(cmd), r.returncode, r.stderr[-2000:]))
    return r.stdout


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def page_requests(exe, url, out):
    """URLs the page at `url` requested, from Chromium's net log."""
    netlog = os.path.join(out, "netlog.json")
    run_browser(exe, ["--log-net-log=" + netlog, "--net-log-capture-mode=Everything",
                      "--virtual-time-budget=3000", "--dump-dom", url], out)
    with open(netlog, encoding="utf-8", errors="replace") as f:
        text = f.read()
    try:
        log = json.loads(text)
    except ValueError:
        # A log cut short at exit: its events array is still mostly there.
        log = json.loads(text.rstrip().rstrip(",") + "]}")
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    found = set()
    for e in log.get("events", []):
        p = e.get("params", {})
        if names.get(e.get("type")) == "URL_REQUEST_START_JOB" and "url" in p and \
                p.get("initiator") != "not an origin":
            found.add(p["url"])
    return sorted(found)


def main():
    bh, src, out = sys.argv[1:4]
    exe = chromium()
    if not exe:
        print("html_browser: chromium not installed, skipped")
        sys.exit(77)
    os.makedirs(out, exist_ok=True)
    report = os.path.join(out, "report.html")
    r = subprocess.run([bh, "scan", "--no-cache", "--quiet", "--fail-on", "never", "--format", "html",
                        "-o", report, os.path.join(src, "testdata/demo")], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("html_browser: scan failed: " + r.stderr)
    url = "file://" + os.path.abspath(report)
    problems = []

    dom = run_browser(exe, ["--dump-dom", url], out)
    if '<form id="filters">' not in dom and '<form id="filters" hidden' in dom:
        problems.append("the filter form is still hidden: the page's script did not run")
    if "<svg" not in dom:
        problems.append("no svg in the rendered DOM")
    for label in LABELS:
        if 'data-label="%s"' % label not in dom:
            problems.append("no diagram node %r in the rendered DOM" % label)

    # The filters, started from a link: warnings and notes hidden.
    dom = run_browser(exe, ["--dump-dom", url + "#hide=level:warning,level:note"], out)
    articles = re.findall(r'<article class="([^"]*)"[^>]*data-level="(\w+)"', dom)
    wrong = [(c, lv) for c, lv in articles if ("hidden" in c.split()) != (lv != "error")]
    if not articles or wrong:
        problems.append("#hide=level:warning,level:note: %d findings, %d shown or hidden wrongly"
                        % (len(articles), len(wrong)))

    shot = os.path.join(out, "report.png")
    if os.path.exists(shot):
        os.remove(shot)
    run_browser(exe, ["--screenshot=" + shot, "--window-size=1280,1600", "--hide-scrollbars", url], out)
    size = png_size(shot) if os.path.exists(shot) else None
    if size != (1280, 1600):
        problems.append("screenshot: %s, want a 1280x1600 PNG" % (size,))
    elif os.path.getsize(shot) < 20000:
        problems.append("screenshot: %d bytes, looks blank" % os.path.getsize(shot))

    # Requests a document made carry its origin as initiator ("null" for a
    # file); the browser's own (updates, accounts) have none. A control
    # page that loads an image proves the log shows a page's requests.
    control = os.path.join(out, "control.html")
    with open(control, "w") as f:
        f.write('<!DOCTYPE html><img src="http://127.0.0.1:9/bulkhead-control.png">')
    if not page_requests(exe, "file://" + control, out):
        problems.append("the net log shows no request of the control page: the check below would see nothing")
    urls = page_requests(exe, url, out)
    for u in urls:
        problems.append("the page made a request: " + u)

    for p in problems:
        print("html_browser: FAIL: " + p, file=sys.stderr)
    if problems:
        sys.exit(1)
    print("html_browser: rendered, %d labels found, screenshot %s, no request from the page"
          % (len(LABELS), shot))


main()
