/* Pooled budgets (Section 75 agreements): a fund that several partners
 * contribute to, hosted by one of them, that pays for the revenue lines of
 * some services; and the rule that shares its over- or underspend.
 *
 * The model is the host's plan. The pool's spend is its services' expenditure
 * lines, projected like any other (so pressures and savings flow into it); its
 * budget is those lines rolled forward before any scenario item. Partners
 * contribute shares of the budget (or fixed amounts); the variance is spend
 * less contributions; the risk-share rule splits it between the partners. In
 * the host's plan the other partners' contributions are income (other
 * changes) and their shares of the variance are a pressure (an overspend they
 * bear lowers the host's cost) or a saving returned. Each partner's share is
 * rounded to the penny; the host takes the rounding remainder, so the shares
 * add up to the variance exactly. */
#ifndef MTFP_POOLS_H
#define MTFP_POOLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mtfp/calendar.h"
#include "mtfp/diag.h"
#include "mtfp/money.h"

#define MTFP_POOL_PARTNERS_MAX 8

typedef enum mtfp_risk_rule {
    MTFP_RISK_PRO_RATA, /* in proportion to contributions */
    MTFP_RISK_SHARES,   /* fixed shares */
    MTFP_RISK_HOST,     /* the host takes all */
} mtfp_risk_rule;

typedef struct mtfp_pool_partner {
    char *name;
    double contribution_share;                   /* of the budget, when by share */
    mtfp_pence contribution[MTFP_MAX_YEARS + 1]; /* fixed amounts, when not by share */
    double risk_share;                           /* for MTFP_RISK_SHARES */
    mtfp_pence cap;                              /* the most it bears a year; 0: no cap */
} mtfp_pool_partner;

typedef struct mtfp_pool {
    char *name;
    int host; /* index in partners */
    mtfp_pool_partner partners[MTFP_POOL_PARTNERS_MAX];
    int partner_count;
    bool by_share;        /* contributions are shares of the budget */
    uint32_t *services;   /* ids in the model's services (set by mtfp_pools_link) */
    char **service_names; /* as model.lua gives them, until linked */
    size_t service_count;
    int start; /* the first year it runs, >= 1 */
    mtfp_risk_rule rule;
    bool start_given, rule_given; /* pool{} gave start, risk_share */
    mtfp_pence threshold;         /* the first this much of a variance falls to the host */
    char *file;
    int line;
} mtfp_pool;

typedef struct mtfp_pools {
    mtfp_pool *items;
    size_t count;
    size_t cap;
} mtfp_pools;

/* What a pool comes to, by year: its budget and spend; each partner's
 * contribution and share of the variance. */
typedef struct mtfp_pool_result {
    mtfp_pence budget[MTFP_MAX_YEARS + 1];
    mtfp_pence spend[MTFP_MAX_YEARS + 1];
    mtfp_pence variance[MTFP_MAX_YEARS + 1]; /* spend less contributions: + overspend */
    mtfp_pence contribution[MTFP_POOL_PARTNERS_MAX][MTFP_MAX_YEARS + 1];
    mtfp_pence share[MTFP_POOL_PARTNERS_MAX][MTFP_MAX_YEARS + 1];
} mtfp_pool_result;

void mtfp_pools_init(mtfp_pools *pools);
/* Free a pool's strings and services and zero it. */
void mtfp_pool_clear(mtfp_pool *pool);
void mtfp_pools_free(mtfp_pools *pools);
mtfp_status mtfp_pools_copy(mtfp_pools *dst, const mtfp_pools *src);

/* Add a pool, taking ownership of its strings and services (freed on failure). */
mtfp_status mtfp_pools_add(mtfp_pools *pools, mtfp_pool *pool);
mtfp_pool *mtfp_pools_find(const mtfp_pools *pools, const char *name);

struct mtfp_model;
/* Once the revenue lines are loaded: find each pool's services and host in
 * the model. Errors at the pool's file and line: an unknown service or host
 * (with the closest name), a service two pools claim. */
mtfp_status mtfp_pools_link(mtfp_pools *pools, const struct mtfp_model *model, mtfp_diag *diag);
int mtfp_pool_partner_find(const mtfp_pool *pool, const char *name);

/* Split a year's variance between the partners by the pool's rule, into
 * share[partner]; the host takes what caps and the threshold leave and the
 * rounding remainder. contributions are that year's. Each share is rounded
 * half away from zero (mtfp_money_round). False if a share does not fit in
 * pence. */
bool mtfp_pool_share(const mtfp_pool *pool, mtfp_pence variance,
                     const mtfp_pence contributions[MTFP_POOL_PARTNERS_MAX],
                     mtfp_pence share[MTFP_POOL_PARTNERS_MAX]);

/* Contributions and shares for years 0..years from the pool's budget and
 * spend (filled by the caller); nothing before the pool starts. False if a
 * figure does not fit in pence. */
bool mtfp_pool_resolve(const mtfp_pool *pool, int years, mtfp_pool_result *result);

struct mtfp_plan;
/* A pool's figures in a projected plan: its budget (its services' expenditure
 * lines rolled forward), its spend (those lines with every change), then
 * contributions and shares. False if a figure does not fit in pence (the
 * projection says so; a plan it made has none that does not). */
bool mtfp_pool_result_of(const mtfp_pool *pool, const struct mtfp_plan *plan,
                         mtfp_pool_result *result);

#endif
