/* Financial years, months and part-year effects. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "mtfp/calendar.h"

static mtfp_month month(const char *text)
{
    mtfp_month m = 0;
    assert_true(mtfp_month_parse(text, strlen(text), &m));
    return m;
}

static void test_year_parse_and_label(void **state)
{
    (void)state;
    int year = 0;
    assert_true(mtfp_year_parse("2009/10", 7, &year));
    assert_int_equal(year, 2009);
    assert_true(mtfp_year_parse("2009/2010", 9, &year));
    assert_int_equal(year, 2009);
    assert_true(mtfp_year_parse("1999/00", 7, &year));
    assert_int_equal(year, 1999);
    char label[MTFP_YEAR_LABEL_MAX];
    mtfp_year_label(1999, label);
    assert_string_equal(label, "1999/00");
}

static void test_year_parse_rejects_years_that_do_not_follow(void **state)
{
    (void)state;
    int year = 0;
    assert_false(mtfp_year_parse("2009/11", 7, &year));
    assert_false(mtfp_year_parse("2009", 4, &year));
    assert_false(mtfp_year_parse("09/10", 5, &year));
    assert_false(mtfp_year_parse("2009-10", 7, &year));
}

static void test_month_parse_rejects_month_13(void **state)
{
    (void)state;
    mtfp_month m;
    assert_false(mtfp_month_parse("2010-13", 7, &m));
    assert_false(mtfp_month_parse("2010-00", 7, &m));
    assert_false(mtfp_month_parse("2010-1", 6, &m));
    char label[8];
    mtfp_month_label(month("2010-10"), label);
    assert_string_equal(label, "2010-10");
}

/* from = "2011/12" is April 2011, to = "2011/12" March 2012; a month is itself. */
static void test_a_year_starts_a_period_in_april_and_ends_it_in_march(void **state)
{
    (void)state;
    mtfp_month m = 0;
    assert_true(mtfp_period_month_parse("2011/12", 7, false, &m));
    assert_int_equal(m, month("2011-04"));
    assert_true(mtfp_period_month_parse("2011/2012", 9, true, &m));
    assert_int_equal(m, month("2012-03"));
    assert_true(mtfp_period_month_parse("2011-10", 7, true, &m));
    assert_int_equal(m, month("2011-10"));
    assert_false(mtfp_period_month_parse("2011", 4, false, &m));
    assert_false(mtfp_period_month_parse("2011/13", 7, true, &m));
}

static void test_month_belongs_to_the_financial_year_it_falls_in(void **state)
{
    (void)state;
    assert_int_equal(mtfp_month_year(month("2010-04")), 2010);
    assert_int_equal(mtfp_month_year(month("2011-03")), 2010);
    assert_int_equal(mtfp_year_first_month(2010), month("2010-04"));
    assert_int_equal(mtfp_year_last_month(2010), month("2011-03"));
}

static void test_part_year_effect_from_october_is_half(void **state)
{
    (void)state;
    assert_int_equal(mtfp_months_in_year(2010, month("2010-10"), MTFP_MONTH_OPEN), 6);
    assert_int_equal(mtfp_months_in_year(2011, month("2010-10"), MTFP_MONTH_OPEN), 12);
    assert_int_equal(mtfp_months_in_year(2009, month("2010-10"), MTFP_MONTH_OPEN), 0);
}

static void test_temporary_item_counts_months_to_its_end_inclusive(void **state)
{
    (void)state;
    mtfp_month from = month("2009-04"), to = month("2011-03");
    assert_int_equal(mtfp_months_in_year(2009, from, to), 12);
    assert_int_equal(mtfp_months_in_year(2010, from, to), 12);
    assert_int_equal(mtfp_months_in_year(2011, from, to), 0);
    assert_int_equal(mtfp_months_in_year(2010, month("2010-06"), month("2010-08")), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_year_parse_and_label),
        cmocka_unit_test(test_year_parse_rejects_years_that_do_not_follow),
        cmocka_unit_test(test_month_parse_rejects_month_13),
        cmocka_unit_test(test_a_year_starts_a_period_in_april_and_ends_it_in_march),
        cmocka_unit_test(test_month_belongs_to_the_financial_year_it_falls_in),
        cmocka_unit_test(test_part_year_effect_from_october_is_half),
        cmocka_unit_test(test_temporary_item_counts_months_to_its_end_inclusive),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
