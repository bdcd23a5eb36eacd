/* The values a run assumes (include/mtfp/assumed.h). */
#include "mtfp/assumed.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct list {
    mtfp_assumed *out;
    size_t max;
    size_t count;
} list;

static void add(list *l, const char *setting, const char *effect, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void add(list *l, const char *setting, const char *effect, const char *fmt, ...)
{
    if (l->count == l->max)
        return;
    mtfp_assumed *a = &l->out[l->count++];
    snprintf(a->setting, sizeof a->setting, "%s", setting);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->value, sizeof a->value, fmt, ap);
    va_end(ap);
    a->effect = effect;
}

/* Something borrows, in the model or in a scenario. */
static bool borrows(const mtfp_run *run)
{
    for (size_t s = 0; s < run->count; s++)
        for (size_t i = 0; i < run->scenarios[s].capital.count; i++)
            if (mtfp_scheme_borrows(&run->scenarios[s].capital.schemes[i]))
                return true;
    return false;
}

/* Posts: the establishment's, or one a scenario adds. */
static bool has_posts(const mtfp_run *run)
{
    if (run->model.establishment.count > 0)
        return true;
    for (size_t s = 0; s < run->count; s++)
        if (run->scenarios[s].staffing.count > 0)
            return true;
    return false;
}

static bool has_agency(const mtfp_run *run)
{
    const mtfp_establishment *e = &run->model.establishment;
    for (size_t i = 0; i < e->count; i++)
        if (e->posts[i].status == MTFP_POST_AGENCY)
            return true;
    for (size_t s = 0; s < run->count; s++)
        for (size_t i = 0; i < run->scenarios[s].staffing.count; i++) {
            const mtfp_staffing_action *a = &run->scenarios[s].staffing.items[i];
            if (a->kind == MTFP_STAFF_ADD && a->post.status == MTFP_POST_AGENCY)
                return true;
        }
    return false;
}

static bool rated(const mtfp_run *run, char rag)
{
    for (size_t s = 0; s < run->count; s++)
        for (size_t i = 0; i < run->scenarios[s].items.count; i++)
            if (run->scenarios[s].items.items[i].rag == rag)
                return true;
    return false;
}

static bool any_saving(const mtfp_run *run)
{
    for (size_t s = 0; s < run->count; s++)
        for (size_t i = 0; i < run->scenarios[s].items.count; i++)
            if (run->scenarios[s].items.items[i].kind == MTFP_ITEM_SAVING &&
                run->scenarios[s].items.items[i].cashable)
                return true;
    return false;
}

static void capital(const mtfp_run *run, list *l)
{
    const mtfp_capital_policy *p = &run->model.capital.policy;
    if (!borrows(run))
        return;
    if (!p->method_given)
        add(l, "capital{ mrp }", "how much of the borrowing each year's MRP repays",
            "straight-line");
    if (p->method == MTFP_MRP_ANNUITY && !p->annuity_given)
        add(l, "capital{ annuity_rate }", "the annuity MRP's level payments",
            "the interest rate, %g%%", p->interest_rate * 100);
}

static void staffing(const mtfp_run *run, list *l)
{
    const mtfp_staffing_policy *p = &run->model.establishment.policy;
    if (!has_posts(run))
        return;
    static const char *const months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    if (!(p->given & MTFP_STAFFING_GIVEN_INCREMENT))
        add(l, "staffing{ increment_month }", "when posts move up their grade's points", "%s",
            months[p->increment_month - 1]);
    if (!(p->given & MTFP_STAFFING_GIVEN_NI_RATE))
        add(l, "staffing{ ni_rate }", "employer National Insurance on the pay bills", "%g%%",
            p->ni_rate * 100);
    if (!(p->given & MTFP_STAFFING_GIVEN_NI_THRESHOLD) && p->ni_rate > 0) {
        char amount[MTFP_MONEY_TEXT_MAX];
        mtfp_money_format_display(p->ni_threshold, amount);
        add(l, "staffing{ ni_threshold }", "the pay a year on which employer NI is not due",
            "%s a year", amount);
    }
    if (!(p->given & MTFP_STAFFING_GIVEN_PENSION))
        add(l, "staffing{ pension_rate }", "employer pension contributions on the pay bills",
            "%g%%", p->pension_rate * 100);
    if (!(p->given & MTFP_STAFFING_GIVEN_LEVY))
        add(l, "staffing{ levy_rate }", "the apprenticeship levy on the pay bills", "%g%%",
            p->levy_rate * 100);
    if (!(p->given & MTFP_STAFFING_GIVEN_AGENCY) && has_agency(run))
        add(l, "staffing{ agency_premium }", "what agency cover costs above the salary", "%g%%",
            p->agency_premium * 100);
    if (!(p->given & MTFP_STAFFING_GIVEN_VACANCY))
        add(l, "staffing{ vacancy_rate }",
            "the share of a service's pay bill taken off for turnover, where a scenario sets none",
            "%g%%", p->vacancy_rate * 100);
}

static void savings(const mtfp_run *run, list *l)
{
    const mtfp_savings_policy *p = &run->model.savings;
    static const char *const names[] = {"red", "amber", "green"};
    static const char rags[] = {'R', 'A', 'G'};
    for (int r = 0; r < 3; r++)
        if (!p->weight_given[r] && rated(run, rags[r])) {
            char setting[64];
            snprintf(setting, sizeof setting, "savings{ weights.%s }", names[r]);
            add(l, setting, "the share of a saving so rated expected to be delivered", "%g%%",
                p->weight[r] * 100);
        }
    if (!p->budget_given && any_saving(run))
        add(l, "savings{ budget }",
            "cashable savings enter the budget in full, not at their RAG weights", "\"planned\"");
}

static void pools(const mtfp_run *run, list *l)
{
    for (size_t i = 0; i < run->model.pools.count; i++) {
        const mtfp_pool *pool = &run->model.pools.items[i];
        char setting[96];
        if (!pool->rule_given) {
            snprintf(setting, sizeof setting, "pool{ risk_share } of %s", pool->name);
            add(l, setting,
                "the pool's over- or underspend is shared in proportion to contributions",
                "\"pro-rata\"");
        }
        if (!pool->start_given) {
            char first[MTFP_YEAR_LABEL_MAX];
            mtfp_model_year_label(&run->model, 1, first);
            snprintf(setting, sizeof setting, "pool{ start } of %s", pool->name);
            add(l, setting, "the first year partners contribute and share the variance",
                "%s (the first projection year)", first);
        }
    }
}

/* An index a revenue line follows that neither model.lua nor anything
 * else sets is 0% (SPEC: "an index not set is 0"). */
static void indices(const mtfp_run *run, list *l)
{
    const mtfp_model *model = &run->model;
    for (size_t i = 1; i < model->indices.count; i++) { /* 0 is "none" */
        const mtfp_index *index = &model->indices.items[i];
        bool followed = false;
        for (size_t k = 0; k < model->line_count && !followed; k++)
            followed = model->lines[k].index == i;
        if (index->set || !followed)
            continue;
        char setting[96];
        snprintf(setting, sizeof setting, "index(\"%s\", ...)", index->name);
        add(l, setting, "the inflation of the revenue lines that follow it", "0%% a year");
    }
}

size_t mtfp_assumed_list(const mtfp_run *run, mtfp_assumed *out, size_t max)
{
    list l = {.out = out, .max = max};
    indices(run, &l);
    capital(run, &l);
    staffing(run, &l);
    savings(run, &l);
    pools(run, &l);
    return l.count;
}
