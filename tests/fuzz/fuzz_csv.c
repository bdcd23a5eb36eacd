/* libFuzzer: the CSV loaders (revenue, funding, capital, pay points,
 * establishment, placements, savings, actuals, profile, forecast, risks, the code
 * mapping and a ledger export through one) on any bytes. The first byte
 * picks the loader; the rest is the file. Errors are fine; crashes, leaks
 * and undefined behaviour are not. */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../engine/io/loaders.h"
#include "mtfp/memory.h"

static char path[64];

/* The revenue file as a ledger export, through a mapping of a cost centre
 * and a range of accounts. */
static mtfp_status load_ledger(mtfp_model *model, const char *path, mtfp_diag *diag)
{
    mtfp_mapping *mapping = &model->mapping;
    mtfp_centre_map centre = {.partner = mtfp_strdup("Council"),
                              .service = mtfp_strdup("Fostering"),
                              .groups = {mtfp_strdup("Looked after")}};
    mtfp_account_map range = {.from = mtfp_strdup("5000"),
                              .to = mtfp_strdup("5999"),
                              .subjective = MTFP_SUBJ_THIRD_PARTY,
                              .provider = MTFP_PROVIDER_PRIVATE};
    int earlier;
    mapping->file = mtfp_strdup("mapping.csv");
    mapping->group_levels = 1;
    mapping->loaded = true;
    if (!mapping->file || mtfp_mapping_add_centre(mapping, "C1", 2, &centre, &earlier) != MTFP_OK ||
        mtfp_mapping_add_account(mapping, &range, &earlier) != MTFP_OK)
        abort();
    return mtfp_load_revenue(model, path, diag);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    if (!path[0])
        snprintf(path, sizeof path, "/tmp/mtfp-fuzz-csv-%ld.csv", (long)getpid());
    FILE *file = fopen(path, "wb");
    if (!file)
        abort();
    fwrite(data + 1, 1, size - 1, file);
    fclose(file);
    mtfp_model model;
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    if (mtfp_model_init(&model) != MTFP_OK)
        abort();
    model.base_year = 2009;
    static const mtfp_loader loaders[] = {
        mtfp_load_revenue,   mtfp_load_funding,       mtfp_load_capital,
        mtfp_load_paypoints, mtfp_load_establishment, mtfp_load_placements,
        mtfp_load_savings,   mtfp_load_actuals,       mtfp_load_profile,
        mtfp_load_forecast,  mtfp_load_risks,         mtfp_load_mapping,
        load_ledger};
    size_t which = data[0] % (sizeof loaders / sizeof *loaders);
    if (which >= 2 && which <= 10) { /* the other parts name the revenue lines' services */
        uint32_t id;
        mtfp_names_intern(&model.partners, "Council", 7, &id);
        mtfp_names_intern(&model.services, "Schools", 7, &id);
        mtfp_revenue_line line = {.subjective = MTFP_SUBJ_EMPLOYEES, .cost_centre = -1};
        mtfp_model_add_line(&model, &line);
        mtfp_model_index_lines(&model);
    }
    if (which == 4) { /* posts name pay points */
        uint32_t grade;
        mtfp_names_intern(&model.establishment.grades, "SO1", 3, &grade);
        mtfp_pay_point point = {.grade = grade, .point = 20, .salary = 2400000};
        mtfp_establishment_add_point(&model.establishment, &point);
    }
    loaders[which](&model, path, &diag);
    mtfp_model_free(&model);
    mtfp_diag_free(&diag);
    return 0;
}
