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
