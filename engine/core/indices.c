#include "mtfp/indices.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"
#include "mtfp/money.h"
#include "mtfp/names.h"

static const char *const standard[MTFP_INDEX_STANDARD_COUNT] = {"none", "pay", "prices",
                                                                "contracts", "fees"};

static mtfp_status add(mtfp_indices *indices, const char *name, size_t len, uint32_t *id)
{
    if (mtfp_grow(&indices->items, &indices->cap, indices->count + 1, sizeof *indices->items))
        return MTFP_ERR_MEMORY;
    mtfp_index *index = &indices->items[indices->count];
    memset(index, 0, sizeof *index);
    index->name = mtfp_strndup(name, len);
    if (!index->name)
        return MTFP_ERR_MEMORY;
    *id = (uint32_t)indices->count++;
    return MTFP_OK;
}

mtfp_status mtfp_indices_init(mtfp_indices *indices)
{
    memset(indices, 0, sizeof *indices);
    for (int i = 0; i < MTFP_INDEX_STANDARD_COUNT; i++) {
        uint32_t id;
        MTFP_TRY(add(indices, standard[i], strlen(standard[i]), &id));
    }
    return MTFP_OK;
}

void mtfp_indices_free(mtfp_indices *indices)
{
    for (size_t i = 0; i < indices->count; i++) {
        free(indices->items[i].name);
        free(indices->items[i].file);
    }
    free(indices->items);
    memset(indices, 0, sizeof *indices);
}

mtfp_status mtfp_indices_copy(mtfp_indices *dst, const mtfp_indices *src)
{
    memset(dst, 0, sizeof *dst);
    if (mtfp_grow(&dst->items, &dst->cap, src->count, sizeof *dst->items))
        return MTFP_ERR_MEMORY;
    for (size_t i = 0; i < src->count; i++) {
        dst->items[i] = src->items[i];
        dst->items[i].name = mtfp_strdup(src->items[i].name);
        dst->items[i].file = mtfp_strdup(src->items[i].file);
        dst->count = i + 1;
        if (!dst->items[i].name || (src->items[i].file && !dst->items[i].file))
            return MTFP_ERR_MEMORY;
    }
    return MTFP_OK;
}

int32_t mtfp_indices_find(const mtfp_indices *indices, const char *name, size_t len)
{
    for (size_t i = 0; i < indices->count; i++)
        if (mtfp_name_equal(name, len, indices->items[i].name))
            return (int32_t)i;
    return -1;
}

const char *mtfp_indices_closest(const mtfp_indices *indices, const char *name, size_t len)
{
    const char **names = malloc((indices->count ? indices->count : 1) * sizeof *names);
    if (!names) /* without memory, no suggestion */
        return NULL;
    for (size_t i = 0; i < indices->count; i++)
        names[i] = indices->items[i].name;
    const char *closest = mtfp_name_closest_of(names, indices->count, name, len);
    free(names);
    return closest;
}

mtfp_status mtfp_indices_set(mtfp_indices *indices, const char *name, const double *rates,
                             size_t count, const char *file, int line, uint32_t *id,
                             mtfp_diag *diag)
{
    size_t len = strlen(name);
    int32_t found = mtfp_indices_find(indices, name, len);
    if (found == MTFP_INDEX_NONE)
        return mtfp_diag_error(diag, MTFP_ERR_INPUT, NULL, 0, 0,
                               "index \"none\" is always 0 and cannot be set");
    if (count < 1 || count > MTFP_MAX_YEARS)
        return mtfp_diag_error(diag, MTFP_ERR_INPUT, NULL, 0, 0,
                               "index \"%s\" needs 1 to %d rates, one per projection year, got %zu",
                               name, MTFP_MAX_YEARS, count);
    for (size_t i = 0; i < count; i++)
        if (!isfinite(rates[i]) || rates[i] < -1.0 || rates[i] > 1.0)
            return mtfp_diag_error(diag, MTFP_ERR_INPUT, NULL, 0, 0,
                                   "index \"%s\": rate %zu is %g; expected a rate between -1 "
                                   "and 1 (0.025 is 2.5%%)",
                                   name, i + 1, rates[i]);
    uint32_t slot;
    if (found >= 0)
        slot = (uint32_t)found;
    else
        MTFP_TRY(add(indices, name, len, &slot));
    mtfp_index *index = &indices->items[slot];
    index->rate[0] = 0.0;
    index->exact[0] = 0.0L;
    for (int y = 1; y <= MTFP_MAX_YEARS; y++) {
        index->rate[y] = rates[(size_t)y <= count ? (size_t)y - 1 : count - 1];
        index->exact[y] = (size_t)y <= count ? mtfp_rate_decimal(index->rate[y])
                                             : index->exact[y - 1]; /* the last repeats */
    }
    index->set = true;
    free(index->file);
    index->file = mtfp_strdup(file);
    if (file && !index->file)
        return MTFP_ERR_MEMORY;
    index->line = line;
    if (id)
        *id = slot;
    return MTFP_OK;
}

void mtfp_indices_factors(const mtfp_indices *indices, int years, long double *factors)
{
    size_t width = (size_t)years + 1;
    for (size_t i = 0; i < indices->count; i++) {
        /* The rates as written (0.02, not the double a hair above it) in
         * extended precision: an £85,377,270.00 line at 2% then 2.5% is
         * 8,926,193,578.5 pence, which doubles took for .4999979. */
        long double f = 1.0L;
        factors[i * width] = 1.0L;
        for (int y = 1; y <= years; y++) {
            f *= 1.0L + indices->items[i].exact[y];
            factors[i * width + (size_t)y] = f;
        }
    }
}
