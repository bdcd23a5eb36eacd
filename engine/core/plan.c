#include "mtfp/plan.h"

#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"

static const struct {
    const char *key;
    const char *title;
    bool in_base_year;
} summary_lines[MTFP_SUMMARY_LINES] = {
    [MTFP_SUM_BASE_BUDGET] = {"base_budget", "Base budget", false},
    [MTFP_SUM_INFLATION] = {"inflation", "Inflation", false},
    [MTFP_SUM_PRESSURES] = {"pressures", "Pressures", false},
    [MTFP_SUM_SAVINGS] = {"savings", "Savings", false},
    [MTFP_SUM_OTHER_CHANGES] = {"other_changes", "Other changes", false},
    [MTFP_SUM_NBR] = {"net_budget_requirement", "Net budget requirement", true},
    [MTFP_SUM_FUNDING] = {"funding", "Funding", true},
    [MTFP_SUM_GAP] = {"gap", "Gap", true},
    [MTFP_SUM_INCREMENTAL_GAP] = {"incremental_gap", "Incremental gap", false},
    [MTFP_SUM_CUMULATIVE_GAP] = {"cumulative_gap", "Cumulative gap", false},
};

const char *mtfp_summary_key(mtfp_summary_line line)
{
    return summary_lines[line].key;
}

const char *mtfp_summary_title(mtfp_summary_line line)
{
    return summary_lines[line].title;
}

bool mtfp_summary_in_base_year(mtfp_summary_line line)
{
    return summary_lines[line].in_base_year;
}

void mtfp_plan_init(mtfp_plan *plan, int years)
{
    memset(plan, 0, sizeof *plan);
    plan->years = years;
    plan->width = (size_t)years + 1;
}

void mtfp_plan_free(mtfp_plan *plan)
{
    free(plan->lines);
    free(plan->values);
    free(plan->audit);
    free(plan->effects);
    for (size_t i = 0; i < plan->text_count; i++)
        free(plan->texts[i]);
    free(plan->texts);
    free(plan->reserves);
    free(plan->risk_exposure);
    free(plan->risk_expected);
    mtfp_plan_init(plan, plan->years);
}

mtfp_status mtfp_plan_add_audit(mtfp_plan *plan, const mtfp_audit_entry *audit, int32_t *entry)
{
    size_t effect_cap = plan->audit_cap;
    if (plan->audit_count >= INT32_MAX ||
        mtfp_grow(&plan->audit, &plan->audit_cap, plan->audit_count + 1, sizeof *plan->audit) ||
        mtfp_grow(&plan->effects, &effect_cap, plan->audit_count + 1,
                  plan->width * sizeof *plan->effects))
        return MTFP_ERR_MEMORY;
    plan->audit[plan->audit_count] = *audit;
    memset(&plan->effects[plan->audit_count * plan->width], 0, plan->width * sizeof *plan->effects);
    *entry = (int32_t)plan->audit_count++;
    return MTFP_OK;
}

const char *mtfp_plan_keep(mtfp_plan *plan, char *text)
{
    if (!text ||
        mtfp_grow(&plan->texts, &plan->text_cap, plan->text_count + 1, sizeof *plan->texts)) {
        free(text);
        return NULL;
    }
    return plan->texts[plan->text_count++] = text;
}

mtfp_status mtfp_plan_add_effect(mtfp_plan *plan, int32_t entry, const mtfp_pence *values,
                                 mtfp_diag *diag)
{
    mtfp_pence *effects = &plan->effects[(size_t)entry * plan->width];
    const mtfp_audit_entry *audit = &plan->audit[entry];
    for (size_t y = 0; y < plan->width; y++)
        if (!mtfp_money_add(effects[y], values[y], &effects[y]))
            return mtfp_diag_error(diag, MTFP_ERR_INPUT, audit->file, audit->line, 0,
                                   "the effect of this %s on the budget is too large to add up "
                                   "in pence; check its amount and the index rates",
                                   audit->kind);
    plan->audit[entry].has_effect = true;
    return MTFP_OK;
}

mtfp_status mtfp_plan_add_line(mtfp_plan *plan, const mtfp_plan_line *line,
                               const mtfp_pence *values, mtfp_diag *diag)
{
    size_t value_cap = plan->line_cap;
    if (mtfp_grow(&plan->lines, &plan->line_cap, plan->line_count + 1, sizeof *plan->lines) ||
        mtfp_grow(&plan->values, &value_cap, plan->line_count + 1,
                  plan->width * sizeof *plan->values))
        return MTFP_ERR_MEMORY;
    plan->lines[plan->line_count] = *line;
    memcpy(&plan->values[plan->line_count * plan->width], values,
           plan->width * sizeof *plan->values);
    plan->line_count++;
    if (line->audit >= 0)
        return mtfp_plan_add_effect(plan, line->audit, values, diag);
    return MTFP_OK;
}

/* Which summary line the year-on-year change of a kind of line feeds. */
static const mtfp_summary_line change_line[MTFP_CHANGE_KINDS] = {
    [MTFP_CHANGE_BASE] = MTFP_SUM_INFLATION,
    [MTFP_CHANGE_PRESSURE] = MTFP_SUM_PRESSURES,
    [MTFP_CHANGE_SAVING] = MTFP_SUM_SAVINGS,
    [MTFP_CHANGE_OTHER] = MTFP_SUM_OTHER_CHANGES,
};

static mtfp_status overflow(mtfp_diag *diag, const char *what)
{
    return mtfp_diag_error(diag, MTFP_ERR_INPUT, NULL, 0, 0,
                           "the %s is too large to add up in pence; check the amounts", what);
}

/* Totals by kind of change and year, checked for overflow. */
static mtfp_status total_by_kind(const mtfp_plan *plan,
                                 mtfp_pence totals[MTFP_CHANGE_KINDS][MTFP_MAX_YEARS + 1],
                                 mtfp_diag *diag)
{
    memset(totals, 0, sizeof(mtfp_pence) * MTFP_CHANGE_KINDS * (MTFP_MAX_YEARS + 1));
    for (size_t i = 0; i < plan->line_count; i++) {
        uint8_t kind = plan->lines[i].change;
        if (kind >= MTFP_CHANGE_KINDS)
            continue;
        const mtfp_pence *values = &plan->values[i * plan->width];
        for (size_t y = 0; y < plan->width; y++)
            if (!mtfp_money_add(totals[kind][y], values[y], &totals[kind][y]))
                return overflow(diag, "net budget requirement");
    }
    return MTFP_OK;
}

mtfp_status mtfp_plan_summarise(mtfp_plan *plan, const mtfp_funding *funding, mtfp_diag *diag)
{
    mtfp_pence totals[MTFP_CHANGE_KINDS][MTFP_MAX_YEARS + 1];
    MTFP_TRY(total_by_kind(plan, totals, diag));
    mtfp_pence(*sum)[MTFP_MAX_YEARS + 1] = plan->summary;
    memset(plan->summary, 0, sizeof plan->summary);
    mtfp_pence cumulative = 0;
    for (int y = 0; y <= plan->years; y++) {
        mtfp_pence nbr = 0;
        for (int kind = 0; kind < MTFP_CHANGE_KINDS; kind++) {
            if (!mtfp_money_add(nbr, totals[kind][y], &nbr))
                return overflow(diag, "net budget requirement");
            if (y > 0 &&
                !mtfp_money_sub(totals[kind][y], totals[kind][y - 1], &sum[change_line[kind]][y]))
                return overflow(diag, "year-on-year change");
        }
        sum[MTFP_SUM_NBR][y] = nbr;
        if (!mtfp_funding_total(funding, y, &sum[MTFP_SUM_FUNDING][y]))
            return overflow(diag, "funding");
        if (!mtfp_money_sub(nbr, sum[MTFP_SUM_FUNDING][y], &sum[MTFP_SUM_GAP][y]))
            return overflow(diag, "gap");
        if (y == 0)
            continue;
        sum[MTFP_SUM_BASE_BUDGET][y] = sum[MTFP_SUM_NBR][y - 1];
        if (!mtfp_money_sub(sum[MTFP_SUM_GAP][y], sum[MTFP_SUM_GAP][y - 1],
                            &sum[MTFP_SUM_INCREMENTAL_GAP][y]))
            return overflow(diag, "incremental gap");
        if (!mtfp_money_add(cumulative, sum[MTFP_SUM_GAP][y], &cumulative))
            return overflow(diag, "cumulative gap");
        sum[MTFP_SUM_CUMULATIVE_GAP][y] = cumulative;
    }
    return MTFP_OK;
}

mtfp_status mtfp_plan_price_risks(mtfp_plan *plan, const mtfp_risks *risks, int base_year,
                                  mtfp_diag *diag)
{
    free(plan->risk_exposure);
    free(plan->risk_expected);
    size_t cells = (risks->count ? risks->count : 1) * plan->width;
    plan->risk_exposure = calloc(cells, sizeof *plan->risk_exposure);
    plan->risk_expected = calloc(cells, sizeof *plan->risk_expected);
    plan->risk_count = 0;
    if (!plan->risk_exposure || !plan->risk_expected)
        return MTFP_ERR_MEMORY;
    plan->risk_count = risks->count;
    memset(plan->expected_risk_cost, 0, sizeof plan->expected_risk_cost);
    for (size_t r = 0; r < risks->count; r++) {
        const mtfp_risk *risk = &risks->items[r];
        mtfp_pence *expected = &plan->risk_expected[r * plan->width];
        bool ok = mtfp_risk_figures(risks, risk, base_year, plan->years,
                                    &plan->risk_exposure[r * plan->width], expected);
        for (size_t y = 0; ok && y < plan->width; y++)
            ok = mtfp_money_add(plan->expected_risk_cost[y], expected[y],
                                &plan->expected_risk_cost[y]);
        if (!ok)
            return mtfp_diag_error(diag, MTFP_ERR_INPUT, risk->file, risk->line, 0,
                                   "with risk %s the expected cost of the risks is too large to "
                                   "add up in pence; check its impact",
                                   risk->id);
    }
    for (size_t y = 0; y < plan->width; y++)
        if (!mtfp_money_add(plan->summary[MTFP_SUM_GAP][y], plan->expected_risk_cost[y],
                            &plan->gap_with_risks[y]))
            return overflow(diag, "gap with risks");
    return MTFP_OK;
}
