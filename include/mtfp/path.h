/* File paths as text (no file system access): joining and tidying, so that
 * messages show "scripts/efficiency.lua" rather than
 * "models/example/../../scripts/efficiency.lua". */
#ifndef MTFP_PATH_H
#define MTFP_PATH_H

#include <stdbool.h>

/* dir joined with rel (rel as is when absolute or dir is NULL or empty), with
 * "." parts removed and "name/.." parts folded away. Caller frees; NULL when
 * out of memory. */
char *mtfp_path_join(const char *dir, const char *rel);

/* The directory part of path ("." when there is none). Caller frees. */
char *mtfp_path_dir(const char *path);

/* The last part of path (borrowed from path). */
const char *mtfp_path_base(const char *path);

bool mtfp_path_is_absolute(const char *path);

#endif
