/* savings.csv: the savings programme, one row a saving; each becomes a saving
 * of every scenario (Base included), tracked by its RAG rating. */
#include <stdlib.h>
#include <string.h>

#include "loaders.h"
#include "mtfp/csv_in.h"
#include "mtfp/memory.h"

enum { ID, TITLE, SERVICE, SUBJECTIVE, AMOUNT, FROM, TO, TYPE, RAG, OWNER, COLUMNS };
static const mtfp_csv_column columns[COLUMNS] = {
    [ID] = {"id", true},           [TITLE] = {"title", true},
    [SERVICE] = {"service", true}, [SUBJECTIVE] = {"subjective", true},
    [AMOUNT] = {"amount", true},   [FROM] = {"from", true},
    [TO] = {"to", false},          [TYPE] = {"type", true},
    [RAG] = {"rag", true},         [OWNER] = {"owner", false},
};

static mtfp_status terms(const mtfp_csv_record *record, mtfp_item *item, mtfp_diag *diag)
{
    const char *type = record->text[TYPE] ? record->text[TYPE] : "";
    if (mtfp_name_equal(type, strlen(type), "non-cashable"))
        item->cashable = false;
    else if (!mtfp_name_equal(type, strlen(type), "cashable"))
        return mtfp_csv_error(record, TYPE, diag, "type \"%s\": expected cashable or non-cashable",
                              type);
    static const char *const ratings[] = {"red", "amber", "green"};
    const char *rag = record->text[RAG] ? record->text[RAG] : "";
    for (int r = 0; r < 3; r++)
        if (mtfp_name_equal(rag, strlen(rag), ratings[r]) ||
            (strlen(rag) == 1 && (rag[0] | 0x20) == ratings[r][0]))
            item->rag = (char)(ratings[r][0] - 'a' + 'A');
    if (!item->rag)
        return mtfp_csv_error(record, RAG, diag, "rag \"%s\": expected red, amber or green", rag);
    return MTFP_OK;
}

/* The model, and the ids seen so far with the line of each. */
typedef struct savings_load {
    mtfp_model *model;
    mtfp_names ids; /* exact, as post ids are */
    int *lines;     /* by id */
    size_t lines_cap;
} savings_load;

/* A saving's id is its own: a row pasted twice would count the saving
 * twice, and the tracker could not tell two savings of one id apart. */
static mtfp_status unique_id(savings_load *load, const mtfp_csv_record *record, mtfp_diag *diag)
{
    if (!mtfp_csv_present(record, ID))
        return MTFP_OK;
    size_t known = load->ids.count;
    uint32_t id;
    MTFP_TRY(mtfp_names_intern(&load->ids, record->text[ID], record->len[ID], &id));
    if (id < known)
        return mtfp_csv_error(record, ID, diag,
                              "saving \"%s\" is on line %d too: give each saving its own id "
                              "(S1a and S1b for one saving on two budgets)",
                              record->text[ID], load->lines[id]);
    if (mtfp_grow(&load->lines, &load->lines_cap, (size_t)id + 1, sizeof *load->lines))
        return MTFP_ERR_MEMORY;
    load->lines[id] = record->line;
    return MTFP_OK;
}

static mtfp_status saving_row(void *context, const mtfp_csv_record *record, mtfp_diag *diag)
{
    savings_load *load = context;
    mtfp_model *model = load->model;
    MTFP_TRY(unique_id(load, record, diag));
    mtfp_item item;
    mtfp_item_defaults(&item, MTFP_ITEM_SAVING);
    uint32_t service;
    MTFP_TRY(mtfp_csv_name(record, SERVICE, &model->services, "service", NULL, &service, diag));
    item.service = (int32_t)service;
    int subjective = mtfp_subjective_find(record->text[SUBJECTIVE] ? record->text[SUBJECTIVE] : "",
                                          record->len[SUBJECTIVE]);
    if (subjective < 0)
        return mtfp_csv_error(record, SUBJECTIVE, diag, "unknown subjective \"%s\"",
                              record->text[SUBJECTIVE] ? record->text[SUBJECTIVE] : "");
    item.subjective = subjective;
    MTFP_TRY(mtfp_csv_money_rounding(record, AMOUNT, &model->rounding, &item.amount, diag));
    if (item.amount < 0)
        return mtfp_csv_error(record, AMOUNT, diag,
                              "a saving's amount is the reduction a year: expected 0 or more");
    MTFP_TRY(mtfp_csv_month(record, FROM, false, &item.from, diag));
    if (item.from < mtfp_model_first_month(model))
        return mtfp_csv_error(record, FROM, diag, "a saving starts in a projection year");
    if (mtfp_csv_present(record, TO)) {
        MTFP_TRY(mtfp_csv_month(record, TO, true, &item.to, diag));
        if (item.to < item.from)
            return mtfp_csv_error(record, TO, diag, "to is before from");
    }
    MTFP_TRY(terms(record, &item, diag));
    int32_t partner = model->service_partner[item.service];
    if (partner == MTFP_SERVICE_SHARED)
        return mtfp_csv_error(record, SERVICE, diag, "the service has several partners");
    item.partner = partner;
    const char *index = mtfp_subjective_default_index((mtfp_subjective)item.subjective);
    item.index = (uint32_t)mtfp_indices_find(&model->indices, index, strlen(index));
    item.line = record->line;
    item.id = mtfp_strndup(record->text[ID], record->len[ID]);
    item.title = mtfp_strndup(record->text[TITLE] ? record->text[TITLE] : "", record->len[TITLE]);
    item.reason =
        mtfp_csv_present(record, OWNER) ? mtfp_format("owner: %s", record->text[OWNER]) : NULL;
    item.file = mtfp_strdup(record->path);
    if (!item.id || !item.title || !item.file) {
        mtfp_item_clear(&item);
        return MTFP_ERR_MEMORY;
    }
    return mtfp_items_add(&model->items, &item);
}

mtfp_status mtfp_load_savings(mtfp_model *model, const char *path, mtfp_diag *diag)
{
    savings_load load = {.model = model};
    mtfp_names_init_exact(&load.ids);
    mtfp_status status = mtfp_csv_read(path, columns, COLUMNS, saving_row, &load, diag);
    mtfp_names_free(&load.ids);
    free(load.lines);
    return status;
}
