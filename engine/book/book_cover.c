/* Cover: what the pack is, what it was made from, and a contents list. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "book.h"
#include "cells.h"
#include "mtfp/version.h"
#include "print.h"
#include "text.h"

static lxw_row_t contents(mtfp_book *b, lxw_row_t row)
{
    lxw_worksheet *ws = b->sheets[MTFP_SHEET_COVER];
    mtfp_book_text(b, ws, row++, 0, "Contents", b->formats.heading);
    /* Every sheet this pack has but the Cover, as the registry describes it. */
    for (int s = 0; s < MTFP_SHEETS; s++) {
        const char *name = mtfp_book_sheet_name((mtfp_sheet)s);
        const char *about = mtfp_book_sheet_about((mtfp_sheet)s);
        if (!b->sheets[s] || !about)
            continue;
        char url[64];
        snprintf(url, sizeof url, "internal:'%s'!A1", name);
        mtfp_book_wrote(b, worksheet_write_url_opt(ws, row, 0, url, b->formats.link, name, NULL),
                        ws, row, 0);
        mtfp_book_text(b, ws, row++, 1, about, b->formats.text);
    }
    return row + 1;
}

/* The findings (a grant that ends under posts it paid for, a control total
 * the lines miss), where a reader starts rather than only at the foot of the
 * Audit sheet: the first few, and how many more the Audit lists. */
static lxw_row_t findings(mtfp_book *b, lxw_row_t row)
{
    enum { SHOWN = 10 };
    const mtfp_diag *diag = &b->run->findings;
    if (diag->warning_count == 0)
        return row;
    lxw_worksheet *ws = b->sheets[MTFP_SHEET_COVER];
    mtfp_book_text(b, ws, row++, 0, "Findings to read before the figures", b->formats.heading);
    for (size_t i = 0; i < diag->warning_count && i < SHOWN; i++) {
        char text[MTFP_DIAG_FILE_MAX + MTFP_DIAG_MESSAGE_MAX + 32];
        mtfp_finding_format(&diag->warnings[i], text, sizeof text);
        mtfp_book_text(b, ws, row++, 0, text, b->formats.text);
    }
    if (diag->warning_count > SHOWN) {
        char more[80];
        snprintf(more, sizeof more, "and %zu more: the Audit sheet lists them all",
                 diag->warning_count - SHOWN);
        mtfp_book_text(b, ws, row++, 0, more, b->formats.note);
    }
    return row + 1;
}

static lxw_row_t scenarios(mtfp_book *b, lxw_row_t row)
{
    lxw_worksheet *ws = b->sheets[MTFP_SHEET_COVER];
    mtfp_book_text(b, ws, row++, 0, "Scenarios", b->formats.heading);
    for (size_t s = 0; s < b->run->count; s++) {
        const mtfp_scenario *scenario = &b->run->scenarios[s];
        /* The file in the third column: a long name runs on over the empty second. */
        mtfp_book_text(b, ws, row, 0, scenario->name, b->formats.text);
        mtfp_book_text(b, ws, row++, 2,
                       scenario->file ? scenario->file : "the model with no scenario",
                       b->formats.text);
        if (scenario->description) /* scenario { description = ... }, under its name */
            mtfp_book_text(b, ws, row++, 0, scenario->description, b->formats.note);
    }
    return row + 1;
}

static lxw_row_t inputs(mtfp_book *b, lxw_row_t row)
{
    lxw_worksheet *ws = b->sheets[MTFP_SHEET_COVER];
    const mtfp_model *model = &b->run->model;
    mtfp_book_text(b, ws, row++, 0, "Inputs", b->formats.heading);
    mtfp_book_text(b, ws, row, 0, "Role", b->formats.header);
    mtfp_book_text(b, ws, row, 1, "File", b->formats.header);
    mtfp_book_text(b, ws, row++, 2, "SHA-256", b->formats.header);
    for (size_t i = 0; i < model->input_count; i++) {
        mtfp_book_text(b, ws, row, 0, model->inputs[i].role, b->formats.text);
        mtfp_book_text(b, ws, row, 1, model->inputs[i].path, b->formats.text);
        mtfp_book_text(b, ws, row++, 2, model->inputs[i].sha256, b->formats.text);
    }
    return row + 1;
}

mtfp_status mtfp_book_write_cover(mtfp_book *b, lxw_worksheet *ws)
{
    const mtfp_model *model = &b->run->model;
    char text[512], first[MTFP_YEAR_LABEL_MAX], last[MTFP_YEAR_LABEL_MAX];
    worksheet_set_column(ws, 0, 0, 24, NULL);
    worksheet_set_column(ws, 1, 1, 60, NULL);
    worksheet_set_column(ws, 2, 2, 66, NULL);
    mtfp_book_format(text, sizeof text, "%s: medium-term financial plan", model->name);
    mtfp_book_text(b, ws, 0, 0, text, b->formats.title);
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
        mtfp_book_text(b, ws, row, 0, labels[i], b->formats.bold);
        mtfp_book_text(b, ws, row++, 1, values[i], b->formats.text);
    }
    /* Two lines, each within the sheet's columns: a printer cuts off (and
     * LibreOffice adds a page for) text that runs on past the last. */
    mtfp_book_text(b, ws, row++, 0,
                   "Amounts are in pounds. In budget lines spend is positive and income negative; "
                   "funding is positive, and a positive gap is a shortfall.",
                   b->formats.note);
    mtfp_book_text(b, ws, row++, 0, "Blue figures are inputs, black ones are computed or formulas.",
                   b->formats.note);
    row = findings(b, row + 1);
    row = contents(b, row);
    row = scenarios(b, row);
    return mtfp_book_rows_fit(b, ws, inputs(b, row));
}
