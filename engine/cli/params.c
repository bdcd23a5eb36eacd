/* The command line's params: --set NAME=VALUE, --vary NAME=FROM:TO:STEP,
 * and the usage error for a param no scenario asks for. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "mtfp/memory.h"
#include "mtfp/names.h"

/* A decimal number, or a percentage: "5%" is 0.05. */
static bool parse_value(const char *text, double *value)
{
    size_t len = strlen(text);
    bool percent = len > 0 && text[len - 1] == '%';
    double parsed;
    if (!mtfp_number_parse(text, len - percent, &parsed))
        return false;
    *value = percent ? parsed / 100.0 : parsed;
    return true;
}

mtfp_status mtfp_cli_parse_set(mtfp_settings *settings, const char *text, mtfp_diag *diag)
{
    const char *equals = strchr(text, '=');
    double value;
    if (!equals || equals == text || !parse_value(equals + 1, &value))
        return mtfp_diag_error(diag, MTFP_ERR_USAGE, NULL, 0, 0,
                               "--set \"%s\": expected NAME=VALUE with a decimal number, e.g. "
                               "placement_growth=0.08 or placement_growth=8%%",
                               text);
    char *name = mtfp_strndup(text, (size_t)(equals - text));
    if (!name)
        return MTFP_ERR_MEMORY;
    mtfp_status status = mtfp_settings_set(settings, name, value);
    free(name);
    return status;
}

/* The number from text to end, as --set reads it: "5%" is 0.05. */
static bool parse_number(const char *text, const char *end, double *value)
{
    char buffer[64];
    size_t len = (size_t)(end - text);
    if (len == 0 || len >= sizeof buffer)
        return false;
    memcpy(buffer, text, len);
    buffer[len] = '\0';
    return parse_value(buffer, value);
}

mtfp_status mtfp_cli_parse_vary(const char *text, mtfp_vary *vary, mtfp_diag *diag)
{
    memset(vary, 0, sizeof *vary);
    const char *equals = strchr(text, '=');
    const char *colon1 = equals ? strchr(equals + 1, ':') : NULL;
    const char *colon2 = colon1 ? strchr(colon1 + 1, ':') : NULL;
    if (!equals || equals == text || !colon2 || !parse_number(equals + 1, colon1, &vary->from) ||
        !parse_number(colon1 + 1, colon2, &vary->to) ||
        !parse_number(colon2 + 1, colon2 + strlen(colon2), &vary->step))
        return mtfp_diag_error(
            diag, MTFP_ERR_USAGE, NULL, 0, 0,
            "--vary \"%s\": expected NAME=FROM:TO:STEP with decimal numbers, e.g. "
            "extra_placements=0:6:1",
            text);
    if (!(vary->step > 0) || vary->to < vary->from)
        return mtfp_diag_error(diag, MTFP_ERR_USAGE, NULL, 0, 0,
                               "--vary \"%s\": expected FROM <= TO and a STEP above 0", text);
    double steps = floor((vary->to - vary->from) / vary->step + 1e-9);
    if (steps + 1 > MTFP_SWEEP_POINTS_MAX)
        return mtfp_diag_error(diag, MTFP_ERR_USAGE, NULL, 0, 0,
                               "--vary \"%s\": more than %d values; at most %d", text,
                               MTFP_SWEEP_POINTS_MAX, MTFP_SWEEP_POINTS_MAX);
    /* 1%:5%:0.7% would end at 4.5% and leave out the TO the user asked for. */
    double last = vary->from + steps * vary->step;
    if (vary->to - last > 1e-9 * vary->step)
        return mtfp_diag_error(diag, MTFP_ERR_USAGE, NULL, 0, 0,
                               "--vary \"%s\": the steps end at %.12g, not at %.12g: give a STEP "
                               "that divides TO - FROM",
                               text, last, vary->to);
    /* sweep.csv has a column for each varied param beside its own: a second
     * "year" would read as the first (pandas renames it year.1). */
    static const char *const own[] = {"scenario", "measure", "year", "amount"};
    for (size_t i = 0; i < sizeof own / sizeof *own; i++)
        if (mtfp_name_equal(text, (size_t)(equals - text), own[i]))
            return mtfp_diag_error(diag, MTFP_ERR_USAGE, NULL, 0, 0,
                                   "--vary \"%s\": sweep.csv has a column \"%s\" of its own "
                                   "(scenario, measure, year, amount): give the param another "
                                   "name in its script",
                                   text, own[i]);
    vary->count = (size_t)steps + 1;
    vary->name = mtfp_strndup(text, (size_t)(equals - text));
    return vary->name ? MTFP_OK : MTFP_ERR_MEMORY;
}

mtfp_status mtfp_cli_unknown_param(const mtfp_run *run, const char *option, const char *name,
                                   mtfp_diag *diag)
{
    size_t count = 0;
    for (size_t s = 0; s < run->count; s++)
        count += run->scenarios[s].param_count;
    const char **names = malloc((count ? count : 1) * sizeof *names);
    if (!names)
        return MTFP_ERR_MEMORY;
    count = 0;
    for (size_t s = 0; s < run->count; s++)
        for (size_t p = 0; p < run->scenarios[s].param_count; p++)
            names[count++] = run->scenarios[s].params[p].name;
    const char *closest = mtfp_name_closest_of(names, count, name, strlen(name));
    char hint[MTFP_NAME_HINT_MAX];
    mtfp_status status = mtfp_diag_error(diag, MTFP_ERR_USAGE, NULL, 0, 0,
                                         "%s %s: no scenario script asks for param(\"%s\", ...)%s",
                                         option, name, name, mtfp_name_hint(closest, NULL, hint));
    free(names);
    return status;
}
