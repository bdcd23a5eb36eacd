/* The cabinet pack's book: what the driver (book.c) and the sheet writers
 * (book_<sheet>.c) share. The sheets are a registry (book.c): each has its
 * tab's name, what the Cover's contents say of it, whether this run has it
 * and its writer. Cells are written through cells.h, text fitted through
 * text.h, pages set up through print.h. */
#ifndef MTFP_BOOK_BOOK_H
#define MTFP_BOOK_BOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <xlsxwriter.h>

#include "mtfp/analysis.h"
#include "mtfp/book.h"
#include "mtfp/report.h"

/* The pack's sheets, in the order of its tabs. */
typedef enum mtfp_sheet {
    MTFP_SHEET_COVER,
    MTFP_SHEET_SUMMARY,
    MTFP_SHEET_COMPARE,
    MTFP_SHEET_SWEEP,
    MTFP_SHEET_SIMULATION,
    MTFP_SHEET_REVENUE,
    MTFP_SHEET_STAFFING,
    MTFP_SHEET_POSTS,
    MTFP_SHEET_PLACEMENTS,
    MTFP_SHEET_SAVINGS,
    MTFP_SHEET_CAPITAL,
    MTFP_SHEET_POOLS,
    MTFP_SHEET_MONITORING,
    MTFP_SHEET_RISKS,
    MTFP_SHEET_ASSUMPTIONS,
    MTFP_SHEET_AUDIT,
    MTFP_SHEETS
} mtfp_sheet;

/* Formats, made once for the whole workbook. */
typedef struct mtfp_book_formats {
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
} mtfp_book_formats;

typedef struct mtfp_book {
    lxw_workbook *workbook;
    const mtfp_run *run;
    mtfp_book_formats formats;
    lxw_worksheet *sheets[MTFP_SHEETS]; /* NULL: a sheet this run has not got */
    lxw_row_t *revenue_total_row;       /* by scenario: the Summary refers to it */
    lxw_row_t max_rows;                 /* the most rows a worksheet may have: Excel's limit */
    /* The sheet being written: where its pages break (mtfp_book_new_page),
     * and how many scenario blocks it has begun (mtfp_book_scenario_block). */
    lxw_row_t breaks[LXW_BREAKS_MAX + 1];
    size_t break_count, blocks;
    /* The first cell or chart libxlsxwriter refused (mtfp_book_wrote), and
     * where: the pack is then not written. */
    lxw_error refused;
    char refused_at[48];
    mtfp_step_progress progress; /* or NULL */
    void *progress_context;
    mtfp_diag *diag;
} mtfp_book;

/* mtfp_book_write with worksheets of at most max_rows rows (LXW_ROW_MAX, or
 * fewer in tests). */
mtfp_status mtfp_book_write_rows(const mtfp_run *run, const char *path, lxw_row_t max_rows,
                                 mtfp_step_progress progress, void *context, mtfp_diag *diag);

/* The sheet writers (book_<sheet>.c), each given its worksheet. */
mtfp_status mtfp_book_write_cover(mtfp_book *b, lxw_worksheet *ws);
mtfp_status mtfp_book_write_summary(mtfp_book *b, lxw_worksheet *ws);
mtfp_status mtfp_book_write_compare(mtfp_book *b, lxw_worksheet *ws);
mtfp_status mtfp_book_write_sweep(mtfp_book *b, lxw_worksheet *ws);
mtfp_status mtfp_book_write_simulation(mtfp_book *b, lxw_worksheet *ws);
mtfp_status mtfp_book_write_revenue(mtfp_book *b, lxw_worksheet *ws);
mtfp_status mtfp_book_write_staffing(mtfp_book *b, lxw_worksheet *ws);
mtfp_status mtfp_book_write_posts(mtfp_book *b, lxw_worksheet *ws);
mtfp_status mtfp_book_write_placements(mtfp_book *b, lxw_worksheet *ws);
mtfp_status mtfp_book_write_savings(mtfp_book *b, lxw_worksheet *ws);
mtfp_status mtfp_book_write_capital(mtfp_book *b, lxw_worksheet *ws);
mtfp_status mtfp_book_write_pools(mtfp_book *b, lxw_worksheet *ws);
mtfp_status mtfp_book_write_monitoring(mtfp_book *b, lxw_worksheet *ws);
mtfp_status mtfp_book_write_risks(mtfp_book *b, lxw_worksheet *ws);
mtfp_status mtfp_book_write_assumptions(mtfp_book *b, lxw_worksheet *ws);
mtfp_status mtfp_book_write_audit(mtfp_book *b, lxw_worksheet *ws);

/* The registry: a sheet's tab name, and what the Cover's contents say of it. */
const char *mtfp_book_sheet_name(mtfp_sheet sheet);
const char *mtfp_book_sheet_about(mtfp_sheet sheet);

/* A format of the pack's font (Arial 10), bold or not, with a number format
 * (or NULL) and a font colour (or 0): every format starts here. */
lxw_format *mtfp_book_new_format(lxw_workbook *wb, bool bold, const char *num, uint32_t colour);

/* MTFP_OK if a sheet that has used rows [0, rows) fits on a worksheet; an
 * error naming the sheet if not. Each sheet writer ends with it (and the big
 * ones check after each scenario, to stop early, through
 * mtfp_book_scenario_written). */
mtfp_status mtfp_book_rows_fit(const mtfp_book *b, lxw_worksheet *ws, lxw_row_t rows);
/* A long sheet has written its block for scenario (rows so far): tell the
 * progress and check the rows fit. */
mtfp_status mtfp_book_scenario_written(const mtfp_book *b, lxw_worksheet *ws, size_t scenario,
                                       lxw_row_t rows);

/* Row plans that other sheets refer to. */
/* The first column of year 0 on the Summary and Revenue sheets: the Revenue
 * sheet's follows a column for each level of the model's groups and one for
 * providers when it has them. */
#define BOOK_SUMMARY_FIRST_YEAR_COL 1
lxw_col_t mtfp_book_revenue_first_year(const mtfp_model *model);
/* The rows the Revenue sheet gives one scenario whose table is t. */
lxw_row_t mtfp_book_revenue_block_rows(const mtfp_model *model, const mtfp_revenue_table *t);
/* The Summary sheet's row of a scenario's summary line (for charts and the
 * Compare and Risks sheets): its blocks are longer in a run with priced
 * risks. */
lxw_row_t mtfp_book_summary_row(const mtfp_book *b, size_t scenario, mtfp_summary_line line);
/* The row of a scenario's years ("2010/11", without "£") on the Summary. */
lxw_row_t mtfp_book_summary_years_row(const mtfp_book *b, size_t scenario);
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
void mtfp_book_stat_label(int stat, char *buf, size_t size);
mtfp_pence mtfp_book_stat_value(const mtfp_stats *stats, int stat);
/* Where the Simulation sheet has simulation i's gap statistic stat in the
 * base year, and the Sweep sheet point p's gap (later years to the right),
 * for the Compare sheet, which is written before them. */
void mtfp_book_simulation_gap_at(const mtfp_book *b, size_t i, int stat, lxw_row_t *row,
                                 lxw_col_t *col);
void mtfp_book_sweep_gap_at(const mtfp_book *b, size_t p, lxw_row_t *row, lxw_col_t *col);

#endif
