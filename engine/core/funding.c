#include "mtfp/funding.h"

#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"
#include "mtfp/names.h"

void mtfp_funding_init(mtfp_funding *funding)
{
    memset(funding, 0, sizeof *funding);
}

void mtfp_funding_free(mtfp_funding *funding)
{
    for (size_t i = 0; i < funding->count; i++) {
        free(funding->sources[i].name);
        free(funding->sources[i].file);
    }
    free(funding->sources);
    free(funding->council_tax.source);
    free(funding->council_tax.file);
    for (size_t i = 0; i < funding->change_count; i++) {
        free(funding->changes[i].source);
        free(funding->changes[i].file);
    }
    free(funding->changes);
    mtfp_funding_init(funding);
}

mtfp_status mtfp_funding_copy(mtfp_funding *dst, const mtfp_funding *src)
{
    mtfp_funding_init(dst);
    if (mtfp_grow(&dst->sources, &dst->cap, src->count, sizeof *dst->sources))
        return MTFP_ERR_MEMORY;
    for (size_t i = 0; i < src->count; i++) {
        dst->sources[i] = src->sources[i];
        dst->sources[i].name = mtfp_strdup(src->sources[i].name);
        dst->sources[i].file = mtfp_strdup(src->sources[i].file);
        dst->count = i + 1;
        if (!dst->sources[i].name || (src->sources[i].file && !dst->sources[i].file))
            return MTFP_ERR_MEMORY;
    }
    dst->council_tax = src->council_tax;
    dst->council_tax.source = NULL;
    dst->council_tax.file = NULL;
    MTFP_TRY(mtfp_strdup_pair(src->council_tax.source, src->council_tax.file,
                              &dst->council_tax.source, &dst->council_tax.file));
    for (size_t i = 0; i < src->change_count; i++)
        MTFP_TRY(mtfp_funding_add_change(dst, &src->changes[i]));
    return MTFP_OK;
}

mtfp_status mtfp_funding_add_source(mtfp_funding *funding, const char *name, const char *file,
                                    int line, mtfp_funding_source **source)
{
    for (size_t i = 0; i < funding->count; i++) {
        if (mtfp_name_equal(name, strlen(name), funding->sources[i].name)) {
            *source = &funding->sources[i];
            return MTFP_OK;
        }
    }
    if (mtfp_grow(&funding->sources, &funding->cap, funding->count + 1, sizeof *funding->sources))
        return MTFP_ERR_MEMORY;
    mtfp_funding_source *added = &funding->sources[funding->count];
    memset(added, 0, sizeof *added);
    MTFP_TRY(mtfp_strdup_pair(name, file, &added->name, &added->file));
    added->line = line;
    added->last_year = -1;
    added->index = -1;
    funding->count++;
    *source = added;
    return MTFP_OK;
}

const mtfp_funding_source *mtfp_funding_find(const mtfp_funding *funding, const char *name,
                                             size_t len, const char **closest)
{
    *closest = NULL;
    for (size_t i = 0; i < funding->count; i++)
        if (mtfp_name_equal(name, len, funding->sources[i].name))
            return &funding->sources[i];
    const char **names = malloc((funding->count ? funding->count : 1) * sizeof *names);
    if (names) { /* without memory, no suggestion */
        for (size_t i = 0; i < funding->count; i++)
            names[i] = funding->sources[i].name;
        *closest = mtfp_name_closest_of(names, funding->count, name, len);
        free(names);
    }
    return NULL;
}

void mtfp_funding_set(mtfp_funding_source *source, int year, mtfp_pence amount)
{
    if (year < 0 || year > MTFP_MAX_YEARS)
        return;
    source->amount[year] = amount;
    source->given |= 1u << year;
}

mtfp_pence mtfp_funding_source_amount(const mtfp_funding_source *source, int year)
{
    if (year < 0 || year > MTFP_MAX_YEARS || !(source->given & (1u << year)))
        return 0;
    if (source->last_year >= 0 && year > source->last_year)
        return 0;
    return source->amount[year];
}

bool mtfp_funding_total(const mtfp_funding *funding, int year, mtfp_pence *total)
{
    mtfp_pence sum = 0;
    for (size_t i = 0; i < funding->count; i++)
        if (!mtfp_money_add(sum, mtfp_funding_source_amount(&funding->sources[i], year), &sum))
            return false;
    *total = sum;
    return true;
}

mtfp_status mtfp_funding_add_change(mtfp_funding *funding, const mtfp_funding_change *change)
{
    if (mtfp_grow(&funding->changes, &funding->change_cap, funding->change_count + 1,
                  sizeof *funding->changes))
        return MTFP_ERR_MEMORY;
    mtfp_funding_change *added = &funding->changes[funding->change_count];
    *added = *change;
    MTFP_TRY(mtfp_strdup_pair(change->source, change->file, &added->source, &added->file));
    funding->change_count++;
    return MTFP_OK;
}

static mtfp_status too_large(const char *file, int line, const char *what, mtfp_diag *diag)
{
    return mtfp_diag_error(diag, MTFP_ERR_INPUT, file, line, 0,
                           "%s is too large to hold in pence; check the amounts and rates", what);
}

/* A source grown by an index: each year not given is the last given amount
 * rolled forward by the index, from that amount (not from last year's
 * rounded figure), as a revenue line is. */
static mtfp_status grow_by_index(mtfp_funding_source *source, const long double *factor, int years,
                                 mtfp_diag *diag)
{
    int last = -1;
    for (int y = 0; y <= years; y++) {
        if (source->given & (1u << y)) {
            last = y;
            continue;
        }
        if (last < 0)
            continue;
        mtfp_pence amount;
        if (!mtfp_money_round((long double)source->amount[last] * factor[y] / factor[last],
                              &amount))
            return too_large(source->file, source->line, "the funding grown by its index", diag);
        mtfp_funding_set(source, y, amount);
    }
    return MTFP_OK;
}

/* Council tax by year: Band D set to the penny from last year's by the
 * year's rise, and the income the tax base at it, of which the collection
 * rate's share is collected, rounded once a year. */
static mtfp_status council_tax_income(mtfp_funding *funding, int years, mtfp_diag *diag)
{
    mtfp_council_tax *tax = &funding->council_tax;
    mtfp_funding_source *source;
    MTFP_TRY(mtfp_funding_add_source(funding, tax->source, tax->file, tax->line, &source));
    for (int y = 0; y <= years; y++) {
        mtfp_pence income;
        if (y > 0 && !mtfp_money_round((long double)tax->band_d[y - 1] *
                                           (1.0L + mtfp_rate_decimal(tax->increase[y])),
                                       &tax->band_d[y]))
            return too_large(tax->file, tax->line, "Band D", diag);
        if (!mtfp_money_round((long double)tax->band_d[y] * tax->tax_base[y] *
                                  mtfp_rate_decimal(tax->collection_rate),
                              &income))
            return too_large(tax->file, tax->line, "the council tax", diag);
        mtfp_funding_set(source, y, income);
    }
    return MTFP_OK;
}

static mtfp_status apply_change(mtfp_funding *funding, const mtfp_funding_change *change, int years,
                                mtfp_diag *diag)
{
    const char *closest;
    const mtfp_funding_source *found =
        mtfp_funding_find(funding, change->source, strlen(change->source), &closest);
    if (!found) {
        char hint[MTFP_NAME_HINT_MAX];
        return mtfp_diag_error(diag, MTFP_ERR_INPUT, change->file, change->line, 0,
                               "funding.change: \"%s\" is not a funding source%s", change->source,
                               mtfp_name_hint(closest, NULL, hint));
    }
    mtfp_funding_source *source = &funding->sources[found - funding->sources];
    for (int y = change->from; y <= change->to && y <= years; y++) {
        mtfp_pence was = mtfp_funding_source_amount(source, y), by = change->amount, now;
        if (change->by_percent &&
            !mtfp_money_round((long double)was * mtfp_rate_decimal(change->percent), &by))
            return too_large(change->file, change->line, "the change", diag);
        if (!mtfp_money_add(was, by, &now))
            return too_large(change->file, change->line, "the funding with this change", diag);
        mtfp_funding_set(source, y, now);
    }
    return MTFP_OK;
}

mtfp_status mtfp_funding_resolve(mtfp_funding *funding, const mtfp_indices *indices, int years,
                                 mtfp_diag *diag)
{
    size_t width = (size_t)years + 1;
    long double *factors = malloc((indices->count ? indices->count : 1) * width * sizeof *factors);
    if (!factors)
        return MTFP_ERR_MEMORY;
    mtfp_indices_factors(indices, years, factors);
    mtfp_status status = MTFP_OK;
    for (size_t i = 0; status == MTFP_OK && i < funding->count; i++)
        if (funding->sources[i].index >= 0)
            status =
                grow_by_index(&funding->sources[i],
                              &factors[(size_t)funding->sources[i].index * width], years, diag);
    free(factors);
    if (status == MTFP_OK && funding->council_tax.declared)
        status = council_tax_income(funding, years, diag);
    for (size_t i = 0; status == MTFP_OK && i < funding->change_count; i++)
        status = apply_change(funding, &funding->changes[i], years, diag);
    return status;
}
