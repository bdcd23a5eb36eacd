/* Printing: every sheet prints on A4 landscape, one page wide, at a scale
 * worked out from its columns and charts once it is written. A sheet that
 * holds a block per scenario starts each on a page of its own: the writer
 * writes each block's heading (at column 0) with mtfp_book_scenario_block,
 * which starts a page there unless it is the sheet's first block;
 * mtfp_book_new_page starts one at any row (the rows of a sheet written, in
 * order). */
#ifndef MTFP_BOOK_PRINT_H
#define MTFP_BOOK_PRINT_H

#include "book.h"

/* A chart under a table, as the Summary's, Sweep's and Simulation's are:
 * 374 pixels high (1.3 times libxlsxwriter's 288, 19 rows of 20 pixels), a
 * few pixels down its first row (a chart's border on the row where a page
 * begins is drawn at the foot of the page before too), and the rows it
 * takes with one to spare. */
#define BOOK_CHART_HEIGHT 374.0
#define BOOK_CHART_OFFSET 4
#define BOOK_CHART_ROWS ((lxw_row_t)((BOOK_CHART_OFFSET + BOOK_CHART_HEIGHT) / 20) + 2)

/* A new worksheet named name with the page set-up every sheet shares: A4
 * landscape, its two title rows repeated, a footer naming the model, the
 * sheet and the page. */
lxw_worksheet *mtfp_book_add_sheet(mtfp_book *b, const char *name);
/* Once a sheet is written: its scale, print area and page breaks. */
void mtfp_book_print_setup(mtfp_book *b, lxw_worksheet *ws);
void mtfp_book_scenario_block(mtfp_book *b, lxw_worksheet *ws, lxw_row_t row, const char *heading);
void mtfp_book_new_page(mtfp_book *b, lxw_row_t row);
/* Rows [first, first + rows) (a chart, or a table and its chart) that would
 * run past the foot of the page they start on begin a new one, unless they
 * are at the top of one already: a page holds page_rows
 * (mtfp_book_page_rows), and it begins at the last row mtfp_book_new_page
 * started one at. */
void mtfp_book_keep_together(mtfp_book *b, lxw_row_t first, lxw_row_t rows, lxw_row_t page_rows);
/* The width in pixels of columns first to last as Excel draws them. */
double mtfp_book_columns_pixels(const lxw_worksheet *ws, lxw_col_t first, lxw_col_t last);
/* The print scale (10 to 100%) at which a sheet that many pixels wide fits
 * the width of an A4 landscape page, with a little to spare. */
unsigned mtfp_book_print_scale(double sheet_pixels);
/* The rows of 20 pixels (a row of the pack's font) that an A4 landscape
 * page holds at a print scale, under the title rows repeated at its top,
 * with some to spare for rows a program draws taller: for a writer to start
 * a page before a chart or a table that would otherwise be cut in two. */
lxw_row_t mtfp_book_page_rows(unsigned scale);

#endif
