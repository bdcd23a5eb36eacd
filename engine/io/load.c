/* Loading a model directory, and a run: the model and its scenarios. */
#define _POSIX_C_SOURCE 200809L

#include "mtfp/load.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "loaders.h"
#include "mtfp/memory.h"
#include "mtfp/path.h"
#include "mtfp/script.h"
#include "mtfp/subjective.h"

/* The input files of a model, in the order they are loaded. */
static const struct {
    const char *role;
    bool required;
    mtfp_loader load;
} parts[] = {
    {"revenue", true, mtfp_load_revenue},
    {"funding", false, mtfp_load_funding},
    {"capital", false, mtfp_load_capital},
    {"paypoints", false, mtfp_load_paypoints},
    {"establishment", false, mtfp_load_establishment},
    {"placements", false, mtfp_load_placements},
    {"savings", false, mtfp_load_savings},
};

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* An error if dir has a file whose name differs from name only in case
 * (Funding.csv for funding.csv): a system with case-sensitive names would
 * leave it unread without a word, in place of name or beside it. */
static mtfp_status case_twin(const char *dir, const char *name, mtfp_diag *diag)
{
    DIR *listing = opendir(dir);
    if (!listing)
        return MTFP_OK; /* the file is then not found, as before */
    char *own = mtfp_path_join(dir, name);
    mtfp_status status = own ? MTFP_OK : MTFP_ERR_MEMORY;
    struct stat own_st;
    bool beside = own && stat(own, &own_st) == 0 && S_ISREG(own_st.st_mode);
    const struct dirent *entry;
    while (status == MTFP_OK && (entry = readdir(listing)) != NULL) {
        if (strcasecmp(entry->d_name, name) != 0 || strcmp(entry->d_name, name) == 0)
            continue;
        char *path = mtfp_path_join(dir, entry->d_name);
        struct stat st;
        /* A file, and not name itself on a system whose names ignore case. */
        bool other = path && stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
                     !(beside && st.st_dev == own_st.st_dev && st.st_ino == own_st.st_ino);
        if (!path)
            status = MTFP_ERR_MEMORY;
        else if (other)
            status = mtfp_diag_error(diag, MTFP_ERR_INPUT, path, 0, 0,
                                     "mtfp reads %s%s (file names are case-sensitive); %s", name,
                                     beside ? ", which is here too" : "",
                                     beside ? "remove the one that is out of date" : "rename it");
        free(path);
    }
    free(own);
    closedir(listing);
    return status;
}

/* The path of a part's file: as model.lua's inputs name it, else the
 * standard name if that file exists; NULL if there is none. */
static mtfp_status part_path(mtfp_model *model, size_t part, const char *model_lua,
                             const char **path, mtfp_diag *diag)
{
    const char *role = parts[part].role;
    mtfp_input_file *named = mtfp_model_input(model, role);
    if (named) {
        if (!is_file(named->path))
            return mtfp_diag_error(diag, MTFP_ERR_INPUT, model_lua, named->line, 0,
                                   "inputs.%s names \"%s\", which is not a file", role,
                                   named->path);
        *path = named->path;
        return MTFP_OK;
    }
    char *standard = mtfp_format("%s.csv", role);
    char *joined = standard ? mtfp_path_join(model->dir, standard) : NULL;
    if (!joined) {
        free(standard);
        return MTFP_ERR_MEMORY;
    }
    *path = NULL;
    mtfp_status status = case_twin(model->dir, standard, diag);
    if (status == MTFP_OK && is_file(joined)) {
        status = mtfp_model_add_input(model, role, joined, NULL);
        *path = status == MTFP_OK ? mtfp_model_input(model, role)->path : NULL;
    } else if (status == MTFP_OK && parts[part].required) {
        status = mtfp_diag_error(diag, MTFP_ERR_INPUT, joined, 0, 0,
                                 "not found; a model needs model.lua and %s.csv", role);
    }
    free(standard);
    free(joined);
    return status;
}

/* A year the source gives no amount for, before any end it has. */
static bool funding_missing(const mtfp_funding_source *source, int y)
{
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

static mtfp_status hash_inputs(mtfp_model *model, mtfp_diag *diag)
{
    for (size_t i = 0; i < model->input_count; i++)
        if (!model->inputs[i].sha256[0])
            MTFP_TRY(mtfp_sha256_file(model->inputs[i].path, model->inputs[i].sha256, diag));
    return MTFP_OK;
}

mtfp_status mtfp_model_load(mtfp_model *model, const char *dir, int years_override, mtfp_diag *diag)
{
    if (!is_directory(dir))
        return mtfp_diag_error(diag, MTFP_ERR_INPUT, dir, 0, 0,
                               "not a model directory (expected a directory holding model.lua "
                               "and revenue.csv)");
    model->dir = mtfp_path_join(NULL, dir);
    char *model_lua = model->dir ? mtfp_path_join(model->dir, "model.lua") : NULL;
    if (!model_lua)
        return MTFP_ERR_MEMORY;
    mtfp_status status = case_twin(model->dir, "model.lua", diag);
    if (status == MTFP_OK && !is_file(model_lua))
        status = mtfp_diag_error(diag, MTFP_ERR_INPUT, model_lua, 0, 0,
                                 "not found; a model directory needs model.lua");
    if (status == MTFP_OK)
        status = mtfp_model_add_input(model, "model", model_lua, NULL);
    if (status == MTFP_OK)
        status = mtfp_script_load_model(model, model_lua, diag);
    if (status == MTFP_OK && years_override > 0)
        model->years = years_override;
    for (size_t part = 0; status == MTFP_OK && part < sizeof parts / sizeof *parts; part++) {
        const char *path = NULL;
        status = part_path(model, part, model_lua, &path, diag);
        if (status == MTFP_OK && path)
            status = parts[part].load(model, path, diag);
    }
    if (status == MTFP_OK)
        status = mtfp_pools_link(&model->pools, model, diag);
    if (status == MTFP_OK)
        status = warn_missing_funding(model, diag);
    if (status == MTFP_OK)
        status = mtfp_model_reconcile(model, diag);
    if (status == MTFP_OK && model->establishment.count > 0)
        status = reconcile_subjective(model, establishment_bill, MTFP_SUBJ_EMPLOYEES,
                                      "establishment", "the establishment costs", diag);
    if (status == MTFP_OK && model->placements.count > 0)
        status = reconcile_subjective(model, placements_cost, MTFP_SUBJ_THIRD_PARTY, "placements",
                                      "placements cost", diag);
    if (status == MTFP_OK)
        status = hash_inputs(model, diag);
    free(model_lua);
    return status;
}

/* The last scenario's name is not an earlier one's: the pack, the CSV and the
 * Compare sheet tell scenarios apart by name. The error is at the line that
 * named it (none when it is named after its file). */
static mtfp_status unique_name(const mtfp_run *run, mtfp_diag *diag)
{
    const mtfp_scenario *last = &run->scenarios[run->count - 1];
    const char *file = last->name_file ? last->name_file : last->file;
    for (size_t i = 0; i + 1 < run->count; i++) {
        const mtfp_scenario *earlier = &run->scenarios[i];
        if (strcmp(earlier->name, last->name) != 0)
            continue;
        if (!earlier->file)
            return mtfp_diag_error(diag, MTFP_ERR_INPUT, file, last->name_line, 0,
                                   "the scenario is named \"Base\", the name of the model with "
                                   "no scenario: give it another name");
        if (strcmp(earlier->file, last->file) == 0)
            return mtfp_diag_error(diag, MTFP_ERR_INPUT, last->file, 0, 0,
                                   "the script is given twice (in model.lua's scenarios and with "
                                   "-s?): the pack would hold its scenario twice");
        char where[MTFP_DIAG_FILE_MAX + 16];
        if (earlier->name_file)
            snprintf(where, sizeof where, "%s:%d", earlier->name_file, earlier->name_line);
        else
            snprintf(where, sizeof where, "%s", earlier->file);
        return mtfp_diag_error(diag, MTFP_ERR_INPUT, file, last->name_line, 0,
                               "the scenario is named \"%s\", as is the one at %s: give each "
                               "scenario in a run its own name",
                               last->name, where);
    }
    return MTFP_OK;
}

static mtfp_status add_scenario(mtfp_run *run, const char *script, mtfp_diag *diag)
{
    char *path = mtfp_path_join(NULL, script);
    if (!path)
        return MTFP_ERR_MEMORY;
    mtfp_status status = MTFP_OK;
    if (!is_file(path))
        status = mtfp_diag_error(diag, MTFP_ERR_INPUT, path, 0, 0, "%s",
                                 is_directory(path)
                                     ? "is a directory: give a scenario script (a .lua file) in it"
                                     : "scenario script not found");
    mtfp_scenario *scenario;
    if (status == MTFP_OK)
        status = mtfp_run_add_scenario(run, mtfp_path_base(path), path, &scenario);
    if (status == MTFP_OK)
        status = mtfp_script_apply(&run->model, scenario, &run->settings, NULL, diag);
    if (status == MTFP_OK)
        status = unique_name(run, diag);
    char hex[65];
    if (status == MTFP_OK)
        status = mtfp_sha256_file(path, hex, diag);
    if (status == MTFP_OK)
        status = mtfp_model_add_input(&run->model, "scenario", path, hex);
    for (size_t i = 0; status == MTFP_OK && i < scenario->include_count; i++)
        status = mtfp_model_add_include(&run->model, scenario->includes[i]);
    if (status == MTFP_OK)
        status = hash_inputs(&run->model, diag);
    free(path);
    return status;
}

mtfp_status mtfp_run_load(mtfp_run *run, const char *dir, const char *const *scripts,
                          size_t script_count, int years_override, mtfp_diag *diag)
{
    MTFP_TRY(mtfp_model_load(&run->model, dir, years_override, diag));
    mtfp_scenario *base;
    MTFP_TRY(mtfp_run_add_scenario(run, "Base", NULL, &base));
    for (size_t i = 0; i < run->model.scenario_count; i++)
        MTFP_TRY(add_scenario(run, run->model.scenarios[i], diag));
    for (size_t i = 0; i < script_count; i++)
        MTFP_TRY(add_scenario(run, scripts[i], diag));
    /* A misspelt --set would leave the default in place. */
    const mtfp_setting *unused = mtfp_settings_unused(&run->settings);
    return unused ? mtfp_run_unknown_param(run, "--set", unused->name, diag) : MTFP_OK;
}
