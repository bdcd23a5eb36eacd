/* mtfp check: validate the model and its scripts and report the findings,
 * writing nothing. */
#include <stdio.h>

#include "cli.h"

enum { CHECK_OPTIONS = CLI_OPT_SCRIPT | CLI_OPT_YEARS | CLI_OPT_SET | CLI_OPT_STRICT };

int cmd_check(int argc, char **argv)
{
    mtfp_run run;
    cli_options options;
    if (mtfp_run_init(&run) != MTFP_OK) {
        fputs("mtfp: out of memory\n", stderr);
        return CLI_EXIT_INPUT;
    }
    mtfp_status status =
        cli_parse(argc, argv, 2, CHECK_OPTIONS, &options, &run.settings, &run.findings);
    int exit_status;
    if (status != MTFP_OK) {
        cli_print_error(&run.findings);
        exit_status = cli_exit_status(status);
    } else if ((exit_status = cli_prepare(&options, &run)) == CLI_EXIT_OK) {
        printf("%s: %zu revenue line%s, %zu scenario%s (with Base), %zu finding%s\n",
               options.model_dir, run.model.line_count, run.model.line_count == 1 ? "" : "s",
               run.count, run.count == 1 ? "" : "s", run.findings.warning_count,
               run.findings.warning_count == 1 ? "" : "s");
    }
    cli_options_free(&options);
    mtfp_run_free(&run);
    return exit_status;
}
