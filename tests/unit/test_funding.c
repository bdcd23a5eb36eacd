/* Funding (funding.h): amounts worked out rather than given: a source grown
 * by an index, council tax, a scenario's changes. Worked by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mtfp.h"

typedef struct fixture {
    mtfp_funding funding;
    mtfp_indices indices;
    mtfp_diag diag;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    mtfp_funding_init(&f->funding);
    assert_int_equal(mtfp_indices_init(&f->indices), MTFP_OK);
    mtfp_diag_init(&f->diag);
    const double prices[] = {0.02, 0.025};
    assert_int_equal(mtfp_indices_set(&f->indices, "prices", prices, 2, NULL, 0, NULL, &f->diag),
                     MTFP_OK);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    mtfp_funding_free(&f->funding);
    mtfp_indices_free(&f->indices);
    mtfp_diag_free(&f->diag);
    free(f);
    return 0;
}

static void test_a_source_grows_by_its_index_from_its_last_amount(void **state)
{
    fixture *f = *state;
    mtfp_funding_source *grant;
    assert_int_equal(mtfp_funding_add_source(&f->funding, "Grant", NULL, 0, &grant), MTFP_OK);
    mtfp_funding_set(grant, 0, 100000000); /* £1,000,000.00 */
    grant->index = mtfp_indices_find(&f->indices, "prices", 6);
    assert_int_equal(mtfp_funding_resolve(&f->funding, &f->indices, 3, &f->diag), MTFP_OK);
    /* x 1.02 = 1,020,000.00; x 1.025 = 1,045,500.00; the last rate repeats: 1,071,637.50. */
    assert_int_equal(mtfp_funding_source_amount(grant, 1), 102000000);
    assert_int_equal(mtfp_funding_source_amount(grant, 2), 104550000);
    assert_int_equal(mtfp_funding_source_amount(grant, 3), 107163750);
}

static void test_council_tax_sets_band_d_to_the_penny_each_year(void **state)
{
    fixture *f = *state;
    mtfp_council_tax *tax = &f->funding.council_tax;
    tax->declared = true;
    tax->source = mtfp_strdup("Council tax");
    tax->band_d[0] = 120000;
    tax->collection_rate = 0.98;
    const double base[] = {60000, 60600, 61206};
    const double rise[] = {0, 0.0299, 0.0499};
    for (int y = 0; y < 3; y++) {
        tax->tax_base[y] = base[y];
        tax->increase[y] = rise[y];
    }
    assert_int_equal(mtfp_funding_resolve(&f->funding, &f->indices, 2, &f->diag), MTFP_OK);
    /* 1,200.00 x 1.0299 = 1,235.88; x 1.0499 = 1,297.5504, set at 1,297.55. */
    assert_int_equal(tax->band_d[1], 123588);
    assert_int_equal(tax->band_d[2], 129755);
    const char *closest;
    const mtfp_funding_source *source = mtfp_funding_find(&f->funding, "Council tax", 11, &closest);
    assert_non_null(source);
    /* 60,000 x 1,200.00 x 0.98 = 70,560,000.00; 61,206 x 1,297.55 x 0.98 = 77,829,488.394. */
    assert_int_equal(mtfp_funding_source_amount(source, 0), 7056000000);
    assert_int_equal(mtfp_funding_source_amount(source, 2), 7782948839);
}

static void test_a_change_takes_a_percent_of_the_source_in_its_years(void **state)
{
    fixture *f = *state;
    mtfp_funding_source *grant;
    assert_int_equal(mtfp_funding_add_source(&f->funding, "Grant", NULL, 0, &grant), MTFP_OK);
    for (int y = 0; y <= 3; y++)
        mtfp_funding_set(grant, y, 33333);
    mtfp_funding_change ends = {
        .source = "grant", .percent = -1, .by_percent = true, .from = 2, .to = 3, .file = "s.lua"};
    mtfp_funding_change more = {.source = "Grant", .amount = 100, .from = 1, .to = 1};
    mtfp_funding_change third = {
        .source = "Grant", .percent = -1.0 / 3, .by_percent = true, .from = 1, .to = 1};
    assert_int_equal(mtfp_funding_add_change(&f->funding, &ends), MTFP_OK);
    assert_int_equal(mtfp_funding_add_change(&f->funding, &more), MTFP_OK);
    assert_int_equal(mtfp_funding_add_change(&f->funding, &third), MTFP_OK);
    assert_int_equal(mtfp_funding_resolve(&f->funding, &f->indices, 3, &f->diag), MTFP_OK);
    /* 333.33 + 1.00 = 334.33, less a third (111.443..., 111.44): 222.89; then nothing. */
    assert_int_equal(mtfp_funding_source_amount(grant, 1), 22289);
    assert_int_equal(mtfp_funding_source_amount(grant, 2), 0);
    assert_int_equal(mtfp_funding_source_amount(grant, 0), 33333);
}

static void test_a_change_of_a_source_there_is_not_is_an_error_at_its_line(void **state)
{
    fixture *f = *state;
    mtfp_funding_change c = {
        .source = "Grnt", .amount = 1, .from = 1, .to = 1, .file = "s.lua", .line = 9};
    assert_int_equal(mtfp_funding_add_change(&f->funding, &c), MTFP_OK);
    assert_int_equal(mtfp_funding_resolve(&f->funding, &f->indices, 1, &f->diag), MTFP_ERR_INPUT);
    assert_string_equal(f->diag.file, "s.lua");
    assert_int_equal(f->diag.line, 9);
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(test_a_source_grows_by_its_index_from_its_last_amount),
        TEST(test_council_tax_sets_band_d_to_the_penny_each_year),
        TEST(test_a_change_takes_a_percent_of_the_source_in_its_years),
        TEST(test_a_change_of_a_source_there_is_not_is_an_error_at_its_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
