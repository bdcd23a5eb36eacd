/* File paths as text (no file system access): joining and tidying, so that
 * messages show "scripts/efficiency.lua" rather than
 * "models/example/../../scripts/efficiency.lua". */
#ifndef MTFP_PATH_H
#define MTFP_PATH_H

#include <stdbool.h>
#include <stddef.h>

/* dir joined with rel (rel as is when absolute or dir is NULL or empty), with
 * "." parts removed and "name/.." parts folded away. Caller frees; NULL when
 * out of memory. */
char *mtfp_path_join(const char *dir, const char *rel);

/* The directory part of path ("." when there is none). Caller frees. */
char *mtfp_path_dir(const char *path);

/* The last part of path (borrowed from path). */
const char *mtfp_path_base(const char *path);

bool mtfp_path_is_absolute(const char *path);

/* Where something was made, as the Audit sheet shows it: "file:line", "file"
 * when line is 0, "" when there is no file; with via (a helper's
 * "path:line", or NULL) after it, relative to file's directory when it is in
 * it: "scripts/savings.lua:14 via common.lua:10". Returns what snprintf
 * returns. */
int mtfp_path_source(const char *file, int line, const char *via, char *buf, size_t size);

#endif
