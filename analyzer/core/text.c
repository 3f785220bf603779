// SPDX-License-Identifier: MIT
// Byte-level text helpers: the escape decoders of several parsers, and
// UTF-8 checks for the JSON writers.
#include "bulkhead/text.h"

#include <stdbool.h>
#include <string.h>

bool bh_str_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

int bh_str_compare_ptrs(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int bh_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

size_t bh_utf8_encode(char *out, uint32_t cp)
{
	if (cp > 0x10FFFF)
		cp = 0xFFFD;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

// Escapes of C11 6.4.4.4 plus GNU \e; a UCN is at most 10 source bytes
// and at most 4 UTF-8 bytes, so decoding never grows the text.
long bh_c_string_decode(char *out, const char *s)
{
	size_t n = 0;
	bool in_string = false;
	for (size_t i = 0; s[i];) {
		char c = s[i];
		if (!in_string) {
			if (c == '"')
				in_string = true;
			else if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
				return -1;
			i++;
			continue;
		}
		if (c == '"') {
			in_string = false;
			i++;
			continue;
		}
		if (c != '\\') {
			out[n++] = c;
			i++;
			continue;
		}
		char e = s[i + 1];
		i += 2;
		switch (e) {
		case 'n': out[n++] = '\n'; break;
		case 't': out[n++] = '\t'; break;
		case 'r': out[n++] = '\r'; break;
		case 'a': out[n++] = '\a'; break;
		case 'b': out[n++] = '\b'; break;
		case 'f': out[n++] = '\f'; break;
		case 'v': out[n++] = '\v'; break;
		case 'e': case 'E': out[n++] = 0x1b; break; // GNU extension
		case '\\': case '\'': case '"': case '?': out[n++] = e; break;
		case 'x': {
			unsigned long v = 0;
			int d, digits = 0;
			while ((d = bh_hex_digit(s[i])) >= 0) {
				v = (v << 4) | (unsigned long)d;
				i++;
				digits++;
			}
			if (digits == 0)
				return -1;
			out[n++] = (char)(v & 0xff);
			break;
		}
		case 'u': case 'U': {
			int want = e == 'u' ? 4 : 8;
			unsigned long cp = 0;
			for (int k = 0; k < want; k++, i++) {
				int d = bh_hex_digit(s[i]);
				if (d < 0)
					return -1;
				cp = (cp << 4) | (unsigned long)d;
			}
			if (cp > 0x10ffff)
				return -1;
			// A UCN is at most 10 source bytes and at most 4 UTF-8 bytes.
			n += bh_utf8_encode(out + n, (uint32_t)cp);
			break;
		}
		default:
			if (e >= '0' && e <= '7') {
				unsigned v = (unsigned)(e - '0');
				for (int k = 0; k < 2 && s[i] >= '0' && s[i] <= '7'; k++, i++)
					v = v * 8 + (unsigned)(s[i] - '0');
				out[n++] = (char)(v & 0xff);
				break;
			}
			return -1; // unknown escape or a backslash at the very end
		}
	}
	if (in_string)
		return -1;
	out[n] = '\0';
	return (long)n;
}

int32_t bh_utf8_next(const unsigned char *s, size_t n, size_t *len)
{
	*len = n > 0 ? 1 : 0;
	if (n == 0)
		return -1;
	unsigned char c = s[0];
	if (c < 0x80)
		return c;
	size_t need;
	int32_t cp, min;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 2, cp = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 3, cp = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 4, cp = c & 0x07, min = 0x10000;
	} else {
		return -1; // continuation byte, overlong lead (C0/C1) or F5..FF
	}
	if (n < need)
		return -1;
	for (size_t i = 1; i < need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return -1;
	*len = need;
	return cp;
}

char *bh_utf8_repair(const char *s, size_t n, size_t *out_len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t bad = 0;
	for (size_t i = 0, len; i < n; i += len)
		if (bh_utf8_next(u + i, n - i, &len) < 0)
			bad++;
	*out_len = n;
	if (bad == 0)
		return NULL;
	// Each bad byte becomes the 3-byte U+FFFD.
	char *fixed = bh_xmalloc(n + 2 * bad + 1);
	size_t o = 0;
	for (size_t i = 0, len; i < n; i += len) {
		if (bh_utf8_next(u + i, n - i, &len) < 0) {
			memcpy(fixed + o, "\xEF\xBF\xBD", 3);
			o += 3;
		} else {
			memcpy(fixed + o, s + i, len);
			o += len;
		}
	}
	fixed[o] = '\0';
	*out_len = o;
	return fixed;
}
