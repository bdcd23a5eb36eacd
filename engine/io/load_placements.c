/* placements.csv: placement types in the base year, one row a type. */
#include <stdlib.h>
#include <string.h>

#include "loaders.h"
#include "mtfp/csv_in.h"
#include "mtfp/memory.h"

enum { TYPE, SERVICE, COUNT, WEEKLY, ARRIVALS, WEEKS, INDEX, COLUMNS };
static const mtfp_csv_column columns[COLUMNS] = {
    [TYPE] = {"type", true},         [SERVICE] = {"service", true},
    [COUNT] = {"count", true},       [WEEKLY] = {"weekly_cost", true},
    [ARRIVALS] = {"arrivals", true}, [WEEKS] = {"average_weeks", true},
    [INDEX] = {"index", false},
};

static mtfp_status not_negative(const mtfp_csv_record *record, size_t i, double *out,
                                mtfp_diag *diag)
{
    MTFP_TRY(mtfp_csv_number(record, i, out, diag));
    if (*out < 0 || *out > 1e6)
        return mtfp_csv_error(record, i, diag, "%s %s: expected 0 or more", columns[i].name,
                              record->text[i]);
    return MTFP_OK;
}

static mtfp_status service_of(const mtfp_model *model, const mtfp_csv_record *record,
                              mtfp_placement_type *type, mtfp_diag *diag)
{
    uint32_t found;
    MTFP_TRY(mtfp_csv_name(record, SERVICE, &model->services, "service", NULL, &found, diag));
    type->service = found;
    int32_t partner = model->service_partner[found];
    type->partner = (uint32_t)(partner >= 0 ? partner : 0);
    return MTFP_OK;
}

static mtfp_status type_row(void *context, const mtfp_csv_record *record, mtfp_diag *diag)
{
    mtfp_model *model = context;
    mtfp_placement_type type = {0};
    if (!mtfp_csv_present(record, TYPE))
        return mtfp_csv_error(record, TYPE, diag,
                              "expected a placement type, found an empty field");
    int32_t twin = mtfp_placements_find(&model->placements, record->text[TYPE], record->len[TYPE]);
    if (twin >= 0)
        return mtfp_csv_error(record, TYPE, diag,
                              "placement type \"%s\" is given twice (also line %d, as \"%s\")",
                              record->text[TYPE], model->placements.types[twin].line,
                              model->placements.types[twin].name);
    MTFP_TRY(service_of(model, record, &type, diag));
    MTFP_TRY(not_negative(record, COUNT, &type.count, diag));
    MTFP_TRY(mtfp_csv_money_rounding(record, WEEKLY, &model->rounding, &type.weekly, diag));
    if (type.weekly <= 0)
        return mtfp_csv_error(record, WEEKLY, diag, "expected a weekly cost above 0");
    MTFP_TRY(not_negative(record, ARRIVALS, &type.arrivals, diag));
    MTFP_TRY(not_negative(record, WEEKS, &type.average_weeks, diag));
    if (type.average_weeks <= 0)
        return mtfp_csv_error(record, WEEKS, diag, "expected an average stay above 0 weeks");
    const char *index = mtfp_csv_present(record, INDEX) ? record->text[INDEX] : "contracts";
    int32_t found = mtfp_indices_find(&model->indices, index, strlen(index));
    if (found < 0)
        return mtfp_csv_error(record, INDEX, diag, "unknown index \"%s\"", index);
    type.index = (uint32_t)found;
    type.line = record->line;
    type.name = mtfp_strndup(record->text[TYPE], record->len[TYPE]);
    type.file = mtfp_strdup(record->path);
    if (!type.name || !type.file) {
        free(type.name);
        free(type.file);
        return MTFP_ERR_MEMORY;
    }
    return mtfp_placements_add(&model->placements, &type);
}

mtfp_status mtfp_load_placements(mtfp_model *model, const char *path, mtfp_diag *diag)
{
    return mtfp_csv_read(path, columns, COLUMNS, type_row, model, diag);
}
