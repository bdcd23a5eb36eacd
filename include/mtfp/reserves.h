/* Reserves: money set aside, the general reserve and earmarked ones, with
 * their balances at the end of the base year (model.lua's reserves{}).
 *
 * A scenario plans draws and contributions (reserves.draw, .contribute): a
 * draw is funding ("Use of reserves"), a contribution spending (a line of
 * the Reserves service under Appropriations), so both change the gap. When
 * the gap is met from the general reserve (gap_from = "general"), what gap
 * remains in a year comes out of it (a surplus goes into it). Each reserve's
 * year: opening + contributions - draws - gap met = closing, the closing
 * balance the next year's opening. */
#ifndef MTFP_RESERVES_H
#define MTFP_RESERVES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mtfp/calendar.h"
#include "mtfp/diag.h"
#include "mtfp/money.h"
#include "mtfp/names.h"

/* The general reserve's name; it is reserve 0 of a model that has reserves. */
#define MTFP_RESERVE_GENERAL "General reserve"
/* The service that budgets contributions to reserves. */
#define MTFP_RESERVES_SERVICE "Reserves"

typedef struct mtfp_reserve {
    char *name;
    mtfp_pence opening; /* at the end of the base year */
} mtfp_reserve;

typedef enum mtfp_reserve_kind { MTFP_RESERVE_DRAW, MTFP_RESERVE_CONTRIBUTION } mtfp_reserve_kind;

/* A planned draw or contribution in a projection year. */
typedef struct mtfp_reserve_movement {
    uint32_t reserve;
    mtfp_reserve_kind kind;
    int year;
    mtfp_pence amount; /* more than 0 */
    char *reason;      /* or NULL */
    char *file;
    int line;
    char *via; /* the helper's line that made the call ("common.lua:10"), or NULL */
} mtfp_reserve_movement;

typedef struct mtfp_reserves {
    bool declared; /* model.lua has reserves{} */
    mtfp_pence minimum;
    bool gap_from_general;
    mtfp_reserve *items; /* items[0]: the general reserve */
    size_t count;
    size_t cap;
    mtfp_names names;
    mtfp_reserve_movement *movements; /* a scenario's */
    size_t movement_count;
    size_t movement_cap;
    uint32_t partner, service; /* where contributions are budgeted (mtfp_reserves_link) */
    char *file;                /* model.lua's reserves{} */
    int line;
} mtfp_reserves;

void mtfp_reserves_init(mtfp_reserves *reserves);
void mtfp_reserves_free(mtfp_reserves *reserves);
mtfp_status mtfp_reserves_copy(mtfp_reserves *dst, const mtfp_reserves *src);

/* Add a reserve (the general one first). MTFP_ERR_INPUT, with no message,
 * if the name is taken. */
mtfp_status mtfp_reserves_add(mtfp_reserves *reserves, const char *name, mtfp_pence opening);
/* The reserve with this name (names.h matching), or -1. */
int32_t mtfp_reserves_find(const mtfp_reserves *reserves, const char *name, size_t len);
/* Record a movement (its strings copied). */
mtfp_status mtfp_reserves_move(mtfp_reserves *reserves, const mtfp_reserve_movement *movement);

/* The draws planned in year y, from every reserve. */
mtfp_pence mtfp_reserves_draws(const mtfp_reserves *reserves, int year);

/* The measures of a reserve's year. */
enum {
    MTFP_RESERVE_OPENING,
    MTFP_RESERVE_CONTRIBUTIONS,
    MTFP_RESERVE_DRAWS,
    MTFP_RESERVE_GAP_MET,
    MTFP_RESERVE_CLOSING,
    MTFP_RESERVE_MEASURES
};
/* "opening", "contributions", "draws", "gap_met", "closing" (reserves.csv),
 * and "Opening balance", ... as the pack titles them. */
const char *mtfp_reserve_measure_key(int measure);
const char *mtfp_reserve_measure_title(int measure);

/* Every reserve's measures for years 0..years into balances, laid out
 * [reserve][measure][year] (count x MTFP_RESERVE_MEASURES x (years + 1)),
 * the general reserve meeting gap[y] when the gap is met from it. A draw
 * more than its reserve holds at the time (its opening balance and the
 * year's contributions, less the year's earlier draws) is an error at its
 * line. */
mtfp_status mtfp_reserves_balances(const mtfp_reserves *reserves, const mtfp_pence *gap, int years,
                                   mtfp_pence *balances, mtfp_diag *diag);

#endif
