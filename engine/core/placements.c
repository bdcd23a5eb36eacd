#include "mtfp/placements.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"
#include "mtfp/names.h"

static const char *const measure_names[MTFP_PLACEMENT_MEASURES] = {"opening", "arrivals", "leavers",
                                                                   "added",   "closing",  "weeks"};

const char *mtfp_placement_measure_name(int measure)
{
    return measure_names[measure];
}

void mtfp_placements_init(mtfp_placements *placements)
{
    memset(placements, 0, sizeof *placements);
    mtfp_names_init(&placements->names);
}

void mtfp_placements_free(mtfp_placements *placements)
{
    for (size_t i = 0; i < placements->count; i++) {
        free(placements->types[i].name);
        free(placements->types[i].file);
    }
    free(placements->types);
    free(placements->changes);
    mtfp_names_free(&placements->names);
    mtfp_placements_init(placements);
}

mtfp_status mtfp_placements_add(mtfp_placements *placements, mtfp_placement_type *type)
{
    uint32_t id;
    mtfp_status status =
        mtfp_grow(&placements->types, &placements->cap, placements->count + 1,
                  sizeof *placements->types)
            ? MTFP_ERR_MEMORY
            : mtfp_names_intern(&placements->names, type->name, strlen(type->name), &id);
    if (status == MTFP_OK && id != placements->count)
        status = MTFP_ERR_INPUT;
    if (status != MTFP_OK) {
        free(type->name);
        free(type->file);
        return status;
    }
    placements->types[placements->count++] = *type;
    return MTFP_OK;
}

mtfp_status mtfp_placements_copy(mtfp_placements *dst, const mtfp_placements *src)
{
    mtfp_placements_init(dst);
    for (size_t i = 0; i < src->count; i++) {
        mtfp_placement_type type = src->types[i];
        MTFP_TRY(mtfp_strdup_pair(src->types[i].name, src->types[i].file, &type.name, &type.file));
        MTFP_TRY(mtfp_placements_add(dst, &type));
    }
    for (size_t i = 0; i < src->change_count; i++)
        MTFP_TRY(mtfp_placements_change(dst, &src->changes[i]));
    return MTFP_OK;
}

int32_t mtfp_placements_find(const mtfp_placements *placements, const char *name, size_t len)
{
    return mtfp_names_find(&placements->names, name, len);
}

mtfp_status mtfp_placements_change(mtfp_placements *placements, const mtfp_placement_change *change)
{
    if (mtfp_grow(&placements->changes, &placements->change_cap, placements->change_count + 1,
                  sizeof *placements->changes))
        return MTFP_ERR_MEMORY;
    placements->changes[placements->change_count++] = *change;
    return MTFP_OK;
}

/* Children added to type t during the year starting in start_year that
 * leave at its rate, and those that stay (stays), and the weeks of placement
 * they have in it (from their month to March). */
static void changes_in(const mtfp_placements *placements, size_t t, int start_year, bool stays,
                       double *children, double *weeks)
{
    *children = 0;
    *weeks = 0;
    for (size_t i = 0; i < placements->change_count; i++) {
        const mtfp_placement_change *c = &placements->changes[i];
        if (c->type != t || mtfp_month_year(c->from) != start_year || c->stays != stays)
            continue;
        *children += c->count;
        *weeks +=
            c->count * 52.0 * mtfp_months_in_year(start_year, c->from, MTFP_MONTH_OPEN) / 12.0;
    }
}

/* A type's arrivals in the year starting in start_year: none before it
 * opens, the part of the year it is open in the year it opens. */
static double open_share(const mtfp_placement_type *type, int start_year)
{
    if (type->opens == 0 || mtfp_month_year(type->opens) < start_year)
        return 1.0;
    if (mtfp_month_year(type->opens) > start_year)
        return 0.0;
    return mtfp_months_in_year(start_year, type->opens, MTFP_MONTH_OPEN) / 12.0;
}

int mtfp_placement_numbers(const mtfp_placements *placements, size_t t, int base_year, int years,
                           double measure[MTFP_PLACEMENT_MEASURES][MTFP_MAX_YEARS + 1],
                           double *short_closing)
{
    const mtfp_placement_type *type = &placements->types[t];
    /* leaving: the children who leave at the type's rate; staying: those a
     * scenario added to stay to the end of the plan. */
    double leaving = type->count, staying = 0, arrivals = type->arrivals;
    double leave_rate = type->average_weeks > 52.0 ? 52.0 / type->average_weeks : 1.0;
    int short_year = -1;
    for (int y = 0; y <= years; y++) {
        if (y > 0)
            arrivals *= 1.0 + type->growth;
        double arrived = arrivals * open_share(type, base_year + y);
        double added, added_weeks, stay, stay_weeks;
        changes_in(placements, t, base_year + y, false, &added, &added_weeks);
        changes_in(placements, t, base_year + y, true, &stay, &stay_weeks);
        double leavers = leaving * leave_rate;
        double closing = leaving + arrived - leavers;
        double weeks = (leaving + closing) / 2.0 * 52.0 + added_weeks + staying * 52.0 + stay_weeks;
        closing += added;
        /* Below none by more than binary fractions: children moved out that
         * the type has not got. */
        if (short_year < 0 && (closing < -1e-9 || weeks < -1e-9)) {
            short_year = y;
            *short_closing = closing + staying;
        }
        measure[MTFP_PLACEMENT_OPENING][y] = leaving + staying;
        measure[MTFP_PLACEMENT_ARRIVALS][y] = arrived;
        measure[MTFP_PLACEMENT_LEAVERS][y] = leavers;
        measure[MTFP_PLACEMENT_ADDED][y] = added + stay;
        leaving = closing > 0 ? closing : 0;
        staying += stay;
        measure[MTFP_PLACEMENT_CLOSING][y] = leaving + staying;
        measure[MTFP_PLACEMENT_WEEKS][y] = weeks > 0 ? weeks : 0;
    }
    return short_year;
}

bool mtfp_placement_project(const mtfp_placements *placements, size_t t, int base_year, int years,
                            const long double *factor, mtfp_placement_result *r)
{
    const mtfp_placement_type *type = &placements->types[t];
    memset(r, 0, sizeof *r);
    double short_closing;
    mtfp_placement_numbers(placements, t, base_year, years, r->measure, &short_closing);
    for (int y = 0; y <= years; y++) {
        long double weekly =
            (long double)type->weekly * factor[y] * (y > 0 ? 1.0 + type->price_change : 1.0);
        if (!mtfp_money_round(weekly, &r->weekly[y]) ||
            !mtfp_money_round(r->measure[MTFP_PLACEMENT_WEEKS][y] * weekly, &r->cost[y]))
            return false;
        mtfp_pence rolled;
        if (!mtfp_money_round((long double)r->cost[0] * factor[y], &rolled))
            return false;
        r->pressure[y] = y == 0 ? 0 : r->cost[y] - rolled;
    }
    return true;
}
