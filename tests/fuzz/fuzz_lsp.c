// SPDX-License-Identifier: MIT
// libFuzzer entry point for the language server (`bulkhead lsp`,
// include/bulkhead/lsp.h): the input is everything a client writes to the
// server's standard input (Content-Length framing, JSON-RPC requests and
// notifications, document text), served by bh_lsp_serve until the input
// ends; what the server answers goes to /dev/null. The server scans a
// small build context of its own, made once per process at a fixed path
// (so that the seeds' `file://` URIs name its files): a C file with a
// finding in each tier, a Dockerfile and compile_commands.json. The
// result cache is off, so that each input meets the same state.
//
// Seeds (tests/fuzz/corpus/lsp/): whole sessions (initialize, open, edit,
// hover, code actions, save, pull diagnostics, shutdown, exit), requests
// cancelled in one batch, and broken framing and JSON.
#include "fuzz_tmpfile.h"

#include <fcntl.h>
#include <sys/stat.h>

#include "bulkhead/lsp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CONTEXT "/tmp/bh-fuzz-lsp"

static void put_file(const char *name, const char *text)
{
	char path[256];
	snprintf(path, sizeof(path), CONTEXT "/%s", name);
	FILE *f = fopen(path, "w");
	if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
		perror(path);
		abort();
	}
}

static void make_context(void)
{
	(void)mkdir(CONTEXT, 0755);
	(void)mkdir(CONTEXT "/src", 0755);
	put_file("src/a.c", "#include <stdlib.h>\n"
			    "#include <string.h>\n"
			    "static const char *token = \"ghp_0123456789abcdefghijABCDEFGHIJ012345\";\n"
			    "void run(void) { system(getenv(\"CMD\")); }\n"
			    "int twice(int n) {\n"
			    "\tchar *p = malloc(8);\n"
			    "\tstrcpy(p, \"1234567\");\n"
			    "\tfree(p);\n"
			    "\tfree(p);\n"
			    "\treturn n + (int)strlen(token);\n"
			    "}\n");
	put_file("Dockerfile", "FROM debian:12\nCOPY . /app\nRUN cc -o /app/a /app/src/a.c\nCMD [\"/app/a\"]\n");
	put_file("compile_commands.json",
		 "[{\"directory\": \"" CONTEXT "\", \"file\": \"src/a.c\", \"arguments\": [\"cc\", \"-c\", \"src/a.c\"]}]\n");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int out = -1;
	if (out < 0) {
		setenv("BULKHEAD_NO_CACHE", "1", 1);
		make_context();
		out = open("/dev/null", O_WRONLY | O_CLOEXEC);
		if (out < 0)
			abort();
	}
	const char *path = bh_fuzz_tmp_write(data, size, ".lsp");
	int in = open(path, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		abort();
	bh_lsp_options opts = BH_LSP_OPTIONS_INIT;
	opts.context = CONTEXT;
	opts.jobs = 1;
	opts.debounce_ms = 0;
	opts.max_message = 1u << 20;
	opts.sync = true;
	(void)bh_lsp_serve(in, out, &opts);
	close(in);
	return 0;
}
