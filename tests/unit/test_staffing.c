/* The pay bill of a post: figures worked by hand in the comments (monthly
 * pay, on-costs, increments, part years), rounded once a year. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "mtfp/staffing.h"

static const long double no_award[] = {1.0L, 1.0L, 1.0L};

static int setup(void **state)
{
    mtfp_establishment *e = test_malloc(sizeof *e);
    assert_int_equal(mtfp_establishment_init(e), MTFP_OK);
    e->policy.increment_month = 9;
    e->policy.ni_rate = 0.128;
    e->policy.ni_threshold = 600000; /* £6,000 a year: £500 a month */
    e->policy.pension_rate = 0.2;
    uint32_t grade;
    assert_int_equal(mtfp_names_intern(&e->grades, "SO1", 3, &grade), MTFP_OK);
    const mtfp_pence salaries[] = {2400000, 2520000, 2640000};
    for (int p = 0; p < 3; p++) {
        mtfp_pay_point point = {.grade = grade, .point = 20 + p, .salary = salaries[p]};
        assert_int_equal(mtfp_establishment_add_point(e, &point), MTFP_OK);
    }
    *state = e;
    return 0;
}

static int teardown(void **state)
{
    mtfp_establishment_free(*state);
    test_free(*state);
    return 0;
}

static mtfp_post post(double fte, int point)
{
    mtfp_post p;
    memset(&p, 0, sizeof p);
    p.fte = fte;
    p.grade = 0;
    p.point = point;
    p.salary = 2400000;
    p.status = MTFP_POST_FILLED;
    p.end = MTFP_MONTH_OPEN;
    return p;
}

static void test_part_time_pay_below_the_ni_threshold_has_no_ni(void **state)
{
    mtfp_establishment *e = *state;
    mtfp_post p = post(0.2, 22); /* the top point: no increments */
    mtfp_pence bill[3];
    assert_true(mtfp_post_pay_bill(e, &p, 2009, 2, no_award, bill));
    /* 26,400 x 0.2 / 12 = 440.00 a month, under 500: no NI; pension 88.00;
     * 528.00 x 12 = 6,336.00 */
    assert_int_equal(bill[0], 633600);
}

static void test_increments_stop_at_the_top_of_the_grade(void **state)
{
    mtfp_establishment *e = *state;
    mtfp_post p = post(1.0, 21);
    mtfp_pence bill[3];
    assert_true(mtfp_post_pay_bill(e, &p, 2009, 2, no_award, bill));
    /* 2010/11 and 2011/12 are both at point 22 all year (one increment, in
     * September 2009): 2,200 + NI 12.8% x 1,700 = 217.60 + pension 440 =
     * 2,857.60 a month, 34,291.20 a year. */
    assert_int_equal(bill[1], 3429120);
    assert_int_equal(bill[2], 3429120);
}

/* A scale may skip numbers (the NJC spine since points were deleted from
 * it): an increment moves a post to the grade's next point, not to the next
 * number. Points 3, 5 and 8 of SO2 at 28,000, 30,000 and 33,000, no on-costs,
 * increments in September. */
static void test_an_increment_moves_to_the_next_point_the_scale_has(void **state)
{
    mtfp_establishment *e = *state;
    e->policy.ni_rate = 0;
    e->policy.pension_rate = 0;
    uint32_t so2;
    assert_int_equal(mtfp_names_intern(&e->grades, "SO2", 3, &so2), MTFP_OK);
    const mtfp_pay_point points[] = {{so2, 3, 2800000}, {so2, 5, 3000000}, {so2, 8, 3300000}};
    for (int i = 0; i < 3; i++)
        assert_int_equal(mtfp_establishment_add_point(e, &points[i]), MTFP_OK);
    mtfp_post p = post(1.0, 3);
    p.grade = (int)so2;
    p.salary = 2800000;
    mtfp_pence bill[3];
    assert_true(mtfp_post_pay_bill(e, &p, 2009, 2, no_award, bill));
    /* 2009/10: April to August at point 3, 5 x 2,333.33..., then point 5,
     * 7 x 2,500.00: 11,666.67 + 17,500.00 = 29,166.67 (rounded once). */
    assert_int_equal(bill[0], 2916667);
    /* 2010/11: 5 x 2,500.00 at point 5, then point 8, 7 x 2,750.00:
     * 12,500.00 + 19,250.00 = 31,750.00. */
    assert_int_equal(bill[1], 3175000);
    /* 2011/12: the top point, 33,000.00, all year. */
    assert_int_equal(bill[2], 3300000);
}

static void test_fixed_term_post_ending_mid_year_pays_its_months(void **state)
{
    mtfp_establishment *e = *state;
    mtfp_post p = post(1.0, 22);
    p.status = MTFP_POST_FIXED_TERM;
    p.end = mtfp_month_make(2010, 9); /* April to September 2010 */
    mtfp_pence bill[3];
    assert_true(mtfp_post_pay_bill(e, &p, 2009, 2, no_award, bill));
    assert_int_equal(bill[1], 6 * 285760);
    assert_int_equal(bill[2], 0);
}

static void test_agency_cover_costs_the_premium_and_no_on_costs(void **state)
{
    mtfp_establishment *e = *state;
    e->policy.agency_premium = 0.25;
    mtfp_post p = post(1.0, 22);
    p.status = MTFP_POST_AGENCY;
    mtfp_pence bill[3];
    assert_true(mtfp_post_pay_bill(e, &p, 2009, 2, no_award, bill));
    assert_int_equal(bill[0], 3300000); /* 26,400 x 1.25 */
}

static void test_vacancy_factor_comes_off_the_service(void **state)
{
    mtfp_establishment *e = *state;
    e->policy.agency_premium = 0.25;
    mtfp_post p = post(1.0, 22);
    p.status = MTFP_POST_AGENCY;
    p.id = NULL;
    assert_int_equal(mtfp_establishment_add_post(e, &p), MTFP_OK);
    assert_int_equal(mtfp_establishment_set_vacancy(e, 0, 0.03), MTFP_OK);
    mtfp_pence bill[3];
    assert_true(mtfp_establishment_service_bills(e, 1, 2009, 2, no_award, bill));
    /* 33,000 less 3% (990.00) */
    assert_int_equal(bill[0], 3201000);
}

static void test_pay_scales_keep_each_grades_points_apart(void **state)
{
    mtfp_establishment *e = *state;
    uint32_t so2;
    assert_int_equal(mtfp_names_intern(&e->grades, "SO2", 3, &so2), MTFP_OK);
    /* Out of order, with a gap at point 4. */
    mtfp_pay_point five = {so2, 5, 3000000}, three = {so2, 3, 2800000}, below = {so2, -1, 1};
    assert_int_equal(mtfp_establishment_add_point(e, &five), MTFP_OK);
    assert_int_equal(mtfp_establishment_add_point(e, &three), MTFP_OK);
    assert_int_equal(mtfp_establishment_add_point(e, &below), MTFP_ERR_INPUT);
    mtfp_establishment copy;
    assert_int_equal(mtfp_establishment_copy(&copy, e), MTFP_OK);
    const mtfp_establishment *both[] = {e, &copy};
    for (int i = 0; i < 2; i++) {
        const mtfp_establishment *x = both[i];
        assert_int_equal(mtfp_pay_point_salary(x, 0, 19), -1);
        assert_int_equal(mtfp_pay_point_salary(x, 0, 20), 2400000);
        assert_int_equal(mtfp_pay_point_salary(x, 0, 22), 2640000);
        assert_int_equal(mtfp_pay_point_salary(x, 0, 23), -1);
        assert_int_equal(mtfp_grade_top(x, 0), 22);
        assert_int_equal(mtfp_pay_point_salary(x, so2, 3), 2800000);
        assert_int_equal(mtfp_pay_point_salary(x, so2, 4), -1);
        assert_int_equal(mtfp_pay_point_salary(x, so2, 5), 3000000);
        assert_int_equal(mtfp_pay_point_salary(x, so2, 20), -1);
        assert_int_equal(mtfp_grade_top(x, so2), 5);
        assert_int_equal(mtfp_pay_point_salary(x, so2 + 1, 0), -1); /* no such grade */
        assert_int_equal(mtfp_grade_top(x, so2 + 1), 0);
    }
    mtfp_establishment_free(&copy);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_part_time_pay_below_the_ni_threshold_has_no_ni, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_increments_stop_at_the_top_of_the_grade, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_an_increment_moves_to_the_next_point_the_scale_has,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_fixed_term_post_ending_mid_year_pays_its_months, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_agency_cover_costs_the_premium_and_no_on_costs, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_vacancy_factor_comes_off_the_service, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pay_scales_keep_each_grades_points_apart, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
