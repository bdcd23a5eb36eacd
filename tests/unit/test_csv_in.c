/* Reading CSV input: header matching, notes, BOM/CRLF, located errors. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "mtfp/csv_in.h"
#include "mtfp/load.h"
#include "mtfp/sha256.h"

enum { SERVICE, AMOUNT, NOTE, COLUMNS };
static const mtfp_csv_column columns[COLUMNS] = {
    {"service", true}, {"amount", true}, {"cost_centre", false}};

typedef struct collected {
    int rows;
    int lines[8];
    char services[8][64];
    mtfp_pence amounts[8];
    bool cost_centre_present;
} collected;

static mtfp_status collect(void *context, const mtfp_csv_record *record, mtfp_diag *diag)
{
    collected *c = context;
    MTFP_TRY(mtfp_csv_money(record, AMOUNT, &c->amounts[c->rows], diag));
    snprintf(c->services[c->rows], sizeof c->services[0], "%s", record->text[SERVICE]);
    c->lines[c->rows] = record->line;
    c->cost_centre_present = record->text[NOTE] != NULL;
    c->rows++;
    return MTFP_OK;
}

static char path[64];

static int setup(void **state)
{
    (void)state;
    snprintf(path, sizeof path, "/tmp/mtfp-test-csv-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unlink(path);
    return 0;
}

static void write_file(const char *text)
{
    FILE *file = fopen(path, "wb");
    assert_non_null(file);
    fputs(text, file);
    fclose(file);
}

static mtfp_status read_csv(const char *text, collected *c, mtfp_diag *diag)
{
    write_file(text);
    memset(c, 0, sizeof *c);
    mtfp_diag_init(diag);
    return mtfp_csv_read(path, columns, COLUMNS, collect, c, diag);
}

static void test_header_in_any_order_and_case(void **state)
{
    (void)state;
    collected c;
    mtfp_diag diag;
    assert_int_equal(read_csv(" Amount ,SERVICE,_note\n1,234.00 ,x,y\n", &c, &diag),
                     MTFP_ERR_INPUT);
    assert_int_equal(read_csv(" Amount ,SERVICE,_note\n\"1,234.00\",Assessment,why\n", &c, &diag),
                     MTFP_OK);
    assert_int_equal(c.rows, 1);
    assert_string_equal(c.services[0], "Assessment");
    assert_int_equal(c.amounts[0], 123400);
    assert_false(c.cost_centre_present);
}

static void test_bom_and_crlf_from_excel_are_accepted(void **state)
{
    (void)state;
    collected c;
    mtfp_diag diag;
    assert_int_equal(read_csv("\xEF\xBB\xBFservice,amount\r\nA,1.00\r\n\r\nB,2.00\r\n", &c, &diag),
                     MTFP_OK);
    assert_int_equal(c.rows, 2);
    assert_string_equal(c.services[1], "B");
    assert_int_equal(c.lines[1], 4);
}

static void test_empty_unnamed_columns_from_a_spreadsheet_are_ignored(void **state)
{
    (void)state;
    collected c;
    mtfp_diag diag;
    assert_int_equal(read_csv("service,amount,,\nA,1.00,,\n,,,\nB,2.00,,\n", &c, &diag), MTFP_OK);
    assert_int_equal(c.rows, 2);
    assert_int_equal(c.amounts[1], 200);
    /* but not a value in one: a shifted row, or a column someone forgot to name */
    assert_int_equal(read_csv("service,amount,\nA,1.00,\nB,2.00,3.00\n", &c, &diag),
                     MTFP_ERR_INPUT);
    assert_int_equal(diag.line, 3);
    assert_int_equal(diag.column, 3);
    assert_non_null(strstr(diag.message, "\"3.00\" is in a column with no name"));
}

/* A no-break space round a field, from a web page or a PDF pasted into the
 * sheet, is a blank like a space: "Assessment\u00a0" is "Assessment". */
static void test_no_break_spaces_round_a_field_are_blanks(void **state)
{
    (void)state;
    collected c;
    mtfp_diag diag;
    assert_int_equal(read_csv("service,amount\n\xc2\xa0"
                              "Assessment\xc2\xa0 ,\xc2\xa3\xc2\xa0"
                              "5.00\n",
                              &c, &diag),
                     MTFP_OK);
    assert_string_equal(c.services[0], "Assessment");
    assert_int_equal(c.amounts[0], 500);
}

static void test_quoted_newline_keeps_line_numbers(void **state)
{
    (void)state;
    collected c;
    mtfp_diag diag;
    assert_int_equal(read_csv("service,amount\n\"Two\nlines\",1\nC,2\n", &c, &diag), MTFP_OK);
    assert_int_equal(c.rows, 2);
    assert_int_equal(c.lines[0], 2);
    assert_int_equal(c.lines[1], 4);
}

static void test_bad_amount_names_line_and_column(void **state)
{
    (void)state;
    collected c;
    mtfp_diag diag;
    assert_int_equal(read_csv("service,amount\nA,1.00\nB,12O0\n", &c, &diag), MTFP_ERR_INPUT);
    assert_int_equal(diag.line, 3);
    assert_int_equal(diag.column, 2);
    char message[2048];
    mtfp_diag_format_error(&diag, message, sizeof message);
    assert_non_null(strstr(message, ":3:2: amount \"12O0\" is not valid"));
}

static void test_unknown_column_suggests_the_closest(void **state)
{
    (void)state;
    collected c;
    mtfp_diag diag;
    assert_int_equal(read_csv("service,amonut\nA,1\n", &c, &diag), MTFP_ERR_INPUT);
    assert_int_equal(diag.line, 1);
    assert_int_equal(diag.column, 2);
    assert_non_null(strstr(diag.message, "did you mean \"amount\""));
}

static void test_missing_and_duplicate_columns_are_errors(void **state)
{
    (void)state;
    collected c;
    mtfp_diag diag;
    assert_int_equal(read_csv("service\nA\n", &c, &diag), MTFP_ERR_INPUT);
    assert_non_null(strstr(diag.message, "missing column \"amount\""));
    assert_int_equal(read_csv("service,amount,Service\nA,1,B\n", &c, &diag), MTFP_ERR_INPUT);
    assert_int_equal(diag.column, 3);
    assert_non_null(strstr(diag.message, "given twice"));
}

static void test_short_row_and_empty_file_are_errors(void **state)
{
    (void)state;
    collected c;
    mtfp_diag diag;
    assert_int_equal(read_csv("service,amount\nA\n", &c, &diag), MTFP_ERR_INPUT);
    assert_int_equal(diag.line, 2);
    assert_non_null(strstr(diag.message, "expected 2 fields"));
    assert_int_equal(read_csv("", &c, &diag), MTFP_ERR_INPUT);
    assert_non_null(strstr(diag.message, "empty"));
}

static void test_unclosed_quote_is_an_error(void **state)
{
    (void)state;
    collected c;
    mtfp_diag diag;
    assert_int_equal(read_csv("service,amount\n\"A,1\n", &c, &diag), MTFP_ERR_INPUT);
    assert_int_equal(diag.line, 2);
}

/* libcsv's own message was "error parsing data while strict checking enabled",
 * with no column. */
static void test_a_stray_quote_names_its_field_and_how_to_quote_it(void **state)
{
    (void)state;
    collected c;
    mtfp_diag diag;
    assert_int_equal(
        read_csv("service,amount,cost_centre\nA,1.00,\n\"B, C\",1.00,Svc \"A\"\n", &c, &diag),
        MTFP_ERR_INPUT);
    assert_int_equal(diag.line, 3);
    assert_int_equal(diag.column, 3);
    assert_string_equal(diag.message, "a quote inside a field that is not quoted: quote the whole "
                                      "field and double the quote (\"Svc \"\"A\"\"\")");
    mtfp_diag_free(&diag);
    /* In a quoted field, a quote that is not doubled ends it. */
    assert_int_equal(read_csv("service,amount\n\"Svc \"A\"\",1.00\n", &c, &diag), MTFP_ERR_INPUT);
    assert_int_equal(diag.line, 2);
    assert_int_equal(diag.column, 1);
    assert_non_null(strstr(diag.message, "a quote inside a quoted field is written twice"));
    mtfp_diag_free(&diag);
}

/* Loading a model keeps every record's error (up to 50, the rest counted)
 * and reads on: the good rows are all read, and the file is in error. */
static void test_every_record_in_error_is_kept_when_collecting(void **state)
{
    (void)state;
    char text[4096] = "service,amount\nA,1.00\n";
    for (int i = 0; i < 60; i++)
        strcat(text, i == 30 ? "B,2.00\nC\n" : "A,1.005\n");
    strcat(text, "D,3.00\n");
    collected c;
    mtfp_diag diag;
    write_file(text);
    memset(&c, 0, sizeof c);
    mtfp_diag_init(&diag);
    diag.collect = true;
    assert_int_equal(mtfp_csv_read(path, columns, COLUMNS, collect, &c, &diag), MTFP_ERR_INPUT);
    assert_int_equal(c.rows, 3); /* A, B and D */
    assert_string_equal(c.services[2], "D");
    assert_int_equal(diag.error_total, 60); /* 59 amounts and the short row C */
    assert_int_equal(diag.error_count, MTFP_DIAG_ERRORS_MAX);
    assert_int_equal(diag.errors[0].line, 3);
    assert_int_equal(diag.errors[0].column, 2);
    assert_int_equal(diag.errors[30].line, 34); /* C, after B on line 33 */
    assert_non_null(strstr(diag.errors[30].message, "expected 2 fields"));
    /* The diag's own error is then the first. */
    assert_int_equal(mtfp_diag_kept(&diag), MTFP_ERR_INPUT);
    assert_int_equal(diag.line, 3);
    assert_non_null(strstr(diag.message, "\"1.005\""));
    mtfp_diag_free(&diag);
    /* Not collecting, the first error stops the file. */
    assert_int_equal(read_csv(text, &c, &diag), MTFP_ERR_INPUT);
    assert_int_equal(c.rows, 1);
    assert_int_equal(diag.error_total, 0);
    assert_int_equal(diag.line, 3);
    mtfp_diag_free(&diag);
}

static void test_sha256_of_a_known_text(void **state)
{
    (void)state;
    write_file("abc");
    char hex[65];
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    assert_int_equal(mtfp_sha256_file(path, hex, &diag), MTFP_OK);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    /* 56 bytes: the padding spills into a second block (FIPS 180-2 example). */
    write_file("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
    assert_int_equal(mtfp_sha256_file(path, hex, &diag), MTFP_OK);
    assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_header_in_any_order_and_case, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bom_and_crlf_from_excel_are_accepted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_unnamed_columns_from_a_spreadsheet_are_ignored,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_break_spaces_round_a_field_are_blanks, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_quoted_newline_keeps_line_numbers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_amount_names_line_and_column, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_column_suggests_the_closest, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_and_duplicate_columns_are_errors, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_short_row_and_empty_file_are_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unclosed_quote_is_an_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_stray_quote_names_its_field_and_how_to_quote_it,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_every_record_in_error_is_kept_when_collecting, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_sha256_of_a_known_text, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
