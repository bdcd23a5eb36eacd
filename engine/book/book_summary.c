/* Summary: each scenario's medium-term financial plan. The figures the engine
 * derives from others are live formulas with the engine's values cached:
 * base budget (last year's NBR), NBR (the sum of the changes, or in the base
 * year the Revenue sheet's total), gap, incremental and cumulative gap. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"

static const lxw_col_t first_year = BOOK_SUMMARY_FIRST_YEAR_COL;

/* The rows of a scenario's block: its heading, its years, then one per
 * summary line, then the check against the Revenue sheet, then a blank row.
 * Each block has its years, not the sheet's repeated title rows: those
 * print on the charts' pages too, where years stood over the gap chart
 * (whose groups are the projection years alone) and the bridge's table. */
enum {
    BLOCK_YEARS = 1,
    BLOCK_LINES = 2,
    BLOCK_CHECK = BLOCK_LINES + MTFP_SUMMARY_LINES,
    BLOCK_ROWS = BLOCK_CHECK + 2
};
enum { FIRST_BLOCK = 3 };

static lxw_row_t block_row(size_t scenario)
{
    return FIRST_BLOCK + (lxw_row_t)(scenario * BLOCK_ROWS);
}

static lxw_row_t line_row(lxw_row_t block, mtfp_summary_line line)
{
    return block + BLOCK_LINES + (lxw_row_t)line;
}

lxw_row_t book_summary_row(size_t scenario, mtfp_summary_line line)
{
    return line_row(block_row(scenario), line);
}

lxw_row_t book_summary_years_row(size_t scenario)
{
    return block_row(scenario) + BLOCK_YEARS;
}

static void cell(lxw_row_t block, mtfp_summary_line line, int year, char *buf, size_t size)
{
    book_cell(line_row(block, line), (lxw_col_t)(first_year + year), false, buf, size);
}

static void revenue_total(const book *b, size_t scenario, int year, char *buf, size_t size)
{
    char ref[16];
    book_cell(b->totals.row[scenario], (lxw_col_t)(BOOK_REVENUE_FIRST_YEAR_COL + year), true, ref,
              sizeof ref);
    snprintf(buf, size, "Revenue!%s", ref);
}

/* The formula of a derived line in a year, or false if the line is a value. */
static bool formula_of(const book *b, size_t scenario, lxw_row_t block, mtfp_summary_line line,
                       int y, char *buf, size_t size)
{
    char a[32], c[32];
    switch (line) {
    case MTFP_SUM_BASE_BUDGET:
        cell(block, MTFP_SUM_NBR, y - 1, a, sizeof a);
        snprintf(buf, size, "=%s", a);
        return true;
    case MTFP_SUM_NBR:
        if (y == 0) {
            revenue_total(b, scenario, 0, a, sizeof a);
            snprintf(buf, size, "=%s", a);
        } else {
            cell(block, MTFP_SUM_BASE_BUDGET, y, a, sizeof a);
            cell(block, MTFP_SUM_OTHER_CHANGES, y, c, sizeof c);
            snprintf(buf, size, "=SUM(%s:%s)", a, c);
        }
        return true;
    case MTFP_SUM_GAP:
        cell(block, MTFP_SUM_NBR, y, a, sizeof a);
        cell(block, MTFP_SUM_FUNDING, y, c, sizeof c);
        snprintf(buf, size, "=%s-%s", a, c);
        return true;
    case MTFP_SUM_INCREMENTAL_GAP:
        cell(block, MTFP_SUM_GAP, y, a, sizeof a);
        cell(block, MTFP_SUM_GAP, y - 1, c, sizeof c);
        snprintf(buf, size, "=%s-%s", a, c);
        return true;
    case MTFP_SUM_CUMULATIVE_GAP:
        cell(block, MTFP_SUM_GAP, y, a, sizeof a);
        if (y == 1) {
            snprintf(buf, size, "=%s", a);
        } else {
            cell(block, MTFP_SUM_CUMULATIVE_GAP, y - 1, c, sizeof c);
            snprintf(buf, size, "=%s+%s", c, a);
        }
        return true;
    default:
        return false;
    }
}

static bool is_total(mtfp_summary_line line)
{
    return line == MTFP_SUM_NBR || line == MTFP_SUM_GAP;
}

static void write_line(book *b, size_t scenario, lxw_row_t block, mtfp_summary_line line)
{
    lxw_worksheet *ws = b->summary;
    const mtfp_plan *plan = &b->run->plans[scenario];
    lxw_row_t row = line_row(block, line);
    book_text(ws, row, 0, mtfp_summary_title(line),
              is_total(line) ? b->formats.bold : b->formats.text);
    lxw_format *money = is_total(line) ? b->formats.money_total : b->formats.money;
    for (int y = 0; y <= plan->years; y++) {
        if (y == 0 && !mtfp_summary_in_base_year(line))
            continue;
        char formula[128];
        lxw_col_t col = (lxw_col_t)(first_year + y);
        if (formula_of(b, scenario, block, line, y, formula, sizeof formula))
            book_formula(ws, row, col, formula, plan->summary[line][y], money);
        else
            book_money(ws, row, col, plan->summary[line][y],
                       line == MTFP_SUM_FUNDING ? b->formats.money_input : money);
    }
}

/* NBR less the Revenue sheet's total: 0 when the two sheets agree. */
static void write_check(book *b, size_t scenario, lxw_row_t block)
{
    lxw_worksheet *ws = b->summary;
    lxw_row_t row = block + BLOCK_CHECK;
    book_text(ws, row, 0, "Check: NBR less Revenue total (should be 0)", b->formats.note);
    for (int y = 0; y <= b->run->model.years; y++) {
        char nbr[16], total[48], formula[80];
        cell(block, MTFP_SUM_NBR, y, nbr, sizeof nbr);
        revenue_total(b, scenario, y, total, sizeof total);
        snprintf(formula, sizeof formula, "=%s-%s", nbr, total);
        book_formula(ws, row, (lxw_col_t)(first_year + y), formula, 0, b->formats.money);
    }
}

/* "Gap_" and a scenario's name with anything but letters and digits as "_". */
static void gap_name(const book *b, size_t scenario, char *name, size_t size)
{
    size_t n = (size_t)snprintf(name, size, "Gap_");
    for (const char *c = b->run->scenarios[scenario].name; *c && n + 1 < size; c++) {
        bool word =
            (*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9');
        if (word)
            name[n++] = *c;
        else if (name[n - 1] != '_')
            name[n++] = '_';
    }
    while (n > 4 && name[n - 1] == '_')
        n--;
    name[n] = '\0';
}

enum { GAP_NAME_MAX = 48 };

/* Excel compares defined names without regard to case; gap names are ASCII. */
static bool name_taken(const char (*names)[GAP_NAME_MAX], size_t count, const char *name)
{
    for (size_t i = 0; i < count; i++) {
        const char *a = names[i], *z = name;
        while (*a && (*a | 0x20) == (*z | 0x20))
            a++, z++;
        if (!*a && !*z)
            return true;
    }
    return false;
}

/* Gap_Base, Gap_Placement_pressure, ...: the projection years' gaps, each
 * unique in the workbook (names[0, scenario) are the earlier ones): a name an
 * earlier scenario took ("Pay award" and "Pay-award", or "Pay Award") gets
 * the scenario's number, and a count if that is taken too. */
static void define_gap_name(book *b, size_t scenario, lxw_row_t block, char (*names)[GAP_NAME_MAX])
{
    char *name = names[scenario];
    gap_name(b, scenario, name, 40);
    size_t stem = strlen(name);
    for (unsigned k = 0; name_taken((const char(*)[GAP_NAME_MAX])names, scenario, name); k++)
        snprintf(name + stem, GAP_NAME_MAX - stem, k ? "_%u_%u" : "_%u",
                 (unsigned)(scenario + 1) % 10000u, k);
    char first[16], last[16], range[64];
    lxw_row_t row = line_row(block, MTFP_SUM_GAP);
    book_cell(row, first_year + 1, true, first, sizeof first);
    book_cell(row, (lxw_col_t)(first_year + b->run->model.years), true, last, sizeof last);
    snprintf(range, sizeof range, "=Summary!%s:%s", first, last);
    book_wrote(workbook_define_name(b->workbook, name, range), b->summary, row, first_year + 1);
}

mtfp_status book_write_summary(book *b)
{
    lxw_worksheet *ws = b->summary;
    worksheet_set_column(ws, 0, 0, 44, NULL);
    worksheet_set_column(ws, first_year, book_summary_last_col(b), 16, NULL);
    book_summary_hide_series(b);
    book_text(ws, 0, 0, "Medium-term financial plan", b->formats.title);
    book_text(ws, 1, 0, "£; a positive gap is a shortfall", b->formats.note);
    worksheet_freeze_panes(ws, 2, first_year);
    char(*names)[GAP_NAME_MAX] = calloc(b->run->count, sizeof *names);
    if (!names)
        return MTFP_ERR_MEMORY;
    for (size_t s = 0; s < b->run->count; s++) {
        lxw_row_t block = block_row(s);
        char heading[300];
        book_scenario_heading(b, s, heading, sizeof heading);
        book_scenario_block(b, ws, block, heading);
        /* Years alone, as the gap chart's categories: "£" is in A2. */
        book_year_labels(b, ws, block + BLOCK_YEARS, first_year, 0);
        for (int line = 0; line < MTFP_SUMMARY_LINES; line++)
            write_line(b, s, block, (mtfp_summary_line)line);
        write_check(b, s, block);
        define_gap_name(b, s, block, names);
    }
    free(names);
    return book_rows_fit(b, ws, book_summary_charts(b, block_row(b->run->count)));
}
