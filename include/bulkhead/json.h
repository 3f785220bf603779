/* SPDX-License-Identifier: MIT */
/*
 * Small jansson helpers shared by everything that writes JSON (reports,
 * summaries).
 */
#ifndef BULKHEAD_JSON_H
#define BULKHEAD_JSON_H

#include <jansson.h>

/**
 * A JSON string for `s`: null when `s` is NULL. Bytes that are not valid
 * UTF-8 (jansson refuses those) become U+FFFD, so hostile file names and
 * messages still make a valid document. New reference; never NULL.
 */
json_t *bh_json_string(const char *s);

#endif
