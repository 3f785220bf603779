#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Build step: compile the secret rule pack (rules/secrets/<family>.rules) into C
# tables. One output file holds both what the registry needs
# (bh__secret_pack_rules: id, title, level, CWE and a generated markdown
# document for `bulkhead explain` and SARIF help) and what the scanner
# needs (bh_secret__pack: regex, keywords, entropy, secret group,
# allow-patterns and the true/false-positive examples the unit test checks).
#
# The pack format is line-oriented so that regexes need no escaping:
#
#   # comment
#   [secret.<provider>-<kind>]
#   title: one line, no final period
#   provider: the vendor's name, used in the document
#   keywords: lowercase words, comma-separated; the rule runs only on lines
#             holding one of them (the prefilter)
#   regex: PCRE2 pattern; {sep} and {end} expand to the shared pieces below
#   group: capture group holding the secret (default 1, or 0 without groups)
#   entropy: minimum Shannon entropy of the secret in bits per byte (optional)
#   level: note | warning | error (default error)
#   multiline: yes when the match may span lines (private-key blocks)
#   allow: PCRE2 pattern; a match of it inside the whole match drops it (repeatable)
#   tp: a line the rule must report (repeatable, at least one)
#   fp: a line the rule must not report (repeatable, at least one)
#   about: what the credential is and what it grants
#   rotate: where and how the provider revokes it
#
# Usage: gen_pack.py --list DIR | gen_pack.py OUTPUT.c PACK.rules...
import os
import re
import sys

# Between a provider word and the value: the rest of the variable name, an
# optional closing quote, an assignment operator (= := => : or a blank, as
# in `token abc`), then an optional opening quote.
SEP = r'''[\w.\-]{0,40}?["']?\s{0,5}(?:=|:=|=>|:|\s)\s{0,5}["'`]?'''
# After a value: a quote, blank, separator, escaped newline or end of line.
END = r'''(?=["'`\s;,)\]}&<>|]|\\[nrt]|$)'''

LEVELS = {'note': 'BH_LEVEL_NOTE', 'warning': 'BH_LEVEL_WARNING', 'error': 'BH_LEVEL_ERROR'}
SINGLE = {'title', 'provider', 'keywords', 'regex', 'group', 'entropy', 'level',
          'multiline', 'about', 'rotate', 'severity'}
MULTI = {'allow', 'tp', 'fp'}
MAX_RULES = 900  # BH_RULE_MAX (1024) minus room for the static rules of rules.def


def fail(msg):
    sys.exit('gen_pack: ' + msg)


def parse(path):
    rules, cur = [], None
    for n, raw in enumerate(open(path, encoding='utf-8'), 1):
        line = raw.rstrip('\n')
        where = f'{path}:{n}'
        if not line.strip() or line.lstrip().startswith('#'):
            continue
        m = re.fullmatch(r'\[(secret\.[a-z0-9]+(?:-[a-z0-9]+)*)\]', line.strip())
        if m:
            cur = {'id': m.group(1), 'where': where, 'allow': [], 'tp': [], 'fp': []}
            rules.append(cur)
            continue
        m = re.match(r'(\w+):\s?(.*)$', line)
        if not m or cur is None:
            fail(f'{where}: expected "[secret.id]" or "key: value"')
        key, val = m.group(1), m.group(2)
        if key in MULTI:
            cur[key].append(val)
        elif key in SINGLE:
            if key in cur:
                fail(f'{where}: duplicate {key}')
            cur[key] = val
        else:
            fail(f'{where}: unknown key {key}')
    return rules


def check(rule):
    w = rule['where']
    for key in ('title', 'provider', 'keywords', 'regex', 'about', 'rotate'):
        if not rule.get(key):
            fail(f'{w}: {rule["id"]} has no {key}')
    if not rule['tp'] or not rule['fp']:
        fail(f'{w}: {rule["id"]} needs tp and fp examples')
    kws = [k.strip() for k in rule['keywords'].split(',') if k.strip()]
    for k in kws:
        if k != k.lower():
            fail(f'{w}: keyword {k!r} must be lowercase')
        if len(k) < 2:
            fail(f'{w}: keyword {k!r} is too short to prefilter')
    rule['kw'] = kws
    rule['re'] = rule['regex'].replace('{sep}', SEP).replace('{end}', END)
    if 'group' in rule:
        rule['grp'] = int(rule['group'])
    else:
        rule['grp'] = 1 if re.search(r'\((?!\?)', rule['re']) else 0
    rule['ent'] = float(rule.get('entropy', '0'))
    lvl = rule.get('level', 'error')
    if lvl not in LEVELS:
        fail(f'{w}: bad level {lvl}')
    rule['lvl'] = lvl
    rule['sev'] = float(rule.get('severity', '8.5' if lvl == 'error' else '6.5'))


def c_str(text):
    esc = (text.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n')
           .replace('\t', '\\t'))
    # Keep trigraph-looking sequences and non-ASCII harmless.
    esc = esc.replace('??', '?\\?')
    return '"' + ''.join(ch if ord(ch) < 128 else ''.join(f'\\{b:03o}' for b in ch.encode())
                         for ch in esc) + '"'


def c_text(text):
    lines = text.splitlines(keepends=True)
    return '\n'.join('\t' + c_str(x) for x in lines) if lines else '\t""'


def redacted_example(rule):
    # Python's re understands most of our PCRE subset; when it does not,
    # the document simply omits the example.
    try:
        rx = re.compile(rule['re'].replace('(?i)', ''), re.I if '(?i)' in rule['re'] else 0)
    except re.error:
        return None
    for tp in rule['tp']:
        m = rx.search(tp)
        if m:
            s = m.group(rule['grp']) or ''
            shown = min(4, len(s) // 4)
            return f'{s[:shown]}\u2026 ({len(s)} chars)'
    return None


def document(rule):
    rid, title, prov = rule['id'], rule['title'], rule['provider']
    ex = redacted_example(rule)
    parts = [f'# {rid}: {title}', '',
             f'Reports {title} ({prov}) credentials found in any file of the build context. {rule["about"]}',
             '', '## Why it is a risk', '',
             'Whoever can read the file can use the credential until it is revoked. '
             'A file in the build context is sent to the Docker daemon; a `COPY` or '
             '`ADD` puts it into an image layer that anyone who pulls the image can '
             'read, and deleting it in a later layer does not remove it. In C '
             'source it is compiled into the binary, where `strings` finds it.', '',
             '## Example', '',
             'Bulkhead never prints a secret whole: findings show a short prefix and '
             'the length' + (f', for example `{ex}`.' if ex else '.'), '',
             '## How to fix', '',
             f'1. Revoke or rotate the credential at {prov}: {rule["rotate"]} '
             'Treat it as leaked even if the repository is private.',
             '2. Remove it from the file (and from version control history).',
             '3. Pass it at build time with a BuildKit secret mount '
             '(`RUN --mount=type=secret,id=token ...` and `docker build --secret '
             'id=token,env=TOKEN`), or at run time from the environment or a secret '
             'store, never with `ARG`, `ENV` or `COPY`.',
             '4. Keep credential files out of the context with `.dockerignore`.', '',
             '## False positives and suppression', '',
             'Placeholders (`EXAMPLE`, `xxxx`, `changeme`, `<...>`, `${VAR}`), repeated '
             'or sequential characters and the vendors\' documented example keys are '
             'ignored. For a test fixture or a revoked value, add '
             f'`bulkhead: ignore[{rid}] reason` in a comment on the line or the line '
             f'above, or set `"rules": {{"{rid}": "off"}}` in `.bulkhead.json`.', '']
    return '\n'.join(parts)


def emit(rules, out):
    o = ['/* Generated by rules/secrets/gen_pack.py from rules/secrets/<family>.rules. */',
         '#include "bulkhead/rule.h"',
         '#include "parse/secrets/secret_internal.h"', '',
         'const bh_rule bh__secret_pack_rules[] = {']
    for r in rules:
        o.append(f'\t{{ .id = {c_str(r["id"])}, .domain = "secret",\n'
                 f'\t  .title = {c_str(r["title"])},\n'
                 f'\t  .level = {LEVELS[r["lvl"]]}, .security_severity = {r["sev"]},\n'
                 f'\t  .precision = "high", .cwe = {{ 798, 0 }},\n'
                 f'\t  .doc =\n{c_text(document(r))} }},')
    o.append('};')
    o.append(f'const size_t bh__secret_pack_rule_count = {len(rules)};')
    o.append('')
    o.append('const bh_secret__pack_rule bh_secret__pack[] = {')
    for r in rules:
        def lst(items):
            return c_str(''.join(x + '\n' for x in items))
        o.append(f'\t{{ .id = {c_str(r["id"])},\n'
                 f'\t  .regex = {c_str(r["re"])},\n'
                 f'\t  .keywords = {lst(r["kw"])},\n'
                 f'\t  .allow = {lst(r["allow"])},\n'
                 f'\t  .tp = {lst(r["tp"])},\n'
                 f'\t  .fp = {lst(r["fp"])},\n'
                 f'\t  .group = {r["grp"]}, .entropy = {r["ent"]},\n'
                 f'\t  .multiline = {"true" if r.get("multiline") == "yes" else "false"} }},')
    o.append('};')
    o.append(f'const size_t bh_secret__pack_len = {len(rules)};')
    with open(out, 'w', encoding='utf-8') as f:
        f.write('\n'.join(o) + '\n')


def main():
    if sys.argv[1] == '--list':
        d = sys.argv[2]
        for name in sorted(os.listdir(d)):
            if name.endswith('.rules'):
                print(name)
        return
    out, packs = sys.argv[1], sys.argv[2:]
    rules, seen = [], set()
    for p in sorted(packs, key=os.path.basename):
        for r in parse(p):
            if r['id'] in seen:
                fail(f'{r["where"]}: duplicate rule id {r["id"]}')
            seen.add(r['id'])
            check(r)
            rules.append(r)
    if len(rules) > MAX_RULES:
        fail(f'{len(rules)} rules exceed BH_RULE_MAX')
    emit(rules, out)


main()
