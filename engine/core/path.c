#include "mtfp/path.h"

#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"

bool mtfp_path_is_absolute(const char *path)
{
    return path[0] == '/';
}

/* Fold "." and "name/.." parts of a path in place. Leading ".." parts of a
 * relative path stay, as they cannot be folded without the file system. */
static void tidy(char *path)
{
    bool absolute = mtfp_path_is_absolute(path);
    char *out = path + (absolute ? 1 : 0);
    char *write = out;
    const char *read = out;
    size_t kept = 0; /* parts written that a ".." may fold */
    while (*read) {
        const char *end = strchr(read, '/');
        size_t len = end ? (size_t)(end - read) : strlen(read);
        if (len == 0 || (len == 1 && read[0] == '.')) {
            /* skip empty and "." parts */
        } else if (len == 2 && read[0] == '.' && read[1] == '.' && kept > 0) {
            /* drop the last part written */
            write--;
            while (write > out && write[-1] != '/')
                write--;
            kept--;
        } else if (len == 2 && read[0] == '.' && read[1] == '.' && absolute) {
            /* "/.." is "/" */
        } else {
            memmove(write, read, len);
            write += len;
            *write++ = '/';
            if (!(len == 2 && read[0] == '.' && read[1] == '.'))
                kept++;
        }
        read += len;
        if (*read == '/')
            read++;
    }
    if (write > out)
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
    if (joined)
        tidy(joined);
    return joined;
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
