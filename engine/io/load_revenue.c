/* revenue.csv: the base-year revenue budget, one row per line; or, when the
 * model has a code mapping (mapping.csv), a ledger export in codes, each
 * row's cost centre and account mapped to the model's names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loaders.h"
#include "mtfp/csv_in.h"
#include "mtfp/memory.h"
#include "mtfp/names.h"
#include "mtfp/path.h"

enum {
    PARTNER,
    SERVICE,
    COST_CENTRE,
    SUBJECTIVE,
    AMOUNT,
    INDEX,
    GROUP,
    GROUP1,
    GROUP2,
    PROVIDER,
    COLUMNS
};

static const mtfp_csv_column columns[COLUMNS] = {
    [PARTNER] = {"partner", true},
    [SERVICE] = {"service", true},
    [COST_CENTRE] = {"cost_centre", false},
    [SUBJECTIVE] = {"subjective", true},
    [AMOUNT] = {"amount", true},
    [INDEX] = {"index", false},
    [GROUP] = {"group", false},
    [GROUP1] = {"group1", false},
    [GROUP2] = {"group2", false},
    [PROVIDER] = {"provider", false},
};

/* A ledger export's columns, with a mapping. */
enum { LEDGER_CENTRE, LEDGER_ACCOUNT, LEDGER_AMOUNT, LEDGER_INDEX, LEDGER_COLUMNS };

static const mtfp_csv_column ledger_columns[LEDGER_COLUMNS] = {
    [LEDGER_CENTRE] = {"cost_centre", true},
    [LEDGER_ACCOUNT] = {"account", true},
    [LEDGER_AMOUNT] = {"amount", true},
    [LEDGER_INDEX] = {"index", false},
};

/* A code of the ledger that the mapping has not got: its lines and their
 * total, and the first line. */
typedef struct unmapped {
    int lines;
    mtfp_pence total;
    int first;
} unmapped;

enum { UNMAPPED_CENTRE, UNMAPPED_ACCOUNT, UNMAPPED_KINDS };

typedef struct revenue_load {
    mtfp_model *model;
    mtfp_names codes[UNMAPPED_KINDS]; /* exact */
    unmapped *unmapped[UNMAPPED_KINDS];
    size_t caps[UNMAPPED_KINDS];
    bool workbook; /* the file is a sheet: "row", not "line" */
} revenue_load;

/* A line's names: from the file's columns, or the mapping's. */
typedef struct line_names {
    const char *partner, *service, *groups[MTFP_GROUP_LEVELS];
    size_t partner_len, service_len, group_lens[MTFP_GROUP_LEVELS];
} line_names;

static mtfp_status subjective(const mtfp_csv_record *record, size_t i, uint32_t *id,
                              mtfp_diag *diag)
{
    if (!mtfp_csv_present(record, i))
        return mtfp_csv_error(record, i, diag,
                              "expected a subjective (e.g. Employees), found an empty field");
    int found = mtfp_subjective_find(record->text[i], record->len[i]);
    if (found >= 0) {
        *id = (uint32_t)found;
        return MTFP_OK;
    }
    const char *closest = mtfp_subjective_closest(record->text[i], record->len[i]);
    char hint[MTFP_NAME_HINT_MAX];
    return mtfp_csv_error(record, i, diag, "unknown subjective \"%s\"%s", record->text[i],
                          mtfp_name_hint(closest,
                                         "; expected one of CIPFA's groups, e.g. Employees, "
                                         "Premises, Supplies and Services, Third Party Payments, "
                                         "Government Grants",
                                         hint));
}

mtfp_status mtfp_loader_subjective(const mtfp_csv_record *record, size_t i, uint32_t *id,
                                   mtfp_diag *diag)
{
    return subjective(record, i, id, diag);
}

mtfp_status mtfp_loader_provider(const mtfp_csv_record *record, size_t i, uint8_t *provider,
                                 mtfp_diag *diag)
{
    *provider = MTFP_PROVIDER_NONE;
    if (!mtfp_csv_present(record, i))
        return MTFP_OK;
    int found = mtfp_provider_find(record->text[i], record->len[i]);
    if (found >= 0) {
        *provider = (uint8_t)found;
        return MTFP_OK;
    }
    const char *names[MTFP_PROVIDERS - 1];
    for (int p = MTFP_PROVIDER_OWN; p < MTFP_PROVIDERS; p++)
        names[p - 1] = mtfp_provider_name((mtfp_provider)p);
    char hint[MTFP_NAME_HINT_MAX];
    return mtfp_csv_error(
        record, i, diag, "unknown provider \"%s\"%s", record->text[i],
        mtfp_name_hint(
            mtfp_name_closest_of(names, MTFP_PROVIDERS - 1, record->text[i], record->len[i]),
            "; expected own (own provision), private, other public or voluntary", hint));
}

mtfp_status mtfp_loader_group_levels(const mtfp_csv_record *record, size_t group, size_t group1,
                                     size_t group2, int *levels, mtfp_diag *diag)
{
    bool one = record->text[group] != NULL, first = record->text[group1] != NULL,
         second = record->text[group2] != NULL;
    if (one && (first || second))
        return mtfp_csv_error(record, first ? group1 : group2, diag,
                              "give the column group (one level of groups) or group1 and "
                              "group2 (two), not both");
    if (second && !first)
        return mtfp_csv_error(record, group2, diag,
                              "group2 is below group1: give group1 too (or group for one level)");
    *levels = one || first ? 1 + second : 0;
    return MTFP_OK;
}

/* The line's index: the column when given, else its subjective's default. */
static mtfp_status line_index(const mtfp_model *model, const mtfp_csv_record *record, size_t i,
                              uint32_t subjective, uint32_t *id, mtfp_diag *diag)
{
    const char *text = mtfp_subjective_default_index((mtfp_subjective)subjective);
    size_t len = strlen(text);
    if (mtfp_csv_present(record, i)) {
        text = record->text[i];
        len = record->len[i];
    }
    int32_t found = mtfp_indices_find(&model->indices, text, len);
    if (found < 0) {
        const char *names[64];
        size_t count = model->indices.count < 64 ? model->indices.count : 64;
        for (size_t n = 0; n < count; n++)
            names[n] = model->indices.items[n].name;
        const char *closest = mtfp_name_closest_of(names, count, text, len);
        char hint[MTFP_NAME_HINT_MAX];
        return mtfp_csv_error(record, i, diag,
                              "unknown index \"%s\"%s; indices are pay, prices, contracts, "
                              "fees, none and those model.lua defines with index()",
                              text, mtfp_name_hint(closest, NULL, hint));
    }
    *id = (uint32_t)found;
    return MTFP_OK;
}

/* Put the line's service in its groups (a service is in one group at each
 * level, whichever rows give it); at is the field an error names. */
static mtfp_status group_service(mtfp_model *model, const mtfp_csv_record *record, size_t at,
                                 const line_names *names, uint32_t service, mtfp_diag *diag)
{
    uint32_t ids[MTFP_GROUP_LEVELS], earlier[MTFP_GROUP_LEVELS];
    for (int l = 0; l < model->group_levels; l++)
        MTFP_TRY(
            mtfp_names_intern(&model->groups, names->groups[l], names->group_lens[l], &ids[l]));
    mtfp_status status = mtfp_model_group_service(model, service, ids, earlier);
    if (status != MTFP_ERR_INPUT)
        return status;
    char was[2 * MTFP_DIAG_MESSAGE_MAX / 4];
    snprintf(was, sizeof was, "\"%s\"%s%s%s", mtfp_names_get(&model->groups, earlier[0]),
             model->group_levels > 1 ? " / \"" : "",
             model->group_levels > 1 ? mtfp_names_get(&model->groups, earlier[1]) : "",
             model->group_levels > 1 ? "\"" : "");
    return mtfp_csv_error(record, at, diag,
                          "service \"%s\" is in group %s on an earlier row: a service is in one "
                          "group, whichever rows give it",
                          mtfp_names_get(&model->services, service), was);
}

/* Add a line of the given names; amount, index and the income check at
 * the record's fields amount and index. */
static mtfp_status add_line(mtfp_model *model, const mtfp_csv_record *record,
                            const line_names *names, size_t group_at, int32_t cost_centre,
                            uint32_t subjective, uint8_t provider, mtfp_pence amount,
                            size_t amount_at, size_t index_at, mtfp_diag *diag)
{
    mtfp_revenue_line line = {.cost_centre = cost_centre,
                              .subjective = subjective,
                              .amount = amount,
                              .provider = provider,
                              .source_line = record->line};
    MTFP_TRY(
        mtfp_names_intern(&model->partners, names->partner, names->partner_len, &line.partner));
    MTFP_TRY(
        mtfp_names_intern(&model->services, names->service, names->service_len, &line.service));
    if (model->group_levels > 0)
        MTFP_TRY(group_service(model, record, group_at, names, line.service, diag));
    MTFP_TRY(line_index(model, record, index_at, subjective, &line.index, diag));
    if (mtfp_subjective_is_income((mtfp_subjective)subjective) && amount > 0)
        MTFP_TRY(mtfp_csv_warn(record, amount_at, diag,
                               "%s is income but the amount is positive; income is negative "
                               "(expenditure positive)",
                               mtfp_subjective_name((mtfp_subjective)subjective)));
    model->providers = model->providers || provider != MTFP_PROVIDER_NONE;
    mtfp_status status = mtfp_model_add_line(model, &line);
    if (status == MTFP_ERR_INPUT)
        return mtfp_csv_error(record, amount_at, diag,
                              "the revenue lines add up to more than mtfp can hold: their "
                              "amounts (spend and income alike) must total at most "
                              "92,233,720,368,547,758.07");
    return status;
}

static mtfp_status name(const mtfp_csv_record *record, size_t i, const char *what,
                        const char **text, size_t *len, mtfp_diag *diag)
{
    if (!mtfp_csv_present(record, i))
        return mtfp_csv_error(record, i, diag, "expected a %s name, found an empty field", what);
    *text = record->text[i];
    *len = record->len[i];
    return MTFP_OK;
}

static mtfp_status revenue_row(void *context, const mtfp_csv_record *record, mtfp_diag *diag)
{
    revenue_load *load = context;
    mtfp_model *model = load->model;
    line_names names = {0};
    MTFP_TRY(name(record, PARTNER, "partner", &names.partner, &names.partner_len, diag));
    MTFP_TRY(name(record, SERVICE, "service", &names.service, &names.service_len, diag));
    int levels;
    MTFP_TRY(mtfp_loader_group_levels(record, GROUP, GROUP1, GROUP2, &levels, diag));
    model->group_levels = levels;
    size_t group_columns[MTFP_GROUP_LEVELS] = {levels == 1 && record->text[GROUP] ? GROUP : GROUP1,
                                               GROUP2};
    for (int l = 0; l < levels; l++)
        MTFP_TRY(
            name(record, group_columns[l], "group", &names.groups[l], &names.group_lens[l], diag));
    int32_t cost_centre = -1;
    if (mtfp_csv_present(record, COST_CENTRE)) {
        uint32_t id;
        MTFP_TRY(mtfp_names_intern(&model->cost_centres, record->text[COST_CENTRE],
                                   record->len[COST_CENTRE], &id));
        cost_centre = (int32_t)id;
    }
    uint32_t subject;
    MTFP_TRY(subjective(record, SUBJECTIVE, &subject, diag));
    mtfp_pence amount;
    MTFP_TRY(mtfp_csv_money_rounding(record, AMOUNT, &model->rounding, &amount, diag));
    uint8_t provider;
    MTFP_TRY(mtfp_loader_provider(record, PROVIDER, &provider, diag));
    return add_line(model, record, &names, group_columns[0], cost_centre, subject, provider, amount,
                    AMOUNT, INDEX, diag);
}

/* Count a code the mapping lacks; false if out of memory or the total
 * overflows. */
static mtfp_status note_unmapped(revenue_load *load, int kind, const mtfp_csv_record *record,
                                 size_t i, mtfp_pence amount, mtfp_diag *diag)
{
    size_t known = load->codes[kind].count;
    uint32_t id;
    MTFP_TRY(mtfp_grow(&load->unmapped[kind], &load->caps[kind], known + 1,
                       sizeof *load->unmapped[kind]));
    MTFP_TRY(mtfp_names_intern(&load->codes[kind], record->text[i], record->len[i], &id));
    unmapped *code = &load->unmapped[kind][id];
    if (id == known)
        *code = (unmapped){.first = record->line};
    code->lines++;
    if (!mtfp_money_add(code->total, amount, &code->total))
        return mtfp_csv_error(record, LEDGER_AMOUNT, diag,
                              "the lines of this unmapped code add up to more than mtfp can hold");
    return MTFP_OK;
}

static mtfp_status ledger_row(void *context, const mtfp_csv_record *record, mtfp_diag *diag)
{
    revenue_load *load = context;
    mtfp_model *model = load->model;
    const mtfp_mapping *mapping = &model->mapping;
    load->workbook = record->sheet != NULL;
    if (!mtfp_csv_present(record, LEDGER_CENTRE))
        return mtfp_csv_error(record, LEDGER_CENTRE, diag,
                              "expected a cost centre, found an empty field");
    if (!mtfp_csv_present(record, LEDGER_ACCOUNT))
        return mtfp_csv_error(record, LEDGER_ACCOUNT, diag,
                              "expected an account, found an empty field");
    mtfp_pence amount;
    MTFP_TRY(mtfp_csv_money_rounding(record, LEDGER_AMOUNT, &model->rounding, &amount, diag));
    const mtfp_centre_map *centre =
        mtfp_mapping_centre(mapping, record->text[LEDGER_CENTRE], record->len[LEDGER_CENTRE]);
    const mtfp_account_map *account =
        mtfp_mapping_account(mapping, record->text[LEDGER_ACCOUNT], record->len[LEDGER_ACCOUNT]);
    if (!centre)
        MTFP_TRY(note_unmapped(load, UNMAPPED_CENTRE, record, LEDGER_CENTRE, amount, diag));
    if (!account)
        MTFP_TRY(note_unmapped(load, UNMAPPED_ACCOUNT, record, LEDGER_ACCOUNT, amount, diag));
    if (!centre || !account)
        return MTFP_OK; /* listed at the end, with every other */
    line_names names = {.partner = centre->partner,
                        .partner_len = strlen(centre->partner),
                        .service = centre->service,
                        .service_len = strlen(centre->service)};
    for (int l = 0; l < model->group_levels; l++) {
        names.groups[l] = centre->groups[l];
        names.group_lens[l] = strlen(centre->groups[l]);
    }
    uint32_t cost_centre;
    MTFP_TRY(mtfp_names_intern(&model->cost_centres, record->text[LEDGER_CENTRE],
                               record->len[LEDGER_CENTRE], &cost_centre));
    return add_line(model, record, &names, LEDGER_CENTRE, (int32_t)cost_centre, account->subjective,
                    account->provider, amount, LEDGER_AMOUNT, LEDGER_INDEX, diag);
}

/* Every code the mapping lacks, in one error: each with its lines and
 * their total, as many as the message holds. */
static mtfp_status unmapped_error(const revenue_load *load, const char *path, mtfp_diag *diag)
{
    static const char *const kinds[UNMAPPED_KINDS] = {"cost centre", "account"};
    size_t codes = load->codes[0].count + load->codes[1].count;
    char message[MTFP_DIAG_MESSAGE_MAX];
    const char *mapping = mtfp_path_base(load->model->mapping.file);
    int used = snprintf(message, sizeof message, "%zu ledger code%s %s not in %s; add %s:", codes,
                        codes == 1 ? "" : "s", codes == 1 ? "is" : "are", mapping,
                        codes == 1 ? "it" : "them");
    size_t listed = 0, rest_lines = 0;
    mtfp_pence rest_total = 0;
    bool full = false;
    for (int kind = 0; kind < UNMAPPED_KINDS; kind++)
        for (size_t c = 0; c < load->codes[kind].count; c++) {
            const unmapped *code = &load->unmapped[kind][c];
            char total[MTFP_MONEY_TEXT_MAX], line[300];
            mtfp_money_format_display(code->total, total);
            snprintf(line, sizeof line, "\n  %s \"%s\": %d %s%s (the first %s %d), %s", kinds[kind],
                     mtfp_names_get(&load->codes[kind], (uint32_t)c), code->lines,
                     load->workbook ? "row" : "line", code->lines == 1 ? "" : "s",
                     load->workbook ? "row" : "line", code->first, total);
            /* room for this line and for the last, "and N more" */
            full = full || (size_t)used + strlen(line) + 100 >= sizeof message;
            if (full) {
                rest_lines += (size_t)code->lines;
                mtfp_money_add(rest_total, code->total, &rest_total);
                continue;
            }
            used += snprintf(message + used, sizeof message - (size_t)used, "%s", line);
            listed++;
        }
    if (listed < codes) {
        char total[MTFP_MONEY_TEXT_MAX];
        mtfp_money_format_display(rest_total, total);
        snprintf(message + used, sizeof message - (size_t)used,
                 "\n  and %zu more codes: %zu %ss, %s", codes - listed, rest_lines,
                 load->workbook ? "row" : "line", total);
    }
    return mtfp_diag_error(diag, MTFP_ERR_INPUT, path, 0, 0, "%s", message);
}

mtfp_status mtfp_load_revenue(mtfp_model *model, const char *path, mtfp_diag *diag)
{
    revenue_load load = {.model = model};
    for (int kind = 0; kind < UNMAPPED_KINDS; kind++)
        mtfp_names_init_exact(&load.codes[kind]);
    mtfp_status status;
    if (model->mapping.loaded) {
        model->group_levels = model->mapping.group_levels;
        status = mtfp_csv_read(path, ledger_columns, LEDGER_COLUMNS, ledger_row, &load, diag);
        if (status == MTFP_OK && load.codes[0].count + load.codes[1].count > 0)
            status = unmapped_error(&load, path, diag);
    } else {
        status = mtfp_csv_read(path, columns, COLUMNS, revenue_row, &load, diag);
    }
    for (int kind = 0; kind < UNMAPPED_KINDS; kind++) {
        mtfp_names_free(&load.codes[kind]);
        free(load.unmapped[kind]);
    }
    if (status == MTFP_OK && model->line_count == 0)
        return mtfp_diag_error(diag, MTFP_ERR_INPUT, path, 0, 0,
                               "no revenue lines; expected one row per budget line");
    /* Rows in error are kept to report them all (csv_in.h): the lines that
     * were read are indexed all the same, for the other files' errors. */
    if ((status == MTFP_OK || status == MTFP_ERR_INPUT) && model->line_count > 0)
        MTFP_TRY(mtfp_model_index_lines(model));
    return status;
}
