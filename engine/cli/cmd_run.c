/* mtfp run: project the model and its scenarios; write the pack and CSV.
 * With --runs it simulates every scenario that draws uncertain values, and
 * with --vary it sweeps, into the same pack (the Simulation and Sweep
 * sheets): mtfp simulate and mtfp sweep are its shorthands. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

enum {
    RUN_OPTIONS = CLI_OPT_SCRIPT | CLI_OPT_OUTPUT | CLI_OPT_YEARS | CLI_OPT_SET | CLI_OPT_CSV |
                  CLI_OPT_STRICT | CLI_OPT_THREADS | CLI_OPT_SIMULATE | CLI_OPT_VARY
};

int mtfp_cmd_run(int argc, char **argv)
{
    mtfp_run run;
    mtfp_cli_options options;
    int first = argc >= 2 && strcmp(argv[1], "run") == 0 ? 2 : 1;
    int exit_status = mtfp_cli_prepare(argc, argv, first, RUN_OPTIONS, &options, &run);
    if (exit_status == CLI_EXIT_OK && options.simulation_options && !options.runs_given) {
        /* They would change nothing: the run draws nothing without --runs. */
        fputs("mtfp run: --seed and --threshold are for a simulation: give --runs N too\n"
              "Try 'mtfp --help'.\n",
              stderr);
        exit_status = CLI_EXIT_USAGE;
    }
    if (exit_status == CLI_EXIT_OK && options.runs_given)
        exit_status = mtfp_cli_simulate(&options, &run, false, "mtfp run --runs");
    if (exit_status == CLI_EXIT_OK && options.vary_count > 0)
        exit_status = mtfp_cli_sweep(&options, &run);
    if (exit_status == CLI_EXIT_OK)
        exit_status = mtfp_cli_write_outputs(&options, &run);
    if (exit_status == CLI_EXIT_OK) {
        mtfp_cli_print_simulations(&run);
        mtfp_cli_print_sweep(&run);
    }
    mtfp_cli_finish(&options, &run);
    return exit_status;
}
