/* Reconciliation findings: what a finance lead should look at that is not an
 * error. Each is a warning in diag, for stderr and the pack's Audit sheet. */
#ifndef MTFP_RECONCILE_H
#define MTFP_RECONCILE_H

#include <stddef.h>

#include "mtfp/diag.h"
#include "mtfp/model.h"
#include "mtfp/run.h"

/* The base year's findings, once the model is loaded: funding sources with
 * years left out, control totals the revenue lines do not add up to,
 * services whose establishment or placements cost more than £1 away from
 * their Employees or Third Party Payments budget, and budget monitoring's
 * lines with actuals but no budget and (from month 7) budgets with no
 * actuals. */
mtfp_status mtfp_reconcile_model(const mtfp_model *model, mtfp_diag *diag);

/* A projected scenario's findings: a time-limited grant that ends within the
 * plan while posts it pays for stay in post, and an expenditure budget the
 * scenario's changes take below zero. */
mtfp_status mtfp_reconcile_plan(const mtfp_run *run, size_t scenario, mtfp_diag *diag);

#endif
