/* The code mapping: cost centres and accounts found exactly, ranges of
 * accounts by the codes of their ends' length, and every code mapped once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mtfp/mapping.h"
#include "mtfp/memory.h"
#include "mtfp/subjective.h"

static mtfp_status add_account(mtfp_mapping *m, const char *from, const char *to,
                               uint32_t subjective, int line, int *earlier)
{
    mtfp_account_map map = {.from = mtfp_strdup(from),
                            .to = to ? mtfp_strdup(to) : NULL,
                            .subjective = subjective,
                            .line = line};
    return mtfp_mapping_add_account(m, &map, earlier);
}

static void test_a_range_covers_codes_of_its_length_between_its_ends(void **state)
{
    (void)state;
    mtfp_mapping m;
    mtfp_mapping_init(&m);
    int earlier = 0;
    assert_int_equal(add_account(&m, "5000", "5999", MTFP_SUBJ_THIRD_PARTY, 2, &earlier), MTFP_OK);
    assert_int_equal(add_account(&m, "E100", "E199", MTFP_SUBJ_PREMISES, 3, &earlier), MTFP_OK);
    assert_int_equal(add_account(&m, "1100", NULL, MTFP_SUBJ_EMPLOYEES, 4, &earlier), MTFP_OK);
    const mtfp_account_map *found = mtfp_mapping_account(&m, "5201", 4);
    assert_non_null(found);
    assert_int_equal(found->line, 2);
    assert_non_null(mtfp_mapping_account(&m, "5000", 4));
    assert_non_null(mtfp_mapping_account(&m, "5999", 4));
    assert_null(mtfp_mapping_account(&m, "520", 3));   /* shorter */
    assert_null(mtfp_mapping_account(&m, "52010", 5)); /* longer */
    assert_null(mtfp_mapping_account(&m, "6000", 4));
    assert_int_equal(mtfp_mapping_account(&m, "E150", 4)->subjective, MTFP_SUBJ_PREMISES);
    assert_null(mtfp_mapping_account(&m, "e150", 4)); /* codes match as written */
    assert_int_equal(mtfp_mapping_account(&m, "1100", 4)->subjective, MTFP_SUBJ_EMPLOYEES);
    mtfp_mapping_free(&m);
}

static void test_a_code_is_mapped_once(void **state)
{
    (void)state;
    mtfp_mapping m;
    mtfp_mapping_init(&m);
    int earlier = 0;
    assert_int_equal(add_account(&m, "5200", "5299", MTFP_SUBJ_THIRD_PARTY, 2, &earlier), MTFP_OK);
    /* an account in the range, a range over it, ranges that meet at an end or inside */
    assert_int_equal(add_account(&m, "5250", NULL, MTFP_SUBJ_SUPPLIES, 3, &earlier),
                     MTFP_ERR_INPUT);
    assert_int_equal(earlier, 2);
    assert_int_equal(add_account(&m, "5000", "5200", MTFP_SUBJ_SUPPLIES, 4, &earlier),
                     MTFP_ERR_INPUT);
    assert_int_equal(add_account(&m, "5210", "5220", MTFP_SUBJ_SUPPLIES, 5, &earlier),
                     MTFP_ERR_INPUT);
    assert_int_equal(add_account(&m, "5100", "5999", MTFP_SUBJ_SUPPLIES, 6, &earlier),
                     MTFP_ERR_INPUT);
    /* a range of another length does not meet it */
    assert_int_equal(add_account(&m, "52000", "52999", MTFP_SUBJ_SUPPLIES, 7, &earlier), MTFP_OK);
    /* an account, then a range over it; an account twice */
    assert_int_equal(add_account(&m, "6100", NULL, MTFP_SUBJ_SUPPLIES, 8, &earlier), MTFP_OK);
    assert_int_equal(add_account(&m, "6000", "6999", MTFP_SUBJ_SUPPLIES, 9, &earlier),
                     MTFP_ERR_INPUT);
    assert_int_equal(earlier, 8);
    assert_int_equal(add_account(&m, "6100", NULL, MTFP_SUBJ_PREMISES, 10, &earlier),
                     MTFP_ERR_INPUT);
    assert_int_equal(earlier, 8);
    mtfp_centre_map centre = {
        .partner = mtfp_strdup("Council"), .service = mtfp_strdup("Fostering"), .line = 11};
    assert_int_equal(mtfp_mapping_add_centre(&m, "C1", 2, &centre, &earlier), MTFP_OK);
    mtfp_centre_map again = {
        .partner = mtfp_strdup("Council"), .service = mtfp_strdup("Adoption"), .line = 12};
    assert_int_equal(mtfp_mapping_add_centre(&m, "C1", 2, &again, &earlier), MTFP_ERR_INPUT);
    assert_int_equal(earlier, 11);
    assert_string_equal(mtfp_mapping_centre(&m, "C1", 2)->service, "Fostering");
    assert_null(mtfp_mapping_centre(&m, "C2", 2));
    mtfp_mapping_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_range_covers_codes_of_its_length_between_its_ends),
        cmocka_unit_test(test_a_code_is_mapped_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
