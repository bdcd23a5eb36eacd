/* Funding: the resources that meet the net budget requirement, by source and
 * year (cash limit, grants, Dedicated Schools Grant, council tax). A
 * time-limited source has a last year and provides nothing after it.
 *
 * Some amounts are worked out rather than given (mtfp_funding_resolve, once
 * a scenario's script has run): a source grown by an index takes, in a year
 * not given, its last given amount rolled forward by the index; council tax
 * is the tax base x Band D x the collection rate, Band D set to the penny
 * each year by its increase; and a scenario's changes (funding.change) are
 * added last. */
#ifndef MTFP_FUNDING_H
#define MTFP_FUNDING_H

#include <stdbool.h>
#include <stdint.h>

#include "mtfp/calendar.h"
#include "mtfp/diag.h"
#include "mtfp/indices.h"
#include "mtfp/money.h"

typedef struct mtfp_funding_source {
    char *name;
    mtfp_pence amount[MTFP_MAX_YEARS + 1]; /* by year from the base year */
    uint32_t given;                        /* bit y: year y has an amount */
    int last_year;                         /* last year it funds, or -1 if open-ended */
    int32_t index;                         /* grows by this index after its last amount; -1 */
    char *file;                            /* where it was declared */
    int line;
} mtfp_funding_source;

/* Council tax: the income of a tax base of Band D equivalents at the Band D
 * charge, of which a share is collected. */
typedef struct mtfp_council_tax {
    bool declared;
    char *source;                          /* the funding source it gives: "Council tax" */
    double tax_base[MTFP_MAX_YEARS + 1];   /* Band D equivalents by year */
    mtfp_pence band_d[MTFP_MAX_YEARS + 1]; /* given for the base year; then worked out */
    double increase[MTFP_MAX_YEARS + 1];   /* Band D's rise in each projection year */
    /* Where each rise was set: the line of model.lua's council_tax{} or, when
     * by_script, of the scenario's script. */
    int increase_line[MTFP_MAX_YEARS + 1];
    bool by_script[MTFP_MAX_YEARS + 1];
    double referendum_limit; /* a rise above it needs a referendum; < 0: none given */
    double collection_rate;  /* the share of the tax collected */
    char *file;
    int line;
} mtfp_council_tax;

/* A scenario's change to a source: an amount added, or a percent of the
 * source's amount, in years from..to. */
typedef struct mtfp_funding_change {
    char *source;
    mtfp_pence amount;
    double percent;
    bool by_percent;
    int from, to;
    char *file;
    int line;
} mtfp_funding_change;

typedef struct mtfp_funding {
    mtfp_funding_source *sources;
    size_t count;
    size_t cap;
    mtfp_council_tax council_tax;
    mtfp_funding_change *changes;
    size_t change_count;
    size_t change_cap;
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

/* Record a change (its strings copied). */
mtfp_status mtfp_funding_add_change(mtfp_funding *funding, const mtfp_funding_change *change);

/* Work out the amounts that are not given, for years 0..years, with the
 * indices given (the scenario's): sources grown by an index, council tax,
 * then the changes. An amount too large for pence, or a change of a source
 * there is not, is an error at the line that asked for it. */
mtfp_status mtfp_funding_resolve(mtfp_funding *funding, const mtfp_indices *indices, int years,
                                 mtfp_diag *diag);

#endif
