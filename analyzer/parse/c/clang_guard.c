// SPDX-License-Identifier: MIT
// Keeping a parse that overflows clang's stack from taking the process
// down. clang recurses once per level of nesting: 100,000 unary minuses or
// `else if`s in a row, or a long enough chain of `+`, exhaust any stack
// (`clang-19 -fsyntax-only` itself dies of it). libclang runs each parse
// under LLVM's crash recovery, whose signal handler abandons the parse and
// returns CXError_Crashed; but a handler needs a stack to run on, and the
// overflowed one has none left. So:
//  - libclang parses on the caller's thread (LIBCLANG_NOTHREADS), not on
//    threads of its own that we cannot give an alternate signal stack;
//  - crash recovery's handlers run on the alternate stack (SA_ONSTACK,
//    set once libclang has installed them);
//  - each parse or reparse runs with an alternate stack on its thread
//    (the thread's own when it has one: AddressSanitizer's, or LLVM's on
//    the thread that wrote the first preamble).
// The abandoned unit's memory is not given back: a crash costs what the
// parse had allocated, once per such file (and LeakSanitizer is told not
// to count what a parse allocates).
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>

#if defined(__SANITIZE_ADDRESS__)
#define BH_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BH_LSAN 1
#endif
#endif
#ifdef BH_LSAN
#include <sanitizer/lsan_interface.h>
#endif

// Whether LeakSanitizer counts what this thread allocates from here on
// (nested: each `false` needs its `true`). Nothing without it.
static void leaks_counted(bool counted)
{
#ifdef BH_LSAN
	if (counted)
		__lsan_enable();
	else
		__lsan_disable();
#else
	(void)counted;
#endif
}

#include "bulkhead/common.h"
#include "parse/c/clang_internal.h"
#include "parse/c/clang_shim.h"

// What the handler needs: LLVM's crash recovery does little more than a
// longjmp, but libc's signal frame and a sanitizer's report take room. As
// large as the one LLVM would put in its place (64 KiB and the minimum).
#define ALT_STACK_SIZE (128u * 1024u)

static const int recovered_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };

void bh_clang__guard_install(void *(*create_index)(int, int), void (*dispose_index)(void *))
{
	// Read by libclang at every parse; set before the first one.
	setenv("LIBCLANG_NOTHREADS", "1", 0);
	// The first index enables crash recovery, which installs its handlers.
	dispose_index(create_index(0, 0));
	for (size_t i = 0; i < BH_ARRAY_LEN(recovered_signals); i++) {
		struct sigaction sa;
		if (sigaction(recovered_signals[i], NULL, &sa) == 0 && sa.sa_handler != SIG_DFL &&
		    sa.sa_handler != SIG_IGN) {
			sa.sa_flags |= SA_ONSTACK;
			sigaction(recovered_signals[i], &sa, NULL);
		}
	}
}

void bh_clang__guard_enter(bh_clang__guard *s)
{
	leaks_counted(false);
	s->mine = NULL;
	if (sigaltstack(NULL, &s->old) != 0 || !(s->old.ss_flags & SS_DISABLE))
		return; // the thread has one (or none can be had)
	stack_t ss = { .ss_sp = bh_xmalloc(ALT_STACK_SIZE), .ss_size = ALT_STACK_SIZE };
	if (sigaltstack(&ss, NULL) == 0)
		s->mine = ss.ss_sp;
	else
		free(ss.ss_sp);
}

void bh_clang__guard_leave(bh_clang__guard *s)
{
	leaks_counted(true);
	if (!s->mine)
		return;
	// Back to none before the memory goes (a thread that ends with a
	// stack registered has it unmapped by AddressSanitizer), unless the
	// parse put another in its place (LLVM does, on a thread writing a
	// preamble): that one stays.
	stack_t now, off = { .ss_flags = SS_DISABLE };
	if (sigaltstack(NULL, &now) == 0 && now.ss_sp == s->mine)
		sigaltstack(&off, NULL);
	free(s->mine);
	s->mine = NULL;
}

CXIndex bh_clang__index_new(void)
{
	leaks_counted(false);
	CXIndex index = clang_createIndex(0, 0);
	leaks_counted(true);
	return index;
}
