/* Status codes and diagnostics: how the engine reports errors and findings.
 *
 * The library never prints and never exits. A function that can fail returns
 * an mtfp_status and, on failure, fills the caller's mtfp_diag with where the
 * problem is (file, line, column) and what was expected. Findings that are not
 * errors (reconciliation differences, ignored inputs) are kept as warnings in
 * the same mtfp_diag; the CLI prints them and the workbook lists them. */
#ifndef MTFP_DIAG_H
#define MTFP_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum mtfp_status {
    MTFP_OK = 0,
    MTFP_ERR_INPUT,  /* a model file, CSV file or script is wrong (exit 1) */
    MTFP_ERR_USAGE,  /* the command line is wrong (exit 2) */
    MTFP_ERR_OUTPUT, /* an output file could not be written (exit 3) */
    MTFP_ERR_MEMORY, /* out of memory */
} mtfp_status;

/* A short description of a status, e.g. "error in the model or a script". */
const char *mtfp_strerror(mtfp_status status);

#define MTFP_DIAG_FILE_MAX 512
#define MTFP_DIAG_MESSAGE_MAX 1024

/* One located message. line and column are 1-based; 0 means "not known". */
typedef struct mtfp_finding {
    char *file;
    int line;
    int column;
    char *message;
} mtfp_finding;

typedef struct mtfp_diag {
    /* The error, when a function returned something other than MTFP_OK. */
    mtfp_status status;
    char file[MTFP_DIAG_FILE_MAX];
    int line;
    int column;
    char message[MTFP_DIAG_MESSAGE_MAX];
    /* Warnings, in the order they were found. Owned by the diag. */
    mtfp_finding *warnings;
    size_t warning_count;
    size_t warning_cap;
    /* Errors kept while loading goes on past them (mtfp_diag_keep), in the
     * order they were found: the first MTFP_DIAG_ERRORS_MAX of error_total. */
    mtfp_finding *errors;
    size_t error_count;
    size_t error_total;
    bool collect;    /* keep errors in input files and go on (set while loading them) */
    bool error_kept; /* the error in file, line, ... is in errors already */
} mtfp_diag;

/* How many errors a diag keeps to report; the rest are counted. */
#define MTFP_DIAG_ERRORS_MAX 50

void mtfp_diag_init(mtfp_diag *diag);
void mtfp_diag_free(mtfp_diag *diag);

/* Record an error and return its status, so callers can write
 * `return mtfp_diag_error(diag, MTFP_ERR_INPUT, file, line, col, "...")`.
 * file may be NULL; line and column may be 0. */
mtfp_status mtfp_diag_error(mtfp_diag *diag, mtfp_status status, const char *file, int line,
                            int column, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
mtfp_status mtfp_diag_verror(mtfp_diag *diag, mtfp_status status, const char *file, int line,
                             int column, const char *fmt, va_list ap);

/* Record a warning. Returns MTFP_ERR_MEMORY only if it could not be stored. */
mtfp_status mtfp_diag_warn(mtfp_diag *diag, const char *file, int line, int column, const char *fmt,
                           ...) __attribute__((format(printf, 5, 6)));

/* Add src's warnings to dst's, in order, and src's error if it has one. */
mtfp_status mtfp_diag_append(mtfp_diag *dst, const mtfp_diag *src);

/* After a function returned status: when the diag collects errors and status
 * is MTFP_ERR_INPUT, keep the error it recorded (once, however often this is
 * called for it) and return MTFP_OK, so that the caller goes on to the next
 * record or file; otherwise return status. MTFP_ERR_MEMORY if it could not be
 * kept. */
mtfp_status mtfp_diag_keep(mtfp_diag *diag, mtfp_status status);

/* MTFP_ERR_INPUT, with the first error kept as the diag's error, if any
 * were kept; else MTFP_OK. */
mtfp_status mtfp_diag_kept(mtfp_diag *diag);

/* Write "FILE:LINE:COL: message" (parts that are not known are left out) for
 * the error or for a finding into buf; returns what snprintf returns. */
int mtfp_diag_format_error(const mtfp_diag *diag, char *buf, size_t size);
int mtfp_finding_format(const mtfp_finding *finding, char *buf, size_t size);

/* Propagate a failure: evaluate expr once and return its status if not OK. */
#define MTFP_TRY(expr)                                                                             \
    do {                                                                                           \
        mtfp_status mtfp_try_status_ = (expr);                                                     \
        if (mtfp_try_status_ != MTFP_OK)                                                           \
            return mtfp_try_status_;                                                               \
    } while (0)

#endif
