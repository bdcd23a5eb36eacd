/* Demand-led placements: looked-after children's placements by type, with
 * arrivals and leavers driving the number placed and so the cost.
 *
 * For each type and year: the opening number is last year's closing (the
 * base year opens with placements.csv's count); arrivals are the type's a
 * year, grown by any growth rate; leavers are the opening number times 52 /
 * the average length of stay in weeks (at most all of them); the closing
 * number is opening + arrivals - leavers (and any children a scenario adds or
 * shifts, from their month); the weeks of placement are the average of
 * opening and closing times 52, plus the part-year weeks of children added
 * during the year; the weekly cost grows by the type's index; the cost is
 * weeks x weekly cost, rounded once per type and year. The demand pressure is
 * the cost less the base year's cost rolled forward by the index.
 *
 * Children a scenario adds leave at the type's rate from the next year, as
 * those placed, or stay to the end of the plan (a change that stays): they
 * are then counted apart, in every year's opening and closing and 52 weeks
 * a year, and not in the opening the leavers are a share of. A type a
 * scenario adds (placements.add_type) has none placed in the base year and
 * its arrivals from the month it opens. */
#ifndef MTFP_PLACEMENTS_H
#define MTFP_PLACEMENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mtfp/calendar.h"
#include "mtfp/diag.h"
#include "mtfp/money.h"
#include "mtfp/names.h"

typedef struct mtfp_placement_type {
    char *name;
    uint32_t partner;
    uint32_t service;
    double count;         /* placed at the start of the base year */
    mtfp_pence weekly;    /* cost a week at base-year prices */
    double arrivals;      /* a year */
    double average_weeks; /* average length of a placement */
    uint32_t index;       /* the index its weekly cost follows */
    double growth;        /* a year, on arrivals, from the first projection year */
    double price_change;  /* on the weekly cost from the first projection year */
    mtfp_month opens;     /* a type a scenario adds: its first month; 0 for placements.csv's */
    char *file;
    int line;
} mtfp_placement_type;

/* Children a scenario adds to a type (negative: takes away) from a month. */
typedef struct mtfp_placement_change {
    uint32_t type;
    double count;
    mtfp_month from;
    bool stays; /* the children stay to the end of the plan, not leaving at the type's rate */
} mtfp_placement_change;

typedef struct mtfp_placements {
    mtfp_placement_type *types;
    size_t count;
    size_t cap;
    mtfp_names names; /* name n is type n's: finds a type by hash */
    mtfp_placement_change *changes;
    size_t change_count;
    size_t change_cap;
} mtfp_placements;

/* A type's figures by year. */
enum {
    MTFP_PLACEMENT_OPENING,
    MTFP_PLACEMENT_ARRIVALS,
    MTFP_PLACEMENT_LEAVERS,
    MTFP_PLACEMENT_ADDED, /* added or moved in by the scenario, less moved out */
    MTFP_PLACEMENT_CLOSING,
    MTFP_PLACEMENT_WEEKS,
    MTFP_PLACEMENT_MEASURES
};

typedef struct mtfp_placement_result {
    double measure[MTFP_PLACEMENT_MEASURES][MTFP_MAX_YEARS + 1];
    mtfp_pence weekly[MTFP_MAX_YEARS + 1];
    mtfp_pence cost[MTFP_MAX_YEARS + 1];
    mtfp_pence pressure[MTFP_MAX_YEARS + 1]; /* cost less the base cost rolled forward */
} mtfp_placement_result;

/* "opening", "arrivals", "leavers", "added", "closing", "weeks". */
const char *mtfp_placement_measure_name(int measure);

void mtfp_placements_init(mtfp_placements *placements);
void mtfp_placements_free(mtfp_placements *placements);
mtfp_status mtfp_placements_copy(mtfp_placements *dst, const mtfp_placements *src);

/* Add a type, taking ownership of its strings (freed on failure). Its name
 * must be new (see mtfp_placements_find): MTFP_ERR_INPUT, with no message,
 * if it is not. */
mtfp_status mtfp_placements_add(mtfp_placements *placements, mtfp_placement_type *type);
/* The type with this name (names.h matching), or -1. */
int32_t mtfp_placements_find(const mtfp_placements *placements, const char *name, size_t len);
mtfp_status mtfp_placements_change(mtfp_placements *placements,
                                   const mtfp_placement_change *change);

/* Type t's numbers for years 0..years (as mtfp_placement_project gives
 * them). Returns the first year whose closing number or weeks of placement
 * the scenario's changes take below none, which the numbers count as none
 * (children moved out that the type has not got), with its closing number
 * in *short_closing; -1 if there is none. */
int mtfp_placement_numbers(const mtfp_placements *placements, size_t t, int base_year, int years,
                           double measure[MTFP_PLACEMENT_MEASURES][MTFP_MAX_YEARS + 1],
                           double *short_closing);

/* Project type t for years 0..years; factor[y] is its index's cumulative
 * factor. False if a cost does not fit in pence. */
bool mtfp_placement_project(const mtfp_placements *placements, size_t t, int base_year, int years,
                            const long double *factor, mtfp_placement_result *result);

#endif
