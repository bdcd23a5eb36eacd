/* Excel workbooks (.xlsx) in: the zip archive with minizip, its XML parts
 * with expat, one sheet's rows fed to the record handlers of csv_in.h.
 *
 * The parts are found as Office Open XML says: _rels/.rels names the
 * workbook, the workbook names its sheets, and its relationships give each
 * sheet's part and the shared strings' and styles'. Every part is read as a
 * stream with its expansion counted (xlsx_in.h's limits); only the shared
 * strings and the styles' date formats are kept, and a sheet's rows are
 * handed over one at a time. Element names are matched without their
 * namespace prefix, so strict OOXML and writers that prefix every element
 * ("x:c") read the same. */
#define _POSIX_C_SOURCE 200809L

#include "mtfp/xlsx_in.h"

#include <errno.h>
#include <expat.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unzip.h>

#include "mtfp/memory.h"
#include "mtfp/names.h"
#include "mtfp/path.h"
#include "mtfp/utf8.h"

#define ROWS_MAX 1048576
#define COLUMNS_MAX 16384
/* The text of one row's cells that the reader copies (a ledger's row is a
 * few hundred bytes). */
#define ROW_TEXT_MAX ((size_t)1 << 24)
/* A cell's raw text: its characters, each up to 4 bytes or a 7-byte
 * _xHHHH_ escape. */
#define CELL_RAW_MAX ((size_t)8 * MTFP_XLSX_CELL_CHARS_MAX)
#define CHUNK 65536

/* A growable run of bytes. */
typedef struct buffer {
    char *data;
    size_t len;
    size_t cap;
} buffer;

static bool buffer_add(buffer *b, const char *text, size_t len)
{
    if (mtfp_grow(&b->data, &b->cap, b->len + len + 1, 1) != MTFP_OK)
        return false;
    memcpy(b->data + b->len, text, len);
    b->len += len;
    b->data[b->len] = '\0';
    return true;
}

/* A relationship of a part: its id, type (the last segment of the type's
 * URI: "worksheet", "sharedStrings") and target, resolved to a part name. */
typedef struct relationship {
    char *id;
    char *type;
    char *target;
} relationship;

typedef struct sheet_entry {
    char *name;
    char *rid;
} sheet_entry;

typedef struct book {
    const char *file; /* the workbook's file, for messages */
    unzFile zip;
    unsigned long long file_size;
    mtfp_diag *diag;
    mtfp_status status; /* the first failure */
    XML_Parser parser;  /* the part being read */
    const char *part;

    relationship *rels;
    size_t rel_count, rel_cap;
    sheet_entry *sheets;
    size_t sheet_count, sheet_cap;
    char *workbook_part;
    bool date1904;

    char **strings; /* the shared strings, trimmed */
    size_t *string_lens;
    size_t string_count, string_cap, string_bytes;

    bool *date_style; /* by cell format (the s attribute): a date format */
    size_t style_count, style_cap;
    int *custom_ids; /* the numFmts: ids and whether each is a date */
    bool *custom_dates;
    size_t custom_count, custom_cap;
} book;

static mtfp_status book_error(book *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static mtfp_status book_error(book *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (b->status == MTFP_OK)
        b->status = mtfp_diag_verror(b->diag, MTFP_ERR_INPUT, b->file, 0, 0, fmt, ap);
    va_end(ap);
    if (b->parser)
        XML_StopParser(b->parser, XML_FALSE);
    return b->status;
}

static void out_of_memory(book *b)
{
    if (b->status == MTFP_OK)
        b->status = MTFP_ERR_MEMORY;
    if (b->parser)
        XML_StopParser(b->parser, XML_FALSE);
}

static mtfp_status damaged(book *b, const char *what)
{
    return book_error(b,
                      "the workbook is damaged: %s%s%s; open it in a spreadsheet program and "
                      "save it again",
                      b->part ? b->part : "", b->part ? " " : "", what);
}

/* An element's or attribute's name without its namespace prefix ("x:c" is
 * "c", "r:id" is "id"): the parts' names are matched without namespaces, so
 * the parser need not resolve them. */
static const char *local(const char *name)
{
    const char *colon = strchr(name, ':');
    return colon ? colon + 1 : name;
}

static const char *attribute(const char **atts, const char *name)
{
    for (size_t i = 0; atts[i]; i += 2)
        if (strcmp(local(atts[i]), name) == 0)
            return atts[i + 1];
    return NULL;
}

/* Office Open XML has no document type declaration: one is refused, with
 * the entities it could declare ("billion laughs"). */
static void XMLCALL doctype(void *data, const XML_Char *name, const XML_Char *system,
                            const XML_Char *public_id, int internal)
{
    (void)name;
    (void)system;
    (void)public_id;
    (void)internal;
    damaged(*(book **)data, "has a document type declaration, which Excel's files never have");
}

/* Read a part of the archive through an XML parser with the handlers given
 * (data's first member is a pointer to the book). A part that is not there is found
 * false, not an error. */
static mtfp_status read_part(book *b, const char *name, void *data, XML_StartElementHandler start,
                             XML_EndElementHandler end, XML_CharacterDataHandler text, bool *found)
{
    *found = false;
    if (unzLocateFile(b->zip, name, 2) != UNZ_OK)
        return MTFP_OK;
    *found = true;
    b->part = name;
    unz_file_info64 info;
    if (unzGetCurrentFileInfo64(b->zip, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK)
        return damaged(b, "cannot be listed");
    if (info.flag & 1)
        return book_error(b, "the workbook is encrypted: save it without a password");
    if (info.compression_method != 0 && info.compression_method != Z_DEFLATED)
        return damaged(b, "is compressed in a way Excel's files never are");
    unsigned long long compressed =
        info.compressed_size < b->file_size ? info.compressed_size : b->file_size;
    unsigned long long declared = info.uncompressed_size;
    if (declared > MTFP_XLSX_PART_MAX ||
        (declared > MTFP_XLSX_RATIO_FROM && declared / MTFP_XLSX_RATIO_MAX > compressed))
        return book_error(b,
                          "%s would expand from %llu bytes to %llu: mtfp reads parts that "
                          "expand at most %d times, to at most 1 GiB (a zip bomb?)",
                          name, (unsigned long long)info.compressed_size, declared,
                          MTFP_XLSX_RATIO_MAX);
    if (unzOpenCurrentFile(b->zip) != UNZ_OK)
        return damaged(b, "cannot be opened");
    XML_Parser parser = XML_ParserCreate(NULL);
    char *chunk = malloc(CHUNK);
    if (!parser || !chunk) {
        if (parser)
            XML_ParserFree(parser);
        free(chunk);
        unzCloseCurrentFile(b->zip);
        return MTFP_ERR_MEMORY;
    }
    b->parser = parser;
    XML_SetUserData(parser, data);
    XML_SetElementHandler(parser, start, end);
    XML_SetCharacterDataHandler(parser, text);
    XML_SetStartDoctypeDeclHandler(parser, doctype);
    unsigned long long total = 0;
    for (;;) {
        int got = unzReadCurrentFile(b->zip, chunk, CHUNK);
        if (got < 0) {
            damaged(b, "is cut short or corrupt");
            break;
        }
        total += (unsigned long long)got;
        if (total > MTFP_XLSX_PART_MAX ||
            (total > MTFP_XLSX_RATIO_FROM && total / MTFP_XLSX_RATIO_MAX > compressed)) {
            book_error(b,
                       "%s expands from %llu bytes to more than %llu: mtfp reads parts that "
                       "expand at most %d times, to at most 1 GiB (a zip bomb?)",
                       name, compressed, total - (unsigned long long)got, MTFP_XLSX_RATIO_MAX);
            break;
        }
        if (XML_Parse(parser, chunk, got, got == 0) == XML_STATUS_ERROR) {
            if (b->status == MTFP_OK) {
                char what[160];
                snprintf(what, sizeof what, "is not well-formed XML (line %lu: %s)",
                         (unsigned long)XML_GetCurrentLineNumber(parser),
                         XML_ErrorString(XML_GetErrorCode(parser)));
                damaged(b, what);
            }
            break;
        }
        if (b->status != MTFP_OK || got == 0)
            break;
    }
    free(chunk);
    b->parser = NULL;
    XML_ParserFree(parser);
    int closed = unzCloseCurrentFile(b->zip);
    if (b->status == MTFP_OK && (closed != UNZ_OK || total != declared))
        damaged(b, "does not match its checksum or size");
    b->part = NULL;
    return b->status;
}

/* ---- Relationships: _rels/.rels and the workbook's */

/* The part a relationship's target names, from the part it belongs to
 * (targets are relative to its directory; "/xl/..." is from the root). */
static char *resolve(const char *source, const char *target)
{
    buffer path = {0};
    if (target[0] != '/') {
        const char *slash = strrchr(source, '/');
        if (slash && !buffer_add(&path, source, (size_t)(slash - source + 1)))
            return NULL;
    }
    const char *segment = target;
    while (*segment) {
        const char *next = strchr(segment, '/');
        size_t len = next ? (size_t)(next - segment) : strlen(segment);
        if (len == 2 && memcmp(segment, "..", 2) == 0) {
            while (path.len > 0 && path.data[path.len - 1] == '/')
                path.len--;
            while (path.len > 0 && path.data[path.len - 1] != '/')
                path.len--;
        } else if (len > 0 && !(len == 1 && segment[0] == '.')) {
            if (!buffer_add(&path, segment, len) || (next && !buffer_add(&path, "/", 1))) {
                free(path.data);
                return NULL;
            }
        }
        segment = next ? next + 1 : segment + len;
    }
    if (!path.data)
        buffer_add(&path, "", 0);
    if (path.data)
        path.data[path.len] = '\0';
    return path.data;
}

typedef struct rels_reader {
    book *b;
    const char *source; /* the part the relationships belong to */
} rels_reader;

static void XMLCALL rels_start(void *data, const XML_Char *name, const XML_Char **atts)
{
    rels_reader *r = data;
    book *b = r->b;
    if (strcmp(local(name), "Relationship") != 0)
        return;
    const char *id = attribute(atts, "Id"), *type = attribute(atts, "Type"),
               *target = attribute(atts, "Target"), *mode = attribute(atts, "TargetMode");
    if (!id || !type || !target || (mode && strcmp(mode, "External") == 0))
        return;
    const char *slash = strrchr(type, '/');
    if (mtfp_grow(&b->rels, &b->rel_cap, b->rel_count + 1, sizeof *b->rels) != MTFP_OK) {
        out_of_memory(b);
        return;
    }
    relationship *rel = &b->rels[b->rel_count];
    rel->id = mtfp_strdup(id);
    rel->type = mtfp_strdup(slash ? slash + 1 : type);
    rel->target = resolve(r->source, target);
    b->rel_count++;
    if (!rel->id || !rel->type || !rel->target)
        out_of_memory(b);
}

static void XMLCALL no_end(void *data, const XML_Char *name)
{
    (void)data;
    (void)name;
}

static void XMLCALL no_text(void *data, const XML_Char *text, int len)
{
    (void)data;
    (void)text;
    (void)len;
}

static void free_rels(book *b)
{
    for (size_t i = 0; i < b->rel_count; i++) {
        free(b->rels[i].id);
        free(b->rels[i].type);
        free(b->rels[i].target);
    }
    b->rel_count = 0;
}

/* The relationships of part source, which are in DIR/_rels/NAME.rels. */
static mtfp_status read_rels(book *b, const char *source)
{
    free_rels(b);
    const char *slash = strrchr(source, '/');
    char *name =
        slash ? mtfp_format("%.*s_rels/%s.rels", (int)(slash - source + 1), source, slash + 1)
              : mtfp_format("_rels/%s.rels", source);
    if (!name)
        return MTFP_ERR_MEMORY;
    rels_reader r = {.b = b, .source = source};
    bool found;
    mtfp_status status = read_part(b, name, &r, rels_start, no_end, no_text, &found);
    free(name);
    return status;
}

static const relationship *rel_of_type(const book *b, const char *type)
{
    for (size_t i = 0; i < b->rel_count; i++)
        if (strcmp(b->rels[i].type, type) == 0)
            return &b->rels[i];
    return NULL;
}

static const relationship *rel_of_id(const book *b, const char *id)
{
    for (size_t i = 0; i < b->rel_count; i++)
        if (strcmp(b->rels[i].id, id) == 0)
            return &b->rels[i];
    return NULL;
}

/* ---- The workbook: its sheets and its date system */

typedef struct workbook_reader {
    book *b;
} workbook_reader;

static void XMLCALL workbook_start(void *data, const XML_Char *name, const XML_Char **atts)
{
    book *b = ((workbook_reader *)data)->b;
    const char *element = local(name);
    if (strcmp(element, "workbookPr") == 0) {
        const char *system = attribute(atts, "date1904");
        b->date1904 = system && (strcmp(system, "1") == 0 || strcmp(system, "true") == 0);
    } else if (strcmp(element, "sheet") == 0) {
        const char *sheet = attribute(atts, "name"), *rid = attribute(atts, "id");
        if (!sheet || !rid) {
            damaged(b, "lists a sheet with no name or part");
            return;
        }
        if (mtfp_grow(&b->sheets, &b->sheet_cap, b->sheet_count + 1, sizeof *b->sheets) !=
            MTFP_OK) {
            out_of_memory(b);
            return;
        }
        sheet_entry *entry = &b->sheets[b->sheet_count++];
        entry->name = mtfp_strdup(sheet);
        entry->rid = mtfp_strdup(rid);
        if (!entry->name || !entry->rid)
            out_of_memory(b);
    }
}

/* ---- Styles: which cell formats show a date */

/* Excel's built-in date formats (ECMA-376 18.8.30; 27 to 31, 36 and 50 to
 * 58 are East Asian dates); 18 to 21 and 45 to 47 are times of day. */
static bool builtin_date(int id)
{
    return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 36 ||
           (id >= 50 && id <= 58);
}

/* A format code that shows a date: a year or a day, or a month with no
 * hour or second beside it (m is minutes in h:mm). Quoted text, escaped
 * characters, padding and [bracketed] colours or locales are not codes. */
static bool date_code(const char *code)
{
    bool date = false, month = false, time = false;
    for (const char *c = code; *c; c++) {
        switch (*c) {
        case '"':
            while (c[1] && c[1] != '"')
                c++;
            if (c[1])
                c++;
            continue;
        case '\\':
        case '_':
        case '*':
            if (c[1])
                c++;
            continue;
        case '[':
            while (c[1] && c[1] != ']')
                c++;
            continue;
        case 'y':
        case 'Y':
        case 'd':
        case 'D':
            date = true;
            break;
        case 'm':
        case 'M':
            month = true;
            break;
        case 'h':
        case 'H':
        case 's':
        case 'S':
            time = true;
            break;
        default:
            break;
        }
    }
    return date || (month && !time);
}

typedef struct styles_reader {
    book *b;
    bool in_numfmts;
    bool in_cellxfs;
} styles_reader;

static void XMLCALL styles_start(void *data, const XML_Char *name, const XML_Char **atts)
{
    styles_reader *s = data;
    book *b = s->b;
    const char *element = local(name);
    if (strcmp(element, "numFmts") == 0) {
        s->in_numfmts = true;
    } else if (strcmp(element, "cellXfs") == 0) {
        s->in_cellxfs = true;
    } else if (s->in_numfmts && strcmp(element, "numFmt") == 0) {
        const char *id = attribute(atts, "numFmtId"), *code = attribute(atts, "formatCode");
        if (!id || !code)
            return;
        size_t cap = b->custom_cap;
        if (mtfp_grow(&b->custom_ids, &b->custom_cap, b->custom_count + 1, sizeof *b->custom_ids) !=
                MTFP_OK ||
            mtfp_grow(&b->custom_dates, &cap, b->custom_count + 1, sizeof *b->custom_dates) !=
                MTFP_OK) {
            out_of_memory(b);
            return;
        }
        b->custom_ids[b->custom_count] = atoi(id);
        b->custom_dates[b->custom_count++] = date_code(code);
    } else if (s->in_cellxfs && strcmp(element, "xf") == 0) {
        const char *id_text = attribute(atts, "numFmtId");
        int id = id_text ? atoi(id_text) : 0;
        bool date = builtin_date(id);
        for (size_t i = 0; i < b->custom_count; i++)
            if (b->custom_ids[i] == id)
                date = b->custom_dates[i];
        if (mtfp_grow(&b->date_style, &b->style_cap, b->style_count + 1, sizeof *b->date_style) !=
            MTFP_OK) {
            out_of_memory(b);
            return;
        }
        b->date_style[b->style_count++] = date;
    }
}

static void XMLCALL styles_end(void *data, const XML_Char *name)
{
    styles_reader *s = data;
    const char *element = local(name);
    if (strcmp(element, "numFmts") == 0)
        s->in_numfmts = false;
    else if (strcmp(element, "cellXfs") == 0)
        s->in_cellxfs = false;
}

/* ---- Strings: shared and inline, as rich text or plain */

/* Office Open XML writes a character XML cannot hold as _xHHHH_ (a line
 * break in a cell is _x000D_ beside the line feed; "_x005F_" is "_"):
 * decode them in place, but for one that would be NUL or not a character. */
static size_t decode_escapes(char *text, size_t len)
{
    size_t out = 0;
    for (size_t i = 0; i < len;) {
        unsigned code = 0;
        bool escape = i + 7 <= len && text[i] == '_' && text[i + 1] == 'x' && text[i + 6] == '_';
        for (size_t k = 2; escape && k < 6; k++) {
            char c = text[i + k];
            int digit = c >= '0' && c <= '9'   ? c - '0'
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10
                        : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                               : -1;
            escape = digit >= 0;
            code = code * 16 + (unsigned)(digit >= 0 ? digit : 0);
        }
        if (!escape || code == 0 || (code >= 0xD800 && code <= 0xDFFF) || code > 0xFFFD) {
            text[out++] = text[i++];
            continue;
        }
        if (code < 0x80) {
            text[out++] = (char)code;
        } else if (code < 0x800) {
            text[out++] = (char)(0xC0 | (code >> 6));
            text[out++] = (char)(0x80 | (code & 0x3F));
        } else {
            text[out++] = (char)(0xE0 | (code >> 12));
            text[out++] = (char)(0x80 | ((code >> 6) & 0x3F));
            text[out++] = (char)(0x80 | (code & 0x3F));
        }
        i += 7;
    }
    return out;
}

/* Blanks round a cell's text are not part of it, as round a CSV field. */
static void trim(const char **text, size_t *len)
{
    for (size_t n; (n = mtfp_utf8_blank(*text, *len)) > 0; *len -= n)
        *text += n;
    for (size_t n; (n = mtfp_utf8_blank_end(*text, *len)) > 0;)
        *len -= n;
}

/* The text of a string (<si> or <is>): its <t> and its runs' <t>, not the
 * phonetic runs (<rPh>). Depth counts from the string's element. */
typedef struct string_text {
    buffer text;
    int depth;
    int phonetic_depth; /* inside <rPh> when > 0 */
    bool in_t;
    bool too_long;
} string_text;

static void string_start(string_text *s, const char *element)
{
    s->depth++;
    if (strcmp(element, "rPh") == 0 && s->phonetic_depth == 0)
        s->phonetic_depth = s->depth;
    else if (strcmp(element, "t") == 0 && s->phonetic_depth == 0)
        s->in_t = true;
}

static void string_end(string_text *s, const char *element)
{
    if (s->phonetic_depth == s->depth)
        s->phonetic_depth = 0;
    if (strcmp(element, "t") == 0)
        s->in_t = false;
    s->depth--;
}

static bool string_chars(string_text *s, const char *text, int len)
{
    if (!s->in_t)
        return true;
    if (s->text.len + (size_t)len > CELL_RAW_MAX) {
        s->too_long = true;
        return true;
    }
    return buffer_add(&s->text, text, (size_t)len);
}

/* The string's text decoded and trimmed, or NULL if it is longer than a
 * cell may hold. */
static const char *string_done(string_text *s, size_t *len)
{
    if (!s->text.data && !buffer_add(&s->text, "", 0))
        return NULL;
    s->text.len = decode_escapes(s->text.data, s->text.len);
    s->text.data[s->text.len] = '\0';
    const char *text = s->text.data;
    *len = s->text.len;
    trim(&text, len);
    return text;
}

static bool string_fits(const string_text *s, const char *text, size_t len)
{
    size_t chars = 0;
    for (size_t i = 0; i < len; i++)
        chars += ((unsigned char)text[i] & 0xC0) != 0x80;
    return !s->too_long && chars <= MTFP_XLSX_CELL_CHARS_MAX;
}

typedef struct strings_reader {
    book *b;
    bool in_si;
    string_text si;
} strings_reader;

static void XMLCALL strings_start(void *data, const XML_Char *name, const XML_Char **atts)
{
    (void)atts;
    strings_reader *s = data;
    const char *element = local(name);
    if (!s->in_si && strcmp(element, "si") == 0) {
        s->in_si = true;
        s->si.text.len = 0;
        s->si.depth = 0;
        s->si.phonetic_depth = 0;
        s->si.in_t = false;
        s->si.too_long = false;
    } else if (s->in_si) {
        string_start(&s->si, element);
    }
}

static void XMLCALL strings_end(void *data, const XML_Char *name)
{
    strings_reader *s = data;
    book *b = s->b;
    const char *element = local(name);
    if (!s->in_si)
        return;
    if (s->si.depth > 0) {
        string_end(&s->si, element);
        return;
    }
    s->in_si = false;
    size_t len;
    const char *text = string_done(&s->si, &len);
    if (!text) {
        out_of_memory(b);
        return;
    }
    if (!string_fits(&s->si, text, len)) {
        book_error(b, "shared string %zu is longer than a cell's %d characters", b->string_count,
                   MTFP_XLSX_CELL_CHARS_MAX);
        return;
    }
    if (b->string_count >= MTFP_XLSX_STRINGS_MAX ||
        b->string_bytes + len > MTFP_XLSX_STRING_BYTES_MAX) {
        book_error(b,
                   "the shared-string table has more than %zu strings or %zu MiB of text, "
                   "which mtfp does not read (docs/security.md)",
                   (size_t)MTFP_XLSX_STRINGS_MAX, MTFP_XLSX_STRING_BYTES_MAX >> 20);
        return;
    }
    size_t cap = b->string_cap;
    if (mtfp_grow(&b->strings, &b->string_cap, b->string_count + 1, sizeof *b->strings) !=
            MTFP_OK ||
        mtfp_grow(&b->string_lens, &cap, b->string_count + 1, sizeof *b->string_lens) != MTFP_OK) {
        out_of_memory(b);
        return;
    }
    b->strings[b->string_count] = mtfp_strndup(text, len);
    if (!b->strings[b->string_count]) {
        out_of_memory(b);
        return;
    }
    b->string_lens[b->string_count++] = len;
    b->string_bytes += len;
}

static void XMLCALL strings_text(void *data, const XML_Char *text, int len)
{
    strings_reader *s = data;
    if (s->in_si && !string_chars(&s->si, text, len))
        out_of_memory(s->b);
}

/* ---- Dates: Excel's serial numbers */

/* Days from 1970-01-01 to a date, and back (H. Hinnant's algorithms). */
static long days_from_civil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (long)yoe + era * 400 + (*m <= 2);
}

/* An Excel serial number as YYYY-MM-DD (its time of day dropped). In the
 * 1900 system day 1 is 1900-01-01 and day 60 is the 29 February 1900 that
 * Lotus 1-2-3 counted and Excel keeps, so later days are one fewer; in the
 * 1904 system day 0 is 1904-01-01. False for what is no day (before the
 * first, after 9999-12-31). */
static bool serial_date(double serial, bool date1904, char buf[32])
{
    if (!(serial >= (date1904 ? 0 : 1)) || serial >= 2958466)
        return false;
    long day = (long)floor(serial);
    if (!date1904 && day == 60)
        return false;
    long z = date1904 ? days_from_civil(1904, 1, 1) + day
                      : days_from_civil(1899, 12, day < 60 ? 31 : 30) + day;
    long y;
    unsigned m, d;
    civil_from_days(z, &y, &m, &d);
    snprintf(buf, 32, "%04ld-%02u-%02u", y, m, d);
    return true;
}

/* ---- The sheet */

/* Why a cell cannot be read, though the sheet is well-formed. */
enum { FAULT_NONE, FAULT_NO_VALUE, FAULT_ERROR };

typedef struct cell {
    int column;
    const char *fixed; /* the text when it is a shared string's, else NULL */
    size_t offset;     /* else in the row's text */
    size_t len;
    bool date;
} cell;

typedef struct sheet_reader {
    book *b;
    const char *sheet;
    const mtfp_csv_column *columns;
    size_t column_count;
    mtfp_csv_handler handler;
    void *context;

    int depth_in_data; /* > 0 inside <sheetData> */
    int row;           /* the row being read */
    bool in_row;
    int next_column;
    bool blank; /* the row so far */

    /* the cell being read */
    bool in_cell;
    int column;
    char type; /* 's' shared, 'i' inline, 'S' formula string, 'b', 'e', 'd', 'n' */
    long style;
    bool has_value, has_formula, in_value;
    buffer value;
    bool in_inline;
    string_text inline_text;

    cell *cells; /* the row's cells that matter */
    size_t cell_count, cell_cap;
    buffer row_text;

    bool header_done;
    size_t width;              /* the header's columns */
    int *field_column;         /* by header column: declared column, MTFP_CSV_NOTE or _UNNAMED */
    int position[64];          /* by declared column: its column in the sheet, 0 if absent */
    int seen[64];              /* by declared column: the row it was last given in */
    unsigned long long handed; /* text handed to the handler so far */
} sheet_reader;

static mtfp_status cell_error(sheet_reader *r, int column, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static mtfp_status cell_error(sheet_reader *r, int column, const char *fmt, ...)
{
    book *b = r->b;
    char place[MTFP_DIAG_FILE_MAX];
    mtfp_xlsx_place(b->file, r->sheet, r->row, column, place, sizeof place);
    va_list ap;
    va_start(ap, fmt);
    if (b->status == MTFP_OK)
        b->status = mtfp_diag_verror(b->diag, MTFP_ERR_INPUT, place, 0, 0, fmt, ap);
    va_end(ap);
    if (b->parser)
        XML_StopParser(b->parser, XML_FALSE);
    return b->status;
}

/* "B14" into its column (2) and row (14); false if it is not a cell. */
static bool cell_reference(const char *ref, int *column, int *row)
{
    long c = 0, r = 0;
    const char *p = ref;
    for (; (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'); p++) {
        c = c * 26 + ((*p | 0x20) - 'a' + 1);
        if (c > COLUMNS_MAX)
            return false;
    }
    for (; *p >= '0' && *p <= '9'; p++) {
        r = r * 10 + (*p - '0');
        if (r > ROWS_MAX)
            return false;
    }
    if (*p || c == 0 || r == 0)
        return false;
    *column = (int)c;
    *row = (int)r;
    return true;
}

static void column_name(int column, char buf[8])
{
    char reversed[8];
    size_t n = 0;
    for (; column > 0 && n < 7; column = (column - 1) / 26)
        reversed[n++] = (char)('A' + (column - 1) % 26);
    for (size_t i = 0; i < n; i++)
        buf[i] = reversed[n - 1 - i];
    buf[n] = '\0';
}

static void row_start(sheet_reader *r, const char **atts)
{
    const char *number = attribute(atts, "r");
    long row = r->row + 1;
    if (number) {
        char *end;
        row = strtol(number, &end, 10);
        if (*end || row < 1 || row > ROWS_MAX || row <= r->row) {
            damaged(r->b, "has a row out of order or beyond row 1,048,576");
            return;
        }
    } else if (row > ROWS_MAX) {
        damaged(r->b, "has rows beyond row 1,048,576");
        return;
    }
    r->row = (int)row;
    r->in_row = true;
    r->next_column = 1;
    r->blank = true;
    r->cell_count = 0;
    r->row_text.len = 0;
}

static void cell_start(sheet_reader *r, const char **atts)
{
    const char *ref = attribute(atts, "r"), *type = attribute(atts, "t"),
               *style = attribute(atts, "s");
    int column = r->next_column, row = r->row;
    if (ref && !cell_reference(ref, &column, &row)) {
        damaged(r->b, "has a cell reference that is not one");
        return;
    }
    if (row != r->row || column > COLUMNS_MAX) {
        damaged(r->b, "has a cell outside its row");
        return;
    }
    r->column = column;
    r->next_column = column + 1;
    r->in_cell = true;
    r->type = 'n';
    if (type) {
        static const struct {
            const char *name;
            char code;
        } types[] = {{"s", 's'}, {"inlineStr", 'i'}, {"str", 'S'}, {"b", 'b'},
                     {"e", 'e'}, {"d", 'd'},         {"n", 'n'}};
        size_t t = 0;
        while (t < sizeof types / sizeof *types && strcmp(types[t].name, type) != 0)
            t++;
        if (t == sizeof types / sizeof *types) {
            damaged(r->b, "has a cell of an unknown type");
            return;
        }
        r->type = types[t].code;
    }
    r->style = style ? strtol(style, NULL, 10) : 0;
    r->has_value = r->has_formula = r->in_value = r->in_inline = false;
    r->value.len = 0;
    if (r->value.data)
        r->value.data[0] = '\0';
    r->inline_text.text.len = 0;
    r->inline_text.depth = 0;
    r->inline_text.phonetic_depth = 0;
    r->inline_text.in_t = false;
    r->inline_text.too_long = false;
}

/* Where a cell's text goes once the header is read: its declared column,
 * MTFP_CSV_NOTE or MTFP_CSV_UNNAMED. */
static int destination(const sheet_reader *r, int column)
{
    if (!r->header_done)
        return 0;
    return (size_t)column <= r->width ? r->field_column[column - 1] : MTFP_CSV_UNNAMED;
}

/* Keep a cell's text for the row: a shared string where it is, anything
 * else copied into the row's text. */
static void keep(sheet_reader *r, const char *text, size_t len, bool shared, bool date)
{
    if (mtfp_grow(&r->cells, &r->cell_cap, r->cell_count + 1, sizeof *r->cells) != MTFP_OK) {
        out_of_memory(r->b);
        return;
    }
    cell *c = &r->cells[r->cell_count];
    *c = (cell){.column = r->column, .len = len, .date = date};
    if (shared) {
        c->fixed = text;
    } else {
        if (r->row_text.len + len + 1 > ROW_TEXT_MAX) {
            cell_error(r, r->column, "the row holds more than %zu MiB of text", ROW_TEXT_MAX >> 20);
            return;
        }
        c->offset = r->row_text.len;
        if (!buffer_add(&r->row_text, text, len) || !buffer_add(&r->row_text, "", 1)) {
            out_of_memory(r->b);
            return;
        }
    }
    r->cell_count++;
}

static void cell_end(sheet_reader *r)
{
    r->in_cell = false;
    book *b = r->b;
    int fault = FAULT_NONE;
    const char *text = "";
    size_t len = 0;
    bool shared = false, date = false;
    char number[40];
    const char *value = r->value.data ? r->value.data : "";
    if (r->has_formula && !r->has_value) {
        fault = FAULT_NO_VALUE;
    } else if (!r->has_value && r->type != 'i') {
        /* an empty cell (a format alone) */
    } else {
        switch (r->type) {
        case 's': {
            char *end;
            unsigned long index = strtoul(value, &end, 10);
            if (*end || end == value || index >= b->string_count) {
                cell_error(r, r->column,
                           "the cell names shared string %s, which the workbook "
                           "has not got (the file is damaged)",
                           value);
                return;
            }
            text = b->strings[index];
            len = b->string_lens[index];
            shared = true;
            break;
        }
        case 'i':
        case 'S':
        case 'e': {
            string_text *s = &r->inline_text;
            if (r->type != 'i') { /* the value, as a string's text */
                s->in_t = true;
                if (!string_chars(s, value, (int)r->value.len)) {
                    out_of_memory(b);
                    return;
                }
            }
            text = string_done(s, &len);
            if (!text) {
                out_of_memory(b);
                return;
            }
            if (!string_fits(s, text, len)) {
                cell_error(r, r->column, "the cell holds more than %d characters",
                           MTFP_XLSX_CELL_CHARS_MAX);
                return;
            }
            if (r->type == 'e')
                fault = FAULT_ERROR;
            break;
        }
        case 'b':
            text = strcmp(value, "1") == 0 ? "TRUE" : "FALSE";
            len = strlen(text);
            break;
        case 'd':
            text = value;
            len = r->value.len;
            trim(&text, &len);
            len = len < 10 ? len : 10;
            date = len > 0;
            break;
        default: {
            const char *start = value;
            size_t n = r->value.len;
            trim(&start, &n);
            if (n == 0)
                break;
            char *end;
            double x = strtod(start, &end);
            if (end != start + n || !isfinite(x)) {
                cell_error(r, r->column,
                           "the cell's number \"%s\" is not one (the file is "
                           "damaged)",
                           value);
                return;
            }
            date = r->style >= 0 && (size_t)r->style < b->style_count && b->date_style[r->style] &&
                   serial_date(x, b->date1904, number);
            if (!date)
                snprintf(number, sizeof number, "%.15g", x == 0 ? 0.0 : x);
            text = number;
            len = strlen(number);
            break;
        }
        }
    }
    if (len == 0 && fault == FAULT_NONE)
        return;
    r->blank = false;
    int to = destination(r, r->column);
    if (to == MTFP_CSV_NOTE)
        return;
    if (to == MTFP_CSV_UNNAMED) {
        if (len == 0)
            return;
        cell_error(r, r->column,
                   "\"%.*s\" is in a column with no name: name the column (a name starting "
                   "with \"_\" for a note), or clear it",
                   (int)(len < 200 ? len : 200), text);
        return;
    }
    if (fault == FAULT_NO_VALUE) {
        cell_error(r, r->column,
                   "the formula has no value saved with it: open the workbook in a spreadsheet "
                   "program, let it calculate and save it (or paste the values)");
        return;
    }
    if (fault == FAULT_ERROR) {
        cell_error(r, r->column, "the cell holds the error %.*s; expected a value", (int)len, text);
        return;
    }
    if (r->header_done) {
        if (r->seen[to] == r->row) {
            cell_error(r, r->column, "the row gives this column twice (the file is damaged)");
            return;
        }
        r->seen[to] = r->row;
    }
    keep(r, text, len, shared, date);
}

static const char *cell_text(const sheet_reader *r, const cell *c)
{
    return c->fixed ? c->fixed : r->row_text.data + c->offset;
}

static mtfp_status read_header_row(sheet_reader *r)
{
    book *b = r->b;
    size_t width = 0;
    for (size_t i = 0; i < r->cell_count; i++)
        width = (size_t)r->cells[i].column > width ? (size_t)r->cells[i].column : width;
    const char **texts = calloc(width, sizeof *texts);
    size_t *lens = calloc(width, sizeof *lens);
    r->field_column = malloc(width * sizeof *r->field_column);
    if (!texts || !lens || !r->field_column) {
        free(texts);
        free(lens);
        return MTFP_ERR_MEMORY;
    }
    for (size_t f = 0; f < width; f++)
        texts[f] = "";
    for (size_t i = 0; i < r->cell_count; i++) {
        texts[r->cells[i].column - 1] = cell_text(r, &r->cells[i]);
        lens[r->cells[i].column - 1] = r->cells[i].len;
    }
    mtfp_status status = mtfp_csv_header(b->file, r->sheet, r->row, r->columns, r->column_count,
                                         texts, lens, width, r->field_column, b->diag);
    free(texts);
    free(lens);
    r->width = width;
    r->header_done = true;
    for (size_t f = 0; status == MTFP_OK && f < width; f++)
        if (r->field_column[f] >= 0)
            r->position[r->field_column[f]] = (int)f + 1;
    return status;
}

static mtfp_status read_record_row(sheet_reader *r)
{
    book *b = r->b;
    const char *text[64];
    size_t len[64];
    bool date[64];
    for (size_t c = 0; c < r->column_count; c++) {
        text[c] = r->position[c] ? "" : NULL;
        len[c] = 0;
        date[c] = false;
    }
    for (size_t i = 0; i < r->cell_count; i++) {
        const cell *c = &r->cells[i];
        int to = r->field_column[c->column - 1];
        text[to] = cell_text(r, c);
        len[to] = c->len;
        date[to] = c->date;
        r->handed += c->len;
    }
    if (r->handed > MTFP_XLSX_PART_MAX)
        return cell_error(r, 0,
                          "the sheet's text adds up to more than 1 GiB, which mtfp does "
                          "not read (docs/security.md)");
    mtfp_csv_record record = {.path = b->file,
                              .line = r->row,
                              .column_count = r->column_count,
                              .text = text,
                              .len = len,
                              .position = r->position,
                              .sheet = r->sheet,
                              .date = date};
    return r->handler(r->context, &record, b->diag);
}

static void row_end(sheet_reader *r)
{
    r->in_row = false;
    book *b = r->b;
    if (b->status != MTFP_OK || r->blank)
        return;
    mtfp_status status = r->header_done ? read_record_row(r) : read_header_row(r);
    if (status != MTFP_OK) {
        if (b->status == MTFP_OK)
            b->status = status;
        XML_StopParser(b->parser, XML_FALSE);
    }
}

static void XMLCALL sheet_start(void *data, const XML_Char *name, const XML_Char **atts)
{
    sheet_reader *r = data;
    const char *element = local(name);
    if (r->depth_in_data == 0) {
        if (strcmp(element, "sheetData") == 0)
            r->depth_in_data = 1;
        return;
    }
    r->depth_in_data++;
    if (r->in_cell) {
        if (r->in_inline) {
            string_start(&r->inline_text, element);
        } else if (strcmp(element, "v") == 0) {
            r->has_value = r->in_value = true;
        } else if (strcmp(element, "f") == 0) {
            r->has_formula = true;
        } else if (strcmp(element, "is") == 0 && r->type == 'i') {
            r->in_inline = true;
        }
    } else if (r->in_row && strcmp(element, "c") == 0) {
        cell_start(r, atts);
    } else if (!r->in_row && strcmp(element, "row") == 0) {
        row_start(r, atts);
    }
}

static void XMLCALL sheet_end(void *data, const XML_Char *name)
{
    sheet_reader *r = data;
    if (r->depth_in_data == 0)
        return;
    const char *element = local(name);
    r->depth_in_data--;
    if (r->depth_in_data == 0)
        return;
    if (r->in_cell && r->in_inline) {
        if (r->inline_text.depth > 0)
            string_end(&r->inline_text, element);
        else
            r->in_inline = false; /* </is> */
    } else if (r->in_cell && strcmp(element, "v") == 0) {
        r->in_value = false;
    } else if (r->in_cell && strcmp(element, "c") == 0) {
        cell_end(r);
    } else if (r->in_row && !r->in_cell && strcmp(element, "row") == 0) {
        row_end(r);
    }
}

static void XMLCALL sheet_text(void *data, const XML_Char *text, int len)
{
    sheet_reader *r = data;
    if (r->in_inline) {
        if (!string_chars(&r->inline_text, text, len))
            out_of_memory(r->b);
    } else if (r->in_value) {
        if (r->value.len + (size_t)len > CELL_RAW_MAX)
            cell_error(r, r->column, "the cell holds more than %d characters",
                       MTFP_XLSX_CELL_CHARS_MAX);
        else if (!buffer_add(&r->value, text, (size_t)len))
            out_of_memory(r->b);
    }
}

/* ---- Paths and places */

/* Where the file part of path ends: after the first ".xlsx" (any case)
 * that ends path or is followed by "!". 0 if there is none. */
static size_t file_end(const char *path)
{
    for (const char *p = path; (p = strchr(p, '.')) != NULL; p++)
        if (strncasecmp(p, ".xlsx", 5) == 0 && (p[5] == '\0' || p[5] == '!'))
            return (size_t)(p - path) + 5;
    return 0;
}

bool mtfp_xlsx_named(const char *path)
{
    return file_end(path) > 0;
}

size_t mtfp_xlsx_file_length(const char *path)
{
    size_t end = file_end(path);
    return end ? end : strlen(path);
}

void mtfp_xlsx_place(const char *file, const char *sheet, int row, int column, char *buf,
                     size_t size)
{
    /* A name of letters (any script), digits, "_" and "." that does not
     * start with a digit is written bare, as Excel writes references. */
    bool bare = sheet[0] && !(sheet[0] >= '0' && sheet[0] <= '9');
    for (const unsigned char *c = (const unsigned char *)sheet; *c && bare; c++)
        bare = *c >= 0x80 || (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
               (*c >= '0' && *c <= '9') || *c == '_' || *c == '.';
    buffer name = {0};
    if (!bare)
        buffer_add(&name, "'", 1);
    for (const char *c = sheet; *c; c++)
        buffer_add(&name, *c == '\'' ? "''" : c, *c == '\'' ? 2 : 1);
    if (!bare)
        buffer_add(&name, "'", 1);
    const char *quoted = name.data ? name.data : sheet;
    char letters[8];
    column_name(column, letters);
    if (row <= 0)
        snprintf(buf, size, "%s:%s", file, quoted);
    else if (column <= 0)
        snprintf(buf, size, "%s:%s!%d:%d", file, quoted, row, row);
    else
        snprintf(buf, size, "%s:%s!%s%d", file, quoted, letters, row);
    free(name.data);
}

/* ---- Reading a workbook */

static void book_free(book *b)
{
    free_rels(b);
    free(b->rels);
    for (size_t i = 0; i < b->sheet_count; i++) {
        free(b->sheets[i].name);
        free(b->sheets[i].rid);
    }
    free(b->sheets);
    free(b->workbook_part);
    for (size_t i = 0; i < b->string_count; i++)
        free(b->strings[i]);
    free(b->strings);
    free(b->string_lens);
    free(b->date_style);
    free(b->custom_ids);
    free(b->custom_dates);
    if (b->zip)
        unzClose(b->zip);
}

/* True if the archive ends as a whole one does: with its end-of-directory
 * record and the comment that record says follows it, to the last byte. A
 * copy cut short loses it (minizip reads one that lacks its last bytes). */
static bool ends_whole(FILE *file, unsigned long long size)
{
    size_t tail = size < 65557 ? (size_t)size : 65557; /* the record, and the longest comment */
    unsigned char *bytes = malloc(tail ? tail : 1);
    bool whole = false;
    if (bytes && fseek(file, (long)(size - tail), SEEK_SET) == 0 &&
        fread(bytes, 1, tail, file) == tail)
        for (size_t at = tail >= 22 ? tail - 22 + 1 : 0; at-- > 0 && !whole;)
            whole = memcmp(bytes + at, "PK\5\6", 4) == 0 &&
                    at + 22 + (bytes[at + 20] | (size_t)bytes[at + 21] << 8) == tail;
    free(bytes);
    return whole;
}

/* Open the archive, or say what the file is instead. */
static mtfp_status open_archive(book *b)
{
    FILE *file = fopen(b->file, "rb");
    if (!file)
        return mtfp_diag_error(b->diag, MTFP_ERR_INPUT, b->file, 0, 0, "cannot open: %s",
                               strerror(errno));
    unsigned char head[8] = {0};
    size_t got = fread(head, 1, sizeof head, file);
    struct stat st;
    b->file_size = fstat(fileno(file), &st) == 0 ? (unsigned long long)st.st_size : 0;
    bool whole = ends_whole(file, b->file_size);
    fclose(file);
    static const unsigned char ole[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    if (got == sizeof head && memcmp(head, ole, sizeof ole) == 0)
        return book_error(b, "an Excel 97-2003 workbook (.xls) or one with a password: open it "
                             "in a spreadsheet program and save it as an Excel Workbook (.xlsx), "
                             "without a password");
    if (got < 4 || memcmp(head, "PK\3\4", 4) != 0)
        return book_error(b, "not an Excel workbook (.xlsx): a workbook is a zip archive, and "
                             "this file is not one (a CSV file named .xlsx?); save it as an "
                             "Excel Workbook (.xlsx) or as CSV UTF-8");
    b->zip = whole ? unzOpen64(b->file) : NULL;
    if (!b->zip)
        return book_error(b, "the workbook is damaged or cut short (its zip archive cannot be "
                             "read); open it in a spreadsheet program and save it again");
    unz_global_info64 global;
    if (unzGetGlobalInfo64(b->zip, &global) != UNZ_OK)
        return book_error(b, "the workbook is damaged: its zip archive cannot be listed");
    if (global.number_entry > MTFP_XLSX_ENTRIES_MAX)
        return book_error(b,
                          "the archive lists %llu parts; a workbook has a few hundred at most, "
                          "and mtfp reads archives of up to %d",
                          (unsigned long long)global.number_entry, MTFP_XLSX_ENTRIES_MAX);
    return MTFP_OK;
}

/* The sheet to read: the one named (as names match), or the first. */
static mtfp_status choose_sheet(book *b, const char *wanted, const sheet_entry **sheet)
{
    if (b->sheet_count == 0)
        return book_error(b, "the workbook lists no sheets");
    if (!wanted) {
        *sheet = &b->sheets[0];
        return MTFP_OK;
    }
    for (size_t i = 0; i < b->sheet_count; i++)
        if (mtfp_name_equal(wanted, strlen(wanted), b->sheets[i].name)) {
            *sheet = &b->sheets[i];
            return MTFP_OK;
        }
    const char *names[64];
    size_t count = b->sheet_count < 64 ? b->sheet_count : 64;
    buffer list = {0};
    for (size_t i = 0; i < count; i++) {
        names[i] = b->sheets[i].name;
        if (!buffer_add(&list, i ? ", " : "", i ? 2 : 0) ||
            !buffer_add(&list, names[i], strlen(names[i]))) {
            free(list.data);
            return MTFP_ERR_MEMORY;
        }
    }
    char hint[MTFP_NAME_HINT_MAX];
    const char *closest = mtfp_name_closest_of(names, count, wanted, strlen(wanted));
    book_error(b, "the workbook has no sheet \"%s\"%s; its sheets are %s%s", wanted,
               mtfp_name_hint(closest, NULL, hint), list.data,
               b->sheet_count > count ? ", ..." : "");
    free(list.data);
    return b->status;
}

static mtfp_status read_book(book *b, const char *wanted, sheet_reader *r)
{
    MTFP_TRY(open_archive(b));
    bool found;
    MTFP_TRY(read_rels(b, ""));
    const relationship *office = rel_of_type(b, "officeDocument");
    b->workbook_part = mtfp_strdup(office ? office->target : "xl/workbook.xml");
    if (!b->workbook_part)
        return MTFP_ERR_MEMORY;
    workbook_reader workbook = {.b = b};
    MTFP_TRY(read_part(b, b->workbook_part, &workbook, workbook_start, no_end, no_text, &found));
    if (!found)
        return book_error(b, "not an Excel workbook: the archive has no workbook in it (a Word "
                             "or PowerPoint file?)");
    const sheet_entry *sheet = NULL;
    MTFP_TRY(choose_sheet(b, wanted, &sheet));
    r->sheet = sheet->name;
    MTFP_TRY(read_rels(b, b->workbook_part));
    const relationship *part = rel_of_id(b, sheet->rid);
    if (!part)
        return book_error(b, "the workbook is damaged: sheet \"%s\" has no part", sheet->name);
    if (strcmp(part->type, "worksheet") != 0)
        return book_error(b,
                          "sheet \"%s\" is a chart or macro sheet, not a table: name the sheet "
                          "that holds the table (\"%s!SHEET\")",
                          sheet->name, mtfp_path_base(b->file));
    char *sheet_part = mtfp_strdup(part->target);
    const relationship *styles = rel_of_type(b, "styles");
    const relationship *strings = rel_of_type(b, "sharedStrings");
    char *styles_part = styles ? mtfp_strdup(styles->target) : NULL;
    char *strings_part = strings ? mtfp_strdup(strings->target) : NULL;
    mtfp_status status = !sheet_part || (styles && !styles_part) || (strings && !strings_part)
                             ? MTFP_ERR_MEMORY
                             : MTFP_OK;
    styles_reader styles_state = {.b = b};
    if (status == MTFP_OK && styles_part)
        status =
            read_part(b, styles_part, &styles_state, styles_start, styles_end, no_text, &found);
    strings_reader strings_state = {.b = b};
    if (status == MTFP_OK && strings_part)
        status = read_part(b, strings_part, &strings_state, strings_start, strings_end,
                           strings_text, &found);
    free(strings_state.si.text.data);
    if (status == MTFP_OK) {
        status = read_part(b, sheet_part, r, sheet_start, sheet_end, sheet_text, &found);
        if (status == MTFP_OK && !found)
            status = book_error(b, "the workbook is damaged: sheet \"%s\" has no part %s", r->sheet,
                                sheet_part);
    }
    if (status == MTFP_OK && !r->header_done) {
        char place[MTFP_DIAG_FILE_MAX];
        mtfp_xlsx_place(b->file, r->sheet, 1, 0, place, sizeof place);
        status = mtfp_diag_error(b->diag, MTFP_ERR_INPUT, place, 0, 0,
                                 "the sheet is empty; expected a header row naming the columns");
    }
    free(sheet_part);
    free(styles_part);
    free(strings_part);
    return status;
}

mtfp_status mtfp_xlsx_read(const char *path, const mtfp_csv_column *columns, size_t column_count,
                           mtfp_csv_handler handler, void *context, mtfp_diag *diag)
{
    if (column_count > 64)
        return mtfp_diag_error(diag, MTFP_ERR_INPUT, path, 0, 0, "too many declared columns");
    size_t file_len = mtfp_xlsx_file_length(path);
    char *file = mtfp_strndup(path, file_len);
    if (!file)
        return MTFP_ERR_MEMORY;
    const char *wanted = path[file_len] == '!' ? path + file_len + 1 : NULL;
    if (wanted && !*wanted) {
        mtfp_status status = mtfp_diag_error(diag, MTFP_ERR_INPUT, file, 0, 0,
                                             "\"%s\" names no sheet after \"!\"", path);
        free(file);
        return status;
    }
    book b = {.file = file, .diag = diag};
    sheet_reader r = {.b = &b,
                      .columns = columns,
                      .column_count = column_count,
                      .handler = handler,
                      .context = context};
    mtfp_status status = read_book(&b, wanted, &r);
    if (status == MTFP_OK)
        status = b.status;
    free(r.value.data);
    free(r.inline_text.text.data);
    free(r.cells);
    free(r.row_text.data);
    free(r.field_column);
    book_free(&b);
    free(file);
    return status;
}

#define XLSX_TEXT(x) #x
#define XLSX_VERSION_TEXT(major, minor, micro)                                                     \
    "expat " XLSX_TEXT(major) "." XLSX_TEXT(minor) "." XLSX_TEXT(micro)

const char *mtfp_xlsx_library_version(void)
{
    return XLSX_VERSION_TEXT(XML_MAJOR_VERSION, XML_MINOR_VERSION, XML_MICRO_VERSION);
}
