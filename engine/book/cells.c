/* Writing cells: every cell and chart of the pack goes through these, and
 * the first one libxlsxwriter refuses is kept in the book, which then fails
 * the run rather than give a pack with a hole in it (in constant-memory
 * mode a cell in a row above the last one written is dropped, and only the
 * write's return value says so). */
#include "cells.h"

#include <stdio.h>
#include <string.h>

#include "mtfp/utf8.h"
#include "text.h"

mtfp_status mtfp_book_wrote(mtfp_book *b, lxw_error error, const lxw_worksheet *ws, lxw_row_t row,
                            lxw_col_t col)
{
    if (error == LXW_NO_ERROR)
        return MTFP_OK;
    if (b->refused == LXW_NO_ERROR) {
        char cell[16];
        mtfp_book_cell(row, col, false, cell, sizeof cell);
        b->refused = error;
        snprintf(b->refused_at, sizeof b->refused_at, "%s!%s", ws->name, cell);
    }
    return MTFP_ERR_OUTPUT;
}

mtfp_status mtfp_book_text(mtfp_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                           const char *text, lxw_format *format)
{
    char fitted[BOOK_TEXT_MAX + 1];
    const char *fit = mtfp_book_fit(text, fitted, sizeof fitted);
    return mtfp_book_wrote(b, worksheet_write_string(ws, row, col, fit, format), ws, row, col);
}

mtfp_status mtfp_book_number(mtfp_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                             double value, lxw_format *format)
{
    return mtfp_book_wrote(b, worksheet_write_number(ws, row, col, value, format), ws, row, col);
}

mtfp_status mtfp_book_formula_number(mtfp_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                     const char *formula, double value, lxw_format *format)
{
    return mtfp_book_wrote(b, worksheet_write_formula_num(ws, row, col, formula, format, value), ws,
                           row, col);
}

mtfp_status mtfp_book_chart(mtfp_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                            lxw_chart *chart, lxw_chart_options *place)
{
    return mtfp_book_wrote(b, worksheet_insert_chart_opt(ws, row, col, chart, place), ws, row, col);
}

mtfp_status mtfp_book_money(mtfp_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                            mtfp_pence amount, lxw_format *format)
{
    return mtfp_book_number(b, ws, row, col, mtfp_money_to_pounds(amount), format);
}

mtfp_status mtfp_book_formula(mtfp_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                              const char *formula, mtfp_pence value, lxw_format *format)
{
    return mtfp_book_formula_number(b, ws, row, col, formula, mtfp_money_to_pounds(value), format);
}

mtfp_status mtfp_book_text_measured(mtfp_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                    const char *text, lxw_format *format, size_t *longest)
{
    size_t chars = mtfp_utf8_chars(text);
    *longest = chars > *longest ? chars : *longest;
    return mtfp_book_text(b, ws, row, col, text, format);
}

void mtfp_book_fit_column(lxw_worksheet *ws, lxw_col_t col, size_t chars, double floor, double cap)
{
    double width = (double)chars + 2; /* and a little room */
    worksheet_set_column(ws, col, col, width < floor ? floor : width > cap ? cap : width, NULL);
}

mtfp_status mtfp_book_row_lines(mtfp_book *b, lxw_worksheet *ws, lxw_row_t row, size_t lines)
{
    if (lines <= 1)
        return MTFP_OK;
    return mtfp_book_wrote(b, worksheet_set_row(ws, row, 12.75 * (double)lines, NULL), ws, row, 0);
}

void mtfp_book_title(mtfp_book *b, lxw_worksheet *ws, const char *title, const char *note)
{
    mtfp_book_text(b, ws, 0, 0, title, b->formats.title);
    mtfp_book_text(b, ws, 1, 0, note, b->formats.note);
}

static void year_headings(mtfp_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                          int first_year, const char *unit)
{
    for (int y = first_year; y <= b->run->model.years; y++) {
        char label[MTFP_YEAR_LABEL_MAX + 8];
        mtfp_model_year_label(&b->run->model, y, label);
        strcat(label, unit);
        mtfp_book_text(b, ws, row, (lxw_col_t)(col + y - first_year), label, b->formats.year);
    }
}

void mtfp_book_year_headings(mtfp_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                             int first_year)
{
    year_headings(b, ws, row, col, first_year, " £");
}

void mtfp_book_year_labels(mtfp_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                           int first_year)
{
    year_headings(b, ws, row, col, first_year, "");
}

void mtfp_book_cell(lxw_row_t row, lxw_col_t col, bool absolute, char *buf, size_t size)
{
    char letters[8];
    size_t n = 0;
    for (unsigned c = col + 1u; c > 0; c = (c - 1) / 26)
        letters[n++] = (char)('A' + (c - 1) % 26);
    char column[8];
    for (size_t i = 0; i < n; i++)
        column[i] = letters[n - 1 - i];
    column[n] = '\0';
    snprintf(buf, size, "%s%s%s%u", absolute ? "$" : "", column, absolute ? "$" : "",
             (unsigned)row + 1);
}

void mtfp_book_sumif(lxw_col_t label_col, const char *label, lxw_row_t from, lxw_row_t to,
                     lxw_col_t col, char *buf, size_t size)
{
    char first[16], last[16], top[16], bottom[16];
    mtfp_book_cell(from, label_col, true, first, sizeof first);
    mtfp_book_cell(to, label_col, true, last, sizeof last);
    mtfp_book_cell(from, col, false, top, sizeof top);
    mtfp_book_cell(to, col, false, bottom, sizeof bottom);
    snprintf(buf, size, "=SUMIF(%s:%s,\"%s\",%s:%s)", first, last, label, top, bottom);
}
