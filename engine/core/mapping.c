/* The code mapping: cost centres by hash, accounts by hash, ranges by
 * scanning (a chart of accounts has tens of ranges). */
#include "mtfp/mapping.h"

#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"

void mtfp_mapping_init(mtfp_mapping *mapping)
{
    memset(mapping, 0, sizeof *mapping);
    mtfp_names_init_exact(&mapping->centres);
    mtfp_names_init_exact(&mapping->accounts);
}

static void free_centre(mtfp_centre_map *map)
{
    free(map->partner);
    free(map->service);
    for (int l = 0; l < MTFP_MAPPING_LEVELS; l++)
        free(map->groups[l]);
}

static void free_account(mtfp_account_map *map)
{
    free(map->from);
    free(map->to);
}

void mtfp_mapping_free(mtfp_mapping *mapping)
{
    for (size_t i = 0; i < mapping->centres.count; i++)
        free_centre(&mapping->centre[i]);
    for (size_t i = 0; i < mapping->accounts.count; i++)
        free_account(&mapping->account[i]);
    for (size_t i = 0; i < mapping->range_count; i++)
        free_account(&mapping->ranges[i]);
    free(mapping->centre);
    free(mapping->account);
    free(mapping->ranges);
    free(mapping->file);
    mtfp_names_free(&mapping->centres);
    mtfp_names_free(&mapping->accounts);
    mtfp_mapping_init(mapping);
}

mtfp_status mtfp_mapping_add_centre(mtfp_mapping *mapping, const char *code, size_t len,
                                    mtfp_centre_map *map, int *earlier)
{
    size_t known = mapping->centres.count;
    uint32_t id;
    /* Room first, so that every code interned has its map. */
    mtfp_status status =
        mtfp_grow(&mapping->centre, &mapping->centre_cap, known + 1, sizeof *mapping->centre);
    if (status == MTFP_OK)
        status = mtfp_names_intern(&mapping->centres, code, len, &id);
    if (status == MTFP_OK && id < known) {
        *earlier = mapping->centre[id].line;
        status = MTFP_ERR_INPUT;
    }
    if (status != MTFP_OK) {
        free_centre(map);
        return status;
    }
    mapping->centre[id] = *map;
    return MTFP_OK;
}

/* A code's place against a range's end: both of one length, by bytes. */
static int compare_code(const char *a, size_t a_len, const char *b)
{
    size_t b_len = strlen(b);
    if (a_len != b_len)
        return a_len < b_len ? -2 : 2; /* not comparable */
    int c = memcmp(a, b, a_len);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

static bool in_range(const mtfp_account_map *range, const char *code, size_t len)
{
    int from = compare_code(code, len, range->from), to = compare_code(code, len, range->to);
    return (from == 0 || from == 1) && (to == 0 || to == -1);
}

mtfp_status mtfp_mapping_add_account(mtfp_mapping *mapping, mtfp_account_map *map, int *earlier)
{
    mtfp_status status = MTFP_OK;
    size_t len = strlen(map->from);
    for (size_t r = 0; status == MTFP_OK && r < mapping->range_count; r++) {
        const mtfp_account_map *range = &mapping->ranges[r];
        bool meets = map->to ? in_range(range, map->from, len) ||
                                   in_range(range, map->to, strlen(map->to)) ||
                                   in_range(map, range->from, strlen(range->from))
                             : in_range(range, map->from, len);
        if (meets) {
            *earlier = range->line;
            status = MTFP_ERR_INPUT;
        }
    }
    for (size_t a = 0; status == MTFP_OK && map->to && a < mapping->accounts.count; a++)
        if (in_range(map, mapping->account[a].from, strlen(mapping->account[a].from))) {
            *earlier = mapping->account[a].line;
            status = MTFP_ERR_INPUT;
        }
    if (status == MTFP_OK && map->to) {
        if (mtfp_grow(&mapping->ranges, &mapping->range_cap, mapping->range_count + 1,
                      sizeof *mapping->ranges))
            status = MTFP_ERR_MEMORY;
        else
            mapping->ranges[mapping->range_count++] = *map;
    } else if (status == MTFP_OK) {
        size_t known = mapping->accounts.count;
        uint32_t id;
        status = mtfp_grow(&mapping->account, &mapping->account_cap, known + 1,
                           sizeof *mapping->account);
        if (status == MTFP_OK)
            status = mtfp_names_intern(&mapping->accounts, map->from, len, &id);
        if (status == MTFP_OK && id < known) {
            *earlier = mapping->account[id].line;
            status = MTFP_ERR_INPUT;
        } else if (status == MTFP_OK) {
            mapping->account[id] = *map;
        }
    }
    if (status != MTFP_OK)
        free_account(map);
    return status;
}

const mtfp_centre_map *mtfp_mapping_centre(const mtfp_mapping *mapping, const char *code,
                                           size_t len)
{
    int32_t id = mtfp_names_find(&mapping->centres, code, len);
    return id >= 0 ? &mapping->centre[id] : NULL;
}

const mtfp_account_map *mtfp_mapping_account(const mtfp_mapping *mapping, const char *code,
                                             size_t len)
{
    int32_t id = mtfp_names_find(&mapping->accounts, code, len);
    if (id >= 0)
        return &mapping->account[id];
    for (size_t r = 0; r < mapping->range_count; r++)
        if (in_range(&mapping->ranges[r], code, len))
            return &mapping->ranges[r];
    return NULL;
}
