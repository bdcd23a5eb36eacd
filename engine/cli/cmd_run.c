/* mtfp run: project the model and its scenarios; write the pack and CSV. */
#include <string.h>

#include "cli.h"

enum {
    RUN_OPTIONS =
        CLI_OPT_SCRIPT | CLI_OPT_OUTPUT | CLI_OPT_YEARS | CLI_OPT_SET | CLI_OPT_CSV | CLI_OPT_STRICT
};

int mtfp_cmd_run(int argc, char **argv)
{
    mtfp_run run;
    mtfp_cli_options options;
    int first = argc >= 2 && strcmp(argv[1], "run") == 0 ? 2 : 1;
    int exit_status = mtfp_cli_prepare(argc, argv, first, RUN_OPTIONS, &options, &run);
    if (exit_status == CLI_EXIT_OK) {
        exit_status = mtfp_cli_write_outputs(&options, &run);
    }
    mtfp_cli_finish(&options, &run);
    return exit_status;
}
