/* The projection of a scenario: revenue lines rolled forward by their indices,
 * then each item's effect by year. See plan.h for how the lines make up the
 * summary. */
#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"
#include "mtfp/plan.h"
#include "mtfp/projection.h"

typedef struct projection {
    const mtfp_model *model;
    const mtfp_scenario *scenario;
    mtfp_plan *plan;
    long double *factors; /* index id, year: factors[id * width + y] */
    int32_t risk_entry;   /* the item's risk adjustment's audit entry, or -1 */
    mtfp_diag *diag;
} projection;

static long double factor(const projection *p, uint32_t index, int year)
{
    return p->factors[(size_t)index * p->plan->width + (size_t)year];
}

static mtfp_status too_large(const projection *p, const char *file, int line, const char *what)
{
    return mtfp_diag_error(p->diag, MTFP_ERR_INPUT, file, line, 0,
                           "%s grows beyond what can be held in pence; check its amount and the "
                           "index rates",
                           what);
}

static mtfp_status roll_forward_lines(projection *p)
{
    const mtfp_model *model = p->model;
    mtfp_pence values[MTFP_MAX_YEARS + 1];
    for (size_t i = 0; i < model->line_count; i++) {
        const mtfp_revenue_line *line = &model->lines[i];
        values[0] = line->amount;
        for (int y = 1; y <= p->plan->years; y++)
            if (!mtfp_money_round((long double)line->amount * factor(p, line->index, y),
                                  &values[y]))
                return too_large(p,
                                 mtfp_model_input(model, "revenue")
                                     ? mtfp_model_input(model, "revenue")->path
                                     : NULL,
                                 line->source_line, "this revenue line");
        mtfp_plan_line plan_line = {.partner = line->partner,
                                    .service = line->service,
                                    .subjective = line->subjective,
                                    .cost_centre = line->cost_centre,
                                    .provider = line->provider,
                                    .change = MTFP_CHANGE_BASE,
                                    .audit = -1};
        MTFP_TRY(mtfp_plan_add_line(p->plan, &plan_line, values, p->diag));
    }
    return MTFP_OK;
}

/* The recurring part of the base year's forecast variance, line by line:
 * a pressure (an overspend) or a saving (an underspend) from the first
 * projection year, rolled forward by the line's index, so that the plan
 * starts from where the year will end. One audit entry a line. */
static mtfp_status project_monitoring(projection *p)
{
    const mtfp_monitoring *monitoring = &p->model->monitoring;
    const mtfp_input_file *forecast = mtfp_model_input(p->model, "forecast");
    if (!monitoring->policy.carry)
        return MTFP_OK;
    char year[MTFP_YEAR_LABEL_MAX];
    mtfp_model_year_label(p->model, 0, year);
    for (size_t i = 0; i < monitoring->count; i++) {
        const mtfp_monitoring_line *line = &monitoring->lines[i];
        const char *file = forecast ? forecast->path : NULL;
        mtfp_pence recurring;
        if (!mtfp_monitoring_recurring_variance(line, &recurring))
            return too_large(p, file, line->recurring_line, "this line's recurring variance");
        if (recurring == 0)
            continue;
        mtfp_pence values[MTFP_MAX_YEARS + 1] = {0};
        for (int y = 1; y <= p->plan->years; y++)
            if (!mtfp_money_round((long double)recurring * factor(p, line->index, y), &values[y]))
                return too_large(p, file, line->recurring_line, "this line's recurring variance");
        mtfp_change change = recurring > 0 ? MTFP_CHANGE_PRESSURE : MTFP_CHANGE_SAVING;
        const char *what = recurring > 0 ? "overspend" : "underspend";
        const char *reason = mtfp_plan_keep(
            p->plan, line->recurring_reasons ? mtfp_format("recurring %s in the base year: %s",
                                                           what, line->recurring_reasons)
                                             : mtfp_format("recurring %s in the base year", what));
        const char *title = mtfp_plan_keep(
            p->plan, mtfp_format("Recurring %s in %s: %s, %s", what, year,
                                 mtfp_names_get(&p->model->services, line->service),
                                 mtfp_subjective_name((mtfp_subjective)line->subjective)));
        if (!reason || !title)
            return MTFP_ERR_MEMORY;
        mtfp_audit_entry audit = {.kind = "monitoring",
                                  .title = title,
                                  .reason = reason,
                                  .partner = (int32_t)line->partner,
                                  .service = (int32_t)line->service,
                                  .subjective = (int32_t)line->subjective,
                                  .file = file,
                                  .line = line->recurring_line,
                                  .change = (uint8_t)change};
        int32_t entry;
        MTFP_TRY(mtfp_plan_add_audit(p->plan, &audit, &entry));
        mtfp_plan_line plan_line = {.partner = line->partner,
                                    .service = line->service,
                                    .subjective = line->subjective,
                                    .cost_centre = -1,
                                    .change = (uint8_t)change,
                                    .audit = entry};
        MTFP_TRY(mtfp_plan_add_line(p->plan, &plan_line, values, p->diag));
    }
    return MTFP_OK;
}

static mtfp_change item_change(const mtfp_item *item)
{
    switch (item->kind) {
    case MTFP_ITEM_PRESSURE:
        return MTFP_CHANGE_PRESSURE;
    case MTFP_ITEM_SAVING:
        return item->cashable ? MTFP_CHANGE_SAVING : MTFP_CHANGE_REPORTED;
    case MTFP_ITEM_ADJUST:
        return MTFP_CHANGE_OTHER;
    }
    return MTFP_CHANGE_OTHER;
}

/* The months of a year that an item covers: its share of the year is that
 * / 12, which is applied last (1/12 has no exact binary fraction). */
static int months_in(const projection *p, const mtfp_item *item, int year)
{
    return mtfp_months_in_year(p->model->base_year + year, item->from, item->to);
}

/* Add an item's values for one target as a plan line, or only to its audit
 * effect when it is reported but not budgeted. */
static mtfp_status add_effect(projection *p, const mtfp_item *item, int32_t entry,
                              const mtfp_plan_line *target, const mtfp_pence *values)
{
    if (item_change(item) == MTFP_CHANGE_REPORTED)
        return mtfp_plan_add_effect(p->plan, entry, values, p->diag);
    mtfp_plan_line line = *target;
    line.change = (uint8_t)item_change(item);
    line.audit = entry;
    MTFP_TRY(mtfp_plan_add_line(p->plan, &line, values, p->diag));
    if (p->risk_entry < 0)
        return MTFP_OK;
    /* Budgeted risk-adjusted: the part of the saving its RAG rating does not
     * expect to be delivered comes back, as a line of its own. */
    double weight = mtfp_savings_weight(&p->model->savings, item->rag);
    mtfp_pence back[MTFP_MAX_YEARS + 1];
    for (size_t y = 0; y < p->plan->width; y++) {
        mtfp_pence adjusted;
        if (!mtfp_money_round((double)values[y] * weight, &adjusted))
            return too_large(p, item->file, item->line, "this saving");
        back[y] = adjusted - values[y];
    }
    line.audit = p->risk_entry;
    return mtfp_plan_add_line(p->plan, &line, back, p->diag);
}

static mtfp_status project_amount(projection *p, const mtfp_item *item, int32_t entry)
{
    if (item->partner < 0 || item->service < 0 || item->subjective < 0)
        return mtfp_diag_error(p->diag, MTFP_ERR_INPUT, item->file, item->line, 0,
                               "an amount needs one partner, service and subjective");
    long double signed_amount =
        (long double)(item->kind == MTFP_ITEM_SAVING ? -item->amount : item->amount);
    mtfp_pence values[MTFP_MAX_YEARS + 1] = {0};
    for (int y = 1; y <= p->plan->years; y++) {
        long double grown = item->inflate ? factor(p, item->index, y) : 1.0L;
        if (!mtfp_money_round(signed_amount * grown * months_in(p, item, y) / 12, &values[y]))
            return too_large(p, item->file, item->line, "this item");
    }
    mtfp_plan_line target = {.partner = (uint32_t)item->partner,
                             .service = (uint32_t)item->service,
                             .subjective = (uint32_t)item->subjective,
                             .cost_centre = item->cost_centre,
                             .provider = (uint8_t)(item->provider >= 0 ? item->provider : 0)};
    return add_effect(p, item, entry, &target, values);
}

static bool matches(const mtfp_model *model, const mtfp_item *item, const mtfp_revenue_line *line)
{
    if ((item->partner != MTFP_ANY && (uint32_t)item->partner != line->partner) ||
        (item->service != MTFP_ANY && (uint32_t)item->service != line->service) ||
        (item->cost_centre != MTFP_ANY && item->cost_centre != line->cost_centre) ||
        (item->provider != MTFP_ANY && item->provider != line->provider) ||
        (item->group != MTFP_ANY &&
         !mtfp_model_in_group(model, line->service, (uint32_t)item->group)))
        return false;
    if (item->subjective != MTFP_ANY)
        return (uint32_t)item->subjective == line->subjective;
    /* A pressure or saving on every subjective means spend, not income. */
    return item->kind == MTFP_ITEM_ADJUST ||
           !mtfp_subjective_is_income((mtfp_subjective)line->subjective);
}

/* The effect of a percent item on one revenue line's rolled-forward values. */
static double percent_of(const mtfp_item *item, mtfp_pence value)
{
    double v = (double)value;
    switch (item->kind) {
    case MTFP_ITEM_PRESSURE:
        return item->percent * (v < 0 ? -v : v);
    case MTFP_ITEM_SAVING:
        return -item->percent * (v < 0 ? -v : v);
    case MTFP_ITEM_ADJUST:
        break;
    }
    return item->percent * v;
}

static mtfp_status project_percent(projection *p, const mtfp_item *item, int32_t entry)
{
    const mtfp_model *model = p->model;
    size_t matched = 0;
    for (size_t i = 0; i < model->line_count; i++) {
        if (!matches(model, item, &model->lines[i]))
            continue;
        /* The model's lines are the plan's first lines, in the same order. */
        const mtfp_pence *line_values = &p->plan->values[i * p->plan->width];
        mtfp_pence values[MTFP_MAX_YEARS + 1] = {0};
        for (int y = 1; y <= p->plan->years; y++)
            if (!mtfp_money_round((long double)percent_of(item, line_values[y]) *
                                      months_in(p, item, y) / 12,
                                  &values[y]))
                return too_large(p, item->file, item->line, "this item");
        mtfp_plan_line target = {.partner = model->lines[i].partner,
                                 .service = model->lines[i].service,
                                 .subjective = model->lines[i].subjective,
                                 .cost_centre = model->lines[i].cost_centre,
                                 .provider = model->lines[i].provider};
        MTFP_TRY(add_effect(p, item, entry, &target, values));
        matched++;
    }
    if (matched == 0)
        return mtfp_diag_error(p->diag, MTFP_ERR_INPUT, item->file, item->line, 0,
                               "this %s matches no revenue line: check its service, partner, "
                               "cost centre, group, provider and subjective",
                               mtfp_item_kind_name(item->kind));
    return MTFP_OK;
}

static mtfp_status project_item(projection *p, const mtfp_item *item)
{
    mtfp_audit_entry audit = {.kind = item->risk ? "risk materialised"
                                                 : mtfp_item_kind_name(item->kind),
                              .id = item->id,
                              .title = item->title,
                              .reason = item->reason,
                              .partner = item->partner,
                              .service = item->service,
                              .subjective = item->subjective,
                              .file = item->file,
                              .line = item->line,
                              .via = item->via,
                              .change = (uint8_t)item_change(item),
                              .rag = item->rag};
    int32_t entry;
    MTFP_TRY(mtfp_plan_add_audit(p->plan, &audit, &entry));
    p->risk_entry = -1;
    if (item_change(item) == MTFP_CHANGE_SAVING && p->model->savings.risk_adjusted) {
        mtfp_audit_entry risk = audit;
        risk.kind = "saving not expected (RAG)";
        risk.reason = "the part of the saving its RAG rating does not expect to be delivered";
        risk.rag_shortfall = true;
        MTFP_TRY(mtfp_plan_add_audit(p->plan, &risk, &p->risk_entry));
    }
    return item->by_percent ? project_percent(p, item, entry) : project_amount(p, item, entry);
}

/* A scheme's revenue consequences: MRP and interest under Capital Financing,
 * running costs under Premises, as other changes with one audit entry. */
static mtfp_status project_scheme(projection *p, const mtfp_capital *capital,
                                  const mtfp_scheme *scheme)
{
    mtfp_pence out[MTFP_CAPITAL_CONSEQUENCES][MTFP_MAX_YEARS + 1];
    if (!mtfp_capital_consequences(capital, scheme, p->plan->years, out))
        return too_large(p, scheme->file, scheme->line, "this scheme's borrowing");
    mtfp_audit_entry audit = {.kind = "capital",
                              .id = scheme->name,
                              .title = mtfp_names_get(&capital->programmes, scheme->programme),
                              .reason = "revenue consequences: minimum revenue provision and "
                                        "interest on borrowing, running costs",
                              .partner = (int32_t)scheme->partner,
                              .service = (int32_t)scheme->service,
                              .subjective = MTFP_SUBJ_CAPITAL_FINANCING,
                              .file = scheme->file,
                              .line = scheme->line,
                              .change = MTFP_CHANGE_OTHER};
    int32_t entry;
    MTFP_TRY(mtfp_plan_add_audit(p->plan, &audit, &entry));
    mtfp_pence financing[MTFP_MAX_YEARS + 1];
    for (int y = 0; y <= p->plan->years; y++)
        if (!mtfp_money_add(out[MTFP_CAPITAL_MRP][y], out[MTFP_CAPITAL_INTEREST][y], &financing[y]))
            return too_large(p, scheme->file, scheme->line, "this scheme's borrowing");
    mtfp_plan_line line = {.partner = scheme->partner,
                           .service = scheme->service,
                           .subjective = MTFP_SUBJ_CAPITAL_FINANCING,
                           .cost_centre = -1,
                           .change = MTFP_CHANGE_OTHER,
                           .audit = entry};
    MTFP_TRY(mtfp_plan_add_line(p->plan, &line, financing, p->diag));
    if (scheme->running_from < 0)
        return MTFP_OK;
    line.subjective = MTFP_SUBJ_PREMISES;
    return mtfp_plan_add_line(p->plan, &line, out[MTFP_CAPITAL_RUNNING_COSTS], p->diag);
}

/* A placement type's demand pressure: its cost less the base year's cost
 * rolled forward, in its service's Third Party Payments. */
static mtfp_status project_placement(projection *p, size_t t)
{
    const mtfp_placements *placements = &p->scenario->placements;
    const mtfp_placement_type *type = &placements->types[t];
    mtfp_placement_result result;
    if (!mtfp_placement_project(placements, t, p->model->base_year, p->plan->years,
                                &p->factors[type->index * p->plan->width], &result))
        return too_large(p, type->file, type->line, "this placement type's cost");
    bool any = false;
    for (int y = 1; y <= p->plan->years; y++)
        any = any || result.pressure[y] != 0;
    if (!any)
        return MTFP_OK;
    mtfp_audit_entry audit = {.kind = "placements",
                              .id = type->name,
                              .reason = "demand: placements' cost less the base year's cost "
                                        "rolled forward",
                              .partner = (int32_t)type->partner,
                              .service = (int32_t)type->service,
                              .subjective = MTFP_SUBJ_THIRD_PARTY,
                              .file = type->file,
                              .line = type->line,
                              .change = MTFP_CHANGE_PRESSURE};
    int32_t entry;
    MTFP_TRY(mtfp_plan_add_audit(p->plan, &audit, &entry));
    mtfp_plan_line line = {.partner = type->partner,
                           .service = type->service,
                           .subjective = MTFP_SUBJ_THIRD_PARTY,
                           .cost_centre = -1,
                           .change = MTFP_CHANGE_PRESSURE,
                           .audit = entry};
    return mtfp_plan_add_line(p->plan, &line, result.pressure, p->diag);
}

static mtfp_change staffing_change(mtfp_staffing_kind kind)
{
    return kind == MTFP_STAFF_ADD || kind == MTFP_STAFF_REGRADE ? MTFP_CHANGE_PRESSURE
                                                                : MTFP_CHANGE_SAVING;
}

static const char *const staffing_kinds[] = {"staffing.add", "staffing.remove",
                                             "staffing.delete_vacant", "staffing.regrade",
                                             "staffing.vacancy"};

/* The title of a staffing action's audit entry, which the savings tracker
 * shows too: the new post's title, or what the action does. */
static const char *staffing_title(projection *p, const mtfp_staffing_action *action)
{
    const mtfp_model *model = p->model;
    const char *service = action->service >= 0
                              ? mtfp_names_get(&model->services, (uint32_t)action->service)
                              : "every service";
    switch (action->kind) {
    case MTFP_STAFF_ADD:
        return action->post.title;
    case MTFP_STAFF_REMOVE:
        return mtfp_plan_keep(p->plan, mtfp_format("Post %s removed", action->post_id));
    case MTFP_STAFF_REGRADE:
        return mtfp_plan_keep(p->plan, mtfp_format("Post %s regraded", action->post_id));
    case MTFP_STAFF_DELETE_VACANT:
        if (action->category >= 0)
            return mtfp_plan_keep(p->plan,
                                  mtfp_format("Vacant %s posts deleted in %s",
                                              mtfp_names_get(&model->establishment.categories,
                                                             (uint32_t)action->category),
                                              service));
        return mtfp_plan_keep(p->plan, mtfp_format("Vacant posts deleted in %s", service));
    case MTFP_STAFF_VACANCY:
        return mtfp_plan_keep(
            p->plan, mtfp_format("Vacancy factor of %g%% in %s", action->rate * 100, service));
    }
    return NULL;
}

/* The Employees lines of one staffing action: the change in each service's
 * pay bill that it makes, applied after the actions before it. before holds
 * the bills by service and year before it; after gets them after it. */
static mtfp_status staffing_lines(projection *p, mtfp_establishment *working,
                                  const mtfp_staffing_action *action, const mtfp_pence *before,
                                  mtfp_pence *after)
{
    const mtfp_model *model = p->model;
    size_t services = model->services.count, width = p->plan->width;
    const long double *pay = &p->factors[MTFP_INDEX_PAY * width];
    /* The Audit names the service (a removed or regraded post's own) and the
     * partner that holds it, where there is one. */
    int32_t service = action->service;
    if (action->post_id) {
        const mtfp_post *post =
            mtfp_establishment_find(working, action->post_id, strlen(action->post_id));
        service = post ? (int32_t)post->service : service;
    }
    int32_t partner = service >= 0 && model->service_partner[service] >= 0
                          ? model->service_partner[service]
                          : MTFP_ANY;
    MTFP_TRY(mtfp_staffing_apply(working, action, p->diag));
    if (!mtfp_establishment_service_bills(working, services, model->base_year, p->plan->years, pay,
                                          after))
        return too_large(p, action->file, action->line, "the pay bill");
    const char *title = staffing_title(p, action);
    if (!title && action->kind != MTFP_STAFF_ADD)
        return MTFP_ERR_MEMORY;
    mtfp_audit_entry audit = {.kind = staffing_kinds[action->kind],
                              .id = action->kind == MTFP_STAFF_ADD ? action->post.id
                                                                   : action->post_id,
                              .title = title,
                              .reason = action->reason,
                              .partner = partner,
                              .service = service,
                              .subjective = MTFP_SUBJ_EMPLOYEES,
                              .file = action->file,
                              .line = action->line,
                              .via = action->via,
                              .change = (uint8_t)staffing_change(action->kind)};
    int32_t entry;
    MTFP_TRY(mtfp_plan_add_audit(p->plan, &audit, &entry));
    bool changed = false;
    for (size_t s = 0; s < services; s++) {
        mtfp_pence delta[MTFP_MAX_YEARS + 1];
        bool any = false;
        for (size_t y = 0; y < width; y++) {
            delta[y] = after[s * width + y] - before[s * width + y];
            any = any || (y > 0 && delta[y] != 0);
        }
        delta[0] = 0; /* the base year is the approved budget */
        int32_t partner = model->service_partner[s];
        changed = changed || any;
        if (!any)
            continue;
        mtfp_plan_line line = {.partner = (uint32_t)(partner >= 0 ? partner : 0),
                               .service = (uint32_t)s,
                               .subjective = MTFP_SUBJ_EMPLOYEES,
                               .cost_centre = -1,
                               .change = (uint8_t)staffing_change(action->kind),
                               .audit = entry};
        MTFP_TRY(mtfp_plan_add_line(p->plan, &line, delta, p->diag));
    }
    /* Ending posts that are not there is most likely a slip (a vacant post
     * filled, a post gone before the month). */
    char month[8];
    mtfp_month_label(action->from, month);
    if (!changed && action->kind == MTFP_STAFF_REMOVE)
        return mtfp_diag_warn(p->diag, action->file, action->line, 0,
                              "staffing.remove: post %s is not in post from %s; this changes "
                              "nothing",
                              action->post_id, month);
    if (!changed && action->kind == MTFP_STAFF_DELETE_VACANT)
        return mtfp_diag_warn(p->diag, action->file, action->line, 0,
                              "staffing.delete_vacant: no vacant post in %s from %s; this changes "
                              "nothing",
                              action->service >= 0
                                  ? mtfp_names_get(&model->services, (uint32_t)action->service)
                                  : "any service",
                              month);
    return MTFP_OK;
}

static mtfp_status project_staffing(projection *p)
{
    const mtfp_staffing_actions *actions = &p->scenario->staffing;
    if (actions->count == 0)
        return MTFP_OK;
    size_t size = (p->model->services.count ? p->model->services.count : 1) * p->plan->width;
    mtfp_pence *before = malloc(size * sizeof *before), *after = malloc(size * sizeof *after);
    mtfp_establishment working;
    mtfp_status status = before && after
                             ? mtfp_establishment_copy(&working, &p->model->establishment)
                             : MTFP_ERR_MEMORY;
    /* Each action's bills before it are the last one's after it: worked out
     * once (every post, every month of every year). */
    const mtfp_staffing_action *first = &actions->items[0];
    if (status == MTFP_OK &&
        !mtfp_establishment_service_bills(&working, p->model->services.count, p->model->base_year,
                                          p->plan->years,
                                          &p->factors[MTFP_INDEX_PAY * p->plan->width], before))
        status = too_large(p, first->file, first->line, "the pay bill");
    for (size_t i = 0; status == MTFP_OK && i < actions->count; i++) {
        status = staffing_lines(p, &working, &actions->items[i], before, after);
        mtfp_pence *was = before;
        before = after;
        after = was;
    }
    if (before && after)
        mtfp_establishment_free(&working);
    free(before);
    free(after);
    return status;
}

/* A line of the host's plan from one of a pool's other partners: its
 * contribution (income, an other change) or its share of the variance (a
 * pressure when it bears part of an overspend, a saving when part of an
 * underspend goes back to it). Each has an audit entry of its own, entering
 * the plan as its line does, so that the Audit adds up to the Summary. */
static mtfp_status pool_line(projection *p, const mtfp_pool *pool, int partner, mtfp_change change,
                             const mtfp_pence *values)
{
    bool any = false;
    for (int y = 0; y <= p->plan->years; y++)
        any = any || values[y] != 0;
    if (!any)
        return MTFP_OK;
    static const char *const what[MTFP_CHANGE_KINDS] = {
        [MTFP_CHANGE_OTHER] = "contribution",
        [MTFP_CHANGE_PRESSURE] = "share of the overspend",
        [MTFP_CHANGE_SAVING] = "share of the underspend",
    };
    static const char *const reasons[MTFP_CHANGE_KINDS] = {
        [MTFP_CHANGE_OTHER] = "the partner's contribution to the pooled budget: income to the host",
        [MTFP_CHANGE_PRESSURE] = "the part of the pooled budget's overspend that the partner "
                                 "bears, which the host does not",
        [MTFP_CHANGE_SAVING] = "the part of the pooled budget's underspend that goes back to the "
                               "partner, which the host does not keep",
    };
    const char *title =
        mtfp_plan_keep(p->plan, mtfp_format("%s: %s", pool->partners[partner].name, what[change]));
    if (!title)
        return MTFP_ERR_MEMORY;
    const char *host = pool->partners[pool->host].name;
    int32_t host_id = mtfp_names_find(&p->model->partners, host, strlen(host));
    mtfp_audit_entry audit = {.kind = "pool",
                              .id = pool->name,
                              .title = title,
                              .reason = reasons[change],
                              .partner = host_id,
                              .service = (int32_t)pool->services[0],
                              .subjective = MTFP_SUBJ_OTHER_GRANTS,
                              .file = pool->file,
                              .line = pool->line,
                              .change = (uint8_t)change};
    int32_t entry;
    MTFP_TRY(mtfp_plan_add_audit(p->plan, &audit, &entry));
    mtfp_plan_line line = {.partner = (uint32_t)host_id,
                           .service = pool->services[0],
                           .subjective = MTFP_SUBJ_OTHER_GRANTS,
                           .cost_centre = -1,
                           .change = (uint8_t)change,
                           .audit = entry};
    return mtfp_plan_add_line(p->plan, &line, values, p->diag);
}

static mtfp_status project_pool(projection *p, const mtfp_pool *pool)
{
    mtfp_pool_result result;
    if (!mtfp_pool_result_of(pool, p->plan, &result))
        return too_large(p, pool->file, pool->line, "this pooled budget");
    for (int partner = 0; partner < pool->partner_count; partner++) {
        if (partner == pool->host)
            continue;
        mtfp_pence contribution[MTFP_MAX_YEARS + 1], over[MTFP_MAX_YEARS + 1],
            under[MTFP_MAX_YEARS + 1];
        for (int y = 0; y <= p->plan->years; y++) {
            contribution[y] = -result.contribution[partner][y];
            over[y] = result.variance[y] > 0 ? -result.share[partner][y] : 0;
            under[y] = result.variance[y] < 0 ? -result.share[partner][y] : 0;
        }
        MTFP_TRY(pool_line(p, pool, partner, MTFP_CHANGE_OTHER, contribution));
        MTFP_TRY(pool_line(p, pool, partner, MTFP_CHANGE_PRESSURE, over));
        MTFP_TRY(pool_line(p, pool, partner, MTFP_CHANGE_SAVING, under));
    }
    return MTFP_OK;
}

/* A contribution to a reserve: spending in its year, in the Reserves
 * service under Appropriations (an other change). */
static mtfp_status project_contribution(projection *p, const mtfp_reserve_movement *move)
{
    const mtfp_reserves *reserves = &p->scenario->reserves;
    mtfp_audit_entry audit = {
        .kind = "reserves.contribute",
        .title = mtfp_plan_keep(
            p->plan, mtfp_format("Contribution to %s", reserves->items[move->reserve].name)),
        .reason = move->reason,
        .partner = (int32_t)reserves->partner,
        .service = (int32_t)reserves->service,
        .subjective = MTFP_SUBJ_APPROPRIATIONS,
        .file = move->file,
        .line = move->line,
        .via = move->via,
        .change = MTFP_CHANGE_OTHER};
    if (!audit.title)
        return MTFP_ERR_MEMORY;
    int32_t entry;
    MTFP_TRY(mtfp_plan_add_audit(p->plan, &audit, &entry));
    mtfp_pence values[MTFP_MAX_YEARS + 1] = {0};
    if (move->year <= p->plan->years)
        values[move->year] = move->amount;
    mtfp_plan_line line = {.partner = reserves->partner,
                           .service = reserves->service,
                           .subjective = MTFP_SUBJ_APPROPRIATIONS,
                           .cost_centre = -1,
                           .change = MTFP_CHANGE_OTHER,
                           .audit = entry};
    return mtfp_plan_add_line(p->plan, &line, values, p->diag);
}

mtfp_status mtfp_project(const mtfp_model *model, const mtfp_scenario *scenario, mtfp_plan *plan,
                         mtfp_diag *diag)
{
    const mtfp_indices *indices = &scenario->indices;
    projection p = {.model = model, .scenario = scenario, .plan = plan, .diag = diag};
    plan->service_rank = model->service_rank;
    p.factors = malloc(indices->count * plan->width * sizeof *p.factors);
    if (!p.factors)
        return MTFP_ERR_MEMORY;
    mtfp_indices_factors(indices, plan->years, p.factors);
    mtfp_status status = roll_forward_lines(&p);
    if (status == MTFP_OK)
        status = project_monitoring(&p);
    for (size_t i = 0; status == MTFP_OK && i < scenario->items.count; i++)
        status = project_item(&p, &scenario->items.items[i]);
    for (size_t i = 0; status == MTFP_OK && i < scenario->capital.count; i++)
        status = project_scheme(&p, &scenario->capital, &scenario->capital.schemes[i]);
    if (status == MTFP_OK)
        status = project_staffing(&p);
    for (size_t i = 0; status == MTFP_OK && i < scenario->placements.count; i++)
        status = project_placement(&p, i);
    for (size_t i = 0; status == MTFP_OK && i < scenario->reserves.movement_count; i++)
        if (scenario->reserves.movements[i].kind == MTFP_RESERVE_CONTRIBUTION)
            status = project_contribution(&p, &scenario->reserves.movements[i]);
    /* Pools last: their spend is their lines with every other change. */
    for (size_t i = 0; status == MTFP_OK && i < scenario->pools.count; i++)
        status = project_pool(&p, &scenario->pools.items[i]);
    free(p.factors);
    return status;
}
