/* Assumptions: the values no input gives, which mtfp assumes; then for each
 * scenario, the indices by projection year, the parameters (and which were
 * set on the command line), its uncertain values and the funding. */
#include <stdio.h>

#include "mtfp/assumed.h"

#include "book.h"
#include "cells.h"
#include "print.h"
#include "text.h"

typedef struct sheet {
    mtfp_book *b;
    lxw_worksheet *ws;
    lxw_row_t row;
} sheet;

/* The params' columns: Value (3) to High (tornado), then Description; the
 * widths in characters of Set at and of a Description past the years'. */
enum { PARAM_HIGH = 6, PARAM_DESCRIPTION = 7, SET_AT_WIDTH = 40, DESCRIPTION_WIDTH = 30 };

/* The Description column's width: a year's (16) where the years reach it. */
static size_t description_width(const sheet *k)
{
    return 2 + k->b->run->model.years >= PARAM_DESCRIPTION ? 16 : DESCRIPTION_WIDTH;
}

/* What the figures rest on that no input gives (assumed.h), for every
 * scenario alike: a finance lead who disagrees sets it in model.lua. */
static void assumed(sheet *k)
{
    const mtfp_book_formats *f = &k->b->formats;
    mtfp_assumed list[MTFP_ASSUMED_MAX];
    size_t count = mtfp_assumed_list(k->b->run, list, MTFP_ASSUMED_MAX);
    mtfp_book_text(k->b, k->ws, k->row++, 0,
                   "Assumed: values the figures rest on that no input gives (model.lua sets them)",
                   f->heading);
    if (count == 0) {
        mtfp_book_text(k->b, k->ws, k->row, 0, "None: the model gives every one.", f->note);
        k->row += 2;
        return;
    }
    mtfp_book_text(k->b, k->ws, k->row, 0, "Setting", f->header);
    mtfp_book_text(k->b, k->ws, k->row, 1, "Assumed", f->header);
    mtfp_book_text(k->b, k->ws, k->row++, 2, "What it changes", f->header);
    for (size_t i = 0; i < count; i++) {
        mtfp_book_text(k->b, k->ws, k->row, 0, list[i].setting, f->text);
        mtfp_book_text(k->b, k->ws, k->row, 1, list[i].value, f->text);
        mtfp_book_text(k->b, k->ws, k->row++, 2, list[i].effect, f->note);
    }
    k->row++;
}

static void indices(sheet *k, const mtfp_scenario *scenario)
{
    const mtfp_book_formats *f = &k->b->formats;
    mtfp_book_text(k->b, k->ws, k->row, 0, "Index", f->header);
    mtfp_book_text(k->b, k->ws, k->row, 1, "Set at", f->header);
    /* Rates from the first projection year, each in its year's column of the
     * funding table below (which starts at the base year). */
    mtfp_book_text(k->b, k->ws, k->row, 2, "",
                   f->year); /* the base year: no rate, the heading's rule */
    mtfp_book_year_labels(k->b, k->ws, k->row++, 3, 1);
    for (size_t i = 1; i < scenario->indices.count; i++) { /* 0 is "none" */
        const mtfp_index *index = &scenario->indices.items[i];
        char source[600];
        mtfp_book_source(index->file, index->line, source, sizeof source);
        mtfp_book_text(k->b, k->ws, k->row, 0, index->name, f->text);
        mtfp_book_text(k->b, k->ws, k->row, 1, index->set ? source : "not set: 0%", f->note);
        for (int y = 1; y <= k->b->run->model.years; y++)
            mtfp_book_number(k->b, k->ws, k->row, (lxw_col_t)(2 + y), index->rate[y], f->percent);
        k->row++;
    }
    k->row++;
}

static void params(sheet *k, const mtfp_scenario *scenario)
{
    if (scenario->param_count == 0)
        return;
    const mtfp_book_formats *f = &k->b->formats;
    const char *headings[] = {"Parameter", "Set at",        "Given with --set", "Value",
                              "Default",   "Low (tornado)", "High (tornado)",   "Description"};
    for (lxw_col_t c = 0; c <= PARAM_DESCRIPTION; c++) /* over the numbers, right-aligned */
        mtfp_book_text(k->b, k->ws, k->row, c, headings[c],
                       c < 3 || c == PARAM_DESCRIPTION ? f->header : f->year);
    k->row++;
    for (size_t i = 0; i < scenario->param_count; i++) {
        const mtfp_param *param = &scenario->params[i];
        char source[600];
        mtfp_book_source_via(param->file, param->line, param->via, source, sizeof source);
        /* Set at and a description wrap: the row is as tall as their lines. */
        size_t lines = mtfp_book_wrapped_lines(source, SET_AT_WIDTH);
        if (param->description) {
            size_t n = mtfp_book_wrapped_lines(param->description, description_width(k));
            lines = n > lines ? n : lines;
        }
        mtfp_book_row_lines(k->b, k->ws, k->row, lines);
        mtfp_book_text(k->b, k->ws, k->row, 0, param->name, f->text);
        mtfp_book_text(k->b, k->ws, k->row, 1, source, f->note_wrapped);
        mtfp_book_text(k->b, k->ws, k->row, 2, param->overridden ? "yes" : "no", f->text);
        mtfp_book_number(k->b, k->ws, k->row, 3, param->value, f->number_input);
        mtfp_book_number(k->b, k->ws, k->row, 4, param->fallback, f->number_input);
        if (param->ranged) {
            mtfp_book_number(k->b, k->ws, k->row, 5, param->low, f->number_input);
            mtfp_book_number(k->b, k->ws, k->row, 6, param->high, f->number_input);
        }
        if (param->description)
            mtfp_book_text(k->b, k->ws, k->row, PARAM_DESCRIPTION, param->description,
                           f->note_wrapped);
        k->row++;
    }
    k->row++;
}

/* A scenario's uncertain.* values: each call as written, where, its
 * distribution in words and the mean this pack uses (every sheet but the
 * Simulation, which draws them). */
static void uncertain(sheet *k, const mtfp_scenario *scenario)
{
    if (scenario->uncertain_value_count == 0)
        return;
    const mtfp_book_formats *f = &k->b->formats;
    static const char *const headings[] = {"Uncertain value", "Set at", "Mean (used)",
                                           "Distribution"};
    /* Mean over the numbers, right-aligned; Distribution after it, as the
     * params' Description. */
    static const lxw_col_t columns[] = {0, 1, 3, PARAM_DESCRIPTION};
    for (size_t c = 0; c < 4; c++)
        mtfp_book_text(k->b, k->ws, k->row, columns[c], headings[c], c == 2 ? f->year : f->header);
    k->row++;
    for (size_t i = 0; i < scenario->uncertain_value_count; i++) {
        const mtfp_uncertain_value *u = &scenario->uncertain_values[i];
        char source[700], where[600];
        mtfp_book_source_via(u->file, u->line, u->via, where, sizeof where);
        if (u->calls > 1)
            mtfp_book_format(source, sizeof source, "%s (%zu calls)", where, u->calls);
        else
            mtfp_book_format(source, sizeof source, "%s", where);
        size_t lines = mtfp_book_wrapped_lines(source, SET_AT_WIDTH);
        size_t n = mtfp_book_wrapped_lines(u->parameters, description_width(k));
        size_t call = mtfp_book_wrapped_lines(u->call, 30);
        lines = n > lines ? n : lines;
        lines = call > lines ? call : lines;
        mtfp_book_row_lines(k->b, k->ws, k->row, lines);
        mtfp_book_text(k->b, k->ws, k->row, 0, u->call, f->wrapped);
        mtfp_book_text(k->b, k->ws, k->row, 1, source, f->note_wrapped);
        mtfp_book_number(k->b, k->ws, k->row, 3, u->mean, f->number_input);
        mtfp_book_text(k->b, k->ws, k->row, PARAM_DESCRIPTION, u->parameters, f->note_wrapped);
        k->row++;
    }
    char text[200];
    mtfp_book_format(text, sizeof text,
                     "%zu uncertain value%s (uncertain.*): at %s mean%s on every sheet but the "
                     "Simulation, which draws %s",
                     scenario->uncertain, scenario->uncertain == 1 ? "" : "s",
                     scenario->uncertain == 1 ? "its" : "their",
                     scenario->uncertain == 1 ? "" : "s", scenario->uncertain == 1 ? "it" : "them");
    mtfp_book_text(k->b, k->ws, k->row, 0, text, f->note);
    k->row += 2;
}

static void funding(sheet *k, const mtfp_scenario *scenario)
{
    const mtfp_book_formats *f = &k->b->formats;
    const mtfp_model *model = &k->b->run->model;
    mtfp_book_text(k->b, k->ws, k->row, 0, "Funding source", f->header);
    mtfp_book_text(k->b, k->ws, k->row, 1, "Set at", f->header);
    mtfp_book_year_headings(k->b, k->ws, k->row++, 2, 0);
    for (size_t i = 0; i < scenario->funding.count; i++) {
        const mtfp_funding_source *source = &scenario->funding.sources[i];
        char where[600], text[700], last[MTFP_YEAR_LABEL_MAX];
        mtfp_book_source(source->file, source->line, where, sizeof where);
        if (source->last_year >= 0) {
            mtfp_model_year_label(model, source->last_year, last);
            mtfp_book_format(text, sizeof text, "%s (ends %s)", where, last);
        } else {
            mtfp_book_format(text, sizeof text, "%s", where);
        }
        mtfp_book_text(k->b, k->ws, k->row, 0, source->name, f->text);
        mtfp_book_text(k->b, k->ws, k->row, 1, text, f->note);
        for (int y = 0; y <= model->years; y++)
            mtfp_book_money(k->b, k->ws, k->row, (lxw_col_t)(2 + y),
                            mtfp_funding_source_amount(source, y), f->money_input);
        k->row++;
    }
    k->row++;
}

/* How the risk register is scored and priced: the bands and, for a risk
 * that gives no probability, its likelihood's (model.lua's risks{}, else
 * the defaults). The same in every scenario. */
static void risks(sheet *k)
{
    const mtfp_book_formats *f = &k->b->formats;
    const mtfp_risks *risks = &k->b->run->model.risks;
    mtfp_book_scenario_block(k->b, k->ws, k->row++, "Risks: how the register is scored and priced");
    char source[600], text[700];
    mtfp_book_source(risks->file, risks->line, source, sizeof source);
    mtfp_book_format(text, sizeof text, "%s",
                     risks->file ? source
                                 : "mtfp's defaults: Halton's bands (docs/model-format.md)");
    mtfp_book_text(k->b, k->ws, k->row++, 0,
                   "A risk's score is its likelihood x its severity; a risk that gives no "
                   "probability has its likelihood's.",
                   f->note);
    mtfp_book_text(k->b, k->ws, k->row, 0, "Band", f->header);
    mtfp_book_text(k->b, k->ws, k->row, 1, "Set at", f->header);
    mtfp_book_text(k->b, k->ws, k->row, 2, "Scores from", f->year);
    mtfp_book_text(k->b, k->ws, k->row++, 3, "to", f->year);
    const int top[MTFP_RISK_BANDS] = {risks->low, risks->medium, MTFP_RISK_SCALE * MTFP_RISK_SCALE};
    for (int band = 0; band < MTFP_RISK_BANDS; band++, k->row++) {
        mtfp_book_text(k->b, k->ws, k->row, 0, mtfp_risk_band_name((mtfp_risk_band)band), f->text);
        mtfp_book_text(k->b, k->ws, k->row, 1, text, f->note);
        mtfp_book_number(k->b, k->ws, k->row, 2, band == 0 ? 1 : top[band - 1] + 1, f->count);
        mtfp_book_number(k->b, k->ws, k->row, 3, top[band], f->count);
    }
    k->row++;
    mtfp_book_text(k->b, k->ws, k->row, 0, "Likelihood", f->header);
    mtfp_book_text(k->b, k->ws, k->row, 1, "Set at", f->header);
    mtfp_book_text(k->b, k->ws, k->row++, 2, "Probability", f->year);
    for (int l = 1; l <= MTFP_RISK_SCALE; l++, k->row++) {
        char label[16];
        snprintf(label, sizeof label, "%d", l);
        mtfp_book_text(k->b, k->ws, k->row, 0, label, f->text);
        mtfp_book_text(k->b, k->ws, k->row, 1, text, f->note);
        mtfp_book_number(k->b, k->ws, k->row, 2, risks->probabilities[l], f->percent);
    }
    k->row++;
}

mtfp_status mtfp_book_write_assumptions(mtfp_book *b, lxw_worksheet *ws)
{
    sheet k = {.b = b, .ws = ws, .row = 3};
    /* The years' columns, and at least the params' Value to High (tornado) and
     * their Description, which wraps (a default width cut it at the page's
     * edge). */
    lxw_col_t years_end = (lxw_col_t)(2 + b->run->model.years);
    worksheet_set_column(k.ws, 0, 0, 30, NULL);
    worksheet_set_column(k.ws, 1, 1, SET_AT_WIDTH, NULL);
    worksheet_set_column(k.ws, 2, years_end > PARAM_HIGH ? years_end : PARAM_HIGH, 16, NULL);
    if (years_end < PARAM_DESCRIPTION)
        worksheet_set_column(k.ws, PARAM_DESCRIPTION, PARAM_DESCRIPTION, DESCRIPTION_WIDTH, NULL);
    mtfp_book_title(b, k.ws, "Assumptions: indices, parameters and funding",
                    "Index rates apply in each projection year; a line's value is its base amount "
                    "times the product of (1 + rate) to that year.");
    worksheet_freeze_panes(k.ws, 2, 0);
    assumed(&k);
    for (size_t s = 0; s < b->run->count; s++) {
        const mtfp_scenario *scenario = &b->run->scenarios[s];
        char heading[300];
        mtfp_book_scenario_heading(b, s, heading, sizeof heading);
        mtfp_book_scenario_block(b, k.ws, k.row++, heading);
        indices(&k, scenario);
        params(&k, scenario);
        uncertain(&k, scenario);
        funding(&k, scenario);
    }
    if (mtfp_run_has_risks(b->run))
        risks(&k);
    return mtfp_book_rows_fit(b, k.ws, k.row);
}
