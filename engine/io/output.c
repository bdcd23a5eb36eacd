/* Outputs written to temporary files and renamed into place together. */
#define _POSIX_C_SOURCE 200809L

#include "mtfp/output.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mtfp/memory.h"
#include "mtfp/path.h"
#include "mtfp/xlsx_in.h"

/* Every temporary not yet renamed or removed, for mtfp_outputs_abandon,
 * which a signal handler calls: it only reads these and unlinks. */
#define PENDING_MAX 64
static char *volatile pending[PENDING_MAX];

static void pend(char *temporary, bool on)
{
    for (size_t i = 0; i < PENDING_MAX; i++)
        if (pending[i] == (on ? NULL : temporary)) {
            pending[i] = on ? temporary : NULL;
            return;
        }
}

void mtfp_outputs_abandon(void)
{
    for (size_t i = 0; i < PENDING_MAX; i++)
        if (pending[i])
            unlink(pending[i]);
}

void mtfp_outputs_init(mtfp_outputs *outputs)
{
    memset(outputs, 0, sizeof *outputs);
}

void mtfp_outputs_free(mtfp_outputs *outputs)
{
    for (size_t i = 0; i < outputs->count; i++) {
        if (outputs->files[i].temporary) {
            pend(outputs->files[i].temporary, false);
            unlink(outputs->files[i].temporary);
        }
        free(outputs->files[i].temporary);
        free(outputs->files[i].path);
    }
    free(outputs->files);
    mtfp_outputs_init(outputs);
}

mtfp_status mtfp_outputs_add(mtfp_outputs *outputs, const char *path, const char **temporary,
                             mtfp_diag *diag)
{
    /* What is there is replaced only if it is a file (or a link, which the
     * rename replaces, leaving what it points to): renaming over a device
     * such as /dev/null would replace the device. */
    struct stat st;
    if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode))
        return mtfp_diag_error(diag, MTFP_ERR_OUTPUT, path, 0, 0,
                               S_ISDIR(st.st_mode)
                                   ? "is a directory: give the path of a file in it"
                                   : "is not a file (a device?): give the path of a file");
    bool exists = stat(path, &st) == 0; /* the file itself, through any link */
    for (size_t i = 0; exists && outputs->inputs_of && i < outputs->inputs_of->input_count; i++) {
        const mtfp_input_file *input = &outputs->inputs_of->inputs[i];
        struct stat in;
        char *file = mtfp_strndup(input->path, mtfp_xlsx_file_length(input->path));
        bool same =
            file && stat(file, &in) == 0 && st.st_dev == in.st_dev && st.st_ino == in.st_ino;
        free(file);
        if (same)
            return mtfp_diag_error(diag, MTFP_ERR_OUTPUT, path, 0, 0,
                                   "is the run's %s input, which writing here would replace: "
                                   "give another place for the output",
                                   input->role);
    }
    if (mtfp_grow(&outputs->files, &outputs->cap, outputs->count + 1, sizeof *outputs->files))
        return MTFP_ERR_MEMORY;
    char *dir = mtfp_path_dir(path);
    char *name = dir ? mtfp_format("%s/.%s.XXXXXX", dir, mtfp_path_base(path)) : NULL;
    char *copy = mtfp_strdup(path);
    free(dir);
    if (!name || !copy) {
        free(name);
        free(copy);
        return MTFP_ERR_MEMORY;
    }
    int fd = mkstemp(name);
    if (fd < 0) {
        int error = errno;
        free(name);
        free(copy);
        return mtfp_diag_error(diag, MTFP_ERR_OUTPUT, path, 0, 0, "cannot write here: %s",
                               strerror(error));
    }
    close(fd);
    pend(name, true);
    outputs->files[outputs->count++] = (mtfp_output_file){.path = copy, .temporary = name};
    *temporary = name;
    return MTFP_OK;
}

mtfp_status mtfp_outputs_make_dir(const char *path, mtfp_diag *diag)
{
    char *dir = mtfp_path_dir(path);
    if (!dir)
        return MTFP_ERR_MEMORY;
    mtfp_status status = MTFP_OK;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        status = mtfp_diag_error(diag, MTFP_ERR_OUTPUT, dir, 0, 0,
                                 "cannot create the output directory: %s", strerror(errno));
    free(dir);
    return status;
}

mtfp_status mtfp_outputs_commit(mtfp_outputs *outputs, mtfp_diag *diag)
{
    for (size_t i = 0; i < outputs->count; i++) {
        mtfp_output_file *file = &outputs->files[i];
        /* mkstemp makes the file private; a pack is an ordinary document. */
        mode_t mask = umask(0);
        umask(mask);
        chmod(file->temporary, 0666 & ~mask);
        if (rename(file->temporary, file->path) != 0)
            return mtfp_diag_error(diag, MTFP_ERR_OUTPUT, file->path, 0, 0,
                                   "cannot replace the file: %s", strerror(errno));
        pend(file->temporary, false);
        free(file->temporary);
        file->temporary = NULL;
    }
    return MTFP_OK;
}
