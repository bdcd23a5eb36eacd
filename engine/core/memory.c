#include "mtfp/memory.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

mtfp_status mtfp_grow(void *array, size_t *cap, size_t need, size_t elem)
{
    void **slot = array;
    if (need <= *cap)
        return MTFP_OK;
    size_t next = *cap ? *cap : 8;
    while (next < need) {
        if (next > SIZE_MAX / 2)
            return MTFP_ERR_MEMORY;
        next *= 2;
    }
    if (elem && next > SIZE_MAX / elem)
        return MTFP_ERR_MEMORY;
    void *grown = realloc(*slot, next * elem);
    if (!grown)
        return MTFP_ERR_MEMORY;
    *slot = grown;
    *cap = next;
    return MTFP_OK;
}

char *mtfp_strndup(const char *text, size_t len)
{
    if (!text)
        return NULL;
    char *copy = malloc(len + 1);
    if (!copy)
        return NULL;
    memcpy(copy, text, len);
    copy[len] = '\0';
    return copy;
}

char *mtfp_strdup(const char *text)
{
    return text ? mtfp_strndup(text, strlen(text)) : NULL;
}

mtfp_status mtfp_strdup_pair(const char *a, const char *b, char **a_copy, char **b_copy)
{
    *a_copy = mtfp_strdup(a);
    *b_copy = mtfp_strdup(b);
    if ((a && !*a_copy) || (b && !*b_copy)) {
        free(*a_copy);
        free(*b_copy);
        *a_copy = *b_copy = NULL;
        return MTFP_ERR_MEMORY;
    }
    return MTFP_OK;
}

char *mtfp_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (len < 0)
        return NULL;
    char *text = malloc((size_t)len + 1);
    if (!text)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(text, (size_t)len + 1, fmt, ap);
    va_end(ap);
    return text;
}
