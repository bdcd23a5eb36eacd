/* Writing cells and charts. Each returns MTFP_ERR_OUTPUT when libxlsxwriter
 * refuses the write, and the book keeps the first refusal, so that the pack
 * is not written with a hole in it: a writer may go on and let the driver
 * fail the run. */
#ifndef MTFP_BOOK_CELLS_H
#define MTFP_BOOK_CELLS_H

#include "book.h"

/* Keep error (a libxlsxwriter write's result at ws's row and col) in the
 * book if it is the first refusal. */
mtfp_status mtfp_book_wrote(mtfp_book *b, lxw_error error, const lxw_worksheet *ws, lxw_row_t row,
                            lxw_col_t col);
/* Text as a cell can hold it: mtfp_book_fit to 32,767 bytes (libxlsxwriter
 * would leave a longer cell empty). */
mtfp_status mtfp_book_text(mtfp_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                           const char *text, lxw_format *format);
/* mtfp_book_text, and the text's characters in *longest if it has more: for
 * a column that mtfp_book_fit_column fits to its longest text. */
mtfp_status mtfp_book_text_measured(mtfp_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                    const char *text, lxw_format *format, size_t *longest);
mtfp_status mtfp_book_number(mtfp_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                             double value, lxw_format *format);
mtfp_status mtfp_book_money(mtfp_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                            mtfp_pence amount, lxw_format *format);
/* A formula with the value the engine computed cached, so that a reader who
 * does not recalculate sees the figure (libxlsxwriter would cache 0). */
mtfp_status mtfp_book_formula_number(mtfp_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                                     const char *formula, double value, lxw_format *format);
mtfp_status mtfp_book_formula(mtfp_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                              const char *formula, mtfp_pence value, lxw_format *format);
/* A chart, its top left corner at (row, col). */
mtfp_status mtfp_book_chart(mtfp_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                            lxw_chart *chart, lxw_chart_options *place);
/* Make a row of wrapped cells as tall as its most lines (a line of Arial 10
 * is 12.75 points, as Excel sets it); a row of one line keeps the default. */
mtfp_status mtfp_book_row_lines(mtfp_book *b, lxw_worksheet *ws, lxw_row_t row, size_t lines);
/* A text column as wide as its longest text (chars characters, from
 * mtfp_utf8_chars) and a little room, but at least floor and at most cap:
 * text wider than its column is cut off where the next cell holds
 * something. May come after the column's cells (libxlsxwriter writes the
 * widths when it closes). */
void mtfp_book_fit_column(lxw_worksheet *ws, lxw_col_t col, size_t chars, double floor, double cap);
/* A sheet's title (row 1) and the note under it (row 2). */
void mtfp_book_title(mtfp_book *b, lxw_worksheet *ws, const char *title, const char *note);
/* Column headings "2005/06 £" ... for years 0..years (or from first_year)
 * from col. */
void mtfp_book_year_headings(mtfp_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                             int first_year);
/* The same without the "£", over rates and counts. */
void mtfp_book_year_labels(mtfp_book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                           int first_year);
/* A cell reference such as "D12" or "$D$12". */
void mtfp_book_cell(lxw_row_t row, lxw_col_t col, bool absolute, char *buf, size_t size);
/* "=SUMIF($A$5:$A$22,"Cost",C5:C22)": the sum of col's cells in rows
 * [from, to] whose label in label_col is label; as short for a thousand rows
 * as for two. */
void mtfp_book_sumif(lxw_col_t label_col, const char *label, lxw_row_t from, lxw_row_t to,
                     lxw_col_t col, char *buf, size_t size);

#endif
