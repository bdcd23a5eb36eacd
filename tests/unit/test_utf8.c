/* UTF-8 as mtfp accepts it: the longest well-formed prefix. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "mtfp/utf8.h"

static size_t valid(const char *text)
{
    return mtfp_utf8_valid(text, strlen(text));
}

static void test_well_formed_text_is_valid_to_its_end(void **state)
{
    (void)state;
    assert_int_equal(valid(""), 0);
    assert_int_equal(valid("Placements & Resources"), 22);
    assert_int_equal(valid("\xc2\xa3"
                           "150,000"),
                     9);                                    /* £, two bytes */
    assert_int_equal(valid("caf\xc3\xa9 \xe2\x80\xa6"), 9); /* é and … */
    assert_int_equal(valid("\xf0\x9f\x92\xb7"), 4);         /* U+1F4B7, four bytes */
    assert_int_equal(valid("\xf4\x8f\xbf\xbf"), 4);         /* U+10FFFF, the last */
}

static void test_the_prefix_stops_at_the_first_bad_byte(void **state)
{
    (void)state;
    assert_int_equal(valid("Save \xa3"
                           "100k"),
                     5);                                /* Windows-1252 pound sign */
    assert_int_equal(valid("ab\xc3"), 2);               /* cut short at the end */
    assert_int_equal(valid("ab\xc3z"), 2);              /* a lead byte without its tail */
    assert_int_equal(valid("\xc0\x80"), 0);             /* overlong NUL */
    assert_int_equal(valid("\xe0\x80\xaf"), 0);         /* overlong "/" */
    assert_int_equal(valid("x\xed\xa0\x80"), 1);        /* a surrogate, U+D800 */
    assert_int_equal(valid("\xf4\x90\x80\x80"), 0);     /* beyond U+10FFFF */
    assert_int_equal(valid("\xf8\x88\x80\x80\x80"), 0); /* five-byte forms */
    assert_int_equal(valid("ok\x80"), 2);               /* a lone continuation byte */
}

static void test_characters_are_counted_not_bytes(void **state)
{
    (void)state;
    assert_int_equal(mtfp_utf8_chars(""), 0);
    assert_int_equal(mtfp_utf8_chars("Base"), 4);
    assert_int_equal(mtfp_utf8_chars("\u00a350,000"), 7);         /* "£" is two bytes */
    assert_int_equal(mtfp_utf8_chars("cut\u2026 \U0001F600"), 6); /* three and four */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_well_formed_text_is_valid_to_its_end),
        cmocka_unit_test(test_the_prefix_stops_at_the_first_bad_byte),
        cmocka_unit_test(test_characters_are_counted_not_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
