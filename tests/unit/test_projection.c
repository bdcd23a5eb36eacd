/* The projection: lines rolled forward, items by year, the summary identity.
 * Expected figures are worked by hand (Python's Decimal, half away from zero)
 * from the small model below; the arithmetic is in the comments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "mtfp/memory.h"
#include "mtfp/project.h"
#include "mtfp/projection.h"
#include "mtfp/report.h"
#include "mtfp/run.h"

enum { PLACEMENTS, ASSESSMENT };

static mtfp_month month(const char *text)
{
    mtfp_month m = 0;
    assert_true(mtfp_month_parse(text, strlen(text), &m));
    return m;
}

static void add_line(mtfp_model *model, uint32_t service, mtfp_subjective subjective,
                     mtfp_pence amount)
{
    const char *index = mtfp_subjective_default_index(subjective);
    mtfp_revenue_line line = {
        .partner = 0,
        .service = service,
        .cost_centre = -1,
        .subjective = (uint32_t)subjective,
        .index = (uint32_t)mtfp_indices_find(&model->indices, index, strlen(index)),
        .amount = amount};
    assert_int_equal(mtfp_model_add_line(model, &line), MTFP_OK);
}

static void set_index(mtfp_indices *indices, const char *name, const double *rates, size_t n)
{
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    assert_int_equal(mtfp_indices_set(indices, name, rates, n, NULL, 0, NULL, &diag), MTFP_OK);
}

/* Council: Placements & Resources (Employees 1,000,000.00 at pay 3%; Third
 * Party Payments 2,000,000.00 at contracts 5% then 4%), Assessment (Supplies
 * 333.33 at prices 2.5%; Government Grants -100,000.00 at fees 0%). Base year
 * 2009/10, three projection years. */
static int setup(void **state)
{
    mtfp_run *run = test_malloc(sizeof *run);
    assert_int_equal(mtfp_run_init(run), MTFP_OK);
    mtfp_model *model = &run->model;
    model->base_year = 2009;
    model->years = 3;
    uint32_t id;
    assert_int_equal(mtfp_names_intern(&model->partners, "Council", 7, &id), MTFP_OK);
    assert_int_equal(mtfp_names_intern(&model->services, "Placements & Resources", 22, &id),
                     MTFP_OK);
    assert_int_equal(mtfp_names_intern(&model->services, "Assessment", 10, &id), MTFP_OK);
    set_index(&model->indices, "pay", (double[]){0.03}, 1);
    set_index(&model->indices, "contracts", (double[]){0.05, 0.04}, 2);
    set_index(&model->indices, "prices", (double[]){0.025}, 1);
    add_line(model, PLACEMENTS, MTFP_SUBJ_EMPLOYEES, 100000000);
    add_line(model, PLACEMENTS, MTFP_SUBJ_THIRD_PARTY, 200000000);
    add_line(model, ASSESSMENT, MTFP_SUBJ_SUPPLIES, 33333);
    add_line(model, ASSESSMENT, MTFP_SUBJ_GOVERNMENT_GRANTS, -10000000);
    assert_int_equal(mtfp_model_index_lines(model), MTFP_OK);
    mtfp_funding_source *source;
    assert_int_equal(mtfp_funding_add_source(&model->funding, "Cash limit", NULL, 0, &source),
                     MTFP_OK);
    const mtfp_pence funding[] = {280033333, 300000000, 310000000, 320000000};
    for (int y = 0; y < 4; y++)
        mtfp_funding_set(source, y, funding[y]);
    *state = run;
    return 0;
}

static int teardown(void **state)
{
    mtfp_run_free(*state);
    test_free(*state);
    return 0;
}

static mtfp_scenario *scenario(mtfp_run *run)
{
    mtfp_scenario *added;
    assert_int_equal(mtfp_run_add_scenario(run, "Test", NULL, &added), MTFP_OK);
    return added;
}

static void add_item(mtfp_scenario *s, mtfp_item *item)
{
    item->file = mtfp_strdup("test.lua");
    item->line = 1;
    assert_int_equal(mtfp_items_add(&s->items, item), MTFP_OK);
}

/* A pressure of 450,000.00 a year on Third Party Payments from October 2010,
 * inflated by contracts: 2010/11 450,000 x 1.05 x 6/12 = 236,250.00; 2011/12
 * x 1.05 x 1.04 = 491,400.00; 2012/13 x 1.04 again = 511,056.00. */
static void add_pressure(mtfp_run *run, mtfp_scenario *s)
{
    mtfp_item item;
    mtfp_item_defaults(&item, MTFP_ITEM_PRESSURE);
    item.partner = 0;
    item.service = PLACEMENTS;
    item.subjective = MTFP_SUBJ_THIRD_PARTY;
    item.amount = 45000000;
    item.index = (uint32_t)mtfp_indices_find(&run->model.indices, "contracts", 9);
    item.from = month("2010-10");
    add_item(s, &item);
}

/* 3% of every expenditure line (not the grant), from April 2010. */
static void add_saving(mtfp_scenario *s, bool cashable)
{
    mtfp_item item;
    mtfp_item_defaults(&item, MTFP_ITEM_SAVING);
    item.by_percent = true;
    item.percent = 0.03;
    item.cashable = cashable;
    item.from = month("2010-04");
    add_item(s, &item);
}

static mtfp_status project(mtfp_run *run)
{
    return mtfp_project_scenarios(run, 2, &run->findings);
}

static void test_base_lines_roll_forward_by_their_index(void **state)
{
    mtfp_run *run = *state;
    scenario(run);
    assert_int_equal(project(run), MTFP_OK);
    const mtfp_plan *plan = &run->plans[0];
    assert_int_equal(plan->line_count, 4);
    /* 1,000,000.00 x 1.03^3 = 1,092,727.00 */
    assert_int_equal(plan->values[0 * 4 + 3], 109272700);
    /* 2,000,000.00 x 1.05 x 1.04 x 1.04 (the last rate repeats) = 2,271,360.00 */
    assert_int_equal(plan->values[1 * 4 + 3], 227136000);
    /* 333.33 x 1.025 = 341.66325 -> 341.66; x 1.025^2 = 350.2048 -> 350.20 */
    assert_int_equal(plan->values[2 * 4 + 1], 34166);
    assert_int_equal(plan->values[2 * 4 + 2], 35020);
    /* fees not set: the grant stays at -100,000.00 */
    assert_int_equal(plan->values[3 * 4 + 3], -10000000);
}

static void test_base_scenario_summary_is_inflation_only(void **state)
{
    mtfp_run *run = *state;
    scenario(run);
    assert_int_equal(project(run), MTFP_OK);
    const mtfp_plan *plan = &run->plans[0];
    /* 290,033,333 -> 303,034,166 pence */
    assert_int_equal(plan->summary[MTFP_SUM_NBR][0], 290033333);
    assert_int_equal(plan->summary[MTFP_SUM_INFLATION][1], 13000833);
    assert_int_equal(plan->summary[MTFP_SUM_PRESSURES][1], 0);
    assert_int_equal(plan->summary[MTFP_SUM_GAP][0], 10000000);
}

static void test_part_year_pressure_steps_to_full_year(void **state)
{
    mtfp_run *run = *state;
    add_pressure(run, scenario(run));
    assert_int_equal(project(run), MTFP_OK);
    const mtfp_plan *plan = &run->plans[0];
    assert_int_equal(plan->summary[MTFP_SUM_PRESSURES][1], 23625000);
    assert_int_equal(plan->summary[MTFP_SUM_PRESSURES][2], 49140000 - 23625000);
    assert_int_equal(plan->summary[MTFP_SUM_PRESSURES][3], 51105600 - 49140000);
    assert_int_equal(plan->audit_count, 1);
    assert_int_equal(plan->effects[3], 51105600);
}

static void test_percent_saving_skips_income_lines(void **state)
{
    mtfp_run *run = *state;
    add_saving(scenario(run), true);
    assert_int_equal(project(run), MTFP_OK);
    const mtfp_plan *plan = &run->plans[0];
    /* 2010/11: 3% of 1,030,000.00 + 2,100,000.00 + 341.66 (341.66 x 3% =
     * 10.2498 -> 10.25) = 30,900.00 + 63,000.00 + 10.25 */
    assert_int_equal(plan->summary[MTFP_SUM_SAVINGS][1], -9391025);
    /* 2011/12: 31,827.00 + 65,520.00 + 10.51 = 97,357.51; change -3,447.26 */
    assert_int_equal(plan->summary[MTFP_SUM_SAVINGS][2], -344726);
    assert_int_equal(plan->line_count, 4 + 3);
}

static void test_non_cashable_saving_is_reported_not_budgeted(void **state)
{
    mtfp_run *run = *state;
    add_saving(scenario(run), false);
    assert_int_equal(project(run), MTFP_OK);
    const mtfp_plan *plan = &run->plans[0];
    assert_int_equal(plan->summary[MTFP_SUM_SAVINGS][1], 0);
    assert_int_equal(plan->summary[MTFP_SUM_NBR][1], 303034166);
    assert_int_equal(plan->audit[0].change, MTFP_CHANGE_REPORTED);
    assert_int_equal(plan->effects[1], -9391025);
}

static void test_temporary_adjustment_ends_after_its_last_month(void **state)
{
    mtfp_run *run = *state;
    mtfp_scenario *s = scenario(run);
    mtfp_item item;
    mtfp_item_defaults(&item, MTFP_ITEM_ADJUST);
    item.partner = 0;
    item.service = ASSESSMENT;
    item.subjective = MTFP_SUBJ_GOVERNMENT_GRANTS;
    item.amount = -500000;
    item.inflate = false;
    item.from = month("2011-04");
    item.to = month("2012-03");
    add_item(s, &item);
    assert_int_equal(project(run), MTFP_OK);
    const mtfp_plan *plan = &run->plans[0];
    assert_int_equal(plan->summary[MTFP_SUM_OTHER_CHANGES][1], 0);
    assert_int_equal(plan->summary[MTFP_SUM_OTHER_CHANGES][2], -500000);
    assert_int_equal(plan->summary[MTFP_SUM_OTHER_CHANGES][3], 500000);
}

static void test_summary_identity_and_gaps_hold_to_the_penny(void **state)
{
    mtfp_run *run = *state;
    mtfp_scenario *s = scenario(run);
    add_pressure(run, s);
    add_saving(s, true);
    assert_int_equal(project(run), MTFP_OK);
    const mtfp_pence(*sum)[MTFP_MAX_YEARS + 1] =
        (const mtfp_pence(*)[MTFP_MAX_YEARS + 1]) run->plans[0].summary;
    /* NBR 2010/11 = 303,034,166 + 23,625,000 - 9,391,025 = 317,268,141 */
    assert_int_equal(sum[MTFP_SUM_NBR][1], 317268141);
    assert_int_equal(sum[MTFP_SUM_NBR][3], 367456858);
    for (int y = 1; y <= 3; y++) {
        assert_int_equal(sum[MTFP_SUM_BASE_BUDGET][y] + sum[MTFP_SUM_INFLATION][y] +
                             sum[MTFP_SUM_PRESSURES][y] + sum[MTFP_SUM_SAVINGS][y] +
                             sum[MTFP_SUM_OTHER_CHANGES][y],
                         sum[MTFP_SUM_NBR][y]);
        assert_int_equal(sum[MTFP_SUM_GAP][y], sum[MTFP_SUM_NBR][y] - sum[MTFP_SUM_FUNDING][y]);
    }
    /* Gaps: base year 100,000.00, then 172,681.41, 439,292.69, 474,568.58:
     * incremental 72,681.41 in 2010/11 and 35,275.89 in 2012/13; cumulative
     * 1,086,542.68. */
    assert_int_equal(sum[MTFP_SUM_GAP][2], 43929269);
    assert_int_equal(sum[MTFP_SUM_INCREMENTAL_GAP][1], 7268141);
    assert_int_equal(sum[MTFP_SUM_INCREMENTAL_GAP][3], 3527589);
    assert_int_equal(sum[MTFP_SUM_CUMULATIVE_GAP][3], 108654268);
}

static void test_percent_item_that_matches_nothing_is_an_error(void **state)
{
    mtfp_run *run = *state;
    mtfp_scenario *s = scenario(run);
    mtfp_item item;
    mtfp_item_defaults(&item, MTFP_ITEM_SAVING);
    item.by_percent = true;
    item.percent = 0.1;
    item.service = ASSESSMENT;
    item.subjective = MTFP_SUBJ_EMPLOYEES;
    item.from = month("2010-04");
    add_item(s, &item);
    assert_int_equal(project(run), MTFP_ERR_INPUT);
    assert_string_equal(run->findings.file, "test.lua");
    assert_int_equal(run->findings.line, 1);
    assert_non_null(strstr(run->findings.message, "matches no revenue line"));
}

static void test_amount_too_large_for_pence_is_an_error(void **state)
{
    mtfp_run *run = *state;
    mtfp_scenario *s = scenario(run);
    set_index(&s->indices, "contracts", (double[]){1.0}, 1);
    run->model.years = 3;
    mtfp_item item;
    mtfp_item_defaults(&item, MTFP_ITEM_PRESSURE);
    item.partner = 0;
    item.service = PLACEMENTS;
    item.subjective = MTFP_SUBJ_THIRD_PARTY;
    item.amount = INT64_MAX / 2;
    item.index = (uint32_t)mtfp_indices_find(&s->indices, "contracts", 9);
    item.from = month("2010-04");
    add_item(s, &item);
    assert_int_equal(project(run), MTFP_ERR_INPUT);
    assert_non_null(strstr(run->findings.message, "beyond what can be held in pence"));
}

static void test_an_exact_half_penny_after_two_rates_rounds_away_from_zero(void **state)
{
    mtfp_run *run = *state;
    mtfp_scenario *s = scenario(run);
    set_index(&s->indices, "prices", (double[]){0.02, 0.025}, 2);
    run->model.lines[2].amount = 8537727000; /* Assessment's Supplies: 85,377,270.00 */
    assert_int_equal(project(run), MTFP_OK);
    const mtfp_plan *plan = &run->plans[0];
    /* 8,537,727,000 x 1.02 = 8,708,481,540 pence; x 1.025 = 8,926,193,578.5, half away from
     * zero 8,926,193,579. In doubles 1.02 x 1.025 is a hair low and gave 8,926,193,578. */
    assert_int_equal(plan->values[2 * 4 + 1], 8708481540);
    assert_int_equal(plan->values[2 * 4 + 2], 8926193579);
}

static void test_an_effect_too_large_for_pence_is_an_error_at_its_item(void **state)
{
    mtfp_run *run = *state;
    mtfp_scenario *s = scenario(run);
    set_index(&s->indices, "pay", (double[]){1.0}, 1);
    set_index(&s->indices, "contracts", (double[]){1.0}, 1);
    /* 2^59 and -2^59 pence doubled three times: 2^62 and -2^62 in 2012/13, which add up. */
    run->model.lines[0].amount = INT64_C(1) << 59;
    run->model.lines[1].amount = -(INT64_C(1) << 59);
    mtfp_item item;
    mtfp_item_defaults(&item, MTFP_ITEM_PRESSURE);
    item.by_percent = true;
    item.percent = 1; /* 100% of each spend line's size: 2^62 twice, 2^63 in all */
    item.from = month("2010-04");
    add_item(s, &item);
    assert_int_equal(project(run), MTFP_ERR_INPUT);
    assert_string_equal(run->findings.file, "test.lua");
    assert_int_equal(run->findings.line, 1);
    assert_non_null(strstr(run->findings.message, "the effect of this pressure on the budget is "
                                                  "too large to add up in pence"));
}

static void test_revenue_table_merges_kinds_in_cipfa_order(void **state)
{
    mtfp_run *run = *state;
    mtfp_scenario *s = scenario(run);
    add_pressure(run, s);
    assert_int_equal(project(run), MTFP_OK);
    mtfp_revenue_table table;
    assert_int_equal(mtfp_revenue_table_build(&run->plans[0], &table, &run->findings), MTFP_OK);
    assert_int_equal(table.row_count, 4);
    assert_int_equal(table.rows[1].subjective, MTFP_SUBJ_THIRD_PARTY);
    /* 2,100,000.00 + 236,250.00 */
    assert_int_equal(table.values[1 * 4 + 1], 233625000);
    assert_int_equal(table.rows[3].subjective, MTFP_SUBJ_GOVERNMENT_GRANTS);
    mtfp_revenue_table_free(&table);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_base_lines_roll_forward_by_their_index, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_base_scenario_summary_is_inflation_only, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_part_year_pressure_steps_to_full_year, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_percent_saving_skips_income_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(test_non_cashable_saving_is_reported_not_budgeted, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_temporary_adjustment_ends_after_its_last_month, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_summary_identity_and_gaps_hold_to_the_penny, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_percent_item_that_matches_nothing_is_an_error, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_amount_too_large_for_pence_is_an_error, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_an_exact_half_penny_after_two_rates_rounds_away_from_zero, setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_effect_too_large_for_pence_is_an_error_at_its_item,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_revenue_table_merges_kinds_in_cipfa_order, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
