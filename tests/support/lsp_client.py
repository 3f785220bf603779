# SPDX-License-Identifier: MIT
"""A scripted LSP client over real pipes, for tests/cli/lsp_test.py and
tests/bench/lsp_bench.py: framing, requests matched to their responses,
notifications, and waiting for a publishDiagnostics in a given state."""
import json, os, re, select, subprocess, time


class Client:
    def __init__(self, bh, args=(), env=None):
        self.p = subprocess.Popen([bh, "lsp", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  env=env)
        self.next_id = 100
        self.pending = []  # messages read while waiting for something else

    def raw(self, data):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def _read(self, timeout):
        hdr = b""
        end = time.time() + timeout
        while not hdr.endswith(b"\r\n\r\n"):
            r, _, _ = select.select([self.p.stdout], [], [], max(0, end - time.time()))
            if not r:
                return None
            c = os.read(self.p.stdout.fileno(), 1)
            if not c:
                return None
            hdr += c
        n = int(re.search(rb"Content-Length: *(\d+)", hdr).group(1))
        body = b""
        while len(body) < n:
            body += os.read(self.p.stdout.fileno(), n - len(body))
        return json.loads(body)

    def wait_for(self, pred, timeout=60):
        for i, m in enumerate(self.pending):
            if pred(m):
                return self.pending.pop(i)
        end = time.time() + timeout
        while time.time() < end:
            m = self._read(end - time.time())
            if m is None:
                return None
            if pred(m):
                return m
            self.pending.append(m)
        return None

    def request(self, method, params=None, timeout=60):
        self.next_id += 1
        i = self.next_id
        msg = {"jsonrpc": "2.0", "id": i, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return self.wait_for(lambda m: m.get("id") == i and "method" not in m, timeout)

    def notify(self, method, params):
        # What was published before this change is stale: a check that
        # waits for the effect of the change must not take it.
        self.pending = [m for m in self.pending if m.get("method") != "textDocument/publishDiagnostics"]
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def publish(self, uri, pred=lambda d: True, timeout=60):
        m = self.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                          and m["params"]["uri"] == uri and pred(m["params"]["diagnostics"]), timeout)
        return m["params"]["diagnostics"] if m else None

    def rss_kb(self):
        with open("/proc/%d/status" % self.p.pid) as f:
            return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))

    def close(self):
        self.request("shutdown")
        self.notify("exit", None)
        return self.p.wait(timeout=60)
