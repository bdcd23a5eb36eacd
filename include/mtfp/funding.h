/* Funding: the resources that meet the net budget requirement, by source and
 * year (cash limit, grants, Dedicated Schools Grant). A time-limited source has
 * a last year and provides nothing after it. */
#ifndef MTFP_FUNDING_H
#define MTFP_FUNDING_H

#include <stdbool.h>
#include <stdint.h>

#include "mtfp/calendar.h"
#include "mtfp/diag.h"
#include "mtfp/money.h"

typedef struct mtfp_funding_source {
    char *name;
    mtfp_pence amount[MTFP_MAX_YEARS + 1]; /* by year from the base year */
    uint32_t given;                        /* bit y: year y has an amount */
    int last_year;                         /* last year it funds, or -1 if open-ended */
    char *file;                            /* where it was declared */
    int line;
} mtfp_funding_source;

typedef struct mtfp_funding {
    mtfp_funding_source *sources;
    size_t count;
    size_t cap;
} mtfp_funding;

void mtfp_funding_init(mtfp_funding *funding);
void mtfp_funding_free(mtfp_funding *funding);
mtfp_status mtfp_funding_copy(mtfp_funding *dst, const mtfp_funding *src);

/* The source with this name (matched as names.h describes), adding an empty
 * one if it is new; file may be NULL. */
mtfp_status mtfp_funding_add_source(mtfp_funding *funding, const char *name, const char *file,
                                    int line, mtfp_funding_source **source);

/* The source with this name (matched as names.h describes), or NULL; and
 * when there is none, the closest name, for "did you mean" (or NULL). */
const mtfp_funding_source *mtfp_funding_find(const mtfp_funding *funding, const char *name,
                                             size_t len, const char **closest);

/* Set the amount of a source for year y (0..MTFP_MAX_YEARS). */
void mtfp_funding_set(mtfp_funding_source *source, int year, mtfp_pence amount);

/* What a source provides in year y: its amount if given and not past its last year, else 0. */
mtfp_pence mtfp_funding_source_amount(const mtfp_funding_source *source, int year);

/* The total of every source in year y; false on overflow. */
bool mtfp_funding_total(const mtfp_funding *funding, int year, mtfp_pence *total);

#endif
