// SPDX-License-Identifier: MIT
// The Bulkhead extension for VS Code: starts `bulkhead lsp` (a language
// server over stdio) and lets vscode-languageclient show its diagnostics.
// All analysis happens in the server; this file only finds the command,
// picks the documents the server is told about, and restarts the server
// when its settings change.
import * as vscode from 'vscode';
import {
	LanguageClient,
	LanguageClientOptions,
	ServerOptions,
	TransportKind,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

// What Bulkhead analyses: C, Dockerfiles and the RUN shell in them, the
// build files it reads flags from, and files that commonly hold secrets.
const DOCUMENTS: LanguageClientOptions['documentSelector'] = [
	{ scheme: 'file', language: 'c' },
	{ scheme: 'file', language: 'cpp' },
	{ scheme: 'file', language: 'dockerfile' },
	{ scheme: 'file', language: 'shellscript' },
	{ scheme: 'file', language: 'makefile' },
	{ scheme: 'file', language: 'json' },
	{ scheme: 'file', language: 'yaml' },
	{ scheme: 'file', language: 'ini' },
	{ scheme: 'file', language: 'properties' },
	{ scheme: 'file', language: 'dotenv' },
	{ scheme: 'file', pattern: '**/{Dockerfile,Containerfile,*.Dockerfile,Dockerfile.*,.env,*.env}' },
];

function serverOptions(): ServerOptions {
	const config = vscode.workspace.getConfiguration('bulkhead');
	const command = config.get<string>('path', 'bulkhead') || 'bulkhead';
	const args = ['lsp', ...config.get<string[]>('args', [])];
	return { command, args, transport: TransportKind.stdio };
}

// Files whose change on disk changes the analysis of the build context:
// the server runs its full tier again when one does.
const WATCHED =
	'**/{*.c,*.h,Dockerfile,Containerfile,*.Dockerfile,Dockerfile.*,*.dockerignore,.dockerignore,' +
	'compile_commands.json,Makefile,GNUmakefile,makefile,*.mk,CMakeLists.txt,meson.build,.bulkhead.json,.env*}';

async function start(): Promise<void> {
	const config = vscode.workspace.getConfiguration('bulkhead');
	const clientOptions: LanguageClientOptions = {
		documentSelector: DOCUMENTS,
		outputChannelName: 'Bulkhead',
		// The server's settings; later changes arrive as
		// workspace/didChangeConfiguration under `bulkhead`.
		initializationOptions: {
			onlyShipped: config.get<boolean>('onlyShipped', false),
			minExposure: config.get<number>('minExposure', 0),
		},
		synchronize: {
			configurationSection: 'bulkhead',
			fileEvents: vscode.workspace.createFileSystemWatcher(WATCHED),
		},
	};
	client = new LanguageClient('bulkhead', 'Bulkhead', serverOptions(), clientOptions);
	try {
		await client.start();
	} catch (err) {
		// A missing command is the usual cause: say how to fix it instead
		// of leaving a bare spawn error in the output channel.
		const path = vscode.workspace.getConfiguration('bulkhead').get<string>('path', 'bulkhead');
		void vscode.window.showErrorMessage(
			`Bulkhead: could not start "${path} lsp" (${String(err)}). ` +
				'Install bulkhead or set bulkhead.path.');
	}
}

async function restart(): Promise<void> {
	const old = client;
	client = undefined;
	if (old) {
		await old.stop().catch(() => undefined);
	}
	await start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
	context.subscriptions.push(
		vscode.commands.registerCommand('bulkhead.restart', () => restart()),
		vscode.workspace.onDidChangeConfiguration((e) => {
			if (e.affectsConfiguration('bulkhead.path') || e.affectsConfiguration('bulkhead.args')) {
				void restart();
			}
		}),
	);
	await start();
}

export async function deactivate(): Promise<void> {
	if (client) {
		await client.stop();
		client = undefined;
	}
}
