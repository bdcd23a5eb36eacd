/* Writing outputs safely: every file of a run is written to a temporary file
 * beside its destination, and only when all are complete are they renamed into
 * place. A failed run removes its temporary files and leaves earlier outputs
 * untouched. */
#ifndef MTFP_OUTPUT_H
#define MTFP_OUTPUT_H

#include <stddef.h>
#include <stdio.h>

#include "mtfp/diag.h"
#include "mtfp/model.h"

typedef struct mtfp_output_file {
    char *path;      /* the destination */
    char *temporary; /* where it is written first */
} mtfp_output_file;

typedef struct mtfp_outputs {
    mtfp_output_file *files;
    size_t count;
    size_t cap;
    /* The model whose input files no output may replace (--csv given the
     * model's own directory would write revenue.csv over it), or NULL. */
    const mtfp_model *inputs_of;
} mtfp_outputs;

void mtfp_outputs_init(mtfp_outputs *outputs);
/* Remove any temporary files that were not committed, and free. */
void mtfp_outputs_free(mtfp_outputs *outputs);

/* Reserve a temporary file for destination path (created empty, so the name
 * is ours) and return its name. MTFP_ERR_OUTPUT if the directory is not
 * writable, or if what stands at path is not a file or is one of the inputs
 * (outputs->inputs_of). */
mtfp_status mtfp_outputs_add(mtfp_outputs *outputs, const char *path, const char **temporary,
                             mtfp_diag *diag);

/* Remove every temporary file not yet renamed or removed, of all outputs:
 * async-signal-safe, for a handler of SIGINT or SIGTERM, so that a run
 * stopped with Ctrl-C leaves nothing behind. */
void mtfp_outputs_abandon(void);

/* Make the directory path is in if it is not there (the default pack's
 * output/; a directory the user names must exist). */
mtfp_status mtfp_outputs_make_dir(const char *path, mtfp_diag *diag);

/* Rename every temporary file onto its destination. */
mtfp_status mtfp_outputs_commit(mtfp_outputs *outputs, mtfp_diag *diag);

#endif
