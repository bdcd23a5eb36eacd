/* Pooled budgets: each risk-share rule, caps, the threshold band, rounding,
 * contributions, a pool that starts mid-plan, and how the other partners'
 * contributions and shares enter the host's plan and its Audit. Figures
 * worked by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mtfp/load.h"
#include "mtfp/plan.h"
#include "mtfp/pools.h"
#include "mtfp/project.h"
#include "mtfp/run.h"

enum { COUNCIL, PCT, SCHOOLS };

/* A pool hosted by the Council: contributions 70% Council, 30% PCT. */
static mtfp_pool pool(void)
{
    mtfp_pool p;
    memset(&p, 0, sizeof p);
    p.host = COUNCIL;
    p.partner_count = 2;
    p.by_share = true;
    p.partners[COUNCIL].contribution_share = 0.7;
    p.partners[PCT].contribution_share = 0.3;
    p.start = 1;
    p.rule = MTFP_RISK_PRO_RATA;
    return p;
}

static const mtfp_pence contributions[MTFP_POOL_PARTNERS_MAX] = {84000000, 36000000};

static void test_pro_rata_shares_follow_contributions(void **state)
{
    (void)state;
    mtfp_pool p = pool();
    mtfp_pence share[MTFP_POOL_PARTNERS_MAX];
    /* 200,000 overspend: PCT 30% = 60,000, Council 140,000 */
    mtfp_pool_share(&p, 20000000, contributions, share);
    assert_int_equal(share[PCT], 6000000);
    assert_int_equal(share[COUNCIL], 14000000);
}

static void test_fixed_shares_and_a_cap_that_binds(void **state)
{
    (void)state;
    mtfp_pool p = pool();
    p.rule = MTFP_RISK_SHARES;
    p.partners[COUNCIL].risk_share = 0.5;
    p.partners[PCT].risk_share = 0.5;
    mtfp_pence share[MTFP_POOL_PARTNERS_MAX];
    mtfp_pool_share(&p, 20000000, contributions, share);
    assert_int_equal(share[PCT], 10000000);
    /* PCT capped at 40,000: the other 60,000 of its half falls to the host */
    p.partners[PCT].cap = 4000000;
    mtfp_pool_share(&p, 20000000, contributions, share);
    assert_int_equal(share[PCT], 4000000);
    assert_int_equal(share[COUNCIL], 16000000);
}

static void test_threshold_band_falls_to_the_host_first(void **state)
{
    (void)state;
    mtfp_pool p = pool();
    p.threshold = 5000000; /* the first 50,000 */
    mtfp_pence share[MTFP_POOL_PARTNERS_MAX];
    /* 200,000: host 50,000 + 70% of 150,000; PCT 30% of 150,000 = 45,000 */
    mtfp_pool_share(&p, 20000000, contributions, share);
    assert_int_equal(share[PCT], 4500000);
    assert_int_equal(share[COUNCIL], 15500000);
    /* 30,000, inside the band: all the host's */
    mtfp_pool_share(&p, 3000000, contributions, share);
    assert_int_equal(share[PCT], 0);
    assert_int_equal(share[COUNCIL], 3000000);
}

static void test_underspend_is_shared_back(void **state)
{
    (void)state;
    mtfp_pool p = pool();
    mtfp_pence share[MTFP_POOL_PARTNERS_MAX];
    /* 100,000 underspend: PCT gets 30,000 back */
    mtfp_pool_share(&p, -10000000, contributions, share);
    assert_int_equal(share[PCT], -3000000);
    assert_int_equal(share[COUNCIL], -7000000);
    /* the band and a cap work the same way for an underspend */
    p.threshold = 2000000;
    p.partners[PCT].cap = 1000000;
    mtfp_pool_share(&p, -10000000, contributions, share);
    assert_int_equal(share[PCT], -1000000); /* 30% of 80,000 = 24,000, capped at 10,000 */
    assert_int_equal(share[COUNCIL], -9000000);
}

static void test_host_takes_all(void **state)
{
    (void)state;
    mtfp_pool p = pool();
    p.rule = MTFP_RISK_HOST;
    mtfp_pence share[MTFP_POOL_PARTNERS_MAX];
    mtfp_pool_share(&p, 12345, contributions, share);
    assert_int_equal(share[PCT], 0);
    assert_int_equal(share[COUNCIL], 12345);
}

static void test_rounding_remainder_goes_to_the_host(void **state)
{
    (void)state;
    mtfp_pool p = pool();
    p.partner_count = 3;
    p.rule = MTFP_RISK_SHARES;
    for (int i = 0; i < 3; i++)
        p.partners[i].risk_share = 1.0 / 3.0;
    mtfp_pence share[MTFP_POOL_PARTNERS_MAX];
    /* 10p in thirds: 3p each to PCT and Schools, 4p to the host */
    mtfp_pool_share(&p, 10, contributions, share);
    assert_int_equal(share[PCT], 3);
    assert_int_equal(share[SCHOOLS], 3);
    assert_int_equal(share[COUNCIL], 4);
}

static void test_pool_that_starts_mid_plan(void **state)
{
    (void)state;
    mtfp_pool p = pool();
    p.start = 2;
    mtfp_pool_result r;
    memset(&r, 0, sizeof r);
    for (int y = 0; y <= 3; y++) {
        r.budget[y] = 120000001; /* £1,200,000.01: 30% is 36,000,000.3 pence */
        r.spend[y] = 140000001;
    }
    mtfp_pool_resolve(&p, 3, &r);
    assert_int_equal(r.contribution[PCT][1], 0);
    assert_int_equal(r.variance[1], 0);
    assert_int_equal(r.contribution[PCT][2], 36000000);
    assert_int_equal(r.contribution[COUNCIL][2], 84000001); /* the host takes the penny */
    assert_int_equal(r.variance[2], 20000000);
    assert_int_equal(r.share[PCT][2] + r.share[COUNCIL][2], r.variance[2]);
}

static void test_contribution_of_an_exact_half_penny_rounds_away_from_zero(void **state)
{
    (void)state;
    mtfp_pool p = pool();
    p.partners[COUNCIL].contribution_share = 0.3;
    p.partners[PCT].contribution_share = 0.7;
    mtfp_pool_result r;
    memset(&r, 0, sizeof r);
    for (int y = 0; y <= 1; y++)
        r.budget[y] = r.spend[y] = 370929955; /* £3,709,299.55 */
    assert_true(mtfp_pool_resolve(&p, 1, &r));
    /* 0.7 x 370,929,955 = 259,650,968.5 pence, half away from zero: 259,650,969
     * (0.7 in binary is a hair below 0.7, which llround took down). The host
     * takes the rest: 370,929,955 - 259,650,969 = 111,278,986. */
    assert_int_equal(r.contribution[PCT][1], 259650969);
    assert_int_equal(r.contribution[COUNCIL][1], 111278986);
}

static void test_a_pool_too_large_to_add_up_is_refused(void **state)
{
    (void)state;
    mtfp_pool p = pool();
    mtfp_pool_result r;
    memset(&r, 0, sizeof r);
    r.spend[1] = INT64_MAX; /* contributions of 0.7 and 0.3 of a budget of -1 penny */
    r.budget[1] = -1;       /* leave a variance of INT64_MAX + 1 */
    assert_false(mtfp_pool_resolve(&p, 1, &r));
}

static void test_a_pools_spend_too_large_to_add_up_is_refused(void **state)
{
    (void)state;
    mtfp_pool p = pool();
    uint32_t services[1] = {0};
    p.services = services;
    p.service_count = 1;
    mtfp_plan plan;
    mtfp_plan_init(&plan, 1);
    /* two lines of the pool's service of 2^62 pence each: 2^63 does not fit */
    const mtfp_pence values[2] = {0, INT64_C(1) << 62};
    mtfp_plan_line line = {.service = 0, .subjective = MTFP_SUBJ_PREMISES, .audit = -1};
    assert_int_equal(mtfp_plan_add_line(&plan, &line, values, NULL), MTFP_OK);
    assert_int_equal(mtfp_plan_add_line(&plan, &line, values, NULL), MTFP_OK);
    mtfp_pool_result r;
    assert_false(mtfp_pool_result_of(&p, &plan, &r));
    mtfp_plan_free(&plan);
}

/* The run of tests/fixtures/pools (README.md works its figures). */
static int load_fixture(void **state)
{
    const char *source = getenv("MTFP_SOURCE_DIR");
    assert_non_null(source);
    char model[512];
    snprintf(model, sizeof model, "%s/tests/fixtures/pools", source);
    mtfp_run *run = test_calloc(1, sizeof *run);
    assert_int_equal(mtfp_run_init(run), MTFP_OK);
    assert_int_equal(mtfp_run_load(run, model, NULL, 0, 0, &run->findings), MTFP_OK);
    assert_int_equal(mtfp_project_scenarios(run, 2, &run->findings), MTFP_OK);
    *state = run;
    return 0;
}

static int free_fixture(void **state)
{
    mtfp_run_free(*state);
    test_free(*state);
    return 0;
}

/* The effects by year of the one pool entry of a scenario that enters the
 * plan as change (fails if there is not exactly one). */
static const mtfp_pence *pool_entry(const mtfp_run *run, const char *scenario, mtfp_change change,
                                    const char **title)
{
    for (size_t s = 0; s < run->count; s++) {
        if (strcmp(run->scenarios[s].name, scenario) != 0)
            continue;
        const mtfp_plan *plan = &run->plans[s];
        const mtfp_pence *found = NULL;
        for (size_t a = 0; a < plan->audit_count; a++) {
            if (strcmp(plan->audit[a].kind, "pool") != 0 || plan->audit[a].change != change)
                continue;
            assert_null(found);
            found = &plan->effects[a * plan->width];
            *title = plan->audit[a].title;
        }
        assert_non_null(found);
        return found;
    }
    fail_msg("no scenario \"%s\"", scenario);
    return NULL;
}

/* Overspend, pro rata: from 2010/11 the PCT puts in 30% of the £1,200,000
 * budget, 360,000.00 (income to the Council: an other change), and bears
 * 30% of the £200,000 overspend, 60,000.00 (a cost the Council does not:
 * a pressure of -60,000.00, as the Summary's pressures of 200,000 - 60,000
 * = 140,000 count it). Two entries, each entering as the Summary counts it. */
static void test_a_partners_share_of_an_overspend_is_its_own_pressure(void **state)
{
    const char *title;
    const mtfp_pence *share =
        pool_entry(*state, "Overspend, pro rata", MTFP_CHANGE_PRESSURE, &title);
    assert_string_equal(title, "PCT: share of the overspend");
    assert_int_equal(share[0], 0);
    for (int y = 1; y <= 3; y++)
        assert_int_equal(share[y], -6000000);
    const mtfp_pence *contribution =
        pool_entry(*state, "Overspend, pro rata", MTFP_CHANGE_OTHER, &title);
    assert_string_equal(title, "PCT: contribution");
    assert_int_equal(contribution[0], 0);
    for (int y = 1; y <= 3; y++)
        assert_int_equal(contribution[y], -36000000);
}

/* Underspend: £100,000 less spend from 2011/12, of which the PCT's 30%,
 * 30,000.00, goes back to it: a saving of +30,000.00 the Council does not
 * keep (the Summary's savings are -100,000 + 30,000 = -70,000). */
static void test_a_partners_share_of_an_underspend_is_its_own_saving(void **state)
{
    const char *title;
    const mtfp_pence *share = pool_entry(*state, "Underspend", MTFP_CHANGE_SAVING, &title);
    assert_string_equal(title, "PCT: share of the underspend");
    assert_int_equal(share[1], 0);
    assert_int_equal(share[2], 3000000);
    assert_int_equal(share[3], 3000000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pro_rata_shares_follow_contributions),
        cmocka_unit_test(test_fixed_shares_and_a_cap_that_binds),
        cmocka_unit_test(test_threshold_band_falls_to_the_host_first),
        cmocka_unit_test(test_underspend_is_shared_back),
        cmocka_unit_test(test_host_takes_all),
        cmocka_unit_test(test_rounding_remainder_goes_to_the_host),
        cmocka_unit_test(test_pool_that_starts_mid_plan),
        cmocka_unit_test(test_contribution_of_an_exact_half_penny_rounds_away_from_zero),
        cmocka_unit_test(test_a_pool_too_large_to_add_up_is_refused),
        cmocka_unit_test(test_a_pools_spend_too_large_to_add_up_is_refused),
        cmocka_unit_test_setup_teardown(test_a_partners_share_of_an_overspend_is_its_own_pressure,
                                        load_fixture, free_fixture),
        cmocka_unit_test_setup_teardown(test_a_partners_share_of_an_underspend_is_its_own_saving,
                                        load_fixture, free_fixture),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
