/* Sweeps and simulations: a scenario's script evaluated again and again
 * (include/mtfp/evaluate.h), on several threads.
 *
 * Every evaluation is a job with its own number; its result goes to row
 * `job` of the outcomes whichever thread does it, and a simulation run's
 * draws come from a generator seeded by the run's number. So the results do
 * not depend on the number of threads. Each evaluation has its own Lua state
 * and scenario; the model is shared read-only. */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "mtfp/evaluate.h"
#include "mtfp/memory.h"
#include "mtfp/names.h"
#include "mtfp/projection.h"
#include "mtfp/script.h"

/* One evaluation: a scenario with up to two parameters set, drawn or not. */
typedef struct job {
    size_t scenario;
    const char *names[MTFP_VARY_MAX];
    double values[MTFP_VARY_MAX];
    size_t set;
    bool draw;
} job;

typedef struct batch {
    const mtfp_run *run;
    const job *jobs;
    size_t count;
    uint64_t seed;
    mtfp_outcomes *out;
    mtfp_simulation *simulation; /* a simulation with risks: each run draws them */
    atomic_size_t next;
    atomic_size_t done;
    atomic_bool failed;
    mtfp_progress progress;
    void *context;
} batch;

typedef struct worker {
    batch *batch;
    bool reports; /* this worker tells progress */
    mtfp_status status;
    size_t failed_job;
    mtfp_diag diag;
    pthread_t thread;
} worker;

/* mtfp_evaluate_scenario, the scenario kept in *scenario (free it with
 * mtfp_scenario_free whatever happens). */
static mtfp_status evaluate_into(const mtfp_model *model, const char *file, mtfp_settings *settings,
                                 mtfp_rng *rng, mtfp_plan *plan, mtfp_scenario *scenario,
                                 mtfp_diag *diag)
{
    mtfp_plan_init(plan, model->years);
    mtfp_status status = mtfp_scenario_init(scenario, model, file, file);
    if (status == MTFP_OK)
        status = mtfp_script_apply(model, scenario, settings, rng, diag);
    if (status == MTFP_OK)
        status = mtfp_scenario_finish(scenario, model->years, diag);
    if (status == MTFP_OK)
        status = mtfp_project(model, scenario, plan, diag);
    if (status == MTFP_OK)
        status = mtfp_plan_summarise(plan, &scenario->funding, diag);
    if (status == MTFP_OK)
        status = mtfp_plan_price_risks(plan, &scenario->risks, model->base_year, diag);
    return status;
}

mtfp_status mtfp_evaluate_scenario(const mtfp_model *model, const char *file,
                                   mtfp_settings *settings, mtfp_rng *rng, mtfp_plan *plan,
                                   mtfp_diag *diag)
{
    mtfp_scenario scenario;
    mtfp_status status = evaluate_into(model, file, settings, rng, plan, &scenario, diag);
    mtfp_scenario_free(&scenario);
    return status;
}

/* Run i's risks: one draw for each open and priced risk of its scenario, in
 * the register's order, from the run's generator after the script's draws;
 * each that materialises adds what it costs to the gap with risks. A risk
 * the simulation lists is recorded as materialised, and as pushing the gap
 * over when the gap is at most the threshold without the risks and above it
 * with them in a year it costs something. */
static mtfp_status draw_risks(const batch *b, size_t i, const mtfp_scenario *scenario,
                              const mtfp_plan *plan, mtfp_rng *rng, mtfp_diag *diag)
{
    mtfp_simulation *sim = b->simulation;
    const mtfp_risks *listed = &b->run->scenarios[sim->scenario].risks;
    const mtfp_risks *risks = &scenario->risks;
    size_t width = plan->width;
    mtfp_pence *with = &sim->with_risks[i * width];
    uint8_t *drawn = &sim->drawn[i * sim->risk_count];
    bool *hit = calloc(risks->count + 1, sizeof *hit);
    if (!hit)
        return MTFP_ERR_MEMORY;
    memcpy(with, plan->summary[MTFP_SUM_GAP], width * sizeof *with);
    for (size_t r = 0; r < risks->count; r++) {
        const mtfp_risk *risk = &risks->items[r];
        if (!mtfp_risk_open_and_priced(risk))
            continue;
        hit[r] = mtfp_rng_unit(rng) < mtfp_risk_probability(risks, risk);
        for (size_t y = 0; hit[r] && y < width; y++)
            if (!mtfp_money_add(with[y], plan->risk_exposure[r * width + y], &with[y])) {
                free(hit);
                return mtfp_diag_error(diag, MTFP_ERR_INPUT, risk->file, risk->line, 0,
                                       "with risk %s the gap is too large to add up in pence",
                                       risk->id);
            }
    }
    for (size_t r = 0; r < risks->count; r++) {
        const mtfp_risk *risk = &risks->items[r];
        int32_t found = mtfp_risks_find(listed, risk->id, strlen(risk->id));
        int32_t k = found >= 0 ? sim->slot[found] : -1;
        if (!hit[r] || k < 0)
            continue;
        drawn[k] = MTFP_RISK_MATERIALISED;
        for (size_t y = 1; y < width; y++)
            if (plan->summary[MTFP_SUM_GAP][y] <= sim->threshold && with[y] > sim->threshold &&
                plan->risk_exposure[r * width + y] != 0)
                drawn[k] = MTFP_RISK_PUSHED_OVER;
    }
    free(hit);
    return MTFP_OK;
}

static mtfp_status evaluate(const batch *b, size_t i, mtfp_diag *diag)
{
    const job *j = &b->jobs[i];
    mtfp_settings settings;
    MTFP_TRY(mtfp_settings_copy(&settings, &b->run->settings));
    mtfp_status status = MTFP_OK;
    for (size_t k = 0; status == MTFP_OK && k < j->set; k++)
        status = mtfp_settings_set(&settings, j->names[k], j->values[k]);
    mtfp_rng rng;
    mtfp_rng_seed(&rng, b->seed, i);
    mtfp_plan plan;
    mtfp_scenario scenario;
    if (status == MTFP_OK) {
        status = evaluate_into(&b->run->model, b->run->scenarios[j->scenario].file, &settings,
                               j->draw ? &rng : NULL, &plan, &scenario, diag);
        size_t width = b->out->width;
        for (size_t y = 0; status == MTFP_OK && y < width; y++) {
            b->out->nbr[i * width + y] = plan.summary[MTFP_SUM_NBR][y];
            b->out->gap[i * width + y] = plan.summary[MTFP_SUM_GAP][y];
        }
        if (status == MTFP_OK && b->simulation)
            status = draw_risks(b, i, &scenario, &plan, &rng, diag);
        mtfp_scenario_free(&scenario);
        mtfp_plan_free(&plan);
    }
    mtfp_settings_free(&settings);
    return status;
}

static void *work(void *arg)
{
    worker *w = arg;
    batch *b = w->batch;
    while (!atomic_load(&b->failed)) {
        size_t i = atomic_fetch_add(&b->next, 1);
        if (i >= b->count)
            break;
        /* Warnings of single evaluations are not kept: the run's own
         * projection reported the scenario's. */
        mtfp_diag_free(&w->diag);
        mtfp_diag_init(&w->diag);
        w->status = evaluate(b, i, &w->diag);
        if (w->status != MTFP_OK) {
            w->failed_job = i;
            atomic_store(&b->failed, true);
            break;
        }
        size_t done = atomic_fetch_add(&b->done, 1) + 1;
        /* The last report is run_batch's, whichever thread ends. */
        if (w->reports && b->progress && done < b->count)
            b->progress(b->context, done, b->count);
    }
    return NULL;
}

/* Run every job of the batch on up to `threads` threads. The error of the
 * lowest-numbered job that failed goes to diag, with `what` and its number. */
static mtfp_status run_batch(batch *b, int threads, const char *what, mtfp_diag *diag)
{
    size_t count = threads < 1 ? 1 : (size_t)threads;
    if (count > b->count)
        count = b->count > 0 ? b->count : 1;
    worker *workers = calloc(count, sizeof *workers);
    if (!workers)
        return MTFP_ERR_MEMORY;
    size_t started = 0;
    for (size_t t = 0; t < count; t++) {
        workers[t] = (worker){.batch = b, .reports = t == 0};
        mtfp_diag_init(&workers[t].diag);
    }
    /* The first worker is this thread; the others are started. */
    for (size_t t = 1; t < count; t++, started++)
        if (pthread_create(&workers[t].thread, NULL, work, &workers[t]) != 0)
            break;
    work(&workers[0]);
    for (size_t t = 1; t <= started; t++)
        pthread_join(workers[t].thread, NULL);
    worker *first = NULL;
    for (size_t t = 0; t < count; t++)
        if (workers[t].status != MTFP_OK && (!first || workers[t].failed_job < first->failed_job))
            first = &workers[t];
    mtfp_status status = MTFP_OK;
    if (!first && b->progress)
        b->progress(b->context, b->count, b->count);
    if (first && first->status == MTFP_ERR_MEMORY)
        status = MTFP_ERR_MEMORY;
    else if (first)
        status = mtfp_diag_error(diag, first->status, first->diag.file[0] ? first->diag.file : NULL,
                                 first->diag.line, first->diag.column, "%s (%s %zu)",
                                 first->diag.message, what, first->failed_job + 1);
    for (size_t t = 0; t < count; t++)
        mtfp_diag_free(&workers[t].diag);
    free(workers);
    return status;
}

/* The simulated scenario's open and priced risks, in the register's order,
 * and room for what each run draws. */
static mtfp_status list_risks(const mtfp_run *run, mtfp_simulation *simulation)
{
    const mtfp_risks *risks = &run->scenarios[simulation->scenario].risks;
    size_t count = 0;
    for (size_t r = 0; r < risks->count; r++)
        count += mtfp_risk_open_and_priced(&risks->items[r]);
    if (count == 0)
        return MTFP_OK;
    const mtfp_outcomes *runs = &simulation->runs;
    simulation->risks = calloc(count, sizeof *simulation->risks);
    simulation->slot = malloc(risks->count * sizeof *simulation->slot);
    simulation->with_risks = calloc(runs->count * runs->width + 1, sizeof *simulation->with_risks);
    simulation->drawn = calloc(runs->count * count + 1, sizeof *simulation->drawn);
    if (!simulation->risks || !simulation->slot || !simulation->with_risks || !simulation->drawn)
        return MTFP_ERR_MEMORY;
    for (size_t r = 0; r < risks->count; r++) {
        simulation->slot[r] = -1;
        if (mtfp_risk_open_and_priced(&risks->items[r])) {
            simulation->slot[r] = (int32_t)simulation->risk_count;
            simulation->risks[simulation->risk_count++].risk = r;
        }
    }
    return MTFP_OK;
}

mtfp_status mtfp_evaluate_simulation(mtfp_run *run, size_t s, size_t runs, uint64_t seed,
                                     mtfp_pence threshold, int threads, mtfp_progress progress,
                                     void *context, mtfp_diag *diag)
{
    mtfp_simulation *grown =
        realloc(run->simulations, (run->simulation_count + 1) * sizeof *run->simulations);
    if (!grown)
        return MTFP_ERR_MEMORY;
    run->simulations = grown;
    mtfp_simulation *simulation = &run->simulations[run->simulation_count];
    *simulation = (mtfp_simulation){
        .scenario = s, .seed = seed, .draws = run->scenarios[s].uncertain, .threshold = threshold};
    job *jobs = malloc(runs * sizeof *jobs);
    mtfp_status status =
        jobs ? mtfp_outcomes_init(&simulation->runs, runs, run->plans[s].width) : MTFP_ERR_MEMORY;
    for (size_t i = 0; status == MTFP_OK && i < runs; i++)
        jobs[i] = (job){.scenario = s, .draw = true};
    if (status == MTFP_OK)
        status = list_risks(run, simulation);
    if (status == MTFP_OK) {
        batch b = {.run = run,
                   .jobs = jobs,
                   .count = runs,
                   .seed = seed,
                   .out = &simulation->runs,
                   .simulation = simulation->risk_count > 0 ? simulation : NULL,
                   .progress = progress,
                   .context = context};
        status = run_batch(&b, threads, "simulation run", diag);
    }
    if (status == MTFP_OK)
        status = mtfp_simulation_describe(simulation);
    free(jobs);
    if (status == MTFP_OK)
        run->simulation_count++;
    else
        mtfp_simulation_free(simulation);
    return status;
}

/* The number of points of scenario's grid: the product of the counts of
 * the varied params it asks for (0 when it asks for none). */
static size_t grid_of(const mtfp_scenario *scenario, const mtfp_sweep *sweep)
{
    size_t grid = 1;
    bool any = false;
    for (size_t v = 0; v < sweep->vary_count; v++)
        if (mtfp_scenario_param(scenario, sweep->vary[v].name)) {
            grid *= sweep->vary[v].count;
            any = true;
        }
    return any ? grid : 0;
}

/* The grid's points (scenario by scenario, the first parameter fastest) and
 * the tornado's bars, as jobs: points first, then a low and a high job for
 * each bar. */
static mtfp_status plan_sweep(const mtfp_run *run, mtfp_sweep *sweep, job **jobs, size_t *points,
                              mtfp_diag *diag)
{
    size_t count = 0, bars = 0;
    for (size_t s = 1; s < run->count; s++) {
        const mtfp_scenario *scenario = &run->scenarios[s];
        count += grid_of(scenario, sweep);
        for (size_t p = 0; p < scenario->param_count; p++)
            bars += scenario->params[p].ranged &&
                    mtfp_scenario_param(scenario, scenario->params[p].name) == &scenario->params[p];
    }
    if (count > MTFP_SWEEP_POINTS_MAX)
        return mtfp_diag_error(diag, MTFP_ERR_USAGE, NULL, 0, 0,
                               "the sweep has %zu points; at most %d", count,
                               MTFP_SWEEP_POINTS_MAX);
    if (count == 0 && bars == 0)
        return mtfp_diag_error(diag, MTFP_ERR_USAGE, NULL, 0, 0,
                               "nothing to sweep: give --vary NAME=FROM:TO:STEP, or a param "
                               "with low and high in a scenario script");
    *jobs = calloc(count + 2 * bars + 1, sizeof **jobs);
    sweep->points = calloc(count + 1, sizeof *sweep->points);
    sweep->bars = calloc(bars + 1, sizeof *sweep->bars);
    if (!*jobs || !sweep->points || !sweep->bars)
        return MTFP_ERR_MEMORY;
    size_t n = 0;
    for (size_t s = 1; s < run->count; s++) {
        size_t grid = grid_of(&run->scenarios[s], sweep);
        for (size_t g = 0; g < grid; g++, n++) {
            job *j = &(*jobs)[n];
            mtfp_sweep_point *point = &sweep->points[n];
            *j = (job){.scenario = s};
            point->scenario = s;
            for (size_t v = 0, rest = g; v < sweep->vary_count; v++) {
                if (!mtfp_scenario_param(&run->scenarios[s], sweep->vary[v].name))
                    continue;
                size_t index = rest % sweep->vary[v].count;
                rest /= sweep->vary[v].count;
                point->asked[v] = true;
                point->values[v] = mtfp_vary_value(&sweep->vary[v], index);
                j->names[j->set] = sweep->vary[v].name;
                j->values[j->set++] = point->values[v];
            }
        }
    }
    *points = n;
    for (size_t s = 1; s < run->count; s++) {
        const mtfp_scenario *scenario = &run->scenarios[s];
        for (size_t p = 0; p < scenario->param_count; p++) {
            const mtfp_param *param = &scenario->params[p];
            if (!param->ranged || mtfp_scenario_param(scenario, param->name) != param)
                continue;
            mtfp_tornado_bar *bar = &sweep->bars[sweep->bar_count++];
            *bar =
                (mtfp_tornado_bar){.scenario = s,
                                   .low = param->low,
                                   .high = param->high,
                                   .gap = run->plans[s].summary[MTFP_SUM_GAP][run->plans[s].years]};
            for (int y = 0; y <= run->plans[s].years; y++)
                bar->gaps[y] = run->plans[s].summary[MTFP_SUM_GAP][y];
            bar->param = mtfp_strdup(param->name);
            if (!bar->param)
                return MTFP_ERR_MEMORY;
            (*jobs)[n++] =
                (job){.scenario = s, .set = 1, .names = {bar->param}, .values = {param->low}};
            (*jobs)[n++] =
                (job){.scenario = s, .set = 1, .names = {bar->param}, .values = {param->high}};
        }
    }
    return MTFP_OK;
}

static mtfp_pence swing(const mtfp_tornado_bar *bar)
{
    mtfp_pence d = bar->gap_high - bar->gap_low;
    return d < 0 ? -d : d;
}

/* Largest swing first; then by scenario and param name. */
static int by_swing(const void *a, const void *b)
{
    const mtfp_tornado_bar *x = a, *y = b;
    if (swing(x) != swing(y))
        return swing(x) < swing(y) ? 1 : -1;
    if (x->scenario != y->scenario)
        return x->scenario < y->scenario ? -1 : 1;
    return strcmp(x->param, y->param);
}

mtfp_status mtfp_evaluate_sweep(mtfp_run *run, mtfp_vary *vary, size_t vary_count, int threads,
                                mtfp_progress progress, void *context, mtfp_diag *diag)
{
    mtfp_sweep *sweep = calloc(1, sizeof *sweep);
    if (!sweep)
        return MTFP_ERR_MEMORY;
    for (size_t v = 0; v < vary_count && v < MTFP_VARY_MAX; v++) {
        sweep->vary[v] = vary[v];
        vary[v].name = NULL;
        sweep->vary_count++;
    }
    job *jobs = NULL;
    size_t points = 0;
    mtfp_status status = plan_sweep(run, sweep, &jobs, &points, diag);
    size_t total = points + 2 * sweep->bar_count;
    if (status == MTFP_OK)
        status = mtfp_outcomes_init(&sweep->outcomes, total, (size_t)run->model.years + 1);
    if (status == MTFP_OK) {
        batch b = {.run = run,
                   .jobs = jobs,
                   .count = total,
                   .out = &sweep->outcomes,
                   .progress = progress,
                   .context = context};
        status = run_batch(&b, threads, "sweep evaluation", diag);
    }
    size_t last = (size_t)run->model.years, width = sweep->outcomes.width;
    for (size_t i = 0; status == MTFP_OK && i < sweep->bar_count; i++) {
        size_t row = points + 2 * i;
        mtfp_tornado_bar *bar = &sweep->bars[i];
        for (size_t y = 0; y <= last; y++) {
            bar->gaps_low[y] = sweep->outcomes.gap[row * width + y];
            bar->gaps_high[y] = sweep->outcomes.gap[(row + 1) * width + y];
        }
        bar->gap_low = bar->gaps_low[last];
        bar->gap_high = bar->gaps_high[last];
    }
    free(jobs);
    if (status != MTFP_OK) {
        mtfp_sweep_free(sweep);
        free(sweep);
        return status;
    }
    /* The tornado's evaluations are kept in its bars; outcomes are the grid's. */
    sweep->outcomes.count = points;
    qsort(sweep->bars, sweep->bar_count, sizeof *sweep->bars, by_swing);
    run->sweep = sweep;
    return MTFP_OK;
}
