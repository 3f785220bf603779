#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Type-checks the VS Code extension (integrations/vscode) with the
# TypeScript, @types/vscode and vscode-languageclient pinned in its
# package-lock.json, and checks that package.json contributes the settings
# the code reads and that the code starts exactly `bulkhead lsp`. The
# packages are installed by tests/setup.sh (npm ci --ignore-scripts).
#
#   tests/cli/vscode_check.sh SOURCE_ROOT
set -euo pipefail

if [ $# -ne 1 ]; then
	echo "usage: $0 SOURCE_ROOT" >&2
	exit 2
fi
ext="$1/integrations/vscode"
tsc="$ext/node_modules/typescript/bin/tsc"
if [ ! -f "$tsc" ]; then
	echo "vscode_check: $tsc missing: run 'npm ci --ignore-scripts' in integrations/vscode (tests/setup.sh does)" >&2
	exit 1
fi

node "$tsc" --noEmit -p "$ext"
echo "vscode_check: type-check passed"

node - "$ext" <<'JS'
const fs = require('fs');
const path = require('path');
const ext = process.argv[2];
const pkg = JSON.parse(fs.readFileSync(path.join(ext, 'package.json'), 'utf8'));
const src = fs.readFileSync(path.join(ext, 'src', 'extension.ts'), 'utf8');
const errors = [];
const props = pkg.contributes.configuration.properties;
for (const key of ['bulkhead.path', 'bulkhead.args'])
	if (!props[key]) errors.push(`package.json does not contribute ${key}`);
// Every setting the code reads is contributed, and the other way round.
const read = new Set([...src.matchAll(/get<[^>]+>\('([A-Za-z]+)'/g)].map((m) => `bulkhead.${m[1]}`));
for (const key of read)
	if (!props[key]) errors.push(`extension.ts reads ${key}, which package.json does not contribute`);
for (const key of Object.keys(props))
	if (!read.has(key)) errors.push(`package.json contributes ${key}, which extension.ts never reads`);
if (!/\['lsp', \.\.\.config\.get/.test(src)) errors.push('the server is not started as `bulkhead lsp`');
for (const cmd of pkg.contributes.commands)
	if (!src.includes(`'${cmd.command}'`)) errors.push(`command ${cmd.command} is not registered`);
if (!pkg.activationEvents.includes('onLanguage:c') || !pkg.activationEvents.includes('onLanguage:dockerfile'))
	errors.push('the extension does not activate on C and Dockerfiles');
if (pkg.main !== './out/extension.js') errors.push(`main is ${pkg.main}`);
errors.forEach((e) => console.log(`vscode_check: error: ${e}`));
console.log(`vscode_check: ${errors.length} error(s)`);
process.exit(errors.length ? 1 : 0);
JS
