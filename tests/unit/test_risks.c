/* The risk register (risks.h): bands at their edges, probabilities by
 * likelihood, the register by score, and the expected cost of priced risks
 * by year, worked by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mtfp.h"

enum { BASE_YEAR = 2009, YEARS = 3, WIDTH = YEARS + 1 };

static int setup(void **state)
{
    mtfp_risks *risks = malloc(sizeof *risks);
    assert_non_null(risks);
    mtfp_risks_init(risks);
    *state = risks;
    return 0;
}

static int teardown(void **state)
{
    mtfp_risks_free(*state);
    free(*state);
    return 0;
}

static mtfp_month month(int year, int m)
{
    return mtfp_month_make(year, m);
}

/* A risk scored likelihood x severity; priced when impact is not 0. */
static void add(mtfp_risks *risks, const char *id, int likelihood, int severity, mtfp_pence impact,
                mtfp_month from, mtfp_month to, double probability)
{
    mtfp_risk risk = {.id = (char *)id,
                      .title = "A risk",
                      .service = -1,
                      .likelihood = likelihood,
                      .severity = severity,
                      .priced = impact != 0,
                      .impact = impact,
                      .from = from,
                      .to = to,
                      .probability = probability,
                      .file = "risks.csv",
                      .line = (int)risks->count + 2};
    assert_int_equal(mtfp_risks_add(risks, &risk), MTFP_OK);
}

static void test_halton_bands_at_their_edges(void **state)
{
    const mtfp_risks *risks = *state;
    /* 1-4 LOW, 5-10 MEDIUM, 11-16 HIGH: each threshold and the score above it. */
    assert_int_equal(mtfp_risks_band(risks, 1), MTFP_RISK_LOW);
    assert_int_equal(mtfp_risks_band(risks, 4), MTFP_RISK_LOW);
    assert_int_equal(mtfp_risks_band(risks, 5), MTFP_RISK_MEDIUM);
    assert_int_equal(mtfp_risks_band(risks, 10), MTFP_RISK_MEDIUM);
    assert_int_equal(mtfp_risks_band(risks, 11), MTFP_RISK_HIGH);
    assert_int_equal(mtfp_risks_band(risks, 16), MTFP_RISK_HIGH);
    assert_string_equal(mtfp_risk_band_name(mtfp_risks_band(risks, 12)), "HIGH");
}

static void test_custom_bands_at_their_edges(void **state)
{
    mtfp_risks *risks = *state;
    risks->low = 3;
    risks->medium = 8;
    assert_int_equal(mtfp_risks_band(risks, 3), MTFP_RISK_LOW);
    assert_int_equal(mtfp_risks_band(risks, 4), MTFP_RISK_MEDIUM);
    assert_int_equal(mtfp_risks_band(risks, 8), MTFP_RISK_MEDIUM);
    assert_int_equal(mtfp_risks_band(risks, 9), MTFP_RISK_HIGH);
}

static void test_probability_comes_from_likelihood_unless_given(void **state)
{
    mtfp_risks *risks = *state;
    add(risks, "R1", 1, 1, 0, 0, 0, -1);
    add(risks, "R2", 2, 1, 0, 0, 0, -1);
    add(risks, "R3", 3, 1, 0, 0, 0, -1);
    add(risks, "R4", 4, 1, 0, 0, 0, -1);
    add(risks, "R5", 4, 1, 0, 0, 0, 0.05);
    const double want[] = {0.1, 0.3, 0.6, 0.9, 0.05};
    for (size_t r = 0; r < 5; r++)
        assert_true(mtfp_risk_probability(risks, &risks->items[r]) == want[r]);
    risks->probabilities[4] = 0.8; /* model.lua's risks{ probabilities = ... } */
    assert_true(mtfp_risk_probability(risks, &risks->items[3]) == 0.8);
}

static void test_an_id_is_its_own(void **state)
{
    mtfp_risks *risks = *state;
    add(risks, "CYP1", 3, 4, 0, 0, 0, -1);
    mtfp_risk again = risks->items[0];
    assert_int_equal(mtfp_risks_add(risks, &again), MTFP_ERR_INPUT);
    assert_int_equal(mtfp_risks_find(risks, "CYP1", 4), 0);
    assert_int_equal(mtfp_risks_find(risks, "cyp1", 4), -1); /* exactly, as written */
}

static void test_register_is_highest_score_first_ties_in_order(void **state)
{
    mtfp_risks *risks = *state;
    add(risks, "A", 2, 4, 0, 0, 0, -1); /* 8 */
    add(risks, "B", 3, 4, 0, 0, 0, -1); /* 12 */
    add(risks, "C", 4, 2, 0, 0, 0, -1); /* 8 */
    add(risks, "D", 1, 1, 0, 0, 0, -1); /* 1 */
    size_t order[4];
    mtfp_risks_by_score(risks, order);
    const size_t want[] = {1, 0, 2, 3};
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(order[i], want[i]);
}

/* tests/fixtures/risks: three priced risks over 2010/11 to 2012/13.
 * R1 £450,000 from 2010-10, likelihood 3 (60%): 6 months of 2010/11, so
 *   225,000.00 if it happens and 135,000.00 expected; then 450,000.00 and
 *   270,000.00 a year.
 * R2 £123,456.78 from 2011-01 to 2012-03 at 35%: 3 months of 2010/11,
 *   30,864.195 -> 30,864.20 and x 0.35 = 10,802.46825 -> 10,802.47; all of
 *   2011/12, 43,209.873 -> 43,209.87; nothing in 2012/13.
 * R3 £80,000 from 2010-04, likelihood 1 (10%): 8,000.00 a year.
 * Expected cost: 153,802.47, 321,209.87 and 278,000.00. */
static void test_expected_cost_of_three_priced_risks_by_year(void **state)
{
    mtfp_risks *risks = *state;
    add(risks, "R1", 3, 4, 45000000, month(2010, 10), MTFP_MONTH_OPEN, -1);
    add(risks, "R2", 2, 3, 12345678, month(2011, 1), month(2012, 3), 0.35);
    add(risks, "R3", 1, 2, 8000000, month(2010, 4), MTFP_MONTH_OPEN, -1);
    const mtfp_pence exposure[3][WIDTH] = {{0, 22500000, 45000000, 45000000},
                                           {0, 3086420, 12345678, 0},
                                           {0, 8000000, 8000000, 8000000}};
    const mtfp_pence expected[3][WIDTH] = {
        {0, 13500000, 27000000, 27000000}, {0, 1080247, 4320987, 0}, {0, 800000, 800000, 800000}};
    mtfp_pence total[WIDTH] = {0};
    for (size_t r = 0; r < 3; r++) {
        mtfp_pence e[WIDTH], x[WIDTH];
        assert_true(mtfp_risk_figures(risks, &risks->items[r], BASE_YEAR, YEARS, x, e));
        for (int y = 0; y < WIDTH; y++) {
            assert_int_equal(x[y], exposure[r][y]);
            assert_int_equal(e[y], expected[r][y]);
            total[y] += e[y];
        }
    }
    assert_int_equal(total[1], 15380247);
    assert_int_equal(total[2], 32120987);
    assert_int_equal(total[3], 27800000);
}

static void test_materialised_or_unpriced_risk_has_no_expected_cost(void **state)
{
    mtfp_risks *risks = *state;
    add(risks, "R1", 3, 4, 45000000, month(2010, 10), MTFP_MONTH_OPEN, -1);
    add(risks, "R4", 4, 1, 0, 0, 0, -1);
    risks->items[0].materialised = true;
    for (size_t r = 0; r < 2; r++) {
        mtfp_pence e[WIDTH], x[WIDTH];
        assert_true(mtfp_risk_figures(risks, &risks->items[r], BASE_YEAR, YEARS, x, e));
        for (int y = 0; y < WIDTH; y++) {
            assert_int_equal(x[y], 0);
            assert_int_equal(e[y], 0);
        }
    }
}

static void test_plan_adds_the_expected_cost_to_the_gap(void **state)
{
    mtfp_risks *risks = *state;
    add(risks, "R1", 3, 4, 45000000, month(2010, 10), MTFP_MONTH_OPEN, -1);
    add(risks, "R3", 1, 2, 8000000, month(2010, 4), MTFP_MONTH_OPEN, -1);
    mtfp_plan plan;
    mtfp_plan_init(&plan, YEARS);
    for (int y = 0; y < WIDTH; y++)
        plan.summary[MTFP_SUM_GAP][y] = 5000000;
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    assert_int_equal(mtfp_plan_price_risks(&plan, risks, BASE_YEAR, &diag), MTFP_OK);
    /* 135,000 + 8,000 = 143,000.00, then 278,000.00 a year; the gap 50,000.00 more. */
    assert_int_equal(plan.expected_risk_cost[0], 0);
    assert_int_equal(plan.expected_risk_cost[1], 14300000);
    assert_int_equal(plan.expected_risk_cost[3], 27800000);
    assert_int_equal(plan.gap_with_risks[0], 5000000);
    assert_int_equal(plan.gap_with_risks[1], 19300000);
    assert_int_equal(plan.risk_count, 2);
    assert_int_equal(plan.risk_expected[1 * WIDTH + 2], 800000);
    assert_int_equal(plan.risk_exposure[0 * WIDTH + 1], 22500000);
    mtfp_plan_free(&plan);
    mtfp_diag_free(&diag);
}

static void test_copy_keeps_the_bands_and_the_register(void **state)
{
    mtfp_risks *risks = *state;
    risks->low = 3;
    risks->medium = 8;
    add(risks, "R1", 3, 4, 45000000, month(2010, 10), MTFP_MONTH_OPEN, 0.5);
    mtfp_risks copy;
    assert_int_equal(mtfp_risks_copy(&copy, risks), MTFP_OK);
    assert_int_equal(copy.low, 3);
    assert_int_equal(copy.medium, 8);
    assert_int_equal(copy.count, 1);
    assert_string_equal(copy.items[0].id, "R1");
    assert_true(copy.items[0].id != risks->items[0].id);
    assert_int_equal(mtfp_risks_find(&copy, "R1", 2), 0);
    mtfp_risks_free(&copy);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_halton_bands_at_their_edges, setup, teardown),
        cmocka_unit_test_setup_teardown(test_custom_bands_at_their_edges, setup, teardown),
        cmocka_unit_test_setup_teardown(test_probability_comes_from_likelihood_unless_given, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_an_id_is_its_own, setup, teardown),
        cmocka_unit_test_setup_teardown(test_register_is_highest_score_first_ties_in_order, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_expected_cost_of_three_priced_risks_by_year, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_materialised_or_unpriced_risk_has_no_expected_cost,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_adds_the_expected_cost_to_the_gap, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_copy_keeps_the_bands_and_the_register, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
