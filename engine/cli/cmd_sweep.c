/* mtfp sweep: evaluate the scenarios again over a grid of one or two params
 * (--vary) and at each param's low and high (the tornado); write the pack
 * with a Sweep sheet, and the CSV. mtfp run --vary does the same in its
 * pack; mtfp_cli_sweep serves both. */
#include <stdio.h>

#include "cli.h"
#include "mtfp/evaluate.h"

enum {
    SWEEP_OPTIONS = CLI_OPT_SCRIPT | CLI_OPT_OUTPUT | CLI_OPT_YEARS | CLI_OPT_SET | CLI_OPT_CSV |
                    CLI_OPT_STRICT | CLI_OPT_THREADS | CLI_OPT_VARY
};

void mtfp_cli_print_sweep(const mtfp_run *run)
{
    const mtfp_sweep *sweep = run->sweep;
    if (!sweep)
        return;
    printf("Swept %zu point%s", sweep->outcomes.count, sweep->outcomes.count == 1 ? "" : "s");
    printf(" and %zu tornado bar%s.\n", sweep->bar_count, sweep->bar_count == 1 ? "" : "s");
    for (size_t i = 0; i < sweep->bar_count && i < 5; i++) {
        const mtfp_tornado_bar *bar = &sweep->bars[i];
        char low[MTFP_MONEY_TEXT_MAX], high[MTFP_MONEY_TEXT_MAX];
        mtfp_money_format_display(bar->gap_low - bar->gap, low);
        mtfp_money_format_display(bar->gap_high - bar->gap, high);
        printf("  %s, %s: the final-year gap changes by %s at its low, %s at its high\n",
               run->scenarios[bar->scenario].name, bar->param, low, high);
    }
}

int mtfp_cli_sweep(mtfp_cli_options *options, mtfp_run *run)
{
    for (size_t v = 0; v < options->vary_count; v++) {
        bool asked = false;
        for (size_t s = 1; s < run->count; s++)
            asked = asked || mtfp_scenario_param(&run->scenarios[s], options->vary[v].name);
        if (!asked) {
            mtfp_cli_unknown_param(run, "--vary", options->vary[v].name, &run->findings);
            mtfp_cli_print_error(&run->findings);
            return CLI_EXIT_USAGE;
        }
    }
    mtfp_status status =
        mtfp_evaluate_sweep(run, options->vary, options->vary_count, mtfp_cli_threads(options),
                            mtfp_cli_progress, "sweep evaluations", &run->findings);
    if (status != MTFP_OK) {
        mtfp_cli_progress_stopped();
        run->findings.status = status;
        mtfp_cli_print_error(&run->findings);
        return mtfp_cli_exit_status(status);
    }
    return CLI_EXIT_OK;
}

int mtfp_cmd_sweep(int argc, char **argv)
{
    mtfp_run run;
    mtfp_cli_options options;
    int exit_status = mtfp_cli_prepare(argc, argv, 2, SWEEP_OPTIONS, &options, &run);
    if (exit_status == CLI_EXIT_OK)
        exit_status = mtfp_cli_sweep(&options, &run);
    if (exit_status == CLI_EXIT_OK)
        exit_status = mtfp_cli_write_outputs(&options, &run);
    if (exit_status == CLI_EXIT_OK)
        mtfp_cli_print_sweep(&run);
    mtfp_cli_finish(&options, &run);
    return exit_status;
}
