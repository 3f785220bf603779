// SPDX-License-Identifier: MIT
// JSON-RPC message framing of the LSP base protocol: a header block of
// `Name: value` lines ended by a blank line (CRLF), of which only
// Content-Length matters, then that many bytes of body.
//
// Hostile or broken input is normal here. A header block is at most
// MAX_HEADER bytes; one without a usable Content-Length is skipped, and the
// next "Content-Length:" in the stream is where reading starts again (a
// client that sent a body without a header gets its next message read). A
// body over the limit is read and thrown away, so the stream stays framed.
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "bulkhead/common.h"
#include "bulkhead/fileio.h"
#include "lsp/lsp_internal.h"

#define MAX_HEADER 8192u
#define CHUNK 65536u

void bh_lsp__reader_init(bh_lsp__reader *r, int fd)
{
	*r = (bh_lsp__reader){ .fd = fd };
}

void bh_lsp__reader_dispose(bh_lsp__reader *r)
{
	free(r->buf);
	*r = (bh_lsp__reader){ .fd = -1 };
}

// Read what is there (at least one byte, blocking); false at the end.
static bool fill(bh_lsp__reader *r)
{
	if (r->eof)
		return false;
	if (r->cap - r->len < CHUNK) {
		r->cap = r->len + CHUNK;
		r->buf = bh_xrealloc(r->buf, r->cap + 1);
	}
	for (;;) {
		ssize_t n = read(r->fd, r->buf + r->len, CHUNK);
		if (n > 0) {
			r->len += (size_t)n;
			return true;
		}
		if (n < 0 && errno == EINTR)
			continue;
		r->eof = true;
		return false;
	}
}

static void consume(bh_lsp__reader *r, size_t n)
{
	memmove(r->buf, r->buf + n, r->len - n);
	r->len -= n;
}

int bh_lsp__wait(bh_lsp__reader *r, int other_fd, int timeout_ms)
{
	struct pollfd p[2] = { { .fd = r->fd, .events = POLLIN }, { .fd = other_fd, .events = POLLIN } };
	bool buffered = r->len || r->eof;
	int n;
	do
		n = poll(p, other_fd >= 0 ? 2 : 1, buffered ? 0 : timeout_ms);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return 1; // read() reports the error as the end of input
	return (buffered || p[0].revents ? 1 : 0) | (other_fd >= 0 && p[1].revents ? 2 : 0);
}

long long bh_lsp__header_length(const char *hdr, size_t n)
{
	static const char name[] = "content-length:";
	const size_t nl = sizeof(name) - 1;
	long long found = -1;
	// The last Content-Length wins: after junk, it is the real header's.
	for (size_t i = 0; i + nl <= n; i++) {
		if (strncasecmp(hdr + i, name, nl) != 0)
			continue;
		size_t j = i + nl;
		while (j < n && (hdr[j] == ' ' || hdr[j] == '\t'))
			j++;
		long long v = 0;
		size_t digits = 0;
		while (j < n && hdr[j] >= '0' && hdr[j] <= '9' && digits < 18) {
			v = v * 10 + (hdr[j++] - '0');
			digits++;
		}
		while (j < n && (hdr[j] == ' ' || hdr[j] == '\t'))
			j++;
		bool line_end = j == n || hdr[j] == '\r' || hdr[j] == '\n';
		found = digits && line_end ? v : -1;
		i = j;
	}
	return found;
}

// Offset just past the blank line that ends the header block, or 0.
static size_t header_end(const bh_lsp__reader *r)
{
	for (size_t i = 0; i + 4 <= r->len; i++)
		if (memcmp(r->buf + i, "\r\n\r\n", 4) == 0)
			return i + 4;
	return 0;
}

bh_lsp__read_status bh_lsp__read(bh_lsp__reader *r, size_t max, char **body, size_t *len)
{
	*body = NULL;
	*len = 0;
	size_t end;
	while (!(end = header_end(r))) {
		if (r->len > MAX_HEADER) {
			// No header ends within the limit: keep only the tail, where
			// a real header may be starting.
			consume(r, r->len - 3);
			return BH_LSP__BAD_HEADER;
		}
		if (!fill(r))
			return BH_LSP__EOF;
	}
	long long n = bh_lsp__header_length(r->buf, end - 4);
	consume(r, end);
	if (n < 0)
		return BH_LSP__BAD_HEADER;
	if ((unsigned long long)n > max) {
		unsigned long long left = (unsigned long long)n;
		while (left) {
			if (!r->len && !fill(r))
				return BH_LSP__EOF;
			size_t k = r->len < left ? r->len : (size_t)left;
			consume(r, k);
			left -= k;
		}
		return BH_LSP__TOO_LARGE;
	}
	while (r->len < (size_t)n)
		if (!fill(r))
			return BH_LSP__EOF;
	char *b = bh_xmalloc((size_t)n + 1);
	memcpy(b, r->buf, (size_t)n);
	b[n] = '\0';
	consume(r, (size_t)n);
	*body = b;
	*len = (size_t)n;
	return BH_LSP__MSG;
}

bool bh_lsp__write(int fd, const char *body, size_t len)
{
	char hdr[64];
	int h = snprintf(hdr, sizeof(hdr), "Content-Length: %zu\r\n\r\n", len);
	return bh_file_write_all(fd, hdr, (size_t)h) && bh_file_write_all(fd, body, len);
}
