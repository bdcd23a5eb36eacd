/* Writing a run's outputs, and what the long commands share: threads and
 * progress. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "mtfp/utf8.h"
#include "mtfp/write.h"

static void print_right(const char *text, size_t width)
{
    printf("  %*s%s", (int)(width - mtfp_utf8_chars(text)), "", text);
}

/* A scenario's gap and cumulative gap in the final year, as text. */
typedef struct {
    char gap[MTFP_MONEY_TEXT_MAX], cumulative[MTFP_MONEY_TEXT_MAX];
} headline;

static headline headline_of(const mtfp_plan *plan)
{
    headline h;
    mtfp_money_format_display(plan->summary[MTFP_SUM_GAP][plan->years], h.gap);
    mtfp_money_format_display(plan->summary[MTFP_SUM_CUMULATIVE_GAP][plan->years], h.cumulative);
    return h;
}

static void print_headline(const mtfp_run *run, const char *pack)
{
    const mtfp_model *model = &run->model;
    char first[MTFP_YEAR_LABEL_MAX], last[MTFP_YEAR_LABEL_MAX];
    mtfp_model_year_label(model, 1, first);
    mtfp_model_year_label(model, model->years, last);
    printf("Wrote %s: %s, %s to %s\n", pack, model->name, first, last);
    printf("Gap in %s (positive: a shortfall; in brackets: a surplus):\n", last);
    /* The figures first, right-aligned, and each scenario's name whole
     * after them: a name cut to fit a column can read as something else
     * ("capped at £50" for "capped at £50,000"). */
    size_t width = strlen("cumulative");
    for (size_t s = 0; s < run->count; s++) {
        headline h = headline_of(&run->plans[s]);
        size_t gap = mtfp_utf8_chars(h.gap), cumulative = mtfp_utf8_chars(h.cumulative);
        width = gap > width ? gap : width;
        width = cumulative > width ? cumulative : width;
    }
    print_right("gap", width);
    print_right("cumulative", width);
    printf("  scenario\n");
    for (size_t s = 0; s < run->count; s++) {
        headline h = headline_of(&run->plans[s]);
        print_right(h.gap, width);
        print_right(h.cumulative, width);
        printf("  %s\n", run->scenarios[s].name);
    }
}

int mtfp_cli_write_outputs(const mtfp_cli_options *options, const mtfp_run *run)
{
    const char *pack = options->output ? options->output : CLI_DEFAULT_OUTPUT;
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    /* The default output directory is made on demand; a path the user
     * gives must be in a directory that exists. */
    mtfp_status status = mtfp_write_outputs(run, pack, !options->output, options->csv_dir,
                                            mtfp_cli_step_progress, &diag);
    if (status != MTFP_OK) {
        diag.status = status;
        mtfp_cli_print_error(&diag);
    } else {
        print_headline(run, pack);
    }
    mtfp_diag_free(&diag);
    return mtfp_cli_exit_status(status);
}

int mtfp_cli_threads(const mtfp_cli_options *options)
{
    if (options->threads > 0)
        return options->threads;
    long processors = sysconf(_SC_NPROCESSORS_ONLN);
    return processors < 1 ? 1 : processors > 64 ? 64 : (int)processors;
}

/* The percentage last shown; whether the progress line is still open. */
static size_t shown = (size_t)-1;
static bool open_line;

void mtfp_cli_progress(void *context, size_t done, size_t total)
{
    if (!isatty(STDERR_FILENO))
        return;
    size_t percent = done * 100 / total;
    if (percent == shown && done != total)
        return;
    shown = percent;
    open_line = done != total;
    fprintf(stderr, "\r%s: %zu of %zu (%zu%%)%s", (const char *)context, done, total, percent,
            open_line ? "" : "\n");
    fflush(stderr);
}

void mtfp_cli_step_progress(void *context, const char *step, size_t done, size_t total)
{
    if (!isatty(STDERR_FILENO))
        return;
    /* \033[K clears the rest of the line the last step left. */
    const char *what = context;
    if (!step)
        fputs("\r\033[K", stderr);
    else if (done > 0)
        fprintf(stderr, "\r%s: %s, %zu of %zu scenarios\033[K", what, step, done, total);
    else
        fprintf(stderr, "\r%s: %s\033[K", what, step);
    fflush(stderr);
}

void mtfp_cli_progress_stopped(void)
{
    if (open_line)
        fputc('\n', stderr);
    open_line = false;
}
