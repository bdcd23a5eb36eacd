/* The tidy CSV outputs: one row per figure, amounts in pounds with two
 * decimals. */
#define _POSIX_C_SOURCE 200809L

#include "mtfp/csv_out.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csv_analysis.h"
#include "mtfp/memory.h"
#include "mtfp/path.h"
#include "mtfp/report.h"

void mtfp_csv_field(FILE *out, const char *text)
{
    if (!strpbrk(text, ",\"\r\n")) {
        fputs(text, out);
        return;
    }
    fputc('"', out);
    for (const char *c = text; *c; c++) {
        if (*c == '"')
            fputc('"', out);
        fputc(*c, out);
    }
    fputc('"', out);
}

void mtfp_csv_amount(FILE *out, mtfp_pence pence)
{
    char text[MTFP_MONEY_TEXT_MAX];
    mtfp_money_format(pence, text);
    fputs(text, out);
}

static mtfp_status write_summary(const mtfp_run *run, FILE *out, mtfp_diag *diag)
{
    (void)diag;
    fputs("scenario,line,year,amount\n", out);
    bool priced = mtfp_run_has_priced_risks(run);
    for (size_t s = 0; s < run->count; s++) {
        const mtfp_plan *plan = &run->plans[s];
        for (int y = 0; y <= plan->years; y++) {
            char year[MTFP_YEAR_LABEL_MAX];
            mtfp_model_year_label(&run->model, y, year);
            for (int line = 0; line < MTFP_SUMMARY_LINES; line++) {
                if (y == 0 && !mtfp_summary_in_base_year((mtfp_summary_line)line))
                    continue;
                mtfp_csv_field(out, run->scenarios[s].name);
                fprintf(out, ",%s,%s,", mtfp_summary_key((mtfp_summary_line)line), year);
                mtfp_csv_amount(out, plan->summary[line][y]);
                fputc('\n', out);
            }
            for (int line = 0; plan->reserves && y > 0 && line < MTFP_RESERVE_LINES; line++) {
                mtfp_csv_field(out, run->scenarios[s].name);
                fprintf(out, ",%s,%s,", mtfp_reserve_line_key(line), year);
                mtfp_csv_amount(out, mtfp_reserve_line(plan, line, y));
                fputc('\n', out);
            }
            for (int line = 0; priced && y > 0 && line < MTFP_RISK_LINES; line++) {
                mtfp_csv_field(out, run->scenarios[s].name);
                fprintf(out, ",%s,%s,", mtfp_risk_line_key(line), year);
                mtfp_csv_amount(out, mtfp_risk_line(plan, line, y));
                fputc('\n', out);
            }
        }
    }
    return MTFP_OK;
}

/* Each reserve's opening balance, contributions, draws, gap met and closing
 * balance by projection year, and its closing balance in the base year. */
static mtfp_status write_reserves(const mtfp_run *run, FILE *out, mtfp_diag *diag)
{
    (void)diag;
    fputs("scenario,reserve,measure,year,amount\n", out);
    for (size_t s = 0; s < run->count; s++) {
        const mtfp_plan *plan = &run->plans[s];
        const mtfp_reserves *reserves = &run->scenarios[s].reserves;
        for (size_t r = 0; r < plan->reserve_count; r++)
            for (int y = 0; y <= plan->years; y++) {
                char year[MTFP_YEAR_LABEL_MAX];
                mtfp_model_year_label(&run->model, y, year);
                for (int m = y == 0 ? MTFP_RESERVE_CLOSING : 0; m < MTFP_RESERVE_MEASURES; m++) {
                    mtfp_csv_field(out, run->scenarios[s].name);
                    fputc(',', out);
                    mtfp_csv_field(out, reserves->items[r].name);
                    fprintf(out, ",%s,%s,", mtfp_reserve_measure_key(m), year);
                    mtfp_csv_amount(out, mtfp_reserve_measure(plan, r, m)[y]);
                    fputc('\n', out);
                }
            }
    }
    return MTFP_OK;
}

/* The groups of a service as revenue.csv's columns: ",GROUP" or
 * ",GROUP1,GROUP2" (nothing for a model without groups). */
static void groups_of(FILE *out, const mtfp_model *model, uint32_t service)
{
    for (int l = 0; l < model->group_levels; l++) {
        int32_t group = model->service_groups[(size_t)service * MTFP_GROUP_LEVELS + (size_t)l];
        fputc(',', out);
        mtfp_csv_field(out, group >= 0 ? mtfp_names_get(&model->groups, (uint32_t)group) : "");
    }
}

static void monitoring_rows(FILE *out, const mtfp_model *model, const mtfp_monitoring_row *row,
                            const char *month)
{
    for (int m = 0; m < MTFP_MON_MEASURES; m++) {
        mtfp_csv_field(out, row->partner >= 0
                                ? mtfp_names_get(&model->partners, (uint32_t)row->partner)
                                : "*");
        fputc(',', out);
        mtfp_csv_field(out, row->service >= 0
                                ? mtfp_names_get(&model->services, (uint32_t)row->service)
                                : "*");
        fprintf(out, ",%s,%s,%s,%s,",
                row->subjective >= 0 ? mtfp_subjective_name((mtfp_subjective)row->subjective) : "*",
                mtfp_monitoring_rag_key(row->rag),
                mtfp_monitoring_measure_key((mtfp_monitoring_measure)m), month);
        mtfp_csv_amount(out, row->figures[m]);
        fputc('\n', out);
    }
}

/* Budget monitoring in the base year, as at the last month of actuals: each
 * line's figures, each service's (partner and subjective "*") and the
 * total's (all three "*"), each with its RAG rating. */
static mtfp_status write_monitoring(const mtfp_run *run, FILE *out, mtfp_diag *diag)
{
    const mtfp_model *model = &run->model;
    fputs("partner,service,subjective,rag,measure,month,amount\n", out);
    if (!mtfp_monitoring_present(&model->monitoring))
        return MTFP_OK;
    mtfp_monitoring_table table;
    MTFP_TRY(mtfp_monitoring_table_build(model, &table, diag));
    char month[8] = "";
    if (table.month > 0)
        mtfp_month_label(mtfp_year_first_month(model->base_year) + table.month - 1, month);
    for (size_t i = 0; i < table.line_count; i++)
        monitoring_rows(out, model, &table.lines[i], month);
    for (size_t i = 0; i < table.service_count; i++)
        monitoring_rows(out, model, &table.services[i], month);
    monitoring_rows(out, model, &table.total, month);
    mtfp_monitoring_table_free(&table);
    return MTFP_OK;
}

/* The register of each scenario, the highest score first: each risk's
 * scores, band, probability and impact, and by projection year what it costs
 * if it happens (exposure) and that times its probability (expected). */
static mtfp_status write_risks(const mtfp_run *run, FILE *out, mtfp_diag *diag)
{
    (void)diag;
    fputs("scenario,id,title,service,owner,mitigation,likelihood,severity,score,band,"
          "probability,impact,status,measure,year,amount\n",
          out);
    for (size_t s = 0; s < run->count; s++) {
        const mtfp_risks *risks = &run->scenarios[s].risks;
        const mtfp_plan *plan = &run->plans[s];
        size_t *order = malloc((risks->count ? risks->count : 1) * sizeof *order);
        if (!order)
            return MTFP_ERR_MEMORY;
        mtfp_risks_by_score(risks, order);
        for (size_t k = 0; k < risks->count; k++) {
            const mtfp_risk *risk = &risks->items[order[k]];
            char impact[MTFP_MONEY_TEXT_MAX] = "";
            if (risk->priced)
                mtfp_money_format(risk->impact, impact);
            int score = mtfp_risk_score(risk);
            for (int m = 0; m < 2; m++)
                for (int y = 1; y <= plan->years; y++) {
                    char year[MTFP_YEAR_LABEL_MAX];
                    mtfp_model_year_label(&run->model, y, year);
                    mtfp_csv_field(out, run->scenarios[s].name);
                    fputc(',', out);
                    mtfp_csv_field(out, risk->id);
                    fputc(',', out);
                    mtfp_csv_field(out, risk->title);
                    fputc(',', out);
                    mtfp_csv_field(out, risk->service >= 0 ? mtfp_names_get(&run->model.services,
                                                                            (uint32_t)risk->service)
                                                           : "");
                    fputc(',', out);
                    mtfp_csv_field(out, risk->owner ? risk->owner : "");
                    fputc(',', out);
                    mtfp_csv_field(out, risk->mitigation ? risk->mitigation : "");
                    fprintf(out, ",%d,%d,%d,%s,%.12g,%s,%s,%s,%s,", risk->likelihood,
                            risk->severity, score,
                            mtfp_risk_band_name(mtfp_risks_band(risks, score)),
                            mtfp_risk_probability(risks, risk), impact,
                            risk->materialised ? "materialised" : "open",
                            m == 0 ? "exposure" : "expected", year);
                    const mtfp_pence *values = m == 0 ? plan->risk_exposure : plan->risk_expected;
                    mtfp_csv_amount(out, values[order[k] * plan->width + (size_t)y]);
                    fputc('\n', out);
                }
        }
        free(order);
    }
    return MTFP_OK;
}

static mtfp_status write_revenue(const mtfp_run *run, FILE *out, mtfp_diag *diag)
{
    const mtfp_model *model = &run->model;
    /* A model's groups and providers are columns of their own, as in its
     * revenue.csv; a model without them has the columns SPEC names. */
    static const char *const group_columns[] = {"", ",group", ",group1,group2"};
    fprintf(out, "scenario,partner%s,service,subjective%s,year,amount\n",
            group_columns[model->group_levels], model->providers ? ",provider" : "");
    for (size_t s = 0; s < run->count; s++) {
        mtfp_revenue_table table;
        MTFP_TRY(mtfp_revenue_table_build(&run->plans[s], &table, diag));
        for (size_t r = 0; r < table.row_count; r++) {
            const mtfp_revenue_row *row = &table.rows[r];
            for (size_t y = 0; y < table.width; y++) {
                char year[MTFP_YEAR_LABEL_MAX];
                mtfp_model_year_label(model, (int)y, year);
                mtfp_csv_field(out, run->scenarios[s].name);
                fputc(',', out);
                mtfp_csv_field(out, mtfp_names_get(&model->partners, row->partner));
                groups_of(out, model, row->service);
                fputc(',', out);
                mtfp_csv_field(out, mtfp_names_get(&model->services, row->service));
                fprintf(out, ",%s", mtfp_subjective_name((mtfp_subjective)row->subjective));
                if (model->providers)
                    fprintf(out, ",%s", mtfp_provider_name((mtfp_provider)row->provider));
                fprintf(out, ",%s,", year);
                mtfp_csv_amount(out, table.values[r * table.width + y]);
                fputc('\n', out);
            }
        }
        mtfp_revenue_table_free(&table);
    }
    return MTFP_OK;
}

static void capital_row(FILE *out, const mtfp_run *run, size_t s, const mtfp_scheme *scheme,
                        const char *measure, int year, mtfp_pence value)
{
    char label[MTFP_YEAR_LABEL_MAX];
    mtfp_model_year_label(&run->model, year, label);
    mtfp_csv_field(out, run->scenarios[s].name);
    fputc(',', out);
    mtfp_csv_field(out, scheme->name);
    fputc(',', out);
    mtfp_csv_field(out, mtfp_names_get(&run->scenarios[s].capital.programmes, scheme->programme));
    fprintf(out, ",%s,%s,", measure, label);
    mtfp_csv_amount(out, value);
    fputc('\n', out);
}

static mtfp_status write_capital(const mtfp_run *run, FILE *out, mtfp_diag *diag)
{
    fputs("scenario,scheme,programme,measure,year,amount\n", out);
    for (size_t s = 0; s < run->count; s++) {
        const mtfp_capital *capital = &run->scenarios[s].capital;
        for (size_t i = 0; i < capital->count; i++) {
            const mtfp_scheme *scheme = &capital->schemes[i];
            mtfp_pence consequences[MTFP_CAPITAL_CONSEQUENCES][MTFP_MAX_YEARS + 1];
            if (!mtfp_capital_consequences(capital, scheme, run->model.years, consequences))
                return mtfp_diag_error(diag, MTFP_ERR_INPUT, scheme->file, scheme->line, 0,
                                       "this scheme's borrowing is too large to hold in pence");
            for (int c = 0; c < MTFP_CAPITAL_COLUMNS; c++)
                for (int y = 0; y <= run->model.years; y++)
                    capital_row(out, run, s, scheme, mtfp_capital_column_name(c), y,
                                scheme->amount[c][y]);
            for (int c = 0; c < MTFP_CAPITAL_CONSEQUENCES; c++)
                for (int y = 0; y <= run->model.years; y++)
                    capital_row(out, run, s, scheme, mtfp_capital_consequence_name(c), y,
                                consequences[c][y]);
        }
    }
    return MTFP_OK;
}

/* A measure of a pool by year, from the year it starts: before it there is
 * no pool, and the Pooled budgets sheet leaves those years empty. */
static void pool_row(FILE *out, const mtfp_run *run, size_t s, const mtfp_pool *pool,
                     const char *partner, const char *measure, const mtfp_pence *values)
{
    for (int y = pool->start; y <= run->model.years; y++) {
        char label[MTFP_YEAR_LABEL_MAX];
        mtfp_model_year_label(&run->model, y, label);
        mtfp_csv_field(out, run->scenarios[s].name);
        fputc(',', out);
        mtfp_csv_field(out, pool->name);
        fputc(',', out);
        mtfp_csv_field(out, partner);
        fprintf(out, ",%s,%s,", measure, label);
        mtfp_csv_amount(out, values[y]);
        fputc('\n', out);
    }
}

static mtfp_status write_pools(const mtfp_run *run, FILE *out, mtfp_diag *diag)
{
    (void)diag;
    fputs("scenario,pool,partner,measure,year,amount\n", out);
    for (size_t s = 0; s < run->count; s++) {
        const mtfp_pools *pools = &run->scenarios[s].pools;
        for (size_t i = 0; i < pools->count; i++) {
            const mtfp_pool *pool = &pools->items[i];
            mtfp_pool_result result;
            mtfp_pool_result_of(pool, &run->plans[s], &result);
            mtfp_pence total[MTFP_MAX_YEARS + 1] = {0};
            for (int p = 0; p < pool->partner_count; p++)
                for (int y = 0; y <= run->model.years; y++)
                    total[y] += result.contribution[p][y];
            pool_row(out, run, s, pool, "*", "contribution", total);
            pool_row(out, run, s, pool, "*", "spend", result.spend);
            pool_row(out, run, s, pool, "*", "variance", result.variance);
            for (int p = 0; p < pool->partner_count; p++) {
                pool_row(out, run, s, pool, pool->partners[p].name, "contribution",
                         result.contribution[p]);
                pool_row(out, run, s, pool, pool->partners[p].name, "share", result.share[p]);
            }
        }
    }
    return MTFP_OK;
}

/* A staffing.csv row up to its value. */
static void staffing_key(FILE *out, const mtfp_run *run, size_t s, uint32_t service,
                         const char *category, const char *measure, int year)
{
    char label[MTFP_YEAR_LABEL_MAX];
    mtfp_model_year_label(&run->model, year, label);
    mtfp_csv_field(out, run->scenarios[s].name);
    fputc(',', out);
    mtfp_csv_field(out, mtfp_names_get(&run->model.services, service));
    fputc(',', out);
    mtfp_csv_field(out, category);
    fprintf(out, ",%s,%s,", measure, label);
}

static void staffing_count(FILE *out, const mtfp_run *run, size_t s, uint32_t service,
                           const char *category, const char *measure, int year, double value)
{
    staffing_key(out, run, s, service, category, measure, year);
    fprintf(out, "%.10g\n", value);
}

/* An amount in pence, not through a double: beyond 2^53 pence a double has
 * no odd pence. */
static void staffing_amount(FILE *out, const mtfp_run *run, size_t s, uint32_t service,
                            const char *category, const char *measure, int year, mtfp_pence amount)
{
    staffing_key(out, run, s, service, category, measure, year);
    mtfp_csv_amount(out, amount);
    fputc('\n', out);
}

static mtfp_status write_staffing(const mtfp_run *run, FILE *out, mtfp_diag *diag)
{
    fputs("scenario,service,category,measure,year,value\n", out);
    /* Without an establishment every service would show a pay bill of 0
     * against its Employees budget. */
    for (size_t s = 0; s < run->count && mtfp_run_has_staffing(run); s++) {
        mtfp_staffing_table t;
        MTFP_TRY(mtfp_staffing_table_build(run, s, &t, diag));
        for (uint32_t v = 0; v < t.services; v++) {
            for (uint32_t c = 0; c < t.categories; c++) {
                const char *category = mtfp_names_get(&run->model.establishment.categories, c);
                size_t cell = (v * t.categories + c) * t.width;
                /* A service's category with posts in any year has a row every
                 * year, 0 where it has none, so that a series reads 0, 1, 0. */
                bool any = false;
                for (size_t y = 0; y < t.width; y++)
                    any = any || t.headcount[cell + y] != 0 || t.pay_bill[cell + y] != 0;
                for (int y = 0; y < (int)t.width && any; y++) {
                    staffing_count(out, run, s, v, category, "fte", y, t.fte[cell + y]);
                    staffing_count(out, run, s, v, category, "headcount", y, t.headcount[cell + y]);
                    staffing_amount(out, run, s, v, category, "pay_bill", y, t.pay_bill[cell + y]);
                }
            }
            for (int y = 0; y < (int)t.width; y++) {
                staffing_amount(out, run, s, v, "*", "pay_bill", y, t.net_bill[v * t.width + y]);
                staffing_amount(out, run, s, v, "*", "budget", y, t.budget[v * t.width + y]);
            }
        }
        mtfp_staffing_table_free(&t);
    }
    return MTFP_OK;
}

static void placement_row(FILE *out, const mtfp_run *run, size_t s, const char *type,
                          const char *measure, int year, const char *value)
{
    char label[MTFP_YEAR_LABEL_MAX];
    mtfp_model_year_label(&run->model, year, label);
    mtfp_csv_field(out, run->scenarios[s].name);
    fputc(',', out);
    mtfp_csv_field(out, type);
    fprintf(out, ",%s,%s,%s\n", measure, label, value);
}

static mtfp_status write_placements(const mtfp_run *run, FILE *out, mtfp_diag *diag)
{
    fputs("scenario,type,measure,year,value\n", out);
    for (size_t s = 0; s < run->count; s++) {
        const mtfp_placements *placements = &run->scenarios[s].placements;
        for (size_t t = 0; t < placements->count; t++) {
            mtfp_placement_result r;
            MTFP_TRY(mtfp_run_placement(run, s, t, &r, diag));
            const char *type = placements->types[t].name;
            for (int m = 0; m < MTFP_PLACEMENT_MEASURES; m++)
                for (int y = 0; y <= run->model.years; y++) {
                    char value[64]; /* children and weeks: plain numbers, as staffing.csv's */
                    snprintf(value, sizeof value, "%.10g", r.measure[m][y]);
                    placement_row(out, run, s, type, mtfp_placement_measure_name(m), y, value);
                }
            const struct {
                const char *name;
                const mtfp_pence *values;
            } money[] = {{"weekly_cost", r.weekly}, {"cost", r.cost}, {"pressure", r.pressure}};
            for (size_t k = 0; k < 3; k++)
                for (int y = 0; y <= run->model.years; y++) {
                    char value[MTFP_MONEY_TEXT_MAX];
                    mtfp_money_format(money[k].values[y], value);
                    placement_row(out, run, s, type, money[k].name, y, value);
                }
        }
    }
    return MTFP_OK;
}

static void saving_rows(FILE *out, const mtfp_run *run, size_t s, const mtfp_audit_entry *entry,
                        const char *measure, const mtfp_pence *values)
{
    static const char *const ratings[] = {"red", "amber", "green"};
    const char *rag = entry->rag == 'R'   ? ratings[0]
                      : entry->rag == 'A' ? ratings[1]
                      : entry->rag == 'G' ? ratings[2]
                                          : "";
    for (int y = 0; y <= run->model.years; y++) {
        char label[MTFP_YEAR_LABEL_MAX], value[MTFP_MONEY_TEXT_MAX];
        mtfp_model_year_label(&run->model, y, label);
        mtfp_money_format(values[y], value);
        mtfp_csv_field(out, run->scenarios[s].name);
        fputc(',', out);
        mtfp_csv_field(out, entry->id ? entry->id : "");
        fputc(',', out);
        mtfp_csv_field(out, mtfp_saving_title(entry));
        fprintf(out, ",%s,%s,%s,%s,%s\n",
                entry->change == MTFP_CHANGE_REPORTED ? "non-cashable" : "cashable", rag, measure,
                label, value);
    }
}

static mtfp_status write_savings(const mtfp_run *run, FILE *out, mtfp_diag *diag)
{
    fputs("scenario,id,title,type,rag,measure,year,amount\n", out);
    for (size_t s = 0; s < run->count; s++) {
        const mtfp_plan *plan = &run->plans[s];
        for (size_t a = 0; a < plan->audit_count; a++) {
            if (!mtfp_audit_is_saving(&plan->audit[a]))
                continue;
            mtfp_pence adjusted[MTFP_MAX_YEARS + 1];
            if (!mtfp_saving_risk_adjusted(run, plan, a, adjusted))
                return mtfp_diag_error(diag, MTFP_ERR_INPUT, plan->audit[a].file,
                                       plan->audit[a].line, 0, "this saving overflows");
            saving_rows(out, run, s, &plan->audit[a], "planned", &plan->effects[a * plan->width]);
            saving_rows(out, run, s, &plan->audit[a], "risk_adjusted", adjusted);
        }
    }
    return MTFP_OK;
}

/* The tables. Every run writes the first nine, a part the model lacks with
 * its header row alone, so that no file of an earlier run into the same
 * directory is left beside them looking like this run's; a sweep's and a
 * simulation's tables come only from that command (made_by). */
static const struct {
    const char *file;
    mtfp_status (*write)(const mtfp_run *run, FILE *out, mtfp_diag *diag);
    bool (*made_by)(const mtfp_run *run);
} tables[] = {
    {"summary.csv", write_summary, NULL},
    {"revenue.csv", write_revenue, NULL},
    {"capital.csv", write_capital, NULL},
    {"pools.csv", write_pools, NULL},
    {"staffing.csv", write_staffing, NULL},
    {"placements.csv", write_placements, NULL},
    {"savings.csv", write_savings, NULL},
    {"reserves.csv", write_reserves, NULL},
    {"monitoring.csv", write_monitoring, NULL},
    {"risks.csv", write_risks, NULL},
    {"sweep.csv", mtfp_csv_write_sweep, mtfp_csv_swept},
    {"tornado.csv", mtfp_csv_write_tornado, mtfp_csv_swept},
    {"tornado-by-year.csv", mtfp_csv_write_tornado_by_year, mtfp_csv_swept},
    {"simulation.csv", mtfp_csv_write_simulation, mtfp_csv_simulated},
    {"simulation-runs.csv", mtfp_csv_write_simulation_runs, mtfp_csv_simulated},
    {"simulation-risks.csv", mtfp_csv_write_simulation_risks, mtfp_csv_simulated},
};

static mtfp_status write_table(const mtfp_run *run, size_t table, const char *path,
                               const char *temporary, mtfp_diag *diag)
{
    FILE *out = fopen(temporary, "w");
    if (!out)
        return mtfp_diag_error(diag, MTFP_ERR_OUTPUT, path, 0, 0, "cannot write: %s",
                               strerror(errno));
    mtfp_status status = tables[table].write(run, out, diag);
    bool failed = ferror(out);
    if (fclose(out) != 0 || failed)
        return status != MTFP_OK ? status
                                 : mtfp_diag_error(diag, MTFP_ERR_OUTPUT, path, 0, 0,
                                                   "cannot write: %s", strerror(errno));
    return status;
}

static mtfp_status make_directory(const char *dir, mtfp_diag *diag)
{
    struct stat st;
    if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
        return MTFP_OK;
    if (mkdir(dir, 0777) != 0)
        return mtfp_diag_error(diag, MTFP_ERR_OUTPUT, dir, 0, 0,
                               "cannot create the directory for the CSV files: %s",
                               strerror(errno));
    return MTFP_OK;
}

mtfp_status mtfp_csv_write_run(const mtfp_run *run, const char *dir, mtfp_outputs *outputs,
                               mtfp_step_progress progress, void *context, mtfp_diag *diag)
{
    mtfp_status status = make_directory(dir, diag);
    for (size_t table = 0; status == MTFP_OK && table < sizeof tables / sizeof *tables; table++) {
        if (tables[table].made_by && !tables[table].made_by(run))
            continue;
        char *path = mtfp_path_join(dir, tables[table].file);
        if (!path) {
            status = MTFP_ERR_MEMORY;
            break;
        }
        if (progress)
            progress(context, tables[table].file, 0, 0);
        const char *temporary;
        status = mtfp_outputs_add(outputs, path, &temporary, diag);
        if (status == MTFP_OK)
            status = write_table(run, table, path, temporary, diag);
        free(path);
    }
    if (progress)
        progress(context, NULL, 0, 0);
    return status;
}
