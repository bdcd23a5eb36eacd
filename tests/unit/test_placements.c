/* Demand-led placements (placements.h): the numbers by year, the weeks of
 * placement, the cost and the demand pressure. Every figure is worked by
 * hand in the comments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mtfp.h"

/* A type of ten children at £1,000.00 a week, six arrivals a year and an
 * average stay of 104 weeks: half of those placed at the start of a year
 * leave in it (52 / 104). */
static void add_type(mtfp_placements *placements, const char *name, double average_weeks)
{
    mtfp_placement_type type = {
        .count = 10, .weekly = 100000, .arrivals = 6, .average_weeks = average_weeks};
    type.name = mtfp_strdup(name);
    type.file = mtfp_strdup("placements.csv");
    assert_non_null(type.name);
    assert_int_equal(mtfp_placements_add(placements, &type), MTFP_OK);
}

static int setup(void **state)
{
    mtfp_placements *placements = malloc(sizeof *placements);
    assert_non_null(placements);
    mtfp_placements_init(placements);
    add_type(placements, "Independent fostering", 104);
    *state = placements;
    return 0;
}

static int teardown(void **state)
{
    mtfp_placements_free(*state);
    free(*state);
    return 0;
}

static void test_leavers_are_the_opening_number_over_the_average_stay(void **state)
{
    mtfp_placements *placements = *state;
    double m[MTFP_PLACEMENT_MEASURES][MTFP_MAX_YEARS + 1];
    double short_closing;
    assert_int_equal(mtfp_placement_numbers(placements, 0, 2009, 2, m, &short_closing), -1);
    /* 2009/10: 10 + 6 - 10 x 0.5 = 11; 2010/11: 11 + 6 - 5.5 = 11.5;
     * 2011/12: 11.5 + 6 - 5.75 = 11.75. */
    assert_true(m[MTFP_PLACEMENT_LEAVERS][0] == 5.0);
    assert_true(m[MTFP_PLACEMENT_CLOSING][0] == 11.0);
    assert_true(m[MTFP_PLACEMENT_OPENING][1] == 11.0);
    assert_true(m[MTFP_PLACEMENT_LEAVERS][1] == 5.5);
    assert_true(m[MTFP_PLACEMENT_CLOSING][1] == 11.5);
    assert_true(m[MTFP_PLACEMENT_CLOSING][2] == 11.75);
    /* Weeks: the average of opening and closing x 52: (10 + 11) / 2 x 52. */
    assert_true(m[MTFP_PLACEMENT_WEEKS][0] == 546.0);
    assert_true(m[MTFP_PLACEMENT_WEEKS][1] == 585.0); /* (11 + 11.5) / 2 x 52 */
}

static void test_a_stay_shorter_than_a_year_sees_everyone_leave(void **state)
{
    mtfp_placements *placements = *state;
    add_type(placements, "Short breaks", 26);
    double m[MTFP_PLACEMENT_MEASURES][MTFP_MAX_YEARS + 1];
    double short_closing;
    mtfp_placement_numbers(placements, 1, 2009, 1, m, &short_closing);
    /* At most all of them: 10 leave, and the 6 arrivals close the year. */
    assert_true(m[MTFP_PLACEMENT_LEAVERS][0] == 10.0);
    assert_true(m[MTFP_PLACEMENT_CLOSING][0] == 6.0);
}

static void test_cost_is_weeks_at_the_indexed_weekly_cost(void **state)
{
    mtfp_placements *placements = *state;
    const long double factor[3] = {1.0L, 1.02L, 1.02L * 1.02L};
    mtfp_placement_result r;
    assert_true(mtfp_placement_project(placements, 0, 2009, 2, factor, &r));
    /* 546 weeks x £1,000.00 = £546,000.00; then 585 x £1,020.00 = £596,700.00. */
    assert_int_equal(r.weekly[1], 102000);
    assert_int_equal(r.cost[0], 54600000);
    assert_int_equal(r.cost[1], 59670000);
    /* The pressure is the cost less the base year's rolled forward:
     * 596,700.00 - 546,000.00 x 1.02 (556,920.00) = 39,780.00. */
    assert_int_equal(r.pressure[0], 0);
    assert_int_equal(r.pressure[1], 3978000);
    /* 2011/12: 11.75 closing, (11.5 + 11.75) / 2 x 52 = 604.5 weeks at
     * £1,040.40 = £628,921.80; less 546,000.00 x 1.0404 = 568,058.40. */
    assert_int_equal(r.cost[2], 62892180);
    assert_int_equal(r.pressure[2], 6086340);
}

static void test_children_added_from_october_count_half_a_year(void **state)
{
    mtfp_placements *placements = *state;
    mtfp_month october;
    assert_true(mtfp_month_parse("2010-10", 7, &october));
    mtfp_placement_change three = {.type = 0, .count = 3, .from = october};
    assert_int_equal(mtfp_placements_change(placements, &three), MTFP_OK);
    double m[MTFP_PLACEMENT_MEASURES][MTFP_MAX_YEARS + 1];
    double short_closing;
    mtfp_placement_numbers(placements, 0, 2009, 2, m, &short_closing);
    /* 2010/11: 11.5 as before, and the three from October: 14.5, with
     * 3 x 52 x 6 / 12 = 78 weeks more (585 + 78). */
    assert_true(m[MTFP_PLACEMENT_ADDED][1] == 3.0);
    assert_true(m[MTFP_PLACEMENT_CLOSING][1] == 14.5);
    assert_true(m[MTFP_PLACEMENT_WEEKS][1] == 663.0);
    /* 2011/12 opens with them and half leave at the type's rate:
     * 14.5 + 6 - 7.25 = 13.25. */
    assert_true(m[MTFP_PLACEMENT_CLOSING][2] == 13.25);
}

static void test_moving_out_more_than_are_placed_is_found(void **state)
{
    mtfp_placements *placements = *state;
    mtfp_month april;
    assert_true(mtfp_month_parse("2010-04", 7, &april));
    mtfp_placement_change out = {.type = 0, .count = -20, .from = april};
    assert_int_equal(mtfp_placements_change(placements, &out), MTFP_OK);
    double m[MTFP_PLACEMENT_MEASURES][MTFP_MAX_YEARS + 1];
    double short_closing = 0;
    /* 11.5 - 20 = -8.5 in 2010/11: counted as none. */
    assert_int_equal(mtfp_placement_numbers(placements, 0, 2009, 2, m, &short_closing), 1);
    assert_true(short_closing == -8.5);
    assert_true(m[MTFP_PLACEMENT_CLOSING][1] == 0.0);
}

static void test_a_type_is_found_by_its_name_and_named_once(void **state)
{
    mtfp_placements *placements = *state;
    assert_int_equal(mtfp_placements_find(placements, "independent FOSTERING", 21), 0);
    assert_int_equal(mtfp_placements_find(placements, "Secure", 6), -1);
    mtfp_placement_type twin = {.count = 1, .weekly = 1, .average_weeks = 52};
    twin.name = mtfp_strdup(" Independent fostering");
    twin.file = mtfp_strdup("placements.csv");
    assert_int_equal(mtfp_placements_add(placements, &twin), MTFP_ERR_INPUT);
    assert_int_equal(placements->count, 1);
}

static void test_a_copy_keeps_the_types_and_the_changes(void **state)
{
    mtfp_placements *placements = *state;
    mtfp_placement_change one = {.type = 0, .count = 1, .from = 2010 * 12 + 3};
    assert_int_equal(mtfp_placements_change(placements, &one), MTFP_OK);
    mtfp_placements copy;
    assert_int_equal(mtfp_placements_copy(&copy, placements), MTFP_OK);
    assert_int_equal(copy.count, 1);
    assert_int_equal(copy.change_count, 1);
    assert_string_equal(copy.types[0].name, "Independent fostering");
    assert_int_equal(mtfp_placements_find(&copy, "Independent fostering", 21), 0);
    mtfp_placements_free(&copy);
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(test_leavers_are_the_opening_number_over_the_average_stay),
        TEST(test_a_stay_shorter_than_a_year_sees_everyone_leave),
        TEST(test_cost_is_weeks_at_the_indexed_weekly_cost),
        TEST(test_children_added_from_october_count_half_a_year),
        TEST(test_moving_out_more_than_are_placed_is_found),
        TEST(test_a_type_is_found_by_its_name_and_named_once),
        TEST(test_a_copy_keeps_the_types_and_the_changes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
