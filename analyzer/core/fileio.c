// SPDX-License-Identifier: MIT
// Bounded whole-file reads and lexical path cleaning, shared by the
// context walk, the compile database, the configuration and baselines.
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bulkhead/fileio.h"

bh_status bh_file_read_fd(char **out, size_t *len_out, int fd, uint64_t limit, int *errnum)
{
	*out = NULL;
	*len_out = 0;
	*errnum = 0;
	struct stat st;
	// Start from the size when it is known, so a regular file is read in
	// one go; a pipe reports 0 and grows from a page.
	size_t cap = 4096;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (uint64_t)st.st_size <= limit)
		cap = (size_t)st.st_size + 1;
	size_t len = 0;
	char *buf = bh_xmalloc(cap + 1);
	for (;;) {
		if (len == cap) {
			if (cap > limit)
				goto too_large;
			cap *= 2;
			buf = bh_xrealloc(buf, cap + 1);
		}
		ssize_t k = read(fd, buf + len, cap - len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			*errnum = errno;
			free(buf);
			return BH_EIO;
		}
		if (k == 0)
			break;
		len += (size_t)k;
	}
	if (len > limit)
		goto too_large;
	buf[len] = '\0';
	*out = buf;
	*len_out = len;
	return BH_OK;
too_large:
	*errnum = EFBIG;
	free(buf);
	return BH_EINVAL;
}

// write() or, at `offset`, pwrite() until every byte is out.
static bool write_loop(int fd, const char *p, size_t len, bool positioned, uint64_t offset)
{
	while (len) {
		ssize_t k = positioned ? pwrite(fd, p, len, (off_t)offset) : write(fd, p, len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return false;
		p += k;
		len -= (size_t)k;
		offset += (uint64_t)k;
	}
	return true;
}

bool bh_file_write_all(int fd, const void *data, size_t len)
{
	return write_loop(fd, data, len, false, 0);
}

bool bh_file_pwrite_all(int fd, const void *data, size_t len, uint64_t offset)
{
	return write_loop(fd, data, len, true, offset);
}

bool bh_file_pread_all(int fd, void *data, size_t len, uint64_t offset)
{
	char *p = data;
	while (len) {
		ssize_t k = pread(fd, p, len, (off_t)offset);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			if (k == 0)
				errno = EIO; // the file ends before the bytes asked for
			return false;
		}
		p += k;
		len -= (size_t)k;
		offset += (uint64_t)k;
	}
	return true;
}

static bh_status read_opened(char **out, size_t *len_out, const char *path, int flags,
			     bool regular_only, uint64_t limit, int *errnum)
{
	*out = NULL;
	*len_out = 0;
	// O_NONBLOCK: opening a FIFO must not wait for a writer.
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | flags);
	if (fd < 0) {
		*errnum = errno;
		return errno == ENOENT ? BH_ENOTFOUND : BH_EIO;
	}
	struct stat st;
	bh_status res;
	if (fstat(fd, &st) != 0) {
		*errnum = errno;
		res = BH_EIO;
	} else if (S_ISDIR(st.st_mode)) {
		*errnum = EISDIR;
		res = BH_EIO;
	} else if (regular_only && !S_ISREG(st.st_mode)) {
		*errnum = EINVAL;
		res = BH_EIO;
	} else {
		res = bh_file_read_fd(out, len_out, fd, limit, errnum);
	}
	close(fd);
	return res;
}

bh_status bh_file_read_path(char **out, size_t *len_out, const char *path, uint64_t limit,
			    int *errnum)
{
	return read_opened(out, len_out, path, 0, false, limit, errnum);
}

bh_status bh_file_read_path_nofollow(char **out, size_t *len_out, const char *path,
				     uint64_t limit, int *errnum)
{
	return read_opened(out, len_out, path, O_NOFOLLOW, true, limit, errnum);
}

size_t bh_path_clean(char *out, const char *p, size_t n)
{
	if (n == 0) {
		memcpy(out, ".", 2);
		return 1;
	}
	bool rooted = p[0] == '/';
	size_t r = 0, w = 0, dotdot = 0;
	if (rooted) {
		out[w++] = '/';
		r = dotdot = 1;
	}
	while (r < n) {
		if (p[r] == '/') {
			r++;
		} else if (p[r] == '.' && (r + 1 == n || p[r + 1] == '/')) {
			r++;
		} else if (p[r] == '.' && r + 1 < n && p[r + 1] == '.' &&
			   (r + 2 == n || p[r + 2] == '/')) {
			r += 2;
			if (w > dotdot) {
				// Back up over the last element.
				w--;
				while (w > dotdot && out[w] != '/')
					w--;
			} else if (!rooted) {
				// A relative path keeps leading "..".
				if (w > 0)
					out[w++] = '/';
				out[w++] = '.';
				out[w++] = '.';
				dotdot = w;
			}
		} else {
			if ((rooted && w != 1) || (!rooted && w != 0))
				out[w++] = '/';
			for (; r < n && p[r] != '/'; r++)
				out[w++] = p[r];
		}
	}
	if (w == 0)
		out[w++] = '.';
	out[w] = '\0';
	return w;
}
