/* The cabinet pack: what the sheet writers (book_<sheet>.c) share. */
#ifndef MTFP_IO_BOOK_H
#define MTFP_IO_BOOK_H

#include <xlsxwriter.h>

#include "mtfp/book.h"
#include "mtfp/report.h"

/* Formats, made once for the whole workbook. */
typedef struct book_formats {
    lxw_format *title;
    lxw_format *heading; /* a block's heading: the scenario's name */
    lxw_format *header;  /* column headings */
    lxw_format *year;    /* year column headings */
    lxw_format *text;
    lxw_format *bold;
    lxw_format *note;
    lxw_format *wrapped;      /* text, wrapped within its column */
    lxw_format *note_wrapped; /* a note, likewise */
    lxw_format *link;
    lxw_format *money;       /* figures the engine computed */
    lxw_format *money_input; /* figures as the model gives them */
    lxw_format *money_total; /* subtotals and totals */
    lxw_format *percent;
    lxw_format *number_input;   /* a param's value as given */
    lxw_format *share;          /* a chance: 12.5% */
    lxw_format *count;          /* a whole number: runs, heads, a pay point, weeks */
    lxw_format *quantity;       /* FTE: 12.50; a part of a child */
    lxw_format *quantity_total; /* their totals: bold */
    lxw_format *count_total;
} book_formats;

/* Where each scenario's revenue total is, for the Summary to refer to. */
typedef struct book_revenue_totals {
    lxw_row_t *row; /* by scenario */
} book_revenue_totals;

typedef struct book {
    lxw_workbook *workbook;
    const mtfp_run *run;
    book_formats formats;
    lxw_worksheet *cover, *summary, *compare, *sweep, *simulation, *revenue, *staffing, *posts,
        *placements, *savings, *capital, *pools, *assumptions, *audit;
    book_revenue_totals totals;
    lxw_row_t max_rows; /* the most rows a worksheet may have: Excel's limit */
    /* The sheet being written: where its pages break (book_new_page), and
     * how many scenario blocks it has begun (book_scenario_block). */
    lxw_row_t breaks[LXW_BREAKS_MAX + 1];
    size_t break_count, blocks;
    mtfp_step_progress progress; /* or NULL */
    void *progress_context;
    mtfp_diag *diag;
} book;

/* mtfp_book_write with worksheets of at most max_rows rows (LXW_ROW_MAX, or
 * fewer in tests). */
mtfp_status book_write(const mtfp_run *run, const char *path, lxw_row_t max_rows,
                       mtfp_step_progress progress, void *context, mtfp_diag *diag);

/* The first column of year 0 on the Summary and Revenue sheets. */
#define BOOK_SUMMARY_FIRST_YEAR_COL 1
#define BOOK_REVENUE_FIRST_YEAR_COL 3

/* Sheet writers, in the order of the workbook's tabs (Revenue is written
 * before Summary, which refers to its totals). */
mtfp_status book_write_cover(book *b);
mtfp_status book_write_revenue(book *b);
mtfp_status book_write_summary(book *b);
mtfp_status book_write_compare(book *b);
mtfp_status book_write_sweep(book *b);      /* after mtfp sweep */
mtfp_status book_write_simulation(book *b); /* after mtfp simulate */
/* The rows the Revenue sheet gives one scenario whose table is t. */
lxw_row_t book_revenue_block_rows(const mtfp_revenue_table *t);
mtfp_status book_write_staffing(book *b);   /* when the model has an establishment */
mtfp_status book_write_posts(book *b);      /* likewise */
mtfp_status book_write_placements(book *b); /* when the model has placements */
mtfp_status book_write_savings(book *b);    /* when a scenario has savings */
mtfp_status book_write_capital(book *b);    /* when the run has a capital programme */
mtfp_status book_write_pools(book *b);      /* when the model has pooled budgets */
mtfp_status book_write_assumptions(book *b);
mtfp_status book_write_audit(book *b);

/* The Summary sheet's row of a scenario's summary line (for charts and the
 * Compare sheet), and its charts and bridge table from row on (returns the
 * row after the table). */
lxw_row_t book_summary_row(size_t scenario, mtfp_summary_line line);
/* The row of a scenario's years ("2010/11", without "£") on the Summary. */
lxw_row_t book_summary_years_row(size_t scenario);
lxw_row_t book_summary_charts(book *b, lxw_row_t row);
/* The last column of the Summary's tables (the plan or the bridge table). */
lxw_col_t book_summary_last_col(const book *b);
/* Hide the bridge chart's series, in the columns after that: they do not
 * print. */
void book_summary_hide_series(const book *b);

/* The statistics of a simulation's table on the Simulation sheet, in row
 * order. */
enum {
    BOOK_STAT_MEAN,
    BOOK_STAT_SD,
    BOOK_STAT_MIN,
    BOOK_STAT_PERCENTILE, /* the first of MTFP_PERCENTILES */
    BOOK_STAT_MAX = BOOK_STAT_PERCENTILE + MTFP_PERCENTILES
};
/* "Mean", "5th percentile", ...: a statistic's label, and its value. */
void book_stat_label(int stat, char *buf, size_t size);
mtfp_pence book_stat_value(const mtfp_stats *stats, int stat);
/* Where the Simulation sheet has simulation i's gap statistic stat in the
 * base year, and the Sweep sheet point p's gap (later years to the right),
 * for the Compare sheet, which is written before them. */
void book_simulation_gap_at(const book *b, size_t i, int stat, lxw_row_t *row, lxw_col_t *col);
void book_sweep_gap_at(const book *b, size_t p, lxw_row_t *row, lxw_col_t *col);

/* Shared helpers. */
/* A sheet's title (row 1) and the note under it (row 2). */
void book_title(const book *b, lxw_worksheet *ws, const char *title, const char *note);
/* MTFP_OK if a sheet that has used rows [0, rows) fits on a worksheet; an
 * error naming the sheet if not. Each sheet writer ends with it (and the big
 * ones check after each scenario, to stop early, through book_scenario_written). */
mtfp_status book_rows_fit(const book *b, lxw_worksheet *ws, lxw_row_t rows);
/* A long sheet has written its block for scenario (rows so far): tell the
 * progress and check the rows fit. */
mtfp_status book_scenario_written(const book *b, lxw_worksheet *ws, size_t scenario,
                                  lxw_row_t rows);
/* The most characters a cell holds (Excel's limit). */
#define BOOK_TEXT_MAX 32767
/* Text fit for the pack: text itself when it is UTF-8 and shorter than size,
 * otherwise a copy into buf (size at least 4) with each byte that is not
 * UTF-8 as U+FFFD (the XML must be UTF-8) and, beyond size - 1 bytes, cut
 * with an ellipsis. For chart names, footers and properties. */
const char *book_fit(const char *text, char *buf, size_t size);
/* snprintf for a label that holds names: one cut to fit size (at least 4)
 * bytes is cut at a character's start and ends with an ellipsis, so that the
 * reader can see it was cut. */
void book_format(char *buf, size_t size, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* A format of the pack's font (Arial 10), bold or not, with a number format
 * (or NULL) and a font colour (or 0): every format starts here. */
lxw_format *book_new_format(lxw_workbook *wb, bool bold, const char *num, uint32_t colour);
/* A text column as wide as its longest text (chars characters, from
 * mtfp_utf8_chars) and a little room, but at least floor and at most cap:
 * text wider than its column is cut off where the next cell holds
 * something. May come after the column's cells (libxlsxwriter writes the
 * widths when it closes). */
void book_fit_column(lxw_worksheet *ws, lxw_col_t col, size_t chars, double floor, double cap);
/* book_text, and the text's characters in *longest if it has more: for a
 * column that book_fit_column fits to its longest text. */
void book_text_measured(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
                        lxw_format *format, size_t *longest);
/* The lines text takes wrapped in a column width characters wide (at least
 * 1), word by word, a word longer than a line broken across lines: to set
 * the height of a row of wrapped cells, which LibreOffice does not work out
 * when it opens a pack. One character is counted as wide as a digit of the
 * width's unit, wider than most of Arial 10's, so as not to fall short. */
size_t book_wrapped_lines(const char *text, size_t width);
/* Make a row of wrapped cells as tall as its most lines (a line of Arial 10
 * is 12.75 points, as Excel sets it); a row of one line keeps the default. */
void book_row_lines(lxw_worksheet *ws, lxw_row_t row, size_t lines);
/* The characters in the longest of names. */
size_t book_longest_name(const mtfp_names *names);
/* Text as a cell can hold it: book_fit to 32,767 bytes (libxlsxwriter would
 * leave a longer cell empty). */
void book_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
               lxw_format *format);
/* Every cell and chart of the pack is written by these (or its write's result
 * given to book_wrote), so that one libxlsxwriter refuses fails the run. */
void book_wrote(lxw_error error, const lxw_worksheet *ws, lxw_row_t row, lxw_col_t col);
void book_number(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double value, lxw_format *format);
void book_formula_number(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *formula,
                         double value, lxw_format *format);
/* A chart's text (a series' or an axis' name) from a user's text (a
 * scenario's name): fitted, and one that starts with '=' (which libxlsxwriter
 * takes for a formula, giving a chart Excel cannot open) after a space. */
#define BOOK_CHART_TEXT 258
const char *book_chart_text(const char *text, char buf[BOOK_CHART_TEXT]);
/* A chart under a table, as the Summary's, Sweep's and Simulation's are:
 * 374 pixels high (1.3 times libxlsxwriter's 288, 19 rows of 20 pixels), a
 * few pixels down its first row (a chart's border on the row where a page
 * begins is drawn at the foot of the page before too), and the rows it
 * takes with one to spare. */
#define BOOK_CHART_HEIGHT 374.0
#define BOOK_CHART_OFFSET 4
#define BOOK_CHART_ROWS ((lxw_row_t)((BOOK_CHART_OFFSET + BOOK_CHART_HEIGHT) / 20) + 2)
/* A chart, its top left corner at (row, col). */
void book_chart(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, lxw_chart *chart,
                lxw_chart_options *place);
void book_money(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, mtfp_pence amount,
                lxw_format *format);
void book_formula(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *formula,
                  mtfp_pence value, lxw_format *format);
/* Column headings "2005/06" ... for years 0..years (or from year 1) from col. */
void book_year_headings(const book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                        int first_year);
/* The same without the "£", over rates and counts. */
void book_year_labels(const book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                      int first_year);
/* A cell reference such as "D12" or "$D$12". */
void book_cell(lxw_row_t row, lxw_col_t col, bool absolute, char *buf, size_t size);
/* "=SUMIF($A$5:$A$22,"Cost",C5:C22)": the sum of col's cells in rows
 * [from, to] whose label in label_col is label; as short for a thousand rows
 * as for two. */
void book_sumif(lxw_col_t label_col, const char *label, lxw_row_t from, lxw_row_t to, lxw_col_t col,
                char *buf, size_t size);
/* Printing: every sheet prints on A4 landscape, one page wide, at a scale
 * worked out from its columns and charts once it is written. A sheet that
 * holds a block per scenario starts each on a page of its own: the writer
 * writes each block's heading (at column 0) with book_scenario_block, which
 * starts a page there unless it is the sheet's first block; book_new_page
 * starts one at any row (the rows of a sheet written, in order). */
void book_scenario_block(book *b, lxw_worksheet *ws, lxw_row_t row, const char *heading);
void book_new_page(book *b, lxw_row_t row);
/* Rows [first, first + rows) (a chart, or a table and its chart) that would
 * run past the foot of the page they start on begin a new one, unless they
 * are at the top of one already: a page holds page_rows (book_page_rows),
 * and it begins at the last row book_new_page started one at. */
void book_keep_together(book *b, lxw_row_t first, lxw_row_t rows, lxw_row_t page_rows);
/* The width in pixels of columns first to last as Excel draws them. */
double book_columns_pixels(const lxw_worksheet *ws, lxw_col_t first, lxw_col_t last);
/* The print scale (10 to 100%) at which a sheet that many pixels wide fits
 * the width of an A4 landscape page, with a little to spare. */
unsigned book_print_scale(double sheet_pixels);
/* The rows of 20 pixels (a row of the pack's font) that an A4 landscape
 * page holds at a print scale, under the title rows repeated at its top,
 * with some to spare for rows a program draws taller: for a writer to start
 * a page before a chart or a table that would otherwise be cut in two. */
lxw_row_t book_page_rows(unsigned scale);
/* A scenario's name for a heading: "Scenario: Placement pressure" or "Base". */
void book_scenario_heading(const book *b, size_t scenario, char *buf, size_t size);
/* "file:line" of a source, or "" when there is none. */
void book_source(const char *file, int line, char *buf, size_t size);

#endif
