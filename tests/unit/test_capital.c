/* Capital: MRP by both methods, interest on the balance, slippage. Figures
 * worked by hand in the comments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "mtfp/capital.h"

typedef mtfp_pence consequences[MTFP_CAPITAL_CONSEQUENCES][MTFP_MAX_YEARS + 1];

static int setup(void **state)
{
    mtfp_capital *capital = test_malloc(sizeof *capital);
    mtfp_capital_init(capital);
    capital->policy.interest_rate = 0.05;
    capital->policy.annuity_rate = 0.05;
    *state = capital;
    return 0;
}

static int teardown(void **state)
{
    mtfp_capital_free(*state);
    test_free(*state);
    return 0;
}

static mtfp_scheme *scheme(mtfp_capital *capital, const char *programme)
{
    uint32_t id;
    assert_int_equal(mtfp_names_intern(&capital->programmes, programme, strlen(programme), &id),
                     MTFP_OK);
    mtfp_scheme *added;
    assert_int_equal(mtfp_capital_add(capital, "Scheme", id, "capital.csv", 2, &added), MTFP_OK);
    return added;
}

static void test_straight_line_mrp_starts_the_year_after_the_spend(void **state)
{
    mtfp_capital *capital = *state;
    mtfp_scheme *s = scheme(capital, "Primary Strategy");
    s->asset_life = 40;
    s->amount[MTFP_CAPITAL_BORROWING][0] = 80000000;  /* £800,000 in the base year */
    s->amount[MTFP_CAPITAL_BORROWING][1] = 200000000; /* £2,000,000 in year 1 */
    consequences out;
    assert_true(mtfp_capital_consequences(capital, s, 3, out));
    /* 800,000 / 40 = 20,000; then + 2,000,000 / 40 = 70,000 */
    assert_int_equal(out[MTFP_CAPITAL_MRP][0], 0);
    assert_int_equal(out[MTFP_CAPITAL_MRP][1], 2000000);
    assert_int_equal(out[MTFP_CAPITAL_MRP][2], 7000000);
    assert_int_equal(out[MTFP_CAPITAL_MRP][3], 7000000);
}

static void test_interest_is_on_borrowing_less_mrp_provided(void **state)
{
    mtfp_capital *capital = *state;
    mtfp_scheme *s = scheme(capital, "Primary Strategy");
    s->asset_life = 40;
    s->amount[MTFP_CAPITAL_BORROWING][0] = 80000000;
    s->amount[MTFP_CAPITAL_BORROWING][1] = 200000000;
    consequences out;
    assert_true(mtfp_capital_consequences(capital, s, 3, out));
    /* 5% x 800,000; 5% x (780,000 + 2,000,000); 5% x 2,710,000 */
    assert_int_equal(out[MTFP_CAPITAL_INTEREST][1], 4000000);
    assert_int_equal(out[MTFP_CAPITAL_INTEREST][2], 13900000);
    assert_int_equal(out[MTFP_CAPITAL_INTEREST][3], 13550000);
}

static void test_annuity_mrp_is_the_principal_of_level_payments(void **state)
{
    mtfp_capital *capital = *state;
    capital->policy.method = MTFP_MRP_ANNUITY;
    mtfp_scheme *s = scheme(capital, "Maintenance");
    s->asset_life = 3;
    s->amount[MTFP_CAPITAL_BORROWING][0] = 100000000; /* £1,000,000 */
    consequences out;
    assert_true(mtfp_capital_consequences(capital, s, 3, out));
    /* Payment 1,000,000 x 0.05 / (1 - 1.05^-3) = 367,208.56; principal k =
     * 50,000 x 1.05^(k-1) / (1.05^3 - 1): 317,208.5646, 333,068.9928,
     * 349,722.4425. Repaid by the end of each year, rounded: 317,208.56,
     * 650,277.56 (650,277.5574) and 1,000,000.00, so the MRP is 317,208.56,
     * 333,069.00 and 349,722.44, which add up to the £1,000,000 borrowed
     * (rounding each year's principal apart gave 333,068.99: a penny owed
     * for ever). */
    assert_int_equal(out[MTFP_CAPITAL_MRP][1], 31720856);
    assert_int_equal(out[MTFP_CAPITAL_MRP][2], 33306900);
    assert_int_equal(out[MTFP_CAPITAL_MRP][3], 34972244);
    /* Interest 50,000.00; 5% x 682,791.44 = 34,139.57; 5% x 349,722.44 = 17,486.122:
     * interest plus principal is the level payment (to a penny of rounding). */
    assert_int_equal(out[MTFP_CAPITAL_INTEREST][1], 5000000);
    assert_int_equal(out[MTFP_CAPITAL_INTEREST][2], 3413957);
    assert_int_equal(out[MTFP_CAPITAL_INTEREST][3], 1748612);
}

static void test_mrp_repays_the_whole_sum_borrowed(void **state)
{
    mtfp_capital *capital = *state;
    capital->policy.interest_rate = 0.05;
    mtfp_scheme *s = scheme(capital, "Youth centre");
    s->asset_life = 3;
    s->amount[MTFP_CAPITAL_BORROWING][0] = 100000000; /* £1,000,000 over three years */
    consequences out;
    assert_true(mtfp_capital_consequences(capital, s, 4, out));
    /* Repaid by each year's end: 333,333.33, 666,666.67 and 1,000,000.00; so
     * 333,333.33, 333,333.34 and 333,333.33, and nothing owed in year 4: no
     * MRP and no interest (5% of a penny left owing was 0, but a penny left
     * owing was never repaid). */
    assert_int_equal(out[MTFP_CAPITAL_MRP][1], 33333333);
    assert_int_equal(out[MTFP_CAPITAL_MRP][2], 33333334);
    assert_int_equal(out[MTFP_CAPITAL_MRP][3], 33333333);
    assert_int_equal(out[MTFP_CAPITAL_MRP][4], 0);
    assert_int_equal(out[MTFP_CAPITAL_INTEREST][4], 0);
}

static void test_asset_life_scheme_then_programme_then_policy(void **state)
{
    mtfp_capital *capital = *state;
    mtfp_scheme *s = scheme(capital, "Primary Strategy");
    assert_int_equal(mtfp_capital_asset_life(capital, s), 0); /* none given */
    capital->policy.asset_life = 25;
    assert_int_equal(mtfp_capital_asset_life(capital, s), 25);
    assert_int_equal(mtfp_capital_set_programme_life(capital, "primary strategy", 40), MTFP_OK);
    assert_int_equal(mtfp_capital_asset_life(capital, s), 40);
    s->asset_life = 10;
    assert_int_equal(mtfp_capital_asset_life(capital, s), 10);
}

static void test_running_costs_from_their_year(void **state)
{
    mtfp_capital *capital = *state;
    mtfp_scheme *s = scheme(capital, "Primary Strategy");
    s->running_cost = 5000000;
    s->running_from = 2;
    consequences out;
    assert_true(mtfp_capital_consequences(capital, s, 3, out));
    assert_int_equal(out[MTFP_CAPITAL_RUNNING_COSTS][1], 0);
    assert_int_equal(out[MTFP_CAPITAL_RUNNING_COSTS][2], 5000000);
    assert_int_equal(out[MTFP_CAPITAL_RUNNING_COSTS][3], 5000000);
}

static void test_slip_moves_spend_and_funding_in_proportion(void **state)
{
    mtfp_capital *capital = *state;
    mtfp_scheme *s = scheme(capital, "Primary Strategy");
    s->amount[MTFP_CAPITAL_SPEND][1] = 200000000;
    s->amount[MTFP_CAPITAL_GRANT][1] = 50000000;
    s->amount[MTFP_CAPITAL_BORROWING][1] = 150000000;
    mtfp_capital_slip(s, 1, 2, 0.25);
    /* 25% of 2,000,000 = 500,000: 125,000 of grant, 375,000 of borrowing */
    assert_int_equal(s->amount[MTFP_CAPITAL_SPEND][1], 150000000);
    assert_int_equal(s->amount[MTFP_CAPITAL_SPEND][2], 50000000);
    assert_int_equal(s->amount[MTFP_CAPITAL_GRANT][2], 12500000);
    assert_int_equal(s->amount[MTFP_CAPITAL_BORROWING][2], 37500000);
    int year;
    assert_true(mtfp_scheme_balanced(s, &year));
}

static void test_slip_keeps_funding_equal_to_spend_to_the_penny(void **state)
{
    mtfp_capital *capital = *state;
    mtfp_scheme *s = scheme(capital, "Maintenance");
    /* 5p of spend: 1p grant, 1p borrowing, 3p receipts; half of it moves.
     * Rounded apart: spend 2.5 -> 3, grant 0.5 -> 1, borrowing 0.5 -> 1,
     * receipts 1.5 -> 2 = 4p of funding for 3p of spend: receipts, the
     * largest, gives back the penny. */
    s->amount[MTFP_CAPITAL_SPEND][1] = 5;
    s->amount[MTFP_CAPITAL_GRANT][1] = 1;
    s->amount[MTFP_CAPITAL_BORROWING][1] = 1;
    s->amount[MTFP_CAPITAL_RECEIPTS][1] = 3;
    mtfp_capital_slip(s, 1, 2, 0.5);
    int year;
    assert_true(mtfp_scheme_balanced(s, &year));
    assert_int_equal(s->amount[MTFP_CAPITAL_SPEND][2], 3);
    assert_int_equal(s->amount[MTFP_CAPITAL_RECEIPTS][2], 1);
}

static void test_slip_of_an_exact_half_penny_rounds_away_from_zero(void **state)
{
    mtfp_capital *capital = *state;
    mtfp_scheme *s = scheme(capital, "Primary Strategy");
    s->amount[MTFP_CAPITAL_SPEND][1] = 370929955; /* £3,709,299.55, all borrowed */
    s->amount[MTFP_CAPITAL_BORROWING][1] = 370929955;
    mtfp_capital_slip(s, 1, 2, 0.7);
    /* 70% of 370,929,955 pence is 259,650,968.5: half away from zero, 259,650,969
     * move (0.7 in binary is a hair below 0.7, which llround took down);
     * 370,929,955 - 259,650,969 = 111,278,986 stay. */
    assert_int_equal(s->amount[MTFP_CAPITAL_SPEND][2], 259650969);
    assert_int_equal(s->amount[MTFP_CAPITAL_BORROWING][2], 259650969);
    assert_int_equal(s->amount[MTFP_CAPITAL_SPEND][1], 111278986);
}

static void test_copy_is_deep(void **state)
{
    mtfp_capital *capital = *state;
    mtfp_scheme *s = scheme(capital, "Primary Strategy");
    s->amount[MTFP_CAPITAL_SPEND][1] = 100;
    s->amount[MTFP_CAPITAL_GRANT][1] = 100;
    mtfp_capital copy;
    assert_int_equal(mtfp_capital_copy(&copy, capital), MTFP_OK);
    mtfp_capital_slip(&copy.schemes[0], 1, 2, 1.0);
    assert_int_equal(capital->schemes[0].amount[MTFP_CAPITAL_SPEND][1], 100);
    assert_string_equal(copy.schemes[0].name, "Scheme");
    assert_int_equal(mtfp_names_find(&copy.programmes, "Primary Strategy", 16), 0);
    mtfp_capital_free(&copy);
}

/* Borrowing needs an interest rate and an asset life that model.lua gives:
 * no default stands in for either. Grant alone needs neither. */
static void test_borrowing_needs_an_interest_rate_and_an_asset_life(void **state)
{
    mtfp_capital *capital = *state;
    mtfp_scheme *s = scheme(capital, "Primary Strategy");
    s->amount[MTFP_CAPITAL_SPEND][1] = s->amount[MTFP_CAPITAL_GRANT][1] = 100000;
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    assert_int_equal(mtfp_capital_check(capital, &diag), MTFP_OK);
    s->amount[MTFP_CAPITAL_GRANT][1] = 0;
    s->amount[MTFP_CAPITAL_BORROWING][1] = 100000;
    assert_int_equal(mtfp_capital_check(capital, &diag), MTFP_ERR_INPUT);
    assert_string_equal(diag.file, "capital.csv");
    assert_int_equal(diag.line, 2);
    assert_non_null(strstr(diag.message, "set capital { interest_rate = ... }"));
    capital->policy.interest_given = true;
    assert_int_equal(mtfp_capital_check(capital, &diag), MTFP_ERR_INPUT);
    assert_non_null(strstr(diag.message, "[\"Primary Strategy\"] = ..."));
    assert_int_equal(mtfp_capital_set_programme_life(capital, "Primary Strategy", 40), MTFP_OK);
    assert_int_equal(mtfp_capital_check(capital, &diag), MTFP_OK);
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(test_straight_line_mrp_starts_the_year_after_the_spend),
        TEST(test_mrp_repays_the_whole_sum_borrowed),
        TEST(test_interest_is_on_borrowing_less_mrp_provided),
        TEST(test_annuity_mrp_is_the_principal_of_level_payments),
        TEST(test_asset_life_scheme_then_programme_then_policy),
        TEST(test_borrowing_needs_an_interest_rate_and_an_asset_life),
        TEST(test_running_costs_from_their_year),
        TEST(test_slip_moves_spend_and_funding_in_proportion),
        TEST(test_slip_keeps_funding_equal_to_spend_to_the_penny),
        TEST(test_slip_of_an_exact_half_penny_rounds_away_from_zero),
        TEST(test_copy_is_deep),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
