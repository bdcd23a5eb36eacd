/* The allocation helpers: growth that refuses to overflow, string copies. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mtfp/memory.h"

static void test_grow_doubles_and_keeps_the_array_on_overflow(void **state)
{
    (void)state;
    int *array = NULL;
    size_t cap = 0;
    assert_int_equal(mtfp_grow(&array, &cap, 3, sizeof *array), MTFP_OK);
    assert_true(cap >= 3);
    array[2] = 42;
    size_t before = cap;
    assert_int_equal(mtfp_grow(&array, &cap, SIZE_MAX / 2, sizeof *array), MTFP_ERR_MEMORY);
    assert_int_equal(cap, before);
    assert_int_equal(array[2], 42);
    free(array);
}

static void test_strdup_pair_copies_both_and_passes_null(void **state)
{
    (void)state;
    const char name[] = "Residential placements", file[] = "placements.csv";
    char *a, *b;
    assert_int_equal(mtfp_strdup_pair(name, file, &a, &b), MTFP_OK);
    assert_string_equal(a, name);
    assert_string_equal(b, file);
    assert_ptr_not_equal(a, name);
    free(a);
    free(b);
    assert_int_equal(mtfp_strdup_pair(name, NULL, &a, &b), MTFP_OK);
    assert_string_equal(a, name);
    assert_null(b);
    free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grow_doubles_and_keeps_the_array_on_overflow),
        cmocka_unit_test(test_strdup_pair_copies_both_and_passes_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
