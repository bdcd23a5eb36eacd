/* The cabinet pack (SPEC "The workbook"): the registry of its sheets, its
 * formats, and the driver that makes the workbook and has each sheet
 * written by its book_<sheet>.c. */
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
#include "print.h"
#include "text.h"

/* Thousands separators, negatives in brackets, a dash for zero. */
#define MONEY_FORMAT "#,##0.00_);(#,##0.00);\"-\"??_)"
/* The document's creation time is fixed (2000-01-01) so that the same inputs
 * give the same bytes. */
#define FIXED_CREATED 946684800

lxw_format *mtfp_book_new_format(lxw_workbook *wb, bool bold, const char *num, uint32_t colour)
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

static void make_formats(mtfp_book *b)
{
    lxw_workbook *wb = b->workbook;
    mtfp_book_formats *f = &b->formats;
    f->title = mtfp_book_new_format(wb, true, NULL, 0);
    format_set_font_size(f->title, 14);
    f->heading = mtfp_book_new_format(wb, true, NULL, 0);
    format_set_font_size(f->heading, 12);
    f->header = mtfp_book_new_format(wb, true, NULL, 0);
    format_set_bottom(f->header, LXW_BORDER_THIN);
    format_set_text_wrap(f->header);
    f->year = mtfp_book_new_format(wb, true, NULL, 0);
    format_set_bottom(f->year, LXW_BORDER_THIN);
    format_set_align(f->year, LXW_ALIGN_RIGHT);
    format_set_text_wrap(f->year);
    f->text = mtfp_book_new_format(wb, false, NULL, 0);
    f->bold = mtfp_book_new_format(wb, true, NULL, 0);
    f->note = mtfp_book_new_format(wb, false, NULL, 0x595959);
    format_set_italic(f->note);
    f->wrapped = mtfp_book_new_format(wb, false, NULL, 0);
    format_set_text_wrap(f->wrapped);
    f->note_wrapped = mtfp_book_new_format(wb, false, NULL, 0x595959);
    format_set_italic(f->note_wrapped);
    format_set_text_wrap(f->note_wrapped);
    f->link = mtfp_book_new_format(wb, false, NULL, LXW_COLOR_BLUE);
    format_set_underline(f->link, LXW_UNDERLINE_SINGLE);
    f->money = mtfp_book_new_format(wb, false, MONEY_FORMAT, 0);
    /* Inputs in blue, formulas and computed figures in black: the modelling
     * convention finance teams know. */
    f->money_input = mtfp_book_new_format(wb, false, MONEY_FORMAT, 0x0000FF);
    f->money_total = mtfp_book_new_format(wb, true, MONEY_FORMAT, 0);
    format_set_top(f->money_total, LXW_BORDER_THIN);
    f->percent = mtfp_book_new_format(wb, false, "0.00%", 0x0000FF);
    /* A param may be a rate (0.5), a count (3) or pounds (150,000). */
    f->number_input =
        mtfp_book_new_format(wb, false, "[>=1000]#,##0;[<=-1000]-#,##0;General", 0x0000FF);
    f->share = mtfp_book_new_format(wb, false, "0.0%", 0);
    f->count = mtfp_book_new_format(wb, false, "#,##0", 0);
    f->quantity = mtfp_book_new_format(wb, false, "#,##0.00", 0);
    f->quantity_total = mtfp_book_new_format(wb, true, "#,##0.00", 0);
    f->count_total = mtfp_book_new_format(wb, true, "#,##0", 0);
}

static mtfp_status close_workbook(mtfp_book *b, const char *path)
{
    lxw_error error = workbook_close(b->workbook);
    b->workbook = NULL;
    if (error != LXW_NO_ERROR)
        return mtfp_diag_error(b->diag, MTFP_ERR_OUTPUT, path, 0, 0,
                               "cannot write the workbook: %s", lxw_strerror(error));
    return MTFP_OK;
}

mtfp_status mtfp_book_rows_fit(const mtfp_book *b, lxw_worksheet *ws, lxw_row_t rows)
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

static void report(const mtfp_book *b, const char *step, size_t done, size_t total)
{
    if (b->progress)
        b->progress(b->progress_context, step, done, total);
}

mtfp_status mtfp_book_scenario_written(const mtfp_book *b, lxw_worksheet *ws, size_t scenario,
                                       lxw_row_t rows)
{
    report(b, ws->name, scenario + 1, b->run->count);
    return mtfp_book_rows_fit(b, ws, rows);
}

mtfp_status mtfp_book_write(const mtfp_run *run, const char *path, mtfp_step_progress progress,
                            void *context, mtfp_diag *diag)
{
    return mtfp_book_write_rows(run, path, LXW_ROW_MAX, progress, context, diag);
}

static bool swept(const mtfp_run *run)
{
    return run->sweep != NULL;
}

static bool simulated(const mtfp_run *run)
{
    return run->simulation_count > 0;
}

static bool monitored(const mtfp_run *run)
{
    return mtfp_monitoring_present(&run->model.monitoring);
}

/* The pack's sheets, in the order of its tabs: its tab's name, what the
 * Cover's contents say of it (NULL: the Cover itself), whether a run has it
 * (NULL: every run), its writer, and the sheet whose formulas refer to its
 * cells, before which it is written (none but the Cover, which none feeds:
 * the Revenue feeds the Summary its totals). */
static const struct {
    const char *name;
    const char *about;
    bool (*present)(const mtfp_run *run);
    mtfp_status (*write)(mtfp_book *b, lxw_worksheet *ws);
    mtfp_sheet feeds;
} sheets[MTFP_SHEETS] = {
    [MTFP_SHEET_COVER] = {"Cover", NULL, NULL, mtfp_book_write_cover},
    [MTFP_SHEET_SUMMARY] = {"Summary", "the medium-term financial plan of each scenario", NULL,
                            mtfp_book_write_summary},
    [MTFP_SHEET_COMPARE] = {"Compare", "each scenario less Base, line by line and year by year",
                            NULL, mtfp_book_write_compare},
    [MTFP_SHEET_SWEEP] = {"Sweep", "the gap as params vary, and the tornado of each param's range",
                          swept, mtfp_book_write_sweep},
    [MTFP_SHEET_SIMULATION] = {"Simulation",
                               "Monte Carlo: the range of the gap and the NBR, fan chart and "
                               "histogram",
                               simulated, mtfp_book_write_simulation},
    [MTFP_SHEET_REVENUE] = {"Revenue", "the budget by partner, service and subjective, by year",
                            NULL, mtfp_book_write_revenue, MTFP_SHEET_SUMMARY},
    [MTFP_SHEET_STAFFING] = {"Staffing",
                             "the establishment: FTE, headcount, pay bill against the Employees "
                             "budget",
                             mtfp_run_has_staffing, mtfp_book_write_staffing},
    [MTFP_SHEET_POSTS] = {"Posts",
                          "the establishment post by post: service, title, category, grade, "
                          "point, FTE",
                          mtfp_run_has_staffing, mtfp_book_write_posts},
    [MTFP_SHEET_PLACEMENTS] = {"Placements",
                               "placements by type: numbers, weeks, cost and demand pressure",
                               mtfp_run_has_placements, mtfp_book_write_placements},
    [MTFP_SHEET_SAVINGS] = {"Savings",
                            "the savings tracker: RAG, planned and risk-adjusted delivery",
                            mtfp_run_has_savings, mtfp_book_write_savings},
    [MTFP_SHEET_CAPITAL] = {"Capital",
                            "the capital programme, its funding and its revenue consequences",
                            mtfp_run_has_capital, mtfp_book_write_capital},
    [MTFP_SHEET_POOLS] = {"Pooled budgets",
                          "contributions, spend, variance and each partner's share",
                          mtfp_run_has_pools, mtfp_book_write_pools},
    [MTFP_SHEET_MONITORING] = {"Monitoring",
                               "the base year's actuals and forecast outturn against budget, "
                               "and what recurs",
                               monitored, mtfp_book_write_monitoring},
    [MTFP_SHEET_RISKS] = {"Risks",
                          "the risk register: heat map, scores, bands and expected cost by year",
                          mtfp_run_has_risks, mtfp_book_write_risks},
    [MTFP_SHEET_ASSUMPTIONS] = {"Assumptions", "indices, parameters and funding", NULL,
                                mtfp_book_write_assumptions},
    [MTFP_SHEET_AUDIT] = {"Audit", "every change applied, with its script line, and the findings",
                          NULL, mtfp_book_write_audit},
};

const char *mtfp_book_sheet_name(mtfp_sheet sheet)
{
    return sheets[sheet].name;
}

const char *mtfp_book_sheet_about(mtfp_sheet sheet)
{
    return sheets[sheet].about;
}

/* The sheets this run has, made in the order of their tabs. libxlsxwriter
 * makes a temporary file for each worksheet as it is added and unlinks it
 * just after: a Ctrl-C between the two left one ("tmp.XXXXXXXXXX") beside
 * the pack, which the stopped run's clean-up cannot name. The stop signals
 * wait while the sheets are made, a moment. */
static void add_sheets(mtfp_book *b)
{
    sigset_t stops, saved;
    sigemptyset(&stops);
    sigaddset(&stops, SIGINT);
    sigaddset(&stops, SIGTERM);
    sigaddset(&stops, SIGHUP);
    sigprocmask(SIG_BLOCK, &stops, &saved);
    for (int s = 0; s < MTFP_SHEETS; s++)
        if (!sheets[s].present || sheets[s].present(b->run))
            b->sheets[s] = mtfp_book_add_sheet(b, sheets[s].name);
    sigprocmask(SIG_SETMASK, &saved, NULL);
}

/* Write sheet s, after the sheets that feed it. */
static mtfp_status write_sheet(mtfp_book *b, int s, bool *written)
{
    lxw_worksheet *ws = b->sheets[s];
    if (!ws || written[s])
        return MTFP_OK;
    for (int t = 0; t < MTFP_SHEETS; t++)
        if (sheets[t].feeds == (mtfp_sheet)s && s != MTFP_SHEET_COVER)
            MTFP_TRY(write_sheet(b, t, written));
    written[s] = true;
    report(b, ws->name, 0, b->run->count);
    MTFP_TRY(sheets[s].write(b, ws));
    mtfp_book_print_setup(b, ws);
    return MTFP_OK;
}

/* Write every sheet the run has, in the order of their tabs but for those
 * that feed another. */
static mtfp_status write_sheets(mtfp_book *b)
{
    bool written[MTFP_SHEETS] = {false};
    for (int s = 0; s < MTFP_SHEETS; s++)
        MTFP_TRY(write_sheet(b, s, written));
    if (b->refused != LXW_NO_ERROR)
        return mtfp_diag_error(b->diag, MTFP_ERR_OUTPUT, NULL, 0, 0,
                               "internal error: libxlsxwriter did not write %s (%s), so no pack "
                               "was written; please report this",
                               b->refused_at, lxw_strerror(b->refused));
    return MTFP_OK;
}

mtfp_status mtfp_book_write_rows(const mtfp_run *run, const char *path, lxw_row_t max_rows,
                                 mtfp_step_progress progress, void *context, mtfp_diag *diag)
{
    char *dir = mtfp_path_dir(path);
    if (!dir)
        return MTFP_ERR_MEMORY;
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = dir};
    mtfp_book b = {.run = run,
                   .max_rows = max_rows,
                   .progress = progress,
                   .progress_context = context,
                   .diag = diag};
    b.workbook = workbook_new_opt(path, &options);
    b.revenue_total_row = calloc(run->count ? run->count : 1, sizeof *b.revenue_total_row);
    if (!b.workbook || !b.revenue_total_row) {
        free(dir);
        free(b.revenue_total_row);
        if (b.workbook)
            workbook_close(b.workbook);
        return mtfp_diag_error(diag, MTFP_ERR_OUTPUT, path, 0, 0, "cannot create the workbook");
    }
    char title[256], company[256];
    lxw_doc_properties properties = {
        .title = (char *)mtfp_book_fit(run->model.name, title, sizeof title),
        .subject = "Medium-term financial plan",
        .author = "mtfp " MTFP_VERSION,
        .company = run->model.organisation
                       ? (char *)mtfp_book_fit(run->model.organisation, company, sizeof company)
                       : NULL,
        .created = FIXED_CREATED};
    workbook_set_properties(b.workbook, &properties);
    make_formats(&b);
    add_sheets(&b);
    mtfp_status status = write_sheets(&b);
    /* libxlsxwriter compresses every sheet as it closes: on a large pack
     * about half the time, with nothing to count. */
    report(&b, "compressing", 0, 0);
    mtfp_status closed = close_workbook(&b, path);
    report(&b, NULL, 0, 0);
    free(b.revenue_total_row);
    free(dir);
    return status != MTFP_OK ? status : closed;
}

const char *mtfp_book_library_version(void)
{
    return "libxlsxwriter " LXW_VERSION;
}
