/* A code mapping: a general ledger's codes to the model's names. A cost
 * centre maps to a partner and a service (and the service's groups); an
 * account, or a range of accounts, to a subjective (and a provider). A
 * revenue file in ledger codes (cost centre, account, amount) is loaded
 * through it (io/load_mapping.c, io/load_revenue.c).
 *
 * Codes match exactly as written (after the reader's trimming). A range
 * covers the codes as long as its ends that sort between them character by
 * character: for codes of digits, numerically (5000 to 5999 covers 5201,
 * not 520 or 52010). A code is mapped once: a cost centre or account given
 * twice, an account inside a range, or ranges that overlap are errors. */
#ifndef MTFP_MAPPING_H
#define MTFP_MAPPING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mtfp/diag.h"
#include "mtfp/names.h"

#define MTFP_MAPPING_LEVELS 2 /* as MTFP_GROUP_LEVELS */

/* What a cost centre maps to: names, as the mapping gives them (the model
 * interns them when a ledger line uses them). */
typedef struct mtfp_centre_map {
    char *partner;
    char *service;
    char *groups[MTFP_MAPPING_LEVELS]; /* NULL past the mapping's levels */
    int line;                          /* the mapping's row */
} mtfp_centre_map;

/* What an account or a range maps to. */
typedef struct mtfp_account_map {
    char *from; /* the account, or the range's first */
    char *to;   /* the range's last; NULL for one account */
    uint32_t subjective;
    uint8_t provider; /* mtfp_provider */
    int line;
} mtfp_account_map;

typedef struct mtfp_mapping {
    bool loaded;
    char *file;              /* the mapping's file, for messages */
    int group_levels;        /* 0, 1 (group) or 2 (group1, group2) */
    mtfp_names centres;      /* exact */
    mtfp_centre_map *centre; /* by id in centres */
    size_t centre_cap;
    mtfp_names accounts;       /* exact: the single accounts */
    mtfp_account_map *account; /* by id in accounts */
    size_t account_cap;
    mtfp_account_map *ranges;
    size_t range_count, range_cap;
} mtfp_mapping;

void mtfp_mapping_init(mtfp_mapping *mapping);
void mtfp_mapping_free(mtfp_mapping *mapping);

/* Add a cost centre, taking the strings of map. MTFP_ERR_INPUT, with the
 * row that mapped it, if it is mapped already. */
mtfp_status mtfp_mapping_add_centre(mtfp_mapping *mapping, const char *code, size_t len,
                                    mtfp_centre_map *map, int *earlier);
/* Add an account (map->to NULL) or a range, taking map's strings.
 * MTFP_ERR_INPUT, with the row of the mapping it meets, if any of its codes
 * is mapped already. */
mtfp_status mtfp_mapping_add_account(mtfp_mapping *mapping, mtfp_account_map *map, int *earlier);

/* What a code maps to, or NULL. */
const mtfp_centre_map *mtfp_mapping_centre(const mtfp_mapping *mapping, const char *code,
                                           size_t len);
const mtfp_account_map *mtfp_mapping_account(const mtfp_mapping *mapping, const char *code,
                                             size_t len);

#endif
