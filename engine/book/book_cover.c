/* Cover: what the pack is, what it was made from, and a contents list. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "book.h"
#include "mtfp/version.h"

static lxw_row_t contents(book *b, lxw_row_t row)
{
    /* Each sheet with where the book keeps it: a sheet the run has no
     * figures for is not made (NULL) and not listed. */
    static const struct {
        const char *sheet;
        size_t worksheet;
        const char *what;
    } sheets[] = {
        {"Summary", offsetof(book, summary), "the medium-term financial plan of each scenario"},
        {"Compare", offsetof(book, compare),
         "each scenario less Base, line by line and year by year"},
        {"Sweep", offsetof(book, sweep),
         "the gap as params vary, and the tornado of each param's range"},
        {"Simulation", offsetof(book, simulation),
         "Monte Carlo: the range of the gap and the NBR, fan chart and histogram"},
        {"Revenue", offsetof(book, revenue),
         "the budget by partner, service and subjective, by year"},
        {"Staffing", offsetof(book, staffing),
         "the establishment: FTE, headcount, pay bill against the Employees budget"},
        {"Posts", offsetof(book, posts),
         "the establishment post by post: service, title, category, grade, point, FTE"},
        {"Placements", offsetof(book, placements),
         "placements by type: numbers, weeks, cost and demand pressure"},
        {"Savings", offsetof(book, savings),
         "the savings tracker: RAG, planned and risk-adjusted delivery"},
        {"Capital", offsetof(book, capital),
         "the capital programme, its funding and its revenue consequences"},
        {"Pooled budgets", offsetof(book, pools),
         "contributions, spend, variance and each partner's share"},
        {"Assumptions", offsetof(book, assumptions), "indices, parameters and funding"},
        {"Audit", offsetof(book, audit),
         "every change applied, with its script line, and the findings"},
    };
    lxw_worksheet *ws = b->cover;
    book_text(ws, row++, 0, "Contents", b->formats.heading);
    for (size_t i = 0; i < sizeof sheets / sizeof *sheets; i++) {
        if (!*(lxw_worksheet **)((char *)b + sheets[i].worksheet))
            continue;
        char url[64];
        snprintf(url, sizeof url, "internal:'%s'!A1", sheets[i].sheet);
        book_wrote(worksheet_write_url_opt(ws, row, 0, url, b->formats.link, sheets[i].sheet, NULL),
                   ws, row, 0);
        book_text(ws, row++, 1, sheets[i].what, b->formats.text);
    }
    return row + 1;
}

/* The findings (a grant that ends under posts it paid for, a control total
 * the lines miss), where a reader starts rather than only at the foot of the
 * Audit sheet: the first few, and how many more the Audit lists. */
static lxw_row_t findings(book *b, lxw_row_t row)
{
    enum { SHOWN = 10 };
    const mtfp_diag *diag = &b->run->findings;
    if (diag->warning_count == 0)
        return row;
    lxw_worksheet *ws = b->cover;
    book_text(ws, row++, 0, "Findings to read before the figures", b->formats.heading);
    for (size_t i = 0; i < diag->warning_count && i < SHOWN; i++) {
        char text[MTFP_DIAG_FILE_MAX + MTFP_DIAG_MESSAGE_MAX + 32];
        mtfp_finding_format(&diag->warnings[i], text, sizeof text);
        book_text(ws, row++, 0, text, b->formats.text);
    }
    if (diag->warning_count > SHOWN) {
        char more[80];
        snprintf(more, sizeof more, "and %zu more: the Audit sheet lists them all",
                 diag->warning_count - SHOWN);
        book_text(ws, row++, 0, more, b->formats.note);
    }
    return row + 1;
}

static lxw_row_t scenarios(book *b, lxw_row_t row)
{
    lxw_worksheet *ws = b->cover;
    book_text(ws, row++, 0, "Scenarios", b->formats.heading);
    for (size_t s = 0; s < b->run->count; s++) {
        const mtfp_scenario *scenario = &b->run->scenarios[s];
        /* The file in the third column: a long name runs on over the empty second. */
        book_text(ws, row, 0, scenario->name, b->formats.text);
        book_text(ws, row++, 2, scenario->file ? scenario->file : "the model with no scenario",
                  b->formats.text);
        if (scenario->description) /* scenario { description = ... }, under its name */
            book_text(ws, row++, 0, scenario->description, b->formats.note);
    }
    return row + 1;
}

static lxw_row_t inputs(book *b, lxw_row_t row)
{
    lxw_worksheet *ws = b->cover;
    const mtfp_model *model = &b->run->model;
    book_text(ws, row++, 0, "Inputs", b->formats.heading);
    book_text(ws, row, 0, "Role", b->formats.header);
    book_text(ws, row, 1, "File", b->formats.header);
    book_text(ws, row++, 2, "SHA-256", b->formats.header);
    for (size_t i = 0; i < model->input_count; i++) {
        book_text(ws, row, 0, model->inputs[i].role, b->formats.text);
        book_text(ws, row, 1, model->inputs[i].path, b->formats.text);
        book_text(ws, row++, 2, model->inputs[i].sha256, b->formats.text);
    }
    return row + 1;
}

mtfp_status book_write_cover(book *b)
{
    lxw_worksheet *ws = b->cover;
    const mtfp_model *model = &b->run->model;
    char text[512], first[MTFP_YEAR_LABEL_MAX], last[MTFP_YEAR_LABEL_MAX];
    worksheet_set_column(ws, 0, 0, 24, NULL);
    worksheet_set_column(ws, 1, 1, 60, NULL);
    worksheet_set_column(ws, 2, 2, 66, NULL);
    book_format(text, sizeof text, "%s: medium-term financial plan", model->name);
    book_text(ws, 0, 0, text, b->formats.title);
    lxw_row_t row = 2;
    const char *labels[] = {"Organisation", "Model", "Base year", "Projection years", "Engine"};
    mtfp_model_year_label(model, 0, first);
    mtfp_model_year_label(model, model->years, last);
    char horizon[64], base[MTFP_YEAR_LABEL_MAX];
    mtfp_model_year_label(model, 1, base);
    snprintf(horizon, sizeof horizon, "%d (%s to %s)", model->years, base, last);
    const char *values[] = {model->organisation ? model->organisation : "", model->dir, first,
                            horizon, "mtfp " MTFP_VERSION};
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
        book_text(ws, row, 0, labels[i], b->formats.bold);
        book_text(ws, row++, 1, values[i], b->formats.text);
    }
    /* Two lines, each within the sheet's columns: a printer cuts off (and
     * LibreOffice adds a page for) text that runs on past the last. */
    book_text(ws, row++, 0,
              "Amounts are in pounds. In budget lines spend is positive and income negative; "
              "funding is positive, and a positive gap is a shortfall.",
              b->formats.note);
    book_text(ws, row++, 0, "Blue figures are inputs, black ones are computed or formulas.",
              b->formats.note);
    row = findings(b, row + 1);
    row = contents(b, row);
    row = scenarios(b, row);
    return book_rows_fit(b, ws, inputs(b, row));
}
