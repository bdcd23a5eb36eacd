/* The workbook: formulas with cached values, defined names, reproducible bytes. */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "book/book.h"
#include "book/print.h"
#include "book/text.h"
#include "mtfp/load.h"
#include "mtfp/output.h"
#include "mtfp/project.h"

static char dir[64];

/* The run of a fixture: tests/fixtures/small, or the one named in *state. */
static int setup(void **state)
{
    const char *source = getenv("MTFP_SOURCE_DIR");
    assert_non_null(source);
    char model[512];
    snprintf(model, sizeof model, "%s/tests/fixtures/%s", source,
             *state ? (const char *)*state : "small");
    mtfp_run *run = test_calloc(1, sizeof *run);
    assert_int_equal(mtfp_run_init(run), MTFP_OK);
    assert_int_equal(mtfp_run_load(run, model, NULL, 0, 0, &run->findings), MTFP_OK);
    assert_int_equal(mtfp_project_scenarios(run, 2, &run->findings), MTFP_OK);
    snprintf(dir, sizeof dir, "/tmp/mtfp-test-book-XXXXXX");
    assert_non_null(mkdtemp(dir));
    *state = run;
    return 0;
}

static int teardown(void **state)
{
    mtfp_run_free(*state);
    test_free(*state);
    char command[128];
    snprintf(command, sizeof command, "rm -rf %s", dir);
    assert_int_equal(system(command), 0);
    return 0;
}

static void write_pack(mtfp_run *run, const char *name, char *path, size_t size)
{
    snprintf(path, size, "%s/%s", dir, name);
    assert_int_equal(mtfp_book_write(run, path, NULL, NULL, &run->findings), MTFP_OK);
}

/* The text of one part of the pack (unzip -p), owned by the caller. */
static char *part(const char *pack, const char *name)
{
    char command[256];
    snprintf(command, sizeof command, "unzip -p %s %s", pack, name);
    FILE *pipe = popen(command, "r");
    assert_non_null(pipe);
    size_t cap = 1 << 20, len = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    size_t got;
    while ((got = fread(text + len, 1, cap - 1 - len, pipe)) > 0)
        len += got;
    text[len] = '\0';
    assert_int_equal(pclose(pipe), 0);
    return text;
}

/* The XML of the sheet named name, found by its place in the workbook. */
static char *sheet(const char *pack, const char *name)
{
    char *workbook = part(pack, "xl/workbook.xml");
    char tag[64];
    snprintf(tag, sizeof tag, "<sheet name=\"%s\"", name);
    const char *at = strstr(workbook, tag);
    assert_non_null(at);
    int number = 0;
    for (const char *s = strstr(workbook, "<sheet "); s && s <= at; s = strstr(s + 1, "<sheet "))
        number++;
    free(workbook);
    char file[64];
    snprintf(file, sizeof file, "xl/worksheets/sheet%d.xml", number);
    return part(pack, file);
}

/* The XML of the sheet named name in the run's pack, written afresh. */
static char *written_sheet(mtfp_run *run, const char *name)
{
    char path[128];
    write_pack(run, "pack.xlsx", path, sizeof path);
    return sheet(path, name);
}

/* The value cached with a formula, in pence; -1 if the formula is not there. */
static long long cached_pence(const char *xml, const char *formula)
{
    char tag[128];
    snprintf(tag, sizeof tag, "<f>%s</f><v>", formula);
    const char *at = strstr(xml, tag);
    if (!at)
        return -1;
    return llround(strtod(at + strlen(tag), NULL) * 100.0);
}

static void test_a_label_cut_to_fit_ends_with_an_ellipsis(void **state)
{
    (void)state;
    char buf[10];
    mtfp_book_format(buf, sizeof buf, "%s, less Base", "Ab");
    assert_string_equal(buf, "Ab, le\u2026"); /* 6 bytes, the ellipsis's 3, the end */
    mtfp_book_format(buf, sizeof buf, "%d", 123456789);
    assert_string_equal(buf, "123456789");                     /* fits exactly */
    mtfp_book_format(buf, sizeof buf, "abcde%s", "\u00a3xyz"); /* "£" is two bytes */
    assert_string_equal(buf, "abcde\u2026");                   /* not half of it */
}

static void test_pack_has_its_sheets_in_order(void **state)
{
    char path[128];
    write_pack(*state, "pack.xlsx", path, sizeof path);
    char *workbook = part(path, "xl/workbook.xml");
    const char *sheets[] = {"Cover", "Summary", "Compare", "Revenue", "Assumptions", "Audit"};
    const char *at = workbook;
    for (size_t i = 0; i < 6; i++) {
        char tag[64];
        snprintf(tag, sizeof tag, "<sheet name=\"%s\"", sheets[i]);
        at = strstr(at, tag);
        assert_non_null(at); /* and in this order */
    }
    assert_non_null(strstr(workbook, "<definedName name=\"Gap_Base\">Summary!$C$13:$E$13"));
    assert_non_null(strstr(workbook, "<definedName name=\"Gap_Pressures_and_savings\">"));
    free(workbook);
}

static void test_summary_formulas_carry_the_engine_values(void **state)
{
    char *summary = written_sheet(*state, "Summary");
    /* Base, 2010/11: NBR is the sum of its changes, cached as 3,041,341.66. */
    assert_int_equal(cached_pence(summary, "SUM(C6:C10)"), 304134166);
    /* The base year's NBR is the Revenue sheet's total. */
    assert_int_equal(cached_pence(summary, "Revenue!$D$13"), 291033333);
    /* Gap = NBR - funding, cumulative gap a running sum. */
    assert_int_equal(cached_pence(summary, "E11-E12"), 7775596);
    assert_int_equal(cached_pence(summary, "D15+E13"), 7644782);
    free(summary);
}

static void test_revenue_subtotals_are_subtotal_formulas(void **state)
{
    char *revenue = written_sheet(*state, "Revenue");
    /* Placements & Resources 2009/10: £1,000,000 + £2,000,000. */
    assert_int_equal(cached_pence(revenue, "SUBTOTAL(9,D5:D6)"), 300000000);
    assert_non_null(strstr(revenue, "outlineLevel=\"2\""));
    free(revenue);
}

/* The column letters of the first cell that holds exactly text. */
static void column_of(const char *xml, const char *text, char *column, size_t size)
{
    char tag[64];
    snprintf(tag, sizeof tag, "<t>%s</t>", text);
    const char *at = strstr(xml, tag);
    assert_non_null(at);
    const char *cell = NULL;
    for (const char *c = strstr(xml, "<c r=\""); c && c < at; c = strstr(c + 1, "<c r=\""))
        cell = c + strlen("<c r=\"");
    assert_non_null(cell);
    size_t n = 0;
    while (cell[n] >= 'A' && cell[n] <= 'Z' && n + 1 < size) {
        column[n] = cell[n];
        n++;
    }
    column[n] = '\0';
}

static void test_index_rates_stand_over_their_years_funding(void **state)
{
    char *assumptions = written_sheet(*state, "Assumptions");
    char rates[8], funding[8];
    column_of(assumptions, "2010/11", rates, sizeof rates);       /* over the rates, no £ */
    column_of(assumptions, "2010/11 £", funding, sizeof funding); /* over the funding */
    assert_string_equal(rates, funding);
    assert_string_equal(rates, "D"); /* after the base year's C */
    free(assumptions);
}

static void test_findings_are_listed_in_the_audit(void **state)
{
    mtfp_run *run = *state;
    assert_int_equal(mtfp_diag_warn(&run->findings, "revenue.csv", 3, 0, "lines add up to %s",
                                    "1,000.00, not 1,000.01"),
                     MTFP_OK);
    char *audit = written_sheet(run, "Audit");
    assert_non_null(strstr(audit, "<t>revenue.csv:3: lines add up to 1,000.00, not 1,000.01</t>"));
    free(audit);
}

static void test_audit_gives_a_saving_its_id_and_title(void **state)
{
    char *audit = written_sheet(*state, "Audit");
    const char *id = strstr(audit, "<t>S1</t>");
    assert_non_null(id);
    /* The next cell is the title. */
    const char *next = strstr(id + 1, "<t>");
    const char title[] = "<t>Out-of-borough placements review</t>";
    assert_non_null(next);
    assert_memory_equal(next, title, sizeof title - 1);
    free(audit);
}

/* The width the sheet's XML gives column col (1 for A), less libxlsxwriter's
 * padding; -1 if it gives none. */
static int column_width(const char *xml, int col)
{
    char tag[64];
    snprintf(tag, sizeof tag, "<col min=\"%d\" max=\"%d\" width=\"", col, col);
    const char *at = strstr(xml, tag);
    return at ? (int)strtod(at + strlen(tag), NULL) : -1;
}

static void test_text_columns_fit_their_longest_text(void **state)
{
    char *revenue = written_sheet(*state, "Revenue");
    /* Service (B): "Placements" and the like, narrower than its floor of 32. */
    assert_int_equal(column_width(revenue, 2), 32);
    free(revenue);
}

/* The Audit's text columns have fixed widths and wrap, each row as tall as
 * its most lines, so that the sheet prints legibly one page wide: columns
 * as wide as their longest text printed it at 36%. */
static void test_audit_wraps_its_text_to_print_legibly(void **state)
{
    char *audit = written_sheet(*state, "Audit");
    /* Title (D) 22 characters, though "Out-of-borough placements review" has 32. */
    assert_int_equal(column_width(audit, 4), 22);
    /* Kind (B) as wide as "staffing.delete_vacant", which a column of 10
     * broke mid-word. */
    assert_int_equal(column_width(audit, 2), 22);
    /* The text columns, 16 + 22 + 14 + 22 + 9 + 16 + 14 + 11 + 26 + 19 = 169
     * characters: 169 x 7 + 10 x 5 = 1,233 pixels; four years of 15, 4 x 110
     * = 440; 889.3 / 1,673 = 53.2%. */
    assert_non_null(strstr(audit, "<pageSetup paperSize=\"9\" scale=\"53\""));
    free(audit);
    assert_int_equal(mtfp_book_wrapped_lines("", 10), 1);
    assert_int_equal(mtfp_book_wrapped_lines("three placements from October", 30), 1);
    /* "Pressures and" (13), then "savings". */
    assert_int_equal(mtfp_book_wrapped_lines("Pressures and savings", 18), 2);
    /* One word of 56 characters: 19, 19 and 18. */
    assert_int_equal(
        mtfp_book_wrapped_lines("tests/fixtures/small/scripts/pressures-and-savings.lua:3", 19), 3);
    /* "a", then "bb" broken in two. */
    assert_int_equal(mtfp_book_wrapped_lines("a bb", 1), 3);
}

static void test_savings_totals_leave_out_non_cashable_savings(void **state)
{
    char *savings = written_sheet(*state, "Savings");
    /* 2010/11: S1 and S2 (rows 5 to 8), not S3 (rows 9 and 10). */
    assert_int_equal(cached_pence(savings, "SUMIF($E$5:$E$8,\"planned\",G5:G8)"), -13000000);
    assert_int_equal(cached_pence(savings, "SUMIF($E$5:$E$8,\"risk-adjusted\",G5:G8)"), -11500000);
    free(savings);
}

static void test_placement_totals_sum_every_type(void **state)
{
    char *placements = written_sheet(*state, "Placements");
    /* 2010/11 with three more external placements: 1,776,986.90 + 856,960.00
     * (the second block's two types, ten rows each, from row 29). */
    assert_int_equal(cached_pence(placements, "SUMIF($A$29:$A$48,\"Cost\",C29:C48)"), 263394690);
    free(placements);
}

static void rename_scenario(mtfp_run *run, size_t s, const char *name)
{
    free(run->scenarios[s].name);
    run->scenarios[s].name = strdup(name);
    assert_non_null(run->scenarios[s].name);
}

static void test_a_scenario_named_like_a_formula_is_a_name_in_the_charts(void **state)
{
    mtfp_run *run = *state;
    rename_scenario(run, 1, "=2 more placements");
    char path[128];
    write_pack(run, "pack.xlsx", path, sizeof path);
    char *chart = part(path, "xl/charts/chart1.xml"); /* the gap by scenario */
    /* Not a reference to a range called "2 more placements". */
    assert_non_null(strstr(chart, "<c:tx><c:v> =2 more placements</c:v></c:tx>"));
    assert_null(strstr(chart, "<c:strRef>"));
    free(chart);
    chart = part(path, "xl/charts/chart2.xml"); /* the bridge, named under its steps */
    assert_non_null(strstr(chart, "<a:t> =2 more placements</a:t>"));
    assert_null(strstr(chart, "<c:strRef>"));
    /* Its axis starts above zero, and says so: the bars are not the budget's size. */
    assert_non_null(strstr(chart, "<c:min val="));
    assert_non_null(strstr(chart, "(not from zero)</a:t>"));
    free(chart);
}

/* What a script says a scenario and a param are (scenario { description },
 * param's description) is in the pack: the first under the scenario's name
 * on the Cover, the second in the Assumptions' parameters. */
static void test_descriptions_are_shown(void **state)
{
    mtfp_run *run = *state;
    mtfp_scenario *scenario = &run->scenarios[1];
    scenario->description = strdup("Three children placed out of area from October");
    assert_non_null(scenario->description);
    mtfp_param param = {.name = "extra_children",
                        .value = 3,
                        .fallback = 3,
                        .description = "children placed out of area"};
    assert_int_equal(mtfp_scenario_add_param(scenario, &param), MTFP_OK);
    char *cover = written_sheet(run, "Cover");
    assert_non_null(strstr(cover, "<t>Three children placed out of area from October</t>"));
    free(cover);
    char path[128];
    write_pack(run, "again.xlsx", path, sizeof path);
    char *assumptions = sheet(path, "Assumptions");
    assert_non_null(strstr(assumptions, "<t>Description</t>"));
    assert_non_null(strstr(assumptions, "<t>children placed out of area</t>"));
    free(assumptions);
}

/* Findings head the Cover, where a reader starts: they were only at the foot
 * of the Audit sheet. Past ten, the Cover says how many more the Audit has. */
static void test_findings_head_the_cover(void **state)
{
    mtfp_run *run = *state;
    char *cover = written_sheet(run, "Cover");
    assert_null(strstr(cover, "Findings to read before the figures"));
    free(cover);
    for (int i = 0; i < 12; i++)
        assert_int_equal(mtfp_diag_warn(&run->findings, "grants.lua", 10 + i, 0,
                                        "the grant ends under its posts (%d)", i),
                         MTFP_OK);
    char path[128];
    write_pack(run, "findings.xlsx", path, sizeof path);
    cover = sheet(path, "Cover");
    assert_non_null(strstr(cover, "<t>Findings to read before the figures</t>"));
    assert_non_null(strstr(cover, "grants.lua:10: the grant ends under its posts (0)"));
    assert_non_null(strstr(cover, "grants.lua:19: the grant ends under its posts (9)"));
    assert_null(strstr(cover, "the grant ends under its posts (10)"));
    assert_non_null(strstr(cover, "<t>and 2 more: the Audit sheet lists them all</t>"));
    free(cover);
}

static void test_the_footer_names_a_long_model_whole_characters(void **state)
{
    mtfp_run *run = *state;
    char name[400] = "Children & families ";
    for (int i = 0; i < 150; i++)
        strcat(name, "\u00e9"); /* two bytes each */
    free(run->model.name);
    run->model.name = strdup(name);
    assert_non_null(run->model.name);
    char *cover = written_sheet(run, "Cover");
    const char *footer = strstr(cover, "<oddFooter>");
    assert_non_null(footer);
    /* '&' doubled (a literal ampersand in a footer), XML-escaped. */
    assert_non_null(strstr(footer, "<oddFooter>&amp;LChildren &amp;&amp; families \u00e9"));
    /* Cut after a whole character, with an ellipsis, before the sheet's name. */
    assert_non_null(strstr(footer, "\u00e9\u2026&amp;C&amp;A&amp;RPage"));
    free(cover);
}

static void test_gap_names_are_unique_regardless_of_case(void **state)
{
    mtfp_run *run = *state;
    rename_scenario(run, 1, "Pay award");
    rename_scenario(run, 2, "PAY-AWARD"); /* Excel takes Gap_PAY_AWARD for Gap_Pay_award */
    char path[128];
    write_pack(run, "pack.xlsx", path, sizeof path);
    char *workbook = part(path, "xl/workbook.xml");
    assert_non_null(strstr(workbook, "<definedName name=\"Gap_Base\">"));
    assert_non_null(strstr(workbook, "<definedName name=\"Gap_Pay_award\">"));
    assert_non_null(strstr(workbook, "<definedName name=\"Gap_PAY_AWARD_3\">"));
    free(workbook);
}

static void test_same_inputs_give_the_same_bytes(void **state)
{
    char first[128], second[128], command[300];
    write_pack(*state, "first.xlsx", first, sizeof first);
    sleep(1); /* a wall-clock time in the file would now differ */
    write_pack(*state, "second.xlsx", second, sizeof second);
    snprintf(command, sizeof command, "cmp -s %s %s", first, second);
    assert_int_equal(system(command), 0);
}

static void test_unwritable_path_is_an_output_error(void **state)
{
    mtfp_run *run = *state;
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    assert_int_equal(mtfp_book_write(run, "/nonexistent-dir/pack.xlsx", NULL, NULL, &diag),
                     MTFP_ERR_OUTPUT);
    assert_string_equal(diag.file, "/nonexistent-dir/pack.xlsx");
}

/* The last row a sheet uses, from its dimension ("A1:N68" is 68). */
static long last_row(const char *pack, const char *name)
{
    char *xml = sheet(pack, name);
    const char *at = strstr(xml, "<dimension ref=\"");
    assert_non_null(at);
    at = strchr(at, ':');
    assert_non_null(at);
    while (*at && (*at < '0' || *at > '9'))
        at++;
    long row = strtol(at, NULL, 10);
    free(xml);
    return row;
}

/* Each sheet prints one page wide at a scale worked out from its columns,
 * not "fit to one page wide", under which Excel ignores page breaks; a sheet
 * with a block per scenario starts each on a new page. */
static void test_sheets_print_one_page_wide_a_scenario_a_page(void **state)
{
    char path[128];
    write_pack(*state, "pack.xlsx", path, sizeof path);
    const char *sheets[] = {"Cover", "Summary", "Revenue", "Savings", "Assumptions", "Audit"};
    for (size_t i = 0; i < sizeof sheets / sizeof *sheets; i++) {
        char *xml = sheet(path, sheets[i]);
        assert_null(strstr(xml, "fitToPage"));
        assert_non_null(strstr(xml, "<pageSetup paperSize=\"9\" "));
        free(xml);
    }
    char *summary = sheet(path, "Summary");
    /* A4 landscape, 297 mm = 11.693 in, less margins of 0.7 in each side:
     * 10.293 in at 96 pixels = 988.1 pixels, of which 90% = 889.3. Column A
     * is 44 characters, 44 x 7 + 5 = 313 pixels, B to E four of 16, 4 x 117 =
     * 468, and the charts under the plans are as wide: 889.3 / 781 = 113.9%,
     * so 100% (the default, which the sheet does not write). The bridge
     * chart's series are in hidden columns, F to I, an outline group opened
     * from J: beside the bridge's table they took the sheet to G (87%). */
    assert_non_null(strstr(summary, "<pageSetup paperSize=\"9\" orientation=\"landscape\"/>"));
    assert_non_null(strstr(summary, "<col min=\"6\" max=\"9\" width=\"16.7109375\" hidden=\"1\" "
                                    "customWidth=\"1\" outlineLevel=\"1\"/>"));
    /* Base's block is rows 3 to 16 (its heading, its years, ten lines, the
     * check and a blank row): the scenario's starts a page at 17; the gap
     * chart at 31, after the two blocks; the bridge's table at 31 + 20 (the
     * chart's 19 rows of 20 pixels and a blank). */
    assert_non_null(strstr(summary, "<rowBreaks count=\"3\" manualBreakCount=\"3\">"
                                    "<brk id=\"17\" max=\"16383\" man=\"1\"/>"
                                    "<brk id=\"31\" max=\"16383\" man=\"1\"/>"
                                    "<brk id=\"51\" max=\"16383\" man=\"1\"/></rowBreaks>"));
    /* Each block has its years (years alone, the gap chart's categories):
     * the title rows, which print on every page, have none, as they stood
     * over the charts' pages (2009/10 over the bridge's "Amount £"). */
    assert_non_null(strstr(summary, "<row r=\"5\"><c r=\"B5\" s=\""));
    assert_non_null(strstr(summary, "<row r=\"19\"><c r=\"B19\" s=\""));
    assert_null(strstr(summary, "<c r=\"B2\""));
    free(summary);
    /* The print area is the sheet's columns, A to E, up to the hidden ones:
     * text running on past them is not another page across. */
    char *workbook = part(path, "xl/workbook.xml");
    assert_non_null(strstr(workbook, "localSheetId=\"1\">Summary!$A:$E</definedName>"));
    free(workbook);
    /* A sheet narrower than the page prints at 100%; a very wide one no
     * smaller than Excel's 10%. */
    assert_int_equal(mtfp_book_print_scale(500), 100);
    assert_int_equal(mtfp_book_print_scale(2000), 44); /* 889.3 / 2000 = 44.5% */
    assert_int_equal(mtfp_book_print_scale(100000), 10);
    /* A4 landscape, 210 mm = 8.268 in, less margins of 0.75 in top and
     * bottom: 6.768 in at 96 pixels = 649.7 pixels at 100%, of which 90% is
     * 584.7, less 45 for the title rows: 26 rows of 20 pixels; at 64%,
     * 649.7 / 0.64 x 0.9 = 913.6, less 45: 43 rows. */
    assert_int_equal(mtfp_book_page_rows(100), 26);
    assert_int_equal(mtfp_book_page_rows(64), 43);
}

/* libxlsxwriter drops cells beyond a worksheet's last row without a word:
 * the writer must refuse instead, naming the sheet. */
static void test_a_sheet_longer_than_a_worksheet_is_an_error(void **state)
{
    mtfp_run *run = *state;
    char path[128];
    write_pack(run, "pack.xlsx", path, sizeof path);
    /* The Summary is this fixture's longest sheet: under its plans, the gap
     * chart, the bridge's table (its last step on row 73) and the bridge
     * chart (below); Placements' three blocks end on row 74. */
    long summary = last_row(path, "Summary");
    assert_int_equal(summary, 73);
    assert_int_equal(last_row(path, "Placements"), 74);
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    snprintf(path, sizeof path, "%s/short.xlsx", dir);
    /* The chart under the last row counts as used: a blank row, then 374
     * pixels over rows of 20 pixels, 19 rows, and one to spare:
     * 73 + 1 + 20 = 94 rows. */
    assert_int_equal(mtfp_book_write_rows(run, path, 93, NULL, NULL, &diag), MTFP_ERR_OUTPUT);
    assert_non_null(strstr(diag.message, "the pack's Summary sheet needs more than the 93 rows"));
    mtfp_diag_free(&diag);
    mtfp_diag_init(&diag);
    assert_int_equal(mtfp_book_write_rows(run, path, 94, NULL, NULL, &diag), MTFP_OK);
    mtfp_diag_free(&diag);
}

/* Text longer than a cell holds (32,767 characters) would leave the cell
 * empty: it is clipped at a character's start and ends with an ellipsis. */
static void test_text_too_long_for_a_cell_is_clipped(void **state)
{
    mtfp_run *run = *state;
    size_t pairs = 20000; /* "a" and 20,000 "é": 40,001 bytes */
    char *name = malloc(1 + 2 * pairs + 1);
    assert_non_null(name);
    name[0] = 'a';
    for (size_t i = 0; i < pairs; i++)
        memcpy(name + 1 + 2 * i, "\xc3\xa9", 2);
    name[1 + 2 * pairs] = '\0';
    free(run->model.services.names[0]);
    run->model.services.names[0] = name;
    char *revenue = written_sheet(run, "Revenue");
    /* 32,767 bytes less the ellipsis's 3 fall inside an "é": cut before it. */
    size_t keep = 32763;
    char *expected = malloc(keep + 32);
    assert_non_null(expected);
    snprintf(expected, keep + 32, "<t>%.*s\xe2\x80\xa6</t>", (int)keep, name);
    assert_non_null(strstr(revenue, expected));
    free(expected);
    free(revenue);
}

/* The pack's XML must be UTF-8 whatever the text: a byte that is not (a
 * script's "\\xff") becomes U+FFFD, and a long name cut short inside a
 * character by a label ("Total ...") does not leave half of it. */
static void test_text_that_is_not_utf8_is_repaired(void **state)
{
    mtfp_run *run = *state;
    free(run->model.services.names[0]);
    run->model.services.names[0] = strdup("Fostering\xffTeam");
    size_t pairs = 300; /* "é" 300 times: "Total é..." is cut inside one */
    char *long_name = malloc(2 * pairs + 1);
    assert_non_null(long_name);
    for (size_t i = 0; i < pairs; i++)
        memcpy(long_name + 2 * i, "\xc3\xa9", 2);
    long_name[2 * pairs] = '\0';
    assert_true(run->model.services.count > 1);
    free(run->model.services.names[1]);
    run->model.services.names[1] = long_name;
    char path[128], command[512];
    write_pack(run, "pack.xlsx", path, sizeof path);
    char *revenue = sheet(path, "Revenue");
    assert_non_null(strstr(revenue, "<t>Fostering\xef\xbf\xbdTeam</t>"));
    free(revenue);
    /* iconv, not mtfp's own check, says every part is UTF-8. */
    snprintf(command, sizeof command,
             "for f in $(unzip -Z1 %s); do unzip -p %s \"$f\" | iconv -f UTF-8 -t UTF-8 "
             ">/dev/null || exit 1; done",
             path, path);
    assert_int_equal(system(command), 0);
}

/* Each step the progress is told, as "Sheet done/total", one after another. */
static void record_step(void *context, const char *step, size_t done, size_t total)
{
    char *steps = context;
    size_t len = strlen(steps);
    snprintf(steps + len, 1024 - len, "%s%s %zu/%zu", len ? ", " : "", step ? step : "end", done,
             total);
}

/* The Revenue sheet's rows for a scenario are what mtfp_book_revenue_block_rows
 * says, so a pack too long for it fails before the first scenario is
 * written (no scenario has fewer rows than Base). */
static void test_a_revenue_sheet_too_long_fails_before_it_is_written(void **state)
{
    mtfp_run *run = *state;
    mtfp_revenue_table table;
    assert_int_equal(mtfp_revenue_table_build(&run->plans[0], &table, &run->findings), MTFP_OK);
    lxw_row_t each = mtfp_book_revenue_block_rows(&run->model, &table);
    mtfp_revenue_table_free(&table);
    char path[128], steps[1024] = "";
    write_pack(run, "pack.xlsx", path, sizeof path);
    /* Rows 1 to 3 are the title, the headings and a blank; each block ends
     * with a blank row after its net budget requirement, the last filled row. */
    assert_int_equal(last_row(path, "Revenue"), 3 + (long)run->count * each - 1);
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    /* One row short (the Cover, written first, is shorter). */
    lxw_row_t needed = 3 + (lxw_row_t)run->count * each;
    assert_true(last_row(path, "Cover") < (long)needed - 1);
    snprintf(path, sizeof path, "%s/short.xlsx", dir);
    assert_int_equal(mtfp_book_write_rows(run, path, needed - 1, record_step, steps, &diag),
                     MTFP_ERR_OUTPUT);
    assert_non_null(strstr(diag.message, "the pack's Revenue sheet needs more than"));
    assert_null(strstr(steps, "Revenue 1/")); /* no block was written */
    mtfp_diag_free(&diag);
}

/* A long pack tells its progress sheet by sheet, and the long sheets
 * scenario by scenario (Base and two here), then compresses, then ends. */
static void test_progress_is_told_sheet_by_sheet(void **state)
{
    mtfp_run *run = *state;
    char path[128], steps[1024] = "";
    snprintf(path, sizeof path, "%s/pack.xlsx", dir);
    assert_int_equal(mtfp_book_write(run, path, record_step, steps, &run->findings), MTFP_OK);
    assert_string_equal(steps, "Cover 0/3, Revenue 0/3, Revenue 1/3, Revenue 2/3, Revenue 3/3, "
                               "Summary 0/3, Compare 0/3, Placements 0/3, Placements 1/3, "
                               "Placements 2/3, Placements 3/3, Assumptions 0/3, Audit 0/3, "
                               "Audit 1/3, Audit 2/3, Audit 3/3, compressing 0/0, end 0/0");
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
#define TEST_ON(name, fixture)                                                                     \
    cmocka_unit_test_prestate_setup_teardown(name, setup, teardown, fixture)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_label_cut_to_fit_ends_with_an_ellipsis),
        TEST(test_pack_has_its_sheets_in_order),
        TEST(test_sheets_print_one_page_wide_a_scenario_a_page),
        TEST(test_audit_wraps_its_text_to_print_legibly),
        TEST(test_summary_formulas_carry_the_engine_values),
        TEST(test_revenue_subtotals_are_subtotal_formulas),
        TEST(test_index_rates_stand_over_their_years_funding),
        TEST(test_findings_are_listed_in_the_audit),
        TEST_ON(test_audit_gives_a_saving_its_id_and_title, "savings"),
        TEST_ON(test_savings_totals_leave_out_non_cashable_savings, "savings"),
        TEST_ON(test_text_columns_fit_their_longest_text, "savings"),
        TEST_ON(test_placement_totals_sum_every_type, "placements"),
        TEST_ON(test_a_sheet_longer_than_a_worksheet_is_an_error, "placements"),
        TEST_ON(test_progress_is_told_sheet_by_sheet, "placements"),
        TEST_ON(test_a_revenue_sheet_too_long_fails_before_it_is_written, "../../models/example"),
        TEST(test_a_scenario_named_like_a_formula_is_a_name_in_the_charts),
        TEST(test_descriptions_are_shown),
        TEST(test_findings_head_the_cover),
        TEST(test_the_footer_names_a_long_model_whole_characters),
        TEST_ON(test_gap_names_are_unique_regardless_of_case, "placements"),
        TEST(test_same_inputs_give_the_same_bytes),
        TEST(test_text_too_long_for_a_cell_is_clipped),
        TEST(test_text_that_is_not_utf8_is_repaired),
        TEST(test_unwritable_path_is_an_output_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
