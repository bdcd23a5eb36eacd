#include "mtfp/model.h"

#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"

mtfp_status mtfp_model_init(mtfp_model *model)
{
    memset(model, 0, sizeof *model);
    model->years = MTFP_DEFAULT_YEARS;
    model->limits.instructions = MTFP_LIMIT_INSTRUCTIONS_DEFAULT;
    model->limits.memory = MTFP_LIMIT_MEMORY_DEFAULT;
    model->savings.weight[0] = 0.0; /* red */
    model->savings.weight[1] = 0.5; /* amber */
    model->savings.weight[2] = 1.0; /* green */
    mtfp_names_init(&model->partners);
    mtfp_names_init(&model->services);
    mtfp_names_init(&model->cost_centres);
    mtfp_names_init(&model->groups);
    mtfp_funding_init(&model->funding);
    mtfp_mapping_init(&model->mapping);
    mtfp_items_init(&model->items);
    mtfp_capital_init(&model->capital);
    mtfp_pools_init(&model->pools);
    mtfp_reserves_init(&model->reserves);
    mtfp_risks_init(&model->risks);
    mtfp_placements_init(&model->placements);
    mtfp_monitoring_init(&model->monitoring);
    MTFP_TRY(mtfp_establishment_init(&model->establishment));
    return mtfp_indices_init(&model->indices);
}

void mtfp_model_free(mtfp_model *model)
{
    free(model->name);
    free(model->organisation);
    free(model->dir);
    mtfp_names_free(&model->partners);
    mtfp_names_free(&model->services);
    mtfp_names_free(&model->cost_centres);
    free(model->service_partner);
    mtfp_names_free(&model->groups);
    free(model->service_groups);
    free(model->service_rank);
    mtfp_indices_free(&model->indices);
    mtfp_funding_free(&model->funding);
    mtfp_mapping_free(&model->mapping);
    free(model->lines);
    mtfp_items_free(&model->items);
    mtfp_capital_free(&model->capital);
    mtfp_pools_free(&model->pools);
    mtfp_reserves_free(&model->reserves);
    mtfp_risks_free(&model->risks);
    mtfp_establishment_free(&model->establishment);
    mtfp_placements_free(&model->placements);
    mtfp_monitoring_free(&model->monitoring);
    for (size_t i = 0; i < model->scenario_count; i++)
        free(model->scenarios[i]);
    free(model->scenarios);
    for (size_t i = 0; i < model->input_count; i++) {
        free(model->inputs[i].role);
        free(model->inputs[i].path);
    }
    free(model->inputs);
    for (size_t i = 0; i < model->control_count; i++) {
        free(model->controls[i].partner);
        free(model->controls[i].service);
        free(model->controls[i].label);
        free(model->controls[i].file);
    }
    free(model->controls);
    memset(model, 0, sizeof *model);
}

mtfp_status mtfp_model_add_line(mtfp_model *model, const mtfp_revenue_line *line)
{
    if (line->amount == INT64_MIN ||
        !mtfp_money_add(model->line_sizes, line->amount < 0 ? -line->amount : line->amount,
                        &model->line_sizes))
        return MTFP_ERR_INPUT;
    if (mtfp_grow(&model->lines, &model->line_cap, model->line_count + 1, sizeof *model->lines))
        return MTFP_ERR_MEMORY;
    model->lines[model->line_count++] = *line;
    return MTFP_OK;
}

mtfp_input_file *mtfp_model_input(const mtfp_model *model, const char *role)
{
    for (size_t i = 0; i < model->input_count; i++)
        if (strcmp(model->inputs[i].role, role) == 0)
            return &model->inputs[i];
    return NULL;
}

mtfp_status mtfp_model_add_input(mtfp_model *model, const char *role, const char *path,
                                 const char *sha256)
{
    if (mtfp_grow(&model->inputs, &model->input_cap, model->input_count + 1, sizeof *model->inputs))
        return MTFP_ERR_MEMORY;
    mtfp_input_file *input = &model->inputs[model->input_count];
    memset(input, 0, sizeof *input);
    input->role = mtfp_strdup(role);
    input->path = mtfp_strdup(path);
    if (!input->role || !input->path) {
        free(input->role);
        free(input->path);
        return MTFP_ERR_MEMORY;
    }
    if (sha256)
        memcpy(input->sha256, sha256, sizeof input->sha256);
    model->input_count++;
    return MTFP_OK;
}

mtfp_status mtfp_model_add_include(mtfp_model *model, const char *path)
{
    for (size_t i = 0; i < model->input_count; i++)
        if (strcmp(model->inputs[i].role, "include") == 0 &&
            strcmp(model->inputs[i].path, path) == 0)
            return MTFP_OK;
    return mtfp_model_add_input(model, "include", path, NULL);
}

mtfp_status mtfp_model_add_scenario(mtfp_model *model, const char *path)
{
    if (mtfp_grow(&model->scenarios, &model->scenario_cap, model->scenario_count + 1,
                  sizeof *model->scenarios))
        return MTFP_ERR_MEMORY;
    char *copy = mtfp_strdup(path);
    if (!copy)
        return MTFP_ERR_MEMORY;
    model->scenarios[model->scenario_count++] = copy;
    return MTFP_OK;
}

mtfp_status mtfp_model_add_control(mtfp_model *model, const mtfp_control_total *control)
{
    if (mtfp_grow(&model->controls, &model->control_cap, model->control_count + 1,
                  sizeof *model->controls))
        return MTFP_ERR_MEMORY;
    mtfp_control_total *added = &model->controls[model->control_count];
    *added = *control;
    added->partner = mtfp_strdup(control->partner);
    added->service = mtfp_strdup(control->service);
    added->label = mtfp_strdup(control->label);
    added->file = mtfp_strdup(control->file);
    model->control_count++;
    if ((control->partner && !added->partner) || (control->service && !added->service) ||
        (control->label && !added->label) || (control->file && !added->file))
        return MTFP_ERR_MEMORY;
    return MTFP_OK;
}

static const char *const provider_names[MTFP_PROVIDERS] = {
    [MTFP_PROVIDER_NONE] = "",
    [MTFP_PROVIDER_OWN] = "own",
    [MTFP_PROVIDER_PRIVATE] = "private",
    [MTFP_PROVIDER_OTHER_PUBLIC] = "other public",
    [MTFP_PROVIDER_VOLUNTARY] = "voluntary",
};

const char *mtfp_provider_name(mtfp_provider provider)
{
    return provider < MTFP_PROVIDERS ? provider_names[provider] : "";
}

int mtfp_provider_find(const char *name, size_t len)
{
    if (mtfp_name_equal(name, len, "own provision"))
        return MTFP_PROVIDER_OWN;
    for (int p = MTFP_PROVIDER_OWN; p < MTFP_PROVIDERS; p++)
        if (mtfp_name_equal(name, len, provider_names[p]))
            return p;
    return -1;
}

mtfp_status mtfp_model_group_service(mtfp_model *model, uint32_t service, const uint32_t *groups,
                                     uint32_t *earlier)
{
    size_t had = model->service_groups_cap;
    if (mtfp_grow(&model->service_groups, &model->service_groups_cap,
                  ((size_t)service + 1) * MTFP_GROUP_LEVELS, sizeof *model->service_groups))
        return MTFP_ERR_MEMORY;
    for (size_t i = had; i < model->service_groups_cap; i++)
        model->service_groups[i] = -1;
    int32_t *own = &model->service_groups[(size_t)service * MTFP_GROUP_LEVELS];
    bool differ = false;
    for (int l = 0; l < model->group_levels; l++)
        differ = differ || (own[l] >= 0 && own[l] != (int32_t)groups[l]);
    if (differ) {
        for (int l = 0; l < model->group_levels; l++)
            earlier[l] = (uint32_t)own[l];
        return MTFP_ERR_INPUT;
    }
    for (int l = 0; l < model->group_levels; l++)
        own[l] = (int32_t)groups[l];
    return MTFP_OK;
}

bool mtfp_model_in_group(const mtfp_model *model, uint32_t service, uint32_t group)
{
    if (!model->service_groups || (size_t)service * MTFP_GROUP_LEVELS >= model->service_groups_cap)
        return false;
    for (int l = 0; l < model->group_levels; l++)
        if (model->service_groups[(size_t)service * MTFP_GROUP_LEVELS + l] == (int32_t)group)
            return true;
    return false;
}

/* The group of service s at level l, for ordering: -1 when it has none. */
static int32_t group_of(const mtfp_model *model, size_t s, int l)
{
    size_t at = s * MTFP_GROUP_LEVELS + (size_t)l;
    return model->service_groups && at < model->service_groups_cap ? model->service_groups[at] : -1;
}

/* Rank services by their groups, level by level, then by id: a stable
 * insertion sort of ids, as groups are few and services are hundreds. */
static mtfp_status rank_services(mtfp_model *model)
{
    size_t count = model->services.count;
    uint32_t *order = malloc((count ? count : 1) * sizeof *order);
    uint32_t *rank = realloc(model->service_rank, (count ? count : 1) * sizeof *rank);
    if (!order || !rank) {
        free(order);
        if (rank)
            model->service_rank = rank;
        return MTFP_ERR_MEMORY;
    }
    model->service_rank = rank;
    for (size_t i = 0; i < count; i++) {
        size_t at = i;
        while (at > 0) {
            int c = 0;
            for (int l = 0; l < model->group_levels && c == 0; l++) {
                int32_t a = group_of(model, order[at - 1], l), b = group_of(model, i, l);
                c = a < b ? -1 : a > b ? 1 : 0;
            }
            if (c <= 0)
                break;
            order[at] = order[at - 1];
            at--;
        }
        order[at] = (uint32_t)i;
    }
    for (size_t i = 0; i < count; i++)
        rank[order[i]] = (uint32_t)i;
    free(order);
    return MTFP_OK;
}

mtfp_status mtfp_model_index_lines(mtfp_model *model)
{
    size_t count = model->services.count;
    int32_t *held = realloc(model->service_partner, (count ? count : 1) * sizeof *held);
    if (!held)
        return MTFP_ERR_MEMORY;
    model->service_partner = held;
    MTFP_TRY(rank_services(model));
    for (size_t s = 0; s < count; s++)
        held[s] = MTFP_ANY;
    for (size_t i = 0; i < model->line_count; i++) {
        const mtfp_revenue_line *line = &model->lines[i];
        int32_t *partner = &held[line->service];
        if (*partner == MTFP_ANY)
            *partner = (int32_t)line->partner;
        else if (*partner != (int32_t)line->partner)
            *partner = MTFP_SERVICE_SHARED;
    }
    return MTFP_OK;
}

mtfp_status mtfp_model_link_reserves(mtfp_model *model)
{
    mtfp_reserves *reserves = &model->reserves;
    const char *name = MTFP_RESERVES_SERVICE;
    MTFP_TRY(mtfp_names_intern(&model->services, name, strlen(name), &reserves->service));
    int32_t partner = model->organisation ? mtfp_names_find(&model->partners, model->organisation,
                                                            strlen(model->organisation))
                                          : -1;
    reserves->partner = partner >= 0 ? (uint32_t)partner : 0;
    return mtfp_model_index_lines(model);
}

bool mtfp_model_holds(const mtfp_model *model, uint32_t partner, uint32_t service)
{
    int32_t held = model->service_partner[service];
    if (held != MTFP_SERVICE_SHARED)
        return held == (int32_t)partner;
    for (size_t i = 0; i < model->line_count; i++)
        if (model->lines[i].service == service && model->lines[i].partner == partner)
            return true;
    return false;
}

mtfp_month mtfp_model_first_month(const mtfp_model *model)
{
    return mtfp_year_first_month(model->base_year + 1);
}

void mtfp_model_year_label(const mtfp_model *model, int year, char buf[MTFP_YEAR_LABEL_MAX])
{
    mtfp_year_label(model->base_year + year, buf);
}

double mtfp_savings_weight(const mtfp_savings_policy *policy, char rag)
{
    switch (rag) {
    case 'R':
        return policy->weight[0];
    case 'A':
        return policy->weight[1];
    case 'G':
        return policy->weight[2];
    default:
        return 1.0;
    }
}
