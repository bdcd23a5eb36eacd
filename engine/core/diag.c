#include "mtfp/diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"

const char *mtfp_strerror(mtfp_status status)
{
    switch (status) {
    case MTFP_OK:
        return "success";
    case MTFP_ERR_INPUT:
        return "error in the model, an input file or a script";
    case MTFP_ERR_USAGE:
        return "bad command-line usage";
    case MTFP_ERR_OUTPUT:
        return "the output could not be written";
    case MTFP_ERR_MEMORY:
        return "out of memory";
    }
    return "unknown status";
}

void mtfp_diag_init(mtfp_diag *diag)
{
    memset(diag, 0, sizeof *diag);
}

void mtfp_diag_free(mtfp_diag *diag)
{
    for (size_t i = 0; i < diag->warning_count; i++) {
        free(diag->warnings[i].file);
        free(diag->warnings[i].message);
    }
    free(diag->warnings);
    for (size_t i = 0; i < diag->error_count; i++) {
        free(diag->errors[i].file);
        free(diag->errors[i].message);
    }
    free(diag->errors);
    mtfp_diag_init(diag);
}

mtfp_status mtfp_diag_verror(mtfp_diag *diag, mtfp_status status, const char *file, int line,
                             int column, const char *fmt, va_list ap)
{
    diag->status = status;
    diag->error_kept = false;
    snprintf(diag->file, sizeof diag->file, "%s", file ? file : "");
    diag->line = line;
    diag->column = column;
    vsnprintf(diag->message, sizeof diag->message, fmt, ap);
    return status;
}

mtfp_status mtfp_diag_error(mtfp_diag *diag, mtfp_status status, const char *file, int line,
                            int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    mtfp_diag_verror(diag, status, file, line, column, fmt, ap);
    va_end(ap);
    return status;
}

mtfp_status mtfp_diag_warn(mtfp_diag *diag, const char *file, int line, int column, const char *fmt,
                           ...)
{
    if (mtfp_grow(&diag->warnings, &diag->warning_cap, diag->warning_count + 1,
                  sizeof *diag->warnings))
        return MTFP_ERR_MEMORY;
    char message[MTFP_DIAG_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    mtfp_finding *finding = &diag->warnings[diag->warning_count];
    finding->file = mtfp_strdup(file ? file : "");
    finding->message = mtfp_strdup(message);
    finding->line = line;
    finding->column = column;
    if (!finding->file || !finding->message) {
        free(finding->file);
        free(finding->message);
        return MTFP_ERR_MEMORY;
    }
    diag->warning_count++;
    return MTFP_OK;
}

mtfp_status mtfp_diag_append(mtfp_diag *dst, const mtfp_diag *src)
{
    for (size_t i = 0; i < src->warning_count; i++) {
        const mtfp_finding *w = &src->warnings[i];
        MTFP_TRY(
            mtfp_diag_warn(dst, w->file[0] ? w->file : NULL, w->line, w->column, "%s", w->message));
    }
    if (src->status != MTFP_OK)
        mtfp_diag_error(dst, src->status, src->file[0] ? src->file : NULL, src->line, src->column,
                        "%s", src->message);
    return MTFP_OK;
}

mtfp_status mtfp_diag_keep(mtfp_diag *diag, mtfp_status status)
{
    if (status != MTFP_ERR_INPUT || !diag->collect)
        return status;
    if (diag->error_kept)
        return MTFP_OK;
    if (diag->error_count < MTFP_DIAG_ERRORS_MAX) {
        if (!diag->errors) {
            diag->errors = calloc(MTFP_DIAG_ERRORS_MAX, sizeof *diag->errors);
            if (!diag->errors)
                return MTFP_ERR_MEMORY;
        }
        mtfp_finding *kept = &diag->errors[diag->error_count];
        kept->file = mtfp_strdup(diag->file);
        kept->message = mtfp_strdup(diag->message);
        kept->line = diag->line;
        kept->column = diag->column;
        if (!kept->file || !kept->message) {
            free(kept->file);
            free(kept->message);
            return MTFP_ERR_MEMORY;
        }
        diag->error_count++;
    }
    diag->error_total++;
    diag->error_kept = true;
    return MTFP_OK;
}

mtfp_status mtfp_diag_kept(mtfp_diag *diag)
{
    if (diag->error_total == 0)
        return MTFP_OK;
    const mtfp_finding *first = &diag->errors[0];
    mtfp_diag_error(diag, MTFP_ERR_INPUT, first->file, first->line, first->column, "%s",
                    first->message);
    diag->error_kept = true;
    return MTFP_ERR_INPUT;
}

static int format_located(const char *file, int line, int column, const char *message, char *buf,
                          size_t size)
{
    if (!file || !*file)
        return snprintf(buf, size, "%s", message);
    if (line <= 0)
        return snprintf(buf, size, "%s: %s", file, message);
    if (column <= 0)
        return snprintf(buf, size, "%s:%d: %s", file, line, message);
    return snprintf(buf, size, "%s:%d:%d: %s", file, line, column, message);
}

int mtfp_diag_format_error(const mtfp_diag *diag, char *buf, size_t size)
{
    return format_located(diag->file, diag->line, diag->column, diag->message, buf, size);
}

int mtfp_finding_format(const mtfp_finding *finding, char *buf, size_t size)
{
    return format_located(finding->file, finding->line, finding->column, finding->message, buf,
                          size);
}
