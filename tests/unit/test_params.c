/* The command line's params (cli/params.c): --set and --vary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cli/cli.h"

static void test_set_reads_a_percentage_as_a_fraction(void **state)
{
    (void)state;
    mtfp_settings settings;
    mtfp_settings_init(&settings);
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    assert_int_equal(mtfp_cli_parse_set(&settings, "growth=8%", &diag), MTFP_OK);
    assert_int_equal(mtfp_cli_parse_set(&settings, "extra=3", &diag), MTFP_OK);
    assert_int_equal(mtfp_cli_parse_set(&settings, "growth=0.05", &diag), MTFP_OK);
    assert_int_equal(settings.count, 2);
    assert_true(mtfp_settings_find(&settings, "growth")->value == 0.05);
    assert_true(mtfp_settings_find(&settings, "EXTRA")->value == 3.0);
    const char *bad[] = {"growth", "=1", "growth=", "growth=a", "growth=0x10", "growth=1e999"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(mtfp_cli_parse_set(&settings, bad[i], &diag), MTFP_ERR_USAGE);
    assert_non_null(strstr(diag.message, "--set \"growth=1e999\": expected NAME=VALUE"));
    mtfp_settings_free(&settings);
    mtfp_diag_free(&diag);
}

static void test_a_vary_range_gives_values_as_set_would_read_them(void **state)
{
    (void)state;
    mtfp_vary vary;
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    assert_int_equal(mtfp_cli_parse_vary("growth=0:0.1:0.01", &vary, &diag), MTFP_OK);
    assert_string_equal(vary.name, "growth");
    assert_int_equal(vary.count, 11);
    /* 3 x 0.01 is 0.030000000000000002 in binary; --set growth=0.03 reads 0.03. */
    assert_true(mtfp_vary_value(&vary, 3) == 0.03);
    assert_true(mtfp_vary_value(&vary, 10) == 0.1);
    free(vary.name);
    assert_int_equal(mtfp_cli_parse_vary("rate=1%:5%:1%", &vary, &diag), MTFP_OK);
    assert_int_equal(vary.count, 5);
    assert_true(mtfp_vary_value(&vary, 4) == 0.05);
    free(vary.name);
    /* -0.3 + 3 x 0.1 is 5.55e-17 in binary: the point is 0, as --set grow=0 gives. */
    assert_int_equal(mtfp_cli_parse_vary("grow=-0.3:0.3:0.1", &vary, &diag), MTFP_OK);
    assert_true(mtfp_vary_value(&vary, 3) == 0.0);
    assert_true(mtfp_vary_value(&vary, 4) == 0.1);
    free(vary.name);
    const char *bad[] = {"growth",           "=0:1:1",        "growth=0:1",    "growth=a:1:1",
                         "growth=1:0:1",     "growth=0:1:0",  "growth=0:1:-1", "growth=0:1e9:1",
                         "growth=0x0:0x6:1", "growth=0:inf:1"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(mtfp_cli_parse_vary(bad[i], &vary, &diag), MTFP_ERR_USAGE);
        free(vary.name);
    }
    /* Too many values is said so, not as a 300-digit count. */
    /* A STEP that does not reach TO: 0.01 to 0.05 by 0.007 would end at 0.045. */
    assert_int_equal(mtfp_cli_parse_vary("rate=1%:5%:0.7%", &vary, &diag), MTFP_ERR_USAGE);
    assert_non_null(strstr(diag.message, "the steps end at 0.045, not at 0.05"));
    assert_int_equal(mtfp_cli_parse_vary("growth=0:6:1e-300", &vary, &diag), MTFP_ERR_USAGE);
    assert_string_equal(diag.message,
                        "--vary \"growth=0:6:1e-300\": more than 10000 values; at most 10000");
    mtfp_diag_free(&diag);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_set_reads_a_percentage_as_a_fraction),
        cmocka_unit_test(test_a_vary_range_gives_values_as_set_would_read_them),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
