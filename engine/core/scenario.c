#include "mtfp/scenario.h"

#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"

mtfp_status mtfp_scenario_init(mtfp_scenario *scenario, const mtfp_model *model, const char *name,
                               const char *file)
{
    memset(scenario, 0, sizeof *scenario);
    mtfp_funding_init(&scenario->funding);
    mtfp_items_init(&scenario->items);
    mtfp_capital_init(&scenario->capital);
    mtfp_pools_init(&scenario->pools);
    mtfp_reserves_init(&scenario->reserves);
    mtfp_risks_init(&scenario->risks);
    mtfp_placements_init(&scenario->placements);
    mtfp_staffing_actions_init(&scenario->staffing);
    mtfp_names_init_exact(&scenario->saving_ids);
    scenario->name = mtfp_strdup(name);
    scenario->file = mtfp_strdup(file);
    if (!scenario->name || (file && !scenario->file))
        return MTFP_ERR_MEMORY;
    MTFP_TRY(mtfp_indices_copy(&scenario->indices, &model->indices));
    MTFP_TRY(mtfp_funding_copy(&scenario->funding, &model->funding));
    MTFP_TRY(mtfp_capital_copy(&scenario->capital, &model->capital));
    MTFP_TRY(mtfp_pools_copy(&scenario->pools, &model->pools));
    MTFP_TRY(mtfp_reserves_copy(&scenario->reserves, &model->reserves));
    MTFP_TRY(mtfp_risks_copy(&scenario->risks, &model->risks));
    MTFP_TRY(mtfp_placements_copy(&scenario->placements, &model->placements));
    MTFP_TRY(mtfp_items_copy(&scenario->items, &model->items));
    for (size_t i = 0; i < scenario->items.count; i++) {
        const mtfp_item *item = &scenario->items.items[i];
        uint32_t id;
        if (item->kind == MTFP_ITEM_SAVING && item->id)
            MTFP_TRY(mtfp_names_intern(&scenario->saving_ids, item->id, strlen(item->id), &id));
    }
    return MTFP_OK;
}

void mtfp_scenario_free(mtfp_scenario *scenario)
{
    free(scenario->name);
    free(scenario->file);
    free(scenario->name_file);
    free(scenario->description);
    mtfp_indices_free(&scenario->indices);
    mtfp_funding_free(&scenario->funding);
    mtfp_items_free(&scenario->items);
    mtfp_names_free(&scenario->saving_ids);
    mtfp_capital_free(&scenario->capital);
    mtfp_pools_free(&scenario->pools);
    mtfp_reserves_free(&scenario->reserves);
    mtfp_risks_free(&scenario->risks);
    mtfp_staffing_actions_free(&scenario->staffing);
    mtfp_placements_free(&scenario->placements);
    for (size_t i = 0; i < scenario->param_count; i++) {
        free(scenario->params[i].name);
        free(scenario->params[i].description);
        free(scenario->params[i].file);
        free(scenario->params[i].via);
    }
    free(scenario->params);
    for (size_t i = 0; i < scenario->note_count; i++) {
        free(scenario->notes[i].kind);
        free(scenario->notes[i].text);
        free(scenario->notes[i].file);
        free(scenario->notes[i].via);
    }
    free(scenario->notes);
    for (size_t i = 0; i < scenario->uncertain_value_count; i++) {
        mtfp_uncertain_value *u = &scenario->uncertain_values[i];
        free(u->call);
        free(u->parameters);
        free(u->file);
        free(u->via);
    }
    free(scenario->uncertain_values);
    for (size_t i = 0; i < scenario->include_count; i++)
        free(scenario->includes[i]);
    free(scenario->includes);
    memset(scenario, 0, sizeof *scenario);
}

mtfp_status mtfp_scenario_finish(mtfp_scenario *scenario, int years, mtfp_diag *diag)
{
    MTFP_TRY(mtfp_funding_resolve(&scenario->funding, &scenario->indices, years, diag));
    if (scenario->reserves.movement_count == 0)
        return MTFP_OK;
    mtfp_funding_source *use;
    MTFP_TRY(mtfp_funding_add_source(&scenario->funding, "Use of reserves", NULL, 0, &use));
    for (int y = 0; y <= years; y++)
        mtfp_funding_set(use, y, mtfp_reserves_draws(&scenario->reserves, y));
    return MTFP_OK;
}

const mtfp_param *mtfp_scenario_param(const mtfp_scenario *scenario, const char *name)
{
    for (size_t i = 0; i < scenario->param_count; i++)
        if (mtfp_name_equal(name, strlen(name), scenario->params[i].name))
            return &scenario->params[i];
    return NULL;
}

mtfp_status mtfp_scenario_add_param(mtfp_scenario *scenario, const mtfp_param *param)
{
    if (mtfp_grow(&scenario->params, &scenario->param_cap, scenario->param_count + 1,
                  sizeof *scenario->params))
        return MTFP_ERR_MEMORY;
    mtfp_param *added = &scenario->params[scenario->param_count];
    *added = *param;
    added->name = mtfp_strdup(param->name);
    added->description = mtfp_strdup(param->description);
    added->file = mtfp_strdup(param->file);
    added->via = mtfp_strdup(param->via);
    if (!added->name || (param->description && !added->description) ||
        (param->file && !added->file) || (param->via && !added->via)) {
        free(added->name);
        free(added->description);
        free(added->file);
        free(added->via);
        return MTFP_ERR_MEMORY;
    }
    scenario->param_count++;
    return MTFP_OK;
}

mtfp_status mtfp_scenario_add_include(mtfp_scenario *scenario, const char *path)
{
    for (size_t i = 0; i < scenario->include_count; i++)
        if (strcmp(scenario->includes[i], path) == 0)
            return MTFP_OK;
    if (mtfp_grow(&scenario->includes, &scenario->include_cap, scenario->include_count + 1,
                  sizeof *scenario->includes))
        return MTFP_ERR_MEMORY;
    scenario->includes[scenario->include_count] = mtfp_strdup(path);
    if (!scenario->includes[scenario->include_count])
        return MTFP_ERR_MEMORY;
    scenario->include_count++;
    return MTFP_OK;
}

static bool same_text(const char *a, const char *b)
{
    return (!a || !*a) ? (!b || !*b) : (b && strcmp(a, b) == 0);
}

mtfp_status mtfp_scenario_add_uncertain(mtfp_scenario *scenario, const char *call,
                                        const char *parameters, double mean, const char *file,
                                        int line, const char *via)
{
    for (size_t i = 0; i < scenario->uncertain_value_count; i++) {
        mtfp_uncertain_value *u = &scenario->uncertain_values[i];
        if (u->line == line && same_text(u->file, file) && same_text(u->via, via) &&
            strcmp(u->call, call) == 0) {
            u->calls++;
            return MTFP_OK;
        }
    }
    if (mtfp_grow(&scenario->uncertain_values, &scenario->uncertain_value_cap,
                  scenario->uncertain_value_count + 1, sizeof *scenario->uncertain_values))
        return MTFP_ERR_MEMORY;
    mtfp_uncertain_value *u = &scenario->uncertain_values[scenario->uncertain_value_count];
    *u = (mtfp_uncertain_value){.mean = mean, .line = line, .calls = 1};
    u->call = mtfp_strdup(call);
    u->parameters = mtfp_strdup(parameters);
    u->file = mtfp_strdup(file);
    u->via = via && *via ? mtfp_strdup(via) : NULL;
    if (!u->call || !u->parameters || (file && !u->file) || (via && *via && !u->via)) {
        free(u->call);
        free(u->parameters);
        free(u->file);
        free(u->via);
        return MTFP_ERR_MEMORY;
    }
    scenario->uncertain_value_count++;
    return MTFP_OK;
}

mtfp_status mtfp_scenario_add_note(mtfp_scenario *scenario, const char *kind, const char *text,
                                   const char *file, int line, const char *via)
{
    if (mtfp_grow(&scenario->notes, &scenario->note_cap, scenario->note_count + 1,
                  sizeof *scenario->notes))
        return MTFP_ERR_MEMORY;
    mtfp_note *note = &scenario->notes[scenario->note_count];
    note->kind = mtfp_strdup(kind);
    note->text = mtfp_strdup(text);
    note->file = mtfp_strdup(file);
    note->line = line;
    note->via = via && *via ? mtfp_strdup(via) : NULL;
    if (!note->kind || !note->text || (file && !note->file) || (via && *via && !note->via)) {
        free(note->kind);
        free(note->text);
        free(note->file);
        free(note->via);
        return MTFP_ERR_MEMORY;
    }
    scenario->note_count++;
    return MTFP_OK;
}
