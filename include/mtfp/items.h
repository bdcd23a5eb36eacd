/* Items: pressures, savings and adjustments to the revenue budget.
 *
 * An item changes net spend from a start month (and, if temporary, to an end
 * month inclusive). Its full-year effect (FYE) is either an amount at base-year
 * prices, inflated by its index unless told not to, or a percent of the lines
 * it targets in each year. A year gets the FYE times the months of it that the
 * item covers / 12, rounded to the penny once per line and year.
 *
 * Signs: a pressure's amount is the extra net spend and a saving's the
 * reduction, both positive; an adjustment's is the signed change. A percent
 * pressure adds that share of the size of each line (spend grows, income
 * falls), a percent saving takes it away (spend falls, income grows), and a
 * percent adjustment scales each line. */
#ifndef MTFP_ITEMS_H
#define MTFP_ITEMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mtfp/calendar.h"
#include "mtfp/diag.h"
#include "mtfp/money.h"

#define MTFP_ANY (-1) /* a target that matches every service, partner, ... */

typedef enum mtfp_item_kind {
    MTFP_ITEM_PRESSURE,
    MTFP_ITEM_SAVING,
    MTFP_ITEM_ADJUST,
} mtfp_item_kind;

/* "pressure", "saving", "adjust". */
const char *mtfp_item_kind_name(mtfp_item_kind kind);

typedef struct mtfp_item {
    mtfp_item_kind kind;
    char *id;     /* may be NULL */
    char *title;  /* may be NULL */
    char *reason; /* may be NULL */
    /* The lines it targets: ids in the model's names, or MTFP_ANY. For an
     * amount item, service and subjective name one line and partner is
     * resolved from the service when not given. */
    int32_t partner;
    int32_t service;
    int32_t cost_centre;
    int32_t subjective;
    int32_t group;    /* a group of the model's (a service in it at any level) */
    int32_t provider; /* mtfp_provider; an amount item's line gets none when MTFP_ANY */
    bool by_percent;
    double percent;    /* when by_percent: a share, 0.03 is 3% */
    mtfp_pence amount; /* otherwise: the full-year effect at base-year prices */
    uint32_t index;    /* the index that inflates an amount item */
    bool inflate;
    mtfp_month from;
    mtfp_month to; /* MTFP_MONTH_OPEN when it does not end */
    bool cashable; /* savings only: non-cashable savings are reported, not budgeted */
    char rag;      /* savings only: 'R', 'A', 'G' or 0 if not rated */
    bool risk;     /* a risk of the register materialised (its id the risk's) */
    char *file;    /* the script or input file and line that made it */
    int line;
    char *via; /* the helper's line that made the call ("common.lua:10"), or NULL */
} mtfp_item;

typedef struct mtfp_items {
    mtfp_item *items;
    size_t count;
    size_t cap;
} mtfp_items;

void mtfp_items_init(mtfp_items *items);
void mtfp_items_free(mtfp_items *items);

/* Append item, taking ownership of its strings (freed on failure too). */
mtfp_status mtfp_items_add(mtfp_items *items, mtfp_item *item);

/* A deep copy of src into dst (initialised here). */
mtfp_status mtfp_items_copy(mtfp_items *dst, const mtfp_items *src);

/* An item with every target MTFP_ANY, no end, inflated, cashable. */
void mtfp_item_defaults(mtfp_item *item, mtfp_item_kind kind);

/* Release an item's strings (for an item that was not added). */
void mtfp_item_clear(mtfp_item *item);

#endif
