#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Benchmark corpus for the secret scanner: writes SIZE_MB of source-like
# and config-like text under OUT/ctx with secrets planted at known lines
# (OUT/planted.tsv: path, line, kind) and decoys that must stay quiet
# (placeholders, vendor examples, references). Deterministic for a seed.
# Never commit the output.
#
# usage: secret_corpus.py OUT [SIZE_MB] [SEED]
import os
import random
import string
import sys

ALNUM = string.ascii_letters + string.digits
HEX = '0123456789abcdef'
B64 = ALNUM + '+/'
URLSAFE = ALNUM + '_-'


def rs(rng, cs, n):
    return ''.join(rng.choice(cs) for _ in range(n))


# Planted secrets: (kind, name to assign it to, value generator). The
# formats follow the providers' documented shapes.
def secrets(rng):
    return [
        ('github-pat', 'GITHUB_TOKEN', 'ghp_' + rs(rng, ALNUM, 36)),
        ('github-fine-grained', 'GH_TOKEN', 'github_pat_' + rs(rng, ALNUM, 22) + '_' + rs(rng, ALNUM, 59)),
        ('gitlab-pat', 'GITLAB_TOKEN', 'glpat-' + rs(rng, URLSAFE, 20)),
        ('aws-access-key', 'AWS_ACCESS_KEY_ID', 'AKIA' + rs(rng, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)),
        ('aws-secret-key', 'AWS_SECRET_ACCESS_KEY', rs(rng, B64, 40)),
        ('slack-bot', 'SLACK_BOT_TOKEN', 'xoxb-%s-%s-%s' % (rs(rng, string.digits, 12), rs(rng, string.digits, 13), rs(rng, ALNUM, 24))),
        ('slack-webhook', 'SLACK_WEBHOOK', 'https://hooks.slack.com/services/T%s/B%s/%s' % (rs(rng, string.ascii_uppercase + string.digits, 8), rs(rng, string.ascii_uppercase + string.digits, 10), rs(rng, ALNUM, 24))),
        ('stripe-live', 'STRIPE_SECRET_KEY', 'sk_live_' + rs(rng, ALNUM, 99)),
        ('sendgrid', 'SENDGRID_API_KEY', 'SG.' + rs(rng, URLSAFE, 22) + '.' + rs(rng, URLSAFE, 43)),
        ('npm', 'NPM_TOKEN', 'npm_' + rs(rng, ALNUM, 36)),
        ('openai', 'OPENAI_API_KEY', 'sk-proj-' + rs(rng, URLSAFE, 40) + 'T3BlbkFJ' + rs(rng, URLSAFE, 40)),
        ('anthropic', 'ANTHROPIC_API_KEY', 'sk-ant-api03-' + rs(rng, URLSAFE, 93) + 'AA'),
        ('huggingface', 'HF_TOKEN', 'hf_' + rs(rng, string.ascii_letters, 34)),
        ('gcp-api-key', 'GOOGLE_API_KEY', 'AIza' + rs(rng, URLSAFE, 35)),
        ('digitalocean', 'DO_TOKEN', 'dop_v1_' + rs(rng, HEX, 64)),
        ('shopify', 'SHOPIFY_TOKEN', 'shpat_' + rs(rng, HEX, 32)),
        ('datadog', 'DD_API_KEY', rs(rng, HEX, 32)),
        ('twilio', 'TWILIO_AUTH_TOKEN', rs(rng, HEX, 32)),
        ('dockerhub', 'DOCKERHUB_TOKEN', 'dckr_pat_' + rs(rng, URLSAFE, 27)),
        ('pypi', 'PYPI_TOKEN', 'pypi-AgEIcHlwaS5vcmc' + rs(rng, URLSAFE, 70)),
        ('postgres-url', 'DATABASE_URL', 'postgres://app:%s@db.internal:5432/app' % rs(rng, ALNUM, 16)),
        ('mongodb-url', 'MONGO_URL', 'mongodb+srv://svc:%s@cluster0.mongodb.net/db' % rs(rng, ALNUM, 18)),
        ('generic-password', 'DB_PASSWORD', rs(rng, ALNUM, 8) + rs(rng, string.digits, 2) + rs(rng, ALNUM, 6)),
        ('generic-api-key', 'PAYMENTS_API_KEY', rs(rng, ALNUM, 32)),
        ('jwt', 'SESSION_JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOi' + rs(rng, URLSAFE, 40) + '.' + rs(rng, URLSAFE, 43)),
    ]


DECOYS = [
    'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
    'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'DATABASE_URL=postgres://user:password@localhost:5432/app',
    'password: ${DB_PASSWORD}',
    'api_key = "<your-api-key>"',
    'SECRET_KEY=changeme',
    'token_url = "https://auth.internal/oauth/token"',
    'STRIPE_KEY=sk_test_4eC39HqLyjWDarjtT1zdp7dc',
    'password_file: /run/secrets/db_password',
]

WORDS = ('request response handler token tokens key keys cache value password_hash '
         'session user config secret_name auth service client server buffer index '
         'count limit retry timeout stream parse encode decode hash digest').split()


def filler(rng, ext):
    w = rng.choice(WORDS)
    v = rng.choice(WORDS)
    r = rng.random()
    if r < 0.05:
        return '    checksum = "sha256:%s"' % rs(rng, HEX, 64)
    if r < 0.08:
        return '    request_id = "%s-%s-%s-%s-%s"' % (rs(rng, HEX, 8), rs(rng, HEX, 4), rs(rng, HEX, 4), rs(rng, HEX, 4), rs(rng, HEX, 12))
    if r < 0.10:
        return '    url = "https://api.example.org/v1/%s/%s?page=%d"' % (w, v, rng.randint(1, 99))
    if ext in ('py',):
        return '    %s_%s = self.%s.get(%s, %d)  # %s' % (w, v, w, v, rng.randint(0, 999), rng.choice(WORDS))
    if ext in ('js',):
        return '  const %s%s = await %s.%s(%s, { retry: %d });' % (w, v.capitalize(), w, v, w, rng.randint(0, 9))
    if ext in ('yaml',):
        return '%s_%s: %s' % (w, v, rng.choice(['true', 'false', str(rng.randint(0, 9999)), w]))
    if ext in ('json',):
        return '  "%s_%s": %d,' % (w, v, rng.randint(0, 99999))
    if ext in ('env', 'properties'):
        return '%s.%s=%s' % (w, v, rng.choice([w, str(rng.randint(0, 9999))]))
    if ext == 'sh':
        return 'echo "%s %s" >> "$LOG_DIR/%s.log"' % (w, v, w)
    return 'The %s of the %s is kept in the %s for %d seconds.' % (w, v, rng.choice(WORDS), rng.randint(1, 600))


def planted_line(ext, name, value):
    if ext == 'py':
        return '%s = "%s"' % (name.lower(), value)
    if ext == 'js':
        return '  const %s = "%s";' % (name.lower(), value)
    if ext == 'yaml':
        return '%s: "%s"' % (name.lower(), value)
    if ext == 'json':
        return '  "%s": "%s",' % (name.lower(), value)
    if ext == 'sh':
        return 'export %s=\'%s\'' % (name, value)
    return '%s=%s' % (name, value)


def main():
    out = sys.argv[1]
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    ctx = os.path.join(out, 'ctx')
    os.makedirs(ctx, exist_ok=True)
    kinds = [('src', 'py'), ('web', 'js'), ('conf', 'yaml'), ('data', 'json'), ('env', 'env'),
             ('conf', 'properties'), ('scripts', 'sh'), ('docs', 'md')]
    planted = []
    total, n = 0, 0
    target = size * 1024 * 1024
    while total < target:
        d, ext = kinds[n % len(kinds)]
        rel = '%s/f%04d.%s' % (d, n, ext)
        os.makedirs(os.path.join(ctx, d), exist_ok=True)
        lines = []
        size_f = 0
        while size_f < 1024 * 1024:
            r = rng.random()
            if r < 0.0004:
                kind, name, value = rng.choice(secrets(rng))
                line = planted_line(ext, name, value)
                planted.append((rel, len(lines) + 1, kind))
            elif r < 0.0008:
                line = rng.choice(DECOYS)
            else:
                line = filler(rng, ext)
            lines.append(line)
            size_f += len(line) + 1
        with open(os.path.join(ctx, rel), 'w') as f:
            f.write('\n'.join(lines) + '\n')
        total += size_f
        n += 1
    with open(os.path.join(out, 'planted.tsv'), 'w') as f:
        for p in planted:
            f.write('%s\t%d\t%s\n' % p)
    print('corpus: %d files, %.1f MB, %d planted secrets' % (n, total / 1048576, len(planted)))


main()
