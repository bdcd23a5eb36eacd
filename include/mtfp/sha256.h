/* SHA-256 of a file, for the Cover's list of inputs. */
#ifndef MTFP_SHA256_H
#define MTFP_SHA256_H

#include "mtfp/diag.h"

/* The SHA-256 of a file as 64 hex digits. MTFP_ERR_INPUT if it cannot be read. */
mtfp_status mtfp_sha256_file(const char *path, char hex[65], mtfp_diag *diag);

#endif
