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
