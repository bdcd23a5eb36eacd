/* Writing a run's outputs: the pack, and the CSV files when asked, all or
 * nothing. */
#include "mtfp/write.h"

#include "mtfp/book.h"
#include "mtfp/csv_out.h"
#include "mtfp/output.h"

mtfp_status mtfp_write_outputs(const mtfp_run *run, const char *pack, bool make_pack_dir,
                               const char *csv_dir, mtfp_step_progress progress, mtfp_diag *diag)
{
    mtfp_outputs outputs;
    mtfp_outputs_init(&outputs);
    outputs.inputs_of = &run->model;
    const char *temporary;
    mtfp_status status = make_pack_dir ? mtfp_outputs_make_dir(pack, diag) : MTFP_OK;
    if (status == MTFP_OK)
        status = mtfp_outputs_add(&outputs, pack, &temporary, diag);
    if (status == MTFP_OK)
        status = mtfp_book_write(run, temporary, progress, "writing the pack", diag);
    if (status == MTFP_OK && csv_dir)
        status = mtfp_csv_write_run(run, csv_dir, &outputs, progress, "writing the CSV", diag);
    if (status == MTFP_OK)
        status = mtfp_outputs_commit(&outputs, diag);
    mtfp_outputs_free(&outputs);
    return status;
}
