/* Small allocation helpers shared by every module. */
#ifndef MTFP_MEMORY_H
#define MTFP_MEMORY_H

#include <stddef.h>

#include "mtfp/diag.h"

/* Make room for at least need elements of size elem in *array (capacity *cap),
 * doubling. MTFP_ERR_MEMORY on failure or size overflow; *array is kept. */
mtfp_status mtfp_grow(void *array, size_t *cap, size_t need, size_t elem);

/* Copies of strings (C11 has no strdup). NULL in gives NULL out; NULL out
 * otherwise means out of memory. */
char *mtfp_strdup(const char *text);
char *mtfp_strndup(const char *text, size_t len);
/* Copies of a and b (a name and the file it came from, say) into *a_copy and
 * *b_copy, NULL for NULL. MTFP_ERR_MEMORY, with both NULL, if either fails. */
mtfp_status mtfp_strdup_pair(const char *a, const char *b, char **a_copy, char **b_copy);

/* A string built with printf, or NULL if out of memory. */
char *mtfp_format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
