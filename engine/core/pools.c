#include "mtfp/pools.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"
#include "mtfp/model.h"
#include "mtfp/names.h"
#include "mtfp/plan.h"

void mtfp_pools_init(mtfp_pools *pools)
{
    memset(pools, 0, sizeof *pools);
}

void mtfp_pool_clear(mtfp_pool *pool)
{
    free(pool->name);
    free(pool->file);
    free(pool->services);
    for (size_t s = 0; pool->service_names && s < pool->service_count; s++)
        free(pool->service_names[s]);
    free(pool->service_names);
    for (int p = 0; p < pool->partner_count; p++)
        free(pool->partners[p].name);
    memset(pool, 0, sizeof *pool);
}

void mtfp_pools_free(mtfp_pools *pools)
{
    for (size_t i = 0; i < pools->count; i++)
        mtfp_pool_clear(&pools->items[i]);
    free(pools->items);
    mtfp_pools_init(pools);
}

mtfp_status mtfp_pools_add(mtfp_pools *pools, mtfp_pool *pool)
{
    if (mtfp_grow(&pools->items, &pools->cap, pools->count + 1, sizeof *pools->items)) {
        mtfp_pool_clear(pool);
        return MTFP_ERR_MEMORY;
    }
    pools->items[pools->count++] = *pool;
    return MTFP_OK;
}

mtfp_status mtfp_pools_copy(mtfp_pools *dst, const mtfp_pools *src)
{
    mtfp_pools_init(dst);
    for (size_t i = 0; i < src->count; i++) {
        mtfp_pool copy = src->items[i];
        copy.name = mtfp_strdup(copy.name);
        copy.file = mtfp_strdup(copy.file);
        copy.service_names = NULL; /* a copy is of a linked pool */
        copy.services =
            malloc((copy.service_count ? copy.service_count : 1) * sizeof *copy.services);
        bool ok = copy.name && (!src->items[i].file || copy.file) && copy.services;
        if (copy.services)
            memcpy(copy.services, src->items[i].services,
                   copy.service_count * sizeof *copy.services);
        for (int p = 0; p < copy.partner_count; p++) {
            copy.partners[p].name = mtfp_strdup(src->items[i].partners[p].name);
            ok = ok && copy.partners[p].name;
        }
        if (!ok) {
            mtfp_pool_clear(&copy);
            return MTFP_ERR_MEMORY;
        }
        MTFP_TRY(mtfp_pools_add(dst, &copy));
    }
    return MTFP_OK;
}

mtfp_pool *mtfp_pools_find(const mtfp_pools *pools, const char *name)
{
    for (size_t i = 0; i < pools->count; i++)
        if (mtfp_name_equal(name, strlen(name), pools->items[i].name))
            return &pools->items[i];
    return NULL;
}

int mtfp_pool_partner_find(const mtfp_pool *pool, const char *name)
{
    for (int p = 0; p < pool->partner_count; p++)
        if (mtfp_name_equal(name, strlen(name), pool->partners[p].name))
            return p;
    return -1;
}

/* Each partner's weight under the rule (they add up to 1). */
static void weights(const mtfp_pool *pool, const mtfp_pence contributions[MTFP_POOL_PARTNERS_MAX],
                    double weight[MTFP_POOL_PARTNERS_MAX])
{
    double total = 0;
    for (int p = 0; p < pool->partner_count; p++)
        total += (double)contributions[p];
    for (int p = 0; p < pool->partner_count; p++) {
        switch (pool->rule) {
        case MTFP_RISK_PRO_RATA:
            weight[p] = total != 0 ? (double)contributions[p] / total : 0;
            break;
        case MTFP_RISK_SHARES:
            weight[p] = pool->partners[p].risk_share;
            break;
        case MTFP_RISK_HOST:
            weight[p] = p == pool->host ? 1 : 0;
            break;
        }
    }
}

bool mtfp_pool_share(const mtfp_pool *pool, mtfp_pence variance,
                     const mtfp_pence contributions[MTFP_POOL_PARTNERS_MAX],
                     mtfp_pence share[MTFP_POOL_PARTNERS_MAX])
{
    double weight[MTFP_POOL_PARTNERS_MAX];
    weights(pool, contributions, weight);
    /* The threshold band: the first part of a variance, either way, is the host's. */
    mtfp_pence band = llabs(variance) < pool->threshold ? llabs(variance) : pool->threshold;
    mtfp_pence shared = variance - (variance < 0 ? -band : band);
    mtfp_pence allotted = 0;
    for (int p = 0; p < pool->partner_count; p++) {
        share[p] = 0;
        if (p == pool->host)
            continue;
        if (!mtfp_money_round(weight[p] * (double)shared, &share[p]))
            return false;
        mtfp_pence cap = pool->partners[p].cap;
        if (cap > 0 && llabs(share[p]) > cap) /* beyond its cap it falls to the host */
            share[p] = share[p] < 0 ? -cap : cap;
        if (!mtfp_money_add(allotted, share[p], &allotted))
            return false;
    }
    return mtfp_money_sub(variance, allotted, &share[pool->host]);
}

/* Contributions by share of the budget: each rounded, the host taking the
 * remainder so that they add up to the budget. */
static bool contributions_by_share(const mtfp_pool *pool, mtfp_pence budget,
                                   mtfp_pence out[MTFP_POOL_PARTNERS_MAX])
{
    mtfp_pence allotted = 0;
    for (int p = 0; p < pool->partner_count; p++) {
        out[p] = 0;
        if (p != pool->host &&
            (!mtfp_money_round(pool->partners[p].contribution_share * (double)budget, &out[p]) ||
             !mtfp_money_add(allotted, out[p], &allotted)))
            return false;
    }
    return mtfp_money_sub(budget, allotted, &out[pool->host]);
}

bool mtfp_pool_resolve(const mtfp_pool *pool, int years, mtfp_pool_result *result)
{
    for (int y = 0; y <= years; y++) {
        mtfp_pence year_contribution[MTFP_POOL_PARTNERS_MAX] = {0};
        mtfp_pence year_share[MTFP_POOL_PARTNERS_MAX] = {0};
        mtfp_pence total = 0;
        if (y >= pool->start) {
            if (pool->by_share) {
                if (!contributions_by_share(pool, result->budget[y], year_contribution))
                    return false;
            } else {
                for (int p = 0; p < pool->partner_count; p++)
                    year_contribution[p] = pool->partners[p].contribution[y];
            }
            for (int p = 0; p < pool->partner_count; p++)
                if (!mtfp_money_add(total, year_contribution[p], &total))
                    return false;
            if (!mtfp_money_sub(result->spend[y], total, &result->variance[y]) ||
                !mtfp_pool_share(pool, result->variance[y], year_contribution, year_share))
                return false;
        } else {
            result->variance[y] = 0;
        }
        for (int p = 0; p < pool->partner_count; p++) {
            result->contribution[p][y] = year_contribution[p];
            result->share[p][y] = year_share[p];
        }
    }
    return true;
}

static bool funds(const mtfp_pool *pool, const mtfp_plan_line *line)
{
    if (mtfp_subjective_is_income((mtfp_subjective)line->subjective))
        return false;
    for (size_t s = 0; s < pool->service_count; s++)
        if (pool->services[s] == line->service)
            return true;
    return false;
}

bool mtfp_pool_result_of(const mtfp_pool *pool, const mtfp_plan *plan, mtfp_pool_result *result)
{
    memset(result, 0, sizeof *result);
    for (size_t i = 0; i < plan->line_count; i++) {
        if (!funds(pool, &plan->lines[i]))
            continue;
        const mtfp_pence *values = &plan->values[i * plan->width];
        for (int y = 0; y <= plan->years; y++) {
            if (!mtfp_money_add(result->spend[y], values[y], &result->spend[y]))
                return false;
            if (plan->lines[i].change == MTFP_CHANGE_BASE &&
                !mtfp_money_add(result->budget[y], values[y], &result->budget[y]))
                return false;
        }
    }
    return mtfp_pool_resolve(pool, plan->years, result);
}

static mtfp_status unknown(const mtfp_pool *pool, const mtfp_names *names, const char *kind,
                           const char *name, mtfp_diag *diag)
{
    const char *closest = mtfp_names_closest(names, name, strlen(name));
    char hint[MTFP_NAME_HINT_MAX];
    return mtfp_diag_error(diag, MTFP_ERR_INPUT, pool->file, pool->line, 0,
                           "pool \"%s\": unknown %s \"%s\"%s", pool->name, kind, name,
                           mtfp_name_hint(closest, NULL, hint));
}

/* The pool, other than this one, that funds a service; NULL if none. */
static const mtfp_pool *claimed_by(const mtfp_pools *pools, const mtfp_pool *pool, uint32_t service)
{
    for (const mtfp_pool *other = pools->items; other < pool; other++)
        for (size_t s = 0; s < other->service_count; s++)
            if (other->services[s] == service)
                return other;
    return NULL;
}

static mtfp_status link_pool(const mtfp_pools *pools, mtfp_pool *pool, const mtfp_model *model,
                             mtfp_diag *diag)
{
    const char *host = pool->partners[pool->host].name;
    if (mtfp_names_find(&model->partners, host, strlen(host)) < 0)
        return unknown(pool, &model->partners, "host partner", host, diag);
    for (size_t s = 0; s < pool->service_count; s++) {
        const char *name = pool->service_names[s];
        int32_t id = mtfp_names_find(&model->services, name, strlen(name));
        if (id < 0)
            return unknown(pool, &model->services, "service", name, diag);
        pool->services[s] = (uint32_t)id;
        const mtfp_pool *other = claimed_by(pools, pool, (uint32_t)id);
        if (other)
            return mtfp_diag_error(diag, MTFP_ERR_INPUT, pool->file, pool->line, 0,
                                   "pool \"%s\": service \"%s\" is funded by pool \"%s\" "
                                   "already; a line can be in one pool only",
                                   pool->name, name, other->name);
    }
    return MTFP_OK;
}

mtfp_status mtfp_pools_link(mtfp_pools *pools, const mtfp_model *model, mtfp_diag *diag)
{
    for (size_t i = 0; i < pools->count; i++)
        MTFP_TRY(link_pool(pools, &pools->items[i], model, diag));
    return MTFP_OK;
}
