/* Reconciliation: the findings that are not errors. In the base year, the
 * control totals, funding sources with years left out, and the establishment
 * and the placements against the budgets they explain; in a projected
 * scenario, grants that end while the posts they pay for stay, and budgets
 * taken below zero. */
#include "mtfp/reconcile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mtfp/names.h"
#include "mtfp/report.h"

/* The id of a control total's name in names, MTFP_ANY when it gives none, or
 * -2 when it names nothing the model has. */
static int32_t control_target(const mtfp_names *names, const char *name)
{
    if (!name)
        return MTFP_ANY;
    int32_t id = mtfp_names_find(names, name, strlen(name));
    return id >= 0 ? id : -2;
}

static mtfp_status reconcile_control(const mtfp_model *model, const mtfp_control_total *control,
                                     mtfp_diag *diag)
{
    const char *label = control->label ? control->label : "control total";
    int32_t partner = control_target(&model->partners, control->partner);
    int32_t service = control_target(&model->services, control->service);
    if (partner == -2 || service == -2) {
        const mtfp_names *names = partner == -2 ? &model->partners : &model->services;
        const char *name = partner == -2 ? control->partner : control->service;
        const char *closest = mtfp_names_closest(names, name, strlen(name));
        char hint[MTFP_NAME_HINT_MAX];
        return mtfp_diag_warn(
            diag, control->file, control->line, 0, "%s: no revenue lines for %s \"%s\"%s", label,
            partner == -2 ? "partner" : "service", name, mtfp_name_hint(closest, NULL, hint));
    }
    mtfp_pence sum = 0; /* the lines' sizes add up within int64 (mtfp_model_add_line) */
    for (size_t i = 0; i < model->line_count; i++) {
        const mtfp_revenue_line *line = &model->lines[i];
        if ((partner == MTFP_ANY || (int32_t)line->partner == partner) &&
            (service == MTFP_ANY || (int32_t)line->service == service))
            sum += line->amount;
    }
    if (sum == control->amount)
        return MTFP_OK;
    char want[MTFP_MONEY_TEXT_MAX], got[MTFP_MONEY_TEXT_MAX], diff[MTFP_MONEY_TEXT_MAX];
    mtfp_money_format_display(control->amount, want);
    mtfp_money_format_display(sum, got);
    mtfp_money_format_display(sum - control->amount, diff);
    return mtfp_diag_warn(diag, control->file, control->line, 0,
                          "%s is %s but the revenue lines add up to %s (difference %s)", label,
                          want, got, diff);
}

static mtfp_status reconcile_controls(const mtfp_model *model, mtfp_diag *diag)
{
    for (size_t i = 0; i < model->control_count; i++)
        MTFP_TRY(reconcile_control(model, &model->controls[i], diag));
    return MTFP_OK;
}

/* A year the source gives no amount for, before any end it has. */
static bool funding_missing(const mtfp_funding_source *source, int y)
{
    /* A source grown by an index has its years after its first amount. */
    if (source->index >= 0 && (source->given & ((1u << y) - 1u)))
        return false;
    return !(source->given & (1u << y)) && (source->last_year < 0 || y <= source->last_year);
}

/* One warning for each run of years a funding source leaves out ("for
 * 2009/10 to 2015/16"), not one a year. */
static mtfp_status warn_missing_funding(const mtfp_model *model, mtfp_diag *diag)
{
    for (size_t i = 0; i < model->funding.count; i++) {
        const mtfp_funding_source *source = &model->funding.sources[i];
        for (int y = 0; y <= model->years; y++) {
            if (!funding_missing(source, y))
                continue;
            int last = y;
            while (last < model->years && funding_missing(source, last + 1))
                last++;
            char first_label[MTFP_YEAR_LABEL_MAX], last_label[MTFP_YEAR_LABEL_MAX];
            mtfp_model_year_label(model, y, first_label);
            mtfp_model_year_label(model, last, last_label);
            MTFP_TRY(mtfp_diag_warn(diag, source->file, source->line, 0,
                                    "funding source \"%s\" has no amount for %s%s%s; taken as 0",
                                    source->name, first_label, last > y ? " to " : "",
                                    last > y ? last_label : ""));
            y = last;
        }
    }
    return MTFP_OK;
}

/* What a part of the model costs each service in the base year
 * (explained[s]), and which services it covers (covered[s]). */
typedef mtfp_status (*explain_fn)(const mtfp_model *model, mtfp_pence *explained, bool *covered,
                                  mtfp_diag *diag);

/* A part of the model that explains a subjective's budget (the establishment
 * the Employees lines, the placements the Third Party Payments lines): each
 * service that part covers and whose base-year cost differs from its lines by
 * more than £1 is a finding. One pass over the lines: an authority has tens
 * of thousands. */
static mtfp_status reconcile_subjective(const mtfp_model *model, explain_fn explain,
                                        mtfp_subjective subjective, const char *role,
                                        const char *what, mtfp_diag *diag)
{
    size_t services = model->services.count;
    if (services == 0)
        return MTFP_OK;
    mtfp_pence *budget = calloc(services, sizeof *budget);
    mtfp_pence *explained = calloc(services, sizeof *explained);
    bool *covered = calloc(services, sizeof *covered);
    mtfp_status status = budget && explained && covered ? MTFP_OK : MTFP_ERR_MEMORY;
    if (status == MTFP_OK)
        status = explain(model, explained, covered, diag);
    for (size_t i = 0; status == MTFP_OK && i < model->line_count; i++)
        if (model->lines[i].subjective == subjective)
            budget[model->lines[i].service] += model->lines[i].amount;
    const mtfp_input_file *input = mtfp_model_input(model, role);
    for (size_t s = 0; status == MTFP_OK && s < services; s++) {
        mtfp_pence difference = explained[s] - budget[s];
        if (!covered[s] || (difference <= 100 && difference >= -100))
            continue;
        char a[MTFP_MONEY_TEXT_MAX], b[MTFP_MONEY_TEXT_MAX], d[MTFP_MONEY_TEXT_MAX];
        mtfp_money_format_display(explained[s], a);
        mtfp_money_format_display(budget[s], b);
        mtfp_money_format_display(difference, d);
        status = mtfp_diag_warn(diag, input ? input->path : NULL, 0, 0,
                                "%s: %s %s in the base year, the %s budget is %s (difference %s)",
                                mtfp_names_get(&model->services, (uint32_t)s), what, a,
                                mtfp_subjective_name(subjective), b, d);
    }
    free(budget);
    free(explained);
    free(covered);
    return status;
}

/* The establishment's base-year pay bill, by service. */
static mtfp_status establishment_bill(const mtfp_model *model, mtfp_pence *bill, bool *staffed,
                                      mtfp_diag *diag)
{
    const long double pay = 1.0L;
    if (!mtfp_establishment_service_bills(&model->establishment, model->services.count,
                                          model->base_year, 0, &pay, bill))
        return mtfp_diag_error(diag, MTFP_ERR_INPUT, NULL, 0, 0, "the pay bill overflows");
    for (size_t i = 0; i < model->establishment.count; i++)
        staffed[model->establishment.posts[i].service] = true;
    return MTFP_OK;
}

/* The placements' base-year cost, by service. */
static mtfp_status placements_cost(const mtfp_model *model, mtfp_pence *cost, bool *placed,
                                   mtfp_diag *diag)
{
    const mtfp_placements *placements = &model->placements;
    const long double factor[1] = {1.0L};
    for (size_t t = 0; t < placements->count; t++) {
        const mtfp_placement_type *type = &placements->types[t];
        mtfp_placement_result result;
        if (!mtfp_placement_project(placements, t, model->base_year, 0, factor, &result))
            return mtfp_diag_error(diag, MTFP_ERR_INPUT, type->file, type->line, 0,
                                   "the cost overflows");
        if (!mtfp_money_add(cost[type->service], result.cost[0], &cost[type->service]))
            return mtfp_diag_error(diag, MTFP_ERR_INPUT, type->file, type->line, 0,
                                   "with this type the placements of its service cost more "
                                   "than can be held in pence");
        placed[type->service] = true;
    }
    return MTFP_OK;
}

/* model.lua's round_amounts rounded amounts with fractions of a penny: how
 * many, and what that did to their sum, to the fraction of a penny. */
static mtfp_status reconcile_rounding(const mtfp_model *model, mtfp_diag *diag)
{
    const mtfp_money_rounding *r = &model->rounding;
    if (!r->enabled || r->count == 0)
        return MTFP_OK;
    const mtfp_input_file *model_lua = mtfp_model_input(model, "model");
    uint64_t size = r->added < 0 ? (uint64_t)0 - (uint64_t)r->added : (uint64_t)r->added;
    uint64_t unit = (uint64_t)MTFP_MONEY_ADDED_UNIT * 100; /* a pound */
    char fraction[16];
    snprintf(fraction, sizeof fraction, "%011llu", (unsigned long long)(size % unit));
    for (size_t n = strlen(fraction); n > 2 && fraction[n - 1] == '0'; n--)
        fraction[n - 1] = '\0';
    return mtfp_diag_warn(diag, model_lua ? model_lua->path : NULL, r->line, 0,
                          "round_amounts: %zu amount%s in the input files had more than two "
                          "decimal places and %s rounded to the penny (half away from zero): "
                          "%s add up to £%llu.%s %s than as given",
                          r->count, r->count == 1 ? "" : "s", r->count == 1 ? "was" : "were",
                          r->count == 1 ? "it" : "they", (unsigned long long)(size / unit),
                          fraction, r->added < 0 ? "less" : "more");
}

/* Budget monitoring's findings: a line with actuals but no budget (spend
 * coded where nothing was planned), and, once half the year has gone (from
 * month 7), a budget with no actuals (a budget not being spent, or spend
 * coded elsewhere). */
static mtfp_status monitoring_findings(const mtfp_model *model, mtfp_diag *diag)
{
    const mtfp_monitoring *monitoring = &model->monitoring;
    if (monitoring->actual_rows == 0)
        return MTFP_OK;
    mtfp_monitoring_table table;
    MTFP_TRY(mtfp_monitoring_table_build(model, &table, diag));
    const mtfp_input_file *actuals = mtfp_model_input(model, "actuals");
    const mtfp_input_file *revenue = mtfp_model_input(model, "revenue");
    char month[8];
    mtfp_month_label(mtfp_year_first_month(model->base_year) + table.month - 1, month);
    mtfp_status status = MTFP_OK;
    for (size_t i = 0; status == MTFP_OK && i < table.line_count; i++) {
        const mtfp_monitoring_row *row = &table.lines[i];
        mtfp_pence budget = row->figures[MTFP_MON_BUDGET], actual = row->figures[MTFP_MON_ACTUAL];
        char amount[MTFP_MONEY_TEXT_MAX];
        const char *partner = mtfp_names_get(&model->partners, (uint32_t)row->partner);
        const char *service = mtfp_names_get(&model->services, (uint32_t)row->service);
        const char *subjective = mtfp_subjective_name((mtfp_subjective)row->subjective);
        if (row->actual_line && budget == 0 && actual != 0) {
            mtfp_money_format_display(actual, amount);
            status = mtfp_diag_warn(diag, actuals ? actuals->path : NULL, row->actual_line, 0,
                                    "%s, %s, %s: actuals of %s to %s but no budget in revenue.csv",
                                    partner, service, subjective, amount, month);
        } else if (!row->actual_line && budget != 0 && table.month > 6) {
            mtfp_money_format_display(budget, amount);
            status = mtfp_diag_warn(diag, revenue ? revenue->path : NULL, row->budget_line, 0,
                                    "%s, %s, %s: a budget of %s and no actuals to %s (month %d "
                                    "of 12)",
                                    partner, service, subjective, amount, month, table.month);
        }
    }
    mtfp_monitoring_table_free(&table);
    return status;
}

mtfp_status mtfp_reconcile_model(const mtfp_model *model, mtfp_diag *diag)
{
    MTFP_TRY(reconcile_rounding(model, diag));
    MTFP_TRY(warn_missing_funding(model, diag));
    MTFP_TRY(reconcile_controls(model, diag));
    if (model->establishment.count > 0)
        MTFP_TRY(reconcile_subjective(model, establishment_bill, MTFP_SUBJ_EMPLOYEES,
                                      "establishment", "the establishment costs", diag));
    if (model->placements.count > 0)
        MTFP_TRY(reconcile_subjective(model, placements_cost, MTFP_SUBJ_THIRD_PARTY, "placements",
                                      "placements cost", diag));
    return monitoring_findings(model, diag);
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

/* The general reserve below its minimum, and the year it runs out: the
 * first year of each, once a scenario. */
static mtfp_status general_reserve(const mtfp_run *run, size_t scenario, mtfp_diag *diag)
{
    const mtfp_scenario *s = &run->scenarios[scenario];
    const mtfp_plan *plan = &run->plans[scenario];
    const mtfp_reserves *reserves = &s->reserves;
    if (!plan->reserves || reserves->count == 0)
        return MTFP_OK;
    const mtfp_pence *closing = &plan->reserves[MTFP_RESERVE_CLOSING * plan->width];
    const char *file = s->file ? s->file : reserves->file;
    int line = s->file ? 0 : reserves->line;
    bool below = false;
    for (int y = 1; y <= plan->years; y++) {
        char label[MTFP_YEAR_LABEL_MAX], amount[MTFP_MONEY_TEXT_MAX], floor[MTFP_MONEY_TEXT_MAX];
        mtfp_model_year_label(&run->model, y, label);
        mtfp_money_format_display(closing[y], amount);
        if (closing[y] < 0) {
            return mtfp_diag_warn(diag, file, line, 0,
                                  "%s: the general reserve runs out in %s (it would close the "
                                  "year at %s)",
                                  s->name, label, amount);
        }
        if (!below && closing[y] < reserves->minimum) {
            below = true;
            mtfp_money_format_display(reserves->minimum, floor);
            MTFP_TRY(mtfp_diag_warn(diag, file, line, 0,
                                    "%s: the general reserve falls to %s in %s, below its "
                                    "minimum of %s",
                                    s->name, amount, label, floor));
        }
    }
    return MTFP_OK;
}

/* A council tax rise above the referendum limit, where it was set: in
 * model.lua (Base's) or by the scenario's script. */
static mtfp_status referendum(const mtfp_run *run, size_t scenario, mtfp_diag *diag)
{
    const mtfp_scenario *s = &run->scenarios[scenario];
    const mtfp_council_tax *tax = &s->funding.council_tax;
    if (!tax->declared || tax->referendum_limit < 0)
        return MTFP_OK;
    for (int y = 1; y <= run->model.years; y++) {
        if (tax->increase[y] <= tax->referendum_limit + 1e-12 ||
            (scenario > 0 && !tax->by_script[y]))
            continue;
        char label[MTFP_YEAR_LABEL_MAX];
        mtfp_model_year_label(&run->model, y, label);
        MTFP_TRY(
            mtfp_diag_warn(diag, tax->by_script[y] ? s->file : tax->file, tax->increase_line[y], 0,
                           "%s: council tax rises %g%% in %s, above the referendum limit "
                           "of %g%%: the rise needs a referendum",
                           s->name, tax->increase[y] * 100, label, tax->referendum_limit * 100));
    }
    return MTFP_OK;
}

mtfp_status mtfp_reconcile_plan(const mtfp_run *run, size_t scenario, mtfp_diag *diag)
{
    MTFP_TRY(grant_exit_costs(run, scenario, diag));
    MTFP_TRY(spend_below_zero(run, scenario, diag));
    MTFP_TRY(general_reserve(run, scenario, diag));
    return referendum(run, scenario, diag);
}
