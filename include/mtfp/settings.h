/* Settings: parameter values given on the command line (--set NAME=VALUE).
 * A script's param("name", default) takes the setting of that name when there
 * is one; a setting no script asked for is a usage error. */
#ifndef MTFP_SETTINGS_H
#define MTFP_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "mtfp/diag.h"

typedef struct mtfp_setting {
    char *name;
    double value;
    bool used; /* some script asked for it */
} mtfp_setting;

typedef struct mtfp_settings {
    mtfp_setting *items;
    size_t count;
    size_t cap;
} mtfp_settings;

void mtfp_settings_init(mtfp_settings *settings);
void mtfp_settings_free(mtfp_settings *settings);

/* Set NAME to value (replacing a setting of that name). */
mtfp_status mtfp_settings_set(mtfp_settings *settings, const char *name, double value);

/* A copy of settings (none marked used), into copy (initialised here). */
mtfp_status mtfp_settings_copy(mtfp_settings *copy, const mtfp_settings *settings);

/* The setting with this name (names.h matching), or NULL. */
mtfp_setting *mtfp_settings_find(const mtfp_settings *settings, const char *name);

/* The first setting that no script used, or NULL. */
const mtfp_setting *mtfp_settings_unused(const mtfp_settings *settings);

#endif
