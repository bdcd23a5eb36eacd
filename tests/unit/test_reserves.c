/* Reserves (reserves.h): balances by year, draws, contributions and the gap
 * met from the general reserve, worked by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mtfp.h"

enum { YEARS = 3, WIDTH = YEARS + 1 };

/* A general reserve of £1,000.00 and an earmarked one of £300.00. */
static int setup(void **state)
{
    mtfp_reserves *reserves = malloc(sizeof *reserves);
    assert_non_null(reserves);
    mtfp_reserves_init(reserves);
    assert_int_equal(mtfp_reserves_add(reserves, MTFP_RESERVE_GENERAL, 100000), MTFP_OK);
    assert_int_equal(mtfp_reserves_add(reserves, "Placements smoothing", 30000), MTFP_OK);
    reserves->declared = true;
    *state = reserves;
    return 0;
}

static int teardown(void **state)
{
    mtfp_reserves_free(*state);
    free(*state);
    return 0;
}

static void move(mtfp_reserves *reserves, uint32_t reserve, mtfp_reserve_kind kind, int year,
                 mtfp_pence amount, int line)
{
    mtfp_reserve_movement m = {.reserve = reserve,
                               .kind = kind,
                               .year = year,
                               .amount = amount,
                               .file = "s.lua",
                               .line = line};
    assert_int_equal(mtfp_reserves_move(reserves, &m), MTFP_OK);
}

static mtfp_pence at(const mtfp_pence *balances, size_t r, int measure, int year)
{
    return balances[(r * MTFP_RESERVE_MEASURES + (size_t)measure) * WIDTH + (size_t)year];
}

static void test_a_year_is_opening_and_contributions_less_draws(void **state)
{
    mtfp_reserves *reserves = *state;
    move(reserves, 1, MTFP_RESERVE_DRAW, 1, 20000, 1);
    move(reserves, 1, MTFP_RESERVE_CONTRIBUTION, 2, 5000, 2);
    move(reserves, 1, MTFP_RESERVE_DRAW, 2, 15000, 3);
    const mtfp_pence gap[WIDTH] = {0, 40000, -10000, 90000};
    mtfp_pence balances[2 * MTFP_RESERVE_MEASURES * WIDTH];
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    assert_int_equal(mtfp_reserves_balances(reserves, gap, YEARS, balances, &diag), MTFP_OK);
    /* Earmarked: 300.00 - 200.00 = 100.00; then 100.00 + 50.00 - 150.00 = 0. */
    assert_int_equal(at(balances, 1, MTFP_RESERVE_CLOSING, 0), 30000);
    assert_int_equal(at(balances, 1, MTFP_RESERVE_CLOSING, 1), 10000);
    assert_int_equal(at(balances, 1, MTFP_RESERVE_OPENING, 2), 10000);
    assert_int_equal(at(balances, 1, MTFP_RESERVE_CLOSING, 2), 0);
    /* General, the gap not met from it: 1,000.00 throughout. */
    assert_int_equal(at(balances, 0, MTFP_RESERVE_GAP_MET, 1), 0);
    assert_int_equal(at(balances, 0, MTFP_RESERVE_CLOSING, 3), 100000);
    assert_int_equal(mtfp_reserves_draws(reserves, 2), 15000);
    mtfp_diag_free(&diag);
}

static void test_the_general_reserve_meets_the_gap_and_takes_a_surplus(void **state)
{
    mtfp_reserves *reserves = *state;
    reserves->gap_from_general = true;
    const mtfp_pence gap[WIDTH] = {0, 40000, -10000, 90000};
    mtfp_pence balances[2 * MTFP_RESERVE_MEASURES * WIDTH];
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    assert_int_equal(mtfp_reserves_balances(reserves, gap, YEARS, balances, &diag), MTFP_OK);
    /* 1,000.00 - 400.00 = 600.00; + 100.00 = 700.00; - 900.00 = (200.00). */
    assert_int_equal(at(balances, 0, MTFP_RESERVE_CLOSING, 1), 60000);
    assert_int_equal(at(balances, 0, MTFP_RESERVE_GAP_MET, 2), -10000);
    assert_int_equal(at(balances, 0, MTFP_RESERVE_CLOSING, 2), 70000);
    assert_int_equal(at(balances, 0, MTFP_RESERVE_CLOSING, 3), -20000);
    /* The earmarked reserve meets no gap. */
    assert_int_equal(at(balances, 1, MTFP_RESERVE_CLOSING, 3), 30000);
    mtfp_diag_free(&diag);
}

static void test_a_draw_beyond_the_balance_is_an_error_at_its_line(void **state)
{
    mtfp_reserves *reserves = *state;
    move(reserves, 1, MTFP_RESERVE_DRAW, 1, 20000, 4);
    move(reserves, 1, MTFP_RESERVE_DRAW, 1, 10001, 5); /* a penny more than is left */
    const mtfp_pence gap[WIDTH] = {0};
    mtfp_pence balances[2 * MTFP_RESERVE_MEASURES * WIDTH];
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    assert_int_equal(mtfp_reserves_balances(reserves, gap, YEARS, balances, &diag), MTFP_ERR_INPUT);
    assert_int_equal(diag.line, 5);
    assert_non_null(strstr(diag.message, "£100.01 from \"Placements smoothing\" is more than it "
                                         "holds then (£100.00)"));
    mtfp_diag_free(&diag);
}

static void test_a_reserve_is_named_once(void **state)
{
    mtfp_reserves *reserves = *state;
    assert_int_equal(mtfp_reserves_add(reserves, "placements SMOOTHING", 1), MTFP_ERR_INPUT);
    assert_int_equal(mtfp_reserves_find(reserves, "general reserve", 15), 0);
    mtfp_reserves copy;
    assert_int_equal(mtfp_reserves_copy(&copy, reserves), MTFP_OK);
    assert_int_equal(copy.count, 2);
    assert_true(copy.declared);
    mtfp_reserves_free(&copy);
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(test_a_year_is_opening_and_contributions_less_draws),
        TEST(test_the_general_reserve_meets_the_gap_and_takes_a_surplus),
        TEST(test_a_draw_beyond_the_balance_is_an_error_at_its_line),
        TEST(test_a_reserve_is_named_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
