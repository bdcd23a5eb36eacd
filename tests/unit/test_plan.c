/* A plan (plan.h): its lines, their audit entries' effects and the summary
 * built from them, on a plan made by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mtfp.h"

typedef struct fixture {
    mtfp_plan plan;
    mtfp_funding funding;
    mtfp_diag diag;
} fixture;

/* Two projection years and a cash limit of £1,000.00, £1,050.00, £1,060.00. */
static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    mtfp_plan_init(&f->plan, 2);
    mtfp_funding_init(&f->funding);
    mtfp_diag_init(&f->diag);
    mtfp_funding_source *limit;
    assert_int_equal(mtfp_funding_add_source(&f->funding, "Cash limit", NULL, 0, &limit), MTFP_OK);
    const mtfp_pence amounts[] = {100000, 105000, 106000};
    for (int y = 0; y < 3; y++)
        mtfp_funding_set(limit, y, amounts[y]);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    mtfp_plan_free(&f->plan);
    mtfp_funding_free(&f->funding);
    mtfp_diag_free(&f->diag);
    free(f);
    return 0;
}

static int32_t add_entry(fixture *f, const char *kind, mtfp_change change, int line)
{
    mtfp_audit_entry entry = {.kind = kind, .file = "s.lua", .line = line, .change = change};
    int32_t id;
    assert_int_equal(mtfp_plan_add_audit(&f->plan, &entry, &id), MTFP_OK);
    return id;
}

static void add_line(fixture *f, mtfp_change change, int32_t audit, mtfp_pence y0, mtfp_pence y1,
                     mtfp_pence y2)
{
    const mtfp_plan_line line = {.cost_centre = -1, .change = (uint8_t)change, .audit = audit};
    const mtfp_pence values[] = {y0, y1, y2};
    assert_int_equal(mtfp_plan_add_line(&f->plan, &line, values, &f->diag), MTFP_OK);
}

/* A budget of £1,000.00 at 2% a year; a pressure of £50.00 from the first
 * projection year, £100.00 in the second; a saving of £30.00 from the first. */
static void make_plan(fixture *f)
{
    add_line(f, MTFP_CHANGE_BASE, -1, 100000, 102000, 104040);
    add_line(f, MTFP_CHANGE_PRESSURE, add_entry(f, "pressure", MTFP_CHANGE_PRESSURE, 2), 0, 5000,
             10000);
    add_line(f, MTFP_CHANGE_SAVING, add_entry(f, "saving", MTFP_CHANGE_SAVING, 3), 0, -3000, -3000);
    assert_int_equal(mtfp_plan_summarise(&f->plan, &f->funding, &f->diag), MTFP_OK);
}

static void test_summary_lines_are_the_changes_of_each_kind(void **state)
{
    fixture *f = *state;
    make_plan(f);
    const mtfp_pence(*sum)[MTFP_MAX_YEARS + 1] =
        (const mtfp_pence(*)[MTFP_MAX_YEARS + 1]) f->plan.summary;
    /* NBR: 1,000.00; 1,020 + 50 - 30 = 1,040.00; 1,040.40 + 100 - 30 = 1,110.40. */
    assert_int_equal(sum[MTFP_SUM_NBR][0], 100000);
    assert_int_equal(sum[MTFP_SUM_NBR][1], 104000);
    assert_int_equal(sum[MTFP_SUM_NBR][2], 111040);
    /* Year 2: base budget 1,040.00, inflation 20.40, pressures 50.00, savings 0. */
    assert_int_equal(sum[MTFP_SUM_BASE_BUDGET][2], 104000);
    assert_int_equal(sum[MTFP_SUM_INFLATION][2], 2040);
    assert_int_equal(sum[MTFP_SUM_PRESSURES][2], 5000);
    assert_int_equal(sum[MTFP_SUM_SAVINGS][1], -3000);
    assert_int_equal(sum[MTFP_SUM_SAVINGS][2], 0);
    for (int y = 1; y <= 2; y++)
        assert_int_equal(sum[MTFP_SUM_BASE_BUDGET][y] + sum[MTFP_SUM_INFLATION][y] +
                             sum[MTFP_SUM_PRESSURES][y] + sum[MTFP_SUM_SAVINGS][y] +
                             sum[MTFP_SUM_OTHER_CHANGES][y],
                         sum[MTFP_SUM_NBR][y]);
}

static void test_gap_is_the_requirement_less_funding(void **state)
{
    fixture *f = *state;
    make_plan(f);
    const mtfp_pence(*sum)[MTFP_MAX_YEARS + 1] =
        (const mtfp_pence(*)[MTFP_MAX_YEARS + 1]) f->plan.summary;
    /* 0.00; 1,040.00 - 1,050.00 = (10.00); 1,110.40 - 1,060.00 = 50.40. */
    assert_int_equal(sum[MTFP_SUM_GAP][0], 0);
    assert_int_equal(sum[MTFP_SUM_GAP][1], -1000);
    assert_int_equal(sum[MTFP_SUM_GAP][2], 5040);
    /* The incremental gap is the gap less last year's: 60.40 in year 2. */
    assert_int_equal(sum[MTFP_SUM_INCREMENTAL_GAP][2], 6040);
}

static void test_a_line_adds_to_its_audit_entry(void **state)
{
    fixture *f = *state;
    make_plan(f);
    /* Entry 0 is the pressure's: 0, 50.00, 100.00. */
    assert_true(f->plan.audit[0].has_effect);
    assert_int_equal(f->plan.effects[0 * f->plan.width + 2], 10000);
    /* A second line of the saving adds to its effect. */
    add_line(f, MTFP_CHANGE_SAVING, 1, 0, -700, -700);
    assert_int_equal(f->plan.effects[1 * f->plan.width + 1], -3700);
    /* A revenue line has no entry. */
    assert_int_equal(f->plan.line_count, 4);
    assert_int_equal(f->plan.lines[0].audit, -1);
}

static void test_an_effect_too_large_is_an_error_at_its_line(void **state)
{
    fixture *f = *state;
    int32_t entry = add_entry(f, "pressure", MTFP_CHANGE_PRESSURE, 7);
    const mtfp_pence huge[] = {0, INT64_MAX, 0};
    assert_int_equal(mtfp_plan_add_effect(&f->plan, entry, huge, &f->diag), MTFP_OK);
    assert_int_equal(mtfp_plan_add_effect(&f->plan, entry, huge, &f->diag), MTFP_ERR_INPUT);
    assert_string_equal(f->diag.file, "s.lua");
    assert_int_equal(f->diag.line, 7);
    assert_non_null(strstr(f->diag.message, "the effect of this pressure on the budget is too "
                                            "large to add up in pence"));
}

static void test_kept_text_is_the_plans_to_free(void **state)
{
    fixture *f = *state;
    const char *kept = mtfp_plan_keep(&f->plan, mtfp_format("Post %s", "FW2"));
    assert_string_equal(kept, "Post FW2");
    assert_null(mtfp_plan_keep(&f->plan, NULL));
    assert_int_equal(f->plan.text_count, 1);
}

static void test_summary_lines_have_their_csv_keys(void **state)
{
    (void)state;
    assert_string_equal(mtfp_summary_key(MTFP_SUM_NBR), "net_budget_requirement");
    assert_string_equal(mtfp_summary_title(MTFP_SUM_OTHER_CHANGES), "Other changes");
    assert_true(mtfp_summary_in_base_year(MTFP_SUM_GAP));
    assert_false(mtfp_summary_in_base_year(MTFP_SUM_INFLATION));
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(test_summary_lines_are_the_changes_of_each_kind),
        TEST(test_gap_is_the_requirement_less_funding),
        TEST(test_a_line_adds_to_its_audit_entry),
        TEST(test_an_effect_too_large_is_an_error_at_its_line),
        TEST(test_kept_text_is_the_plans_to_free),
        TEST(test_summary_lines_have_their_csv_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
