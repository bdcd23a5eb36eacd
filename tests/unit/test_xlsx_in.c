/* Reading Excel workbooks: what libxlsxwriter writes (the library mtfp writes
 * its packs with), in both its modes; workbooks made part by part (zip.h)
 * for each kind of cell and each refusal; places named SHEET!CELL. */
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
#include <xlsxwriter.h>
#include <zip.h>

#include "mtfp/csv_in.h"
#include "mtfp/xlsx_in.h"

enum { SERVICE, AMOUNT, FROM, COLUMNS };
static const mtfp_csv_column columns[COLUMNS] = {
    {"service", true}, {"amount", true}, {"from", false}};

#define MAX_ROWS 8

typedef struct collected {
    int rows;
    int lines[MAX_ROWS];
    char services[MAX_ROWS][64];
    char amounts[MAX_ROWS][64];
    char froms[MAX_ROWS][64];
    bool from_dates[MAX_ROWS];
    mtfp_month months[MAX_ROWS];
} collected;

static mtfp_status collect(void *context, const mtfp_csv_record *record, mtfp_diag *diag)
{
    collected *c = context;
    if (c->rows == MAX_ROWS)
        return MTFP_OK;
    snprintf(c->services[c->rows], 64, "%s", record->text[SERVICE]);
    snprintf(c->amounts[c->rows], 64, "%s", record->text[AMOUNT]);
    snprintf(c->froms[c->rows], 64, "%s", record->text[FROM] ? record->text[FROM] : "(none)");
    c->from_dates[c->rows] = record->date[FROM];
    /* a month, or -1 where the text is not one */
    c->months[c->rows] = -1;
    if (mtfp_csv_present(record, FROM) &&
        mtfp_csv_month(record, FROM, false, &c->months[c->rows], diag) != MTFP_OK)
        c->months[c->rows] = -1;
    c->lines[c->rows++] = record->line;
    return MTFP_OK;
}

static char path[64];

static int setup(void **state)
{
    (void)state;
    snprintf(path, sizeof path, "/tmp/mtfp-test-xlsx-XXXXXX");
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

static mtfp_status read_path(const char *name, collected *c, mtfp_diag *diag)
{
    memset(c, 0, sizeof *c);
    mtfp_diag_init(diag);
    return mtfp_xlsx_read(name, columns, COLUMNS, collect, c, diag);
}

static const char *where(const mtfp_diag *diag)
{
    static char message[2048];
    mtfp_diag_format_error(diag, message, sizeof message);
    return message;
}

/* ---- Workbooks made part by part */

#define MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define RELS "http://schemas.openxmlformats.org/package/2006/relationships"
#define OFFICE "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static void add_part(zipFile z, const char *name, const char *text, int method)
{
    zip_fileinfo info = {0};
    assert_int_equal(
        zipOpenNewFileInZip(z, name, &info, NULL, 0, NULL, 0, NULL, method, Z_DEFAULT_COMPRESSION),
        ZIP_OK);
    assert_int_equal(zipWriteInFileInZip(z, text, (unsigned)strlen(text)), ZIP_OK);
    assert_int_equal(zipCloseFileInZip(z), ZIP_OK);
}

/* A workbook at path: its sheets' XML (one sheet named "Budget" unless
 * workbook says otherwise), shared strings and styles (NULL: none). */
static void make_book(const char *sheet, const char *strings, const char *styles,
                      const char *workbook)
{
    zipFile z = zipOpen(path, APPEND_STATUS_CREATE);
    assert_non_null(z);
    add_part(z, "_rels/.rels",
             "<Relationships xmlns=\"" RELS "\"><Relationship Id=\"rId1\" Type=\"" OFFICE
             "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
             Z_DEFLATED);
    add_part(z, "xl/workbook.xml",
             workbook ? workbook
                      : "<workbook xmlns=\"" MAIN "\" xmlns:r=\"" OFFICE "\"><sheets><sheet "
                        "name=\"Budget\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
             Z_DEFLATED);
    add_part(
        z, "xl/_rels/workbook.xml.rels",
        "<Relationships xmlns=\"" RELS "\"><Relationship Id=\"rId1\" Type=\"" OFFICE
        "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" OFFICE
        "/sharedStrings\" Target=\"/xl/sharedStrings.xml\"/><Relationship Id=\"rId3\" "
        "Type=\"" OFFICE "/styles\" Target=\"../xl/./styles.xml\"/><Relationship "
        "Id=\"rId4\" Type=\"" OFFICE "/chartsheet\" Target=\"chartsheets/sheet1.xml\"/>"
        "</Relationships>",
        Z_DEFLATED);
    add_part(z, "xl/worksheets/sheet1.xml", sheet, Z_DEFLATED);
    if (strings)
        add_part(z, "xl/sharedStrings.xml", strings, Z_DEFLATED);
    if (styles)
        add_part(z, "xl/styles.xml", styles, Z_DEFLATED);
    assert_int_equal(zipClose(z, NULL), ZIP_OK);
}

#define SHEET(rows) "<worksheet xmlns=\"" MAIN "\"><sheetData>" rows "</sheetData></worksheet>"
#define HEADER                                                                                     \
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>service</t></is></c><c r=\"B1\" "             \
    "t=\"inlineStr\"><is><t>amount</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>from</t></is>"   \
    "</c></row>"
/* Cell formats: 0 General, 1 d/m/yyyy (built-in 14), 2 "mmm yyyy" (custom),
 * 3 h:mm (a time of day: a number, not a date), 4 [Red]0.00 */
static const char *styles =
    "<styleSheet xmlns=\"" MAIN "\"><numFmts count=\"3\"><numFmt numFmtId=\"164\" "
    "formatCode=\"mmm\\ yyyy\"/><numFmt numFmtId=\"165\" formatCode=\"h:mm\"/><numFmt "
    "numFmtId=\"166\" formatCode=\"[Red]0.00;&quot;day&quot;\"/></numFmts><cellStyleXfs><xf "
    "numFmtId=\"14\"/></cellStyleXfs><cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf "
    "numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf "
    "numFmtId=\"166\"/></cellXfs></styleSheet>";

static void test_every_kind_of_cell(void **state)
{
    (void)state;
    make_book(SHEET(HEADER "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\"><v>1234."
                           "5600000000001</v></c><c r=\"C2\" s=\"1\"><v>40452.75</v></c></row>"
                           "<row r=\"3\"><c r=\"A3\" s=\"2\"/></row>"
                           "<row r=\"5\"><c r=\"A5\" t=\"s\"><v>1</v></c><c r=\"B5\"><f>1/10+2/10"
                           "</f><v>0.30000000000000004</v></c><c r=\"C5\" s=\"2\"><v>40999</v></c>"
                           "</row>"
                           "<row r=\"6\"><c r=\"A6\" t=\"str\"><f>\"x\"&amp;\"y\"</f><v>xy</v>"
                           "</c><c r=\"B6\" t=\"b\"><v>1</v></c><c r=\"C6\" s=\"3\"><v>0.5</v>"
                           "</c></row>"),
              "<sst xmlns=\"" MAIN "\" count=\"9\" uniqueCount=\"2\"><si><t> Assess&amp;"
              "ment </t></si><si><r><rPr><b/></rPr><t>Place</t></r><r><t "
              "xml:space=\"preserve\">ments_x000D_</t></r><rPh><t>ignored</t></rPh></si></sst>",
              styles, NULL);
    collected c;
    mtfp_diag diag;
    assert_int_equal(read_path(path, &c, &diag), MTFP_OK);
    assert_int_equal(c.rows, 3); /* row 3 has a format and no value: blank */
    assert_string_equal(c.services[0], "Assess&ment");
    assert_string_equal(c.amounts[0], "1234.56");
    assert_string_equal(c.froms[0], "2010-10-01");
    assert_true(c.from_dates[0]);
    assert_int_equal(c.months[0], mtfp_month_make(2010, 10));
    assert_int_equal(c.lines[1], 5);
    assert_string_equal(c.services[1], "Placements\r"); /* a run each; _x000D_ is a CR */
    assert_string_equal(c.amounts[1], "0.3");
    assert_string_equal(c.froms[1], "2012-03-31");
    assert_string_equal(c.services[2], "xy");
    assert_string_equal(c.amounts[2], "TRUE");
    assert_string_equal(c.froms[2], "0.5"); /* a time of day is not a date */
    assert_false(c.from_dates[2]);
}

/* The 1904 date system (Excel for the Mac before 2011): day 0 is 1904-01-01. */
static void test_dates_of_the_1904_system(void **state)
{
    (void)state;
    make_book(SHEET(HEADER "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>A</t></is></c><c "
                           "r=\"B2\"><v>1</v></c><c r=\"C2\" s=\"1\"><v>38990</v></c></row>"),
              NULL, styles,
              "<workbook xmlns=\"" MAIN "\" xmlns:r=\"" OFFICE "\"><workbookPr date1904=\"1\"/>"
              "<sheets><sheet name=\"Budget\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    collected c;
    mtfp_diag diag;
    assert_int_equal(read_path(path, &c, &diag), MTFP_OK);
    /* 38990 days after 1904-01-01 is 2010-10-01 (40452 in the 1900 system, less 1462) */
    assert_string_equal(c.froms[0], "2010-10-01");
}

/* Cells and rows without references follow the ones before them; elements
 * with a namespace prefix (x:c) are the same elements. */
static void test_references_left_out_and_prefixed_elements(void **state)
{
    (void)state;
    make_book("<x:worksheet xmlns:x=\"" MAIN "\"><x:sheetData><x:row><x:c t=\"inlineStr\"><x:is>"
              "<x:t>service</x:t></x:is></x:c><x:c t=\"inlineStr\"><x:is><x:t>amount</x:t>"
              "</x:is></x:c></x:row><x:row><x:c t=\"inlineStr\"><x:is><x:t>A</x:t></x:is></x:c>"
              "<x:c><x:v>12</x:v></x:c></x:row></x:sheetData></x:worksheet>",
              NULL, NULL, NULL);
    collected c;
    mtfp_diag diag;
    assert_int_equal(read_path(path, &c, &diag), MTFP_OK);
    assert_int_equal(c.rows, 1);
    assert_int_equal(c.lines[0], 2);
    assert_string_equal(c.amounts[0], "12");
    assert_string_equal(c.froms[0], "(none)");
}

/* Blank rows before the header are skipped; the header's cells may start
 * in any column, and a notes column is not read. */
static void test_header_below_blank_rows(void **state)
{
    (void)state;
    make_book(SHEET("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t> </t></is></c></row>"
                    "<row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>amount</t></is></c><c r=\"C3\""
                    " t=\"inlineStr\"><is><t>_why</t></is></c><c r=\"D3\" t=\"inlineStr\"><is><t>"
                    "service</t></is></c></row><row r=\"4\"><c r=\"B4\"><v>7</v></c><c r=\"C4\" "
                    "t=\"e\"><v>#N/A</v></c><c r=\"D4\" t=\"inlineStr\"><is><t>S</t></is></c>"
                    "</row>"),
              NULL, NULL, NULL);
    collected c;
    mtfp_diag diag;
    assert_int_equal(read_path(path, &c, &diag), MTFP_OK);
    assert_int_equal(c.rows, 1);
    assert_string_equal(c.services[0], "S");
    assert_string_equal(c.amounts[0], "7");
}

static void test_errors_name_the_sheet_and_cell(void **state)
{
    (void)state;
    make_book(SHEET(HEADER "<row r=\"14\"><c r=\"A14\" t=\"inlineStr\"><is><t>A</t></is></c>"
                           "<c r=\"B14\"><f>SUM(B1:B13)</f></c></row>"),
              NULL, NULL,
              "<workbook xmlns=\"" MAIN "\" xmlns:r=\"" OFFICE "\"><sheets><sheet name=\"Chart\" "
              "sheetId=\"2\" r:id=\"rId4\"/><sheet name=\"Budget 2009\" sheetId=\"1\" "
              "r:id=\"rId1\"/></sheets></workbook>");
    char named[128];
    snprintf(named, sizeof named, "%s.xlsx", path);
    assert_int_equal(rename(path, named), 0);
    collected c;
    mtfp_diag diag;
    /* the first sheet is a chart */
    assert_int_equal(read_path(named, &c, &diag), MTFP_ERR_INPUT);
    assert_non_null(strstr(diag.message, "sheet \"Chart\" is a chart or macro sheet"));
    char sheet[160];
    snprintf(sheet, sizeof sheet, "%s!budget  2009", named);
    assert_int_equal(read_path(sheet, &c, &diag), MTFP_ERR_INPUT);
    char want[200];
    snprintf(want, sizeof want, "%s:'Budget 2009'!B14: the formula has no value saved", named);
    assert_non_null(strstr(where(&diag), want));
    snprintf(sheet, sizeof sheet, "%s!Budget", named);
    assert_int_equal(read_path(sheet, &c, &diag), MTFP_ERR_INPUT);
    assert_non_null(strstr(diag.message, "no sheet \"Budget\""));
    assert_non_null(strstr(diag.message, "its sheets are Chart, Budget 2009"));
    unlink(named);
}

static void test_a_bad_amount_is_at_its_cell(void **state)
{
    (void)state;
    make_book(SHEET(HEADER "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>A</t></is></c><c "
                           "r=\"B2\" t=\"inlineStr\"><is><t>n/a</t></is></c></row>"),
              NULL, NULL, NULL);
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    static const mtfp_csv_column two[] = {{"service", true}, {"amount", true}, {"from", false}};
    collected c = {0};
    assert_int_equal(mtfp_xlsx_read(path, two, 3, collect, &c, &diag), MTFP_OK);
    /* the reader hands "n/a" over; the loader's check names the cell */
    const char *text[3] = {"A", "n/a", NULL};
    size_t len[3] = {1, 3, 0};
    int position[3] = {1, 2, 0};
    bool date[3] = {false, false, false};
    mtfp_csv_record record = {.path = "budget.xlsx",
                              .line = 14,
                              .column_count = 3,
                              .text = text,
                              .len = len,
                              .position = position,
                              .sheet = "Revenue",
                              .date = date};
    mtfp_pence amount;
    assert_int_equal(mtfp_csv_money(&record, 1, &amount, &diag), MTFP_ERR_INPUT);
    assert_non_null(strstr(where(&diag), "budget.xlsx:Revenue!B14: amount \"n/a\" is not valid"));
}

static void test_places(void **state)
{
    (void)state;
    char buf[128];
    mtfp_xlsx_place("a.xlsx", "Revenue", 14, 5, buf, sizeof buf);
    assert_string_equal(buf, "a.xlsx:Revenue!E14");
    mtfp_xlsx_place("a.xlsx", "Budget 2009", 3, 28, buf, sizeof buf);
    assert_string_equal(buf, "a.xlsx:'Budget 2009'!AB3");
    mtfp_xlsx_place("a.xlsx", "Pat's", 1, 0, buf, sizeof buf);
    assert_string_equal(buf, "a.xlsx:'Pat''s'!1:1");
    mtfp_xlsx_place("a.xlsx", "2009", 1, 16384, buf, sizeof buf);
    assert_string_equal(buf, "a.xlsx:'2009'!XFD1");
    assert_true(mtfp_xlsx_named("m/budget.XLSX!Revenue"));
    assert_int_equal(mtfp_xlsx_file_length("m/budget.XLSX!Revenue"), 13);
    assert_true(mtfp_xlsx_named("revenue.xlsx"));
    assert_false(mtfp_xlsx_named("revenue.xlsx.csv"));
    assert_false(mtfp_xlsx_named("revenue.csv"));
}

/* libxlsxwriter's workbooks, as mtfp writes its packs: shared strings in
 * the normal mode, inline strings in constant-memory mode; formulas with
 * their values; a date. */
static void write_with_libxlsxwriter(bool constant_memory)
{
    lxw_workbook_options options = {.constant_memory = constant_memory};
    lxw_workbook *workbook = workbook_new_opt(path, &options);
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Revenue");
    lxw_format *date = workbook_add_format(workbook);
    format_set_num_format(date, "dd mmm yyyy");
    worksheet_write_string(sheet, 0, 0, "Service", NULL);
    worksheet_write_string(sheet, 0, 1, "Amount", NULL);
    worksheet_write_string(sheet, 0, 2, "From", NULL);
    worksheet_write_string(sheet, 1, 0, "Placements & Resources", NULL);
    worksheet_write_number(sheet, 1, 1, 1234.56, NULL);
    lxw_datetime october = {.year = 2010, .month = 10, .day = 1};
    worksheet_write_datetime(sheet, 1, 2, &october, date);
    worksheet_write_string(sheet, 3, 0, "Assessment", NULL);
    worksheet_write_formula_num(sheet, 3, 1, "=B2*2", NULL, 2469.12);
    worksheet_write_string(sheet, 3, 2, "2011/12", NULL);
    assert_int_equal(workbook_close(workbook), LXW_NO_ERROR);
}

static void test_what_libxlsxwriter_writes_reads_back(void **state)
{
    (void)state;
    for (int mode = 0; mode < 2; mode++) {
        write_with_libxlsxwriter(mode == 1);
        collected c;
        mtfp_diag diag;
        assert_int_equal(read_path(path, &c, &diag), MTFP_OK);
        assert_int_equal(c.rows, 2);
        assert_string_equal(c.services[0], "Placements & Resources");
        assert_string_equal(c.amounts[0], "1234.56");
        assert_true(c.from_dates[0]);
        assert_int_equal(c.months[0], mtfp_month_make(2010, 10));
        assert_int_equal(c.lines[1], 4);
        assert_string_equal(c.amounts[1], "2469.12");
        assert_int_equal(c.months[1], mtfp_month_make(2011, 4));
    }
}

static void test_zip_bomb_is_refused(void **state)
{
    (void)state;
    /* 4 MiB of spaces deflate to a few kilobytes: over 100 times */
    size_t size = (size_t)4 << 20;
    char *sheet = malloc(size + 200);
    assert_non_null(sheet);
    strcpy(sheet, "<worksheet xmlns=\"" MAIN "\"><sheetData>");
    size_t at = strlen(sheet);
    memset(sheet + at, ' ', size);
    strcpy(sheet + at + size, "</sheetData></worksheet>");
    make_book(sheet, NULL, NULL, NULL);
    free(sheet);
    collected c;
    mtfp_diag diag;
    assert_int_equal(read_path(path, &c, &diag), MTFP_ERR_INPUT);
    assert_non_null(strstr(diag.message, "xl/worksheets/sheet1.xml would expand from"));
    assert_non_null(strstr(diag.message, "zip bomb"));
}

static void test_cut_short_and_not_a_workbook_are_refused(void **state)
{
    (void)state;
    make_book(SHEET(HEADER), NULL, NULL, NULL);
    FILE *file = fopen(path, "rb");
    char bytes[8192];
    size_t size = fread(bytes, 1, sizeof bytes, file);
    fclose(file);
    for (size_t keep = 4; keep < size; keep++) { /* the first 4 bytes say it is a zip */
        file = fopen(path, "wb");
        fwrite(bytes, 1, keep, file);
        fclose(file);
        collected c;
        mtfp_diag diag;
        assert_int_equal(read_path(path, &c, &diag), MTFP_ERR_INPUT);
        assert_non_null(strstr(diag.message, "damaged"));
    }
    file = fopen(path, "wb");
    fputs("service,amount\nA,1\n", file);
    fclose(file);
    collected c;
    mtfp_diag diag;
    assert_int_equal(read_path(path, &c, &diag), MTFP_ERR_INPUT);
    assert_non_null(strstr(diag.message, "not an Excel workbook (.xlsx)"));
}

/* A document type declaration could declare entities that expand without
 * end ("billion laughs"): Excel's files have none, and one is refused. */
static void test_document_type_declarations_are_refused(void **state)
{
    (void)state;
    make_book("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
              "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><worksheet xmlns=\"" MAIN "\"><sheetData>"
              "<row><c t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData></worksheet>",
              NULL, NULL, NULL);
    collected c;
    mtfp_diag diag;
    assert_int_equal(read_path(path, &c, &diag), MTFP_ERR_INPUT);
    assert_non_null(strstr(diag.message, "document type declaration"));
}

static void test_shared_string_out_of_range_is_damage(void **state)
{
    (void)state;
    make_book(SHEET(HEADER "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>7</v></c></row>"),
              "<sst xmlns=\"" MAIN "\" count=\"4000000000\"><si><t>x</t></si></sst>", NULL, NULL);
    collected c;
    mtfp_diag diag;
    assert_int_equal(read_path(path, &c, &diag), MTFP_ERR_INPUT);
    assert_non_null(strstr(where(&diag), "!A2: the cell names shared string 7"));
}

static void test_an_empty_sheet_is_an_error(void **state)
{
    (void)state;
    make_book(SHEET("<row r=\"3\"><c r=\"C3\" s=\"1\"/></row>"), NULL, styles, NULL);
    collected c;
    mtfp_diag diag;
    assert_int_equal(read_path(path, &c, &diag), MTFP_ERR_INPUT);
    assert_non_null(strstr(where(&diag), ":Budget!1:1: the sheet is empty"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_every_kind_of_cell, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dates_of_the_1904_system, setup, teardown),
        cmocka_unit_test_setup_teardown(test_references_left_out_and_prefixed_elements, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_header_below_blank_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_errors_name_the_sheet_and_cell, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_bad_amount_is_at_its_cell, setup, teardown),
        cmocka_unit_test(test_places),
        cmocka_unit_test_setup_teardown(test_what_libxlsxwriter_writes_reads_back, setup, teardown),
        cmocka_unit_test_setup_teardown(test_zip_bomb_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cut_short_and_not_a_workbook_are_refused, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_document_type_declarations_are_refused, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_shared_string_out_of_range_is_damage, setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_empty_sheet_is_an_error, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
