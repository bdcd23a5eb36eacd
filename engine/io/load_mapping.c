/* mapping.csv: a general ledger's codes to the model's names, for a revenue
 * file in ledger codes. A row maps a cost centre to a partner and a service
 * (and its groups), or an account (or a range, account to account_to) to a
 * subjective (and a provider). */
#include <stdlib.h>
#include <string.h>

#include "loaders.h"
#include "mtfp/csv_in.h"
#include "mtfp/memory.h"

enum {
    COST_CENTRE,
    ACCOUNT,
    ACCOUNT_TO,
    PARTNER,
    SERVICE,
    GROUP,
    GROUP1,
    GROUP2,
    SUBJECTIVE,
    PROVIDER,
    COLUMNS
};

static const mtfp_csv_column columns[COLUMNS] = {
    [COST_CENTRE] = {"cost_centre", true}, [ACCOUNT] = {"account", true},
    [ACCOUNT_TO] = {"account_to", false},  [PARTNER] = {"partner", true},
    [SERVICE] = {"service", true},         [GROUP] = {"group", false},
    [GROUP1] = {"group1", false},          [GROUP2] = {"group2", false},
    [SUBJECTIVE] = {"subjective", true},   [PROVIDER] = {"provider", false},
};

typedef struct mapping_load {
    mtfp_model *model;
    /* each service's groups, as the cost centres' rows give them */
    mtfp_names services;
    int *service_rows; /* by service: the row that first gave its groups */
    size_t service_rows_cap;
    char **service_groups; /* by service and level */
    size_t service_groups_cap;
} mapping_load;

/* Fields that belong to the other kind of row must be empty. */
static mtfp_status none_of(const mtfp_csv_record *record, const size_t *fields, size_t count,
                           const char *why, mtfp_diag *diag)
{
    for (size_t f = 0; f < count; f++)
        if (mtfp_csv_present(record, fields[f]))
            return mtfp_csv_error(record, fields[f], diag, "%s", why);
    return MTFP_OK;
}

static char *copy(const mtfp_csv_record *record, size_t i)
{
    return mtfp_strndup(record->text[i], record->len[i]);
}

/* A service is in one group at each level, whichever cost centres map to
 * it: checked here, where the rows are the mapping's. */
static mtfp_status same_groups(mapping_load *load, const mtfp_csv_record *record,
                               const mtfp_centre_map *map, size_t group_at, mtfp_diag *diag)
{
    int levels = load->model->mapping.group_levels;
    size_t known = load->services.count;
    uint32_t id;
    size_t groups_cap = load->service_groups_cap;
    MTFP_TRY(mtfp_grow(&load->service_rows, &load->service_rows_cap, known + 1,
                       sizeof *load->service_rows));
    MTFP_TRY(mtfp_grow(&load->service_groups, &groups_cap, (known + 1) * MTFP_MAPPING_LEVELS,
                       sizeof *load->service_groups));
    load->service_groups_cap = groups_cap;
    MTFP_TRY(mtfp_names_intern(&load->services, map->service, strlen(map->service), &id));
    char **groups = &load->service_groups[(size_t)id * MTFP_MAPPING_LEVELS];
    if (id == known) {
        load->service_rows[id] = record->line;
        for (int l = 0; l < MTFP_MAPPING_LEVELS; l++)
            groups[l] = map->groups[l];
        return MTFP_OK;
    }
    for (int l = 0; l < levels; l++)
        if (!mtfp_name_equal(groups[l], strlen(groups[l]), map->groups[l]))
            return mtfp_csv_error(record, group_at + (size_t)l, diag,
                                  "service \"%s\" is in group \"%s\" on line %d: a service is in "
                                  "one group, whichever cost centres map to it",
                                  map->service, groups[l], load->service_rows[id]);
    return MTFP_OK;
}

static mtfp_status centre_row(mapping_load *load, const mtfp_csv_record *record, int levels,
                              mtfp_diag *diag)
{
    static const size_t account_fields[] = {ACCOUNT_TO, SUBJECTIVE, PROVIDER};
    MTFP_TRY(none_of(record, account_fields, 3,
                     "a cost centre's row maps it to a partner and a service; a subjective and "
                     "a provider go on an account's row",
                     diag));
    static const size_t needed[] = {PARTNER, SERVICE};
    for (size_t i = 0; i < 2; i++)
        if (!mtfp_csv_present(record, needed[i]))
            return mtfp_csv_error(record, needed[i], diag,
                                  "expected the %s the cost centre maps to, found an empty field",
                                  columns[needed[i]].name);
    size_t group_at = levels == 1 && record->text[GROUP] ? GROUP : GROUP1;
    size_t group_columns[MTFP_MAPPING_LEVELS] = {group_at, GROUP2};
    for (int l = 0; l < levels; l++)
        if (!mtfp_csv_present(record, group_columns[l]))
            return mtfp_csv_error(record, group_columns[l], diag,
                                  "expected the group the cost centre's service is in, found an "
                                  "empty field");
    mtfp_centre_map map = {
        .partner = copy(record, PARTNER), .service = copy(record, SERVICE), .line = record->line};
    bool copied = map.partner && map.service;
    for (int l = 0; l < levels; l++) {
        map.groups[l] = copy(record, group_columns[l]);
        copied = copied && map.groups[l];
    }
    mtfp_status status = copied ? MTFP_OK : MTFP_ERR_MEMORY;
    if (status == MTFP_OK && levels > 0)
        status = same_groups(load, record, &map, group_at, diag);
    int earlier;
    if (status == MTFP_OK)
        status = mtfp_mapping_add_centre(&load->model->mapping, record->text[COST_CENTRE],
                                         record->len[COST_CENTRE], &map, &earlier);
    else {
        free(map.partner);
        free(map.service);
        for (int l = 0; l < MTFP_MAPPING_LEVELS; l++)
            free(map.groups[l]);
        return status;
    }
    if (status == MTFP_ERR_INPUT)
        return mtfp_csv_error(record, COST_CENTRE, diag,
                              "cost centre \"%s\" is mapped on line %d too: map each code once",
                              record->text[COST_CENTRE], earlier);
    return status;
}

static mtfp_status account_row(mapping_load *load, const mtfp_csv_record *record, mtfp_diag *diag)
{
    static const size_t centre_fields[] = {PARTNER, SERVICE, GROUP, GROUP1, GROUP2};
    MTFP_TRY(none_of(record, centre_fields, 5,
                     "an account's row maps it to a subjective (and a provider); a partner, a "
                     "service and groups go on a cost centre's row",
                     diag));
    mtfp_account_map map = {.line = record->line};
    MTFP_TRY(mtfp_loader_subjective(record, SUBJECTIVE, &map.subjective, diag));
    MTFP_TRY(mtfp_loader_provider(record, PROVIDER, &map.provider, diag));
    if (mtfp_csv_present(record, ACCOUNT_TO)) {
        if (record->len[ACCOUNT_TO] != record->len[ACCOUNT] ||
            memcmp(record->text[ACCOUNT], record->text[ACCOUNT_TO], record->len[ACCOUNT]) > 0)
            return mtfp_csv_error(record, ACCOUNT_TO, diag,
                                  "a range of accounts runs from account to account_to, two codes "
                                  "as long as each other, the first not after the last: \"%s\" "
                                  "to \"%s\" is not one",
                                  record->text[ACCOUNT], record->text[ACCOUNT_TO]);
        map.to = copy(record, ACCOUNT_TO);
        if (!map.to)
            return MTFP_ERR_MEMORY;
    }
    map.from = copy(record, ACCOUNT);
    if (!map.from) {
        free(map.to);
        return MTFP_ERR_MEMORY;
    }
    bool range = map.to != NULL;
    int earlier;
    mtfp_status status = mtfp_mapping_add_account(&load->model->mapping, &map, &earlier);
    if (status == MTFP_ERR_INPUT)
        return mtfp_csv_error(record, ACCOUNT, diag,
                              "%s \"%s\"%s%s%s is mapped on line %d too: map each code once (an "
                              "account in a range, or ranges that overlap, map it twice)",
                              range ? "the range" : "account", record->text[ACCOUNT],
                              range ? " to \"" : "", range ? record->text[ACCOUNT_TO] : "",
                              range ? "\"" : "", earlier);
    return status;
}

static mtfp_status mapping_row(void *context, const mtfp_csv_record *record, mtfp_diag *diag)
{
    mapping_load *load = context;
    mtfp_mapping *mapping = &load->model->mapping;
    int levels;
    MTFP_TRY(mtfp_loader_group_levels(record, GROUP, GROUP1, GROUP2, &levels, diag));
    mapping->group_levels = levels;
    bool centre = mtfp_csv_present(record, COST_CENTRE),
         account = mtfp_csv_present(record, ACCOUNT);
    if (centre && account)
        return mtfp_csv_error(record, ACCOUNT, diag,
                              "a row maps a cost centre or an account, not both: give each its "
                              "own row");
    if (!centre && !account)
        return mtfp_csv_error(record, COST_CENTRE, diag,
                              "expected a cost centre or an account to map, found neither");
    return centre ? centre_row(load, record, levels, diag) : account_row(load, record, diag);
}

mtfp_status mtfp_load_mapping(mtfp_model *model, const char *path, mtfp_diag *diag)
{
    mapping_load load = {.model = model};
    mtfp_names_init(&load.services);
    mtfp_mapping *mapping = &model->mapping;
    mtfp_status status = mtfp_csv_read(path, columns, COLUMNS, mapping_row, &load, diag);
    mtfp_names_free(&load.services);
    free(load.service_rows);
    free(load.service_groups); /* the strings are the mapping's */
    MTFP_TRY(status);
    if (mapping->centres.count == 0 || mapping->accounts.count + mapping->range_count == 0)
        return mtfp_diag_error(diag, MTFP_ERR_INPUT, path, 0, 0,
                               "expected rows mapping the ledger's cost centres (to a partner and "
                               "a service) and its accounts (to a subjective); found %s",
                               mapping->centres.count ? "no account" : "no cost centre");
    mapping->file = mtfp_strdup(path);
    if (!mapping->file)
        return MTFP_ERR_MEMORY;
    mapping->loaded = true;
    return MTFP_OK;
}
