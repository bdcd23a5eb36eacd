/* A model directory's input files: where each part's file is, loading them
 * in order with their loaders, and their SHA-256 for the Cover. */
#define _POSIX_C_SOURCE 200809L

#include "mtfp/inputs.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "loaders.h"
#include "mtfp/memory.h"
#include "mtfp/path.h"
#include "mtfp/sha256.h"
#include "mtfp/xlsx_in.h"

/* The input files of a model, in the order they are loaded. */
static const struct {
    const char *role;
    bool required;
    mtfp_loader load;
} parts[] = {
    {"mapping", false, mtfp_load_mapping}, /* before the revenue file it maps */
    {"revenue", true, mtfp_load_revenue},
    {"funding", false, mtfp_load_funding},
    {"capital", false, mtfp_load_capital},
    {"paypoints", false, mtfp_load_paypoints},
    {"establishment", false, mtfp_load_establishment},
    {"placements", false, mtfp_load_placements},
    {"savings", false, mtfp_load_savings},
    {"actuals", false, mtfp_load_actuals},
    {"profile", false, mtfp_load_profile},
    {"forecast", false, mtfp_load_forecast},
    {"risks", false, mtfp_load_risks},
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

/* The file an input's path names: a workbook's, less its "!SHEET". */
static char *file_of(const char *path)
{
    return mtfp_strndup(path, mtfp_xlsx_file_length(path));
}

/* The path of a part's file: as model.lua's inputs name it, else the
 * standard name (ROLE.csv, or an Excel workbook ROLE.xlsx) if that file
 * exists; NULL if there is none. */
static mtfp_status part_path(mtfp_model *model, size_t part, const char *model_lua,
                             const char **path, mtfp_diag *diag)
{
    const char *role = parts[part].role;
    mtfp_input_file *named = mtfp_model_input(model, role);
    if (named) {
        char *file = file_of(named->path);
        if (!file)
            return MTFP_ERR_MEMORY;
        bool there = is_file(file);
        free(file);
        if (!there)
            return mtfp_diag_error(diag, MTFP_ERR_INPUT, model_lua, named->line, 0,
                                   "inputs.%s names \"%s\", which is not a file", role,
                                   named->path);
        *path = named->path;
        return MTFP_OK;
    }
    char *standard = mtfp_format("%s.csv", role), *workbook = mtfp_format("%s.xlsx", role);
    char *joined = standard ? mtfp_path_join(model->dir, standard) : NULL;
    char *joined_workbook = workbook ? mtfp_path_join(model->dir, workbook) : NULL;
    mtfp_status status = joined && joined_workbook ? MTFP_OK : MTFP_ERR_MEMORY;
    *path = NULL;
    if (status == MTFP_OK)
        status = case_twin(model->dir, standard, diag);
    if (status == MTFP_OK)
        status = case_twin(model->dir, workbook, diag);
    bool csv = status == MTFP_OK && is_file(joined);
    bool xlsx = status == MTFP_OK && is_file(joined_workbook);
    if (csv && xlsx) {
        status = mtfp_diag_error(diag, MTFP_ERR_INPUT, joined_workbook, 0, 0,
                                 "mtfp reads %s or %s, and both are here: remove the one that is "
                                 "out of date (or name one in model.lua's inputs)",
                                 standard, workbook);
    } else if (csv || xlsx) {
        status = mtfp_model_add_input(model, role, csv ? joined : joined_workbook, NULL);
        *path = status == MTFP_OK ? mtfp_model_input(model, role)->path : NULL;
    } else if (status == MTFP_OK && parts[part].required) {
        status = mtfp_diag_error(diag, MTFP_ERR_INPUT, joined, 0, 0,
                                 "not found; a model needs model.lua and %s (or %s)", standard,
                                 workbook);
    }
    free(standard);
    free(workbook);
    free(joined);
    free(joined_workbook);
    return status;
}

mtfp_status mtfp_inputs_hash(mtfp_model *model, mtfp_diag *diag)
{
    for (size_t i = 0; i < model->input_count; i++) {
        if (model->inputs[i].sha256[0])
            continue;
        char *file = file_of(model->inputs[i].path);
        mtfp_status status =
            file ? mtfp_sha256_file(file, model->inputs[i].sha256, diag) : MTFP_ERR_MEMORY;
        free(file);
        MTFP_TRY(status);
    }
    return MTFP_OK;
}

mtfp_status mtfp_inputs_model_lua(mtfp_model *model, const char *dir, char **model_lua,
                                  mtfp_diag *diag)
{
    *model_lua = NULL;
    if (!is_directory(dir))
        return mtfp_diag_error(diag, MTFP_ERR_INPUT, dir, 0, 0,
                               "not a model directory (expected a directory holding model.lua "
                               "and revenue.csv)");
    model->dir = mtfp_path_join(NULL, dir);
    char *path = model->dir ? mtfp_path_join(model->dir, "model.lua") : NULL;
    if (!path)
        return MTFP_ERR_MEMORY;
    mtfp_status status = case_twin(model->dir, "model.lua", diag);
    if (status == MTFP_OK && !is_file(path))
        status = mtfp_diag_error(diag, MTFP_ERR_INPUT, path, 0, 0,
                                 "not found; a model directory needs model.lua");
    if (status == MTFP_OK)
        status = mtfp_model_add_input(model, "model", path, NULL);
    if (status != MTFP_OK) {
        free(path);
        return status;
    }
    *model_lua = path;
    return MTFP_OK;
}

mtfp_status mtfp_inputs_load(mtfp_model *model, const char *model_lua, mtfp_diag *diag)
{
    /* Every error in every file is reported at once: a file in error is
     * kept and the next is read, as long as the revenue lines are in to
     * check the others' services against. */
    bool collect = diag->collect;
    diag->collect = true;
    mtfp_status status = MTFP_OK;
    for (size_t part = 0; status == MTFP_OK && part < sizeof parts / sizeof *parts; part++) {
        const char *path = NULL;
        status = part_path(model, part, model_lua, &path, diag);
        if (status == MTFP_OK && path)
            status = parts[part].load(model, path, diag);
        status = mtfp_diag_keep(diag, status);
        if (status == MTFP_OK && diag->error_total > 0 && !model->service_partner)
            break;
    }
    diag->collect = collect;
    return status == MTFP_OK ? mtfp_diag_kept(diag) : status;
}

mtfp_status mtfp_inputs_script(const char *path, mtfp_diag *diag)
{
    if (is_file(path))
        return MTFP_OK;
    return mtfp_diag_error(diag, MTFP_ERR_INPUT, path, 0, 0, "%s",
                           is_directory(path)
                               ? "is a directory: give a scenario script (a .lua file) in it"
                               : "scenario script not found");
}
