// SPDX-License-Identifier: MIT
// Value checks of the secret scanner that do not need PCRE2: Shannon
// entropy and the placeholder allowlist. They run on the secret part of
// every match, after the rule's pattern and before a finding is made, and
// are what keeps documentation, templates and test fixtures quiet.
#include <ctype.h>
#include <math.h>
#include <string.h>

#include "bulkhead/secret.h"

double bh_secret_entropy(const char *s, size_t len)
{
	if (!len)
		return 0.0;
	size_t count[256] = { 0 };
	for (size_t i = 0; i < len; i++)
		count[(unsigned char)s[i]]++;
	double h = 0.0;
	for (size_t c = 0; c < 256; c++) {
		if (!count[c])
			continue;
		double p = (double)count[c] / (double)len;
		h -= p * log2(p);
	}
	return h;
}

// Words that mark a value as a stand-in, matched case-insensitively
// anywhere in it. Short generic words ("test", "demo") are not here: real
// keys contain them by chance and real leaks are often called "test".
static const char *const placeholder_words[] = {
	"example", "xxxx", "changeme", "change_me", "change-me", "placeholder",
	"dummy", "your_", "your-", "yourkey", "yourtoken", "yourpassword",
	"redacted", "replace_me", "replaceme", "insert_", "fixme", "todo",
	"****", "....", "sample_", "notasecret", "not_a_secret", "secret_here",
	"token_here", "key_here", "password_here",
};

// Values published in vendors' documentation as examples. They are valid
// syntax, so patterns match them, but they are on every docs page.
static const char *const vendor_examples[] = {
	"AKIAIOSFODNN7EXAMPLE",
	"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
	"sk_test_4eC39HqLyjWDarjtT1zdp7dc",
	"pk_test_TYooMQauvdEDq54NiTphI7jx",
	"sk_test_BQokikJOvBiI2HlWgH4olfQ2",
	"pk_test_6pRNASCoBOKtIshFeQd4XMUh",
	"SG.xxxxxxxxxxxxxxxxxxxxxx",
	"xoxb-not-a-real-token-this-will-not-work",
	"AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe",
	"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
};

static bool contains_ci(const char *s, size_t len, const char *word)
{
	size_t wl = strlen(word);
	for (size_t i = 0; i + wl <= len; i++) {
		size_t j = 0;
		while (j < wl && tolower((unsigned char)s[i + j]) == word[j])
			j++;
		if (j == wl)
			return true;
	}
	return false;
}

// Template and format syntax: ${VAR}, $(cmd), {{ .Values.x }}, <your key>,
// %s / %(name)s, $VAR and @VAR@ as a whole value.
static bool is_template(const char *s, size_t len)
{
	for (size_t i = 0; i + 1 < len; i++) {
		char a = s[i], b = s[i + 1];
		if ((a == '$' && (b == '{' || b == '(')) || (a == '{' && b == '{') ||
		    (a == '%' && (b == 's' || b == 'd' || b == '(')) || (a == '<' && isalpha((unsigned char)b)))
			return true;
	}
	if (len && (s[0] == '$' || (s[0] == '@' && s[len - 1] == '@')))
		return true;
	return false;
}

// A value with at most three distinct characters (0000, abababab) or one
// that contains a six-character run of consecutive characters in either
// direction (abcdef, 123456, 987654): typed by a person, not generated.
static bool is_patterned(const char *s, size_t len)
{
	bool seen[256] = { false };
	size_t distinct = 0;
	for (size_t i = 0; i < len; i++) {
		if (!seen[(unsigned char)s[i]]) {
			seen[(unsigned char)s[i]] = true;
			distinct++;
		}
	}
	if (len >= 4 && distinct <= 3)
		return true;
	size_t up = 1, down = 1;
	for (size_t i = 1; i < len; i++) {
		int d = (unsigned char)s[i] - (unsigned char)s[i - 1];
		bool alnum = isalnum((unsigned char)s[i]) && isalnum((unsigned char)s[i - 1]);
		up = alnum && d == 1 ? up + 1 : 1;
		down = alnum && d == -1 ? down + 1 : 1;
		if (up >= 6 || down >= 6)
			return true;
	}
	return false;
}

bool bh_secret_is_placeholder(const char *s, size_t len)
{
	for (size_t i = 0; i < BH_ARRAY_LEN(vendor_examples); i++) {
		if (strlen(vendor_examples[i]) == len && memcmp(vendor_examples[i], s, len) == 0)
			return true;
	}
	for (size_t i = 0; i < BH_ARRAY_LEN(placeholder_words); i++)
		if (contains_ci(s, len, placeholder_words[i]))
			return true;
	// A body of one repeated character after a vendor prefix: ghp_0000...
	const char *body = s;
	size_t blen = len;
	const char *us = memchr(s, '_', len < 12 ? len : 12);
	if (us && (size_t)(us - s) + 1 < len) {
		blen = len - (size_t)(us - s) - 1;
		body = us + 1;
	}
	return is_template(s, len) || is_patterned(s, len) || (body != s && is_patterned(body, blen));
}

bool bh_secret_word_is_other_word(const char *s, size_t len)
{
	static const char *const others[] = { "tokeniz", "tokenis", "secretar" };
	for (size_t i = 0; i < len; i++)
		for (size_t k = 0; k < BH_ARRAY_LEN(others); k++) {
			size_t n = strlen(others[k]);
			if (n > len - i)
				continue;
			size_t j = 0;
			while (j < n && tolower((unsigned char)s[i + j]) == others[k][j])
				j++;
			if (j == n)
				return true;
		}
	return false;
}

bool bh_secret_is_keyword(const char *s, size_t len)
{
	size_t lower = 0, upper = 0, digits = 0, joins = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (islower(c))
			lower++;
		else if (isupper(c))
			upper++;
		else if (isdigit(c))
			digits++;
		else if (c == '_' || c == '.' || c == '-')
			joins += i > 0 && i + 1 < len; // a part on each side
		else
			return false;
	}
	// One case; digits at most a fifth of the value (version numbers,
	// "qos0"), not the bulk of it as in a hexadecimal token.
	return joins && (!lower || !upper) && lower + upper > 0 && 5 * digits <= len;
}

bool bh_secret_mixes_classes(const char *s, size_t len)
{
	bool lower = false, upper = false, digit = false, symbol = false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		lower |= islower(c) != 0;
		upper |= isupper(c) != 0;
		digit |= isdigit(c) != 0;
		symbol |= !isalnum(c) && c != '_' && c != '-' && c != '.';
	}
	return symbol || (lower + upper + digit) >= 2;
}
