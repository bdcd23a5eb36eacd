/* revenue.csv: the base-year revenue budget, one row per line. */
#include <string.h>

#include "loaders.h"
#include "mtfp/csv_in.h"
#include "mtfp/names.h"

enum { PARTNER, SERVICE, COST_CENTRE, SUBJECTIVE, AMOUNT, INDEX, COLUMNS };

static const mtfp_csv_column columns[COLUMNS] = {
    [PARTNER] = {"partner", true},
    [SERVICE] = {"service", true},
    [COST_CENTRE] = {"cost_centre", false},
    [SUBJECTIVE] = {"subjective", true},
    [AMOUNT] = {"amount", true},
    [INDEX] = {"index", false},
};

static mtfp_status name(const mtfp_csv_record *record, size_t i, const char *what,
                        mtfp_names *names, uint32_t *id, mtfp_diag *diag)
{
    if (!mtfp_csv_present(record, i))
        return mtfp_csv_error(record, i, diag, "expected a %s name, found an empty field", what);
    return mtfp_names_intern(names, record->text[i], record->len[i], id);
}

static mtfp_status subjective(const mtfp_csv_record *record, uint32_t *id, mtfp_diag *diag)
{
    if (!mtfp_csv_present(record, SUBJECTIVE))
        return mtfp_csv_error(record, SUBJECTIVE, diag,
                              "expected a subjective (e.g. Employees), found an empty field");
    int found = mtfp_subjective_find(record->text[SUBJECTIVE], record->len[SUBJECTIVE]);
    if (found >= 0) {
        *id = (uint32_t)found;
        return MTFP_OK;
    }
    const char *closest =
        mtfp_subjective_closest(record->text[SUBJECTIVE], record->len[SUBJECTIVE]);
    char hint[MTFP_NAME_HINT_MAX];
    return mtfp_csv_error(record, SUBJECTIVE, diag, "unknown subjective \"%s\"%s",
                          record->text[SUBJECTIVE],
                          mtfp_name_hint(closest,
                                         "; expected one of CIPFA's groups, e.g. Employees, "
                                         "Premises, Supplies and Services, Third Party Payments, "
                                         "Government Grants",
                                         hint));
}

/* The line's index: the column when given, else its subjective's default. */
static mtfp_status line_index(const mtfp_model *model, const mtfp_csv_record *record,
                              uint32_t subjective, uint32_t *id, mtfp_diag *diag)
{
    const char *text = mtfp_subjective_default_index((mtfp_subjective)subjective);
    size_t len = strlen(text);
    if (mtfp_csv_present(record, INDEX)) {
        text = record->text[INDEX];
        len = record->len[INDEX];
    }
    int32_t found = mtfp_indices_find(&model->indices, text, len);
    if (found < 0) {
        const char *names[64];
        size_t count = model->indices.count < 64 ? model->indices.count : 64;
        for (size_t i = 0; i < count; i++)
            names[i] = model->indices.items[i].name;
        const char *closest = mtfp_name_closest_of(names, count, text, len);
        char hint[MTFP_NAME_HINT_MAX];
        return mtfp_csv_error(record, INDEX, diag,
                              "unknown index \"%s\"%s; indices are pay, prices, contracts, "
                              "fees, none and those model.lua defines with index()",
                              text, mtfp_name_hint(closest, NULL, hint));
    }
    *id = (uint32_t)found;
    return MTFP_OK;
}

static mtfp_status revenue_row(void *context, const mtfp_csv_record *record, mtfp_diag *diag)
{
    mtfp_model *model = context;
    mtfp_revenue_line line = {.cost_centre = -1, .source_line = record->line};
    MTFP_TRY(name(record, PARTNER, "partner", &model->partners, &line.partner, diag));
    MTFP_TRY(name(record, SERVICE, "service", &model->services, &line.service, diag));
    if (mtfp_csv_present(record, COST_CENTRE)) {
        uint32_t cost_centre;
        MTFP_TRY(mtfp_names_intern(&model->cost_centres, record->text[COST_CENTRE],
                                   record->len[COST_CENTRE], &cost_centre));
        line.cost_centre = (int32_t)cost_centre;
    }
    MTFP_TRY(subjective(record, &line.subjective, diag));
    MTFP_TRY(mtfp_csv_money_rounding(record, AMOUNT, &model->rounding, &line.amount, diag));
    MTFP_TRY(line_index(model, record, line.subjective, &line.index, diag));
    if (mtfp_subjective_is_income((mtfp_subjective)line.subjective) && line.amount > 0)
        MTFP_TRY(mtfp_csv_warn(record, AMOUNT, diag,
                               "%s is income but the amount is positive; income is negative "
                               "(expenditure positive)",
                               mtfp_subjective_name((mtfp_subjective)line.subjective)));
    mtfp_status status = mtfp_model_add_line(model, &line);
    if (status == MTFP_ERR_INPUT)
        return mtfp_csv_error(record, AMOUNT, diag,
                              "the revenue lines add up to more than mtfp can hold: their "
                              "amounts (spend and income alike) must total at most "
                              "92,233,720,368,547,758.07");
    return status;
}

mtfp_status mtfp_load_revenue(mtfp_model *model, const char *path, mtfp_diag *diag)
{
    mtfp_status status = mtfp_csv_read(path, columns, COLUMNS, revenue_row, model, diag);
    if (status == MTFP_OK && model->line_count == 0)
        return mtfp_diag_error(diag, MTFP_ERR_INPUT, path, 0, 0,
                               "no revenue lines; expected one row per budget line");
    /* Rows in error are kept to report them all (csv_in.h): the lines that
     * were read are indexed all the same, for the other files' errors. */
    if ((status == MTFP_OK || status == MTFP_ERR_INPUT) && model->line_count > 0)
        MTFP_TRY(mtfp_model_index_lines(model));
    return status;
}
