/* Money: parsing as finance staff write amounts, formatting, rounding. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "mtfp/money.h"

static mtfp_pence parsed(const char *text)
{
    mtfp_pence out = 12345;
    const char *why = NULL;
    assert_true(mtfp_money_parse(text, strlen(text), &out, &why));
    return out;
}

static void assert_rejected(const char *text)
{
    mtfp_pence out = 777;
    const char *why = NULL;
    assert_false(mtfp_money_parse(text, strlen(text), &out, &why));
    assert_non_null(why);
    assert_int_equal(out, 777); /* untouched */
}

static void test_parse_plain_decimal(void **state)
{
    (void)state;
    assert_int_equal(parsed("1234.56"), 123456);
    assert_int_equal(parsed("0.5"), 50);
    assert_int_equal(parsed("7"), 700);
    assert_int_equal(parsed("  42.10 "), 4210);
}

static void test_parse_thousands_separators_and_pound_sign(void **state)
{
    (void)state;
    assert_int_equal(parsed("1,234.56"), 123456);
    assert_int_equal(parsed("£1,234.56"), 123456);
    assert_int_equal(parsed("11,000,000"), 1100000000);
}

static void test_parse_negatives_with_minus_or_brackets(void **state)
{
    (void)state;
    assert_int_equal(parsed("-1234.56"), -123456);
    assert_int_equal(parsed("(1,234.56)"), -123456);
    assert_int_equal(parsed("-£1,234.56"), -123456);
    assert_int_equal(parsed("(£5.00)"), -500);
}

static void test_parse_accounting_formats_as_a_spreadsheet_saves_them(void **state)
{
    (void)state;
    assert_int_equal(parsed("-"), 0); /* zero shown as a dash */
    assert_int_equal(parsed(" £ -   "), 0);
    assert_int_equal(parsed("£ 1,234.00"), 123400);
    assert_int_equal(parsed("-£ 5.00"), -500);
    assert_int_equal(parsed("(£ 5.00)"), -500);
    /* A no-break space (U+00A0) where a space is: spreadsheets and web pages pad with it. */
    assert_int_equal(parsed("\xc2\xa0\xc2\xa3\xc2\xa0"
                            "1,234.00\xc2\xa0"),
                     123400);
    assert_rejected("1\xc2\xa0"
                    "234.00");
    assert_rejected("(-)");
    assert_rejected("--");
    assert_rejected("£");
}

static void test_parse_rejects_what_is_not_money(void **state)
{
    (void)state;
    assert_rejected("12O0");
    assert_rejected("");
    assert_rejected("1.234");   /* fractions of a penny */
    assert_rejected("1,23.00"); /* bad grouping */
    assert_rejected("12,3456"); /* bad grouping */
    assert_rejected("(1.00");   /* unclosed bracket */
    assert_rejected("(-1.00)"); /* two negatives */
    assert_rejected("1e400");
    assert_rejected("1.");
    assert_rejected("$5");
}

/* Rates, counts and params: decimal only. strtod alone took 0x10 for 16. */
static void test_number_parse_reads_decimal_numbers_only(void **state)
{
    (void)state;
    const struct {
        const char *text;
        double value;
    } good[] = {{"0.08", 0.08}, {"-1.5", -1.5},      {".5", 0.5},    {"5.", 5.0},
                {"+2", 2.0},    {"1.5e5", 150000.0}, {"25E-2", 0.25}};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        double value = -99;
        assert_true(mtfp_number_parse(good[i].text, strlen(good[i].text), &value));
        assert_true(value == good[i].value);
    }
    const char *bad[] = {"0x10", "0x1p3", "inf", "-nan", " 5",    "5 ",    "",       "-",
                         ".",    "1e",    "1e+", "e5",   "1,000", "1e400", "1e-400", "5%"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        double value = -99;
        assert_false(mtfp_number_parse(bad[i], strlen(bad[i]), &value));
        assert_true(value == -99);
    }
    /* The length given, not the terminator, ends the number. */
    double value = 0;
    assert_true(mtfp_number_parse("12x", 2, &value));
    assert_true(value == 12.0);
}

static void test_parse_rejects_beyond_the_input_cap(void **state)
{
    (void)state;
    assert_int_equal(parsed("1000000000000.00"), MTFP_PENCE_INPUT_MAX);
    assert_rejected("1000000000000.01");
    assert_rejected("99999999999999999999999");
}

static void test_format_two_decimals_no_separators(void **state)
{
    (void)state;
    char buf[MTFP_MONEY_TEXT_MAX];
    mtfp_money_format(-123450, buf);
    assert_string_equal(buf, "-1234.50");
    mtfp_money_format(5, buf);
    assert_string_equal(buf, "0.05");
    mtfp_money_format(0, buf);
    assert_string_equal(buf, "0.00");
    mtfp_money_format(INT64_MIN, buf);
    assert_string_equal(buf, "-92233720368547758.08");
}

static void test_format_display_brackets_negatives(void **state)
{
    (void)state;
    char buf[MTFP_MONEY_TEXT_MAX];
    mtfp_money_format_display(123456789, buf);
    assert_string_equal(buf, "£1,234,567.89");
    mtfp_money_format_display(-50, buf);
    assert_string_equal(buf, "(£0.50)");
}

static void test_round_half_away_from_zero(void **state)
{
    (void)state;
    mtfp_pence out;
    assert_true(mtfp_money_round(2.5, &out));
    assert_int_equal(out, 3);
    assert_true(mtfp_money_round(-2.5, &out));
    assert_int_equal(out, -3);
    assert_true(mtfp_money_round(2.4999, &out));
    assert_int_equal(out, 2);
    /* 10 x 1.05 pence is 10.5 by hand, 10.499999... in binary. */
    assert_true(mtfp_money_round(10 * 1.05, &out));
    assert_int_equal(out, 11);
}

static void test_round_refuses_what_int64_cannot_hold(void **state)
{
    (void)state;
    mtfp_pence out;
    assert_false(mtfp_money_round(1e19, &out));
    assert_false(mtfp_money_round(0.0 / 0.0, &out));
}

static void test_rate_decimal_is_the_rate_as_written(void **state)
{
    (void)state;
    /* 0.0295 and -0.125 as written, to long double: the double 0.0295 is a hair off. */
    assert_true(mtfp_rate_decimal(0.0295) == 295.0L / 10000);
    assert_true(mtfp_rate_decimal(0.0295) != (long double)0.0295);
    assert_true(mtfp_rate_decimal(-0.125) == -0.125L);
    assert_true(mtfp_rate_decimal(0) == 0);
    /* 0.1 + 0.2 is not 0.3 in binary, and no short decimal reads back as it: kept. */
    assert_true(mtfp_rate_decimal(0.1 + 0.2) == (long double)(0.1 + 0.2));
}

static void test_from_pounds_rounds_to_the_penny(void **state)
{
    (void)state;
    mtfp_pence out;
    assert_true(mtfp_money_from_pounds(150000.0, &out));
    assert_int_equal(out, 15000000);
    assert_true(mtfp_money_from_pounds(0.125, &out));
    assert_int_equal(out, 13);
    assert_false(mtfp_money_from_pounds(1e13, &out));
}

static void test_checked_add_detects_overflow(void **state)
{
    (void)state;
    mtfp_pence out;
    assert_true(mtfp_money_add(1, 2, &out));
    assert_int_equal(out, 3);
    assert_false(mtfp_money_add(INT64_MAX, 1, &out));
    assert_false(mtfp_money_sub(INT64_MIN, 1, &out));
}

/* round_amounts: half away from zero on the third decimal, and what the
 * rounding added in billionths of a penny. */
static void test_parse_rounding_to_the_penny(void **state)
{
    (void)state;
    mtfp_pence p;
    int64_t added;
    const char *why;
    assert_true(mtfp_money_parse_rounding("1.005", 5, &p, &added, &why));
    assert_int_equal(p, 101);
    assert_int_equal(added, 500000000); /* half a penny more */
    assert_true(mtfp_money_parse_rounding("(1.005)", 7, &p, &added, &why));
    assert_int_equal(p, -101);
    assert_int_equal(added, -500000000);
    assert_true(mtfp_money_parse_rounding("1.0049", 6, &p, &added, &why));
    assert_int_equal(p, 100);
    assert_int_equal(added, -490000000);
    assert_true(mtfp_money_parse_rounding("0.999", 5, &p, &added, &why));
    assert_int_equal(p, 100);
    assert_int_equal(added, 100000000); /* 1.00 - 0.999 is a tenth of a penny */
    /* Digits past the eleventh decimal place are not counted. */
    assert_true(mtfp_money_parse_rounding("2.12345678901234", 16, &p, &added, &why));
    assert_int_equal(p, 212);
    assert_int_equal(added, -345678901);
    assert_true(mtfp_money_parse_rounding("£1,234.50", strlen("£1,234.50"), &p, &added, &why));
    assert_int_equal(p, 123450);
    assert_int_equal(added, 0);
    /* Rounding up to the cap is fine; past it is not. */
    assert_true(mtfp_money_parse_rounding("999999999999.995", 16, &p, &added, &why));
    assert_int_equal(p, MTFP_PENCE_INPUT_MAX);
    assert_false(mtfp_money_parse_rounding("1000000000000.005", 17, &p, &added, &why));
    /* Without rounding, a third decimal is refused and says how to round. */
    assert_false(mtfp_money_parse("1.005", 5, &p, &why));
    assert_non_null(strstr(why, "round_amounts"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_rounding_to_the_penny),
        cmocka_unit_test(test_parse_plain_decimal),
        cmocka_unit_test(test_parse_thousands_separators_and_pound_sign),
        cmocka_unit_test(test_parse_negatives_with_minus_or_brackets),
        cmocka_unit_test(test_parse_accounting_formats_as_a_spreadsheet_saves_them),
        cmocka_unit_test(test_parse_rejects_what_is_not_money),
        cmocka_unit_test(test_number_parse_reads_decimal_numbers_only),
        cmocka_unit_test(test_parse_rejects_beyond_the_input_cap),
        cmocka_unit_test(test_format_two_decimals_no_separators),
        cmocka_unit_test(test_format_display_brackets_negatives),
        cmocka_unit_test(test_round_half_away_from_zero),
        cmocka_unit_test(test_round_refuses_what_int64_cannot_hold),
        cmocka_unit_test(test_rate_decimal_is_the_rate_as_written),
        cmocka_unit_test(test_from_pounds_rounds_to_the_penny),
        cmocka_unit_test(test_checked_add_detects_overflow),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
