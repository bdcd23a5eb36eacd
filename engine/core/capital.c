#include "mtfp/capital.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"

static const char *const column_names[MTFP_CAPITAL_COLUMNS] = {
    "spend", "grant", "borrowing", "receipts", "contributions", "revenue"};
static const char *const consequence_names[MTFP_CAPITAL_CONSEQUENCES] = {"mrp", "interest",
                                                                         "running_costs"};

const char *mtfp_capital_column_name(mtfp_capital_column column)
{
    return column_names[column];
}

const char *mtfp_capital_consequence_name(mtfp_capital_consequence consequence)
{
    return consequence_names[consequence];
}

void mtfp_capital_init(mtfp_capital *capital)
{
    memset(capital, 0, sizeof *capital);
    capital->policy.method = MTFP_MRP_STRAIGHT_LINE;
    mtfp_names_init(&capital->programmes);
    mtfp_names_init(&capital->scheme_names);
}

void mtfp_capital_free(mtfp_capital *capital)
{
    for (size_t i = 0; i < capital->count; i++) {
        free(capital->schemes[i].name);
        free(capital->schemes[i].file);
    }
    free(capital->schemes);
    free(capital->programme_life);
    mtfp_names_free(&capital->programmes);
    mtfp_names_free(&capital->scheme_names);
    mtfp_capital_init(capital);
}

mtfp_status mtfp_capital_copy(mtfp_capital *dst, const mtfp_capital *src)
{
    mtfp_capital_init(dst);
    dst->policy = src->policy;
    for (size_t p = 0; p < src->programmes.count; p++) {
        const char *name = mtfp_names_get(&src->programmes, (uint32_t)p);
        uint32_t id;
        MTFP_TRY(mtfp_names_intern(&dst->programmes, name, strlen(name), &id));
        int life = p < src->programme_life_cap ? src->programme_life[p] : 0;
        if (life)
            MTFP_TRY(mtfp_capital_set_programme_life(dst, name, life));
    }
    for (size_t i = 0; i < src->count; i++) {
        const mtfp_scheme *from = &src->schemes[i];
        mtfp_scheme *to;
        MTFP_TRY(mtfp_capital_add(dst, from->name, from->programme, from->file, from->line, &to));
        char *name = to->name, *file = to->file;
        *to = *from;
        to->name = name;
        to->file = file;
    }
    return MTFP_OK;
}

mtfp_scheme *mtfp_capital_find(const mtfp_capital *capital, const char *name)
{
    int32_t id = mtfp_names_find(&capital->scheme_names, name, strlen(name));
    return id >= 0 ? &capital->schemes[id] : NULL;
}

mtfp_status mtfp_capital_add(mtfp_capital *capital, const char *name, uint32_t programme,
                             const char *file, int line, mtfp_scheme **scheme)
{
    if (mtfp_grow(&capital->schemes, &capital->cap, capital->count + 1, sizeof *capital->schemes))
        return MTFP_ERR_MEMORY;
    uint32_t id;
    MTFP_TRY(mtfp_names_intern(&capital->scheme_names, name, strlen(name), &id));
    if (id != capital->count)
        return MTFP_ERR_INPUT;
    mtfp_scheme *added = &capital->schemes[capital->count];
    memset(added, 0, sizeof *added);
    MTFP_TRY(mtfp_strdup_pair(name, file, &added->name, &added->file));
    added->programme = programme;
    added->line = line;
    added->running_from = -1;
    capital->count++;
    *scheme = added;
    return MTFP_OK;
}

mtfp_status mtfp_capital_set_programme_life(mtfp_capital *capital, const char *programme, int life)
{
    uint32_t id;
    MTFP_TRY(mtfp_names_intern(&capital->programmes, programme, strlen(programme), &id));
    size_t cap = capital->programme_life_cap;
    if (mtfp_grow(&capital->programme_life, &cap, id + 1, sizeof *capital->programme_life))
        return MTFP_ERR_MEMORY;
    for (size_t i = capital->programme_life_cap; i < cap; i++)
        capital->programme_life[i] = 0;
    capital->programme_life_cap = cap;
    capital->programme_life[id] = life;
    return MTFP_OK;
}

int mtfp_capital_asset_life(const mtfp_capital *capital, const mtfp_scheme *scheme)
{
    if (scheme->asset_life > 0)
        return scheme->asset_life;
    if (scheme->programme < capital->programme_life_cap &&
        capital->programme_life[scheme->programme] > 0)
        return capital->programme_life[scheme->programme];
    return capital->policy.asset_life;
}

bool mtfp_scheme_borrows(const mtfp_scheme *scheme)
{
    for (int y = 0; y <= MTFP_MAX_YEARS; y++)
        if (scheme->amount[MTFP_CAPITAL_BORROWING][y] != 0)
            return true;
    return false;
}

mtfp_status mtfp_capital_check(const mtfp_capital *capital, mtfp_diag *diag)
{
    for (size_t i = 0; i < capital->count; i++) {
        const mtfp_scheme *scheme = &capital->schemes[i];
        if (!mtfp_scheme_borrows(scheme))
            continue;
        mtfp_status status = MTFP_OK;
        if (!capital->policy.interest_given)
            status = mtfp_diag_error(diag, MTFP_ERR_INPUT, scheme->file, scheme->line, 0,
                                     "scheme \"%s\" borrows, and model.lua gives no interest "
                                     "rate for its revenue consequences: set capital { "
                                     "interest_rate = ... } (0 for borrowing that is free of "
                                     "interest)",
                                     scheme->name);
        else if (mtfp_capital_asset_life(capital, scheme) == 0)
            status = mtfp_diag_error(
                diag, MTFP_ERR_INPUT, scheme->file, scheme->line, 0,
                "scheme \"%s\" borrows, and nothing gives the asset life its minimum revenue "
                "provision repays it over: give asset_life on its row, or in model.lua's "
                "capital { asset_life = ... } or capital { lives = { [\"%s\"] = ... } }",
                scheme->name, mtfp_names_get(&capital->programmes, scheme->programme));
        MTFP_TRY(mtfp_diag_keep(diag, status));
    }
    return mtfp_diag_kept(diag);
}

/* The share of a sum borrowed that MRP has repaid by the end of its k-th
 * year: k / life straight-line, or the principal of the first k of life
 * equal payments at the annuity rate; all of it from the life-th year on. */
static double mrp_repaid(const mtfp_capital_policy *policy, int life, int k)
{
    if (k >= life)
        return 1.0;
    double r = policy->annuity_rate;
    if (policy->method == MTFP_MRP_STRAIGHT_LINE || r == 0.0)
        return (double)k / life;
    return (pow(1.0 + r, k) - 1.0) / (pow(1.0 + r, life) - 1.0);
}

/* A year's MRP is what has been repaid by its end, rounded, less what had
 * been by the year before's: so the years' MRP add up to the sum borrowed to
 * the penny, and no penny is left owing (and charged interest) for ever. */
bool mtfp_capital_consequences(const mtfp_capital *capital, const mtfp_scheme *scheme, int years,
                               mtfp_pence out[MTFP_CAPITAL_CONSEQUENCES][MTFP_MAX_YEARS + 1])
{
    memset(out, 0, sizeof(mtfp_pence) * MTFP_CAPITAL_CONSEQUENCES * (MTFP_MAX_YEARS + 1));
    int life = mtfp_capital_asset_life(capital, scheme);
    const mtfp_pence *borrowed = scheme->amount[MTFP_CAPITAL_BORROWING];
    mtfp_pence balance = 0; /* borrowing less MRP, at the start of year u */
    mtfp_pence repaid = 0;  /* the MRP of the years before u */
    for (int u = 1; u <= years; u++) {
        double by_end = 0.0;
        for (int t = 0; t < u; t++)
            by_end += (double)borrowed[t] * mrp_repaid(&capital->policy, life, u - t);
        mtfp_pence total;
        if (!mtfp_money_add(balance, borrowed[u - 1], &balance) ||
            !mtfp_money_round(by_end, &total) ||
            !mtfp_money_sub(total, repaid, &out[MTFP_CAPITAL_MRP][u]) ||
            !mtfp_money_round((double)balance * capital->policy.interest_rate,
                              &out[MTFP_CAPITAL_INTEREST][u]) ||
            !mtfp_money_sub(balance, out[MTFP_CAPITAL_MRP][u], &balance))
            return false;
        repaid = total;
        if (scheme->running_from >= 0 && u >= scheme->running_from)
            out[MTFP_CAPITAL_RUNNING_COSTS][u] = scheme->running_cost;
    }
    return true;
}

void mtfp_capital_slip(mtfp_scheme *scheme, int from, int to, double share)
{
    mtfp_pence moved[MTFP_CAPITAL_COLUMNS];
    mtfp_pence funding_moved = 0;
    int largest = MTFP_CAPITAL_GRANT;
    for (int c = 0; c < MTFP_CAPITAL_COLUMNS; c++) {
        /* A share of at most 1 of an amount cannot overflow. */
        (void)mtfp_money_round(share * (double)scheme->amount[c][from], &moved[c]);
        if (c != MTFP_CAPITAL_SPEND) {
            funding_moved += moved[c];
            if (llabs(scheme->amount[c][from]) > llabs(scheme->amount[largest][from]))
                largest = c;
        }
    }
    /* Rounding each column apart may leave a penny: the largest source takes it. */
    moved[largest] += moved[MTFP_CAPITAL_SPEND] - funding_moved;
    for (int c = 0; c < MTFP_CAPITAL_COLUMNS; c++) {
        scheme->amount[c][from] -= moved[c];
        scheme->amount[c][to] += moved[c];
    }
}

bool mtfp_scheme_balanced(const mtfp_scheme *scheme, int *year)
{
    for (int y = 0; y <= MTFP_MAX_YEARS; y++) {
        mtfp_pence funding = 0;
        for (int c = MTFP_CAPITAL_GRANT; c < MTFP_CAPITAL_COLUMNS; c++)
            funding += scheme->amount[c][y]; /* inputs are capped: no overflow */
        if (funding != scheme->amount[MTFP_CAPITAL_SPEND][y]) {
            *year = y;
            return false;
        }
    }
    return true;
}
