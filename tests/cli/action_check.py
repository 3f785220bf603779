#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Checks the GitHub Action integrations/github-action/action.yml without
# GitHub:
#  1. statically: every `inputs.X` the steps and outputs use is declared and
#     every declared input is used; every `steps.ID.outputs.NAME` names an
#     earlier step whose script writes NAME; every variable a script reads
#     (INPUT_*, BULKHEAD, EXIT_CODE) is set in its step's `env:`; run steps
#     name a shell;
#  2. by running the composite action's steps the way the runner does
#     (expressions substituted, `if:` evaluated, `bash -eo pipefail`,
#     GITHUB_OUTPUT per step), with the bulkhead under test on PATH, over
#     testdata/demo: the default inputs fail the job after the upload step
#     with a SARIF file that passes validate_sarif.sh; fail-on never, a
#     baseline, only-shipped and args each do what the README says; bad
#     inputs fail the scan step. `uses:` steps (the upload) are not run;
#     their resolved `with:` is checked.
#
#   tests/cli/action_check.py BULKHEAD SOURCE_ROOT
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    sys.exit("action_check: python3-yaml missing: apt-get install python3-yaml")

HERE = os.path.dirname(os.path.abspath(__file__))
EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
REF = re.compile(r"\b(inputs\.[A-Za-z0-9_-]+|steps\.[A-Za-z0-9_-]+\.outputs\.[A-Za-z0-9_-]+)")
failures = []


def fail(msg):
    failures.append(msg)
    print(f"action_check: error: {msg}")


def expressions(step):
    """Every expression text of a step: ${{ }} in strings, and its bare `if`."""
    out = []

    def walk(v):
        if isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, str):
            out.extend(EXPR.findall(v))

    for key, v in step.items():
        if key == "if" and isinstance(v, str) and "${{" not in v:
            out.append(v)
        else:
            walk(v)
    return out


def script_of(step, action_dir):
    m = re.search(r'\$GITHUB_ACTION_PATH/([A-Za-z0-9_.-]+)', step.get("run", ""))
    return os.path.join(action_dir, m.group(1)) if m else None


def check_static(action, action_dir):
    declared = set(action.get("inputs", {}))
    used = set()
    steps = action["runs"]["steps"]
    if action["runs"].get("using") != "composite":
        fail("runs.using is not composite")
    seen = {}
    for i, step in enumerate(steps):
        sid = step.get("id", f"#{i}")
        for e in expressions(step):
            for ref in REF.findall(e):
                parts = ref.split(".")
                if parts[0] == "inputs":
                    used.add(parts[1])
                elif parts[1] not in seen:
                    fail(f"step {sid}: {ref} names no earlier step")
                elif f"{parts[3]}=" not in seen[parts[1]]:
                    fail(f"step {sid}: {ref}: step {parts[1]} never writes {parts[3]}")
        text = ""
        if "run" in step:
            if "shell" not in step:
                fail(f"step {sid}: a composite run step needs shell:")
            script = script_of(step, action_dir)
            if not script or not os.path.isfile(script):
                fail(f"step {sid}: runs no script beside action.yml")
            else:
                with open(script, encoding="utf-8") as f:
                    text = f.read()
                env = set(step.get("env", {}))
                for var in set(re.findall(r"\$\{?((?:INPUT_[A-Z_]+)|BULKHEAD|EXIT_CODE)\b", text)):
                    if var not in env:
                        fail(f"step {sid}: {os.path.basename(script)} reads ${var}, not in env:")
                for var in env:
                    if var not in text:
                        fail(f"step {sid}: env {var} is not read by {os.path.basename(script)}")
        seen[sid] = text
    for out in action.get("outputs", {}).values():
        for e in EXPR.findall(out["value"]):
            for ref in REF.findall(e):
                if ref.startswith("inputs."):
                    used.add(ref.split(".")[1])
    for name in sorted(declared - used):
        fail(f"input {name} is declared but never used")
    for name in sorted(used - declared):
        fail(f"input {name} is used but not declared")
    for name, spec in action.get("inputs", {}).items():
        if not spec.get("description"):
            fail(f"input {name} has no description")


class Run:
    """One local run of the composite action."""

    def __init__(self, action, action_dir, inputs, cwd, path_dir):
        self.inputs = {k: str(v.get("default", "")) for k, v in action.get("inputs", {}).items()}
        self.inputs.update(inputs)
        self.outputs = {}      # step id -> {name: value}
        self.ran = []          # step ids that ran
        self.uploads = []      # resolved `with:` of uses steps
        self.failed = None     # (step id, exit code) of the failing step
        self.stdout = ""
        for i, step in enumerate(action["runs"]["steps"]):
            sid = step.get("id", f"#{i}")
            if "if" in step and not self.truth(step["if"]):
                continue
            self.ran.append(sid)
            if "uses" in step:
                self.uploads.append({k: self.subst(str(v)) for k, v in step.get("with", {}).items()})
                continue
            rc = self.run_step(sid, step, action_dir, cwd, path_dir)
            if rc != 0:
                self.failed = (sid, rc)
                break
        self.action_outputs = {k: self.subst(v["value"]) for k, v in action.get("outputs", {}).items()}

    def value(self, e):
        e = e.strip()
        if e.startswith("'") and e.endswith("'"):
            return e[1:-1]
        parts = e.split(".")
        if parts[0] == "inputs":
            return self.inputs.get(parts[1], "")
        if parts[0] == "steps" and len(parts) == 4:
            return self.outputs.get(parts[1], {}).get(parts[3], "")
        raise ValueError(f"expression not understood by this test: {e}")

    def truth(self, cond):
        cond = EXPR.sub(lambda m: m.group(1), cond).strip()
        m = re.fullmatch(r"(.+?)\s*(==|!=)\s*(.+)", cond)
        if not m:
            raise ValueError(f"condition not understood by this test: {cond}")
        a, b = self.value(m.group(1)), self.value(m.group(3))
        return (a == b) == (m.group(2) == "==")

    def subst(self, s):
        return EXPR.sub(lambda m: self.value(m.group(1)), s)

    def run_step(self, sid, step, action_dir, cwd, path_dir):
        with tempfile.TemporaryDirectory() as tmp:
            out_file = os.path.join(tmp, "output")
            open(out_file, "w").close()
            script = os.path.join(tmp, "step.sh")
            with open(script, "w") as f:
                f.write(step["run"])
            env = dict(os.environ)
            env.update({k: self.subst(str(v)) for k, v in step.get("env", {}).items()})
            env["GITHUB_ACTION_PATH"] = action_dir
            env["GITHUB_OUTPUT"] = out_file
            env["PATH"] = path_dir + os.pathsep + env.get("PATH", "")
            p = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script],
                               cwd=cwd, env=env, capture_output=True, text=True)
            sys.stderr.write(p.stderr)
            self.stdout += p.stdout
            outs = {}
            with open(out_file) as f:
                for line in f:
                    if "=" in line:
                        k, v = line.rstrip("\n").split("=", 1)
                        outs[k] = v
            self.outputs[sid] = outs
            return p.returncode


def sarif_results(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["runs"][0]["results"]


def expect(cond, msg):
    if not cond:
        fail(msg)


def check_runs(action, action_dir, bulkhead, root):
    demo = os.path.join(root, "testdata", "demo")
    path_dir = os.path.dirname(os.path.abspath(bulkhead))
    tmp = tempfile.mkdtemp(prefix="action_check.")

    def run(name, **inputs):
        print(f"action_check: run '{name}': {inputs}")
        return Run(action, action_dir, inputs, demo, path_dir)

    # Defaults: findings fail the job, but only in the verdict step, after
    # the upload of a valid SARIF file.
    sarif = os.path.join(tmp, "default.sarif")
    r = run("defaults", **{"sarif-file": sarif})
    expect(r.outputs.get("install", {}).get("path") == os.path.join(path_dir, "bulkhead"),
           f"install did not find the bulkhead on PATH: {r.outputs.get('install')}")
    expect(r.outputs.get("scan", {}).get("exit-code") == "1", f"scan outputs {r.outputs.get('scan')}")
    expect(r.failed == ("verdict", 1), f"defaults: the job should fail in verdict with 1, got {r.failed}")
    expect(r.uploads == [{"sarif_file": sarif, "category": "bulkhead"}], f"upload with {r.uploads}")
    expect(r.ran == ["install", "scan", "upload", "verdict"], f"steps run: {r.ran}")
    expect(r.action_outputs == {"sarif-file": sarif, "exit-code": "1"}, f"outputs {r.action_outputs}")
    expect("::error::" in r.stdout, "the verdict names the failure as a workflow error")
    if subprocess.run(["bash", os.path.join(HERE, "validate_sarif.sh"), sarif]).returncode != 0:
        fail(f"{sarif} does not pass validate_sarif.sh")
    total = len(sarif_results(sarif))
    expect(total > 0, "the demo has findings")

    # fail-on never, no upload: the job passes.
    sarif = os.path.join(tmp, "never.sarif")
    r = run("fail-on never", **{"sarif-file": sarif, "fail-on": "never", "upload": "false"})
    expect(r.failed is None and r.ran == ["install", "scan"], f"never: failed {r.failed}, ran {r.ran}")
    expect(r.outputs["scan"].get("exit-code") == "0", f"never: {r.outputs['scan']}")

    # A baseline of today's findings: nothing new, the job passes, and the
    # SARIF still lists the findings as suppressed.
    base = os.path.join(tmp, "baseline.json")
    subprocess.run([bulkhead, "scan", "--write-baseline", base, "-o", os.devnull, "."], cwd=demo)
    sarif = os.path.join(tmp, "baseline.sarif")
    r = run("baseline", **{"sarif-file": sarif, "baseline": base, "fail-on": "note"})
    expect(r.failed is None, f"baseline: failed {r.failed}")
    results = sarif_results(sarif) if os.path.exists(sarif) else []
    expect(results and all(res.get("suppressions") for res in results),
           "baseline: every result is marked suppressed")

    # only-shipped and args: fewer results, none under the excluded tests/.
    sarif = os.path.join(tmp, "shipped.sarif")
    r = run("only-shipped", **{"sarif-file": sarif, "only-shipped": "true",
                               "args": "--exclude tests  --sort exposure", "upload": "false"})
    results = sarif_results(sarif) if os.path.exists(sarif) else []
    expect(0 < len(results) < total, f"only-shipped: {len(results)} of {total} results")
    uris = [res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for res in results]
    expect(not any(u.startswith("tests/") for u in uris), f"--exclude tests ignored: {uris}")

    # Bad inputs fail the scan step itself.
    r = run("bad only-shipped", **{"sarif-file": os.path.join(tmp, "x.sarif"), "only-shipped": "yes"})
    expect(r.failed == ("scan", 2), f"only-shipped: yes: failed {r.failed}")
    r = run("bad fail-on", **{"sarif-file": os.path.join(tmp, "y.sarif"), "fail-on": "critical"})
    expect(r.failed == ("scan", 2), f"fail-on: critical: failed {r.failed}")
    subprocess.run(["rm", "-rf", tmp])


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: action_check.py BULKHEAD SOURCE_ROOT")
    bulkhead, root = os.path.abspath(sys.argv[1]), sys.argv[2]
    action_dir = os.path.join(root, "integrations", "github-action")
    with open(os.path.join(action_dir, "action.yml"), encoding="utf-8") as f:
        action = yaml.safe_load(f)
    check_static(action, action_dir)
    check_runs(action, action_dir, bulkhead, root)
    print(f"action_check: {len(failures)} error(s)")
    return 1 if failures else 0


sys.exit(main())
