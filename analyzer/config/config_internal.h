/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the policy files (config.c, baseline.c, suppress.c)
 * and by nothing else: other modules use include/bulkhead/config.h.
 */
#ifndef BULKHEAD_CONFIG_INTERNAL_H
#define BULKHEAD_CONFIG_INTERNAL_H

#include "bulkhead/common.h"
#include "bulkhead/fileio.h"
#include "bulkhead/finding.h"

/**
 * The byte column (as in bh_loc) of the error jansson placed at `line`,
 * `column` of `text`: jansson counts UTF-8 characters, Bulkhead counts
 * bytes. Returns jansson's column unchanged if the line is not in `text`,
 * and 0 for an unknown column.
 */
uint32_t bh_config__byte_column(const char *text, size_t len, int line, int column);

/**
 * Precedence between suppression kinds: inline (a person wrote a reason
 * next to the code) beats config (a project-wide decision), which beats
 * baseline (accepted debt). A policy step only overrides a weaker kind, so
 * the order in which the pipeline applies them does not matter.
 */
int bh_config__suppress_rank(bh_suppress_kind kind);

#endif
