/* The tidy CSV outputs (--csv DIR): one row per figure (SPEC.md "Command
 * line"; docs/workbook.md lists the files). */
#ifndef MTFP_CSV_OUT_H
#define MTFP_CSV_OUT_H

#include <stdio.h>

#include "mtfp/diag.h"
#include "mtfp/output.h"
#include "mtfp/progress.h"
#include "mtfp/run.h"

/* The tidy CSV files into directory dir (created if missing), through
 * outputs: summary.csv, revenue.csv and one for each other part the run has
 * (capital.csv, pools.csv, ...). progress (may be NULL) is told each file. */
mtfp_status mtfp_csv_write_run(const mtfp_run *run, const char *dir, mtfp_outputs *outputs,
                               mtfp_step_progress progress, void *context, mtfp_diag *diag);

/* A field, quoted (RFC 4180) when it holds a comma, quote or line end. */
void mtfp_csv_field(FILE *out, const char *text);

/* An amount in pounds with two decimals. */
void mtfp_csv_amount(FILE *out, mtfp_pence pence);

#endif
