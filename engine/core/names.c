#include "mtfp/names.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"
#include "mtfp/utf8.h"

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int mtfp_name_fold(const char *name, size_t len, char *buf, size_t size)
{
    /* Words joined by single spaces, with "&" a word of its own, "and". */
    size_t n = 0;
    bool need_space = false;
    for (size_t i = 0; i < len; i++) {
        char c = name[i];
        size_t width = mtfp_utf8_blank(name + i, len - i); /* a no-break space too */
        if (width || blank(c)) {
            i += width ? width - 1 : 0;
            need_space = n > 0;
            continue;
        }
        const char *word = c == '&' ? "and" : NULL;
        size_t word_len = word ? 3 : 1;
        if (word && n > 0)
            need_space = true;
        if (n + word_len + (need_space ? 1 : 0) >= size)
            return -1;
        if (need_space)
            buf[n++] = ' ';
        if (word) {
            memcpy(buf + n, word, 3);
            n += 3;
        } else {
            buf[n++] = lower(c);
        }
        need_space = word != NULL;
    }
    if (size == 0)
        return -1;
    buf[n] = '\0';
    return (int)n;
}

/* The folded form in a new string. Folding can triple a name's length ("&"
 * becomes " and "), so the buffer allows for that. */
static char *fold_new(const char *name, size_t len)
{
    size_t size = len * 5 + 1;
    char *buf = malloc(size);
    if (buf && mtfp_name_fold(name, len, buf, size) < 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

bool mtfp_name_equal(const char *a, size_t a_len, const char *b)
{
    char *fa = fold_new(a, a_len), *fb = fold_new(b, strlen(b));
    bool equal = fa && fb && strcmp(fa, fb) == 0;
    free(fa);
    free(fb);
    return equal;
}

static uint64_t hash(const char *text)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *text; text++) {
        h ^= (unsigned char)*text;
        h *= 1099511628211ULL;
    }
    return h;
}

void mtfp_names_init(mtfp_names *names)
{
    memset(names, 0, sizeof *names);
}

void mtfp_names_init_exact(mtfp_names *names)
{
    mtfp_names_init(names);
    names->exact = true;
}

/* The form a name is matched by: folded, or as written. */
static char *key_new(const mtfp_names *names, const char *name, size_t len)
{
    return names->exact ? mtfp_strndup(name, len) : fold_new(name, len);
}

void mtfp_names_free(mtfp_names *names)
{
    for (size_t i = 0; i < names->count; i++) {
        free(names->names[i]);
        free(names->folded[i]);
    }
    free(names->names);
    free(names->folded);
    free(names->slots);
    bool exact = names->exact;
    mtfp_names_init(names);
    names->exact = exact;
}

static int32_t find_folded(const mtfp_names *names, const char *folded)
{
    if (!names->slot_count)
        return -1;
    size_t mask = names->slot_count - 1;
    for (size_t s = hash(folded) & mask;; s = (s + 1) & mask) {
        uint32_t slot = names->slots[s];
        if (!slot)
            return -1;
        if (strcmp(names->folded[slot - 1], folded) == 0)
            return (int32_t)(slot - 1);
    }
}

static void place(mtfp_names *names, uint32_t id)
{
    size_t mask = names->slot_count - 1;
    size_t s = hash(names->folded[id]) & mask;
    while (names->slots[s])
        s = (s + 1) & mask;
    names->slots[s] = id + 1;
}

static mtfp_status rehash(mtfp_names *names)
{
    size_t count = names->slot_count ? names->slot_count * 2 : 64;
    uint32_t *slots = calloc(count, sizeof *slots);
    if (!slots)
        return MTFP_ERR_MEMORY;
    free(names->slots);
    names->slots = slots;
    names->slot_count = count;
    for (uint32_t id = 0; id < names->count; id++)
        place(names, id);
    return MTFP_OK;
}

int32_t mtfp_names_find(const mtfp_names *names, const char *name, size_t len)
{
    char *folded = key_new(names, name, len);
    if (!folded)
        return -1;
    int32_t id = find_folded(names, folded);
    free(folded);
    return id;
}

mtfp_status mtfp_names_intern(mtfp_names *names, const char *name, size_t len, uint32_t *id)
{
    char *folded = key_new(names, name, len);
    if (!folded)
        return MTFP_ERR_MEMORY;
    int32_t found = find_folded(names, folded);
    if (found >= 0) {
        free(folded);
        *id = (uint32_t)found;
        return MTFP_OK;
    }
    size_t cap_names = names->cap, cap_folded = names->cap;
    if (mtfp_grow(&names->names, &cap_names, names->count + 1, sizeof *names->names) ||
        mtfp_grow(&names->folded, &cap_folded, names->count + 1, sizeof *names->folded)) {
        free(folded);
        return MTFP_ERR_MEMORY;
    }
    names->cap = cap_names < cap_folded ? cap_names : cap_folded;
    /* Keep the display spelling without surrounding spaces. */
    while (len > 0 && blank(*name)) {
        name++;
        len--;
    }
    while (len > 0 && blank(name[len - 1]))
        len--;
    char *display = mtfp_strndup(name, len);
    if (!display) {
        free(folded);
        return MTFP_ERR_MEMORY;
    }
    uint32_t next = (uint32_t)names->count;
    names->names[next] = display;
    names->folded[next] = folded;
    names->count++;
    if (names->count * 2 > names->slot_count) {
        if (rehash(names)) {
            names->count--;
            free(display);
            free(folded);
            return MTFP_ERR_MEMORY;
        }
    } else {
        place(names, next);
    }
    *id = next;
    return MTFP_OK;
}

const char *mtfp_names_get(const mtfp_names *names, uint32_t id)
{
    return id < names->count ? names->names[id] : "";
}

/* Edit distance with transpositions (optimal string alignment), giving up
 * once every path exceeds limit. */
static size_t distance(const char *a, const char *b, size_t limit)
{
    size_t la = strlen(a), lb = strlen(b);
    if ((la > lb ? la - lb : lb - la) > limit)
        return limit + 1;
    size_t *rows = malloc(3 * (lb + 1) * sizeof *rows);
    if (!rows)
        return limit + 1;
    size_t *prev2 = rows, *prev = rows + lb + 1, *cur = rows + 2 * (lb + 1);
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        size_t best = cur[0];
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t d = prev[j] + 1;
            if (cur[j - 1] + 1 < d)
                d = cur[j - 1] + 1;
            if (prev[j - 1] + cost < d)
                d = prev[j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                prev2[j - 2] + 1 < d)
                d = prev2[j - 2] + 1;
            cur[j] = d;
            if (d < best)
                best = d;
        }
        if (best > limit) {
            free(rows);
            return limit + 1;
        }
        size_t *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    size_t result = prev[lb];
    free(rows);
    return result;
}

/* How different two names may be and still be offered as "did you mean". */
static size_t tolerance(size_t len)
{
    return len <= 3 ? 1 : len < 6 ? 2 : len / 3;
}

const char *mtfp_name_closest_of(const char *const *candidates, size_t count, const char *name,
                                 size_t len)
{
    char *folded = fold_new(name, len);
    if (!folded || !*folded) {
        free(folded);
        return NULL;
    }
    size_t limit = tolerance(strlen(folded));
    const char *best = NULL;
    size_t best_distance = limit + 1;
    const char *prefix_match = NULL;
    for (size_t i = 0; i < count; i++) {
        char *other = fold_new(candidates[i], strlen(candidates[i]));
        if (!other)
            break;
        size_t d = distance(folded, other, limit);
        if (d < best_distance || (d == best_distance && best && strcmp(candidates[i], best) < 0)) {
            best_distance = d;
            best = candidates[i];
        }
        if (strlen(folded) >= 3 && strncmp(other, folded, strlen(folded)) == 0 &&
            (!prefix_match || strcmp(candidates[i], prefix_match) < 0))
            prefix_match = candidates[i];
        free(other);
    }
    free(folded);
    return best ? best : prefix_match;
}

static const char *hint(const char *closest, char quote, const char *otherwise,
                        char buf[MTFP_NAME_HINT_MAX])
{
    if (!closest) {
        snprintf(buf, MTFP_NAME_HINT_MAX, "%s", otherwise ? otherwise : "");
        return buf;
    }
    static const char ellipsis[] = "\u2026";
    /* " (did you mean '" and "'?)", and the terminator */
    size_t room = MTFP_NAME_HINT_MAX - sizeof " (did you mean '" - sizeof "'?)" + 1;
    size_t len = strlen(closest);
    if (len >= room) { /* cut at a character's start, and say so */
        len = room - sizeof ellipsis;
        while (len > 0 && ((unsigned char)closest[len] & 0xC0) == 0x80)
            len--;
    }
    snprintf(buf, MTFP_NAME_HINT_MAX, " (did you mean %c%.*s%s%c?)", quote, (int)len, closest,
             len < strlen(closest) ? ellipsis : "", quote);
    return buf;
}

const char *mtfp_name_hint(const char *closest, const char *otherwise, char buf[MTFP_NAME_HINT_MAX])
{
    return hint(closest, '"', otherwise, buf);
}

const char *mtfp_identifier_hint(const char *closest, char buf[MTFP_NAME_HINT_MAX])
{
    return hint(closest, '\'', NULL, buf);
}

const char *mtfp_names_closest(const mtfp_names *names, const char *name, size_t len)
{
    return mtfp_name_closest_of((const char *const *)names->names, names->count, name, len);
}
