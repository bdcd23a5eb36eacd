/* Budget monitoring's files (core/monitoring.h): actuals.csv, the spend and
 * income to date month by month; profile.csv, the months' shares of a
 * budget line's year; forecast.csv, the forecast outturn, whose rows marked
 * recurring carry into the plan. Each names a line of revenue.csv by
 * partner (or its service's one partner), service and subjective. */
#include <stdlib.h>
#include <string.h>

#include "loaders.h"
#include "mtfp/csv_in.h"
#include "mtfp/names.h"

/* A line's partner, service and subjective from columns partner, service
 * and subjective of record. An unknown name is an error with the closest
 * known one; with no partner, the service must have one. */
static mtfp_status line_of(const mtfp_model *model, const mtfp_csv_record *record, size_t partner,
                           size_t service, size_t subjective, uint32_t ids[3], mtfp_diag *diag)
{
    MTFP_TRY(mtfp_csv_name(record, service, &model->services, "service", NULL, &ids[1], diag));
    if (mtfp_csv_present(record, partner)) {
        MTFP_TRY(mtfp_csv_name(record, partner, &model->partners, "partner", NULL, &ids[0], diag));
    } else {
        int32_t holder = model->service_partner[ids[1]];
        if (holder < 0)
            return mtfp_csv_error(record, service, diag,
                                  "several partners hold service \"%s\": give the partner",
                                  record->text[service]);
        ids[0] = (uint32_t)holder;
    }
    const char *text = record->text[subjective] ? record->text[subjective] : "";
    if (!mtfp_csv_present(record, subjective))
        return mtfp_csv_error(record, subjective, diag,
                              "expected a subjective (e.g. Employees), found an empty field");
    int found = mtfp_subjective_find(text, record->len[subjective]);
    if (found < 0) {
        char hint[MTFP_NAME_HINT_MAX];
        return mtfp_csv_error(
            record, subjective, diag, "unknown subjective \"%s\"%s", text,
            mtfp_name_hint(mtfp_subjective_closest(text, record->len[subjective]),
                           "; expected one of CIPFA's groups, e.g. Employees, Premises, "
                           "Supplies and Services, Third Party Payments, Government Grants",
                           hint));
    }
    ids[2] = (uint32_t)found;
    return MTFP_OK;
}

/* actuals.csv */

enum { A_PARTNER, A_SERVICE, A_COST_CENTRE, A_SUBJECTIVE, A_MONTH, A_AMOUNT, A_COLUMNS };
static const mtfp_csv_column actual_columns[A_COLUMNS] = {
    [A_PARTNER] = {"partner", false},
    [A_SERVICE] = {"service", true},
    [A_COST_CENTRE] = {"cost_centre", false},
    [A_SUBJECTIVE] = {"subjective", true},
    [A_MONTH] = {"month", true},
    [A_AMOUNT] = {"amount", true},
};

/* The month of the base year a field gives: 1 (April) to 12 (March). */
static mtfp_status base_year_month(const mtfp_model *model, const mtfp_csv_record *record, size_t i,
                                   int *month, mtfp_diag *diag)
{
    mtfp_month parsed;
    char year[MTFP_YEAR_LABEL_MAX], first[8], last[8];
    mtfp_year_label(model->base_year, year);
    mtfp_month_label(mtfp_year_first_month(model->base_year), first);
    mtfp_month_label(mtfp_year_last_month(model->base_year), last);
    if (!mtfp_csv_present(record, i))
        return mtfp_csv_error(record, i, diag, "expected a month like %s, found an empty field",
                              first);
    if (!mtfp_month_parse(record->text[i], record->len[i], &parsed))
        return mtfp_csv_error(record, i, diag,
                              "\"%s\" is not a month; expected one of the base year %s, %s to %s",
                              record->text[i], year, first, last);
    if (mtfp_month_year(parsed) != model->base_year)
        return mtfp_csv_error(record, i, diag,
                              "month %s is not in the base year %s: expected a month from %s to %s",
                              record->text[i], year, first, last);
    *month = (int)(parsed - mtfp_year_first_month(model->base_year)) + 1;
    return MTFP_OK;
}

static mtfp_status actual_row(void *context, const mtfp_csv_record *record, mtfp_diag *diag)
{
    mtfp_model *model = context;
    uint32_t ids[3];
    MTFP_TRY(line_of(model, record, A_PARTNER, A_SERVICE, A_SUBJECTIVE, ids, diag));
    int month = 0;
    MTFP_TRY(base_year_month(model, record, A_MONTH, &month, diag));
    mtfp_pence amount;
    MTFP_TRY(mtfp_csv_money(record, A_AMOUNT, &amount, diag));
    mtfp_monitoring_line *line;
    MTFP_TRY(mtfp_monitoring_line_of(&model->monitoring, ids[0], ids[1], ids[2], &line));
    mtfp_status status =
        mtfp_monitoring_add_actual(&model->monitoring, line, month, amount, record->line);
    if (status == MTFP_ERR_INPUT)
        return mtfp_csv_error(record, A_AMOUNT, diag,
                              "the line's actuals for the month add up to more than mtfp can "
                              "hold");
    return status;
}

mtfp_status mtfp_load_actuals(mtfp_model *model, const char *path, mtfp_diag *diag)
{
    MTFP_TRY(mtfp_csv_read(path, actual_columns, A_COLUMNS, actual_row, model, diag));
    mtfp_monitoring_link(model);
    return MTFP_OK;
}

/* profile.csv */

enum { P_PARTNER, P_SERVICE, P_COST_CENTRE, P_SUBJECTIVE, P_PROFILE, P_COLUMNS };
static const mtfp_csv_column profile_columns[P_COLUMNS] = {
    [P_PARTNER] = {"partner", false},         [P_SERVICE] = {"service", true},
    [P_COST_CENTRE] = {"cost_centre", false}, [P_SUBJECTIVE] = {"subjective", true},
    [P_PROFILE] = {"profile", true},
};

/* A revenue line's partner, service and subjective, and the line: the
 * lines in this order let a profile find its own by halving. */
typedef struct keyed {
    uint32_t ids[3];
    size_t line;
} keyed;

static int compare_ids(const uint32_t a[3], const uint32_t b[3])
{
    for (int i = 0; i < 3; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

static int compare_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = compare_ids(x->ids, y->ids);
    return c ? c : (x->line > y->line) - (x->line < y->line);
}

typedef struct profile_load {
    mtfp_model *model;
    keyed *order;
} profile_load;

/* Twelve weights, April first, separated by spaces, commas or semicolons;
 * each 0 to 1, adding up to 1. */
static mtfp_status read_weights(const mtfp_csv_record *record, double weights[MTFP_MONTHS],
                                mtfp_diag *diag)
{
    const char *text = record->text[P_PROFILE] ? record->text[P_PROFILE] : "";
    size_t len = record->len[P_PROFILE], at = 0;
    int count = 0;
    long double sum = 0;
    while (at < len) {
        while (at < len && strchr(" \t,;", text[at]))
            at++;
        size_t start = at;
        while (at < len && !strchr(" \t,;", text[at]))
            at++;
        if (at == start)
            break;
        double weight;
        if (count < MTFP_MONTHS && !mtfp_number_parse(text + start, at - start, &weight))
            return mtfp_csv_error(record, P_PROFILE, diag,
                                  "weight %d of the profile, \"%.*s\", is not a number; expected "
                                  "twelve shares of the year such as 0.0833",
                                  count + 1, (int)(at - start), text + start);
        if (count < MTFP_MONTHS && (weight < 0 || weight > 1))
            return mtfp_csv_error(record, P_PROFILE, diag,
                                  "weight %d of the profile is %.*s; expected a share of the "
                                  "year from 0 to 1",
                                  count + 1, (int)(at - start), text + start);
        if (count < MTFP_MONTHS) {
            weights[count] = weight;
            sum += mtfp_rate_decimal(weight);
        }
        count++;
    }
    if (count != MTFP_MONTHS)
        return mtfp_csv_error(record, P_PROFILE, diag,
                              "the profile has %d weights; expected 12, April to March, "
                              "separated by spaces",
                              count);
    if (sum < 1 - MTFP_PROFILE_TOLERANCE || sum > 1 + MTFP_PROFILE_TOLERANCE)
        return mtfp_csv_error(record, P_PROFILE, diag,
                              "the profile's weights add up to %.6Lg; expected 1 (each month's "
                              "share of the year's budget)",
                              sum);
    return MTFP_OK;
}

static mtfp_status profile_row(void *context, const mtfp_csv_record *record, mtfp_diag *diag)
{
    profile_load *load = context;
    mtfp_model *model = load->model;
    uint32_t ids[3];
    MTFP_TRY(line_of(model, record, P_PARTNER, P_SERVICE, P_SUBJECTIVE, ids, diag));
    int32_t cost_centre = MTFP_ANY;
    if (mtfp_csv_present(record, P_COST_CENTRE)) {
        uint32_t id;
        MTFP_TRY(mtfp_csv_name(record, P_COST_CENTRE, &model->cost_centres, "cost centre",
                               ": revenue.csv has no such cost centre", &id, diag));
        cost_centre = (int32_t)id;
    }
    double weights[MTFP_MONTHS];
    MTFP_TRY(read_weights(record, weights, diag));
    /* The first of the lines of the partner, service and subjective. */
    size_t low = 0, high = model->line_count;
    while (low < high) {
        size_t mid = low + (high - low) / 2;
        if (compare_ids(load->order[mid].ids, ids) < 0)
            low = mid + 1;
        else
            high = mid;
    }
    size_t matched = 0;
    for (size_t i = low; i < model->line_count && !compare_ids(load->order[i].ids, ids); i++) {
        size_t r = load->order[i].line;
        if (cost_centre != MTFP_ANY && model->lines[r].cost_centre != cost_centre)
            continue;
        if (model->monitoring.profiled && model->monitoring.profiled[r])
            return mtfp_csv_error(record, P_PROFILE, diag,
                                  "line %d of revenue.csv has a profile already, from an earlier "
                                  "row: give each budget line one",
                                  model->lines[r].source_line);
        MTFP_TRY(mtfp_monitoring_set_profile(&model->monitoring, model->line_count, r, weights));
        matched++;
    }
    if (matched == 0)
        return mtfp_csv_error(
            record, P_SERVICE, diag,
            "revenue.csv has no budget of %s, %s, %s%s%s: a profile is of a "
            "budget line",
            mtfp_names_get(&model->partners, ids[0]), mtfp_names_get(&model->services, ids[1]),
            mtfp_subjective_name((mtfp_subjective)ids[2]),
            cost_centre != MTFP_ANY ? " at cost centre " : "",
            cost_centre != MTFP_ANY ? mtfp_names_get(&model->cost_centres, (uint32_t)cost_centre)
                                    : "");
    return MTFP_OK;
}

mtfp_status mtfp_load_profile(mtfp_model *model, const char *path, mtfp_diag *diag)
{
    profile_load load = {
        .model = model,
        .order = malloc((model->line_count ? model->line_count : 1) * sizeof *load.order)};
    if (!load.order)
        return MTFP_ERR_MEMORY;
    for (size_t i = 0; i < model->line_count; i++)
        load.order[i] = (keyed){
            .ids = {model->lines[i].partner, model->lines[i].service, model->lines[i].subjective},
            .line = i};
    qsort(load.order, model->line_count, sizeof *load.order, compare_keyed);
    mtfp_status status = mtfp_csv_read(path, profile_columns, P_COLUMNS, profile_row, &load, diag);
    free(load.order);
    return status;
}

/* forecast.csv */

enum { F_PARTNER, F_SERVICE, F_SUBJECTIVE, F_AMOUNT, F_REASON, F_RECURRING, F_COLUMNS };
static const mtfp_csv_column forecast_columns[F_COLUMNS] = {
    [F_PARTNER] = {"partner", false},      [F_SERVICE] = {"service", true},
    [F_SUBJECTIVE] = {"subjective", true}, [F_AMOUNT] = {"amount", true},
    [F_REASON] = {"reason", false},        [F_RECURRING] = {"recurring", true},
};

static mtfp_status forecast_row(void *context, const mtfp_csv_record *record, mtfp_diag *diag)
{
    mtfp_model *model = context;
    uint32_t ids[3];
    MTFP_TRY(line_of(model, record, F_PARTNER, F_SERVICE, F_SUBJECTIVE, ids, diag));
    mtfp_pence amount;
    MTFP_TRY(mtfp_csv_money(record, F_AMOUNT, &amount, diag));
    const char *text = record->text[F_RECURRING] ? record->text[F_RECURRING] : "";
    size_t len = record->len[F_RECURRING];
    bool recurring = mtfp_name_equal(text, len, "yes") || mtfp_name_equal(text, len, "y");
    if (!recurring && !mtfp_name_equal(text, len, "no") && !mtfp_name_equal(text, len, "n"))
        return mtfp_csv_error(record, F_RECURRING, diag,
                              "recurring \"%s\": expected yes (the spend continues into next "
                              "year) or no (one-off)",
                              text);
    mtfp_monitoring_line *line;
    MTFP_TRY(mtfp_monitoring_line_of(&model->monitoring, ids[0], ids[1], ids[2], &line));
    mtfp_status status = mtfp_monitoring_add_forecast(
        &model->monitoring, line, amount, recurring,
        mtfp_csv_present(record, F_REASON) ? record->text[F_REASON] : NULL, record->line);
    if (status == MTFP_ERR_INPUT)
        return mtfp_csv_error(record, F_AMOUNT, diag,
                              "the line's forecast adds up to more than mtfp can hold");
    return status;
}

mtfp_status mtfp_load_forecast(mtfp_model *model, const char *path, mtfp_diag *diag)
{
    MTFP_TRY(mtfp_csv_read(path, forecast_columns, F_COLUMNS, forecast_row, model, diag));
    mtfp_monitoring_link(model);
    return MTFP_OK;
}
