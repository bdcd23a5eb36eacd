/* The report tables the outputs are written from: the revenue table, a
 * scenario's establishment and its Staffing table, a placement type
 * projected, and the savings tracker. */
#include "mtfp/report.h"

#include <stdlib.h>
#include <string.h>

#include "mtfp/names.h"

static int compare_rows(const mtfp_plan *plan, const mtfp_revenue_row *a, const mtfp_revenue_row *b)
{
    if (a->partner != b->partner)
        return a->partner < b->partner ? -1 : 1;
    if (a->service != b->service) {
        uint32_t ra = plan->service_rank ? plan->service_rank[a->service] : a->service;
        uint32_t rb = plan->service_rank ? plan->service_rank[b->service] : b->service;
        return ra < rb ? -1 : 1;
    }
    if (a->subjective != b->subjective)
        return a->subjective < b->subjective ? -1 : 1;
    if (a->provider != b->provider)
        return a->provider < b->provider ? -1 : 1;
    return 0;
}

static mtfp_revenue_row row_of(const mtfp_plan_line *line)
{
    return (mtfp_revenue_row){line->partner, line->service, line->subjective, line->provider};
}

/* Plan lines in row order, ties in the order they were added. */
static bool line_before(const mtfp_plan *plan, size_t a, size_t b)
{
    mtfp_revenue_row ra = row_of(&plan->lines[a]), rb = row_of(&plan->lines[b]);
    int c = compare_rows(plan, &ra, &rb);
    return c < 0 || (c == 0 && a < b);
}

/* A stable merge sort of line numbers by their row (qsort has no context
 * argument in C11). */
static void sort_lines(size_t *order, size_t *scratch, size_t count, const mtfp_plan *plan)
{
    if (count < 2)
        return;
    size_t half = count / 2;
    sort_lines(order, scratch, half, plan);
    sort_lines(order + half, scratch, count - half, plan);
    size_t i = 0, j = half, k = 0;
    while (i < half && j < count)
        scratch[k++] = line_before(plan, order[i], order[j]) ? order[i++] : order[j++];
    while (i < half)
        scratch[k++] = order[i++];
    while (j < count)
        scratch[k++] = order[j++];
    memcpy(order, scratch, count * sizeof *order);
}

mtfp_status mtfp_revenue_table_build(const mtfp_plan *plan, mtfp_revenue_table *table,
                                     mtfp_diag *diag)
{
    memset(table, 0, sizeof *table);
    table->width = plan->width;
    size_t count = plan->line_count;
    size_t *order = malloc((count ? count : 1) * sizeof *order);
    size_t *scratch = malloc((count ? count : 1) * sizeof *scratch);
    table->rows = malloc((count ? count : 1) * sizeof *table->rows);
    table->values = calloc((count ? count : 1) * plan->width, sizeof *table->values);
    mtfp_status status = MTFP_OK;
    if (!order || !scratch || !table->rows || !table->values) {
        status = MTFP_ERR_MEMORY;
        goto done;
    }
    for (size_t i = 0; i < count; i++)
        order[i] = i;
    sort_lines(order, scratch, count, plan);
    for (size_t k = 0; k < count; k++) {
        mtfp_revenue_row row = row_of(&plan->lines[order[k]]);
        if (table->row_count == 0 ||
            compare_rows(plan, &table->rows[table->row_count - 1], &row) != 0)
            table->rows[table->row_count++] = row;
        mtfp_pence *into = &table->values[(table->row_count - 1) * plan->width];
        const mtfp_pence *from = &plan->values[order[k] * plan->width];
        for (size_t y = 0; y < plan->width; y++)
            if (!mtfp_money_add(into[y], from[y], &into[y])) {
                status = mtfp_diag_error(diag, MTFP_ERR_INPUT, NULL, 0, 0,
                                         "the revenue table is too large to add up in pence; "
                                         "check the amounts");
                goto done;
            }
    }
done:
    free(order);
    free(scratch);
    if (status != MTFP_OK)
        mtfp_revenue_table_free(table);
    return status;
}

void mtfp_revenue_table_free(mtfp_revenue_table *table)
{
    free(table->rows);
    free(table->values);
    memset(table, 0, sizeof *table);
}

mtfp_status mtfp_run_establishment(const mtfp_run *run, size_t scenario, mtfp_establishment *e,
                                   mtfp_diag *diag)
{
    MTFP_TRY(mtfp_establishment_copy(e, &run->model.establishment));
    const mtfp_staffing_actions *actions = &run->scenarios[scenario].staffing;
    for (size_t i = 0; i < actions->count; i++)
        MTFP_TRY(mtfp_staffing_apply(e, &actions->items[i], diag));
    return MTFP_OK;
}

void mtfp_staffing_table_free(mtfp_staffing_table *table)
{
    free(table->fte);
    free(table->headcount);
    free(table->pay_bill);
    free(table->net_bill);
    free(table->budget);
    memset(table, 0, sizeof *table);
}

static mtfp_status fill_posts(const mtfp_run *run, const mtfp_establishment *e,
                              const long double *pay, mtfp_staffing_table *t, mtfp_diag *diag)
{
    mtfp_pence bill[MTFP_MAX_YEARS + 1];
    for (size_t i = 0; i < e->count; i++) {
        const mtfp_post *post = &e->posts[i];
        size_t cell = (post->service * t->categories + post->category) * t->width;
        if (!mtfp_post_pay_bill(e, post, run->model.base_year, run->model.years, pay, bill))
            return mtfp_diag_error(diag, MTFP_ERR_INPUT, post->file, post->line, 0,
                                   "this post's pay bill overflows");
        for (size_t y = 0; y < t->width; y++) {
            if (!mtfp_money_add(t->pay_bill[cell + y], bill[y], &t->pay_bill[cell + y]))
                return mtfp_diag_error(diag, MTFP_ERR_INPUT, post->file, post->line, 0,
                                       "with this post the pay bill of its service and "
                                       "category grows beyond what can be held in pence");
            if (mtfp_post_in_post(post, run->model.base_year + (int)y)) {
                t->fte[cell + y] += post->fte;
                t->headcount[cell + y]++;
            }
        }
    }
    return MTFP_OK;
}

/* Base's pay bill after its vacancy factor in the base year, by service,
 * into year 0 of t's. */
static mtfp_status base_year_bills(const mtfp_run *run, mtfp_staffing_table *t, mtfp_diag *diag)
{
    mtfp_establishment base;
    MTFP_TRY(mtfp_run_establishment(run, 0, &base, diag));
    static const long double no_award = 1.0L; /* the pay index's factor in the base year */
    mtfp_pence *bill = calloc(t->services + 1, sizeof *bill);
    mtfp_status status = MTFP_OK;
    if (!bill)
        status = MTFP_ERR_MEMORY;
    else if (!mtfp_establishment_service_bills(&base, t->services, run->model.base_year, 0,
                                               &no_award, bill))
        status = mtfp_diag_error(diag, MTFP_ERR_INPUT, NULL, 0, 0, "the pay bill overflows");
    for (size_t s = 0; status == MTFP_OK && s < t->services; s++)
        t->net_bill[s * t->width] = bill[s];
    free(bill);
    mtfp_establishment_free(&base);
    return status;
}

mtfp_status mtfp_staffing_table_build(const mtfp_run *run, size_t scenario, mtfp_staffing_table *t,
                                      mtfp_diag *diag)
{
    memset(t, 0, sizeof *t);
    const mtfp_plan *plan = &run->plans[scenario];
    mtfp_establishment e;
    MTFP_TRY(mtfp_run_establishment(run, scenario, &e, diag));
    t->services = run->model.services.count;
    t->categories = e.categories.count;
    t->width = plan->width;
    size_t cells = t->services * t->categories * t->width + 1, lines = t->services * t->width + 1;
    t->fte = calloc(cells, sizeof *t->fte);
    t->headcount = calloc(cells, sizeof *t->headcount);
    t->pay_bill = calloc(cells, sizeof *t->pay_bill);
    t->net_bill = calloc(lines, sizeof *t->net_bill);
    t->budget = calloc(lines, sizeof *t->budget);
    long double *factors =
        malloc(run->scenarios[scenario].indices.count * t->width * sizeof *factors);
    mtfp_status status =
        t->fte && t->headcount && t->pay_bill && t->net_bill && t->budget && factors
            ? MTFP_OK
            : MTFP_ERR_MEMORY;
    if (status == MTFP_OK) {
        mtfp_indices_factors(&run->scenarios[scenario].indices, plan->years, factors);
        const long double *pay = &factors[MTFP_INDEX_PAY * t->width];
        status = fill_posts(run, &e, pay, t, diag);
        if (status == MTFP_OK &&
            !mtfp_establishment_service_bills(&e, t->services, run->model.base_year, plan->years,
                                              pay, t->net_bill))
            status = mtfp_diag_error(diag, MTFP_ERR_INPUT, NULL, 0, 0, "the pay bill overflows");
    }
    /* The base year is the approved budget, the same in every scenario: a
     * scenario's vacancy factor, like its other changes, starts in the first
     * projection year, as it does in the plan. */
    if (status == MTFP_OK && scenario > 0)
        status = base_year_bills(run, t, diag);
    for (size_t i = 0; status == MTFP_OK && i < plan->line_count; i++)
        if (plan->lines[i].subjective == MTFP_SUBJ_EMPLOYEES)
            for (size_t y = 0; status == MTFP_OK && y < t->width; y++) {
                mtfp_pence *budget = &t->budget[plan->lines[i].service * t->width + y];
                if (!mtfp_money_add(*budget, plan->values[i * t->width + y], budget))
                    status = mtfp_diag_error(
                        diag, MTFP_ERR_INPUT, NULL, 0, 0,
                        "the Employees budget of %s is too large to add up in pence",
                        mtfp_names_get(&run->model.services, plan->lines[i].service));
            }
    free(factors);
    mtfp_establishment_free(&e);
    if (status != MTFP_OK)
        mtfp_staffing_table_free(t);
    return status;
}

mtfp_status mtfp_run_placement(const mtfp_run *run, size_t scenario, size_t t,
                               mtfp_placement_result *result, mtfp_diag *diag)
{
    const mtfp_scenario *s = &run->scenarios[scenario];
    const mtfp_placement_type *type = &s->placements.types[t];
    size_t width = (size_t)run->model.years + 1;
    long double *factors = malloc(s->indices.count * width * sizeof *factors);
    if (!factors)
        return MTFP_ERR_MEMORY;
    mtfp_indices_factors(&s->indices, run->model.years, factors);
    bool ok = mtfp_placement_project(&s->placements, t, run->model.base_year, run->model.years,
                                     &factors[type->index * width], result);
    free(factors);
    if (!ok)
        return mtfp_diag_error(diag, MTFP_ERR_INPUT, type->file, type->line, 0,
                               "this placement type's cost overflows");
    return MTFP_OK;
}

bool mtfp_audit_is_saving(const mtfp_audit_entry *entry)
{
    return (entry->change == MTFP_CHANGE_SAVING || entry->change == MTFP_CHANGE_REPORTED) &&
           !entry->rag_shortfall;
}

const char *mtfp_saving_title(const mtfp_audit_entry *entry)
{
    return entry->title ? entry->title : entry->reason ? entry->reason : "";
}

bool mtfp_saving_risk_adjusted(const mtfp_run *run, const mtfp_plan *plan, size_t entry,
                               mtfp_pence *adjusted)
{
    const mtfp_pence *planned = &plan->effects[entry * plan->width];
    /* Counted risk-adjusted, it is what the plan budgets: each line's part
     * not expected is rounded on its own (in the entry after the saving's),
     * and the lines' sum can be a penny or so from the total's. */
    if (entry + 1 < plan->audit_count && plan->audit[entry + 1].rag_shortfall) {
        const mtfp_pence *shortfall = &plan->effects[(entry + 1) * plan->width];
        for (size_t y = 0; y < plan->width; y++)
            if (!mtfp_money_add(planned[y], shortfall[y], &adjusted[y]))
                return false;
        return true;
    }
    double weight = mtfp_savings_weight(&run->model.savings, plan->audit[entry].rag);
    for (size_t y = 0; y < plan->width; y++)
        if (!mtfp_money_round((double)planned[y] * weight, &adjusted[y]))
            return false;
    return true;
}

static const struct {
    const char *key, *title;
} reserve_lines[MTFP_RESERVE_LINES] = {
    [MTFP_RESERVE_LINE_USE] = {"use_of_reserves", "Use of reserves"},
    [MTFP_RESERVE_LINE_CONTRIBUTION] = {"contribution_to_reserves", "Contribution to reserves"},
    [MTFP_RESERVE_LINE_GENERAL_CLOSING] = {"general_reserve_closing",
                                           "General reserve at the year's end"},
};

const char *mtfp_reserve_line_key(int line)
{
    return reserve_lines[line].key;
}

const char *mtfp_reserve_line_title(int line)
{
    return reserve_lines[line].title;
}

const mtfp_pence *mtfp_reserve_measure(const mtfp_plan *plan, size_t r, int measure)
{
    return &plan->reserves[(r * MTFP_RESERVE_MEASURES + (size_t)measure) * plan->width];
}

mtfp_pence mtfp_reserve_line(const mtfp_plan *plan, int line, int year)
{
    if (line == MTFP_RESERVE_LINE_GENERAL_CLOSING)
        return mtfp_reserve_measure(plan, 0, MTFP_RESERVE_CLOSING)[year];
    int measure = line == MTFP_RESERVE_LINE_USE ? MTFP_RESERVE_DRAWS : MTFP_RESERVE_CONTRIBUTIONS;
    /* Each reserve's figure is within its balance, and the balances add up
     * within the cap on amounts. */
    mtfp_pence sum = 0;
    for (size_t r = 0; r < plan->reserve_count; r++)
        sum += mtfp_reserve_measure(plan, r, measure)[year];
    return sum;
}

static const struct {
    const char *key, *title;
} risk_lines[MTFP_RISK_LINES] = {
    [MTFP_RISK_LINE_EXPECTED_COST] = {"expected_risk_cost", "Expected cost of risks"},
    [MTFP_RISK_LINE_GAP_WITH_RISKS] = {"gap_with_risks", "Gap with risks"},
};

const char *mtfp_risk_line_key(int line)
{
    return risk_lines[line].key;
}

const char *mtfp_risk_line_title(int line)
{
    return risk_lines[line].title;
}

mtfp_pence mtfp_risk_line(const mtfp_plan *plan, int line, int year)
{
    return line == MTFP_RISK_LINE_EXPECTED_COST ? plan->expected_risk_cost[year]
                                                : plan->gap_with_risks[year];
}
