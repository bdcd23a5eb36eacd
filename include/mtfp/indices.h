/* Indices: named annual inflation rates for each projection year.
 *
 * The standard indices pay, prices, contracts and fees always exist (0 until
 * set), as does none (always 0, cannot be set). A model or scenario may define
 * more. A line rolled forward by an index is worth, in projection year y, its
 * base amount times the product of (1 + rate) over years 1 to y. */
#ifndef MTFP_INDICES_H
#define MTFP_INDICES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mtfp/calendar.h"
#include "mtfp/diag.h"

enum {
    MTFP_INDEX_NONE = 0,
    MTFP_INDEX_PAY,
    MTFP_INDEX_PRICES,
    MTFP_INDEX_CONTRACTS,
    MTFP_INDEX_FEES,
    MTFP_INDEX_STANDARD_COUNT
};

typedef struct mtfp_index {
    char *name;
    /* rate[y] applies in projection year y (1..MTFP_MAX_YEARS); rate[0] is 0. */
    double rate[MTFP_MAX_YEARS + 1];
    /* each rate as written (mtfp_rate_decimal), which the factors multiply:
     * worked out when the index is set, as it costs a few conversions */
    long double exact[MTFP_MAX_YEARS + 1];
    bool set;   /* given a rate by the model or a scenario */
    char *file; /* where it was last set, for the Assumptions sheet */
    int line;
} mtfp_index;

typedef struct mtfp_indices {
    mtfp_index *items;
    size_t count;
    size_t cap;
} mtfp_indices;

/* The standard indices, all 0. */
mtfp_status mtfp_indices_init(mtfp_indices *indices);
void mtfp_indices_free(mtfp_indices *indices);
mtfp_status mtfp_indices_copy(mtfp_indices *dst, const mtfp_indices *src);

/* The id of the index with this name, or -1. */
int32_t mtfp_indices_find(const mtfp_indices *indices, const char *name, size_t len);

/* The index name closest to name, for "did you mean" (or NULL). */
const char *mtfp_indices_closest(const mtfp_indices *indices, const char *name, size_t len);

/* Set an index's rates for projection years 1..count; later years repeat the
 * last rate given. Creates the index if it is new. file may be NULL. Fails
 * with MTFP_ERR_INPUT (message in diag, no location) for "none", a rate that is
 * not finite or outside -100%..+100%, or count outside 1..MTFP_MAX_YEARS. */
mtfp_status mtfp_indices_set(mtfp_indices *indices, const char *name, const double *rates,
                             size_t count, const char *file, int line, uint32_t *id,
                             mtfp_diag *diag);

/* The cumulative factors of every index for years 0..years, into
 * factors[id * (years + 1) + y]; factors has count * (years + 1) slots. Each
 * is the product of (1 + rate) with the rates as written
 * (mtfp_rate_decimal), in long double. */
void mtfp_indices_factors(const mtfp_indices *indices, int years, long double *factors);

#endif
