/* The tidy CSV outputs (csv_out.c) and the tables of sweeps and simulations
 * (csv_analysis.c), which share how fields and amounts are written. */
#ifndef MTFP_IO_CSV_OUT_H
#define MTFP_IO_CSV_OUT_H

#include <stdbool.h>
#include <stdio.h>

#include "mtfp/run.h"

/* A field, quoted (RFC 4180) when it holds a comma, quote or line end. */
void csv_field(FILE *out, const char *text);

/* An amount in pounds with two decimals. */
void csv_amount(FILE *out, mtfp_pence pence);

/* The run is a sweep's (mtfp sweep), a simulation's (mtfp simulate). */
bool csv_swept(const mtfp_run *run);
bool csv_simulated(const mtfp_run *run);

mtfp_status csv_write_sweep(const mtfp_run *run, FILE *out, mtfp_diag *diag);
mtfp_status csv_write_tornado(const mtfp_run *run, FILE *out, mtfp_diag *diag);
mtfp_status csv_write_simulation(const mtfp_run *run, FILE *out, mtfp_diag *diag);
mtfp_status csv_write_simulation_runs(const mtfp_run *run, FILE *out, mtfp_diag *diag);

#endif
