/* What the figures rest on that no input gave: the values mtfp assumes
 * (docs/model-format.md, "What mtfp assumes"). Each is one a model may
 * leave out; those that it may not (borrowing's interest rate and asset
 * life) are errors where they are needed (mtfp_capital_check). The
 * Assumptions sheet and `mtfp check` list them. */
#ifndef MTFP_ASSUMED_H
#define MTFP_ASSUMED_H

#include <stddef.h>

#include "mtfp/run.h"

typedef struct mtfp_assumed {
    char setting[96];   /* where to give it: "staffing{ ni_threshold }" */
    char value[96];     /* what is assumed: "£0.00 a year" */
    const char *effect; /* what it changes, as a phrase */
} mtfp_assumed;

#define MTFP_ASSUMED_MAX 64

/* The values the run's figures rest on that model.lua and the inputs do not
 * give, into out (at most max, in a fixed order); returns how many. Only
 * those that matter to the run are listed: the staffing rates when there
 * are posts, the MRP method when something borrows, the RAG weights when a
 * saving is rated, an index when a revenue line follows it. */
size_t mtfp_assumed_list(const mtfp_run *run, mtfp_assumed *out, size_t max);

#endif
