/* Options shared by the subcommands, and how results are reported. */
#define _XOPEN_SOURCE 700 /* realpath */

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "mtfp/load.h"
#include "mtfp/memory.h"
#include "mtfp/names.h"
#include "mtfp/project.h"
#include "mtfp/utf8.h"

static mtfp_status usage(mtfp_diag *diag, const char *fmt, const char *arg)
{
    mtfp_diag_error(diag, MTFP_ERR_USAGE, NULL, 0, 0, fmt, arg);
    return MTFP_ERR_USAGE;
}

static mtfp_status parse_years(const char *text, int *years, mtfp_diag *diag)
{
    errno = 0;
    char *end;
    long value = strtol(text, &end, 10);
    if (end == text || *end || errno || value < 1 || value > MTFP_MAX_YEARS)
        return mtfp_diag_error(diag, MTFP_ERR_USAGE, NULL, 0, 0,
                               "--years \"%s\": expected a number of projection years from 1 "
                               "to %d",
                               text, MTFP_MAX_YEARS);
    *years = (int)value;
    return MTFP_OK;
}

/* A whole number from min to max. */
static mtfp_status parse_count(const char *option, const char *text, uint64_t min, uint64_t max,
                               uint64_t *out, mtfp_diag *diag)
{
    errno = 0;
    char *end;
    unsigned long long value = strtoull(text, &end, 10);
    if (end == text || *end || errno || text[0] == '-' || value < min || value > max)
        return mtfp_diag_error(diag, MTFP_ERR_USAGE, NULL, 0, 0,
                               "%s \"%s\": expected a whole number from %llu to %llu", option, text,
                               (unsigned long long)min, (unsigned long long)max);
    *out = value;
    return MTFP_OK;
}

/* The value of an option that takes one: the next argument. */
static mtfp_status value_of(int argc, char **argv, int *i, const char **value, mtfp_diag *diag)
{
    if (*i + 1 >= argc)
        return usage(diag, "option %s needs a value", argv[*i]);
    *value = argv[++*i];
    return MTFP_OK;
}

/* The value of an option that takes a file or a directory (what): an
 * argument starting with '-' is the next option, the value left out
 * (-s -o pack.xlsx). */
static mtfp_status path_of(int argc, char **argv, int *i, const char *what, const char **value,
                           mtfp_diag *diag)
{
    const char *option = argv[*i];
    MTFP_TRY(value_of(argc, argv, i, value, diag));
    if ((*value)[0] == '-' && (*value)[1] != '\0')
        return mtfp_diag_error(diag, MTFP_ERR_USAGE, NULL, 0, 0, "%s needs %s, got the option %s",
                               option, what, *value);
    return MTFP_OK;
}

static mtfp_status add_script(mtfp_cli_options *options, const char *script)
{
    const char **grown = realloc(options->scripts, (options->script_count + 1) * sizeof *grown);
    if (!grown)
        return MTFP_ERR_MEMORY;
    options->scripts = grown;
    options->scripts[options->script_count++] = script;
    return MTFP_OK;
}

/* The pack is a workbook, which Excel opens by its name's ending: .xlsx, in
 * any case. */
static bool names_a_workbook(const char *path)
{
    size_t len = strlen(path);
    if (len < 5)
        return false;
    char ending[6];
    for (int k = 0; k < 5; k++)
        ending[k] = (char)tolower((unsigned char)path[len - 5 + k]);
    ending[5] = '\0';
    return strcmp(ending, ".xlsx") == 0;
}

/* Every command's options, to tell one that this command does not take
 * from one that no command has. */
static const char *const every_option[] = {"-s",     "-o",          "--csv",     "--years",
                                           "--set",  "--strict",    "--threads", "--runs",
                                           "--seed", "--threshold", "--vary",    NULL};

static mtfp_status parse_option(int argc, char **argv, int *i, const char *command,
                                unsigned allowed, mtfp_cli_options *options,
                                mtfp_settings *settings, mtfp_diag *diag)
{
    const char *arg = argv[*i], *value;
    if ((allowed & CLI_OPT_SCRIPT) && strcmp(arg, "-s") == 0) {
        MTFP_TRY(path_of(argc, argv, i, "a script file", &value, diag));
        return add_script(options, value);
    }
    if ((allowed & CLI_OPT_OUTPUT) && strcmp(arg, "-o") == 0) {
        MTFP_TRY(
            path_of(argc, argv, i, "the pack's file name (FILE.xlsx)", &options->output, diag));
        if (!names_a_workbook(options->output))
            return usage(diag,
                         "-o %s: the pack is an Excel workbook: give a file name ending .xlsx",
                         options->output);
        return MTFP_OK;
    }
    if ((allowed & CLI_OPT_CSV) && strcmp(arg, "--csv") == 0)
        return path_of(argc, argv, i, "a directory", &options->csv_dir, diag);
    if ((allowed & CLI_OPT_YEARS) && strcmp(arg, "--years") == 0) {
        MTFP_TRY(value_of(argc, argv, i, &value, diag));
        return parse_years(value, &options->years, diag);
    }
    if ((allowed & CLI_OPT_SET) && strcmp(arg, "--set") == 0) {
        MTFP_TRY(value_of(argc, argv, i, &value, diag));
        return mtfp_cli_parse_set(settings, value, diag);
    }
    if ((allowed & CLI_OPT_STRICT) && strcmp(arg, "--strict") == 0) {
        options->strict = true;
        return MTFP_OK;
    }
    if ((allowed & CLI_OPT_THREADS) && strcmp(arg, "--threads") == 0) {
        MTFP_TRY(value_of(argc, argv, i, &value, diag));
        uint64_t threads = 0;
        MTFP_TRY(parse_count(arg, value, 1, 64, &threads, diag));
        options->threads = (int)threads;
        return MTFP_OK;
    }
    if ((allowed & CLI_OPT_SIMULATE) && strcmp(arg, "--runs") == 0) {
        MTFP_TRY(value_of(argc, argv, i, &value, diag));
        uint64_t runs = 0;
        MTFP_TRY(parse_count(arg, value, 2, CLI_RUNS_MAX, &runs, diag));
        options->runs = (size_t)runs;
        options->runs_given = true;
        return MTFP_OK;
    }
    if ((allowed & CLI_OPT_SIMULATE) &&
        (strcmp(arg, "--seed") == 0 || strcmp(arg, "--threshold") == 0))
        options->simulation_options = true;
    if ((allowed & CLI_OPT_SIMULATE) && strcmp(arg, "--seed") == 0) {
        MTFP_TRY(value_of(argc, argv, i, &value, diag));
        return parse_count(arg, value, 0, UINT64_MAX, &options->seed, diag);
    }
    if ((allowed & CLI_OPT_SIMULATE) && strcmp(arg, "--threshold") == 0) {
        MTFP_TRY(value_of(argc, argv, i, &value, diag));
        const char *why;
        if (!mtfp_money_parse(value, strlen(value), &options->threshold, &why))
            return mtfp_diag_error(diag, MTFP_ERR_USAGE, NULL, 0, 0,
                                   "--threshold \"%s\": expected %s", value, why);
        return MTFP_OK;
    }
    if ((allowed & CLI_OPT_VARY) && strcmp(arg, "--vary") == 0) {
        MTFP_TRY(value_of(argc, argv, i, &value, diag));
        if (options->vary_count == MTFP_VARY_MAX)
            return usage(diag, "--vary %s: at most two parameters can be varied together", value);
        mtfp_vary *vary = &options->vary[options->vary_count++];
        MTFP_TRY(mtfp_cli_parse_vary(value, vary, diag));
        /* A grid of a param against itself: the second range would override
         * the first at every point. */
        if (options->vary_count == 2 &&
            mtfp_name_equal(vary->name, strlen(vary->name), options->vary[0].name))
            return mtfp_diag_error(diag, MTFP_ERR_USAGE, NULL, 0, 0,
                                   "--vary %s: param \"%s\" is varied twice; vary each param "
                                   "once (a grid is of two different params)",
                                   value, vary->name);
        return MTFP_OK;
    }
    for (const char *const *known = every_option; *known; known++)
        if (strcmp(arg, *known) == 0)
            return mtfp_diag_error(diag, MTFP_ERR_USAGE, NULL, 0, 0, "mtfp %s does not take %s",
                                   command, arg);
    return usage(diag, "unknown option \"%s\"", arg);
}

static bool is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The installed example: DATADIR/models/example. The install's share
 * directory is found from where the binary is first, so that a staged
 * install (DESTDIR) or a package unpacked anywhere finds its own, then at
 * the DATADIR it was built for. The example's scenarios name their scripts
 * by relative path (../../scripts/), which the install keeps. */
#if defined(MTFP_DATADIR) && defined(MTFP_DATADIR_FROM_BINDIR)
static const char *installed_example(void)
{
    static char found[PATH_MAX];
    char binary[PATH_MAX], example[PATH_MAX + sizeof MTFP_DATADIR_FROM_BINDIR + 32];
    ssize_t len = readlink("/proc/self/exe", binary, sizeof binary - 1);
    char *slash = NULL;
    if (len > 0) {
        binary[len] = '\0';
        slash = strrchr(binary, '/');
    }
    if (slash) {
        *slash = '\0';
        snprintf(example, sizeof example, "%s/%s/%s", binary, MTFP_DATADIR_FROM_BINDIR,
                 CLI_DEFAULT_MODEL);
        if (is_directory(example) && realpath(example, found))
            return found;
    }
    if (is_directory(MTFP_DATADIR "/" CLI_DEFAULT_MODEL))
        return MTFP_DATADIR "/" CLI_DEFAULT_MODEL;
    return NULL;
}
#endif

const char *mtfp_cli_default_model(void)
{
    if (is_directory(CLI_DEFAULT_MODEL))
        return CLI_DEFAULT_MODEL;
#if defined(MTFP_DATADIR) && defined(MTFP_DATADIR_FROM_BINDIR)
    const char *installed = installed_example();
    if (installed)
        return installed;
#endif
    return CLI_DEFAULT_MODEL; /* the error names the directory looked for */
}

mtfp_status mtfp_cli_parse(int argc, char **argv, int first, unsigned allowed,
                           mtfp_cli_options *options, mtfp_settings *settings, mtfp_diag *diag)
{
    memset(options, 0, sizeof *options);
    options->runs = CLI_DEFAULT_RUNS;
    options->seed = CLI_DEFAULT_SEED;
    for (int i = first; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1] != '\0') {
            MTFP_TRY(parse_option(argc, argv, &i, first > 1 ? argv[first - 1] : "run", allowed,
                                  options, settings, diag));
        } else if (!options->model_dir) {
            options->model_dir = argv[i];
        } else {
            return usage(diag, "unexpected argument \"%s\": give one model directory", argv[i]);
        }
    }
    if (!options->model_dir)
        options->model_dir = mtfp_cli_default_model();
    return MTFP_OK;
}

/* A message on stderr, a control character in it (from a name in a CSV file
 * or a script: an escape sequence would reach the terminal) shown as '?'. */
static void print_message(const char *message)
{
    for (const unsigned char *c = (const unsigned char *)message; *c; c++)
        fputc(mtfp_utf8_control(*c) && *c != '\n' && *c != '\t' ? '?' : *c, stderr);
    fputc('\n', stderr);
}

void mtfp_cli_print_error(const mtfp_diag *diag)
{
    char message[MTFP_DIAG_FILE_MAX + MTFP_DIAG_MESSAGE_MAX + 32];
    if (diag->status == MTFP_ERR_INPUT && diag->error_total > 0) {
        /* Every error the model's files have, the first as diag's own. */
        for (size_t i = 0; i < diag->error_count; i++) {
            mtfp_finding_format(&diag->errors[i], message, sizeof message);
            print_message(message);
        }
        if (diag->error_total > diag->error_count)
            fprintf(stderr, "mtfp: and %zu more error%s\n", diag->error_total - diag->error_count,
                    diag->error_total - diag->error_count == 1 ? "" : "s");
        return;
    }
    if (diag->status == MTFP_ERR_MEMORY || !diag->message[0])
        snprintf(message, sizeof message, "mtfp: %s", mtfp_strerror(diag->status));
    else
        mtfp_diag_format_error(diag, message, sizeof message);
    print_message(message);
    if (diag->status == MTFP_ERR_USAGE)
        fprintf(stderr, "Try 'mtfp --help'.\n");
}

void mtfp_cli_print_warnings(const mtfp_diag *diag)
{
    for (size_t i = 0; i < diag->warning_count; i++) {
        const mtfp_finding *finding = &diag->warnings[i];
        char message[MTFP_DIAG_FILE_MAX + MTFP_DIAG_MESSAGE_MAX + 32];
        mtfp_finding wrapped = *finding;
        char text[MTFP_DIAG_MESSAGE_MAX + 16];
        snprintf(text, sizeof text, "warning: %s", finding->message);
        wrapped.message = text;
        mtfp_finding_format(&wrapped, message, sizeof message);
        print_message(message);
    }
}

int mtfp_cli_exit_status(mtfp_status status)
{
    switch (status) {
    case MTFP_OK:
        return CLI_EXIT_OK;
    case MTFP_ERR_USAGE:
        return CLI_EXIT_USAGE;
    case MTFP_ERR_OUTPUT:
        return CLI_EXIT_OUTPUT;
    case MTFP_ERR_INPUT:
    case MTFP_ERR_MEMORY:
        break;
    }
    return CLI_EXIT_INPUT;
}

/* Load and project the run; print its error or warnings. */
static int load_and_project(const mtfp_cli_options *options, mtfp_run *run)
{
    mtfp_diag *diag = &run->findings;
    mtfp_status status = mtfp_run_load(run, options->model_dir, options->scripts,
                                       options->script_count, options->years, diag);
    /* A misspelt --set would leave the default in place. */
    const mtfp_setting *unused = status == MTFP_OK ? mtfp_settings_unused(&run->settings) : NULL;
    if (unused)
        status = mtfp_cli_unknown_param(run, "--set", unused->name, diag);
    if (status == MTFP_OK)
        status = mtfp_project_scenarios(run, mtfp_cli_threads(options), diag);
    mtfp_cli_print_warnings(diag);
    if (status != MTFP_OK) {
        diag->status = status;
        mtfp_cli_print_error(diag);
        return mtfp_cli_exit_status(status);
    }
    if (options->strict && diag->warning_count > 0) {
        fprintf(stderr, "mtfp: %zu warning%s treated as errors (--strict)\n", diag->warning_count,
                diag->warning_count == 1 ? "" : "s");
        return CLI_EXIT_INPUT;
    }
    return CLI_EXIT_OK;
}

int mtfp_cli_prepare(int argc, char **argv, int first, unsigned allowed, mtfp_cli_options *options,
                     mtfp_run *run)
{
    memset(options, 0, sizeof *options);
    if (mtfp_run_init(run) != MTFP_OK) {
        fputs("mtfp: out of memory\n", stderr);
        return CLI_EXIT_INPUT;
    }
    mtfp_status status =
        mtfp_cli_parse(argc, argv, first, allowed, options, &run->settings, &run->findings);
    if (status != MTFP_OK) {
        mtfp_cli_print_error(&run->findings);
        return mtfp_cli_exit_status(status);
    }
    return load_and_project(options, run);
}

void mtfp_cli_finish(mtfp_cli_options *options, mtfp_run *run)
{
    free(options->scripts);
    for (size_t v = 0; v < options->vary_count; v++)
        free(options->vary[v].name);
    memset(options, 0, sizeof *options);
    mtfp_run_free(run);
}
