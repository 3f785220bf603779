/* secret.hardcoded-password: a config parser compares each line's first
 * token with the names of its settings (mosquitto's conf.c): keywords of
 * several words, with a version number or a digit in them, not
 * credentials. */
#include <string.h>

int parse_setting(const char *token)
{
	if (!strcmp(token, "ciphers_tls1.3"))
		return 1;
	if (!strcmp(token, "queue_qos0_messages"))
		return 2;
	if (!strcmp(token, "tls_engine_kpass_sha1"))
		return 3;
	if (!strcmp(token, "MAX_INFLIGHT_V5"))
		return 4;
	return 0;
}
