/* risks.csv: the risk register, one row a risk, scored likelihood x severity
 * and, when it has an impact, priced; every scenario starts with it. */
#include <math.h>

#include "loaders.h"
#include "mtfp/csv_in.h"

enum {
    ID,
    TITLE,
    SERVICE,
    LIKELIHOOD,
    SEVERITY,
    OWNER,
    MITIGATION,
    IMPACT,
    FROM,
    TO,
    PROBABILITY,
    COLUMNS
};
static const mtfp_csv_column columns[COLUMNS] = {
    [ID] = {"id", true},
    [TITLE] = {"title", true},
    [SERVICE] = {"service", false},
    [LIKELIHOOD] = {"likelihood", true},
    [SEVERITY] = {"severity", true},
    [OWNER] = {"owner", false},
    [MITIGATION] = {"mitigation", false},
    [IMPACT] = {"impact", false},
    [FROM] = {"from", false},
    [TO] = {"to", false},
    [PROBABILITY] = {"probability", false},
};

/* A score of 1 to 4: likelihood or severity. */
static mtfp_status score(const mtfp_csv_record *record, size_t i, int *out, mtfp_diag *diag)
{
    double value;
    MTFP_TRY(mtfp_csv_number(record, i, &value, diag));
    if (value != floor(value) || value < 1 || value > MTFP_RISK_SCALE)
        return mtfp_csv_error(record, i, diag, "%s %s: expected a whole number from 1 to %d",
                              columns[i].name, record->text[i], MTFP_RISK_SCALE);
    *out = (int)value;
    return MTFP_OK;
}

/* impact, from and to, and probability: a risk is priced when it has an
 * impact, which needs the first month it would cost. */
static mtfp_status pricing(const mtfp_model *model, const mtfp_csv_record *record, mtfp_risk *risk,
                           mtfp_diag *diag)
{
    risk->probability = -1;
    risk->to = MTFP_MONTH_OPEN;
    if (mtfp_csv_present(record, PROBABILITY)) {
        MTFP_TRY(mtfp_csv_number(record, PROBABILITY, &risk->probability, diag));
        if (!(risk->probability >= 0 && risk->probability <= 1))
            return mtfp_csv_error(record, PROBABILITY, diag,
                                  "probability %s: expected 0 to 1 (0.3 is 30%%)",
                                  record->text[PROBABILITY]);
    }
    risk->priced = mtfp_csv_present(record, IMPACT);
    if (!risk->priced) {
        size_t stray = mtfp_csv_present(record, FROM) ? FROM : TO;
        if (mtfp_csv_present(record, stray))
            return mtfp_csv_error(record, stray, diag,
                                  "%s is a month of the risk's impact: give impact too (pounds "
                                  "a year), or leave %s empty",
                                  columns[stray].name, columns[stray].name);
        return MTFP_OK;
    }
    MTFP_TRY(mtfp_csv_money(record, IMPACT, &risk->impact, diag));
    if (risk->impact < 0)
        return mtfp_csv_error(record, IMPACT, diag,
                              "impact is below 0: expected what the risk would cost a year, 0 "
                              "or more");
    if (!mtfp_csv_present(record, FROM))
        return mtfp_csv_error(record, IMPACT, diag,
                              "an impact needs from: the first month the risk would cost (such "
                              "as 2010-04)");
    MTFP_TRY(mtfp_csv_month(record, FROM, false, &risk->from, diag));
    if (risk->from < mtfp_model_first_month(model))
        return mtfp_csv_error(record, FROM, diag,
                              "a risk's impact starts in a projection year (the base year is "
                              "the approved budget)");
    if (mtfp_csv_present(record, TO)) {
        MTFP_TRY(mtfp_csv_month(record, TO, true, &risk->to, diag));
        if (risk->to < risk->from)
            return mtfp_csv_error(record, TO, diag, "to is before from");
    }
    return MTFP_OK;
}

/* A field as the register keeps it: NULL when empty. */
static const char *text_of(const mtfp_csv_record *record, size_t i)
{
    return mtfp_csv_present(record, i) ? record->text[i] : NULL;
}

static mtfp_status risk_row(void *context, const mtfp_csv_record *record, mtfp_diag *diag)
{
    mtfp_model *model = context;
    mtfp_risk risk = {.service = -1, .line = record->line};
    if (!mtfp_csv_present(record, ID))
        return mtfp_csv_error(record, ID, diag, "expected the risk's id, found an empty field");
    if (!mtfp_csv_present(record, TITLE))
        return mtfp_csv_error(record, TITLE, diag,
                              "expected what the risk is, found an empty field");
    int32_t known = mtfp_risks_find(&model->risks, record->text[ID], record->len[ID]);
    /* A row pasted twice would count the risk twice. */
    if (known >= 0)
        return mtfp_csv_error(record, ID, diag,
                              "risk \"%s\" is on line %d too: give each risk its own id",
                              record->text[ID], model->risks.items[known].line);
    if (mtfp_csv_present(record, SERVICE)) {
        uint32_t service;
        MTFP_TRY(mtfp_csv_name(record, SERVICE, &model->services, "service", NULL, &service, diag));
        risk.service = (int32_t)service;
    }
    MTFP_TRY(score(record, LIKELIHOOD, &risk.likelihood, diag));
    MTFP_TRY(score(record, SEVERITY, &risk.severity, diag));
    MTFP_TRY(pricing(model, record, &risk, diag));
    risk.id = (char *)record->text[ID];
    risk.title = (char *)record->text[TITLE];
    risk.owner = (char *)text_of(record, OWNER);
    risk.mitigation = (char *)text_of(record, MITIGATION);
    risk.file = (char *)record->path;
    return mtfp_risks_add(&model->risks, &risk);
}

mtfp_status mtfp_load_risks(mtfp_model *model, const char *path, mtfp_diag *diag)
{
    return mtfp_csv_read(path, columns, COLUMNS, risk_row, model, diag);
}
