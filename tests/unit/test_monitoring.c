/* Budget monitoring: the profile to date, the forecast and its variance, the
 * RAG rating at its edges, and the recurring variance carried into the plan.
 * Every figure is worked by hand in the comments (tests/fixtures/monitoring
 * has the same lines end to end). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "mtfp/monitoring.h"
#include "mtfp/project.h"
#include "mtfp/projection.h"
#include "mtfp/run.h"

enum { PLACEMENTS, SUPPORT };
/* The model's revenue lines, in order. */
enum { THIRD_PARTY, TRANSPORT, SUPPLIES, LINES };

static void set_index(mtfp_indices *indices, const char *name, double rate)
{
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    assert_int_equal(mtfp_indices_set(indices, name, &rate, 1, NULL, 0, NULL, &diag), MTFP_OK);
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
        .amount = amount,
        .source_line = (int)model->line_count + 2};
    assert_int_equal(mtfp_model_add_line(model, &line), MTFP_OK);
}

/* Council, base year 2009/10, two projection years: Placements' Third Party
 * Payments 1,200,000.00 (contracts 3%) and Transport 50,000.00 (prices 2%);
 * Business Support's Supplies and Services 240,000.00 (prices 2%). */
static int setup(void **state)
{
    mtfp_run *run = test_malloc(sizeof *run);
    assert_int_equal(mtfp_run_init(run), MTFP_OK);
    mtfp_model *model = &run->model;
    model->base_year = 2009;
    model->years = 2;
    uint32_t id;
    assert_int_equal(mtfp_names_intern(&model->partners, "Council", 7, &id), MTFP_OK);
    assert_int_equal(mtfp_names_intern(&model->services, "Placements", 10, &id), MTFP_OK);
    assert_int_equal(mtfp_names_intern(&model->services, "Business Support", 16, &id), MTFP_OK);
    set_index(&model->indices, "contracts", 0.03);
    set_index(&model->indices, "prices", 0.02);
    add_line(model, PLACEMENTS, MTFP_SUBJ_THIRD_PARTY, 120000000);
    add_line(model, PLACEMENTS, MTFP_SUBJ_TRANSPORT, 5000000);
    add_line(model, SUPPORT, MTFP_SUBJ_SUPPLIES, 24000000);
    assert_int_equal(mtfp_model_index_lines(model), MTFP_OK);
    *state = run;
    return 0;
}

static int teardown(void **state)
{
    mtfp_run_free(*state);
    test_free(*state);
    return 0;
}

static mtfp_monitoring_line *line_of(mtfp_model *model, uint32_t service,
                                     mtfp_subjective subjective)
{
    mtfp_monitoring_line *line;
    assert_int_equal(
        mtfp_monitoring_line_of(&model->monitoring, 0, service, (uint32_t)subjective, &line),
        MTFP_OK);
    return line;
}

/* Actuals of amount in each month from April to October: month 7. */
static void actuals_to_october(mtfp_model *model, uint32_t service, mtfp_subjective subjective,
                               mtfp_pence amount)
{
    for (int month = 1; month <= 7; month++)
        assert_int_equal(mtfp_monitoring_add_actual(&model->monitoring,
                                                    line_of(model, service, subjective), month,
                                                    amount, month + 1),
                         MTFP_OK);
}

static void forecast(mtfp_model *model, uint32_t service, mtfp_subjective subjective,
                     mtfp_pence amount, bool recurring, const char *reason)
{
    assert_int_equal(mtfp_monitoring_add_forecast(&model->monitoring,
                                                  line_of(model, service, subjective), amount,
                                                  recurring, reason, 2),
                     MTFP_OK);
}

static const mtfp_monitoring_row *row_of(const mtfp_monitoring_table *table, uint32_t service,
                                         mtfp_subjective subjective)
{
    for (size_t i = 0; i < table->line_count; i++)
        if (table->lines[i].service == (int32_t)service &&
            table->lines[i].subjective == (int32_t)subjective)
            return &table->lines[i];
    fail_msg("no line of service %u, subjective %d", (unsigned)service, (int)subjective);
    return NULL;
}

static void build(mtfp_run *run, mtfp_monitoring_table *table)
{
    mtfp_monitoring_link(&run->model);
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    assert_int_equal(mtfp_monitoring_table_build(&run->model, table, &diag), MTFP_OK);
    mtfp_diag_free(&diag);
}

/* Straight-line at month 7: 1,200,000.00 x 7/12 = 700,000.00; and
 * 50,000.00 x 7/12 = 29,166.666... rounded once to 29,166.67. */
static void test_straight_line_profile_at_month_seven(void **state)
{
    mtfp_run *run = *state;
    actuals_to_october(&run->model, PLACEMENTS, MTFP_SUBJ_THIRD_PARTY, 10000000);
    mtfp_monitoring_table table;
    build(run, &table);
    assert_int_equal(table.month, 7);
    const mtfp_monitoring_row *tpp = row_of(&table, PLACEMENTS, MTFP_SUBJ_THIRD_PARTY);
    assert_int_equal(tpp->figures[MTFP_MON_PROFILE], 70000000);
    assert_int_equal(tpp->figures[MTFP_MON_ACTUAL], 70000000);
    assert_int_equal(tpp->figures[MTFP_MON_VARIANCE_TO_DATE], 0);
    assert_int_equal(row_of(&table, PLACEMENTS, MTFP_SUBJ_TRANSPORT)->figures[MTFP_MON_PROFILE],
                     2916667);
    mtfp_monitoring_table_free(&table);
}

/* A custom profile at month 7: 0.05 + 0.05 + 0.1 x 5 = 0.6 of 240,000.00 is
 * 144,000.00, against actuals of 145,000.00: 1,000.00 ahead of it. */
static void test_custom_profile_at_month_seven(void **state)
{
    mtfp_run *run = *state;
    const double weights[MTFP_MONTHS] = {0.05, 0.05, 0.1, 0.1,  0.1,  0.1,
                                         0.1,  0.1,  0.1, 0.05, 0.05, 0.1};
    assert_int_equal(mtfp_monitoring_set_profile(&run->model.monitoring, LINES, SUPPLIES, weights),
                     MTFP_OK);
    const mtfp_pence spent[] = {1200000, 1200000, 2400000, 2400000, 2400000, 2400000, 2500000};
    for (int m = 0; m < 7; m++)
        assert_int_equal(
            mtfp_monitoring_add_actual(&run->model.monitoring,
                                       line_of(&run->model, SUPPORT, MTFP_SUBJ_SUPPLIES), m + 1,
                                       spent[m], m + 2),
            MTFP_OK);
    mtfp_monitoring_table table;
    build(run, &table);
    const mtfp_monitoring_row *supplies = row_of(&table, SUPPORT, MTFP_SUBJ_SUPPLIES);
    assert_int_equal(supplies->figures[MTFP_MON_PROFILE], 14400000);
    assert_int_equal(supplies->figures[MTFP_MON_ACTUAL], 14500000);
    assert_int_equal(supplies->figures[MTFP_MON_VARIANCE_TO_DATE], 100000);
    /* The line with no profile stays straight-line: 700,000.00. */
    assert_int_equal(row_of(&table, PLACEMENTS, MTFP_SUBJ_THIRD_PARTY)->figures[MTFP_MON_PROFILE],
                     70000000);
    mtfp_monitoring_table_free(&table);
}

/* 1,250,000.00 recurring and 20,000.00 one-off on a budget of 1,200,000.00:
 * an outturn of 1,270,000.00, a variance of 70,000.00, of which 50,000.00
 * recurs. A line with no forecast is forecast on budget. */
static void test_forecast_outturn_and_recurring_variance(void **state)
{
    mtfp_run *run = *state;
    forecast(&run->model, PLACEMENTS, MTFP_SUBJ_THIRD_PARTY, 125000000, true,
             "Two more placements");
    forecast(&run->model, PLACEMENTS, MTFP_SUBJ_THIRD_PARTY, 2000000, false, "Agency cover");
    mtfp_monitoring_table table;
    build(run, &table);
    const mtfp_monitoring_row *tpp = row_of(&table, PLACEMENTS, MTFP_SUBJ_THIRD_PARTY);
    assert_int_equal(tpp->figures[MTFP_MON_FORECAST], 127000000);
    assert_int_equal(tpp->figures[MTFP_MON_VARIANCE], 7000000);
    assert_int_equal(tpp->figures[MTFP_MON_RECURRING], 5000000);
    assert_string_equal(tpp->reasons, "Two more placements; Agency cover");
    const mtfp_monitoring_row *supplies = row_of(&table, SUPPORT, MTFP_SUBJ_SUPPLIES);
    assert_int_equal(supplies->figures[MTFP_MON_FORECAST], 24000000);
    assert_int_equal(supplies->figures[MTFP_MON_VARIANCE], 0);
    /* 70,000.00 of 1,200,000.00 is 5.8%: red. */
    assert_int_equal(tpp->rag, 'R');
    assert_int_equal(table.largest_count, 1);
    assert_int_equal(table.total.figures[MTFP_MON_VARIANCE], 7000000);
    mtfp_monitoring_table_free(&table);
}

/* A line whose forecast is all one-off recurs nothing: 1,270,000.00 of it
 * one-off is a variance of 70,000.00 and no recurring variance. */
static void test_one_off_forecast_recurs_nothing(void **state)
{
    mtfp_run *run = *state;
    forecast(&run->model, PLACEMENTS, MTFP_SUBJ_THIRD_PARTY, 127000000, false, NULL);
    mtfp_monitoring_table table;
    build(run, &table);
    const mtfp_monitoring_row *tpp = row_of(&table, PLACEMENTS, MTFP_SUBJ_THIRD_PARTY);
    assert_int_equal(tpp->figures[MTFP_MON_VARIANCE], 7000000);
    assert_int_equal(tpp->figures[MTFP_MON_RECURRING], 0);
    mtfp_monitoring_table_free(&table);
}

static const mtfp_plan *project(mtfp_run *run)
{
    mtfp_monitoring_link(&run->model);
    mtfp_scenario *added;
    assert_int_equal(mtfp_run_add_scenario(run, "Base", NULL, &added), MTFP_OK);
    assert_int_equal(mtfp_project_scenarios(run, 2, &run->findings), MTFP_OK);
    return &run->plans[0];
}

/* The 50,000.00 that recurs is a pressure from the first projection year,
 * rolled forward by the line's index (contracts 3%): 51,500.00 in 2010/11
 * and 53,045.00 in 2011/12, with one Audit row. The 20,000.00 one-off is
 * not carried. */
static void test_recurring_overspend_is_a_pressure_rolled_forward(void **state)
{
    mtfp_run *run = *state;
    forecast(&run->model, PLACEMENTS, MTFP_SUBJ_THIRD_PARTY, 125000000, true,
             "Two more placements");
    forecast(&run->model, PLACEMENTS, MTFP_SUBJ_THIRD_PARTY, 2000000, false, "Agency cover");
    const mtfp_plan *plan = project(run);
    assert_int_equal(plan->audit_count, 1);
    const mtfp_audit_entry *entry = &plan->audit[0];
    assert_string_equal(entry->kind, "monitoring");
    assert_int_equal(entry->change, MTFP_CHANGE_PRESSURE);
    assert_string_equal(entry->reason, "recurring overspend in the base year: Two more placements");
    assert_int_equal(entry->subjective, MTFP_SUBJ_THIRD_PARTY);
    assert_int_equal(plan->effects[0], 0);
    assert_int_equal(plan->effects[1], 5150000);
    assert_int_equal(plan->effects[2], 5304500);
    assert_int_equal(plan->summary[MTFP_SUM_PRESSURES][1], 5150000);
    assert_int_equal(plan->summary[MTFP_SUM_PRESSURES][2], 154500);
}

/* A recurring underspend is a saving: Transport forecast at 45,000.00 on a
 * budget of 50,000.00 saves 5,000.00 x 1.02 = (5,100.00), then (5,202.00). */
static void test_recurring_underspend_is_a_saving(void **state)
{
    mtfp_run *run = *state;
    forecast(&run->model, PLACEMENTS, MTFP_SUBJ_TRANSPORT, 4500000, true, "Contract retendered");
    const mtfp_plan *plan = project(run);
    assert_int_equal(plan->audit_count, 1);
    assert_int_equal(plan->audit[0].change, MTFP_CHANGE_SAVING);
    assert_string_equal(plan->audit[0].reason,
                        "recurring underspend in the base year: Contract retendered");
    assert_int_equal(plan->summary[MTFP_SUM_SAVINGS][1], -510000);
    assert_int_equal(plan->summary[MTFP_SUM_SAVINGS][2], -10200);
}

/* monitoring{ carry = "none" }: the plan takes nothing from the forecast. */
static void test_carry_none_leaves_the_plan(void **state)
{
    mtfp_run *run = *state;
    run->model.monitoring.policy.carry = false;
    forecast(&run->model, PLACEMENTS, MTFP_SUBJ_THIRD_PARTY, 125000000, true,
             "Two more placements");
    const mtfp_plan *plan = project(run);
    assert_int_equal(plan->audit_count, 0);
    assert_int_equal(plan->summary[MTFP_SUM_PRESSURES][1], 0);
}

/* Green within 1% of the budget, amber within 5%, red beyond; each edge
 * is the budget's share rounded to the penny, and belongs to the better
 * band. On 1,000,000.00: 10,000.00 green, 10,000.01 amber, 50,000.00 amber,
 * 50,000.01 red, as over- or underspends; on income (-120,000.00) 6,000.00
 * is 5%: amber. */
static void test_rag_at_the_threshold_edges(void **state)
{
    (void)state;
    const mtfp_monitoring_policy policy = {.green = 0.01, .amber = 0.05, .carry = true};
    assert_int_equal(mtfp_monitoring_rag(&policy, 100000000, 0), 'G');
    assert_int_equal(mtfp_monitoring_rag(&policy, 100000000, 1000000), 'G');
    assert_int_equal(mtfp_monitoring_rag(&policy, 100000000, -1000000), 'G');
    assert_int_equal(mtfp_monitoring_rag(&policy, 100000000, 1000001), 'A');
    assert_int_equal(mtfp_monitoring_rag(&policy, 100000000, -1000001), 'A');
    assert_int_equal(mtfp_monitoring_rag(&policy, 100000000, 5000000), 'A');
    assert_int_equal(mtfp_monitoring_rag(&policy, 100000000, 5000001), 'R');
    assert_int_equal(mtfp_monitoring_rag(&policy, 100000000, -5000001), 'R');
    assert_int_equal(mtfp_monitoring_rag(&policy, -12000000, 600000), 'A');
    assert_int_equal(mtfp_monitoring_rag(&policy, -12000000, 600001), 'R');
    /* 1% of 240,000.00 is 2,400.00: 2,400.01 is amber. */
    assert_int_equal(mtfp_monitoring_rag(&policy, 24000000, 240000), 'G');
    assert_int_equal(mtfp_monitoring_rag(&policy, 24000000, 240001), 'A');
    /* No budget: no variance is green, any is red. */
    assert_int_equal(mtfp_monitoring_rag(&policy, 0, 0), 'G');
    assert_int_equal(mtfp_monitoring_rag(&policy, 0, 1), 'R');
}

/* The largest variances, largest first whatever their sign; a line on
 * budget is not listed. */
static void test_largest_variances_by_size(void **state)
{
    mtfp_run *run = *state;
    forecast(&run->model, PLACEMENTS, MTFP_SUBJ_THIRD_PARTY, 121000000, false, NULL);
    forecast(&run->model, PLACEMENTS, MTFP_SUBJ_TRANSPORT, 3000000, false, NULL);
    forecast(&run->model, SUPPORT, MTFP_SUBJ_SUPPLIES, 24000000, false, NULL);
    mtfp_monitoring_table table;
    build(run, &table);
    assert_int_equal(table.largest_count, 2);
    /* Transport's (20,000.00) before Third Party Payments' 10,000.00. */
    assert_int_equal(table.lines[table.largest[0]].subjective, MTFP_SUBJ_TRANSPORT);
    assert_int_equal(table.lines[table.largest[1]].subjective, MTFP_SUBJ_THIRD_PARTY);
    mtfp_monitoring_table_free(&table);
}

/* Actuals on a line with no budget are a line of the table (budget 0). */
static void test_actuals_without_a_budget_are_a_line(void **state)
{
    mtfp_run *run = *state;
    actuals_to_october(&run->model, SUPPORT, MTFP_SUBJ_PREMISES, 12345);
    mtfp_monitoring_table table;
    build(run, &table);
    const mtfp_monitoring_row *premises = row_of(&table, SUPPORT, MTFP_SUBJ_PREMISES);
    assert_int_equal(premises->figures[MTFP_MON_BUDGET], 0);
    assert_int_equal(premises->figures[MTFP_MON_ACTUAL], 7 * 12345);
    assert_int_equal(premises->budget_line, 0);
    assert_int_equal(table.line_count, 4);
    assert_int_equal(table.service_count, 2);
    mtfp_monitoring_table_free(&table);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_straight_line_profile_at_month_seven, setup, teardown),
        cmocka_unit_test_setup_teardown(test_custom_profile_at_month_seven, setup, teardown),
        cmocka_unit_test_setup_teardown(test_forecast_outturn_and_recurring_variance, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_one_off_forecast_recurs_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_recurring_overspend_is_a_pressure_rolled_forward,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_recurring_underspend_is_a_saving, setup, teardown),
        cmocka_unit_test_setup_teardown(test_carry_none_leaves_the_plan, setup, teardown),
        cmocka_unit_test(test_rag_at_the_threshold_edges),
        cmocka_unit_test_setup_teardown(test_largest_variances_by_size, setup, teardown),
        cmocka_unit_test_setup_teardown(test_actuals_without_a_budget_are_a_line, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
