#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Scans real build contexts with `bulkhead scan --format gitlab-sast` and
# `--format codequality` and checks what GitLab needs of both files:
#  - each validates (validate_json.py) against gitlab-sast.schema.json or
#    codequality.schema.json beside this script. Those list what GitLab's
#    own schema 15.0.6 and its Code Quality documentation require: the
#    official schema is in no package tests/tools can pin, so it is not
#    used directly;
#  - both hold exactly the unsuppressed findings of the JSON report, in
#    its order, with the same rule, path, line and fingerprint;
#  - ids (SAST) and fingerprints (Code Quality) are unique, as GitLab
#    tracks findings by them;
#  - no secret is printed whole: no long token of a secret finding's
#    source line appears in either file;
#  - the CI template integrations/gitlab/bulkhead.gitlab-ci.yml: its job
#    runs in stage .pre, publishes both files as reports, declares every
#    BULKHEAD_* variable its scripts read, and its before_script and script
#    run locally (as GitLab's shell does, `set -eo pipefail`) over a copy
#    of testdata/demo write two valid reports and fail on the findings.
#
#   tests/cli/gitlab_check.py BULKHEAD SOURCE_ROOT OUTDIR
import json
import shlex
import os
import re
import shutil
import subprocess
import sys

try:
    import yaml
except ImportError:
    sys.exit("gitlab_check: python3-yaml missing: apt-get install python3-yaml")

HERE = os.path.dirname(os.path.abspath(__file__))
CONTEXTS = [
    "testdata/demo",
    "testdata/c/format-string",
    "testdata/c/gets-negative",
    "testdata/docker/secret-in-arg-env",
    "testdata/secrets/pack-cloud",
    "testdata/secrets/hardcoded-password",
    "testdata/image/secret-in-layer",
]
# A token long enough to be a secret value and mixing letters and digits,
# so that variable names (AWS_SECRET_ACCESS_KEY) do not count.
TOKEN = re.compile(r"[A-Za-z0-9+/_\-]{16,}")

failures = []


def fail(msg):
    failures.append(msg)
    print(f"gitlab_check: error: {msg}")


def scan(bulkhead, context, fmt, out):
    rc = subprocess.run([bulkhead, "scan", "--format", fmt, "-o", out, context]).returncode
    # 0 clean, 1 findings; 2 is trouble, but the report is still written
    # (a context with a parse error is a valid case).
    if rc not in (0, 1, 2):
        fail(f"{context}: --format {fmt} exited {rc}")
    with open(out, encoding="utf-8") as f:
        return json.load(f)


def validate(path, schema):
    rc = subprocess.run([sys.executable, os.path.join(HERE, "validate_json.py"), path,
                         os.path.join(HERE, schema)]).returncode
    if rc != 0:
        fail(f"{path} does not validate against {schema}")


def secret_tokens(context, findings):
    tokens = set()
    for fd in findings:
        loc = fd["location"]
        if not fd["rule"].startswith("secret.") or not loc["line"]:
            continue
        path = loc["path"] if os.path.isabs(loc["path"]) else os.path.join(context, loc["path"])
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                line = f.read().splitlines()[loc["line"] - 1]
        except (OSError, IndexError):
            continue
        for t in TOKEN.findall(line):
            if re.search(r"[0-9]", t) and re.search(r"[A-Za-z]", t):
                tokens.add(t)
    return tokens


def check_context(bulkhead, root, rel, outdir):
    context = os.path.join(root, rel)
    stem = os.path.join(outdir, rel.replace("/", "_"))
    report = scan(bulkhead, context, "json", stem + ".json")
    sast_path, cq_path = stem + ".gl-sast.json", stem + ".codequality.json"
    sast = scan(bulkhead, context, "gitlab-sast", sast_path)
    cq = scan(bulkhead, context, "codequality", cq_path)
    validate(sast_path, "gitlab-sast.schema.json")
    validate(cq_path, "codequality.schema.json")

    shown = [fd for fd in report["findings"] if fd["suppressed"] is None]
    vulns = sast["vulnerabilities"]
    if len(vulns) != len(shown) or len(cq) != len(shown):
        fail(f"{rel}: {len(shown)} findings, {len(vulns)} vulnerabilities, {len(cq)} issues")
        return
    for fd, v, issue in zip(shown, vulns, cq):
        loc = fd["location"]
        if v["identifiers"][0]["value"] != fd["rule"] or issue["check_name"] != fd["rule"]:
            fail(f"{rel}: rule {fd['rule']} is not the primary identifier/check_name")
        if v["location"]["file"] != loc["path"] or issue["location"]["path"] != loc["path"]:
            fail(f"{rel}: {fd['rule']}: path {loc['path']} not kept")
        if v["location"].get("start_line") != loc["line"] and loc["line"] is not None:
            fail(f"{rel}: {fd['rule']}: start_line is not {loc['line']}")
        cwes = [int(i["value"]) for i in v["identifiers"] if i["type"] == "cwe"]
        if cwes != fd["cwe"]:
            fail(f"{rel}: {fd['rule']}: CWE identifiers {cwes}, expected {fd['cwe']}")
        if issue["fingerprint"] != fd["fingerprint"]:
            fail(f"{rel}: {fd['rule']}: fingerprint {issue['fingerprint']} is not the report's")
        if v["id"].replace("-", "") != fd["fingerprint"]:
            fail(f"{rel}: {fd['rule']}: id {v['id']} is not the fingerprint")
    if len({v["id"] for v in vulns}) != len(vulns):
        fail(f"{rel}: vulnerability ids are not unique")
    if len({i["fingerprint"] for i in cq}) != len(cq):
        fail(f"{rel}: Code Quality fingerprints are not unique")

    for path in (sast_path, cq_path):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for t in secret_tokens(context, shown):
            if t in text:
                fail(f"{path}: prints the secret {t[:4]}… whole")
    print(f"gitlab_check: {rel}: {len(vulns)} vulnerabilities, {len(sast['scan']['messages'])} messages")


def run_template_job(job, variables, cwd, path):
    lines = ["set -eo pipefail"]
    lines += [f"export {k}={shlex.quote(v)}" for k, v in variables.items()]
    lines += job.get("before_script", []) + job["script"]
    env = dict(os.environ, PATH=path)
    p = subprocess.run(["bash", "-c", "\n".join(lines)], cwd=cwd, env=env,
                       capture_output=True, text=True)
    sys.stderr.write(p.stderr)
    return p.returncode, p.stderr


def check_template(bulkhead, root, outdir):
    path = os.path.join(root, "integrations", "gitlab", "bulkhead.gitlab-ci.yml")
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    job = doc["bulkhead"]
    if job.get("stage") != ".pre":
        fail("template: the job does not run in stage .pre, before the build")
    reports = job["artifacts"]["reports"]
    if reports != {"sast": "gl-sast-report.json", "codequality": "gl-code-quality-report.json"}:
        fail(f"template: reports {reports}")
    if job["artifacts"].get("when") != "always":
        fail("template: a failing job must keep its reports (when: always)")
    script = "\n".join(job.get("before_script", []) + job["script"])
    declared = set(doc["variables"])
    used = set(re.findall(r"\$\{?(BULKHEAD_[A-Z_]+)", script + job["image"]))
    for v in sorted(used - declared):
        fail(f"template: ${v} is read but not declared in variables:")
    for v in sorted(declared - used):
        fail(f"template: variable {v} is declared but never read")

    ctx = os.path.join(outdir, "template-ctx")
    shutil.rmtree(ctx, ignore_errors=True)
    shutil.copytree(os.path.join(root, "testdata", "demo"), ctx)
    bindir = os.path.dirname(os.path.abspath(bulkhead))
    path_env = bindir + os.pathsep + os.environ.get("PATH", "")
    variables = {k: str(v) for k, v in doc["variables"].items()}
    rc, _ = run_template_job(job, variables, ctx, path_env)
    if rc != 1:
        fail(f"template: the job exited {rc} over the demo, expected 1 (findings)")
    validate(os.path.join(ctx, "gl-sast-report.json"), "gitlab-sast.schema.json")
    validate(os.path.join(ctx, "gl-code-quality-report.json"), "codequality.schema.json")
    rc, _ = run_template_job(job, dict(variables, BULKHEAD_FAIL_ON="never",
                                       BULKHEAD_ARGS="--exclude tests"), ctx, path_env)
    if rc != 0:
        fail(f"template: BULKHEAD_FAIL_ON=never: the job exited {rc}")
    if shutil.which("bulkhead", path=os.environ.get("PATH", "")) is None:
        rc, err = run_template_job(job, variables, ctx, os.environ.get("PATH", ""))
        if rc != 2 or "BULKHEAD_SRC" not in err:
            fail(f"template: without bulkhead and BULKHEAD_SRC the job exited {rc}: {err}")
    print("gitlab_check: template job checked")


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: gitlab_check.py BULKHEAD SOURCE_ROOT OUTDIR")
    bulkhead, root, outdir = sys.argv[1:]
    os.makedirs(outdir, exist_ok=True)
    for rel in CONTEXTS:
        check_context(bulkhead, root, rel, outdir)
    check_template(bulkhead, root, outdir)
    print(f"gitlab_check: {len(CONTEXTS)} contexts, {len(failures)} error(s)")
    return 1 if failures else 0


sys.exit(main())
