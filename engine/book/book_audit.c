/* Audit: every change applied in every scenario, with the script line that
 * made it and its effect by year; the scenarios' notes; the findings. */
#include <stdio.h>

#include "book.h"
#include "cells.h"
#include "print.h"
#include "text.h"

enum {
    COL_SCENARIO,
    COL_KIND,
    COL_ID,
    COL_TITLE,
    COL_PARTNER,
    COL_SERVICE,
    COL_SUBJECTIVE,
    COL_ENTERS,
    COL_REASON,
    COL_SOURCE,
    COL_FIRST_YEAR
};

static const char *enters_as(uint8_t change)
{
    switch (change) {
    case MTFP_CHANGE_PRESSURE:
        return "pressure";
    case MTFP_CHANGE_SAVING:
        return "saving";
    case MTFP_CHANGE_OTHER:
        return "other change";
    case MTFP_CHANGE_REPORTED:
        return "reported only (not in the budget)";
    default:
        return "revenue line";
    }
}

static const char *name_or_any(const mtfp_names *names, int32_t id)
{
    return id < 0 ? "*" : mtfp_names_get(names, (uint32_t)id);
}

/* The text columns' widths in characters: a longer text wraps, and the row
 * is as tall as its most lines. Narrow enough that the sheet prints on one
 * page's width (53% for a three-year plan): columns as wide as their longest
 * text, up to 64 characters, printed it at 36%, the text 3.6 points high.
 * Kind is as wide as its longest ("staffing.delete_vacant"), which a narrower
 * column broke mid-word. */
static const unsigned widths[COL_FIRST_YEAR] = {16, 22, 14, 22, 9, 16, 14, 11, 26, 19};

/* A row of the text columns (NULL: left empty), wrapped, as tall as its
 * most lines. */
static void text_row(mtfp_book *b, lxw_row_t row, const char *const texts[COL_FIRST_YEAR])
{
    lxw_worksheet *ws = b->sheets[MTFP_SHEET_AUDIT];
    size_t lines = 1;
    for (lxw_col_t c = 0; c < COL_FIRST_YEAR; c++) {
        size_t n = texts[c] ? mtfp_book_wrapped_lines(texts[c], widths[c]) : 1;
        lines = n > lines ? n : lines;
    }
    mtfp_book_row_lines(b, ws, row, lines);
    for (lxw_col_t c = 0; c < COL_FIRST_YEAR; c++)
        if (texts[c])
            mtfp_book_text(b, ws, row, c, texts[c],
                           c == COL_SOURCE ? b->formats.note_wrapped : b->formats.wrapped);
}

/* The entries of a scenario from row on. Returns the next row. */
static lxw_row_t entries(mtfp_book *b, size_t scenario, lxw_row_t row)
{
    lxw_worksheet *ws = b->sheets[MTFP_SHEET_AUDIT];
    const mtfp_model *model = &b->run->model;
    const mtfp_plan *plan = &b->run->plans[scenario];
    const mtfp_book_formats *f = &b->formats;
    for (size_t a = 0; a < plan->audit_count; a++) {
        const mtfp_audit_entry *entry = &plan->audit[a];
        char source[600];
        mtfp_book_source_via(entry->file, entry->line, entry->via, source, sizeof source);
        const char *texts[COL_FIRST_YEAR] = {
            [COL_SCENARIO] = b->run->scenarios[scenario].name,
            [COL_KIND] = entry->kind,
            [COL_ID] = entry->id ? entry->id : "",
            [COL_TITLE] = entry->title ? entry->title : "",
            [COL_PARTNER] = name_or_any(&model->partners, entry->partner),
            [COL_SERVICE] = name_or_any(&model->services, entry->service),
            [COL_SUBJECTIVE] = entry->subjective < 0
                                   ? "*"
                                   : mtfp_subjective_name((mtfp_subjective)entry->subjective),
            [COL_ENTERS] = enters_as(entry->change),
            [COL_REASON] = entry->reason ? entry->reason : "",
            [COL_SOURCE] = source,
        };
        text_row(b, row, texts);
        for (size_t y = 0; y < plan->width; y++)
            mtfp_book_money(b, ws, row, (lxw_col_t)(COL_FIRST_YEAR + y),
                            plan->effects[a * plan->width + y], f->money);
        row++;
    }
    return row;
}

static lxw_row_t notes(mtfp_book *b, lxw_row_t row)
{
    lxw_worksheet *ws = b->sheets[MTFP_SHEET_AUDIT];
    const mtfp_book_formats *f = &b->formats;
    mtfp_book_text(b, ws, row++, 0, "Notes from the scripts", f->heading);
    for (size_t s = 0; s < b->run->count; s++) {
        const mtfp_scenario *scenario = &b->run->scenarios[s];
        for (size_t i = 0; i < scenario->note_count; i++) {
            const mtfp_note *note = &scenario->notes[i];
            char source[600];
            mtfp_book_source_via(note->file, note->line, note->via, source, sizeof source);
            const char *texts[COL_FIRST_YEAR] = {[COL_SCENARIO] = scenario->name,
                                                 [COL_KIND] = note->kind,
                                                 [COL_TITLE] = note->text,
                                                 [COL_SOURCE] = source};
            text_row(b, row++, texts);
        }
    }
    return row + 1;
}

static lxw_row_t findings(mtfp_book *b, lxw_row_t row)
{
    lxw_worksheet *ws = b->sheets[MTFP_SHEET_AUDIT];
    const mtfp_diag *diag = &b->run->findings;
    mtfp_book_text(b, ws, row++, 0, "Reconciliation findings and warnings", b->formats.heading);
    if (diag->warning_count == 0)
        mtfp_book_text(b, ws, row, 0, "None.", b->formats.text);
    for (size_t i = 0; i < diag->warning_count; i++) {
        char text[MTFP_DIAG_FILE_MAX + MTFP_DIAG_MESSAGE_MAX + 32];
        mtfp_finding_format(&diag->warnings[i], text, sizeof text);
        mtfp_book_text(b, ws, row++, 0, text, b->formats.text);
    }
    return row + 1;
}

mtfp_status mtfp_book_write_audit(mtfp_book *b, lxw_worksheet *ws)
{
    const mtfp_book_formats *f = &b->formats;
    static const char *const headings[COL_FIRST_YEAR] = {
        "Scenario",           "Kind",   "Id",         "Title", "Partner", "Service", "Subjective",
        "Enters the plan as", "Reason", "Script line"};
    mtfp_book_text(b, ws, 0, 0, "Audit: every change applied, and its effect by year", f->title);
    for (lxw_col_t c = 0; c < COL_FIRST_YEAR; c++) {
        worksheet_set_column(ws, c, c, widths[c], NULL);
        mtfp_book_text(b, ws, 1, c, headings[c], f->header);
    }
    worksheet_set_column(ws, COL_FIRST_YEAR, (lxw_col_t)(COL_FIRST_YEAR + b->run->model.years), 15,
                         NULL);
    mtfp_book_year_headings(b, ws, 1, COL_FIRST_YEAR, 0);
    worksheet_freeze_panes(ws, 2, 0);
    lxw_row_t row = 2;
    for (size_t s = 0; s < b->run->count; s++) {
        row = entries(b, s, row);
        MTFP_TRY(mtfp_book_scenario_written(b, ws, s, row));
    }
    return mtfp_book_rows_fit(b, ws, findings(b, notes(b, row + 1)));
}
