#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Scores a bulkhead JSON report against the corpus's planted.tsv: recall
# on the planted secrets and the number of findings at any other line
# (false findings: decoys and filler). Also writes the pack's regexes, as
# the scanner runs them, one per line in chunks for ripgrep.
#
# usage: secret_eval.py score REPORT.json PLANTED.tsv
#        secret_eval.py patterns RULES_DIR PREFIX [CHUNK]   (PREFIX.NNN.txt)
import json
import re
import sys
import glob

SEP = r'''[\w.\-]{0,40}?["']?\s{0,5}(?:=|:=|=>|:|\s)\s{0,5}["'`]?'''
END = r'''(?=["'`\s;,)\]}&<>|]|\\[nrt]|$)'''


def score(report, planted):
    want = {}
    for line in open(planted):
        path, ln, kind = line.rstrip('\n').split('\t')
        want[(path, int(ln))] = kind
    rep = json.load(open(report))
    got = {}
    for f in rep['findings']:
        loc = f['location']
        got.setdefault((loc['path'], loc['line']), []).append(f['rule'])
    hit = sum(1 for k in want if k in got)
    false = sum(len(v) for k, v in got.items() if k not in want)
    missed = {}
    for k, kind in want.items():
        if k not in got:
            missed[kind] = missed.get(kind, 0) + 1
    print('planted secrets: %d, found: %d, recall: %.2f%%' % (len(want), hit, 100.0 * hit / max(1, len(want))))
    print('false findings (not at a planted line): %d' % false)
    if missed:
        print('missed by kind: ' + ', '.join('%s=%d' % kv for kv in sorted(missed.items())))
    fp_rules = {}
    for k, v in got.items():
        if k not in want:
            for r in v:
                fp_rules[r] = fp_rules.get(r, 0) + 1
    if fp_rules:
        print('false findings by rule: ' + ', '.join('%s=%d' % kv for kv in sorted(fp_rules.items())))


def patterns(rules_dir, prefix, chunk):
    pats = []
    for path in sorted(glob.glob(rules_dir + '/*.rules')):
        for line in open(path):
            if line.startswith('regex: '):
                pats.append(line[7:].rstrip('\n').replace('{sep}', SEP).replace('{end}', END))
    for i in range(0, len(pats), chunk):
        with open('%s.%03d.txt' % (prefix, i // chunk), 'w') as f:
            f.write('\n'.join(pats[i:i + chunk]) + '\n')
    print('%d patterns' % len(pats))


if sys.argv[1] == 'score':
    score(sys.argv[2], sys.argv[3])
else:
    patterns(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 20)
