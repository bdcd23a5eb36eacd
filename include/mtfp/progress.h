/* How long work tells its progress (the command line shows it on a
 * terminal). */
#ifndef MTFP_PROGRESS_H
#define MTFP_PROGRESS_H

#include <stddef.h>

/* Told how many evaluations of how many are done (from one thread only). */
typedef void (*mtfp_progress)(void *context, size_t done, size_t total);

/* Progress while outputs are written: the step under way (a sheet of the
 * pack, with how many of the run's scenarios it has done of total, or a CSV
 * file, with done = total = 0), then step NULL when the output is complete. */
typedef void (*mtfp_step_progress)(void *context, const char *step, size_t done, size_t total);

#endif
