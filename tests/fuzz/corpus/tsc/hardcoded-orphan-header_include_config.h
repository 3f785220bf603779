/* Included by main.c: libclang analyses it, tree-sitter only its macros. */
#ifndef CONFIG_H
#define CONFIG_H

#define SERVICE_NAME "quotesvc"
#define DB_PASSWORD "Vk3Rt8Lq2Zx6" /* tree-sitter: macros are not in the AST */

static const char *api_token = "Hq4Zm8Kt3Lw9";

#endif
