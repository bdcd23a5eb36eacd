/* Budget monitoring in the base year (monitoring.h): the lines' actuals and
 * forecasts as loaded, and the table the Monitoring sheet and monitoring.csv
 * are written from. */
#include "mtfp/monitoring.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"
#include "mtfp/model.h"

void mtfp_monitoring_init(mtfp_monitoring *monitoring)
{
    memset(monitoring, 0, sizeof *monitoring);
    monitoring->policy = (mtfp_monitoring_policy){.green = 0.01, .amber = 0.05, .carry = true};
    mtfp_names_init_exact(&monitoring->keys);
}

void mtfp_monitoring_free(mtfp_monitoring *monitoring)
{
    for (size_t i = 0; i < monitoring->count; i++) {
        free(monitoring->lines[i].reasons);
        free(monitoring->lines[i].recurring_reasons);
    }
    free(monitoring->lines);
    free(monitoring->weights);
    free(monitoring->profiled);
    mtfp_names_free(&monitoring->keys);
    mtfp_monitoring_init(monitoring);
}

bool mtfp_monitoring_present(const mtfp_monitoring *monitoring)
{
    return monitoring->actual_rows > 0 || monitoring->forecast_rows > 0;
}

static int key_of(uint32_t partner, uint32_t service, uint32_t subjective, char *buf, size_t size)
{
    return snprintf(buf, size, "%u:%u:%u", (unsigned)partner, (unsigned)service,
                    (unsigned)subjective);
}

mtfp_status mtfp_monitoring_line_of(mtfp_monitoring *monitoring, uint32_t partner, uint32_t service,
                                    uint32_t subjective, mtfp_monitoring_line **line)
{
    char key[40];
    int len = key_of(partner, service, subjective, key, sizeof key);
    uint32_t id;
    MTFP_TRY(mtfp_names_intern(&monitoring->keys, key, (size_t)len, &id));
    if (id == monitoring->count) {
        if (mtfp_grow(&monitoring->lines, &monitoring->cap, monitoring->count + 1,
                      sizeof *monitoring->lines))
            return MTFP_ERR_MEMORY;
        monitoring->lines[monitoring->count++] = (mtfp_monitoring_line){
            .partner = partner, .service = service, .subjective = subjective};
    }
    *line = &monitoring->lines[id];
    return MTFP_OK;
}

const mtfp_monitoring_line *mtfp_monitoring_find(const mtfp_monitoring *monitoring,
                                                 uint32_t partner, uint32_t service,
                                                 uint32_t subjective)
{
    char key[40];
    int len = key_of(partner, service, subjective, key, sizeof key);
    int32_t id = mtfp_names_find(&monitoring->keys, key, (size_t)len);
    return id >= 0 ? &monitoring->lines[id] : NULL;
}

mtfp_status mtfp_monitoring_add_actual(mtfp_monitoring *monitoring, mtfp_monitoring_line *line,
                                       int month, mtfp_pence amount, int source_line)
{
    if (month < 1 || month > MTFP_MONTHS)
        return MTFP_ERR_INPUT;
    mtfp_pence sum;
    if (!mtfp_money_add(line->actual[month - 1], amount, &sum))
        return MTFP_ERR_INPUT;
    line->actual[month - 1] = sum;
    if (!line->actual_line)
        line->actual_line = source_line;
    monitoring->month = month > monitoring->month ? month : monitoring->month;
    monitoring->actual_rows++;
    return MTFP_OK;
}

/* Add reason to a list "a; b", keeping each reason once. */
static mtfp_status add_reason(char **list, const char *reason)
{
    if (!reason || !reason[0])
        return MTFP_OK;
    if (*list) {
        size_t len = strlen(reason);
        for (const char *at = strstr(*list, reason); at; at = strstr(at + 1, reason))
            if ((at == *list || (at >= *list + 2 && at[-2] == ';')) &&
                (at[len] == '\0' || at[len] == ';'))
                return MTFP_OK;
    }
    char *joined = *list ? mtfp_format("%s; %s", *list, reason) : mtfp_strdup(reason);
    if (!joined)
        return MTFP_ERR_MEMORY;
    free(*list);
    *list = joined;
    return MTFP_OK;
}

mtfp_status mtfp_monitoring_add_forecast(mtfp_monitoring *monitoring, mtfp_monitoring_line *line,
                                         mtfp_pence amount, bool recurring, const char *reason,
                                         int source_line)
{
    mtfp_pence *sum = recurring ? &line->recurring : &line->one_off;
    mtfp_pence added, outturn;
    /* The line's outturn, the sum of both kinds of row, must fit too. */
    if (!mtfp_money_add(*sum, amount, &added) ||
        !mtfp_money_add(recurring ? added : line->recurring, recurring ? line->one_off : added,
                        &outturn))
        return MTFP_ERR_INPUT;
    MTFP_TRY(add_reason(&line->reasons, reason));
    if (recurring)
        MTFP_TRY(add_reason(&line->recurring_reasons, reason));
    *sum = added;
    if (!line->forecast_line)
        line->forecast_line = source_line;
    if (recurring && !line->recurring_line)
        line->recurring_line = source_line;
    line->recurring_rows += recurring;
    line->forecast_rows++;
    monitoring->forecast_rows++;
    return MTFP_OK;
}

mtfp_status mtfp_monitoring_set_profile(mtfp_monitoring *monitoring, size_t line_count, size_t line,
                                        const double weights[MTFP_MONTHS])
{
    if (!monitoring->weights) {
        monitoring->weights = calloc(line_count ? line_count * MTFP_MONTHS : 1, sizeof(double));
        monitoring->profiled = calloc(line_count ? line_count : 1, sizeof(bool));
        if (!monitoring->weights || !monitoring->profiled)
            return MTFP_ERR_MEMORY;
    }
    memcpy(&monitoring->weights[line * MTFP_MONTHS], weights, MTFP_MONTHS * sizeof *weights);
    monitoring->profiled[line] = true;
    return MTFP_OK;
}

void mtfp_monitoring_link(mtfp_model *model)
{
    mtfp_monitoring *monitoring = &model->monitoring;
    bool *seen = calloc(monitoring->count ? monitoring->count : 1, sizeof *seen);
    for (size_t i = 0; i < monitoring->count; i++) {
        mtfp_monitoring_line *line = &monitoring->lines[i];
        const char *index = mtfp_subjective_default_index((mtfp_subjective)line->subjective);
        int32_t found = mtfp_indices_find(&model->indices, index, strlen(index));
        line->index = found >= 0 ? (uint32_t)found : MTFP_INDEX_NONE;
        line->budget = 0;
    }
    for (size_t r = 0; seen && r < model->line_count; r++) {
        const mtfp_revenue_line *revenue = &model->lines[r];
        char key[40];
        int len = key_of(revenue->partner, revenue->service, revenue->subjective, key, sizeof key);
        int32_t id = mtfp_names_find(&monitoring->keys, key, (size_t)len);
        if (id < 0)
            continue;
        mtfp_monitoring_line *line = &monitoring->lines[id];
        line->budget += revenue->amount; /* the lines' sizes add up within int64 */
        if (!seen[id])
            line->index = revenue->index;
        seen[id] = true;
    }
    free(seen);
}

bool mtfp_monitoring_recurring_variance(const mtfp_monitoring_line *line, mtfp_pence *variance)
{
    *variance = 0;
    return line->recurring_rows == 0 || mtfp_money_sub(line->recurring, line->budget, variance);
}

char mtfp_monitoring_rag(const mtfp_monitoring_policy *policy, mtfp_pence budget,
                         mtfp_pence variance)
{
    if (budget == INT64_MIN || variance == INT64_MIN)
        return 'R';
    long double size = (long double)(budget < 0 ? -budget : budget);
    mtfp_pence off = variance < 0 ? -variance : variance, green, amber;
    if (!mtfp_money_round(size * mtfp_rate_decimal(policy->green), &green) ||
        !mtfp_money_round(size * mtfp_rate_decimal(policy->amber), &amber))
        return 'R';
    return off <= green ? 'G' : off <= amber ? 'A' : 'R';
}

const char *mtfp_monitoring_rag_name(char rag)
{
    return rag == 'G' ? "Green" : rag == 'A' ? "Amber" : "Red";
}

const char *mtfp_monitoring_rag_key(char rag)
{
    return rag == 'G' ? "green" : rag == 'A' ? "amber" : "red";
}

static const char *const measure_keys[MTFP_MON_MEASURES] = {
    [MTFP_MON_BUDGET] = "budget",
    [MTFP_MON_PROFILE] = "profile_to_date",
    [MTFP_MON_ACTUAL] = "actual_to_date",
    [MTFP_MON_VARIANCE_TO_DATE] = "variance_to_date",
    [MTFP_MON_FORECAST] = "forecast_outturn",
    [MTFP_MON_VARIANCE] = "forecast_variance",
    [MTFP_MON_RECURRING] = "recurring_variance",
};

const char *mtfp_monitoring_measure_key(mtfp_monitoring_measure measure)
{
    return measure_keys[measure];
}

/* A line of the table while it is built: a row of revenue.csv or a line of
 * the monitoring, before those of one key are merged. */
typedef struct entry {
    uint32_t partner, service, subjective;
    int32_t monitored; /* its line of the monitoring, or -1 */
    mtfp_pence budget;
    mtfp_pence profile;
    int budget_line;
} entry;

static int compare_entries(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->partner != y->partner)
        return x->partner < y->partner ? -1 : 1;
    if (x->service != y->service)
        return x->service < y->service ? -1 : 1;
    if (x->subjective != y->subjective)
        return x->subjective < y->subjective ? -1 : 1;
    /* revenue rows in the file's order, then the monitoring's line */
    if ((x->monitored < 0) != (y->monitored < 0))
        return x->monitored < 0 ? -1 : 1;
    return x->budget_line < y->budget_line ? -1 : x->budget_line > y->budget_line;
}

/* The budget profiled to the month of actuals: by the row's weights, else a
 * twelfth a month. Rounded to the penny once. */
static bool profile_to_date(const mtfp_monitoring *monitoring, const mtfp_model *model, size_t r,
                            mtfp_pence *out)
{
    long double amount = (long double)model->lines[r].amount;
    if (monitoring->profiled && monitoring->profiled[r]) {
        long double share = 0;
        for (int m = 0; m < monitoring->month; m++)
            share += mtfp_rate_decimal(monitoring->weights[r * MTFP_MONTHS + (size_t)m]);
        return mtfp_money_round(amount * share, out);
    }
    return mtfp_money_round(amount * monitoring->month / MTFP_MONTHS, out);
}

static bool add_figures(mtfp_pence *sum, const mtfp_pence *figures)
{
    for (int m = 0; m < MTFP_MON_MEASURES; m++)
        if (!mtfp_money_add(sum[m], figures[m], &sum[m]))
            return false;
    return true;
}

/* A line's figures from its budget and profile (of its revenue rows) and its
 * line of the monitoring (or NULL). */
static bool line_figures(const mtfp_monitoring_line *line, mtfp_pence budget, mtfp_pence profile,
                         mtfp_pence *figures)
{
    mtfp_pence actual = 0;
    for (int m = 0; line && m < MTFP_MONTHS; m++)
        if (!mtfp_money_add(actual, line->actual[m], &actual))
            return false;
    mtfp_pence forecast = budget, recurring = 0;
    if (line && line->forecast_rows > 0 &&
        !mtfp_money_add(line->recurring, line->one_off, &forecast))
        return false;
    if (line && line->recurring_rows > 0 && !mtfp_money_sub(line->recurring, budget, &recurring))
        return false;
    figures[MTFP_MON_BUDGET] = budget;
    figures[MTFP_MON_PROFILE] = profile;
    figures[MTFP_MON_ACTUAL] = actual;
    figures[MTFP_MON_FORECAST] = forecast;
    figures[MTFP_MON_RECURRING] = recurring;
    return mtfp_money_sub(actual, profile, &figures[MTFP_MON_VARIANCE_TO_DATE]) &&
           mtfp_money_sub(forecast, budget, &figures[MTFP_MON_VARIANCE]);
}

static mtfp_status too_large(const mtfp_model *model, mtfp_diag *diag)
{
    const mtfp_input_file *input = mtfp_model_input(model, "actuals");
    if (!input)
        input = mtfp_model_input(model, "forecast");
    return mtfp_diag_error(diag, MTFP_ERR_INPUT, input ? input->path : NULL, 0, 0,
                           "the monitoring's figures add up to more than can be held in pence; "
                           "check the amounts");
}

/* The lines of the table: the entries sorted and those of one key merged. */
static mtfp_status merge_lines(const mtfp_model *model, entry *entries, size_t count,
                               mtfp_monitoring_table *table, mtfp_diag *diag)
{
    const mtfp_monitoring *monitoring = &model->monitoring;
    qsort(entries, count, sizeof *entries, compare_entries);
    table->lines = calloc(count ? count : 1, sizeof *table->lines);
    if (!table->lines)
        return MTFP_ERR_MEMORY;
    for (size_t i = 0; i < count;) {
        mtfp_pence budget = 0, profile = 0;
        int budget_line = 0;
        const mtfp_monitoring_line *line = NULL;
        size_t j = i;
        for (; j < count && entries[j].partner == entries[i].partner &&
               entries[j].service == entries[i].service &&
               entries[j].subjective == entries[i].subjective;
             j++) {
            budget += entries[j].budget; /* the lines' sizes add up within int64 */
            if (!mtfp_money_add(profile, entries[j].profile, &profile))
                return too_large(model, diag);
            if (entries[j].monitored >= 0)
                line = &monitoring->lines[entries[j].monitored];
            else if (!budget_line)
                budget_line = entries[j].budget_line;
        }
        mtfp_monitoring_row *row = &table->lines[table->line_count++];
        *row = (mtfp_monitoring_row){.partner = (int32_t)entries[i].partner,
                                     .service = (int32_t)entries[i].service,
                                     .subjective = (int32_t)entries[i].subjective,
                                     .reasons = line ? line->reasons : NULL,
                                     .actual_line = line ? line->actual_line : 0,
                                     .budget_line = budget_line};
        if (!line_figures(line, budget, profile, row->figures))
            return too_large(model, diag);
        row->rag =
            mtfp_monitoring_rag(&monitoring->policy, budget, row->figures[MTFP_MON_VARIANCE]);
        i = j;
    }
    return MTFP_OK;
}

/* Each service's total over its lines (and partners), and the total. */
static mtfp_status add_totals(const mtfp_model *model, mtfp_monitoring_table *table,
                              mtfp_diag *diag)
{
    const mtfp_monitoring_policy *policy = &model->monitoring.policy;
    size_t services = model->services.count;
    int32_t *row_of = malloc((services ? services : 1) * sizeof *row_of);
    table->services = calloc(services ? services : 1, sizeof *table->services);
    if (!row_of || !table->services) {
        free(row_of);
        return MTFP_ERR_MEMORY;
    }
    for (size_t s = 0; s < services; s++)
        row_of[s] = -1;
    for (size_t i = 0; i < table->line_count; i++)
        row_of[table->lines[i].service] = 0;
    for (size_t s = 0; s < services; s++)
        if (row_of[s] == 0) {
            row_of[s] = (int32_t)table->service_count;
            table->services[table->service_count++] = (mtfp_monitoring_row){
                .partner = MTFP_ANY, .service = (int32_t)s, .subjective = MTFP_ANY};
        }
    table->total =
        (mtfp_monitoring_row){.partner = MTFP_ANY, .service = MTFP_ANY, .subjective = MTFP_ANY};
    bool fits = true;
    for (size_t i = 0; fits && i < table->line_count; i++)
        fits = add_figures(table->services[row_of[table->lines[i].service]].figures,
                           table->lines[i].figures) &&
               add_figures(table->total.figures, table->lines[i].figures);
    free(row_of);
    if (!fits)
        return too_large(model, diag);
    for (size_t s = 0; s < table->service_count; s++) {
        mtfp_monitoring_row *row = &table->services[s];
        row->rag = mtfp_monitoring_rag(policy, row->figures[MTFP_MON_BUDGET],
                                       row->figures[MTFP_MON_VARIANCE]);
    }
    table->total.rag = mtfp_monitoring_rag(policy, table->total.figures[MTFP_MON_BUDGET],
                                           table->total.figures[MTFP_MON_VARIANCE]);
    return MTFP_OK;
}

static mtfp_pence size_of(mtfp_pence value)
{
    return value == INT64_MIN ? INT64_MAX : value < 0 ? -value : value;
}

/* The lines with the largest variances, largest first (the first in the
 * table's order of lines as large). */
static void find_largest(mtfp_monitoring_table *table)
{
    for (size_t k = 0; k < MTFP_MONITORING_LARGEST; k++) {
        size_t best = table->line_count;
        for (size_t i = 0; i < table->line_count; i++) {
            mtfp_pence size = size_of(table->lines[i].figures[MTFP_MON_VARIANCE]);
            bool chosen = false;
            for (size_t c = 0; c < k; c++)
                chosen = chosen || table->largest[c] == i;
            if (size == 0 || chosen)
                continue;
            if (best == table->line_count ||
                size > size_of(table->lines[best].figures[MTFP_MON_VARIANCE]))
                best = i;
        }
        if (best == table->line_count)
            return;
        table->largest[table->largest_count++] = best;
    }
}

mtfp_status mtfp_monitoring_table_build(const mtfp_model *model, mtfp_monitoring_table *table,
                                        mtfp_diag *diag)
{
    const mtfp_monitoring *monitoring = &model->monitoring;
    memset(table, 0, sizeof *table);
    table->month = monitoring->month;
    size_t count = model->line_count + monitoring->count;
    entry *entries = malloc((count ? count : 1) * sizeof *entries);
    if (!entries)
        return MTFP_ERR_MEMORY;
    mtfp_status status = MTFP_OK;
    for (size_t r = 0; r < model->line_count; r++) {
        const mtfp_revenue_line *line = &model->lines[r];
        entries[r] = (entry){.partner = line->partner,
                             .service = line->service,
                             .subjective = line->subjective,
                             .monitored = -1,
                             .budget = line->amount,
                             .budget_line = line->source_line ? line->source_line : (int)r + 1};
        if (!profile_to_date(monitoring, model, r, &entries[r].profile))
            status = too_large(model, diag);
    }
    for (size_t i = 0; i < monitoring->count; i++) {
        const mtfp_monitoring_line *line = &monitoring->lines[i];
        entries[model->line_count + i] = (entry){.partner = line->partner,
                                                 .service = line->service,
                                                 .subjective = line->subjective,
                                                 .monitored = (int32_t)i};
    }
    if (status == MTFP_OK)
        status = merge_lines(model, entries, count, table, diag);
    free(entries);
    if (status == MTFP_OK)
        status = add_totals(model, table, diag);
    if (status != MTFP_OK) {
        mtfp_monitoring_table_free(table);
        return status;
    }
    find_largest(table);
    return MTFP_OK;
}

void mtfp_monitoring_table_free(mtfp_monitoring_table *table)
{
    free(table->lines);
    free(table->services);
    memset(table, 0, sizeof *table);
}
