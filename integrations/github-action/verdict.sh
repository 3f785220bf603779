#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The last step of the Bulkhead action: runs only when the scan exited
# non-zero and fails the job with that code, after the upload.
set -euo pipefail
case "${EXIT_CODE:-}" in
1) echo "::error::Bulkhead found issues at or above fail-on; see the code scanning results" ;;
*) echo "::error::Bulkhead exited ${EXIT_CODE:-?}: the results are incomplete (see the log above)" ;;
esac
exit "${EXIT_CODE:-2}"
