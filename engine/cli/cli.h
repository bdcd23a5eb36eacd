/* The command line: options shared by the subcommands, and the subcommands. */
#ifndef MTFP_CLI_H
#define MTFP_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "mtfp/diag.h"
#include "mtfp/run.h"

#define CLI_DEFAULT_MODEL "models/example"
#define CLI_DEFAULT_OUTPUT_DIR "output"
#define CLI_DEFAULT_OUTPUT "output/cabinet-pack.xlsx"

/* Exit statuses, as SPEC "Command line" defines them. */
enum { CLI_EXIT_OK = 0, CLI_EXIT_INPUT = 1, CLI_EXIT_USAGE = 2, CLI_EXIT_OUTPUT = 3 };

/* Which options a subcommand takes. */
enum {
    CLI_OPT_SCRIPT = 1 << 0, /* -s */
    CLI_OPT_OUTPUT = 1 << 1, /* -o */
    CLI_OPT_YEARS = 1 << 2,  /* --years */
    CLI_OPT_SET = 1 << 3,    /* --set */
    CLI_OPT_CSV = 1 << 4,    /* --csv */
    CLI_OPT_STRICT = 1 << 5, /* --strict */
};

typedef struct cli_options {
    const char *model_dir;
    const char **scripts;
    size_t script_count;
    const char *output; /* NULL: the default pack */
    const char *csv_dir;
    int years; /* 0: as model.lua says */
    bool strict;
} cli_options;

/* Parse argv[first..] into options (and --set into settings). On a usage
 * error returns MTFP_ERR_USAGE with the message in diag. */
mtfp_status cli_parse(int argc, char **argv, int first, unsigned allowed, cli_options *options,
                      mtfp_settings *settings, mtfp_diag *diag);

/* Print an error or the warnings of a diag to stderr. */
void cli_print_error(const mtfp_diag *diag);
void cli_print_warnings(const mtfp_diag *diag);

/* The exit status for a status. */
int cli_exit_status(mtfp_status status);

/* Start a subcommand: initialise run, parse argv[first..] (the options it
 * allows), load and project the run; print errors and warnings. Returns an
 * exit status. Call cli_finish afterwards whatever it returns. */
int cli_prepare(int argc, char **argv, int first, unsigned allowed, cli_options *options,
                mtfp_run *run);
void cli_finish(cli_options *options, mtfp_run *run);

int cmd_run(int argc, char **argv);
int cmd_check(int argc, char **argv);

#endif
