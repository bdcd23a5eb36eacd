/* The loaders of a model's input files, one per part, each in its own
 * load_<part>.c. inputs.c calls them in order with the file's path. */
#ifndef MTFP_IO_LOADERS_H
#define MTFP_IO_LOADERS_H

#include "mtfp/csv_in.h"
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
mtfp_status mtfp_load_mapping(mtfp_model *model, const char *path, mtfp_diag *diag);

/* Fields the revenue file and the mapping share (load_revenue.c). A
 * subjective, required; a provider, none when the field is empty; the levels
 * of groups the record's columns give (group: 1; group1 and group2: 2; none:
 * 0), an error for group with group1, or group2 without group1. */
mtfp_status mtfp_loader_subjective(const mtfp_csv_record *record, size_t i, uint32_t *id,
                                   mtfp_diag *diag);
mtfp_status mtfp_loader_provider(const mtfp_csv_record *record, size_t i, uint8_t *provider,
                                 mtfp_diag *diag);
mtfp_status mtfp_loader_group_levels(const mtfp_csv_record *record, size_t group, size_t group1,
                                     size_t group2, int *levels, mtfp_diag *diag);

/* load_monitoring.c: the base year's actuals, budget profiles and forecast outturn. */
mtfp_status mtfp_load_actuals(mtfp_model *model, const char *path, mtfp_diag *diag);
mtfp_status mtfp_load_profile(mtfp_model *model, const char *path, mtfp_diag *diag);
mtfp_status mtfp_load_forecast(mtfp_model *model, const char *path, mtfp_diag *diag);

mtfp_status mtfp_load_risks(mtfp_model *model, const char *path, mtfp_diag *diag);

#endif
