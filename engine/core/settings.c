#include "mtfp/settings.h"

#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"
#include "mtfp/money.h"
#include "mtfp/names.h"

void mtfp_settings_init(mtfp_settings *settings)
{
    memset(settings, 0, sizeof *settings);
}

void mtfp_settings_free(mtfp_settings *settings)
{
    for (size_t i = 0; i < settings->count; i++)
        free(settings->items[i].name);
    free(settings->items);
    mtfp_settings_init(settings);
}

mtfp_setting *mtfp_settings_find(const mtfp_settings *settings, const char *name)
{
    for (size_t i = 0; i < settings->count; i++)
        if (mtfp_name_equal(name, strlen(name), settings->items[i].name))
            return &settings->items[i];
    return NULL;
}

bool mtfp_settings_parse_value(const char *text, double *value)
{
    size_t len = strlen(text);
    bool percent = len > 0 && text[len - 1] == '%';
    double parsed;
    if (!mtfp_number_parse(text, len - percent, &parsed))
        return false;
    *value = percent ? parsed / 100.0 : parsed;
    return true;
}

mtfp_status mtfp_settings_parse(mtfp_settings *settings, const char *text, mtfp_diag *diag)
{
    const char *equals = strchr(text, '=');
    double value;
    if (!equals || equals == text || !mtfp_settings_parse_value(equals + 1, &value))
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

mtfp_status mtfp_settings_set(mtfp_settings *settings, const char *name, double value)
{
    mtfp_setting *existing = mtfp_settings_find(settings, name);
    if (existing) {
        existing->value = value;
        return MTFP_OK;
    }
    char *copy = mtfp_strdup(name);
    if (!copy ||
        mtfp_grow(&settings->items, &settings->cap, settings->count + 1, sizeof *settings->items)) {
        free(copy);
        return MTFP_ERR_MEMORY;
    }
    settings->items[settings->count++] = (mtfp_setting){.name = copy, .value = value};
    return MTFP_OK;
}

mtfp_status mtfp_settings_copy(mtfp_settings *copy, const mtfp_settings *settings)
{
    mtfp_settings_init(copy);
    for (size_t i = 0; i < settings->count; i++)
        if (mtfp_settings_set(copy, settings->items[i].name, settings->items[i].value) != MTFP_OK) {
            mtfp_settings_free(copy);
            return MTFP_ERR_MEMORY;
        }
    return MTFP_OK;
}

const mtfp_setting *mtfp_settings_unused(const mtfp_settings *settings)
{
    for (size_t i = 0; i < settings->count; i++)
        if (!settings->items[i].used)
            return &settings->items[i];
    return NULL;
}
