/* The cabinet pack: the workbook (.xlsx) written from a projected run
 * (SPEC.md "The workbook"; docs/workbook.md). */
#ifndef MTFP_BOOK_H
#define MTFP_BOOK_H

#include "mtfp/diag.h"
#include "mtfp/progress.h"
#include "mtfp/run.h"

/* The cabinet pack to path (normally a temporary file of the outputs); the
 * sheets, then "compressing", which has nothing to count. progress may be
 * NULL. MTFP_ERR_OUTPUT if it cannot be written. */
mtfp_status mtfp_book_write(const mtfp_run *run, const char *path, mtfp_step_progress progress,
                            void *context, mtfp_diag *diag);

/* "libxlsxwriter 1.1.4": the version mtfp was built with. */
const char *mtfp_book_library_version(void);

#endif
