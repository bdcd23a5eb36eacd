/* The establishment in Lua: staffing{} in model.lua (rates and categories),
 * and staffing.add, .remove, .delete_vacant, .vacancy and .regrade in
 * scenarios, recorded in order and applied by the projection. */
#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "host.h"
#include "mtfp/memory.h"

static double rate_field(lua_State *L, const char *field, double fallback)
{
    double value;
    if (!mtfp_field_number(L, 1, field, false, &value))
        return fallback;
    if (value < 0 || value > 1)
        luaL_error(L, "staffing{}: %s = %s: expected a rate from 0 to 1", field,
                   mtfp_lua_number(L, value));
    return value;
}

/* categories = { "Sessional", ... }: intern them, or (intern false) only
 * check them. */
static void categories(lua_State *L, mtfp_establishment *e, bool intern)
{
    if (lua_getfield(L, 1, "categories") != LUA_TTABLE) {
        lua_pop(L, 1);
        return;
    }
    lua_Integer count = luaL_len(L, -1);
    for (lua_Integer i = 1; i <= count; i++) {
        if (lua_geti(L, -1, i) != LUA_TSTRING)
            luaL_error(L, "staffing{}: categories[%I] is not a name", i);
        uint32_t id;
        const char *name = lua_tostring(L, -1);
        if (intern && mtfp_names_intern(&e->categories, name, strlen(name), &id) != MTFP_OK)
            luaL_error(L, "out of memory");
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* staffing { increment_month = 4, ni_rate = 0.128, ni_threshold = 5035, pension_rate = 0.2,
 *            levy_rate = 0, agency_premium = 0.3, vacancy_rate = 0.03, categories = {...} }:
 * read whole into a copy of the policy before any of it is set. */
static int staffing_policy(lua_State *L)
{
    static const char *const known[] = {"increment_month", "ni_rate",    "ni_threshold",
                                        "pension_rate",    "levy_rate",  "agency_premium",
                                        "vacancy_rate",    "categories", NULL};
    mtfp_establishment *e = &mtfp_host_of(L)->model->establishment;
    mtfp_staffing_policy policy = e->policy;
    mtfp_fields_check(L, 1, "staffing", known);
    double month;
    if (mtfp_field_number(L, 1, "increment_month", false, &month)) {
        if (month != floor(month) || month < 1 || month > 12)
            return luaL_error(L, "increment_month = %s: expected 1 (January) to 12",
                              mtfp_lua_number(L, month));
        policy.increment_month = (int)month;
    }
    policy.ni_rate = rate_field(L, "ni_rate", policy.ni_rate);
    mtfp_field_money(L, 1, "ni_threshold", &policy.ni_threshold);
    policy.pension_rate = rate_field(L, "pension_rate", policy.pension_rate);
    policy.levy_rate = rate_field(L, "levy_rate", policy.levy_rate);
    policy.agency_premium = rate_field(L, "agency_premium", policy.agency_premium);
    policy.vacancy_rate = rate_field(L, "vacancy_rate", policy.vacancy_rate);
    /* What it gave: what it did not is assumed (assumed.h). */
    static const struct {
        const char *field;
        unsigned bit;
    } fields[] = {{"increment_month", MTFP_STAFFING_GIVEN_INCREMENT},
                  {"ni_rate", MTFP_STAFFING_GIVEN_NI_RATE},
                  {"ni_threshold", MTFP_STAFFING_GIVEN_NI_THRESHOLD},
                  {"pension_rate", MTFP_STAFFING_GIVEN_PENSION},
                  {"levy_rate", MTFP_STAFFING_GIVEN_LEVY},
                  {"agency_premium", MTFP_STAFFING_GIVEN_AGENCY},
                  {"vacancy_rate", MTFP_STAFFING_GIVEN_VACANCY}};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        if (lua_getfield(L, 1, fields[i].field) != LUA_TNIL)
            policy.given |= fields[i].bit;
        lua_pop(L, 1);
    }
    categories(L, e, false);
    e->policy = policy;
    categories(L, e, true);
    return 0;
}

void mtfp_bind_staffing_model(mtfp_host *host)
{
    static const luaL_Reg functions[] = {{"staffing", staffing_policy}, {NULL, NULL}};
    mtfp_host_register(host, functions);
}

static uint32_t category_named(lua_State *L, const char *name)
{
    return mtfp_lua_name(L, &mtfp_host_of(L)->base->establishment.categories, "category", name);
}

static int32_t grade_named(lua_State *L, const char *name)
{
    return (int32_t)mtfp_lua_name(L, &mtfp_host_of(L)->base->establishment.grades, "grade", name);
}

static mtfp_pence point_salary(lua_State *L, int32_t grade, int point)
{
    mtfp_pence salary =
        mtfp_pay_point_salary(&mtfp_host_of(L)->base->establishment, (uint32_t)grade, point);
    if (salary < 0)
        luaL_error(L, "grade %s has no point %d",
                   mtfp_names_get(&mtfp_host_of(L)->base->establishment.grades, (uint32_t)grade),
                   point);
    return salary;
}

static int whole(lua_State *L, const char *field, bool required)
{
    double value = 0;
    if (mtfp_field_number(L, 1, field, required, &value) &&
        (value != floor(value) || value < 0 || value > 999))
        luaL_error(L, "%s = %s: expected a whole number, 0 to 999", field,
                   mtfp_lua_number(L, value));
    return (int)value;
}

/* An action's reason, read (and a warning when it starts after the horizon)
 * before any string is copied: no Lua error may come between the copies and
 * their owner. */
static const char *action_reason(lua_State *L, const char *function, mtfp_month from)
{
    const char *reason = mtfp_field_string(L, 1, "reason", false);
    char what[48];
    snprintf(what, sizeof what, "%s: from", function);
    mtfp_lua_after_horizon(L, what, from, false);
    return reason;
}

/* Record an action with the calling line; the strings are copied last. */
static int record(lua_State *L, mtfp_staffing_action *action, const char *post_id,
                  const char *reason)
{
    mtfp_host *host = mtfp_host_of(L);
    char via[MTFP_DIAG_FILE_MAX + 16];
    action->file = mtfp_strdup(mtfp_host_source(L, &action->line, via, sizeof via));
    action->via = via[0] ? mtfp_strdup(via) : NULL;
    action->reason = mtfp_strdup(reason);
    action->post_id = mtfp_strdup(post_id);
    if (!action->file || (via[0] && !action->via) || (reason && !action->reason) ||
        (post_id && !action->post_id) ||
        mtfp_staffing_actions_add(&host->scenario->staffing, action) != MTFP_OK)
        return luaL_error(L, "out of memory");
    return 0;
}

/* Where a post with this id is already: "is in establishment.csv already",
 * "was added already, at line 4" (into buf), or NULL for a new id. */
static const char *post_known(lua_State *L, const char *id, char *buf, size_t size)
{
    mtfp_host *host = mtfp_host_of(L);
    if (mtfp_establishment_find(&host->base->establishment, id, strlen(id)))
        return "is in establishment.csv already";
    const mtfp_staffing_actions *actions = &host->scenario->staffing;
    if (mtfp_names_find(&actions->added, id, strlen(id)) < 0)
        return NULL;
    for (size_t i = 0; i < actions->count; i++)
        if (actions->items[i].kind == MTFP_STAFF_ADD && strcmp(actions->items[i].post.id, id) == 0)
            snprintf(buf, size, "was added already, at line %d", actions->items[i].line);
    return buf;
}

/* The id of a post of the establishment as the script has it so far (from
 * establishment.csv, or added by staffing.add before), or an error with the
 * closest id. */
static const char *post_named(lua_State *L, const char *function)
{
    const char *id = mtfp_field_string(L, 1, "post_id", true);
    char where[64];
    if (post_known(L, id, where, sizeof where))
        return id;
    mtfp_host *host = mtfp_host_of(L);
    size_t len = strlen(id);
    const char *closest[] = {mtfp_names_closest(&host->base->establishment.ids, id, len),
                             mtfp_names_closest(&host->scenario->staffing.added, id, len)};
    const char *best = closest[0] && closest[1] ? mtfp_name_closest_of(closest, 2, id, len)
                       : closest[0]             ? closest[0]
                                                : closest[1];
    char hint[MTFP_NAME_HINT_MAX];
    luaL_error(L, "%s: no post \"%s\" in establishment.csv or added before%s", function, id,
               mtfp_name_hint(best, NULL, hint));
    return NULL;
}

/* staffing.add { post_id = ..., service = ..., title = ..., category = ..., fte = 1.0,
 *                grade = "SO2", point = 3 | salary = ..., status = "fixed-term",
 *                from = "2009-04", to = "2011-03", funding = "TaMHS grant", reason = ... } */
static int add(lua_State *L)
{
    static const char *const known[] = {"post_id", "service", "title",  "category", "fte",
                                        "grade",   "point",   "salary", "status",   "from",
                                        "to",      "funding", "reason", NULL};
    mtfp_host *host = mtfp_host_of(L);
    const mtfp_model *model = host->base;
    mtfp_fields_check(L, 1, "staffing.add", known);
    mtfp_staffing_action action = {.kind = MTFP_STAFF_ADD, .category = -1};
    mtfp_post *post = &action.post;
    post->service =
        mtfp_lua_name(L, &model->services, "service", mtfp_field_string(L, 1, "service", true));
    action.service = (int32_t)post->service;
    post->category = category_named(L, mtfp_field_string(L, 1, "category", true));
    if (!mtfp_field_number(L, 1, "fte", true, &post->fte) || post->fte <= 0 || post->fte > 1.5)
        return luaL_error(L, "fte: expected more than 0, at most 1.5");
    const char *grade = mtfp_field_string(L, 1, "grade", false);
    post->grade = -1;
    if (grade) {
        post->grade = grade_named(L, grade);
        post->point = whole(L, "point", true);
        post->salary = point_salary(L, post->grade, post->point);
    } else if (!mtfp_field_money(L, 1, "salary", &post->salary) || post->salary <= 0) {
        return luaL_error(L, "staffing.add: give a grade and point, or a salary");
    }
    const char *status = mtfp_field_string(L, 1, "status", false);
    post->status = MTFP_POST_FILLED;
    for (int s = 0; status && s < MTFP_POST_STATUSES; s++)
        if (strcmp(status, mtfp_post_status_name((mtfp_post_status)s)) == 0)
            post->status = (mtfp_post_status)s;
    if (status && strcmp(status, mtfp_post_status_name(post->status)) != 0)
        return luaL_error(L, "status = \"%s\": expected filled, vacant, agency or fixed-term",
                          status);
    post->start = mtfp_field_from(L, 1);
    post->end = MTFP_MONTH_OPEN;
    mtfp_field_month(L, 1, "to", false, true, &post->end);
    if (post->end < post->start)
        return luaL_error(L, "staffing.add: to is before from");
    int32_t partner = model->service_partner[post->service];
    post->partner = (uint32_t)(partner >= 0 ? partner : 0);
    const char *id = mtfp_field_string(L, 1, "post_id", false);
    char where[64], fallback[64];
    const char *held = id ? post_known(L, id, where, sizeof where) : NULL;
    if (held)
        return luaL_error(L, "staffing.add: post \"%s\" %s: give each post its own id", id, held);
    for (size_t n = host->scenario->staffing.count + 1; !id; n++) {
        snprintf(fallback, sizeof fallback, "NEW-%zu", n);
        if (!post_known(L, fallback, where, sizeof where))
            id = fallback;
    }
    const char *title = mtfp_field_string(L, 1, "title", false);
    const char *funding = mtfp_field_string(L, 1, "funding", false);
    const char *reason = action_reason(L, "staffing.add", post->start);
    post->id = mtfp_strdup(id);
    post->title = mtfp_strdup(title);
    post->funding = mtfp_strdup(funding);
    post->file = mtfp_strdup(mtfp_host_where(L, &post->line));
    if (!post->id || (title && !post->title) || (funding && !post->funding) || !post->file) {
        mtfp_post_clear(post);
        return luaL_error(L, "out of memory");
    }
    return record(L, &action, NULL, reason);
}

/* staffing.remove { post_id = ..., from = "2010-10", reason = ... } */
static int remove_post(lua_State *L)
{
    static const char *const known[] = {"post_id", "from", "reason", NULL};
    mtfp_fields_check(L, 1, "staffing.remove", known);
    const char *id = post_named(L, "staffing.remove");
    mtfp_staffing_action action = {.kind = MTFP_STAFF_REMOVE, .service = -1, .category = -1};
    action.from = mtfp_field_from(L, 1);
    return record(L, &action, id, action_reason(L, "staffing.remove", action.from));
}

/* staffing.delete_vacant { service = ..., category = ..., from = ... } */
static int delete_vacant(lua_State *L)
{
    static const char *const known[] = {"service", "category", "from", "reason", NULL};
    const mtfp_model *model = mtfp_host_of(L)->base;
    mtfp_fields_check(L, 1, "staffing.delete_vacant", known);
    mtfp_staffing_action action = {.kind = MTFP_STAFF_DELETE_VACANT, .service = -1, .category = -1};
    const char *service = mtfp_field_string(L, 1, "service", false);
    const char *category = mtfp_field_string(L, 1, "category", false);
    if (service && strcmp(service, "*") != 0)
        action.service = (int32_t)mtfp_lua_name(L, &model->services, "service", service);
    if (category)
        action.category = (int32_t)category_named(L, category);
    action.from = mtfp_field_from(L, 1);
    return record(L, &action, NULL, action_reason(L, "staffing.delete_vacant", action.from));
}

/* staffing.vacancy { service = ... | "*", rate = 0.05 } */
static int vacancy(lua_State *L)
{
    static const char *const known[] = {"service", "rate", "reason", NULL};
    const mtfp_model *model = mtfp_host_of(L)->base;
    mtfp_fields_check(L, 1, "staffing.vacancy", known);
    mtfp_staffing_action action = {.kind = MTFP_STAFF_VACANCY, .service = -1, .category = -1};
    const char *service = mtfp_field_string(L, 1, "service", true);
    if (strcmp(service, "*") != 0)
        action.service = (int32_t)mtfp_lua_name(L, &model->services, "service", service);
    mtfp_field_number(L, 1, "rate", true, &action.rate);
    if (action.rate < 0 || action.rate >= 1)
        return luaL_error(L, "staffing.vacancy: rate = %s: expected a share from 0 to below 1",
                          mtfp_lua_number(L, action.rate));
    return record(L, &action, NULL,
                  action_reason(L, "staffing.vacancy", mtfp_model_first_month(model)));
}

/* staffing.regrade { post_id = ..., grade = ..., point = ..., from = ... } */
static int regrade(lua_State *L)
{
    static const char *const known[] = {"post_id", "grade", "point", "from", "reason", NULL};
    mtfp_fields_check(L, 1, "staffing.regrade", known);
    const char *id = post_named(L, "staffing.regrade");
    mtfp_staffing_action action = {.kind = MTFP_STAFF_REGRADE, .service = -1, .category = -1};
    action.grade = grade_named(L, mtfp_field_string(L, 1, "grade", true));
    action.point = whole(L, "point", true);
    point_salary(L, action.grade, action.point);
    action.from = mtfp_field_from(L, 1);
    return record(L, &action, id, action_reason(L, "staffing.regrade", action.from));
}

void mtfp_bind_staffing_scenario(mtfp_host *host)
{
    static const luaL_Reg functions[] = {
        {"add", add},         {"remove", remove_post}, {"delete_vacant", delete_vacant},
        {"vacancy", vacancy}, {"regrade", regrade},    {NULL, NULL}};
    mtfp_host_register_table(host, "staffing", functions);
}
