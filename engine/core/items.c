#include "mtfp/items.h"

#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"

const char *mtfp_item_kind_name(mtfp_item_kind kind)
{
    switch (kind) {
    case MTFP_ITEM_PRESSURE:
        return "pressure";
    case MTFP_ITEM_SAVING:
        return "saving";
    case MTFP_ITEM_ADJUST:
        return "adjust";
    }
    return "item";
}

void mtfp_items_init(mtfp_items *items)
{
    memset(items, 0, sizeof *items);
}

void mtfp_item_clear(mtfp_item *item)
{
    free(item->id);
    free(item->title);
    free(item->reason);
    free(item->file);
    free(item->via);
    item->id = item->title = item->reason = item->file = item->via = NULL;
}

void mtfp_items_free(mtfp_items *items)
{
    for (size_t i = 0; i < items->count; i++)
        mtfp_item_clear(&items->items[i]);
    free(items->items);
    mtfp_items_init(items);
}

mtfp_status mtfp_items_add(mtfp_items *items, mtfp_item *item)
{
    if (mtfp_grow(&items->items, &items->cap, items->count + 1, sizeof *items->items)) {
        mtfp_item_clear(item);
        return MTFP_ERR_MEMORY;
    }
    items->items[items->count++] = *item;
    return MTFP_OK;
}

mtfp_status mtfp_items_copy(mtfp_items *dst, const mtfp_items *src)
{
    mtfp_items_init(dst);
    for (size_t i = 0; i < src->count; i++) {
        mtfp_item copy = src->items[i];
        copy.id = mtfp_strdup(src->items[i].id);
        copy.title = mtfp_strdup(src->items[i].title);
        copy.reason = mtfp_strdup(src->items[i].reason);
        copy.file = mtfp_strdup(src->items[i].file);
        copy.via = mtfp_strdup(src->items[i].via);
        if ((src->items[i].id && !copy.id) || (src->items[i].title && !copy.title) ||
            (src->items[i].reason && !copy.reason) || (src->items[i].file && !copy.file) ||
            (src->items[i].via && !copy.via)) {
            mtfp_item_clear(&copy);
            return MTFP_ERR_MEMORY;
        }
        MTFP_TRY(mtfp_items_add(dst, &copy));
    }
    return MTFP_OK;
}

void mtfp_item_defaults(mtfp_item *item, mtfp_item_kind kind)
{
    memset(item, 0, sizeof *item);
    item->kind = kind;
    item->partner = MTFP_ANY;
    item->service = MTFP_ANY;
    item->cost_centre = MTFP_ANY;
    item->subjective = MTFP_ANY;
    item->group = MTFP_ANY;
    item->provider = MTFP_ANY;
    item->index = 0;
    item->inflate = true;
    item->to = MTFP_MONTH_OPEN;
    item->cashable = true;
}
