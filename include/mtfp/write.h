/* Writing a run's outputs (the pipeline's last step). */
#ifndef MTFP_WRITE_H
#define MTFP_WRITE_H

#include <stdbool.h>

#include "mtfp/diag.h"
#include "mtfp/progress.h"
#include "mtfp/run.h"

/* The pack to pack (its directory made first when make_pack_dir) and, with
 * csv_dir, the CSV files into csv_dir: all or nothing, an earlier output
 * left as it was if any fails. progress (may be NULL) is told each step,
 * with the context "writing the pack" or "writing the CSV". */
mtfp_status mtfp_write_outputs(const mtfp_run *run, const char *pack, bool make_pack_dir,
                               const char *csv_dir, mtfp_step_progress progress, mtfp_diag *diag);

#endif
