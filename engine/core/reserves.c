#include "mtfp/reserves.h"

#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"

void mtfp_reserves_init(mtfp_reserves *reserves)
{
    memset(reserves, 0, sizeof *reserves);
    mtfp_names_init(&reserves->names);
}

void mtfp_reserves_free(mtfp_reserves *reserves)
{
    for (size_t i = 0; i < reserves->count; i++)
        free(reserves->items[i].name);
    free(reserves->items);
    for (size_t i = 0; i < reserves->movement_count; i++) {
        free(reserves->movements[i].reason);
        free(reserves->movements[i].file);
        free(reserves->movements[i].via);
    }
    free(reserves->movements);
    mtfp_names_free(&reserves->names);
    free(reserves->file);
    mtfp_reserves_init(reserves);
}

mtfp_status mtfp_reserves_copy(mtfp_reserves *dst, const mtfp_reserves *src)
{
    mtfp_reserves_init(dst);
    dst->declared = src->declared;
    dst->minimum = src->minimum;
    dst->gap_from_general = src->gap_from_general;
    dst->partner = src->partner;
    dst->service = src->service;
    dst->line = src->line;
    if (src->file && !(dst->file = mtfp_strdup(src->file)))
        return MTFP_ERR_MEMORY;
    for (size_t i = 0; i < src->count; i++)
        MTFP_TRY(mtfp_reserves_add(dst, src->items[i].name, src->items[i].opening));
    for (size_t i = 0; i < src->movement_count; i++)
        MTFP_TRY(mtfp_reserves_move(dst, &src->movements[i]));
    return MTFP_OK;
}

mtfp_status mtfp_reserves_add(mtfp_reserves *reserves, const char *name, mtfp_pence opening)
{
    uint32_t id;
    if (mtfp_grow(&reserves->items, &reserves->cap, reserves->count + 1, sizeof *reserves->items))
        return MTFP_ERR_MEMORY;
    MTFP_TRY(mtfp_names_intern(&reserves->names, name, strlen(name), &id));
    if (id != reserves->count)
        return MTFP_ERR_INPUT;
    char *copy = mtfp_strdup(name);
    if (!copy)
        return MTFP_ERR_MEMORY;
    reserves->items[reserves->count++] = (mtfp_reserve){.name = copy, .opening = opening};
    return MTFP_OK;
}

int32_t mtfp_reserves_find(const mtfp_reserves *reserves, const char *name, size_t len)
{
    return mtfp_names_find(&reserves->names, name, len);
}

mtfp_status mtfp_reserves_move(mtfp_reserves *reserves, const mtfp_reserve_movement *movement)
{
    if (mtfp_grow(&reserves->movements, &reserves->movement_cap, reserves->movement_count + 1,
                  sizeof *reserves->movements))
        return MTFP_ERR_MEMORY;
    mtfp_reserve_movement *added = &reserves->movements[reserves->movement_count];
    *added = *movement;
    added->via = NULL;
    MTFP_TRY(mtfp_strdup_pair(movement->reason, movement->file, &added->reason, &added->file));
    if (movement->via && !(added->via = mtfp_strdup(movement->via))) {
        free(added->reason);
        free(added->file);
        return MTFP_ERR_MEMORY;
    }
    reserves->movement_count++;
    return MTFP_OK;
}

mtfp_pence mtfp_reserves_draws(const mtfp_reserves *reserves, int year)
{
    /* Each draw is within its reserve (mtfp_reserves_balances), and the
     * reserves' balances add up within the cap on amounts. */
    mtfp_pence sum = 0;
    for (size_t i = 0; i < reserves->movement_count; i++)
        if (reserves->movements[i].kind == MTFP_RESERVE_DRAW && reserves->movements[i].year == year)
            sum += reserves->movements[i].amount;
    return sum;
}

static const struct {
    const char *key, *title;
} measures[MTFP_RESERVE_MEASURES] = {
    [MTFP_RESERVE_OPENING] = {"opening", "Opening balance"},
    [MTFP_RESERVE_CONTRIBUTIONS] = {"contributions", "Contributions"},
    [MTFP_RESERVE_DRAWS] = {"draws", "Planned draws"},
    [MTFP_RESERVE_GAP_MET] = {"gap_met", "Gap met from the reserve"},
    [MTFP_RESERVE_CLOSING] = {"closing", "Closing balance"},
};

const char *mtfp_reserve_measure_key(int measure)
{
    return measures[measure].key;
}

const char *mtfp_reserve_measure_title(int measure)
{
    return measures[measure].title;
}

static mtfp_status too_large(const char *file, int line, mtfp_diag *diag)
{
    return mtfp_diag_error(diag, MTFP_ERR_INPUT, file, line, 0,
                           "the reserve's balance is too large to hold in pence; check the "
                           "amounts");
}

mtfp_status mtfp_reserves_balances(const mtfp_reserves *reserves, const mtfp_pence *gap, int years,
                                   mtfp_pence *balances, mtfp_diag *diag)
{
    size_t width = (size_t)years + 1;
    memset(balances, 0, reserves->count * MTFP_RESERVE_MEASURES * width * sizeof *balances);
    for (size_t r = 0; r < reserves->count; r++) {
        mtfp_pence *m = &balances[r * MTFP_RESERVE_MEASURES * width];
        mtfp_pence balance = reserves->items[r].opening;
        m[MTFP_RESERVE_CLOSING * width] = balance; /* the base year's end */
        for (int y = 1; y <= years; y++) {
            m[MTFP_RESERVE_OPENING * width + (size_t)y] = balance;
            for (size_t i = 0; i < reserves->movement_count; i++) {
                const mtfp_reserve_movement *move = &reserves->movements[i];
                if (move->reserve != r || move->year != y ||
                    move->kind != MTFP_RESERVE_CONTRIBUTION)
                    continue;
                mtfp_pence *in = &m[MTFP_RESERVE_CONTRIBUTIONS * width + (size_t)y];
                if (!mtfp_money_add(*in, move->amount, in) ||
                    !mtfp_money_add(balance, move->amount, &balance))
                    return too_large(move->file, move->line, diag);
            }
            for (size_t i = 0; i < reserves->movement_count; i++) {
                const mtfp_reserve_movement *move = &reserves->movements[i];
                if (move->reserve != r || move->year != y || move->kind != MTFP_RESERVE_DRAW)
                    continue;
                if (move->amount > balance) {
                    char want[MTFP_MONEY_TEXT_MAX], held[MTFP_MONEY_TEXT_MAX];
                    mtfp_money_format_display(move->amount, want);
                    mtfp_money_format_display(balance, held);
                    return mtfp_diag_error(diag, MTFP_ERR_INPUT, move->file, move->line, 0,
                                           "reserves.draw: %s from \"%s\" is more than it holds "
                                           "then (%s): draw at most that, or contribute first",
                                           want, reserves->items[r].name, held);
                }
                balance -= move->amount;
                m[MTFP_RESERVE_DRAWS * width + (size_t)y] += move->amount;
            }
            if (r == 0 && reserves->gap_from_general) {
                m[MTFP_RESERVE_GAP_MET * width + (size_t)y] = gap[y];
                if (!mtfp_money_sub(balance, gap[y], &balance))
                    return too_large(reserves->file, reserves->line, diag);
            }
            m[MTFP_RESERVE_CLOSING * width + (size_t)y] = balance;
        }
    }
    return MTFP_OK;
}
