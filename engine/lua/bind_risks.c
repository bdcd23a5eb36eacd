/* The risk register in Lua: risks{} in model.lua sets the bands and the
 * probabilities by likelihood; in a scenario, risk{} adds a risk, and
 * risks["id"] reads one, re-scores it (its likelihood, severity or
 * probability set) and materialises it (risks["id"].materialise{ from =
 * ... }: a pressure of its impact). */
#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "host.h"
#include "mtfp/memory.h"

/* A score (likelihood or severity) at idx: a whole number 1 to 4. */
static int score_at(lua_State *L, int idx, const char *what)
{
    if (lua_type(L, idx) != LUA_TNUMBER)
        luaL_error(L, "%s is a %s: expected a whole number from 1 to %d", what,
                   luaL_typename(L, idx), MTFP_RISK_SCALE);
    double value = lua_tonumber(L, idx);
    if (!isfinite(value) || value != floor(value) || value < 1 || value > MTFP_RISK_SCALE)
        luaL_error(L, "%s is %s: expected a whole number from 1 to %d", what,
                   mtfp_lua_number(L, value), MTFP_RISK_SCALE);
    return (int)value;
}

/* A probability at idx: 0 to 1. */
static double probability_at(lua_State *L, int idx, const char *what)
{
    if (lua_type(L, idx) != LUA_TNUMBER)
        luaL_error(L, "%s is a %s: expected 0 to 1 (0.3 is 30%%)", what, luaL_typename(L, idx));
    double value = lua_tonumber(L, idx);
    if (!(value >= 0 && value <= 1))
        luaL_error(L, "%s is %s: expected 0 to 1 (0.3 is 30%%)", what, mtfp_lua_number(L, value));
    return value;
}

/* The highest score of a band in bands{} (the table at idx), or fallback. */
static int band_top(lua_State *L, int idx, const char *name, int fallback)
{
    if (lua_getfield(L, idx, name) == LUA_TNIL) {
        lua_pop(L, 1);
        return fallback;
    }
    double value = lua_tonumber(L, -1);
    if (lua_type(L, -1) != LUA_TNUMBER || value != floor(value))
        luaL_error(
            L,
            "risks{}: bands.%s is %s: expected a whole number, the highest score of a "
            "%s risk",
            name, lua_type(L, -1) == LUA_TNUMBER ? mtfp_lua_number(L, value) : luaL_typename(L, -1),
            strcmp(name, "low") == 0 ? "LOW" : "MEDIUM");
    lua_pop(L, 1);
    return (int)value;
}

/* risks { bands = { low = 4, medium = 10 }, probabilities = { 0.1, 0.3, 0.6, 0.9 } } */
static int risks_model(lua_State *L)
{
    static const char *const known[] = {"bands", "probabilities", NULL};
    static const char *const band_names[] = {"low", "medium", NULL};
    mtfp_host *host = mtfp_host_of(L);
    mtfp_fields_check(L, 1, "risks", known);
    mtfp_risks *risks = &host->model->risks;
    if (risks->file)
        return luaL_error(L, "risks{} is given twice: give the bands and probabilities in one "
                             "call");
    int low = risks->low, medium = risks->medium;
    int type = lua_getfield(L, 1, "bands");
    if (type != LUA_TNIL) {
        if (type != LUA_TTABLE)
            return luaL_error(L, "risks{}: bands is a %s: expected { low = 4, medium = 10 }",
                              luaL_typename(L, -1));
        int bands = lua_gettop(L);
        mtfp_fields_check(L, bands, "bands", band_names);
        low = band_top(L, bands, "low", low);
        medium = band_top(L, bands, "medium", medium);
        int highest = MTFP_RISK_SCALE * MTFP_RISK_SCALE;
        if (!(1 <= low && low < medium && medium < highest))
            return luaL_error(L,
                              "risks{}: bands low = %d, medium = %d: expected 1 <= low < medium "
                              "< %d (the highest score of a LOW risk, then of a MEDIUM one)",
                              low, medium, highest);
    }
    lua_pop(L, 1);
    double probabilities[MTFP_RISK_SCALE + 1];
    memcpy(probabilities, risks->probabilities, sizeof probabilities);
    type = lua_getfield(L, 1, "probabilities");
    if (type != LUA_TNIL) {
        if (type != LUA_TTABLE || luaL_len(L, -1) != MTFP_RISK_SCALE)
            return luaL_error(L,
                              "risks{}: probabilities: expected %d, one for each likelihood "
                              "from 1 to %d, such as { 0.1, 0.3, 0.6, 0.9 }",
                              MTFP_RISK_SCALE, MTFP_RISK_SCALE);
        for (int i = 1; i <= MTFP_RISK_SCALE; i++) {
            lua_geti(L, -1, i);
            char what[48];
            snprintf(what, sizeof what, "risks{}: probabilities[%d]", i);
            probabilities[i] = probability_at(L, -1, what);
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    int line;
    char *file = mtfp_strdup(mtfp_host_where(L, &line));
    if (!file)
        return luaL_error(L, "out of memory");
    risks->low = low;
    risks->medium = medium;
    memcpy(risks->probabilities, probabilities, sizeof probabilities);
    risks->file = file;
    risks->line = line;
    return 0;
}

void mtfp_bind_risks_model(mtfp_host *host)
{
    static const luaL_Reg functions[] = {{"risks", risks_model}, {NULL, NULL}};
    mtfp_host_register(host, functions);
}

static mtfp_risks *scenario_risks(lua_State *L)
{
    return &mtfp_host_of(L)->scenario->risks;
}

/* The scenario's risk with this id, or an error with the closest id. */
static mtfp_risk *risk_named(lua_State *L, const char *id)
{
    mtfp_risks *risks = scenario_risks(L);
    int32_t found = mtfp_risks_find(risks, id, strlen(id));
    if (found >= 0)
        return &risks->items[found];
    char hint[MTFP_NAME_HINT_MAX];
    luaL_error(L, "unknown risk \"%s\"%s", id,
               mtfp_name_hint(mtfp_names_closest(&risks->ids, id, strlen(id)),
                              risks->count ? ": the register has no such risk"
                                           : ": the model has no risks (risks.csv)",
                              hint));
    return NULL;
}

/* "12 (HIGH)" */
static const char *scored(lua_State *L, const mtfp_risks *risks, int score)
{
    return lua_pushfstring(L, "%d (%s)", score, mtfp_risk_band_name(mtfp_risks_band(risks, score)));
}

static void note(lua_State *L, const char *kind, const char *text)
{
    int line;
    char via[MTFP_DIAG_FILE_MAX + 16];
    const char *file = mtfp_host_source(L, &line, via, sizeof via);
    if (mtfp_scenario_add_note(mtfp_host_of(L)->scenario, kind, text, file, line,
                               via[0] ? via : NULL) != MTFP_OK)
        luaL_error(L, "out of memory");
}

/* impact, from, to and probability of risk{} (the table at 1): a risk is
 * priced when it has an impact, which needs the first month it would cost. */
static void pricing(lua_State *L, mtfp_risk *risk)
{
    risk->probability = -1;
    risk->to = MTFP_MONTH_OPEN;
    if (lua_getfield(L, 1, "probability") != LUA_TNIL)
        risk->probability = probability_at(L, -1, "risk{}: probability");
    lua_pop(L, 1);
    risk->priced = mtfp_field_money(L, 1, "impact", &risk->impact);
    bool from = lua_getfield(L, 1, "from") != LUA_TNIL;
    bool to = lua_getfield(L, 1, "to") != LUA_TNIL;
    lua_pop(L, 2);
    if (!risk->priced) {
        if (from || to)
            luaL_error(L,
                       "risk{}: %s is a month of the risk's impact: give impact too (pounds a "
                       "year)",
                       from ? "from" : "to");
        return;
    }
    if (risk->impact < 0)
        luaL_error(L, "risk{}: impact is below 0: expected what the risk would cost a year, 0 or "
                      "more");
    if (!from)
        luaL_error(L, "risk{}: an impact needs from: the first month the risk would cost (such as "
                      "\"2010-04\")");
    risk->from = mtfp_field_from(L, 1);
    if (mtfp_field_month(L, 1, "to", false, true, &risk->to) && risk->to < risk->from)
        luaL_error(L, "risk{}: to is before from");
}

/* risk { id = "R7", title = "...", service = "...", likelihood = 3, severity = 4, owner = "...",
 *        mitigation = "...", impact = 150000, from = "2010-10", to = "2012-03",
 *        probability = 0.5 } */
static int risk_(lua_State *L)
{
    static const char *const known[] = {"id",       "title", "service",     "likelihood",
                                        "severity", "owner", "mitigation",  "impact",
                                        "from",     "to",    "probability", NULL};
    mtfp_host *host = mtfp_host_of(L);
    mtfp_fields_check(L, 1, "risk", known);
    mtfp_risks *risks = &host->scenario->risks;
    mtfp_risk risk = {.service = -1};
    risk.id = (char *)mtfp_lua_line(L, "risk{}: id", mtfp_field_string(L, 1, "id", true));
    if (!*risk.id)
        return luaL_error(L, "risk{}: expected an id");
    int32_t known_id = mtfp_risks_find(risks, risk.id, strlen(risk.id));
    if (known_id >= 0)
        return luaL_error(L,
                          "risk{}: risk \"%s\" is in the register already (%s:%d): re-score it "
                          "with risks[\"%s\"].likelihood = ...",
                          risk.id, risks->items[known_id].file, risks->items[known_id].line,
                          risk.id);
    risk.title = (char *)mtfp_field_string(L, 1, "title", true);
    if (!*risk.title)
        return luaL_error(L, "risk{}: expected a title: what the risk is");
    const char *service = mtfp_field_string(L, 1, "service", false);
    if (service)
        risk.service = (int32_t)mtfp_lua_name(L, &host->base->services, "service", service);
    static const char *const scores[] = {"likelihood", "severity"};
    for (int i = 0; i < 2; i++) {
        if (lua_getfield(L, 1, scores[i]) == LUA_TNIL)
            return luaL_error(L,
                              "risk{}: field '%s' is required: expected a whole number from 1 "
                              "to %d",
                              scores[i], MTFP_RISK_SCALE);
        char what[32];
        snprintf(what, sizeof what, "risk{}: %s", scores[i]);
        *(i == 0 ? &risk.likelihood : &risk.severity) = score_at(L, -1, what);
        lua_pop(L, 1);
    }
    risk.owner = (char *)mtfp_field_string(L, 1, "owner", false);
    risk.mitigation = (char *)mtfp_field_string(L, 1, "mitigation", false);
    pricing(L, &risk);
    risk.file = (char *)mtfp_host_where(L, &risk.line);
    if (risk.priced)
        mtfp_lua_after_horizon(L, "risk{}: from", risk.from, false);
    if (mtfp_risks_add(risks, &risk) != MTFP_OK)
        return luaL_error(L, "out of memory");
    note(L, "risk",
         lua_pushfstring(L, "risk %s added: likelihood %d x severity %d = %s", risk.id,
                         risk.likelihood, risk.severity, scored(L, risks, mtfp_risk_score(&risk))));
    return 0;
}

/* The subjective where the partner spends most on the service in the base
 * year, or -1 when it spends nothing on it. */
static int largest_subjective(const mtfp_model *model, int32_t partner, int32_t service)
{
    mtfp_pence spend[MTFP_SUBJECTIVE_COUNT] = {0};
    for (size_t i = 0; i < model->line_count; i++) {
        const mtfp_revenue_line *line = &model->lines[i];
        if ((int32_t)line->partner == partner && (int32_t)line->service == service &&
            !mtfp_subjective_is_income((mtfp_subjective)line->subjective))
            spend[line->subjective] += line->amount; /* within the lines' sizes */
    }
    int best = -1;
    for (int s = 0; s < MTFP_SUBJECTIVE_COUNT; s++)
        if (spend[s] > 0 && (best < 0 || spend[s] > spend[best]))
            best = s;
    return best;
}

/* Where a materialised risk's pressure goes: service, partner and
 * subjective, from the call (the table at 1) or the risk and the model. */
static void target(lua_State *L, const char *what, const mtfp_risk *risk, mtfp_item *item)
{
    const mtfp_model *model = mtfp_host_of(L)->base;
    const char *service = mtfp_field_string(L, 1, "service", false);
    item->service =
        service ? (int32_t)mtfp_lua_name(L, &model->services, "service", service) : risk->service;
    if (item->service < 0)
        luaL_error(L,
                   "%s: risk %s names no service: give service = \"...\", where its cost "
                   "would fall",
                   what, risk->id);
    const char *service_name = mtfp_names_get(&model->services, (uint32_t)item->service);
    const char *partner = mtfp_field_string(L, 1, "partner", false);
    if (partner) {
        item->partner = (int32_t)mtfp_lua_name(L, &model->partners, "partner", partner);
        if (!mtfp_model_holds(model, (uint32_t)item->partner, (uint32_t)item->service))
            luaL_error(L, "%s: partner \"%s\" holds no lines of service \"%s\"", what, partner,
                       service_name);
    } else {
        item->partner = model->service_partner[item->service];
        if (item->partner == MTFP_SERVICE_SHARED)
            luaL_error(L,
                       "%s: service \"%s\" is held by more than one partner: give partner = "
                       "...",
                       what, service_name);
    }
    const char *subjective = mtfp_field_string(L, 1, "subjective", false);
    if (subjective) {
        item->subjective = mtfp_subjective_find(subjective, strlen(subjective));
        char hint[MTFP_NAME_HINT_MAX];
        if (item->subjective < 0)
            luaL_error(L, "%s: unknown subjective \"%s\"%s", what, subjective,
                       mtfp_name_hint(mtfp_subjective_closest(subjective, strlen(subjective)),
                                      ": expected one of CIPFA's groups, e.g. \"Third Party "
                                      "Payments\"",
                                      hint));
    } else if ((item->subjective = largest_subjective(model, item->partner, item->service)) < 0) {
        luaL_error(L,
                   "%s: \"%s\" spends nothing in the base year to say where the cost would "
                   "fall: give subjective = \"...\"",
                   what, service_name);
    }
}

/* risks["id"].materialise { from = "2010-10", to = ..., service = ..., partner = ...,
 *                           subjective = ..., reason = ... }: the id is the upvalue. */
static int materialise(lua_State *L)
{
    static const char *const known[] = {"from",       "to",     "service", "partner",
                                        "subjective", "reason", NULL};
    if (lua_gettop(L) == 2 && lua_istable(L, 1) && lua_istable(L, 2))
        lua_remove(L, 1); /* risks["id"]:materialise{ ... } */
    const char *id = lua_tostring(L, lua_upvalueindex(1));
    const char *what = lua_pushfstring(L, "risks[\"%s\"].materialise", id);
    mtfp_fields_check(L, 1, what, known);
    mtfp_risk *risk = risk_named(L, id);
    if (!risk->priced)
        return luaL_error(L,
                          "%s: risk %s has no impact to make a pressure of: give it one (impact "
                          "and from in risks.csv)",
                          what, id);
    if (risk->materialised)
        return luaL_error(L, "%s: risk %s is materialised already", what, id);
    mtfp_item item;
    mtfp_item_defaults(&item, MTFP_ITEM_PRESSURE);
    item.from = mtfp_field_from(L, 1);
    item.to = risk->to;
    bool to_given = mtfp_field_month(L, 1, "to", false, true, &item.to);
    if (item.to < item.from) {
        char until[8];
        mtfp_month_label(item.to, until);
        return luaL_error(L, "%s: to%s %s is before from", what, to_given ? "" : " (the risk's)",
                          until);
    }
    target(L, what, risk, &item);
    item.amount = risk->impact;
    item.inflate = false; /* an impact is cash, as its expected cost is */
    item.risk = true;
    const char *reason = mtfp_field_string(L, 1, "reason", false);
    mtfp_risks *risks = scenario_risks(L);
    int score = mtfp_risk_score(risk);
    if (!reason)
        reason =
            lua_pushfstring(L, "risk materialised: likelihood %d x severity %d = %s, %s",
                            risk->likelihood, risk->severity, scored(L, risks, score), risk->title);
    /* Copies last: no Lua error may come between them and the item's owner. */
    char via[MTFP_DIAG_FILE_MAX + 16];
    item.file = mtfp_strdup(mtfp_host_source(L, &item.line, via, sizeof via));
    item.via = via[0] ? mtfp_strdup(via) : NULL;
    item.id = mtfp_strdup(risk->id);
    item.title = mtfp_strdup(risk->title);
    item.reason = mtfp_strdup(reason);
    if (!item.file || (via[0] && !item.via) || !item.id || !item.title || !item.reason) {
        mtfp_item_clear(&item);
        return luaL_error(L, "out of memory");
    }
    mtfp_lua_after_horizon(L, what, item.from, false);
    if (mtfp_items_add(&mtfp_host_of(L)->scenario->items, &item) != MTFP_OK)
        return luaL_error(L, "out of memory");
    risk->materialised = true;
    return 0;
}

static const char *const handle_fields[] = {
    "id",    "title",       "service", "owner",  "mitigation",   "likelihood",  "severity",
    "score", "probability", "band",    "impact", "materialised", "materialise", NULL};

/* risks["id"].field: the risk as the scenario has it so far. */
static int handle_get(lua_State *L)
{
    const char *id = lua_tostring(L, lua_upvalueindex(1));
    mtfp_risks *risks = scenario_risks(L);
    const mtfp_risk *risk = risk_named(L, id);
    const mtfp_model *model = mtfp_host_of(L)->base;
    const char *field = luaL_checkstring(L, 2);
    const char *text = NULL;
    if (strcmp(field, "id") == 0)
        text = risk->id;
    else if (strcmp(field, "title") == 0)
        text = risk->title;
    else if (strcmp(field, "owner") == 0)
        text = risk->owner;
    else if (strcmp(field, "mitigation") == 0)
        text = risk->mitigation;
    else if (strcmp(field, "service") == 0)
        text =
            risk->service >= 0 ? mtfp_names_get(&model->services, (uint32_t)risk->service) : NULL;
    else if (strcmp(field, "band") == 0)
        text = mtfp_risk_band_name(mtfp_risks_band(risks, mtfp_risk_score(risk)));
    else if (strcmp(field, "likelihood") == 0)
        lua_pushinteger(L, risk->likelihood);
    else if (strcmp(field, "severity") == 0)
        lua_pushinteger(L, risk->severity);
    else if (strcmp(field, "score") == 0)
        lua_pushinteger(L, mtfp_risk_score(risk));
    else if (strcmp(field, "probability") == 0)
        lua_pushnumber(L, mtfp_risk_probability(risks, risk));
    else if (strcmp(field, "impact") == 0 && risk->priced)
        lua_pushnumber(L, mtfp_money_to_pounds(risk->impact));
    else if (strcmp(field, "impact") == 0)
        lua_pushnil(L);
    else if (strcmp(field, "materialised") == 0)
        lua_pushboolean(L, risk->materialised);
    else if (strcmp(field, "materialise") == 0) {
        lua_pushvalue(L, lua_upvalueindex(1));
        lua_pushcclosure(L, materialise, 1);
    } else {
        size_t count = sizeof handle_fields / sizeof *handle_fields - 1;
        char hint[MTFP_NAME_HINT_MAX];
        return luaL_error(
            L, "risks[\"%s\"] has no field '%s'%s", id, field,
            mtfp_identifier_hint(mtfp_name_closest_of(handle_fields, count, field, strlen(field)),
                                 hint));
    }
    if (strcmp(field, "id") == 0 || strcmp(field, "title") == 0 || strcmp(field, "owner") == 0 ||
        strcmp(field, "mitigation") == 0 || strcmp(field, "service") == 0 ||
        strcmp(field, "band") == 0) {
        if (text)
            lua_pushstring(L, text);
        else
            lua_pushnil(L);
    }
    return 1;
}

/* risks["id"].likelihood = 2, .severity = 1, .probability = 0.2: a
 * scenario's re-scoring (a mitigation), noted for the Audit sheet. */
static int handle_set(lua_State *L)
{
    const char *id = lua_tostring(L, lua_upvalueindex(1));
    mtfp_risks *risks = scenario_risks(L);
    mtfp_risk *risk = risk_named(L, id);
    const char *field = luaL_checkstring(L, 2);
    const char *what = lua_pushfstring(L, "risks[\"%s\"].%s", id, field);
    int before = mtfp_risk_score(risk);
    const char *text;
    if (strcmp(field, "likelihood") == 0 || strcmp(field, "severity") == 0) {
        int *slot = field[0] == 'l' ? &risk->likelihood : &risk->severity;
        int was = *slot;
        *slot = score_at(L, 3, what);
        text = lua_pushfstring(L, "risk %s re-scored: %s %d -> %d, score %s -> %s", id, field, was,
                               *slot, scored(L, risks, before),
                               scored(L, risks, mtfp_risk_score(risk)));
    } else if (strcmp(field, "probability") == 0) {
        double was = mtfp_risk_probability(risks, risk);
        risk->probability = probability_at(L, 3, what);
        text = lua_pushfstring(L, "risk %s: probability %s%% -> %s%%", id,
                               mtfp_lua_number(L, was * 100),
                               mtfp_lua_number(L, risk->probability * 100));
    } else {
        return luaL_error(L,
                          "%s cannot be set: a scenario re-scores a risk by its likelihood, "
                          "severity or probability (a new risk is risk{})",
                          what);
    }
    note(L, "risk", text);
    return 0;
}

static int risks_index(lua_State *L)
{
    if (lua_type(L, 2) != LUA_TSTRING)
        return luaL_error(L, "risks are found by id, as in risks[\"R3\"]");
    const mtfp_risk *risk = risk_named(L, lua_tostring(L, 2));
    lua_newtable(L); /* the handle */
    lua_newtable(L);
    lua_pushstring(L, risk->id);
    lua_pushcclosure(L, handle_get, 1);
    lua_setfield(L, -2, "__index");
    lua_pushstring(L, risk->id);
    lua_pushcclosure(L, handle_set, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    return 1;
}

/* risks["id"] = { ... }: a risk is changed field by field, not replaced. */
static int risks_assign(lua_State *L)
{
    const char *id = lua_tostring(L, 2) ? lua_tostring(L, 2) : "R1";
    return luaL_error(L,
                      "risks[\"%s\"] cannot be replaced: re-score it one field at a time, as "
                      "risks[\"%s\"].likelihood = 2, or add a risk with risk{}",
                      id, id);
}

void mtfp_bind_risks_scenario(mtfp_host *host)
{
    static const luaL_Reg functions[] = {{"risk", risk_}, {NULL, NULL}};
    mtfp_host_register(host, functions);
    lua_State *L = host->L;
    lua_rawgeti(L, LUA_REGISTRYINDEX, host->env);
    lua_pushliteral(L, "risks");
    lua_newtable(L);
    lua_newtable(L);
    lua_pushcfunction(L, risks_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, risks_assign);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_rawset(L, -3); /* past the lock on new globals */
    lua_pop(L, 1);
}
