/* Printing: every sheet on A4 landscape, one page wide at a scale worked out
 * from its columns and charts, headings repeated, a footer naming the model,
 * the sheet and the page, and page breaks where blocks begin. */
#include "print.h"

#include <math.h>
#include <stdio.h>

#include "cells.h"
#include "text.h"

/* A4 landscape is 297 mm wide and 210 mm high; less libxlsxwriter's margins
 * of 0.7 inch at each side and 0.75 inch at top and bottom, at Excel's 96
 * pixels an inch. */
#define PRINTABLE_PIXELS ((297 / 25.4 - 2 * 0.7) * 96)
#define PRINTABLE_HEIGHT ((210 / 25.4 - 2 * 0.75) * 96)

/* Page set-up every sheet shares: A4 landscape, headings repeated, a footer
 * naming the model, the sheet and the page. Its scale and page breaks wait
 * until the sheet is written (print_setup). */
lxw_worksheet *mtfp_book_add_sheet(mtfp_book *b, const char *name)
{
    lxw_worksheet *ws = workbook_add_worksheet(b->workbook, name);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_repeat_rows(ws, 0, 1);
    /* The model's name, cut at a character if long, with each '&' (which
     * starts a code in headers and footers) doubled: within Excel's 255. */
    char cut[100], model[2 * sizeof cut], footer[256], fitted[256];
    mtfp_book_format(cut, sizeof cut, "%s", b->run->model.name);
    size_t k = 0;
    for (const char *c = cut; *c; c++) {
        if (*c == '&')
            model[k++] = '&';
        model[k++] = *c;
    }
    model[k] = '\0';
    mtfp_book_format(footer, sizeof footer, "&L%s&C&A&RPage &P of &N", model);
    worksheet_set_footer(ws, mtfp_book_fit(footer, fitted, sizeof fitted));
    return ws;
}

void mtfp_book_new_page(mtfp_book *b, lxw_row_t row)
{
    if (b->break_count < LXW_BREAKS_MAX) /* Excel's limit: the rest run on */
        b->breaks[b->break_count++] = row;
}

void mtfp_book_keep_together(mtfp_book *b, lxw_row_t first, lxw_row_t rows, lxw_row_t page_rows)
{
    /* The page being filled begins at the last break, or under the title
     * rows on the first. */
    lxw_row_t top = b->break_count > 0 ? b->breaks[b->break_count - 1] : 2;
    if (first > top && first + rows > top + page_rows)
        mtfp_book_new_page(b, first);
}

void mtfp_book_scenario_block(mtfp_book *b, lxw_worksheet *ws, lxw_row_t row, const char *heading)
{
    if (b->blocks++ > 0) /* the first follows the sheet's title */
        mtfp_book_new_page(b, row);
    mtfp_book_text(b, ws, row, 0, heading, b->formats.heading);
}

/* A column's width in pixels as Excel draws it: libxlsxwriter's rule (the
 * width in characters of Calibri 11's 7-pixel digit, and 5 pixels of
 * padding), from the widths the sheet's writer set (libxlsxwriter keeps each
 * range by its first column). */
static double column_pixels(const lxw_worksheet *ws, lxw_col_t col)
{
    for (lxw_col_t i = 0; i < ws->col_options_max; i++) {
        const lxw_col_options *o = ws->col_options[i];
        if (o && col >= o->firstcol && col <= o->lastcol)
            return o->hidden      ? 0
                   : o->width < 1 ? floor(o->width * 12 + 0.5)
                                  : floor(o->width * 7 + 0.5) + 5;
    }
    return ws->default_col_pixels;
}

double mtfp_book_columns_pixels(const lxw_worksheet *ws, lxw_col_t first, lxw_col_t last)
{
    double pixels = 0;
    for (lxw_col_t c = first; c <= last; c++)
        pixels += column_pixels(ws, c);
    return pixels;
}

/* The columns a sheet prints, [0, *last], and their width in pixels: up to
 * the last that holds a cell or the last a chart covers, whichever is
 * further. */
static double sheet_pixels(const lxw_worksheet *ws, lxw_col_t *last)
{
    *last = ws->dim_colmax;
    const lxw_object_properties *chart;
    STAILQ_FOREACH(chart, ws->chart_data, list_pointers)
    {
        double left = chart->x_offset + chart->width * chart->x_scale;
        lxw_col_t col = chart->col;
        for (; (left -= column_pixels(ws, col)) > 0.5; col++) /* a chart ends at a pixel */
            ;
        *last = col > *last ? col : *last;
    }
    while (*last > 0 && column_pixels(ws, *last) == 0)
        (*last)--; /* hidden columns at the right (the Summary's chart series) print nothing */
    return mtfp_book_columns_pixels(ws, 0, *last);
}

unsigned mtfp_book_print_scale(double sheet_pixels)
{
    /* 10% to spare: a program draws a column of n characters from its own
     * font's digit (LibreOffice with Carlito, Calibri's twin, draws them 6%
     * wider than Excel's rule). */
    double scale = floor(PRINTABLE_PIXELS * 0.90 * 100 / sheet_pixels);
    return scale < 10 ? 10 : scale > 100 ? 100 : (unsigned)scale;
}

lxw_row_t mtfp_book_page_rows(unsigned scale)
{
    /* The two title rows (the title's 14 points are a taller row) and 10% to
     * spare: a heading's 12 points or column headings wrapped on two lines
     * make a row taller than 20 pixels. */
    double rows = (PRINTABLE_HEIGHT * 100 / scale * 0.90 - 45) / 20;
    return rows < 1 ? 1 : (lxw_row_t)rows;
}

/* A written sheet prints one page wide at a fixed scale, with a page break
 * before each scenario's block. Excel has "fit to one page wide", but under
 * it Excel ignores manual page breaks. */
void mtfp_book_print_setup(mtfp_book *b, lxw_worksheet *ws)
{
    lxw_col_t last;
    worksheet_set_print_scale(ws, (uint16_t)mtfp_book_print_scale(sheet_pixels(ws, &last)));
    /* Those columns, whole: text that runs on past the last (a long heading)
     * is cut at the page's edge, as Excel prints it, where LibreOffice would
     * add a page for it. */
    mtfp_book_wrote(b, worksheet_print_area(ws, 0, 0, LXW_ROW_MAX - 1, last), ws, 0, last);
    if (b->break_count > 0) {
        b->breaks[b->break_count] = 0; /* the list's end */
        mtfp_book_wrote(b, worksheet_set_h_pagebreaks(ws, b->breaks), ws, b->breaks[0], 0);
    }
    b->break_count = 0;
    b->blocks = 0;
}
