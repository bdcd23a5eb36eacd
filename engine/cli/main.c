/* mtfp: a medium-term financial plan from a model directory and scenario
 * scripts. See SPEC.md "Command line" and docs/. */
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "mtfp/book.h"
#include "mtfp/csv_in.h"
#include "mtfp/output.h"
#include "mtfp/script.h"
#include "mtfp/version.h"
#include "mtfp/xlsx_in.h"

static const char help[] =
    "mtfp " MTFP_VERSION " - medium-term financial plans for public services\n"
    "\n"
    "Usage:\n"
    "  mtfp run   [MODEL_DIR] [-s SCRIPT.lua]... [-o FILE.xlsx] [--years N]\n"
    "             [--set NAME=VALUE]... [--csv DIR] [--strict] [--runs N [--seed S]\n"
    "             [--threshold AMOUNT]] [--vary NAME=FROM:TO:STEP]... [--threads N]\n"
    "  mtfp check [MODEL_DIR] [-s SCRIPT.lua]... [--years N] [--set NAME=VALUE]... [--strict]\n"
    "  mtfp simulate [MODEL_DIR] [-s SCRIPT.lua]... [--runs N] [--seed S] [--threshold AMOUNT]\n"
    "             [--threads N] and the options of run\n"
    "  mtfp sweep [MODEL_DIR] [-s SCRIPT.lua]... [--vary NAME=FROM:TO:STEP]...\n"
    "             [--threads N] and the options of run\n"
    "  mtfp [COMMAND] --help | -h\n"
    "  mtfp --version\n"
    "\n"
    "Commands:\n"
    "  run     project Base and every scenario and write the cabinet pack (and CSV);\n"
    "          with --runs, also simulate every scenario that has uncertain.* values,\n"
    "          and with --vary, sweep: one pack with the Simulation and Sweep sheets\n"
    "  check   validate the model and scripts and print reconciliation findings\n"
    "  simulate  draw each -s script's uncertain.* values and priced risks --runs\n"
    "          times (Monte Carlo; with no -s, model.lua's scenarios that have any);\n"
    "          the pack gains a Simulation sheet (run --runs, of these scenarios, 1000\n"
    "          runs unless given)\n"
    "  sweep   evaluate the scenarios over a grid of one or two params, and at each\n"
    "          param's low and high (a tornado, by year); the pack gains a Sweep sheet\n"
    "          (run --vary, with the tornado whether or not --vary is given)\n"
    "\n"
    "Options:\n"
    "  MODEL_DIR          a directory with model.lua and revenue.csv (default " CLI_DEFAULT_MODEL
    ",\n"
    "                     else the example installed with mtfp)\n"
    "  -s SCRIPT.lua      add a scenario script (after those model.lua lists)\n"
    "  -o FILE.xlsx       where to write the pack (default " CLI_DEFAULT_OUTPUT ")\n"
    "  --years N          projection years, 1 to 30 (default: model.lua's, else 3)\n"
    "  --set NAME=VALUE   override a script's param(\"NAME\", default)\n"
    "  --csv DIR          also write every table as tidy CSV into DIR (summary.csv,\n"
    "                     revenue.csv and one file for each other part)\n"
    "  --strict           treat warnings as errors\n"
    "  --runs N           run, simulate: runs, 2 to 1,000,000 (simulate's default 1000)\n"
    "  --seed S           run, simulate: the generator's seed (default 1); the same seed\n"
    "                     gives the same results on any machine and thread count\n"
    "  --threshold AMOUNT run, simulate: also report the chance the gap exceeds AMOUNT\n"
    "  --vary NAME=FROM:TO:STEP  run, sweep: a param over a range (at most two)\n"
    "  --threads N        run, simulate, sweep: threads (default one per processor)\n"
    "\n"
    "Exit status: 0 success, 1 an error in the model, a CSV file or a script,\n"
    "2 bad usage, 3 the output could not be written.\n";

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
} commands[] = {{"run", mtfp_cmd_run},
                {"check", mtfp_cmd_check},
                {"simulate", mtfp_cmd_simulate},
                {"sweep", mtfp_cmd_sweep}};

static bool is_help(const char *arg)
{
    return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

static int print_help(void)
{
    fputs(help, stdout);
    return CLI_EXIT_OK;
}

/* Ctrl-C or a kill while the outputs are written: remove their temporary
 * files (an earlier pack is untouched), then die of the signal as before. */
static void stopped(int signal_number)
{
    mtfp_outputs_abandon();
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

int main(int argc, char **argv)
{
    /* A signal ignored when mtfp starts (SIGINT for a shell's background
     * job, SIGHUP under nohup) stays ignored. */
    static const int stops[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof stops / sizeof *stops; i++)
        if (signal(stops[i], stopped) == SIG_IGN)
            signal(stops[i], SIG_IGN);
    if (argc < 2)
        return mtfp_cmd_run(argc, argv);
    for (size_t c = 0; c < sizeof commands / sizeof *commands; c++) {
        if (strcmp(argv[1], commands[c].name) != 0)
            continue;
        /* mtfp run --help: the help, wherever --help stands among the options. */
        for (int i = 2; i < argc; i++)
            if (is_help(argv[i]))
                return print_help();
        return commands[c].run(argc, argv);
    }
    if (is_help(argv[1]) || strcmp(argv[1], "help") == 0)
        return print_help();
    if (strcmp(argv[1], "--version") == 0) {
        /* A council's IT asks which versions of the libraries mtfp runs
         * on, and a report of a difference between two machines needs them. */
        printf("mtfp %s\nbuilt with %s, %s, %s, %s\n", MTFP_VERSION, mtfp_script_library_version(),
               mtfp_book_library_version(), mtfp_csv_library_version(),
               mtfp_xlsx_library_version());
        return CLI_EXIT_OK;
    }
    fprintf(stderr,
            "mtfp: unknown command \"%s\"; expected run, check, simulate or sweep\nTry 'mtfp "
            "--help'.\n",
            argv[1]);
    return CLI_EXIT_USAGE;
}
