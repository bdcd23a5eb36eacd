/* Names: services, partners, cost centres and other labels, interned.
 *
 * Each distinct name gets a small id, in the order first seen, and keeps the
 * spelling it was first seen with. Names match case-insensitively, ignoring
 * surrounding spaces, runs of inner spaces and the difference between "&" and
 * "and" ("Placements & Resources" is "placements and resources"). */
#ifndef MTFP_NAMES_H
#define MTFP_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mtfp/diag.h"

typedef struct mtfp_names {
    char **names;  /* display spelling, by id */
    char **folded; /* the form matched: folded (or as written when exact), by id */
    size_t count;
    size_t cap;
    uint32_t *slots; /* open-addressing hash: id + 1, 0 = empty */
    size_t slot_count;
    bool exact; /* match only as written (ids such as post ids), not folded */
} mtfp_names;

void mtfp_names_init(mtfp_names *names);
/* Names that match only as written: a set of ids. */
void mtfp_names_init_exact(mtfp_names *names);
/* Free; names is then empty, and exact as it was. */
void mtfp_names_free(mtfp_names *names);

/* The id of name, or -1 if it is not known. */
int32_t mtfp_names_find(const mtfp_names *names, const char *name, size_t len);

/* The id of name, adding it if it is new. MTFP_ERR_MEMORY on allocation failure. */
mtfp_status mtfp_names_intern(mtfp_names *names, const char *name, size_t len, uint32_t *id);

/* The display spelling of an id (owned by names). */
const char *mtfp_names_get(const mtfp_names *names, uint32_t id);

/* The known name closest to name by edit distance, if it is close enough to be
 * a likely typo; NULL otherwise. Of names as close, the first in byte order,
 * so the suggestion does not depend on the order the names come in (a Lua
 * table's keys come in an order that changes from run to run). Owned by
 * names. */
const char *mtfp_names_closest(const mtfp_names *names, const char *name, size_t len);

/* The folded form of a name (see above) into buf; returns its length, or -1 if
 * it does not fit. */
int mtfp_name_fold(const char *name, size_t len, char *buf, size_t size);

/* True if two names match as described above. */
bool mtfp_name_equal(const char *a, size_t a_len, const char *b);

/* Room for mtfp_name_hint's text. */
#define MTFP_NAME_HINT_MAX 320

/* The end of a message about an unknown name: ` (did you mean "closest"?)`
 * when there is a closest known name, else otherwise (NULL: nothing). A
 * closest name too long for buf is cut short with an ellipsis. Returns buf,
 * for a message's "%s". */
const char *mtfp_name_hint(const char *closest, const char *otherwise,
                           char buf[MTFP_NAME_HINT_MAX]);
/* The same for a Lua identifier (a global, a field, an API function), which
 * messages quote as Lua does: ` (did you mean 'closest'?)`, or nothing. */
const char *mtfp_identifier_hint(const char *closest, char buf[MTFP_NAME_HINT_MAX]);

/* The closest of a fixed list of candidates (as for mtfp_names_closest). */
const char *mtfp_name_closest_of(const char *const *candidates, size_t count, const char *name,
                                 size_t len);

#endif
