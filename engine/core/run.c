#include "mtfp/run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"
#include "mtfp/names.h"
#include "mtfp/path.h"
#include "mtfp/staffing.h"

mtfp_status mtfp_run_init(mtfp_run *run)
{
    memset(run, 0, sizeof *run);
    mtfp_settings_init(&run->settings);
    mtfp_diag_init(&run->findings);
    return mtfp_model_init(&run->model);
}

void mtfp_run_free(mtfp_run *run)
{
    for (size_t i = 0; i < run->count; i++) {
        mtfp_plan_free(&run->plans[i]);
        mtfp_scenario_free(&run->scenarios[i]);
    }
    free(run->plans);
    free(run->scenarios);
    if (run->sweep)
        mtfp_sweep_free(run->sweep);
    free(run->sweep);
    for (size_t i = 0; i < run->simulation_count; i++)
        mtfp_simulation_free(&run->simulations[i]);
    free(run->simulations);
    mtfp_settings_free(&run->settings);
    mtfp_model_free(&run->model);
    mtfp_diag_free(&run->findings);
    memset(run, 0, sizeof *run);
}

mtfp_status mtfp_run_add_scenario(mtfp_run *run, const char *name, const char *file,
                                  mtfp_scenario **scenario)
{
    /* Both arrays grow from the same capacity to the same need, so run->cap
     * serves both. */
    size_t plan_cap = run->cap;
    if (mtfp_grow(&run->scenarios, &run->cap, run->count + 1, sizeof *run->scenarios) ||
        mtfp_grow(&run->plans, &plan_cap, run->count + 1, sizeof *run->plans))
        return MTFP_ERR_MEMORY;
    mtfp_plan_init(&run->plans[run->count], run->model.years);
    mtfp_scenario *added = &run->scenarios[run->count];
    run->count++; /* counted before init so that mtfp_run_free frees a half-made one */
    MTFP_TRY(mtfp_scenario_init(added, &run->model, name, file));
    *scenario = added;
    return MTFP_OK;
}

mtfp_status mtfp_run_unknown_param(const mtfp_run *run, const char *option, const char *name,
                                   mtfp_diag *diag)
{
    size_t count = 0;
    for (size_t s = 0; s < run->count; s++)
        count += run->scenarios[s].param_count;
    const char **names = malloc((count ? count : 1) * sizeof *names);
    if (!names)
        return MTFP_ERR_MEMORY;
    count = 0;
    for (size_t s = 0; s < run->count; s++)
        for (size_t p = 0; p < run->scenarios[s].param_count; p++)
            names[count++] = run->scenarios[s].params[p].name;
    const char *closest = mtfp_name_closest_of(names, count, name, strlen(name));
    mtfp_status status = mtfp_diag_error(
        diag, MTFP_ERR_USAGE, NULL, 0, 0,
        "%s %s: no scenario script asks for param(\"%s\", ...)%s%s%s", option, name, name,
        closest ? " (did you mean \"" : "", closest ? closest : "", closest ? "\"?)" : "");
    free(names);
    return status;
}

bool mtfp_run_has_capital(const mtfp_run *run)
{
    for (size_t i = 0; i < run->count; i++)
        if (run->scenarios[i].capital.count > 0)
            return true;
    return false;
}

bool mtfp_run_has_pools(const mtfp_run *run)
{
    return run->model.pools.count > 0;
}

bool mtfp_run_has_staffing(const mtfp_run *run)
{
    return run->model.establishment.count > 0;
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

bool mtfp_run_has_placements(const mtfp_run *run)
{
    return run->model.placements.count > 0;
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

bool mtfp_run_has_savings(const mtfp_run *run)
{
    for (size_t s = 0; s < run->count; s++)
        for (size_t a = 0; a < run->plans[s].audit_count; a++)
            if (mtfp_audit_is_saving(&run->plans[s].audit[a]))
                return true;
    return false;
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

/* A time-limited grant that ends within the plan while posts it pays for
 * stay in post: the plan keeps their cost without the grant. Said as a
 * finding, with the posts' cost in the first year without it. */
static mtfp_status grant_exit_costs(const mtfp_run *run, size_t scenario, mtfp_diag *diag)
{
    const mtfp_scenario *s = &run->scenarios[scenario];
    int years = run->model.years;
    mtfp_establishment e;
    mtfp_status status = mtfp_run_establishment(run, scenario, &e, diag);
    long double *factors = malloc(s->indices.count * ((size_t)years + 1) * sizeof *factors);
    if (status == MTFP_OK && !factors)
        status = MTFP_ERR_MEMORY;
    if (factors)
        mtfp_indices_factors(&s->indices, years, factors);
    for (size_t g = 0; status == MTFP_OK && g < s->funding.count; g++) {
        const mtfp_funding_source *grant = &s->funding.sources[g];
        int after = grant->last_year + 1;
        if (grant->last_year < 0 || after > years)
            continue;
        mtfp_pence exit_cost = 0;
        size_t posts = 0;
        for (size_t i = 0; i < e.count; i++) {
            const mtfp_post *post = &e.posts[i];
            mtfp_pence bill[MTFP_MAX_YEARS + 1];
            if (!post->funding ||
                !mtfp_name_equal(post->funding, strlen(post->funding), grant->name) ||
                !mtfp_post_pay_bill(&e, post, run->model.base_year, years,
                                    &factors[MTFP_INDEX_PAY * ((size_t)years + 1)], bill) ||
                bill[after] == 0)
                continue;
            if (!mtfp_money_add(exit_cost, bill[after], &exit_cost)) {
                status = mtfp_diag_error(diag, MTFP_ERR_INPUT, grant->file, grant->line, 0,
                                         "the pay bill of the posts this grant pays for grows "
                                         "beyond what can be held in pence");
                break;
            }
            posts++;
        }
        if (status != MTFP_OK || posts == 0)
            continue;
        char label[MTFP_YEAR_LABEL_MAX], cost[MTFP_MONEY_TEXT_MAX];
        mtfp_model_year_label(&run->model, after, label);
        mtfp_money_format_display(exit_cost, cost);
        status =
            mtfp_diag_warn(diag, grant->file, grant->line, 0,
                           "%s: \"%s\" ends before %s but %zu post%s it pays for stay, "
                           "costing %s in %s without it",
                           s->name, grant->name, label, posts, posts == 1 ? "" : "s", cost, label);
    }
    free(factors);
    mtfp_establishment_free(&e);
    return status;
}

/* An expenditure budget (a partner's service's subjective) that the
 * scenario's changes take below zero in a projection year, having been zero
 * or more in the base year: more taken off than it holds, most likely an
 * amount with a digit too many. A finding, once a budget, at its first such
 * year. */
static mtfp_status spend_below_zero(const mtfp_run *run, size_t scenario, mtfp_diag *diag)
{
    const mtfp_scenario *s = &run->scenarios[scenario];
    const mtfp_model *model = &run->model;
    mtfp_revenue_table table;
    MTFP_TRY(mtfp_revenue_table_build(&run->plans[scenario], &table, diag));
    mtfp_status status = MTFP_OK;
    for (size_t r = 0; status == MTFP_OK && r < table.row_count; r++) {
        const mtfp_revenue_row *row = &table.rows[r];
        const mtfp_pence *values = &table.values[r * table.width];
        if (mtfp_subjective_is_income((mtfp_subjective)row->subjective) || values[0] < 0)
            continue;
        for (int y = 1; y <= model->years; y++) {
            if (values[y] >= 0)
                continue;
            char label[MTFP_YEAR_LABEL_MAX], amount[MTFP_MONEY_TEXT_MAX];
            mtfp_model_year_label(model, y, label);
            mtfp_money_format_display(values[y], amount);
            status = mtfp_diag_warn(diag, s->file, 0, 0,
                                    "%s: the %s budget of %s (%s) is %s in %s: the changes take "
                                    "more off it than it holds",
                                    s->name, mtfp_subjective_name((mtfp_subjective)row->subjective),
                                    mtfp_names_get(&model->services, row->service),
                                    mtfp_names_get(&model->partners, row->partner), amount, label);
            break;
        }
    }
    mtfp_revenue_table_free(&table);
    return status;
}

/* Scenario i's summary. A total too large for pence has no line of its own:
 * the error names the scenario and its script (model.lua for Base). */
static mtfp_status summarise(mtfp_run *run, size_t i, mtfp_diag *diag)
{
    const mtfp_scenario *s = &run->scenarios[i];
    mtfp_status status = mtfp_plan_summarise(&run->plans[i], &s->funding, diag);
    if (status != MTFP_ERR_INPUT || diag->file[0])
        return status;
    char *model_lua = s->file ? NULL : mtfp_path_join(run->model.dir, "model.lua");
    char message[MTFP_DIAG_MESSAGE_MAX];
    snprintf(message, sizeof message, "%s", diag->message);
    status = mtfp_diag_error(diag, status, s->file ? s->file : model_lua, 0, 0, "%s: %s", s->name,
                             message);
    free(model_lua);
    return status;
}

mtfp_status mtfp_run_project(mtfp_run *run, mtfp_diag *diag)
{
    for (size_t i = 0; i < run->count; i++) {
        mtfp_plan_free(&run->plans[i]);
        mtfp_plan_init(&run->plans[i], run->model.years);
        MTFP_TRY(mtfp_project(&run->model, &run->scenarios[i], &run->plans[i], diag));
        MTFP_TRY(summarise(run, i, diag));
        MTFP_TRY(grant_exit_costs(run, i, diag));
        MTFP_TRY(spend_below_zero(run, i, diag));
    }
    return MTFP_OK;
}
