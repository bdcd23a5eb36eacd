/* The command line: options shared by the subcommands, and the subcommands. */
#ifndef MTFP_CLI_H
#define MTFP_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mtfp/analysis.h"
#include "mtfp/diag.h"
#include "mtfp/run.h"
#include "mtfp/settings.h"

#define CLI_DEFAULT_MODEL "models/example"
#define CLI_DEFAULT_OUTPUT "output/cabinet-pack.xlsx"

/* Exit statuses, as SPEC "Command line" defines them. */
enum { CLI_EXIT_OK = 0, CLI_EXIT_INPUT = 1, CLI_EXIT_USAGE = 2, CLI_EXIT_OUTPUT = 3 };

/* Which options a subcommand takes. */
enum {
    CLI_OPT_SCRIPT = 1 << 0,   /* -s */
    CLI_OPT_OUTPUT = 1 << 1,   /* -o */
    CLI_OPT_YEARS = 1 << 2,    /* --years */
    CLI_OPT_SET = 1 << 3,      /* --set */
    CLI_OPT_CSV = 1 << 4,      /* --csv */
    CLI_OPT_STRICT = 1 << 5,   /* --strict */
    CLI_OPT_THREADS = 1 << 6,  /* --threads */
    CLI_OPT_SIMULATE = 1 << 7, /* --runs, --seed, --threshold */
    CLI_OPT_VARY = 1 << 8,     /* --vary */
};

#define CLI_DEFAULT_RUNS 1000
#define CLI_RUNS_MAX 1000000
#define CLI_DEFAULT_SEED 1

typedef struct mtfp_cli_options {
    const char *model_dir;
    const char **scripts;
    size_t script_count;
    const char *output; /* NULL: the default pack */
    const char *csv_dir;
    int years; /* 0: as model.lua says */
    bool strict;
    int threads; /* 0: one per processor */
    size_t runs;
    bool runs_given; /* --runs: mtfp run simulates */
    uint64_t seed;
    bool simulation_options; /* --seed or --threshold given */
    mtfp_pence threshold;
    mtfp_vary vary[MTFP_VARY_MAX];
    size_t vary_count;
} mtfp_cli_options;

/* The model a command uses when none is given: models/example in the
 * working directory, else the example installed with mtfp, else
 * models/example (which is then missing). */
const char *mtfp_cli_default_model(void);

/* Parse argv[first..] into options (and --set into settings). On a usage
 * error returns MTFP_ERR_USAGE with the message in diag. */
mtfp_status mtfp_cli_parse(int argc, char **argv, int first, unsigned allowed,
                           mtfp_cli_options *options, mtfp_settings *settings, mtfp_diag *diag);

/* --set "NAME=VALUE" (VALUE a decimal number, "5%" meaning 0.05) into
 * settings; a later setting of the same name replaces an earlier one.
 * MTFP_ERR_USAGE with a message in diag if the text is not of that form. */
mtfp_status mtfp_cli_parse_set(mtfp_settings *settings, const char *text, mtfp_diag *diag);

/* --vary "NAME=FROM:TO:STEP" (numbers; STEP > 0; FROM <= TO; "5%" is 0.05).
 * MTFP_ERR_USAGE with a message in diag if the text is not of that form. */
mtfp_status mtfp_cli_parse_vary(const char *text, mtfp_vary *vary, mtfp_diag *diag);

/* The usage error (MTFP_ERR_USAGE) for an option ("--set", "--vary") naming a
 * param that no scenario asks for, with the closest name one asks for as a
 * suggestion. */
mtfp_status mtfp_cli_unknown_param(const mtfp_run *run, const char *option, const char *name,
                                   mtfp_diag *diag);

/* Print an error or the warnings of a diag to stderr. */
void mtfp_cli_print_error(const mtfp_diag *diag);
void mtfp_cli_print_warnings(const mtfp_diag *diag);

/* The exit status for a status. */
int mtfp_cli_exit_status(mtfp_status status);

/* Start a subcommand: initialise run, parse argv[first..] (the options it
 * allows), load and project the run; print errors and warnings. Returns an
 * exit status. Call mtfp_cli_finish afterwards whatever it returns. */
int mtfp_cli_prepare(int argc, char **argv, int first, unsigned allowed, mtfp_cli_options *options,
                     mtfp_run *run);
void mtfp_cli_finish(mtfp_cli_options *options, mtfp_run *run);

/* Write the pack (and the CSV with --csv) of a projected run, all or
 * nothing, and print the headline; print the error if that fails. Returns
 * an exit status. */
int mtfp_cli_write_outputs(const mtfp_cli_options *options, const mtfp_run *run);

/* The number of threads to use: --threads, else one per processor. */
int mtfp_cli_threads(const mtfp_cli_options *options);

/* Progress on stderr when it is a terminal (an mtfp_progress; context is
 * what is counted, e.g. "runs"). */
void mtfp_cli_progress(void *context, size_t done, size_t total);
/* End a progress line that an error cut short, before the error. */
void mtfp_cli_progress_stopped(void);
/* An output's progress on stderr when it is a terminal (an
 * mtfp_step_progress; context is what is being written, e.g. "writing the
 * pack"): one line, rewritten, cleared when the output is complete. */
void mtfp_cli_step_progress(void *context, const char *step, size_t done, size_t total);

/* Simulate the scenarios of a projected run --runs times: the -s scripts'
 * (scripts_only; with none, model.lua's that draw uncertain values) or
 * every one that draws them; command names the command in a usage error.
 * Prints an error and returns an exit status. */
int mtfp_cli_simulate(const mtfp_cli_options *options, mtfp_run *run, bool scripts_only,
                      const char *command);
/* Sweep a projected run over --vary's grid and its params' lows and highs
 * (the tornado). Prints an error and returns an exit status. */
int mtfp_cli_sweep(mtfp_cli_options *options, mtfp_run *run);
/* What a simulation and a sweep found, on stdout after the pack's headline. */
void mtfp_cli_print_simulations(const mtfp_run *run);
void mtfp_cli_print_sweep(const mtfp_run *run);

int mtfp_cmd_run(int argc, char **argv);
int mtfp_cmd_check(int argc, char **argv);
int mtfp_cmd_simulate(int argc, char **argv);
int mtfp_cmd_sweep(int argc, char **argv);

#endif
