#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# The HTML report (`bulkhead scan --format html`) from outside:
#  - golden structure for two contexts (testdata/demo and
#    testdata/image/multi-stage): the page with its CSS and script bodies
#    and the context's absolute path replaced by placeholders, compared with
#    tests/cli/html/<name>.html (BH_GOLDEN_UPDATE=1 rewrites them);
#  - every page parses: the HTML's tags balance (void elements aside) and
#    each inline <svg> is well-formed XML;
#  - self-contained: no src attribute, no url(), no link to another host,
#    a Content-Security-Policy that allows no request;
#  - the demo's picture names what ships: the binary in the final image,
#    the entrypoint, the secret file on its way through the builder;
#  - a large context collapses: of 40 sources compiled into one program,
#    the ones with findings are drawn and the rest counted;
#  - `bulkhead merge --format html` of a JSON report: a valid page with the
#    same findings, saying why it has no picture;
#  - hostile names stay inert: a context whose file names, C code and
#    Dockerfile comments hold <script> and onerror= gives a page with one
#    script element (its own) and the planted text escaped;
#  - secrets: no secret finding's source line appears in the page.
#
#   tests/cli/html_check.py BULKHEAD SOURCE_ROOT OUTDIR
import html.parser
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "html")
CONTEXTS = {"demo": "testdata/demo", "multi-stage": "testdata/image/multi-stage"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
failures = []


def fail(msg):
    failures.append(msg)
    print("html_check: FAIL: " + msg, file=sys.stderr)


def scan(bh, ctx, out):
    r = subprocess.run([bh, "scan", "--no-cache", "--quiet", "--fail-on", "never", "--format", "html",
                        "-o", out, ctx], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        fail("%s: exit %d: %s" % (ctx, r.returncode, r.stderr))
    with open(out, encoding="utf-8") as f:
        return f.read()


class Balance(html.parser.HTMLParser):
    """Tags of the page, checked to close in order (SVG included)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.scripts, self.labels = [], [], 0, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if "data-label" in a:
            self.labels.append(a["data-label"])
        for k, v in attrs:
            if k in ("src", "srcset", "xlink:href") or (k == "href" and v and not v.startswith("#")):
                self.errors.append("<%s %s=%r> would load or leave the page" % (tag, k, v))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("</%s> closes <%s>" % (tag, self.stack[-1] if self.stack else "nothing"))
            return
        self.stack.pop()


def check_page(name, page):
    p = Balance()
    p.feed(page)
    p.close()
    for e in p.errors[:5]:
        fail("%s: %s" % (name, e))
    if p.stack:
        fail("%s: unclosed %s" % (name, p.stack[-5:]))
    if p.scripts != 1:
        fail("%s: %d script elements, want the page's own one" % (name, p.scripts))
    if "url(" in page or "@import" in page:
        fail("%s: CSS that could load something" % name)
    if "Content-Security-Policy\" content=\"default-src 'none';" not in page:
        fail("%s: no Content-Security-Policy forbidding requests" % name)
    svgs = re.findall(r"<svg\b.*?</svg>", page, re.S)
    for s in svgs:
        try:
            ET.fromstring(s)
        except ET.ParseError as e:
            fail("%s: an svg is not well-formed XML: %s" % (name, e))
    return p, svgs


def normalise(page, root):
    page = re.sub(r"<style>.*?</style>", "<style>(css)</style>", page, flags=re.S)
    page = re.sub(r"<script>.*?</script>", "<script>(script)</script>", page, flags=re.S)
    page = page.replace(root, "(context)")
    return re.sub(r"bulkhead \d[^ <]*", "bulkhead (version)", page)


def golden(name, page, root):
    got = normalise(page, root)
    path = os.path.join(GOLDEN, name + ".html")
    if os.environ.get("BH_GOLDEN_UPDATE"):
        os.makedirs(GOLDEN, exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(got)
        return
    try:
        with open(path, encoding="utf-8") as f:
            want = f.read()
    except FileNotFoundError:
        fail("%s: no golden %s (BH_GOLDEN_UPDATE=1 writes it)" % (name, path))
        return
    if got != want:
        a, b = want.splitlines(), got.splitlines()
        line = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
        fail("%s: differs from %s at line %d:\n  want: %s\n  got:  %s" % (
            name, path, line + 1, a[line][:200] if line < len(a) else "(end)",
            b[line][:200] if line < len(b) else "(end)"))


def hostile_context(out):
    ctx = os.path.join(out, "hostile")
    shutil.rmtree(ctx, ignore_errors=True)
    os.makedirs(os.path.join(ctx, "src"))
    evil = "<script>alert(1)</script>"
    with open(os.path.join(ctx, "src", evil.replace("/", "_") + ".c"), "w") as f:
        f.write("#include <stdio.h>\n// %s <img src=x onerror=alert(2)>\n"
                "int main(void) { char b[8]; gets(b); printf(b); return 0; }\n" % evil)
    with open(os.path.join(ctx, "Dockerfile"), "w") as f:
        f.write("# %s\nFROM gcc AS <marquee>\nCOPY . /src\n"
                "RUN gcc -o /app/%s /src/src/*.c\nFROM debian:12\n"
                "COPY --from=0 /app /app\nENTRYPOINT [\"/app/x\"]\n" % (evil, "onerror=alert(3)"))
    return ctx


def large_context(out):
    ctx = os.path.join(out, "large")
    shutil.rmtree(ctx, ignore_errors=True)
    os.makedirs(os.path.join(ctx, "src"))
    names = []
    for i in range(40):
        name = "src/m%02d.c" % i
        names.append(name)
        with open(os.path.join(ctx, name), "w") as f:
            body = "char b[8]; gets(b); return b[0];" if i in (7, 23, 38) else "return %d;" % i
            f.write("#include <stdio.h>\nint f%02d(void) { %s }\n" % (i, body))
    with open(os.path.join(ctx, "Dockerfile"), "w") as f:
        f.write("FROM gcc AS build\nCOPY src /src\nRUN gcc -o /app %s\nFROM debian:12\n"
                "COPY --from=build /app /app\nENTRYPOINT [\"/app\"]\n" % " ".join("/" + n for n in names))
    return ctx


def main():
    bh, src, out = sys.argv[1:4]
    os.makedirs(out, exist_ok=True)
    for name, rel in CONTEXTS.items():
        ctx = os.path.join(src, rel)
        page = scan(bh, ctx, os.path.join(out, name + ".html"))
        p, svgs = check_page(name, page)
        if not svgs:
            fail("%s: no picture of the image" % name)
        golden(name, page, os.path.realpath(ctx))
        if name == "demo":
            for label in ("/usr/local/bin/quotesvc", "builder (gcc)", ".env", "runs /usr/local/bin/quotesvc "
                          "/etc/quotesvc/app.conf", "port 7070"):
                if label not in p.labels:
                    fail("demo: no diagram node %r (nodes: %s)" % (label, p.labels))
            with open(os.path.join(ctx, ".env"), encoding="utf-8") as f:
                for line in f:
                    value = line.strip().partition("=")[2]
                    if len(value) >= 8 and value in page:
                        fail("demo: a secret of .env is printed whole: %s..." % value[:4])
    demo = os.path.join(src, CONTEXTS["demo"])
    report = os.path.join(out, "demo.json")
    subprocess.run([bh, "scan", "--no-cache", "--quiet", "--fail-on", "never", "--format", "json", "-o", report,
                    demo], check=True)
    merged = os.path.join(out, "merged.html")
    r = subprocess.run([bh, "merge", "--fail-on", "never", "--format", "html", "-o", merged, report],
                       capture_output=True, text=True)
    if r.returncode != 0:
        fail("merge --format html: exit %d: %s" % (r.returncode, r.stderr))
    else:
        with open(merged, encoding="utf-8") as f:
            page = f.read()
        check_page("merged", page)
        with open(os.path.join(out, "demo.html"), encoding="utf-8") as f:
            scanned = f.read()
        if page.count("<article ") != scanned.count("<article ") or "do not carry the image model" not in page:
            fail("merged: %d findings (the scan's page: %d), or no word on the missing picture"
                 % (page.count("<article "), scanned.count("<article ")))
    ctx = large_context(out)
    p, _ = check_page("large", scan(bh, ctx, os.path.join(out, "large.html")))
    sources = [l for l in p.labels if l.startswith("src/")]
    if len(sources) != 24 or not {"src/m07.c", "src/m23.c", "src/m38.c"} <= set(sources):
        fail("large: drew sources %s, want 24 with m07, m23 and m38" % sources)
    if "+16 more files" not in p.labels:
        fail("large: no '+16 more files' node (nodes: %s)" % p.labels)
    ctx = hostile_context(out)
    page = scan(bh, ctx, os.path.join(out, "hostile.html"))
    check_page("hostile", page)
    for planted in ("<script>alert(1)", "<img src=x", "<marquee"):
        if planted in page:
            fail("hostile: %r is in the page unescaped" % planted)
    if "&lt;script&gt;alert(1)&lt;/script&gt;" not in page:
        fail("hostile: the planted name is not shown escaped")
    if failures:
        sys.exit(1)
    print("html_check: %d pages checked" % (len(CONTEXTS) + 3))


main()
