// SPDX-License-Identifier: MIT
// The number of workers a stage uses when the user gave none
// (bh_jobs_or_cores, include/bulkhead/common.h).
#include <unistd.h>

#include "bulkhead/common.h"

int bh_jobs_or_cores(int jobs)
{
	if (jobs > 0)
		return jobs;
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 && n < 1024 ? (int)n : 1;
}
