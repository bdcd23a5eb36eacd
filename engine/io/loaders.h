/* The loaders of a model's input files, one per part, each in its own
 * load_<part>.c. inputs.c calls them in order with the file's path. */
#ifndef MTFP_IO_LOADERS_H
#define MTFP_IO_LOADERS_H

#include "mtfp/diag.h"
#include "mtfp/model.h"

typedef mtfp_status (*mtfp_loader)(mtfp_model *model, const char *path, mtfp_diag *diag);

mtfp_status mtfp_load_revenue(mtfp_model *model, const char *path, mtfp_diag *diag);
mtfp_status mtfp_load_funding(mtfp_model *model, const char *path, mtfp_diag *diag);
mtfp_status mtfp_load_capital(mtfp_model *model, const char *path, mtfp_diag *diag);
mtfp_status mtfp_load_paypoints(mtfp_model *model, const char *path, mtfp_diag *diag);
mtfp_status mtfp_load_establishment(mtfp_model *model, const char *path, mtfp_diag *diag);
mtfp_status mtfp_load_placements(mtfp_model *model, const char *path, mtfp_diag *diag);
mtfp_status mtfp_load_savings(mtfp_model *model, const char *path, mtfp_diag *diag);

#endif
