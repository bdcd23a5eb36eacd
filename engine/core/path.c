#include "mtfp/path.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"

bool mtfp_path_is_absolute(const char *path)
{
    return path[0] == '/';
}

static bool is_parent(const char *part, size_t len)
{
    return len == 2 && part[0] == '.' && part[1] == '.';
}

/* Fold "." and "name/.." parts of path into out (at least as long). Leading
 * ".." parts of a relative path stay, as they cannot be folded without the
 * file system. */
static void tidy(const char *path, char *out)
{
    bool absolute = mtfp_path_is_absolute(path);
    char *start = out + (absolute ? 1 : 0);
    char *write = start;
    size_t kept = 0; /* parts written that a ".." may fold */
    if (absolute)
        out[0] = '/';
    for (const char *read = path; *read;) {
        size_t len = strcspn(read, "/");
        if (len == 0 || (len == 1 && read[0] == '.')) {
            /* an empty or "." part */
        } else if (is_parent(read, len) && kept > 0) {
            write--; /* back over the last part and its '/' */
            while (write > start && write[-1] != '/')
                write--;
            kept--;
        } else if (!(is_parent(read, len) && absolute)) { /* "/.." is "/" */
            memcpy(write, read, len);
            write += len;
            *write++ = '/';
            kept += is_parent(read, len) ? 0 : 1;
        }
        read += len;
        if (*read == '/')
            read++;
    }
    if (write > start)
        write--; /* the last '/' */
    else if (!absolute)
        *write++ = '.';
    *write = '\0';
}

char *mtfp_path_join(const char *dir, const char *rel)
{
    char *joined;
    if (!dir || !*dir || mtfp_path_is_absolute(rel))
        joined = mtfp_strdup(rel);
    else
        joined = mtfp_format("%s/%s", dir, rel);
    char *tidied = joined ? malloc(strlen(joined) + 2) : NULL;
    if (tidied)
        tidy(joined, tidied);
    free(joined);
    return tidied;
}

char *mtfp_path_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return mtfp_strdup(".");
    if (slash == path)
        return mtfp_strdup("/");
    return mtfp_strndup(path, (size_t)(slash - path));
}

const char *mtfp_path_base(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

int mtfp_path_source(const char *file, int line, const char *via, char *buf, size_t size)
{
    if (!file || !*file)
        return snprintf(buf, size, "%s", "");
    int used =
        line > 0 ? snprintf(buf, size, "%s:%d", file, line) : snprintf(buf, size, "%s", file);
    if (!via || !*via || used < 0 || (size_t)used >= size)
        return used;
    size_t dir = (size_t)(mtfp_path_base(file) - file); /* with its slash */
    if (dir > 0 && strncmp(via, file, dir) == 0)
        via += dir;
    int more = snprintf(buf + used, size - (size_t)used, " via %s", via);
    return more < 0 ? more : used + more;
}
