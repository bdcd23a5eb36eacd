/* Indices: rates per projection year and the factors lines are rolled by. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "mtfp/indices.h"
#include "mtfp/subjective.h"

static int setup(void **state)
{
    mtfp_indices *indices = test_malloc(sizeof *indices);
    assert_int_equal(mtfp_indices_init(indices), MTFP_OK);
    *state = indices;
    return 0;
}

static int teardown(void **state)
{
    mtfp_indices_free(*state);
    test_free(*state);
    return 0;
}

static void test_standard_indices_exist_at_zero(void **state)
{
    mtfp_indices *indices = *state;
    assert_int_equal(mtfp_indices_find(indices, "none", 4), MTFP_INDEX_NONE);
    assert_int_equal(mtfp_indices_find(indices, " PAY ", 5), MTFP_INDEX_PAY);
    assert_int_equal(mtfp_indices_find(indices, "contracts", 9), MTFP_INDEX_CONTRACTS);
    assert_true(indices->items[MTFP_INDEX_FEES].rate[3] == 0.0);
    assert_int_equal(mtfp_indices_find(indices, "energy", 6), -1);
}

static void test_short_rate_list_repeats_its_last_rate(void **state)
{
    mtfp_indices *indices = *state;
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    uint32_t id;
    assert_int_equal(
        mtfp_indices_set(indices, "prices", (double[]){0.025, 0.02}, 2, "m.lua", 3, &id, &diag),
        MTFP_OK);
    assert_int_equal(id, MTFP_INDEX_PRICES);
    assert_true(indices->items[id].rate[1] == 0.025);
    assert_true(indices->items[id].rate[2] == 0.02);
    assert_true(indices->items[id].rate[30] == 0.02);
    assert_string_equal(indices->items[id].file, "m.lua");
}

static void test_new_index_is_added_and_compounds(void **state)
{
    mtfp_indices *indices = *state;
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    uint32_t id;
    assert_int_equal(mtfp_indices_set(indices, "energy", (double[]){0.1}, 1, NULL, 0, &id, &diag),
                     MTFP_OK);
    assert_int_equal(id, MTFP_INDEX_STANDARD_COUNT);
    long double factors[(MTFP_INDEX_STANDARD_COUNT + 1) * 4];
    mtfp_indices_factors(indices, 3, factors);
    assert_true(factors[id * 4 + 0] == 1.0);
    /* 1.1^3 = 1.331 */
    assert_true(factors[id * 4 + 3] > 1.33099999 && factors[id * 4 + 3] < 1.33100001);
    assert_true(factors[MTFP_INDEX_PAY * 4 + 3] == 1.0);
}

static void test_none_and_wild_rates_are_refused(void **state)
{
    mtfp_indices *indices = *state;
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    assert_int_equal(mtfp_indices_set(indices, "none", (double[]){0.1}, 1, NULL, 0, NULL, &diag),
                     MTFP_ERR_INPUT);
    assert_int_equal(mtfp_indices_set(indices, "pay", (double[]){3.0}, 1, NULL, 0, NULL, &diag),
                     MTFP_ERR_INPUT);
    assert_non_null(strstr(diag.message, "0.025 is 2.5%"));
    assert_int_equal(
        mtfp_indices_set(indices, "pay", (double[]){0.0 / 0.0}, 1, NULL, 0, NULL, &diag),
        MTFP_ERR_INPUT);
}

static void test_default_index_by_subjective(void **state)
{
    (void)state;
    assert_string_equal(mtfp_subjective_default_index(MTFP_SUBJ_EMPLOYEES), "pay");
    assert_string_equal(mtfp_subjective_default_index(MTFP_SUBJ_THIRD_PARTY), "contracts");
    assert_string_equal(mtfp_subjective_default_index(MTFP_SUBJ_CUSTOMER_RECEIPTS), "fees");
    assert_string_equal(mtfp_subjective_default_index(MTFP_SUBJ_TRANSFER), "none");
    assert_string_equal(mtfp_subjective_default_index(MTFP_SUBJ_CAPITAL_FINANCING), "none");
    assert_string_equal(mtfp_subjective_default_index(MTFP_SUBJ_PREMISES), "prices");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_standard_indices_exist_at_zero, setup, teardown),
        cmocka_unit_test_setup_teardown(test_short_rate_list_repeats_its_last_rate, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_new_index_is_added_and_compounds, setup, teardown),
        cmocka_unit_test_setup_teardown(test_none_and_wild_rates_are_refused, setup, teardown),
        cmocka_unit_test(test_default_index_by_subjective),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
