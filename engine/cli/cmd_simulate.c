/* mtfp simulate: draw the uncertain values and the priced risks of each -s
 * script's scenario (or with none, of model.lua's scenarios that have any)
 * --runs times; write the
 * pack with a Simulation sheet, and the CSV. It is mtfp run --runs with
 * those scenarios; mtfp_cli_simulate serves both. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "mtfp/evaluate.h"

enum {
    SIMULATE_OPTIONS = CLI_OPT_SCRIPT | CLI_OPT_OUTPUT | CLI_OPT_YEARS | CLI_OPT_SET | CLI_OPT_CSV |
                       CLI_OPT_STRICT | CLI_OPT_THREADS | CLI_OPT_SIMULATE
};

static void print_simulation(const mtfp_run *run, const mtfp_simulation *simulation)
{
    const mtfp_outcomes *runs = &simulation->runs;
    size_t last = runs->width - 1;
    const mtfp_stats *stats = &simulation->stats[MTFP_MEASURE_GAP][last];
    size_t above = mtfp_count_above(&runs->gap[last], runs->count, runs->width, 0);
    char label[MTFP_YEAR_LABEL_MAX], mean[MTFP_MONEY_TEXT_MAX], p5[MTFP_MONEY_TEXT_MAX],
        p95[MTFP_MONEY_TEXT_MAX];
    mtfp_model_year_label(&run->model, (int)last, label);
    mtfp_money_format_display(stats->mean, mean);
    mtfp_money_format_display(stats->percentile[0], p5);
    mtfp_money_format_display(stats->percentile[MTFP_PERCENTILES - 1], p95);
    printf("%s: %zu runs (seed %" PRIu64 ", %zu uncertain value%s",
           run->scenarios[simulation->scenario].name, runs->count, simulation->seed,
           simulation->draws, simulation->draws == 1 ? "" : "s");
    if (simulation->risk_count > 0)
        printf(" and %zu priced risk%s", simulation->risk_count,
               simulation->risk_count == 1 ? "" : "s");
    printf(" each)\n");
    printf("  gap in %s: mean %s, 5th to 95th percentile %s to %s; a shortfall in %.1f%% of "
           "runs",
           label, mean, p5, p95, 100.0 * (double)above / (double)runs->count);
    if (simulation->threshold != 0) {
        char threshold[MTFP_MONEY_TEXT_MAX];
        mtfp_money_format_display(simulation->threshold, threshold);
        size_t beyond =
            mtfp_count_above(&runs->gap[last], runs->count, runs->width, simulation->threshold);
        printf(", above %s in %.1f%%", threshold, 100.0 * (double)beyond / (double)runs->count);
    }
    putchar('\n');
    if (simulation->risk_count == 0)
        return;
    stats = &simulation->risk_stats[last];
    above = mtfp_count_above(&simulation->with_risks[last], runs->count, runs->width, 0);
    mtfp_money_format_display(stats->mean, mean);
    mtfp_money_format_display(stats->percentile[0], p5);
    mtfp_money_format_display(stats->percentile[MTFP_PERCENTILES - 1], p95);
    printf(
        "  with risks: mean %s, 5th to 95th percentile %s to %s; a shortfall in %.1f%% of runs\n",
        mean, p5, p95, 100.0 * (double)above / (double)runs->count);
}

void mtfp_cli_print_simulations(const mtfp_run *run)
{
    for (size_t i = 0; i < run->simulation_count; i++)
        print_simulation(run, &run->simulations[i]);
}

/* A scenario has something to draw: uncertain values, or a risk open and
 * priced. */
static bool draws_something(const mtfp_scenario *scenario)
{
    for (size_t r = 0; r < scenario->risks.count; r++)
        if (mtfp_risk_open_and_priced(&scenario->risks.items[r]))
            return true;
    return scenario->uncertain > 0;
}

/* Whether scenario s is simulated: with scripts_only, the -s scripts' (the
 * run's last), or with none every scenario of model.lua's that draws
 * uncertain values; else every scenario that draws them. */
static bool is_chosen(const mtfp_run *run, const mtfp_cli_options *options, bool scripts_only,
                      size_t s)
{
    if (scripts_only && options->script_count > 0)
        return s >= run->count - options->script_count;
    return s >= 1 && draws_something(&run->scenarios[s]);
}

int mtfp_cli_simulate(const mtfp_cli_options *options, mtfp_run *run, bool scripts_only,
                      const char *command)
{
    size_t count = 0;
    for (size_t s = 1; s < run->count; s++)
        count += is_chosen(run, options, scripts_only, s);
    if (count == 0) {
        fprintf(stderr,
                "%s: no scenario %suses uncertain.* values or has a priced risk: give the "
                "scenario to simulate with -s SCRIPT.lua\n"
                "Try 'mtfp --help'.\n",
                command, scripts_only ? "of model.lua's " : "");
        return CLI_EXIT_USAGE;
    }
    if (options->runs * count > CLI_RUNS_MAX) {
        /* The Simulation sheet lists every run, and a sheet has 1,048,576 rows. */
        fprintf(stderr,
                "%s: %zu runs of %zu scenarios: the Simulation sheet lists at most %d runs in "
                "all\nTry 'mtfp --help'.\n",
                command, options->runs, count, CLI_RUNS_MAX);
        return CLI_EXIT_USAGE;
    }
    for (size_t s = 1; s < run->count; s++) {
        if (!is_chosen(run, options, scripts_only, s))
            continue;
        mtfp_diag *diag = &run->findings;
        mtfp_status status = MTFP_OK;
        if (!draws_something(&run->scenarios[s]))
            status = mtfp_diag_error(diag, MTFP_ERR_INPUT, run->scenarios[s].file, 0, 0,
                                     "nothing to simulate: the script uses no uncertain.* "
                                     "values and its scenario has no priced risk, so every run "
                                     "would be the same");
        if (status == MTFP_OK)
            status = mtfp_evaluate_simulation(run, s, options->runs, options->seed,
                                              options->threshold, mtfp_cli_threads(options),
                                              mtfp_cli_progress, "simulate runs", diag);
        if (status != MTFP_OK) {
            mtfp_cli_progress_stopped();
            diag->status = status;
            mtfp_cli_print_error(diag);
            return mtfp_cli_exit_status(status);
        }
    }
    return CLI_EXIT_OK;
}

int mtfp_cmd_simulate(int argc, char **argv)
{
    mtfp_run run;
    mtfp_cli_options options;
    int exit_status = mtfp_cli_prepare(argc, argv, 2, SIMULATE_OPTIONS, &options, &run);
    if (exit_status == CLI_EXIT_OK)
        exit_status = mtfp_cli_simulate(&options, &run, true, "mtfp simulate");
    if (exit_status == CLI_EXIT_OK)
        exit_status = mtfp_cli_write_outputs(&options, &run);
    if (exit_status == CLI_EXIT_OK)
        mtfp_cli_print_simulations(&run);
    mtfp_cli_finish(&options, &run);
    return exit_status;
}
