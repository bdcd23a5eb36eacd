/* capital.csv: the capital programme, one row per scheme and year. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "loaders.h"
#include "mtfp/csv_in.h"
#include "mtfp/memory.h"

enum {
    SCHEME,
    PROGRAMME,
    SERVICE,
    PARTNER,
    YEAR,
    FIGURES, /* the capital columns, spend first, in mtfp_capital_column order */
    REASON = FIGURES + MTFP_CAPITAL_COLUMNS,
    ASSET_LIFE,
    RUNNING_COSTS,
    RUNNING_FROM,
    COLUMNS
};

static const mtfp_csv_column columns[COLUMNS] = {
    [SCHEME] = {"scheme", true},
    [PROGRAMME] = {"programme", true},
    [SERVICE] = {"service", true},
    [PARTNER] = {"partner", false},
    [YEAR] = {"year", true},
    [FIGURES + MTFP_CAPITAL_SPEND] = {"spend", true},
    [FIGURES + MTFP_CAPITAL_GRANT] = {"grant", true},
    [FIGURES + MTFP_CAPITAL_BORROWING] = {"borrowing", true},
    [FIGURES + MTFP_CAPITAL_RECEIPTS] = {"receipts", true},
    [FIGURES + MTFP_CAPITAL_CONTRIBUTIONS] = {"contributions", true},
    [FIGURES + MTFP_CAPITAL_REVENUE] = {"revenue", true},
    [REASON] = {"reason", false},
    [ASSET_LIFE] = {"asset_life", false},
    [RUNNING_COSTS] = {"running_costs", false},
    [RUNNING_FROM] = {"running_from", false},
};

/* The partner and service the scheme's revenue consequences fall to. */
static mtfp_status holder(const mtfp_model *model, const mtfp_csv_record *record,
                          mtfp_scheme *scheme, mtfp_diag *diag)
{
    MTFP_TRY(mtfp_csv_name(record, SERVICE, &model->services, "service",
                           ": revenue.csv has no such service", &scheme->service, diag));
    if (mtfp_csv_present(record, PARTNER)) {
        MTFP_TRY(mtfp_csv_name(record, PARTNER, &model->partners, "partner",
                               ": revenue.csv has no such partner", &scheme->partner, diag));
        if (!mtfp_model_holds(model, scheme->partner, scheme->service))
            return mtfp_csv_error(record, PARTNER, diag,
                                  "partner \"%s\" holds no lines of service \"%s\" in "
                                  "revenue.csv, to bear the scheme's revenue consequences",
                                  record->text[PARTNER], record->text[SERVICE]);
        return MTFP_OK;
    }
    int32_t held = model->service_partner[scheme->service];
    if (held == MTFP_SERVICE_SHARED)
        return mtfp_csv_error(record, SERVICE, diag,
                              "service \"%s\" is held by more than one partner: add a partner "
                              "column",
                              record->text[SERVICE]);
    scheme->partner = (uint32_t)held;
    return MTFP_OK;
}

static mtfp_status whole_number(const mtfp_csv_record *record, size_t i, int low, int high,
                                int *out, mtfp_diag *diag)
{
    double value;
    MTFP_TRY(mtfp_csv_number(record, i, &value, diag));
    if (value != floor(value) || value < low || value > high)
        return mtfp_csv_error(record, i, diag, "expected a whole number from %d to %d", low, high);
    *out = (int)value;
    return MTFP_OK;
}

static mtfp_status year_of(const mtfp_model *model, const mtfp_csv_record *record, size_t i,
                           int *year, mtfp_diag *diag)
{
    int start;
    MTFP_TRY(mtfp_csv_year(record, i, &start, diag));
    *year = start - model->base_year;
    if (*year < 0 || *year > MTFP_MAX_YEARS)
        return mtfp_csv_error(record, i, diag, "year %s is outside the model's years",
                              record->text[i]);
    return MTFP_OK;
}

/* Asset life and running costs: optional, on any row of the scheme. A
 * scheme has one of each, so rows that give them must agree: the last row's
 * word would otherwise replace the earlier ones' without a word. */
static mtfp_status scheme_terms(mtfp_model *model, const mtfp_csv_record *record,
                                mtfp_scheme *scheme, mtfp_diag *diag)
{
    if (mtfp_csv_present(record, ASSET_LIFE)) {
        int life = 0;
        MTFP_TRY(whole_number(record, ASSET_LIFE, 1, 200, &life, diag));
        if (scheme->asset_life && life != scheme->asset_life)
            return mtfp_csv_error(record, ASSET_LIFE, diag,
                                  "scheme \"%s\" has an asset_life of %d on an earlier row: a "
                                  "scheme has one asset life (give it on one row, or the same on "
                                  "each)",
                                  scheme->name, scheme->asset_life);
        scheme->asset_life = life;
    }
    if (mtfp_csv_present(record, RUNNING_COSTS) != mtfp_csv_present(record, RUNNING_FROM))
        return mtfp_csv_error(record, RUNNING_COSTS, diag,
                              "running_costs and running_from go together: the cost a year and "
                              "the first year it is paid");
    if (!mtfp_csv_present(record, RUNNING_COSTS))
        return MTFP_OK;
    mtfp_pence cost = 0;
    int from = 0;
    MTFP_TRY(mtfp_csv_money_rounding(record, RUNNING_COSTS, &model->rounding, &cost, diag));
    MTFP_TRY(year_of(model, record, RUNNING_FROM, &from, diag));
    if (from == 0)
        return mtfp_csv_error(record, RUNNING_FROM, diag,
                              "running costs in the base year are already in revenue.csv: give a "
                              "projection year");
    if (scheme->running_from >= 0 &&
        (cost != scheme->running_cost || from != scheme->running_from)) {
        char earlier[MTFP_MONEY_TEXT_MAX], year[MTFP_YEAR_LABEL_MAX];
        mtfp_money_format_display(scheme->running_cost, earlier);
        mtfp_model_year_label(model, scheme->running_from, year);
        return mtfp_csv_error(record, RUNNING_COSTS, diag,
                              "scheme \"%s\" has running costs of %s a year from %s on an earlier "
                              "row: a scheme has one running cost (give it on one row, or the same "
                              "on each)",
                              scheme->name, earlier, year);
    }
    scheme->running_cost = cost;
    scheme->running_from = from;
    return MTFP_OK;
}

/* The scheme a row belongs to: new, or the same programme and service as its
 * earlier rows. */
static mtfp_status scheme_of(mtfp_model *model, const mtfp_csv_record *record, mtfp_scheme **scheme,
                             mtfp_diag *diag)
{
    mtfp_capital *capital = &model->capital;
    char *name = mtfp_strndup(record->text[SCHEME], record->len[SCHEME]);
    if (!name)
        return MTFP_ERR_MEMORY;
    mtfp_scheme *found = mtfp_capital_find(capital, name);
    uint32_t programme;
    mtfp_status status = mtfp_names_intern(&capital->programmes, record->text[PROGRAMME],
                                           record->len[PROGRAMME], &programme);
    if (status == MTFP_OK && !found) {
        status = mtfp_capital_add(capital, name, programme, record->path, record->line, &found);
        if (status == MTFP_OK)
            status = holder(model, record, found, diag);
    } else if (status == MTFP_OK && found->programme != programme) {
        status = mtfp_csv_error(
            record, PROGRAMME, diag, "scheme \"%s\" is in programme \"%s\" on line %d", name,
            mtfp_names_get(&capital->programmes, found->programme), found->line);
    }
    free(name);
    *scheme = found;
    return status;
}

static mtfp_status capital_row(void *context, const mtfp_csv_record *record, mtfp_diag *diag)
{
    mtfp_model *model = context;
    static const size_t names[] = {SCHEME, PROGRAMME, SERVICE};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (!mtfp_csv_present(record, names[i]))
            return mtfp_csv_error(record, names[i], diag,
                                  "expected a %s name, found an empty field",
                                  columns[names[i]].name);
    int year;
    MTFP_TRY(year_of(model, record, YEAR, &year, diag));
    mtfp_pence figure[MTFP_CAPITAL_COLUMNS], funding = 0;
    for (int c = 0; c < MTFP_CAPITAL_COLUMNS; c++) {
        MTFP_TRY(mtfp_csv_money_rounding(record, FIGURES + (size_t)c, &model->rounding, &figure[c],
                                         diag));
        funding += c == MTFP_CAPITAL_SPEND ? 0 : figure[c];
    }
    if (funding != figure[MTFP_CAPITAL_SPEND]) {
        char spend[MTFP_MONEY_TEXT_MAX], total[MTFP_MONEY_TEXT_MAX];
        mtfp_money_format_display(figure[MTFP_CAPITAL_SPEND], spend);
        mtfp_money_format_display(funding, total);
        return mtfp_csv_error(record, FIGURES + MTFP_CAPITAL_SPEND, diag,
                              "the funding (grant, borrowing, receipts, contributions, revenue) "
                              "adds up to %s, not the spend of %s",
                              total, spend);
    }
    if (figure[MTFP_CAPITAL_SPEND] < 0 && !mtfp_csv_present(record, REASON))
        return mtfp_csv_error(record, FIGURES + MTFP_CAPITAL_SPEND, diag,
                              "negative spend needs a reason (add a reason column)");
    mtfp_scheme *scheme;
    MTFP_TRY(scheme_of(model, record, &scheme, diag));
    if (scheme->given & (UINT32_C(1) << year))
        return mtfp_csv_error(record, YEAR, diag, "scheme \"%s\" already has a row for %s",
                              scheme->name, record->text[YEAR]);
    scheme->given |= UINT32_C(1) << year;
    for (int c = 0; c < MTFP_CAPITAL_COLUMNS; c++)
        scheme->amount[c][year] = figure[c];
    return scheme_terms(model, record, scheme, diag);
}

mtfp_status mtfp_load_capital(mtfp_model *model, const char *path, mtfp_diag *diag)
{
    return mtfp_csv_read(path, columns, COLUMNS, capital_row, model, diag);
}
