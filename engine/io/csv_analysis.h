/* The CSV tables of sweeps (sweep.csv, tornado.csv) and simulations
 * (simulation.csv, simulation-runs.csv, simulation-risks.csv), which csv_out.c writes with the
 * run's other tables. */
#ifndef MTFP_IO_CSV_ANALYSIS_H
#define MTFP_IO_CSV_ANALYSIS_H

#include <stdbool.h>
#include <stdio.h>

#include "mtfp/run.h"

/* The run is a sweep's (mtfp sweep), a simulation's (mtfp simulate). */
bool mtfp_csv_swept(const mtfp_run *run);
bool mtfp_csv_simulated(const mtfp_run *run);

mtfp_status mtfp_csv_write_sweep(const mtfp_run *run, FILE *out, mtfp_diag *diag);
mtfp_status mtfp_csv_write_tornado(const mtfp_run *run, FILE *out, mtfp_diag *diag);
mtfp_status mtfp_csv_write_tornado_by_year(const mtfp_run *run, FILE *out, mtfp_diag *diag);
mtfp_status mtfp_csv_write_simulation(const mtfp_run *run, FILE *out, mtfp_diag *diag);
mtfp_status mtfp_csv_write_simulation_runs(const mtfp_run *run, FILE *out, mtfp_diag *diag);
mtfp_status mtfp_csv_write_simulation_risks(const mtfp_run *run, FILE *out, mtfp_diag *diag);

#endif
