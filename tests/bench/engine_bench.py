#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Helper of tests/bench/engine_bench.sh (see there). Subcommands:
#
#   compdb PROJECT TREE     write TREE/compile_commands.json for PROJECT
#                           (lua5.4, redis, memcached) from the
#                           flags its upstream Makefile would pass, create
#                           the few headers its build would generate (in
#                           TREE, which is the benchmark's copy), and print
#                           the --exclude globs for the C files that are
#                           not translation units of the build, one a line
#   clang TREE OUT.json     run `clang-19 -fsyntax-only` on every entry of
#                           TREE/compile_commands.json, one after the other,
#                           and record CPU time (getrusage of the children),
#                           wall time and the TUs that had errors
#   warm TREE               untimed clang runs on the first TUs (page cache)
#   run OUT.json STDERR CMD...
#                           run CMD once, record its exit status (or
#                           signal), wall, user + sys CPU time and peak RSS
#                           (wait4), its stderr to STDERR
#   report PROJECT CLANG.json BH.json REPORT.json [BH-N.json REPORT-N.json]
#                           print the comparison, the findings per rule and
#                           the diagnostics; exit 0 PASS, 1 FAIL (ratio),
#                           3 bulkhead crashed or ended abnormally (or the
#                           -j N report differs); appends a TSV line to
#                           $BH_BENCH_RESULTS when set
#   total RESULTS.tsv       the sums over all projects
#
# Nothing of the scanned project is ever built or executed: its Makefiles
# are only read as text.
import json
import os
import re
import resource
import shlex
import subprocess
import sys
import time

TARGET = 1.5  # bulkhead CPU time / clang-19 -fsyntax-only CPU time


# ---------------------------------------------------------------- Makefiles

def make_vars(path):
	"""The simple `NAME= value` / `NAME:= value` / `NAME+= value` assignments
	of a Makefile, with continuation lines joined (no expansion, no
	conditionals: enough for object lists)."""
	text = open(path, encoding="utf-8", errors="replace").read()
	text = re.sub(r"\\\n", " ", text)
	out = {}
	for line in text.splitlines():
		m = re.match(r"^([A-Za-z_][A-Za-z0-9_]*)\s*(\+?[:?]?=)\s*(.*)$", line)
		if not m:
			continue
		name, op, value = m.group(1), m.group(2), m.group(3).split("#")[0]
		if op.startswith("+"):
			out[name] = (out.get(name, "") + " " + value).strip()
		elif op.startswith("?") and name in out:
			continue
		else:
			out[name] = value.strip()
	return out


def objects(mk, *names):
	"""The .c files behind the .o of Makefile variables (one level of
	$(VAR) references is followed)."""
	srcs = []
	for n in names:
		for w in mk.get(n, "").split():
			m = re.fullmatch(r"\$\(([A-Za-z_0-9]+)\)", w)
			if m:
				srcs += objects(mk, m.group(1))
			elif w.endswith(".o"):
				srcs.append(w[:-2] + ".c")
	seen, out = set(), []
	for s in srcs:
		if s not in seen:
			seen.add(s)
			out.append(s)
	return out


def multiarch():
	try:
		return subprocess.run(["dpkg-architecture", "-qDEB_HOST_MULTIARCH"], capture_output=True,
				      text=True, check=True).stdout.strip()
	except (OSError, subprocess.CalledProcessError):
		return os.uname().machine + "-linux-gnu"


def have_openssl():
	return os.path.exists("/usr/include/openssl/ssl.h")


# ----------------------------------------------------------------- projects
# Each returns (units, notes): units is a list of (directory relative to the
# tree, [sources relative to it], [flags]) as the real build passes them.

def proj_lua54(tree):
	# src/Makefile, `make linux`: CC= gcc -std=gnu99, CFLAGS= -O2 -Wall
	# -Wextra -DLUA_COMPAT_5_3 $(SYSCFLAGS), SYSCFLAGS=-DLUA_USE_LINUX.
	mk = make_vars(os.path.join(tree, "src/Makefile"))
	srcs = objects(mk, "CORE_O", "LIB_O", "LUA_O", "LUAC_O")
	flags = ["-std=gnu99", "-O2", "-Wall", "-Wextra", "-DLUA_COMPAT_5_3", "-DLUA_USE_LINUX"]
	notes = []
	# Debian's 0002-lua-modules-paths.patch makes luaconf.h include a header
	# that debian/rules writes at configure time.
	hdr = os.path.join(tree, "src/lua5.4-deb-multiarch.h")
	conf = open(os.path.join(tree, "src/luaconf.h"), errors="replace").read()
	if "lua5.4-deb-multiarch.h" in conf and not os.path.exists(hdr):
		with open(hdr, "w") as f:
			f.write("#ifndef _LUA_DEB_MULTIARCH_\n#define _LUA_DEB_MULTIARCH_\n"
				"#define DEB_HOST_MULTIARCH \"%s\"\n#endif\n" % multiarch())
		notes.append("generated src/lua5.4-deb-multiarch.h (debian/rules)")
	return [("src", srcs, flags)], notes


def proj_redis(tree):
	notes = []
	# src/Makefile with MALLOC=libc (the deps/jemalloc build runs configure,
	# which the benchmark never does; MALLOC=libc is an upstream option),
	# BUILD_TLS=yes as Debian builds it when the OpenSSL headers are there,
	# no systemd. STD/WARN/OPT/DEBUG as the Makefile sets them for gcc.
	mk = make_vars(os.path.join(tree, "src/Makefile"))
	server = objects(mk, "REDIS_SERVER_OBJ", "REDIS_CLI_OBJ", "REDIS_BENCHMARK_OBJ")
	tls = have_openssl()
	if not tls:
		notes.append("no /usr/include/openssl/ssl.h (libssl-dev): redis built without TLS")
	srv_flags = ["-pedantic", "-DREDIS_STATIC=", "-std=c11", "-Wall", "-W",
		     "-Wno-missing-field-initializers", "-O2", "-g", "-ggdb"]
	srv_flags += ["-DUSE_OPENSSL"] if tls else []
	srv_flags += ["-I../deps/hiredis", "-I../deps/linenoise", "-I../deps/lua/src",
		      "-I../deps/hdr_histogram"]
	# src/release.h is what mkreleasehdr.sh writes at every build.
	rel = os.path.join(tree, "src/release.h")
	if not os.path.exists(rel):
		with open(rel, "w") as f:
			f.write('#define REDIS_GIT_SHA1 "00000000"\n'
				'#define REDIS_GIT_DIRTY "0"\n'
				'#define REDIS_BUILD_ID "bulkhead-bench"\n')
		notes.append("generated src/release.h (mkreleasehdr.sh)")
	units = [("src", server, srv_flags)]

	# deps/Makefile: hiredis `make static` (USE_SSL=1 with TLS).
	hmk = make_vars(os.path.join(tree, "deps/hiredis/Makefile"))
	hsrc = objects(hmk, "OBJ") + (["ssl.c"] if tls else [])
	units.append(("deps/hiredis", hsrc,
		      ["-std=c99", "-O3", "-fPIC"] + (["-DHIREDIS_TEST_SSL"] if tls else [])
		      + ["-Wall", "-W", "-Wstrict-prototypes", "-Wwrite-strings",
			 "-Wno-missing-field-initializers", "-g", "-ggdb"]))
	units.append(("deps/linenoise", ["linenoise.c"], ["-Wall", "-Os", "-g"]))
	units.append(("deps/hdr_histogram", ["hdr_histogram.c"],
		      ["-std=c99", "-Wall", "-Os", "-g",
		       '-DHDR_MALLOC_INCLUDE="hdr_redis_malloc.h"']))
	# deps/lua (5.1 with cjson, struct, cmsgpack, bit): LUA_CFLAGS.
	lmk = make_vars(os.path.join(tree, "deps/lua/src/Makefile"))
	units.append(("deps/lua/src", objects(lmk, "CORE_O", "LIB_O", "LUA_O", "LUAC_O"),
		      ["-Wall", "-DLUA_ANSI", "-DENABLE_CJSON_GLOBAL", "-DREDIS_STATIC=",
		       "-DLUA_USE_MKSTEMP", "-O2"]))
	return units, notes


def proj_memcached(tree):
	# configure generates config.h; the benchmark writes the few macros
	# that configure sets on Debian 12 / glibc / x86-64.
	notes = []
	cfg = os.path.join(tree, "config.h")
	if not os.path.exists(cfg):
		# Only what configure defines on Debian 12 for the default
		# options (extstore on; no SASL, TLS or proxy), plus its AH_BOTTOM.
		with open(cfg, "w") as f:
			f.write("".join("#define %s %s\n" % kv for kv in [
				("ENDIAN_LITTLE", "1"), ("EXTSTORE", "1"), ("HAVE_ACCEPT4", "1"),
				("HAVE_CLOCK_GETTIME", "1"), ("HAVE_DLFCN_H", "1"), ("HAVE_EVENTFD", "1"),
				("HAVE_GCC_64ATOMICS", "1"), ("HAVE_GCC_ATOMICS", "1"),
				("HAVE_GETOPT_LONG", "1"), ("HAVE_INTTYPES_H", "1"),
				("HAVE_LIBEVENT_NEW", "1"), ("HAVE_MLOCKALL", "1"), ("HAVE_PREAD", "1"),
				("HAVE_PREADV", "1"), ("HAVE_STDBOOL_H", "1"), ("HAVE_STDINT_H", "1"),
				("HAVE_STDIO_H", "1"), ("HAVE_STDLIB_H", "1"), ("HAVE_STRINGS_H", "1"),
				("HAVE_STRING_H", "1"), ("HAVE_SYSCONF", "1"), ("HAVE_SYS_STAT_H", "1"),
				("HAVE_SYS_TYPES_H", "1"), ("HAVE_UNISTD_H", "1"), ("PACKAGE", '"memcached"'),
				("PACKAGE_NAME", '"memcached"'), ("PACKAGE_VERSION", '"1.6"'),
				("STDC_HEADERS", "1"), ("VERSION", '"1.6"'), ("_GNU_SOURCE", "1"),
			]) + "#if HAVE_STDBOOL_H\n#include <stdbool.h>\n#else\n#define bool char\n"
				"#define false 0\n#define true 1\n#endif\n"
				"#ifdef HAVE_INTTYPES_H\n#include <inttypes.h>\n#endif\n")
		notes.append("generated config.h (configure)")
	# memcached_SOURCES of Makefile.am (without the optional TLS, SASL,
	# proxy and Solaris/BSD variants).
	am = open(os.path.join(tree, "Makefile.am")).read()
	m = re.search(r"memcached_SOURCES\s*=\s*((?:.*\\\n)*.*)", am)
	srcs = [w for w in re.sub(r"\\\n", " ", m.group(1)).split() if w.endswith(".c")] if m else []
	for extra in ("extstore.c", "crc32c.c", "storage.c", "slab_automove_extstore.c"):
		if os.path.exists(os.path.join(tree, extra)) and extra not in srcs:
			srcs.append(extra)
	flags = ["-DHAVE_CONFIG_H", "-I.", "-std=gnu99", "-O2", "-pthread", "-Wall", "-pedantic",
		 "-Wmissing-prototypes", "-Wmissing-declarations", "-Wredundant-decls"]
	return [(".", srcs, flags)], notes


PROJECTS = {"lua5.4": proj_lua54, "redis": proj_redis, "memcached": proj_memcached}


def cmd_compdb(project, tree):
	tree = os.path.abspath(tree)
	units, notes = PROJECTS[project](tree)
	entries, listed = [], set()
	for d, srcs, flags in units:
		adir = os.path.normpath(os.path.join(tree, d))
		for s in srcs:
			if not os.path.exists(os.path.join(adir, s)):
				notes.append("missing source %s/%s (skipped)" % (d, s))
				continue
			obj = s[:-2] + ".o"
			entries.append({"directory": adir, "file": s, "output": obj,
					"arguments": ["cc"] + flags + ["-c", "-o", obj, s]})
			listed.add(os.path.relpath(os.path.join(adir, s), tree))
	with open(os.path.join(tree, "compile_commands.json"), "w") as f:
		json.dump(entries, f, indent=1)
	# Every other .c of the tree is not a translation unit of this build
	# (a file #included by one, another platform's backend, tests,
	# examples, the jemalloc we do not configure): exclude it, so that both
	# tools parse exactly the same set.
	excl = []
	for root, dirs, files in os.walk(tree):
		dirs.sort()
		for fn in sorted(files):
			if fn.endswith(".c"):
				rel = os.path.relpath(os.path.join(root, fn), tree)
				if rel not in listed:
					excl.append(rel)
	for n in notes:
		print("note: " + n, file=sys.stderr)
	print("%d translation units, %d other .c files excluded" % (len(entries), len(excl)),
	      file=sys.stderr)
	sys.stdout.write("".join(e + "\n" for e in excl))


# ------------------------------------------------------------ measurements

def clang_args(entry, clang):
	args = entry.get("arguments") or shlex.split(entry["command"])
	out, skip = [clang, "-fsyntax-only"], False
	for a in args[1:]:
		if skip:
			skip = False
			continue
		if a == "-o":
			skip = True
			continue
		if a == "-c":
			continue
		out.append(a)
	return out


def children_cpu():
	r = resource.getrusage(resource.RUSAGE_CHILDREN)
	return r.ru_utime, r.ru_stime


def cmd_clang(tree, out_path, clang="clang-19"):
	db = json.load(open(os.path.join(tree, "compile_commands.json")))
	t0 = time.monotonic()
	bad, nerr, nwarn = [], 0, 0
	user = sys_ = 0.0
	# What one clang-19 process costs before it parses anything (loading
	# libLLVM and libclang-cpp, the driver, the predefines): the same
	# command on an empty input, after every other TU so that it sees the
	# same machine load. Bulkhead pays its own start once per run, clang
	# once per TU; "parse-only" is the total minus TUs x this.
	startups = []
	for i, e in enumerate(db):
		u0, s0 = children_cpu()
		p = subprocess.run(clang_args(e, clang), cwd=e["directory"],
				   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
		u1, s1 = children_cpu()
		user += u1 - u0
		sys_ += s1 - s0
		errs = len(re.findall(r"^[^\n]*: (?:fatal )?error: ", p.stderr, re.M))
		nwarn += len(re.findall(r"^[^\n]*: warning: ", p.stderr, re.M))
		if p.returncode != 0 or errs:
			nerr += errs
			first = next((l for l in p.stderr.splitlines() if "error:" in l), p.stderr[:200])
			bad.append({"file": os.path.join(e["directory"], e["file"]),
				    "rc": p.returncode, "errors": errs, "first": first})
		if i % 2 == 0:
			a = [x for x in clang_args(e, clang) if x != e["file"]] + ["-x", "c", "/dev/null"]
			subprocess.run(a, cwd=e["directory"], stdout=subprocess.DEVNULL,
				       stderr=subprocess.DEVNULL)
			u2, s2 = children_cpu()
			startups.append((u2 - u1) + (s2 - s1))
	wall = time.monotonic() - t0  # includes the start-up samples
	cpu = user + sys_
	startup = sum(startups) / len(startups) if startups else 0.0
	maxrss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
	json.dump({"tus": len(db), "wall": wall, "cpu": cpu, "startup": startup,
		   "startup_samples": len(startups),
		   "parse_only": max(cpu - startup * len(db), 1e-9),
		   "user": user, "sys": sys_, "maxrss_kb": maxrss, "tus_with_errors": bad,
		   "errors": nerr, "warnings": nwarn}, open(out_path, "w"), indent=1)


def cmd_warm(tree, clang="clang-19"):
	"""Untimed clang runs on the first TUs: the binary, its libraries and the
	system headers into the page cache."""
	db = json.load(open(os.path.join(tree, "compile_commands.json")))
	for e in db[:3]:
		subprocess.run(clang_args(e, clang), cwd=e["directory"],
			       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def rss_kb(pid):
	try:
		with open("/proc/%d/status" % pid) as f:
			for line in f:
				if line.startswith("VmRSS:"):
					return int(line.split()[1])
	except OSError:
		pass
	return 0


def cmd_run(out_path, err_path, argv):
	"""Run argv; kill it when it outgrows $BH_BENCH_MAX_RSS_MB (default 4096)
	or runs longer than $BH_BENCH_TIMEOUT seconds (default 900): a runaway
	analysis must not take the machine down with it."""
	max_kb = int(os.environ.get("BH_BENCH_MAX_RSS_MB", "4096")) * 1024
	timeout = float(os.environ.get("BH_BENCH_TIMEOUT", "900"))
	killed = None
	t0 = time.monotonic()
	with open(err_path, "w") as err:
		p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err)
		while True:
			pid, status, ru = os.wait4(p.pid, os.WNOHANG)
			if pid:
				break
			if killed is None:
				if rss_kb(p.pid) > max_kb:
					killed = "resident memory over %d MB" % (max_kb // 1024)
				elif time.monotonic() - t0 > timeout:
					killed = "still running after %.0f s" % timeout
				if killed:
					p.kill()
			time.sleep(0.05)
	wall = time.monotonic() - t0
	sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
	rc = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
	json.dump({"argv": argv, "rc": rc, "signal": sig, "killed": killed, "wall": wall,
		   "cpu": ru.ru_utime + ru.ru_stime, "user": ru.ru_utime, "sys": ru.ru_stime,
		   "maxrss_kb": ru.ru_maxrss}, open(out_path, "w"), indent=1)


# ----------------------------------------------------------------- report

def status_line(r):
	if r.get("killed"):
		return "KILLED by the benchmark: %s" % r["killed"]
	if r["signal"] is not None:
		import signal
		try:
			name = signal.Signals(r["signal"]).name
		except ValueError:
			name = str(r["signal"])
		return "CRASHED with signal %s" % name
	if r["rc"] not in (0, 1):
		return "ABNORMAL exit status %d" % r["rc"]
	return "exit %d" % r["rc"]


def cmd_report(project, clang_p, bh_p, rep_p, bhn_p=None, repn_p=None):
	c = json.load(open(clang_p))
	b = json.load(open(bh_p))
	raw = b["cpu"] / c["cpu"] if c["cpu"] else float("inf")
	strict = b["cpu"] / c["parse_only"]
	abnormal = False
	print("== %s: %d translation units" % (project, c["tus"]))
	print("clang-19 -fsyntax-only, one process per TU, sequential: cpu %.2f s (user %.2f + sys %.2f), "
	      "wall %.2f s with the start-up samples, peak RSS %d MB; %d TUs with errors (%d errors), "
	      "%d warnings"
	      % (c["cpu"], c["user"], c["sys"], c["wall"], c["maxrss_kb"] // 1024,
		 len(c["tus_with_errors"]), c["errors"], c["warnings"]))
	print("   clang-19 start-up (same flags, empty input, %d samples between the TUs): %.0f ms cpu "
	      "per process; parse-only = %.2f s - %d x start-up = %.2f s"
	      % (c["startup_samples"], c["startup"] * 1000, c["cpu"], c["tus"], c["parse_only"]))
	for t in c["tus_with_errors"][:10]:
		print("   clang error in %s: %s" % (t["file"], t["first"]))
	print("bulkhead scan -j 1: cpu %.2f s (user %.2f + sys %.2f), wall %.2f s, peak RSS %d MB, %s"
	      % (b["cpu"], b["user"], b["sys"], b["wall"], b["maxrss_kb"] // 1024, status_line(b)))
	if b["signal"] is not None or b["rc"] not in (0, 1):
		abnormal = True
	if bhn_p:
		n = json.load(open(bhn_p))
		print("bulkhead scan -j %s: cpu %.2f s, wall %.2f s, peak RSS %d MB, %s "
		      "(wall speed-up over -j 1: %.2fx)"
		      % (n["argv"][n["argv"].index("--jobs") + 1], n["cpu"], n["wall"],
			 n["maxrss_kb"] // 1024, status_line(n), b["wall"] / n["wall"] if n["wall"] else 0))
		if n["signal"] is not None or n["rc"] not in (0, 1):
			abnormal = True
	ok = strict <= TARGET
	b_bad = b.get("killed") or b["signal"] is not None or b["rc"] not in (0, 1)
	verdict = ("INVALID: bulkhead -j 1 did not finish normally" if b_bad
		   else "PASS" if ok else "FAIL")
	print("ratio bulkhead/clang CPU time: %.2fx of clang's total, %.2fx of its parse-only time "
	      "(target <= %.1fx of parse-only): %s" % (raw, strict, TARGET, verdict))
	if os.environ.get("BH_BENCH_RESULTS") and not b_bad:  # one TSV line per project
		with open(os.environ["BH_BENCH_RESULTS"], "a") as f:
			f.write("%s\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%d\n"
				% (project, c["tus"], c["cpu"], c["parse_only"], b["cpu"], b["wall"],
				   b["maxrss_kb"] // 1024))
	try:
		rep = json.load(open(rep_p))
	except (OSError, ValueError) as e:
		print("!! no readable JSON report (%s)" % e)
		rep = None
	if rep:
		s = rep["summary"]
		print("report: %d findings (%d errors, %d warnings, %d notes), %d suppressed, "
		      "%d diagnostics (%d errors), %d files, %d units parsed"
		      % (s["findings"], s["errors"], s["warnings"], s["notes"], s["suppressed"],
			 s["diagnostics"], s["diagnostic_errors"], s["files_scanned"], s["units_parsed"]))
		per_rule = {}
		for f in rep["findings"]:
			per_rule[f["rule"]] = per_rule.get(f["rule"], 0) + 1
		for rule, k in sorted(per_rule.items(), key=lambda x: (-x[1], x[0])):
			print("   %5d  %s" % (k, rule))
		per_code = {}
		for d in rep["diagnostics"]:
			key = (d["level"], d["code"] or "-")
			per_code.setdefault(key, []).append(d)
		for (lvl, code), ds in sorted(per_code.items(), key=lambda x: (-len(x[1]), x[0])):
			d = ds[0]
			loc = d["location"]
			where = ("%s:%s: " % (loc["path"], loc["line"]) if loc and loc.get("line")
				 else "%s: " % loc["path"] if loc else "")
			print("   diag %4d  %s %s  e.g. %s%s" % (len(ds), lvl, code, where, d["message"][:160]))
		if bhn_p and repn_p:
			try:
				rn = json.load(open(repn_p))
				same = ([f["fingerprint"] for f in rn["findings"]] ==
					[f["fingerprint"] for f in rep["findings"]])
				print("report with -j N %s the -j 1 report" % ("matches" if same else "DIFFERS FROM"))
				if not same:
					abnormal = True
			except (OSError, ValueError) as e:
				print("!! no readable -j N report (%s)" % e)
	if abnormal:
		return 3
	return 0 if ok else 1


def cmd_total(path):
	rows = [l.split("\t") for l in open(path).read().splitlines() if l]
	if len(rows) < 2:
		return
	tus = sum(int(r[1]) for r in rows)
	c, p, b, w = (sum(float(r[i]) for r in rows) for i in (2, 3, 4, 5))
	print("== total (%s): %d TUs; clang-19 cpu %.2f s (parse-only %.2f s); bulkhead -j 1 cpu %.2f s, "
	      "wall %.2f s; ratio %.2fx of total, %.2fx of parse-only: %s"
	      % (", ".join(r[0] for r in rows), tus, c, p, b, w, b / c, b / p,
		 "PASS" if b / p <= TARGET else "FAIL"))


def main():
	if len(sys.argv) < 2:
		raise SystemExit(__doc__)
	cmd, args = sys.argv[1], sys.argv[2:]
	if cmd == "compdb":
		cmd_compdb(*args)
	elif cmd == "clang":
		cmd_clang(*args)
	elif cmd == "run":
		cmd_run(args[0], args[1], args[2:])
	elif cmd == "warm":
		cmd_warm(*args)
	elif cmd == "total":
		cmd_total(*args)
	elif cmd == "report":
		sys.exit(cmd_report(*args))
	else:
		raise SystemExit("unknown subcommand " + cmd)


if __name__ == "__main__":
	main()
