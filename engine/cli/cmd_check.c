/* mtfp check: validate the model and its scripts and report the findings,
 * writing nothing. */
#include <stdio.h>

#include "cli.h"
#include "mtfp/assumed.h"

enum { CHECK_OPTIONS = CLI_OPT_SCRIPT | CLI_OPT_YEARS | CLI_OPT_SET | CLI_OPT_STRICT };

int mtfp_cmd_check(int argc, char **argv)
{
    mtfp_run run;
    mtfp_cli_options options;
    int exit_status = mtfp_cli_prepare(argc, argv, 2, CHECK_OPTIONS, &options, &run);
    if (exit_status == CLI_EXIT_OK) {
        printf("%s: %zu revenue line%s, %zu scenario%s (with Base), %zu finding%s\n",
               options.model_dir, run.model.line_count, run.model.line_count == 1 ? "" : "s",
               run.count, run.count == 1 ? "" : "s", run.findings.warning_count,
               run.findings.warning_count == 1 ? "" : "s");
        /* What the figures rest on that no input gives, as the Assumptions sheet lists. */
        mtfp_assumed assumed[MTFP_ASSUMED_MAX];
        size_t count = mtfp_assumed_list(&run, assumed, MTFP_ASSUMED_MAX);
        if (count > 0)
            printf("Assumed, as no input gives them (model.lua sets them):\n");
        for (size_t i = 0; i < count; i++)
            printf("  %s: %s (%s)\n", assumed[i].setting, assumed[i].value, assumed[i].effect);
    }
    mtfp_cli_finish(&options, &run);
    return exit_status;
}
