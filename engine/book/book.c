/* The cabinet pack (SPEC "The workbook"): one function per sheet in
 * book_<sheet>.c, formats and helpers here. */
#define _POSIX_C_SOURCE 200809L /* sigprocmask */

#include "book.h"

#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"
#include "mtfp/path.h"
#include "mtfp/utf8.h"
#include "mtfp/version.h"

/* Thousands separators, negatives in brackets, a dash for zero. */
#define MONEY_FORMAT "#,##0.00_);(#,##0.00);\"-\"??_)"
/* The document's creation time is fixed (2000-01-01) so that the same inputs
 * give the same bytes. */
#define FIXED_CREATED 946684800

lxw_format *book_new_format(lxw_workbook *wb, bool bold, const char *num, uint32_t colour)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_font_name(f, "Arial");
    format_set_font_size(f, 10);
    if (bold)
        format_set_bold(f);
    if (num)
        format_set_num_format(f, num);
    if (colour)
        format_set_font_color(f, colour);
    return f;
}

static void make_formats(book *b)
{
    lxw_workbook *wb = b->workbook;
    book_formats *f = &b->formats;
    f->title = book_new_format(wb, true, NULL, 0);
    format_set_font_size(f->title, 14);
    f->heading = book_new_format(wb, true, NULL, 0);
    format_set_font_size(f->heading, 12);
    f->header = book_new_format(wb, true, NULL, 0);
    format_set_bottom(f->header, LXW_BORDER_THIN);
    format_set_text_wrap(f->header);
    f->year = book_new_format(wb, true, NULL, 0);
    format_set_bottom(f->year, LXW_BORDER_THIN);
    format_set_align(f->year, LXW_ALIGN_RIGHT);
    format_set_text_wrap(f->year);
    f->text = book_new_format(wb, false, NULL, 0);
    f->bold = book_new_format(wb, true, NULL, 0);
    f->note = book_new_format(wb, false, NULL, 0x595959);
    format_set_italic(f->note);
    f->wrapped = book_new_format(wb, false, NULL, 0);
    format_set_text_wrap(f->wrapped);
    f->note_wrapped = book_new_format(wb, false, NULL, 0x595959);
    format_set_italic(f->note_wrapped);
    format_set_text_wrap(f->note_wrapped);
    f->link = book_new_format(wb, false, NULL, LXW_COLOR_BLUE);
    format_set_underline(f->link, LXW_UNDERLINE_SINGLE);
    f->money = book_new_format(wb, false, MONEY_FORMAT, 0);
    /* Inputs in blue, formulas and computed figures in black: the modelling
     * convention finance teams know. */
    f->money_input = book_new_format(wb, false, MONEY_FORMAT, 0x0000FF);
    f->money_total = book_new_format(wb, true, MONEY_FORMAT, 0);
    format_set_top(f->money_total, LXW_BORDER_THIN);
    f->percent = book_new_format(wb, false, "0.00%", 0x0000FF);
    /* A param may be a rate (0.5), a count (3) or pounds (150,000). */
    f->number_input = book_new_format(wb, false, "[>=1000]#,##0;[<=-1000]-#,##0;General", 0x0000FF);
    f->share = book_new_format(wb, false, "0.0%", 0);
    f->count = book_new_format(wb, false, "#,##0", 0);
    f->quantity = book_new_format(wb, false, "#,##0.00", 0);
    f->quantity_total = book_new_format(wb, true, "#,##0.00", 0);
    f->count_total = book_new_format(wb, true, "#,##0", 0);
}

const char *book_fit(const char *text, char *buf, size_t size)
{
    size_t len = strlen(text);
    if (len < size && mtfp_utf8_valid(text, len) == len)
        return text;
    /* A byte that is not UTF-8 (a string a script built byte by byte, or a
     * name cut short by a label's buffer) becomes U+FFFD; text beyond the
     * buffer is cut at a character's start and ends with an ellipsis. */
    static const char replacement[] = "\uFFFD", ellipsis[] = "\u2026";
    const size_t room = size - sizeof ellipsis; /* and the terminator */
    size_t n = 0, i = 0;
    while (i < len) {
        size_t take = mtfp_utf8_valid(text + i, len - i);
        if (take > room - n) {
            take = room - n;
            while (take > 0 && ((unsigned char)text[i + take] & 0xC0) == 0x80)
                take--;
        }
        memcpy(buf + n, text + i, take);
        n += take;
        i += take;
        if (i == len || n + (sizeof replacement - 1) > room ||
            mtfp_utf8_valid(text + i, len - i) > 0)
            break; /* done, or out of room */
        memcpy(buf + n, replacement, sizeof replacement - 1);
        n += sizeof replacement - 1;
        i++;
    }
    if (i < len) {
        memcpy(buf + n, ellipsis, sizeof ellipsis - 1);
        n += sizeof ellipsis - 1;
    }
    buf[n] = '\0';
    return buf;
}

const char *book_chart_text(const char *text, char buf[BOOK_CHART_TEXT])
{
    char fitted[BOOK_CHART_TEXT - 1];
    const char *fit = book_fit(text, fitted, sizeof fitted);
    snprintf(buf, BOOK_CHART_TEXT, "%s%s", fit[0] == '=' ? " " : "", fit);
    return buf;
}

void book_format(char *buf, size_t size, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    int n = vsnprintf(buf, size, fmt, args);
    va_end(args);
    if (n < 0 || (size_t)n < size)
        return;
    static const char ellipsis[] = "\u2026";
    size_t end = size - sizeof ellipsis; /* room for the ellipsis and the terminator */
    while (end > 0 && ((unsigned char)buf[end] & 0xC0) == 0x80)
        end--; /* to a character's start */
    memcpy(buf + end, ellipsis, sizeof ellipsis);
}

void book_fit_column(lxw_worksheet *ws, lxw_col_t col, size_t chars, double floor, double cap)
{
    double width = (double)chars + 2; /* and a little room */
    worksheet_set_column(ws, col, col, width < floor ? floor : width > cap ? cap : width, NULL);
}

void book_text_measured(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
                        lxw_format *format, size_t *longest)
{
    book_text(ws, row, col, text, format);
    size_t chars = mtfp_utf8_chars(text);
    *longest = chars > *longest ? chars : *longest;
}

void book_row_lines(lxw_worksheet *ws, lxw_row_t row, size_t lines)
{
    if (lines > 1)
        book_wrote(worksheet_set_row(ws, row, 12.75 * (double)lines, NULL), ws, row, 0);
}

size_t book_wrapped_lines(const char *text, size_t width)
{
    size_t lines = 1, used = 0; /* characters on the last line */
    for (const char *c = text; *c;) {
        if (*c == ' ') {
            c++;
            continue;
        }
        size_t word = 0;
        for (; *c && *c != ' '; c++)
            word += ((unsigned char)*c & 0xC0) != 0x80;
        if (used > 0 && used + 1 + word <= width) {
            used += 1 + word;
            continue;
        }
        lines += (used > 0) + (word - 1) / width;
        used = (word - 1) % width + 1;
    }
    return lines;
}

size_t book_longest_name(const mtfp_names *names)
{
    size_t longest = 0;
    for (uint32_t i = 0; i < names->count; i++) {
        size_t chars = mtfp_utf8_chars(mtfp_names_get(names, i));
        longest = chars > longest ? chars : longest;
    }
    return longest;
}

/* The first cell (or chart) libxlsxwriter refused. In constant-memory mode a
 * cell in a row above the last one written is dropped, and only the write's
 * return value says so: every cell and chart goes through book_wrote, and
 * book_write fails naming the place rather than give a pack with a hole in
 * it. Per thread: a pack is written on one. */
static _Thread_local struct {
    lxw_error error;
    char where[48];
} refused;

void book_wrote(lxw_error error, const lxw_worksheet *ws, lxw_row_t row, lxw_col_t col)
{
    if (error == LXW_NO_ERROR || refused.error != LXW_NO_ERROR)
        return;
    char cell[16];
    book_cell(row, col, false, cell, sizeof cell);
    refused.error = error;
    snprintf(refused.where, sizeof refused.where, "%s!%s", ws->name, cell);
}

void book_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
               lxw_format *format)
{
    char fitted[BOOK_TEXT_MAX + 1];
    book_wrote(worksheet_write_string(ws, row, col, book_fit(text, fitted, sizeof fitted), format),
               ws, row, col);
}

void book_number(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double value, lxw_format *format)
{
    book_wrote(worksheet_write_number(ws, row, col, value, format), ws, row, col);
}

void book_formula_number(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *formula,
                         double value, lxw_format *format)
{
    book_wrote(worksheet_write_formula_num(ws, row, col, formula, format, value), ws, row, col);
}

void book_chart(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, lxw_chart *chart,
                lxw_chart_options *place)
{
    book_wrote(worksheet_insert_chart_opt(ws, row, col, chart, place), ws, row, col);
}

void book_title(const book *b, lxw_worksheet *ws, const char *title, const char *note)
{
    book_text(ws, 0, 0, title, b->formats.title);
    book_text(ws, 1, 0, note, b->formats.note);
}

void book_money(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, mtfp_pence amount,
                lxw_format *format)
{
    book_number(ws, row, col, mtfp_money_to_pounds(amount), format);
}

void book_formula(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *formula,
                  mtfp_pence value, lxw_format *format)
{
    book_formula_number(ws, row, col, formula, mtfp_money_to_pounds(value), format);
}

static void year_headings(const book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                          int first_year, const char *unit)
{
    for (int y = first_year; y <= b->run->model.years; y++) {
        char label[MTFP_YEAR_LABEL_MAX + 8];
        mtfp_model_year_label(&b->run->model, y, label);
        strcat(label, unit);
        book_text(ws, row, (lxw_col_t)(col + y - first_year), label, b->formats.year);
    }
}

void book_year_headings(const book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                        int first_year)
{
    year_headings(b, ws, row, col, first_year, " £");
}

void book_year_labels(const book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                      int first_year)
{
    year_headings(b, ws, row, col, first_year, "");
}

void book_cell(lxw_row_t row, lxw_col_t col, bool absolute, char *buf, size_t size)
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

void book_sumif(lxw_col_t label_col, const char *label, lxw_row_t from, lxw_row_t to, lxw_col_t col,
                char *buf, size_t size)
{
    char first[16], last[16], top[16], bottom[16];
    book_cell(from, label_col, true, first, sizeof first);
    book_cell(to, label_col, true, last, sizeof last);
    book_cell(from, col, false, top, sizeof top);
    book_cell(to, col, false, bottom, sizeof bottom);
    snprintf(buf, size, "=SUMIF(%s:%s,\"%s\",%s:%s)", first, last, label, top, bottom);
}

void book_scenario_heading(const book *b, size_t scenario, char *buf, size_t size)
{
    const mtfp_scenario *s = &b->run->scenarios[scenario];
    if (s->file)
        book_format(buf, size, "Scenario: %s", s->name);
    else
        book_format(buf, size, "%s (the model with no scenario)", s->name);
}

void book_source(const char *file, int line, char *buf, size_t size)
{
    if (!file || !*file)
        buf[0] = '\0';
    else if (line > 0)
        book_format(buf, size, "%s:%d", file, line);
    else
        book_format(buf, size, "%s", file);
}

/* Page set-up every sheet shares: A4 landscape, headings repeated, a footer
 * naming the model, the sheet and the page. Its scale and page breaks wait
 * until the sheet is written (print_setup). */
static lxw_worksheet *add_sheet(book *b, const char *name)
{
    lxw_worksheet *ws = workbook_add_worksheet(b->workbook, name);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_repeat_rows(ws, 0, 1);
    /* The model's name, cut at a character if long, with each '&' (which
     * starts a code in headers and footers) doubled: within Excel's 255. */
    char cut[100], model[2 * sizeof cut], footer[256], fitted[256];
    book_format(cut, sizeof cut, "%s", b->run->model.name);
    size_t k = 0;
    for (const char *c = cut; *c; c++) {
        if (*c == '&')
            model[k++] = '&';
        model[k++] = *c;
    }
    model[k] = '\0';
    book_format(footer, sizeof footer, "&L%s&C&A&RPage &P of &N", model);
    worksheet_set_footer(ws, book_fit(footer, fitted, sizeof fitted));
    return ws;
}

void book_new_page(book *b, lxw_row_t row)
{
    if (b->break_count < LXW_BREAKS_MAX) /* Excel's limit: the rest run on */
        b->breaks[b->break_count++] = row;
}

void book_keep_together(book *b, lxw_row_t first, lxw_row_t rows, lxw_row_t page_rows)
{
    /* The page being filled begins at the last break, or under the title
     * rows on the first. */
    lxw_row_t top = b->break_count > 0 ? b->breaks[b->break_count - 1] : 2;
    if (first > top && first + rows > top + page_rows)
        book_new_page(b, first);
}

void book_scenario_block(book *b, lxw_worksheet *ws, lxw_row_t row, const char *heading)
{
    if (b->blocks++ > 0) /* the first follows the sheet's title */
        book_new_page(b, row);
    book_text(ws, row, 0, heading, b->formats.heading);
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

double book_columns_pixels(const lxw_worksheet *ws, lxw_col_t first, lxw_col_t last)
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
    return book_columns_pixels(ws, 0, *last);
}

/* A4 landscape is 297 mm wide; less libxlsxwriter's margins of 0.7 inch at
 * each side, at Excel's 96 pixels an inch. */
#define PRINTABLE_PIXELS ((297 / 25.4 - 2 * 0.7) * 96)

unsigned book_print_scale(double sheet_pixels)
{
    /* 10% to spare: a program draws a column of n characters from its own
     * font's digit (LibreOffice with Carlito, Calibri's twin, draws them 6%
     * wider than Excel's rule). */
    double scale = floor(PRINTABLE_PIXELS * 0.90 * 100 / sheet_pixels);
    return scale < 10 ? 10 : scale > 100 ? 100 : (unsigned)scale;
}

/* A4 landscape is 210 mm high; less libxlsxwriter's margins of 0.75 inch at
 * top and bottom. */
#define PRINTABLE_HEIGHT ((210 / 25.4 - 2 * 0.75) * 96)

lxw_row_t book_page_rows(unsigned scale)
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
static void print_setup(book *b, lxw_worksheet *ws)
{
    lxw_col_t last;
    worksheet_set_print_scale(ws, (uint16_t)book_print_scale(sheet_pixels(ws, &last)));
    /* Those columns, whole: text that runs on past the last (a long heading)
     * is cut at the page's edge, as Excel prints it, where LibreOffice would
     * add a page for it. */
    book_wrote(worksheet_print_area(ws, 0, 0, LXW_ROW_MAX - 1, last), ws, 0, last);
    if (b->break_count > 0) {
        b->breaks[b->break_count] = 0; /* the list's end */
        book_wrote(worksheet_set_h_pagebreaks(ws, b->breaks), ws, b->breaks[0], 0);
    }
    b->break_count = 0;
    b->blocks = 0;
}

static mtfp_status close_workbook(book *b, const char *path)
{
    lxw_error error = workbook_close(b->workbook);
    b->workbook = NULL;
    if (error != LXW_NO_ERROR)
        return mtfp_diag_error(b->diag, MTFP_ERR_OUTPUT, path, 0, 0,
                               "cannot write the workbook: %s", lxw_strerror(error));
    return MTFP_OK;
}

mtfp_status book_rows_fit(const book *b, lxw_worksheet *ws, lxw_row_t rows)
{
    if (rows <= b->max_rows)
        return MTFP_OK;
    /* libxlsxwriter drops the cells beyond the limit without a word, which
     * would leave a pack that does not add up. */
    return mtfp_diag_error(b->diag, MTFP_ERR_OUTPUT, NULL, 0, 0,
                           "the pack's %s sheet needs more than the %lu rows a worksheet can "
                           "hold (Excel's limit): put fewer scenarios in one pack (this one has "
                           "%zu)",
                           ws->name, (unsigned long)b->max_rows, b->run->count);
}

static void report(const book *b, const char *step, size_t done, size_t total)
{
    if (b->progress)
        b->progress(b->progress_context, step, done, total);
}

mtfp_status book_scenario_written(const book *b, lxw_worksheet *ws, size_t scenario, lxw_row_t rows)
{
    report(b, ws->name, scenario + 1, b->run->count);
    return book_rows_fit(b, ws, rows);
}

mtfp_status mtfp_book_write(const mtfp_run *run, const char *path, mtfp_step_progress progress,
                            void *context, mtfp_diag *diag)
{
    return book_write(run, path, LXW_ROW_MAX, progress, context, diag);
}

/* The sheet writers in the order they run: Revenue before Summary, which
 * refers to its totals. A sheet the run has not got is NULL and skipped. */
static const struct {
    size_t sheet; /* offsetof(book, ...) */
    mtfp_status (*write)(book *b);
} writers[] = {
    {offsetof(book, cover), book_write_cover},
    {offsetof(book, revenue), book_write_revenue},
    {offsetof(book, summary), book_write_summary},
    {offsetof(book, compare), book_write_compare},
    {offsetof(book, sweep), book_write_sweep},
    {offsetof(book, simulation), book_write_simulation},
    {offsetof(book, staffing), book_write_staffing},
    {offsetof(book, posts), book_write_posts},
    {offsetof(book, placements), book_write_placements},
    {offsetof(book, savings), book_write_savings},
    {offsetof(book, capital), book_write_capital},
    {offsetof(book, pools), book_write_pools},
    {offsetof(book, assumptions), book_write_assumptions},
    {offsetof(book, audit), book_write_audit},
};

mtfp_status book_write(const mtfp_run *run, const char *path, lxw_row_t max_rows,
                       mtfp_step_progress progress, void *context, mtfp_diag *diag)
{
    char *dir = mtfp_path_dir(path);
    if (!dir)
        return MTFP_ERR_MEMORY;
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = dir};
    book b = {.run = run,
              .max_rows = max_rows,
              .progress = progress,
              .progress_context = context,
              .diag = diag};
    refused.error = LXW_NO_ERROR;
    /* libxlsxwriter makes a temporary file for each worksheet as it is added
     * and unlinks it just after: a Ctrl-C between the two left one
     * ("tmp.XXXXXXXXXX") beside the pack, which the stopped run's clean-up
     * cannot name. The stop signals wait while the workbook and its sheets
     * are made, a moment. */
    sigset_t stops, saved;
    sigemptyset(&stops);
    sigaddset(&stops, SIGINT);
    sigaddset(&stops, SIGTERM);
    sigaddset(&stops, SIGHUP);
    sigprocmask(SIG_BLOCK, &stops, &saved);
    b.workbook = workbook_new_opt(path, &options);
    b.totals.row = calloc(run->count ? run->count : 1, sizeof *b.totals.row);
    if (!b.workbook || !b.totals.row) {
        sigprocmask(SIG_SETMASK, &saved, NULL);
        free(dir);
        free(b.totals.row);
        if (b.workbook)
            workbook_close(b.workbook);
        return mtfp_diag_error(diag, MTFP_ERR_OUTPUT, path, 0, 0, "cannot create the workbook");
    }
    char title[256], company[256];
    lxw_doc_properties properties = {
        .title = (char *)book_fit(run->model.name, title, sizeof title),
        .subject = "Medium-term financial plan",
        .author = "mtfp " MTFP_VERSION,
        .company = run->model.organisation
                       ? (char *)book_fit(run->model.organisation, company, sizeof company)
                       : NULL,
        .created = FIXED_CREATED};
    workbook_set_properties(b.workbook, &properties);
    make_formats(&b);
    b.cover = add_sheet(&b, "Cover");
    b.summary = add_sheet(&b, "Summary");
    b.compare = add_sheet(&b, "Compare");
    if (run->sweep)
        b.sweep = add_sheet(&b, "Sweep");
    if (run->simulation_count > 0)
        b.simulation = add_sheet(&b, "Simulation");
    b.revenue = add_sheet(&b, "Revenue");
    if (mtfp_run_has_staffing(run)) {
        b.staffing = add_sheet(&b, "Staffing");
        b.posts = add_sheet(&b, "Posts");
    }
    if (mtfp_run_has_placements(run))
        b.placements = add_sheet(&b, "Placements");
    if (mtfp_run_has_savings(run))
        b.savings = add_sheet(&b, "Savings");
    if (mtfp_run_has_capital(run))
        b.capital = add_sheet(&b, "Capital");
    if (mtfp_run_has_pools(run))
        b.pools = add_sheet(&b, "Pooled budgets");
    b.assumptions = add_sheet(&b, "Assumptions");
    b.audit = add_sheet(&b, "Audit");
    sigprocmask(SIG_SETMASK, &saved, NULL);
    mtfp_status status = MTFP_OK;
    for (size_t i = 0; status == MTFP_OK && i < sizeof writers / sizeof *writers; i++) {
        lxw_worksheet *ws = *(lxw_worksheet **)((char *)&b + writers[i].sheet);
        if (!ws)
            continue;
        report(&b, ws->name, 0, run->count);
        status = writers[i].write(&b);
        print_setup(&b, ws);
    }
    if (status == MTFP_OK && refused.error != LXW_NO_ERROR)
        status = mtfp_diag_error(diag, MTFP_ERR_OUTPUT, NULL, 0, 0,
                                 "internal error: libxlsxwriter did not write %s (%s), so no pack "
                                 "was written; please report this",
                                 refused.where, lxw_strerror(refused.error));
    /* libxlsxwriter compresses every sheet as it closes: on a large pack
     * about half the time, with nothing to count. */
    report(&b, "compressing", 0, 0);
    mtfp_status closed = close_workbook(&b, path);
    report(&b, NULL, 0, 0);
    free(b.totals.row);
    free(dir);
    return status != MTFP_OK ? status : closed;
}
