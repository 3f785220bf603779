#!/usr/bin/env python3
"""Scan the Juliet-style cases produced by gen.py and tabulate recall / false alarms.

Usage: python3 run.py [BIN] [--cases DIR] [--jobs N] [--regen] [--verbose] [--combined | --combined-only]
  --combined: also scan the Juliet-layout tree (gen.py --combined) and attribute findings by function;
  --combined-only: only that (6 scans, fast).
  BIN defaults to build/bulkhead of this checkout. Cases, results.json and report.txt go to
  $BH_FLOW_VARIANTS_WORK (default /tmp/bh-flow-variants); the summary is printed on stdout.
A bad case is a hit when a finding of one of the CWE's recall rules lies in the file holding the
/* EXPECTED-SINK */ mark, within 1 line of it.  A good case is a false alarm when it has any finding
of the CWE family's rules (fam_rules in meta.json); other findings are counted as 'unrelated'.
"""
import collections, concurrent.futures as cf, json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.environ.get("BH_FLOW_VARIANTS_WORK", "/tmp/bh-flow-variants")
# Every scan here is measured as it analyses: no result cache answers.
os.environ["BULKHEAD_NO_CACHE"] = "1"
os.makedirs(WORK, exist_ok=True)


def scan(binp, d):
    p = subprocess.run([binp, "scan", "--format", "json", "--fail-on", "never", "--jobs", "1", d],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=120)
    try:
        js = json.loads(p.stdout)
    except Exception:
        js = {"findings": [], "diagnostics": [{"level": "error", "code": "runner.badjson", "message": p.stderr[-500:]}]}
    return p.returncode, js


def classify(meta, rc, js):
    fnd = js.get("findings", [])
    rec = set(meta["recall_rules"])
    fam = set(meta["fam_rules"])
    res = {"rc": rc, "rules": sorted({f["rule"] for f in fnd}),
           "diag": [d.get("code") + ":" + d.get("message", "")[:120] for d in js.get("diagnostics", [])
                    if d.get("level") in ("error", "warning")]}
    if meta["context"] == "bad":
        hit, near = False, []
        for f in fnd:
            if f["rule"] not in rec:
                continue
            loc = f["location"]
            for mf, ml in meta["marks"]:
                if os.path.basename(loc["path"]) == mf and abs(loc["line"] - ml) <= 1:
                    hit = True
            near.append("%s@%s:%d" % (f["rule"], os.path.basename(loc["path"]), loc["line"]))
        res["hit"] = hit
        res["wrongline"] = [] if hit else near
        res["other"] = sorted({f["rule"] for f in fnd if f["rule"] not in rec})
    else:
        fa = [f for f in fnd if f["rule"] in fam]
        res["fa"] = bool(fa)
        res["fa_detail"] = ["%s@%s:%d %s" % (f["rule"], os.path.basename(f["location"]["path"]), f["location"]["line"],
                                             " -> ".join(s.get("message", "") for s in f.get("flow", [])))
                            for f in fa]
        res["unrelated"] = sorted(f["rule"] for f in fnd if f["rule"] not in fam)
    return res


CTXRE = re.compile(r"(goodG2B1j|goodG2B\d?|goodB2G\d?|bad)")


def run_combined(binp, root, jobs, out):
    """Juliet layout: one scan per CWE directory; findings attributed to bad/good by their function."""
    P = out.append
    dirs = sorted(os.path.join(root, d) for d in os.listdir(root) if os.path.isfile(os.path.join(root, d, "meta_combined.json")))
    with cf.ThreadPoolExecutor(max_workers=jobs) as ex:
        scans = dict(zip(dirs, ex.map(lambda d: scan(binp, d), dirs)))
    P("\n== Juliet layout (all testcases of a CWE in one scan; bad and goods in the same files): %s" % root)
    P("%-8s %14s %18s  %s" % ("CWE", "recall", "goods w/ FA", "other findings in good functions"))
    allres = {}
    for d in dirs:
        meta = json.load(open(os.path.join(d, "meta_combined.json")))
        rc, js = scans[d]
        rec, fam = set(meta["recall_rules"]), set(meta["fam_rules"])
        f2tc = {f: tc for tc, m in meta["testcases"].items() for f in m["files"]}
        hits, fas, unrel = set(), collections.defaultdict(list), collections.Counter()
        for f in js.get("findings", []):
            fn = os.path.basename(f["location"]["path"])
            tc = f2tc.get(fn)
            m = CTXRE.search(f.get("function") or "")
            ctx = m.group(1) if m else "?"
            if tc is None:
                continue
            if ctx == "bad" and f["rule"] in rec and any(mf == fn and abs(ml - f["location"]["line"]) <= 1 for mf, ml in meta["testcases"][tc]["marks"]):
                hits.add(tc)
            elif ctx != "bad" and f["rule"] in fam:
                fas[(tc, ctx)].append("%s@%s:%d" % (f["rule"], fn, f["location"]["line"]))
            elif ctx != "bad":
                unrel[f["rule"]] += 1
        main_tcs = {tc: m for tc, m in meta["testcases"].items() if not m["informational"]}
        ngood = sum(len(m["goods"]) for m in main_tcs.values())
        P("%-8s %6d/%-4d %3.0f%% %8d/%-4d      %s   (scan rc=%d, %s)" % (
            meta["cwe"], len(hits & set(main_tcs)), len(main_tcs), 100.0 * len(hits & set(main_tcs)) / max(1, len(main_tcs)),
            sum(1 for (tc, c) in fas if tc in main_tcs), ngood,
            ", ".join("%s:%d" % kv for kv in unrel.most_common(4)), rc,
            "; ".join(x.get("code", "") for x in js.get("diagnostics", []) if x.get("level") in ("error", "warning"))[:80]))
        for tc, m in sorted(meta["testcases"].items()):
            if tc not in hits:
                P("  MISS %s%s" % (tc, " (info)" if m["informational"] else ""))
        for (tc, c), det in sorted(fas.items()):
            P("  FA   %s %s  %s" % (tc, c, det[0]))
        allres[meta["cwe"]] = dict(hits=sorted(hits), fas={"%s %s" % k: v for k, v in fas.items()})
    json.dump(allres, open(os.path.join(WORK, "results_combined.json"), "w"), indent=1)


def main():
    argv = sys.argv[1:]
    binp = os.path.join(HERE, "..", "..", "..", "build", "bulkhead")
    cases = os.path.join(WORK, "cases")
    jobs = 2
    verbose = "--verbose" in argv
    i = 0
    pos = []
    while i < len(argv):
        a = argv[i]
        if a == "--cases":
            cases = argv[i + 1]; i += 2; continue
        if a == "--jobs":
            jobs = min(2, int(argv[i + 1])); i += 2; continue
        if a.startswith("--"):
            i += 1; continue
        pos.append(a); i += 1
    if pos:
        binp = os.path.abspath(pos[0])
    if "--combined" in argv or "--combined-only" in argv:
        croot = os.path.join(WORK, "combined")
        if "--regen" in argv or not os.path.isdir(croot):
            subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), "--combined", croot], check=True)
        if "--combined-only" in argv:
            out = ["binary: %s" % binp]
            run_combined(binp, croot, jobs, out)
            print("\n".join(out))
            open(os.path.join(WORK, "report_combined.txt"), "w").write("\n".join(out) + "\n")
            return
    if "--regen" in argv or not os.path.isdir(cases):
        subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), cases], check=True)
    dirs = sorted(r for r, ds, fs in os.walk(cases) if "meta.json" in fs)
    metas = {d: json.load(open(os.path.join(d, "meta.json"))) for d in dirs}
    results = {}
    with cf.ThreadPoolExecutor(max_workers=jobs) as ex:
        futs = {ex.submit(scan, binp, d): d for d in dirs}
        for fu in cf.as_completed(futs):
            d = futs[fu]
            rc, js = fu.result()
            r = classify(metas[d], rc, js)
            r.update(metas[d])
            r["case"] = os.path.relpath(d, cases)
            results[d] = r
    json.dump(results, open(os.path.join(WORK, "results.json"), "w"), indent=1)

    out = []
    P = out.append
    P("binary: %s   cases: %s (%d)" % (binp, cases, len(dirs)))
    cwes = sorted({r["cwe"] for r in results.values()})
    P("\n== Per CWE (main matrix; 'rand'/'large' sources listed separately as informational)")
    P("%-8s %14s %18s %12s" % ("CWE", "recall", "good w/ FA", "unrelated"))
    for c in cwes:
        rs = [r for r in results.values() if r["cwe"] == c and not r["informational"]]
        bad = [r for r in rs if r["context"] == "bad"]
        good = [r for r in rs if r["context"] != "bad"]
        unrel = collections.Counter(u for r in good for u in r["unrelated"])
        P("%-8s %6d/%-4d %3.0f%% %8d/%-4d %3.0f%%  %s" % (
            c, sum(r["hit"] for r in bad), len(bad), 100.0 * sum(r["hit"] for r in bad) / max(1, len(bad)),
            sum(r["fa"] for r in good), len(good), 100.0 * sum(r["fa"] for r in good) / max(1, len(good)),
            ", ".join("%s:%d" % kv for kv in unrel.most_common(4))))
    P("\n== FA by good-context kind (all CWEs)")
    byctx = collections.defaultdict(lambda: [0, 0])
    for r in results.values():
        if r["context"] != "bad" and not r["informational"]:
            byctx[r["context"]][0] += r["fa"]; byctx[r["context"]][1] += 1
    P("  " + "  ".join("%s %d/%d" % (k, v[0], v[1]) for k, v in sorted(byctx.items())))

    P("\n== Variant grid, primary source (B=bad hit, b=bad miss; then #FA goods/#goods)")
    prim = {}
    for r in results.values():
        key = (r["cwe"], r["source"], r["sink"])
        prim.setdefault(r["cwe"], collections.Counter())[(r["source"], r["sink"])] += 1
    primary = {c: max(v.items(), key=lambda kv: kv[1])[0] for c, v in prim.items()}
    variants = sorted({r["variant"] for r in results.values()})
    P("var " + " ".join("%-9s" % c for c in cwes))
    for v in variants:
        cells = []
        for c in cwes:
            s, k = primary[c]
            rs = [r for r in results.values() if r["cwe"] == c and r["source"] == s and r["sink"] == k and r["variant"] == v]
            b = [r for r in rs if r["context"] == "bad"]
            g = [r for r in rs if r["context"] != "bad"]
            cells.append("%-9s" % ("%s %d/%d" % ("".join("B" if r["hit"] else "b" for r in b), sum(r["fa"] for r in g), len(g))))
        P("%-3s " % v + " ".join(cells))

    P("\n== Variant 01 by source/sink")
    for c in cwes:
        rs = sorted((r for r in results.values() if r["cwe"] == c and r["variant"] == "01"), key=lambda r: r["case"])
        bysrc = collections.OrderedDict()
        for r in rs:
            lab = r["case"].split("/")[1]
            bysrc.setdefault(lab, []).append(r)
        P("  %s: " % c + "  ".join("%s%s %s" % (lab, "(info)" if v[0]["informational"] else "",
                                              "".join(("B" if r["hit"] else "b") if r["context"] == "bad" else ("F" if r["fa"] else ".")
                                                      for r in v)) for lab, v in bysrc.items()))

    P("\n== Misses (bad cases without the expected finding)")
    for r in sorted(results.values(), key=lambda r: r["case"]):
        if r["context"] == "bad" and not r["hit"]:
            P("  MISS %s  %s%s" % (r["case"], ("other-line: " + ",".join(r["wrongline"])) if r["wrongline"] else "",
                                  (" other-rules: " + ",".join(r["other"])) if r["other"] and verbose else ""))
    P("\n== False alarms (good cases with a finding of the CWE family)")
    for r in sorted(results.values(), key=lambda r: r["case"]):
        if r["context"] != "bad" and r["fa"]:
            P("  FA   %s  %s" % (r["case"], r["fa_detail"][0][:160]))
    diags = [r for r in results.values() if r["rc"] == 2 or any(x.startswith(("parse", "c.")) for x in r["diag"])]
    if diags:
        P("\n== Scans with rc=2 or error diagnostics: %d" % len(diags))
        for r in diags[:10]:
            P("  %s rc=%s %s" % (r["case"], r["rc"], "; ".join(r["diag"])[:200]))
    if "--combined" in argv:
        run_combined(binp, os.path.join(WORK, "combined"), jobs, out)
    txt = "\n".join(out)
    print(txt)
    open(os.path.join(WORK, "report.txt"), "w").write(txt + "\n")


if __name__ == "__main__":
    main()
