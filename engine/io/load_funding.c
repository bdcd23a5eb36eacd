/* funding.csv: the resources by source and year, in addition to the funding{}
 * declared in model.lua. */
#include <stdlib.h>

#include "loaders.h"
#include "mtfp/csv_in.h"
#include "mtfp/memory.h"

enum { SOURCE, YEAR, AMOUNT, COLUMNS };

static const mtfp_csv_column columns[COLUMNS] = {
    [SOURCE] = {"source", true},
    [YEAR] = {"year", true},
    [AMOUNT] = {"amount", true},
};

static mtfp_status funding_row(void *context, const mtfp_csv_record *record, mtfp_diag *diag)
{
    mtfp_model *model = context;
    if (!mtfp_csv_present(record, SOURCE))
        return mtfp_csv_error(record, SOURCE, diag,
                              "expected the name of a funding source, found an empty field");
    int start;
    MTFP_TRY(mtfp_csv_year(record, YEAR, &start, diag));
    int year = start - model->base_year;
    if (year < 0 || year > MTFP_MAX_YEARS) {
        char first[MTFP_YEAR_LABEL_MAX], last[MTFP_YEAR_LABEL_MAX];
        mtfp_model_year_label(model, 0, first);
        mtfp_model_year_label(model, MTFP_MAX_YEARS, last);
        return mtfp_csv_error(record, YEAR, diag,
                              "year %s is outside the model's years; expected %s to %s",
                              record->text[YEAR], first, last);
    }
    mtfp_pence amount;
    MTFP_TRY(mtfp_csv_money_rounding(record, AMOUNT, &model->rounding, &amount, diag));
    char *source_name = mtfp_strndup(record->text[SOURCE], record->len[SOURCE]);
    if (!source_name)
        return MTFP_ERR_MEMORY;
    mtfp_funding_source *source;
    mtfp_status status =
        mtfp_funding_add_source(&model->funding, source_name, record->path, record->line, &source);
    free(source_name);
    MTFP_TRY(status);
    if (source->given & (UINT32_C(1) << year))
        return mtfp_csv_error(record, YEAR, diag, "%s already has an amount for %s", source->name,
                              record->text[YEAR]);
    mtfp_funding_set(source, year, amount);
    return MTFP_OK;
}

mtfp_status mtfp_load_funding(mtfp_model *model, const char *path, mtfp_diag *diag)
{
    return mtfp_csv_read(path, columns, COLUMNS, funding_row, model, diag);
}
