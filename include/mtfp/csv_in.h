/* Reading CSV input files (libcsv): a header row naming the columns, then one
 * record per row.
 *
 * Column names match case-insensitively, ignoring surrounding spaces, in any
 * order. Columns whose names start with "_" are notes and are skipped; any
 * other column the caller did not declare is an error, as is a missing
 * required column or a column given twice. A UTF-8 byte-order mark and CRLF
 * line ends are accepted. Errors are FILE:LINE:COL, COL the 1-based field.
 *
 * A path that names an Excel workbook (xlsx_in.h: "revenue.xlsx",
 * "budget.xlsx!Revenue") is read by the workbook reader, by the same rules
 * and into the same handlers; its errors are FILE:SHEET!CELL. */
#ifndef MTFP_CSV_IN_H
#define MTFP_CSV_IN_H

#include <stdbool.h>
#include <stddef.h>

#include "mtfp/calendar.h"
#include "mtfp/diag.h"
#include "mtfp/money.h"
#include "mtfp/names.h"

typedef struct mtfp_csv_column {
    const char *name;
    bool required;
} mtfp_csv_column;

/* One record as the callback sees it: field i of the declared columns (in the
 * order the caller declared them), NULL text for a column the file does not
 * have. Texts are trimmed and valid for the callback only. */
typedef struct mtfp_csv_record {
    const char *path; /* the file, for messages */
    int line;         /* the line the record starts on (a workbook's row) */
    size_t column_count;
    const char **text;   /* by declared column */
    size_t *len;         /* by declared column */
    const int *position; /* by declared column: 1-based field number in the file, 0 if absent */
    /* A workbook's: the sheet (messages then name SHEET!CELL) and, by
     * declared column, whether the cell is a date (its text YYYY-MM-DD).
     * NULL for a CSV file. */
    const char *sheet;
    const bool *date;
} mtfp_csv_record;

typedef mtfp_status (*mtfp_csv_handler)(void *context, const mtfp_csv_record *record,
                                        mtfp_diag *diag);

/* Read path, calling handler for every record that is not blank. When diag
 * collects errors (mtfp_diag_keep), a record in error is kept and reading
 * goes on to the next; it then returns MTFP_ERR_INPUT at the end. An error
 * in the header or in the file's quoting stops it. */
mtfp_status mtfp_csv_read(const char *path, const mtfp_csv_column *columns, size_t column_count,
                          mtfp_csv_handler handler, void *context, mtfp_diag *diag);

/* Helpers for handlers: parse field i of a record, or fail with FILE:LINE:COL
 * and what was expected. A required field that is empty is an error too. */
bool mtfp_csv_present(const mtfp_csv_record *record, size_t i); /* given and not empty */
mtfp_status mtfp_csv_error(const mtfp_csv_record *record, size_t i, mtfp_diag *diag,
                           const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* A warning at field i of a record (FILE:LINE:COL or FILE:SHEET!CELL). */
mtfp_status mtfp_csv_warn(const mtfp_csv_record *record, size_t i, mtfp_diag *diag, const char *fmt,
                          ...) __attribute__((format(printf, 4, 5)));
mtfp_status mtfp_csv_money(const mtfp_csv_record *record, size_t i, mtfp_pence *out,
                           mtfp_diag *diag);
/* An amount, rounded to the penny and counted in rounding when it has more
 * than two decimal places and rounding is enabled (else such an amount is
 * an error, as mtfp_csv_money's). */
mtfp_status mtfp_csv_money_rounding(const mtfp_csv_record *record, size_t i,
                                    mtfp_money_rounding *rounding, mtfp_pence *out,
                                    mtfp_diag *diag);
mtfp_status mtfp_csv_year(const mtfp_csv_record *record, size_t i, int *start_year,
                          mtfp_diag *diag);
/* A month, or a year meaning its April, or its March for the end of a
 * period (end true), as the Lua API reads them (mtfp_period_month_parse). */
mtfp_status mtfp_csv_month(const mtfp_csv_record *record, size_t i, bool end, mtfp_month *month,
                           mtfp_diag *diag);
mtfp_status mtfp_csv_number(const mtfp_csv_record *record, size_t i, double *out, mtfp_diag *diag);
/* A name of names (kind: "service", "grade"), its id into *id; an unknown
 * name is an error with the closest known one, else with otherwise (where
 * the names come from: ": revenue.csv has no such service"; may be NULL). */
mtfp_status mtfp_csv_name(const mtfp_csv_record *record, size_t i, const mtfp_names *names,
                          const char *kind, const char *otherwise, uint32_t *id, mtfp_diag *diag);

/* For readers of other formats (xlsx_in.c): map a header row's fields
 * (texts[f], trimmed, for column f + 1 of the row at line) to the declared
 * columns, as a CSV file's header is, with its errors (at sheet's cells when
 * sheet is given). field_column[f] gets the declared column's index,
 * MTFP_CSV_NOTE for a note column or MTFP_CSV_UNNAMED for one with no name
 * (whose fields must be empty). */
#define MTFP_CSV_NOTE (-1)
#define MTFP_CSV_UNNAMED (-2)
mtfp_status mtfp_csv_header(const char *path, const char *sheet, int line,
                            const mtfp_csv_column *columns, size_t column_count,
                            const char *const *texts, const size_t *lens, size_t count,
                            int *field_column, mtfp_diag *diag);

/* "libcsv 3.0.3": the version mtfp was built with. */
const char *mtfp_csv_library_version(void);

#endif
