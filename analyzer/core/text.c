// SPDX-License-Identifier: MIT
// Byte-level text helpers shared by the escape decoders of several parsers.
#include "bulkhead/text.h"

#include <stdbool.h>

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
