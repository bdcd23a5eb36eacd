/* Reading Excel workbooks (.xlsx, Office Open XML) as model inputs, with
 * minizip (the zip archive) and expat (its XML).
 *
 * One sheet of a workbook is read as a table, by the rules of a CSV file
 * (csv_in.h): the first row that is not blank names the columns, in any
 * order; notes columns start with "_"; blank rows are skipped; each record
 * goes to the same handler a CSV file's would, with texts trimmed as a CSV
 * file's fields are. A cell's text is what the sheet holds, not what it
 * shows: a shared or inline string as written; a number in at most 15
 * significant digits (as Excel shows it, so that 1234.5600000000001 reads
 * 1234.56); TRUE or FALSE; a formula's cached value (a formula with none is
 * an error); a date (a number in a date format) as YYYY-MM-DD, which
 * mtfp_csv_month reads as its month. Errors name FILE:SHEET!CELL
 * (budget.xlsx:Revenue!E14).
 *
 * A file that is not a zip archive, a damaged or cut-short one, or one
 * whose parts expand beyond the limits below is refused with an error. */
#ifndef MTFP_XLSX_IN_H
#define MTFP_XLSX_IN_H

#include <stdbool.h>
#include <stddef.h>

#include "mtfp/csv_in.h"
#include "mtfp/diag.h"

/* The most a part of the archive (a sheet's XML, the shared strings) may
 * expand to. */
#define MTFP_XLSX_PART_MAX ((unsigned long long)1 << 30)
/* The most a part may expand relative to its compressed size, once it is
 * past MTFP_XLSX_RATIO_FROM bytes: a zip bomb expands thousands of times
 * (Apache POI refuses beyond 100 too). */
#define MTFP_XLSX_RATIO_MAX 100
#define MTFP_XLSX_RATIO_FROM ((unsigned long long)1 << 20)
/* The most entries an archive may list (a workbook of 100 sheets has a few
 * hundred). */
#define MTFP_XLSX_ENTRIES_MAX 10000
/* The shared-string table: at most this many strings, and this many bytes
 * of text in all. */
#define MTFP_XLSX_STRINGS_MAX ((size_t)1 << 24)
#define MTFP_XLSX_STRING_BYTES_MAX ((size_t)1 << 28)
/* A cell holds at most 32,767 characters (Excel's own limit). */
#define MTFP_XLSX_CELL_CHARS_MAX 32767

/* True if path names a workbook: it ends in ".xlsx" (any case), or in
 * ".xlsx!SHEET" to name one of its sheets. */
bool mtfp_xlsx_named(const char *path);

/* The length of path's file part: all of it, less "!SHEET" after ".xlsx". */
size_t mtfp_xlsx_file_length(const char *path);

/* Read a sheet of the workbook path names (its first sheet, or the one
 * "!SHEET" names, matched as names are), calling handler for each record
 * that is not blank, as mtfp_csv_read does for a CSV file. */
mtfp_status mtfp_xlsx_read(const char *path, const mtfp_csv_column *columns, size_t column_count,
                           mtfp_csv_handler handler, void *context, mtfp_diag *diag);

/* Where a cell is, for messages: "FILE:SHEET!B14" (the sheet's name quoted
 * as Excel quotes it, 'Budget 2009'!B14, when it is more than letters,
 * digits and underscores); "FILE:SHEET!14:14" for a whole row (column 0).
 * Cut to fit size. */
void mtfp_xlsx_place(const char *file, const char *sheet, int row, int column, char *buf,
                     size_t size);

/* "expat 2.5.0": the XML library's version, as built. */
const char *mtfp_xlsx_library_version(void);

#endif
