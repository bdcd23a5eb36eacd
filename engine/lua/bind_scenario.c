/* Scenario scripts: scenario, pressure{}, saving{}, adjust{}, param(). */
#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "host.h"
#include "mtfp/memory.h"
#include "mtfp/path.h"

/* The scenario scripts a scenario is built from, in order: each runs as a
 * part of this one (host.h, mtfp_host_use), and a note in the Audit says
 * which, with the name it gives itself. The list is read whole first. */
static void use_parts(lua_State *L, mtfp_host *host)
{
    if (lua_getfield(L, 1, "uses") == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    int uses = lua_gettop(L);
    if (!lua_istable(L, uses))
        luaL_error(L,
                   "scenario: uses = %s: expected a list of scenario scripts, as in uses = "
                   "{ \"pay-award.lua\", \"savings.lua\" }",
                   luaL_typename(L, uses));
    lua_Integer count = luaL_len(L, uses);
    for (lua_Integer i = 1; i <= count; i++, lua_pop(L, 1))
        if (lua_geti(L, uses, i) != LUA_TSTRING)
            luaL_error(L, "scenario: uses[%I] is not the name of a scenario script", i);
    for (lua_Integer i = 1; i <= count; i++) {
        lua_geti(L, uses, i);
        const char *name = lua_tostring(L, -1);
        /* The note comes before the part's own notes, its name added after. */
        int line;
        char via[MTFP_DIAG_FILE_MAX + 16], text[512];
        const char *file = mtfp_host_source(L, &line, via, sizeof via);
        snprintf(text, sizeof text, "uses %s", name);
        size_t note = host->scenario->note_count;
        if (mtfp_scenario_add_note(host->scenario, "uses", text, file, line, via) != MTFP_OK)
            luaL_error(L, "out of memory");
        int before = host->part_count;
        mtfp_host_use(L, name);
        const char *named = before < host->part_count ? host->part_names[before] : NULL;
        if (named) {
            char *said = mtfp_format("uses %s (\"%s\")", name, named);
            if (!said)
                luaL_error(L, "out of memory");
            free(host->scenario->notes[note].text);
            host->scenario->notes[note].text = said;
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* scenario "Name" or scenario { name = "...", description = "...", uses = { ... } }. In a
 * script another uses, it names that part only (the Audit's note of the use). */
static int scenario_(lua_State *L)
{
    static const char *const known[] = {"name", "description", "uses", NULL};
    mtfp_host *host = mtfp_host_of(L);
    const char *name, *description = NULL;
    if (lua_type(L, 1) == LUA_TTABLE) {
        mtfp_fields_check(L, 1, "scenario", known);
        name = mtfp_field_string(L, 1, "name", true);
        description = mtfp_lua_line(L, "scenario: the description",
                                    mtfp_field_string(L, 1, "description", false));
    } else {
        name = luaL_checkstring(L, 1);
    }
    int line;
    char via[MTFP_DIAG_FILE_MAX + 16];
    const char *where = mtfp_host_source(L, &line, via, sizeof via);
    int part = mtfp_host_part_of(host, where);
    if (part > 0 ? host->part_names[part] != NULL : host->named)
        return luaL_error(L, "scenario is named twice%s",
                          part > 0 || strcmp(mtfp_host_where(L, &line), where) == 0
                              ? ""
                              : ": a scenario built from other scenario scripts names them in "
                                "scenario { name = ..., uses = { ... } }, not with include");
    if (!*name)
        return luaL_error(L, "scenario: expected a name");
    mtfp_lua_line(L, "scenario: the name", name);
    if (part > 0) {
        host->part_names[part] = mtfp_strdup(name);
        if (!host->part_names[part])
            return luaL_error(L, "out of memory");
        if (lua_type(L, 1) == LUA_TTABLE)
            use_parts(L, host);
        return 0;
    }
    mtfp_scenario *scenario = host->scenario;
    char *copy = mtfp_strdup(name), *file = mtfp_strdup(mtfp_host_where(L, &line));
    char *said = mtfp_strdup(description);
    if (!copy || !file || (description && !said)) {
        free(copy);
        free(file);
        free(said);
        return luaL_error(L, "out of memory");
    }
    free(scenario->name);
    scenario->name = copy;
    free(scenario->description);
    scenario->description = said;
    free(scenario->name_file);
    scenario->name_file = file;
    scenario->name_line = line;
    host->named = true;
    if (lua_type(L, 1) == LUA_TTABLE)
        use_parts(L, host);
    return 0;
}

static const char *const item_fields[] = {
    "service", "subjective", "partner", "cost_centre", "amount",   "percent",
    "from",    "to",         "inflate", "index",       "id",       "title",
    "reason",  "type",       "rag",     "group",       "provider", NULL};

static void targets(lua_State *L, const mtfp_model *model, mtfp_item *item)
{
    const char *service = mtfp_field_string(L, 1, "service", true);
    if (strcmp(service, "*") != 0)
        item->service = (int32_t)mtfp_lua_name(L, &model->services, "service", service);
    const char *partner = mtfp_field_string(L, 1, "partner", false);
    if (partner)
        item->partner = (int32_t)mtfp_lua_name(L, &model->partners, "partner", partner);
    const char *cost_centre = mtfp_field_string(L, 1, "cost_centre", false);
    if (cost_centre)
        item->cost_centre =
            (int32_t)mtfp_lua_name(L, &model->cost_centres, "cost centre", cost_centre);
    const char *group = mtfp_field_string(L, 1, "group", false);
    if (group && model->group_levels == 0)
        luaL_error(L,
                   "group = \"%s\": the model has no groups (revenue.csv's group, or group1 and "
                   "group2, columns)",
                   group);
    if (group)
        item->group = (int32_t)mtfp_lua_name(L, &model->groups, "group", group);
    const char *provider = mtfp_field_string(L, 1, "provider", false);
    if (provider) {
        int found = mtfp_provider_find(provider, strlen(provider));
        if (found < 0) {
            const char *names[MTFP_PROVIDERS - 1];
            for (int p = MTFP_PROVIDER_OWN; p < MTFP_PROVIDERS; p++)
                names[p - 1] = mtfp_provider_name((mtfp_provider)p);
            char hint[MTFP_NAME_HINT_MAX];
            luaL_error(L, "unknown provider \"%s\"%s", provider,
                       mtfp_name_hint(mtfp_name_closest_of(names, MTFP_PROVIDERS - 1, provider,
                                                           strlen(provider)),
                                      ": expected \"own\", \"private\", \"other public\" or "
                                      "\"voluntary\"",
                                      hint));
        }
        item->provider = found;
    }
    const char *subjective = mtfp_field_string(L, 1, "subjective", false);
    if (subjective) {
        int found = mtfp_subjective_find(subjective, strlen(subjective));
        char hint[MTFP_NAME_HINT_MAX];
        if (found < 0)
            luaL_error(L, "unknown subjective \"%s\"%s", subjective,
                       mtfp_name_hint(mtfp_subjective_closest(subjective, strlen(subjective)),
                                      ": expected one of CIPFA's groups, e.g. \"Third Party "
                                      "Payments\"",
                                      hint));
        item->subjective = found;
    }
}

static uint32_t index_named(lua_State *L, const mtfp_indices *indices, const char *name)
{
    int32_t id = mtfp_indices_find(indices, name, strlen(name));
    if (id >= 0)
        return (uint32_t)id;
    char hint[MTFP_NAME_HINT_MAX];
    luaL_error(L, "unknown index \"%s\"%s", name,
               mtfp_name_hint(mtfp_indices_closest(indices, name, strlen(name)),
                              ": define it with index() first", hint));
    return 0;
}

/* An amount names one line: a service (its partner found from it) and a
 * subjective; it follows the subjective's index unless told otherwise. */
static void amount_target(lua_State *L, mtfp_host *host, mtfp_item *item)
{
    const mtfp_model *model = host->base;
    if (item->service == MTFP_ANY || item->subjective == MTFP_ANY)
        luaL_error(L, "an amount needs one service and one subjective; use percent for "
                      "\"*\" or for every subjective");
    if (item->group != MTFP_ANY &&
        !mtfp_model_in_group(model, (uint32_t)item->service, (uint32_t)item->group))
        luaL_error(L, "service \"%s\" is not in group \"%s\"",
                   mtfp_names_get(&model->services, (uint32_t)item->service),
                   mtfp_names_get(&model->groups, (uint32_t)item->group));
    if (item->partner == MTFP_ANY) {
        int32_t held = model->service_partner[item->service];
        if (held == MTFP_SERVICE_SHARED)
            luaL_error(L, "service \"%s\" is held by more than one partner: give partner = ...",
                       mtfp_names_get(&model->services, (uint32_t)item->service));
        item->partner = held;
    } else if (!mtfp_model_holds(model, (uint32_t)item->partner, (uint32_t)item->service)) {
        /* A line for a partner that holds none of the service is a typo, not a new budget. */
        const char *partner = mtfp_names_get(&model->partners, (uint32_t)item->partner);
        const char *service = mtfp_names_get(&model->services, (uint32_t)item->service);
        int32_t held = model->service_partner[item->service];
        if (held >= 0)
            luaL_error(L,
                       "partner \"%s\" holds no lines of service \"%s\": \"%s\" does (leave out "
                       "partner, or name that one)",
                       partner, service, mtfp_names_get(&model->partners, (uint32_t)held));
        luaL_error(L, "partner \"%s\" holds no lines of service \"%s\" in revenue.csv", partner,
                   service);
    }
    const char *index = mtfp_field_string(L, 1, "index", false);
    if (!index)
        index = mtfp_subjective_default_index((mtfp_subjective)item->subjective);
    item->index = index_named(L, &host->scenario->indices, index);
}

static void size(lua_State *L, mtfp_host *host, mtfp_item *item)
{
    bool has_amount = mtfp_field_money(L, 1, "amount", &item->amount);
    double percent;
    bool has_percent = mtfp_field_number(L, 1, "percent", false, &percent);
    if (has_amount == has_percent)
        luaL_error(L, "give either amount (pounds a year) or percent (0.03 is 3%%), not %s",
                   has_amount ? "both" : "neither");
    bool signed_kind = item->kind == MTFP_ITEM_ADJUST;
    if (has_amount) {
        if (!signed_kind && item->amount < 0)
            luaL_error(L,
                       "a %s's amount is the %s and cannot be negative; use adjust{} for "
                       "a signed change",
                       mtfp_item_kind_name(item->kind),
                       item->kind == MTFP_ITEM_SAVING ? "reduction" : "extra spend");
        amount_target(L, host, item);
        return;
    }
    /* A percent is a share of each line's value, which follows the line's own
     * index: an index or inflate for it would do nothing. */
    static const char *const amount_only[] = {"index", "inflate"};
    for (size_t i = 0; i < 2; i++) {
        bool given = lua_getfield(L, 1, amount_only[i]) != LUA_TNIL;
        lua_pop(L, 1);
        if (given)
            luaL_error(L,
                       "%s applies to an amount; a percent is a share of each line's value, "
                       "which follows the line's own index",
                       amount_only[i]);
    }
    if (percent < (signed_kind ? -1.0 : 0.0) || percent > 1.0 || (!signed_kind && percent == 0))
        luaL_error(L, "percent = %s: expected a share %s (0.03 is 3%%)",
                   mtfp_lua_number(L, percent),
                   signed_kind ? "from -1 to 1" : "above 0 and at most 1");
    item->by_percent = true;
    item->percent = percent;
}

static void period(lua_State *L, mtfp_item *item)
{
    item->from = mtfp_field_from(L, 1);
    if (mtfp_field_month(L, 1, "to", false, true, &item->to) && item->to < item->from)
        luaL_error(L, "to is before from");
}

static void saving_terms(lua_State *L, mtfp_item *item)
{
    const char *type = mtfp_field_string(L, 1, "type", false);
    const char *rag = mtfp_field_string(L, 1, "rag", false);
    if (item->kind != MTFP_ITEM_SAVING && (type || rag))
        luaL_error(L, "type and rag are for savings");
    if (type && strcmp(type, "cashable") != 0 && strcmp(type, "non-cashable") != 0)
        luaL_error(L, "type = \"%s\": expected \"cashable\" or \"non-cashable\"", type);
    item->cashable = !type || strcmp(type, "cashable") == 0;
    if (!rag)
        return;
    static const char *const ratings[] = {"red", "amber", "green"};
    for (int i = 0; i < 3; i++)
        if (mtfp_name_equal(rag, strlen(rag), ratings[i]) ||
            (strlen(rag) == 1 && (rag[0] | 0x20) == ratings[i][0])) {
            item->rag = (char)(ratings[i][0] - 'a' + 'A');
            return;
        }
    luaL_error(L, "rag = \"%s\": expected \"red\", \"amber\" or \"green\"", rag);
}

/* A saving's id is its own, as in savings.csv: two of one id could not be
 * told apart in the tracker or savings.csv. A saving with neither title nor
 * reason is titled by where it was made ("Saving at underspend.lua:3"). */
static void saving_named(lua_State *L, const mtfp_scenario *scenario, const char *id,
                         const char **title, const char *reason)
{
    if (id && mtfp_names_find(&scenario->saving_ids, id, strlen(id)) >= 0)
        for (size_t i = 0; i < scenario->items.count; i++) {
            const mtfp_item *other = &scenario->items.items[i];
            if (other->kind == MTFP_ITEM_SAVING && other->id && strcmp(other->id, id) == 0)
                luaL_error(L,
                           "saving{}: id \"%s\" is already a saving's (%s:%d): give each saving "
                           "its own id",
                           id, other->file ? other->file : "?", other->line);
        }
    if (!*title && !reason) {
        int line;
        char via[MTFP_DIAG_FILE_MAX + 16];
        const char *file = mtfp_host_source(L, &line, via, sizeof via);
        *title = lua_pushfstring(L, "Saving at %s:%d", mtfp_path_base(file), line);
    }
}

static int add_item(lua_State *L, mtfp_item_kind kind)
{
    mtfp_host *host = mtfp_host_of(L);
    mtfp_fields_check(L, 1, mtfp_item_kind_name(kind), item_fields);
    mtfp_item item;
    mtfp_item_defaults(&item, kind);
    targets(L, host->base, &item);
    size(L, host, &item);
    period(L, &item);
    item.inflate = mtfp_field_bool(L, 1, "inflate", true);
    saving_terms(L, &item);
    const char *id = mtfp_field_string(L, 1, "id", false);
    const char *title = mtfp_field_string(L, 1, "title", false);
    const char *reason = mtfp_field_string(L, 1, "reason", false);
    mtfp_names *saving_ids = &host->scenario->saving_ids;
    if (kind == MTFP_ITEM_SAVING)
        saving_named(L, host->scenario, id, &title, reason);
    /* Copies last: no Lua error may come between them and the item's owner. */
    char via[MTFP_DIAG_FILE_MAX + 16];
    item.file = mtfp_strdup(mtfp_host_source(L, &item.line, via, sizeof via));
    item.via = via[0] ? mtfp_strdup(via) : NULL;
    item.id = mtfp_strdup(id);
    item.title = mtfp_strdup(title);
    item.reason = mtfp_strdup(reason);
    if (!item.file || (via[0] && !item.via) || (id && !item.id) || (title && !item.title) ||
        (reason && !item.reason)) {
        mtfp_item_clear(&item);
        return luaL_error(L, "out of memory");
    }
    char what[32];
    snprintf(what, sizeof what, "%s: from", mtfp_item_kind_name(kind));
    mtfp_lua_after_horizon(L, what, item.from, false);
    uint32_t known;
    if ((kind == MTFP_ITEM_SAVING && id &&
         mtfp_names_intern(saving_ids, id, strlen(id), &known) != MTFP_OK) ||
        mtfp_items_add(&host->scenario->items, &item) != MTFP_OK)
        return luaL_error(L, "out of memory");
    return 0;
}

static int pressure(lua_State *L)
{
    return add_item(L, MTFP_ITEM_PRESSURE);
}

static int saving(lua_State *L)
{
    return add_item(L, MTFP_ITEM_SAVING);
}

static int adjust(lua_State *L)
{
    return add_item(L, MTFP_ITEM_ADJUST);
}

/* param("name", default [, { low = ..., high = ..., description = ... }]) */
static int param(lua_State *L)
{
    static const char *const known[] = {"low", "high", "description", NULL};
    mtfp_host *host = mtfp_host_of(L);
    const char *name = mtfp_lua_line(L, "param: the name", luaL_checkstring(L, 1));
    if (!*name)
        return luaL_error(L, "param: expected a name");
    if (strchr(name, '='))
        return luaL_error(L,
                          "param \"%s\": expected a name without \"=\", as --set NAME=VALUE "
                          "gives it",
                          name);
    double fallback = luaL_checknumber(L, 2);
    if (!isfinite(fallback))
        return luaL_error(L, "param \"%s\": the default must be a finite number", name);
    mtfp_param record = {.value = fallback, .fallback = fallback};
    if (!lua_isnoneornil(L, 3)) {
        mtfp_fields_check(L, 3, "param", known);
        bool low = mtfp_field_number(L, 3, "low", false, &record.low);
        bool high = mtfp_field_number(L, 3, "high", false, &record.high);
        record.description = (char *)mtfp_lua_line(L, "param: the description",
                                                   mtfp_field_string(L, 3, "description", false));
        if (low != high)
            return luaL_error(L, "param \"%s\": give both low and high, or neither", name);
        if (low && !(record.low <= fallback && fallback <= record.high))
            return luaL_error(L, "param \"%s\": expected low <= default <= high", name);
        record.ranged = low;
    }
    record.name = (char *)name;
    /* A param asked for twice (by two scripts the scenario uses, say) is
     * one value: two defaults or ranges for it cannot both hold. */
    const mtfp_param *asked = mtfp_scenario_param(host->scenario, name);
    if (asked && (asked->fallback != record.fallback || asked->ranged != record.ranged ||
                  (record.ranged && (asked->low != record.low || asked->high != record.high))))
        return luaL_error(L,
                          "param \"%s\" is asked for at %s:%d with another default or range: "
                          "give it the same in both, or two names",
                          name, asked->file ? asked->file : "?", asked->line);
    mtfp_setting *setting = mtfp_settings_find(host->settings, name);
    if (setting) {
        setting->used = true;
        record.value = setting->value;
        record.overridden = true;
    }
    char via[MTFP_DIAG_FILE_MAX + 16];
    record.file = (char *)mtfp_host_source(L, &record.line, via, sizeof via);
    record.via = via[0] ? via : NULL;
    if (mtfp_scenario_add_param(host->scenario, &record) != MTFP_OK)
        return luaL_error(L, "out of memory");
    lua_pushnumber(L, record.value);
    return 1;
}

void mtfp_bind_scenario(mtfp_host *host)
{
    static const luaL_Reg functions[] = {{"scenario", scenario_}, {"pressure", pressure},
                                         {"saving", saving},      {"adjust", adjust},
                                         {"param", param},        {NULL, NULL}};
    mtfp_host_register(host, functions);
}
