// SPDX-License-Identifier: MIT
// Joining the findings of several reports into one (bh_merge_finish): the
// same order, duplicates and fingerprints as a single scan of the whole.
#include "bulkhead/img.h"
#include "bulkhead/merge.h"

void bh_merge_finish(bh_findings *findings, bh_diags *diags, bool by_exposure)
{
	// Every shard reports what is outside its units (the Dockerfiles,
	// secrets, headers two parts include): bh_findings_sort_unique keeps
	// one of each. Fingerprints count repeats of one key over the whole
	// set, so they are computed again once all are in.
	bh_findings_sort_unique(findings);
	bh_findings_fingerprint(findings);
	if (by_exposure)
		bh_img_order_by_exposure(findings);
	bh_diags_sort(diags);
}
