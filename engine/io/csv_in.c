/* CSV input with libcsv. The file is fed to the parser a line at a time so
 * that every record knows the line it starts on. */
#define _POSIX_C_SOURCE 200809L

#include "mtfp/csv_in.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"
#include "mtfp/names.h"
#include "mtfp/utf8.h"
#include "mtfp/xlsx_in.h"

#define NOTE_COLUMN MTFP_CSV_NOTE
/* A column with no name, as a spreadsheet saves the empty columns after the
 * last one filled: ignored while its fields are empty. */
#define UNNAMED_COLUMN MTFP_CSV_UNNAMED

typedef struct reader {
    const char *path;
    const char *sheet; /* a workbook's sheet (mtfp_csv_header), NULL for a CSV file */
    const mtfp_csv_column *columns;
    size_t column_count;
    mtfp_csv_handler handler;
    void *context;
    mtfp_diag *diag;
    mtfp_status status; /* the first failure; parsing stops being useful after it */
    /* A record in error, kept to report with the others (mtfp_diag_keep):
     * the rest of its fields are not read. */
    bool record_failed;

    int line;        /* the line being fed */
    int record_line; /* the line the current record started on, 0 before it starts */
    bool header_done;
    int *field_column;  /* by field position: declared column, NOTE_COLUMN or UNNAMED_COLUMN */
    size_t field_count; /* fields in the header */

    /* the current record's fields */
    char **texts;
    size_t *lens;
    size_t count;
    size_t cap;
    size_t len_cap;
} reader;

/* An error at a line and column of a CSV file, or at a cell of a workbook's
 * sheet (row line, column column). */
static mtfp_status located_verror(mtfp_diag *diag, const char *path, const char *sheet, int line,
                                  int column, const char *fmt, va_list ap)
{
    if (!sheet)
        return mtfp_diag_verror(diag, MTFP_ERR_INPUT, path, line, column, fmt, ap);
    char place[MTFP_DIAG_FILE_MAX];
    mtfp_xlsx_place(path, sheet, line, column, place, sizeof place);
    return mtfp_diag_verror(diag, MTFP_ERR_INPUT, place, 0, 0, fmt, ap);
}

static mtfp_status located_error(mtfp_diag *diag, const char *path, const char *sheet, int line,
                                 int column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
static mtfp_status located_error(mtfp_diag *diag, const char *path, const char *sheet, int line,
                                 int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    mtfp_status status = located_verror(diag, path, sheet, line, column, fmt, ap);
    va_end(ap);
    return status;
}

/* Blanks round a field (spaces, tabs, no-break spaces) are not part of it. */
static void trim(const char **text, size_t *len)
{
    for (size_t n; (n = mtfp_utf8_blank(*text, *len)) > 0; *len -= n)
        *text += n;
    for (size_t n; (n = mtfp_utf8_blank_end(*text, *len)) > 0;)
        *len -= n;
}

static void on_field(void *field, size_t len, void *data)
{
    reader *r = data;
    if (r->status != MTFP_OK || r->record_failed)
        return;
    if (field && mtfp_utf8_valid((const char *)field, len) != len) {
        mtfp_status status =
            mtfp_diag_error(r->diag, MTFP_ERR_INPUT, r->path, r->record_line, (int)r->count + 1,
                            "the field is not valid UTF-8: save the file as CSV UTF-8");
        /* A header must be read whole; a record in error can be left. */
        r->status = r->header_done ? mtfp_diag_keep(r->diag, status) : status;
        r->record_failed = r->status == MTFP_OK;
        return;
    }
    size_t lens_cap = r->len_cap;
    if (mtfp_grow(&r->texts, &r->cap, r->count + 1, sizeof *r->texts) ||
        mtfp_grow(&r->lens, &lens_cap, r->count + 1, sizeof *r->lens)) {
        r->status = MTFP_ERR_MEMORY;
        return;
    }
    r->len_cap = lens_cap;
    const char *text = field ? field : "";
    trim(&text, &len);
    r->texts[r->count] = mtfp_strndup(text, len);
    if (!r->texts[r->count]) {
        r->status = MTFP_ERR_MEMORY;
        return;
    }
    r->lens[r->count++] = len;
}

static void clear_fields(reader *r)
{
    for (size_t i = 0; i < r->count; i++)
        free(r->texts[i]);
    r->count = 0;
}

static mtfp_status header_error(reader *r, size_t field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static mtfp_status header_error(reader *r, size_t field, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    mtfp_status status =
        located_verror(r->diag, r->path, r->sheet, r->record_line, (int)field + 1, fmt, ap);
    va_end(ap);
    return status;
}

static void expected_columns(const reader *r, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < r->column_count && used < size; i++)
        used +=
            (size_t)snprintf(buf + used, size - used, "%s%s", i ? ", " : "", r->columns[i].name);
}

static mtfp_status unknown_column(reader *r, size_t field)
{
    /* A whole header in one field: a file saved with another separator
     * (Excel's CSV in many locales uses semicolons; some ledgers, tabs). */
    static const struct {
        char separator;
        const char *name;
    } others[] = {{';', "semicolons"}, {'\t', "tabs"}, {'|', "bars"}};
    for (size_t i = 0; !r->sheet && r->count == 1 && i < sizeof others / sizeof *others; i++)
        if (memchr(r->texts[0], others[i].separator, r->lens[0]))
            return header_error(r, 0,
                                "the columns are separated by %s, not commas: save the file as "
                                "CSV (comma delimited)",
                                others[i].name);
    const char *names[64];
    size_t count = r->column_count < 64 ? r->column_count : 64;
    for (size_t i = 0; i < count; i++)
        names[i] = r->columns[i].name;
    const char *closest = mtfp_name_closest_of(names, count, r->texts[field], r->lens[field]);
    char expected[512];
    expected_columns(r, expected, sizeof expected);
    char otherwise[600], hint[MTFP_NAME_HINT_MAX];
    snprintf(otherwise, sizeof otherwise,
             "; expected the columns %s, or a note column whose name starts with \"_\"", expected);
    return header_error(r, field, "unknown column \"%s\"%s", r->texts[field],
                        mtfp_name_hint(closest, otherwise, hint));
}

static mtfp_status read_header(reader *r)
{
    r->field_column = malloc((r->count ? r->count : 1) * sizeof *r->field_column);
    int *seen = calloc(r->column_count ? r->column_count : 1, sizeof *seen);
    if (!r->field_column || !seen) {
        free(seen);
        return MTFP_ERR_MEMORY;
    }
    mtfp_status status = MTFP_OK;
    r->field_count = r->count;
    for (size_t f = 0; f < r->count && status == MTFP_OK; f++) {
        r->field_column[f] = NOTE_COLUMN;
        if (r->texts[f][0] == '_')
            continue;
        if (r->lens[f] == 0) {
            r->field_column[f] = UNNAMED_COLUMN;
            continue;
        }
        size_t c = 0;
        while (c < r->column_count && !mtfp_name_equal(r->texts[f], r->lens[f], r->columns[c].name))
            c++;
        if (c == r->column_count)
            status = unknown_column(r, f);
        else if (seen[c])
            status = header_error(r, f, "column \"%s\" is given twice (also column %d)",
                                  r->columns[c].name, seen[c]);
        else {
            seen[c] = (int)f + 1;
            r->field_column[f] = (int)c;
        }
    }
    for (size_t c = 0; c < r->column_count && status == MTFP_OK; c++)
        if (r->columns[c].required && !seen[c])
            status = located_error(r->diag, r->path, r->sheet, r->record_line, 0,
                                   "missing column \"%s\"", r->columns[c].name);
    free(seen);
    return status;
}

static bool blank_record(const reader *r)
{
    for (size_t i = 0; i < r->count; i++)
        if (r->lens[i])
            return false;
    return true;
}

static mtfp_status read_record(reader *r)
{
    if (blank_record(r))
        return MTFP_OK;
    if (r->count != r->field_count)
        return mtfp_diag_error(r->diag, MTFP_ERR_INPUT, r->path, r->record_line,
                               (int)(r->count < r->field_count ? r->count : r->field_count + 1),
                               "expected %zu fields as in the header, found %zu", r->field_count,
                               r->count);
    const char *text[64];
    size_t len[64];
    int position[64];
    for (size_t c = 0; c < r->column_count; c++) {
        text[c] = NULL;
        len[c] = 0;
        position[c] = 0;
    }
    for (size_t f = 0; f < r->count; f++) {
        int c = r->field_column[f];
        if (c == UNNAMED_COLUMN && r->lens[f])
            return mtfp_diag_error(r->diag, MTFP_ERR_INPUT, r->path, r->record_line, (int)f + 1,
                                   "\"%s\" is in a column with no name: name the column (a name "
                                   "starting with \"_\" for a note), or clear it",
                                   r->texts[f]);
        if (c < 0)
            continue;
        text[c] = r->texts[f];
        len[c] = r->lens[f];
        position[c] = (int)f + 1;
    }
    mtfp_csv_record record = {.path = r->path,
                              .line = r->record_line,
                              .column_count = r->column_count,
                              .text = text,
                              .len = len,
                              .position = position};
    return r->handler(r->context, &record, r->diag);
}

static void on_record(int terminator, void *data)
{
    (void)terminator;
    reader *r = data;
    if (r->status == MTFP_OK && !r->record_failed) {
        if (!r->header_done) {
            r->status = read_header(r);
            r->header_done = true;
        } else {
            /* Loading a model goes on past a record in error, to report
             * every one. */
            r->status = mtfp_diag_keep(r->diag, read_record(r));
        }
    }
    r->record_failed = false;
    clear_fields(r);
    r->record_line = 0;
}

static bool blank_line(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (text[i] != '\r' && text[i] != '\n' && text[i] != ' ' && text[i] != '\t')
            return false;
    return true;
}

/* libcsv stopped at text[at] of the line being fed. In strict mode that is a
 * quote inside a field that is not quoted, or what follows the quote that
 * closes a quoted field when it is not a comma (a quote inside the field
 * not doubled). The column is the field's. */
static mtfp_status parse_error(reader *r, struct csv_parser *parser, const char *text, size_t len,
                               size_t at)
{
    int column = (int)r->count + 1;
    if (csv_error(parser) != CSV_EPARSE || at >= len)
        return mtfp_diag_error(r->diag, MTFP_ERR_INPUT, r->path, r->line, 0, "%s",
                               csv_strerror(csv_error(parser)));
    if (text[at] != '"')
        return mtfp_diag_error(r->diag, MTFP_ERR_INPUT, r->path, r->line, column,
                               "a quoted field ends at a quote followed by more text: a quote "
                               "inside a quoted field is written twice (\"\")");
    /* A field that is not quoted cannot span lines: all of it is on this one. */
    size_t start = at, end = at;
    while (start > 0 && text[start - 1] != ',')
        start--;
    while (end < len && text[end] != ',' && text[end] != '\r' && text[end] != '\n')
        end++;
    const char *field = text + start;
    size_t field_len = end - start;
    trim(&field, &field_len);
    char *quoted = malloc(2 * field_len + 3);
    if (!quoted)
        return MTFP_ERR_MEMORY;
    size_t n = 0;
    quoted[n++] = '"';
    for (size_t i = 0; i < field_len; i++) {
        if (field[i] == '"')
            quoted[n++] = '"';
        quoted[n++] = field[i];
    }
    quoted[n++] = '"';
    quoted[n] = '\0';
    mtfp_status status = mtfp_diag_error(
        r->diag, MTFP_ERR_INPUT, r->path, r->line, column,
        "a quote inside a field that is not quoted: quote the whole field and double the quote "
        "(%s)",
        quoted);
    free(quoted);
    return status;
}

static mtfp_status feed(reader *r, FILE *file, struct csv_parser *parser)
{
    char *buf = NULL;
    size_t cap = 0;
    ssize_t got;
    while (r->status == MTFP_OK && (got = getline(&buf, &cap, file)) > 0) {
        r->line++;
        const char *text = buf;
        size_t len = (size_t)got;
        if (r->line == 1 && len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
            text += 3; /* the byte-order mark Excel writes */
            len -= 3;
        }
        if (r->record_line == 0 && !blank_line(text, len))
            r->record_line = r->line;
        size_t parsed = csv_parse(parser, text, len, on_field, on_record, r);
        if (parsed != len && r->status == MTFP_OK)
            r->status = parse_error(r, parser, text, len, parsed);
    }
    free(buf);
    if (r->status == MTFP_OK && ferror(file))
        r->status = mtfp_diag_error(r->diag, MTFP_ERR_INPUT, r->path, r->line, 0,
                                    "cannot read the file: %s", strerror(errno));
    if (r->status == MTFP_OK && csv_fini(parser, on_field, on_record, r) != 0)
        r->status = mtfp_diag_error(r->diag, MTFP_ERR_INPUT, r->path, r->record_line, 0,
                                    "a quoted field is not closed (a \" is missing)");
    return r->status;
}

mtfp_status mtfp_csv_read(const char *path, const mtfp_csv_column *columns, size_t column_count,
                          mtfp_csv_handler handler, void *context, mtfp_diag *diag)
{
    if (column_count > 64)
        return mtfp_diag_error(diag, MTFP_ERR_INPUT, path, 0, 0, "too many declared columns");
    if (mtfp_xlsx_named(path))
        return mtfp_xlsx_read(path, columns, column_count, handler, context, diag);
    FILE *file = fopen(path, "rb");
    if (!file)
        return mtfp_diag_error(diag, MTFP_ERR_INPUT, path, 0, 0, "cannot open: %s",
                               strerror(errno));
    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        fclose(file);
        return MTFP_ERR_MEMORY;
    }
    reader r = {.path = path,
                .columns = columns,
                .column_count = column_count,
                .handler = handler,
                .context = context,
                .diag = diag};
    size_t kept = diag->error_total;
    mtfp_status status = feed(&r, file, &parser);
    if (status == MTFP_OK && diag->error_total > kept)
        status = MTFP_ERR_INPUT; /* records in error, kept in diag */
    else if (status == MTFP_OK && !r.header_done)
        status = mtfp_diag_error(diag, MTFP_ERR_INPUT, path, 1, 0,
                                 "the file is empty; expected a header row naming the columns");
    csv_free(&parser);
    fclose(file);
    clear_fields(&r);
    free(r.texts);
    free(r.lens);
    free(r.field_column);
    return status;
}

bool mtfp_csv_present(const mtfp_csv_record *record, size_t i)
{
    return record->text[i] && record->len[i] > 0;
}

mtfp_status mtfp_csv_error(const mtfp_csv_record *record, size_t i, mtfp_diag *diag,
                           const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    mtfp_status status = located_verror(diag, record->path, record->sheet, record->line,
                                        record->position[i], fmt, ap);
    va_end(ap);
    return status;
}

mtfp_status mtfp_csv_warn(const mtfp_csv_record *record, size_t i, mtfp_diag *diag, const char *fmt,
                          ...)
{
    char message[MTFP_DIAG_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    if (!record->sheet)
        return mtfp_diag_warn(diag, record->path, record->line, record->position[i], "%s", message);
    char place[MTFP_DIAG_FILE_MAX];
    mtfp_xlsx_place(record->path, record->sheet, record->line, record->position[i], place,
                    sizeof place);
    return mtfp_diag_warn(diag, place, 0, 0, "%s", message);
}

/* A workbook's date cell (its text YYYY-MM-DD). */
static bool is_date(const mtfp_csv_record *record, size_t i)
{
    return record->date && record->date[i];
}

/* A required field that is empty. */
static mtfp_status missing(const mtfp_csv_record *record, size_t i, const char *what,
                           mtfp_diag *diag)
{
    return mtfp_csv_error(record, i, diag, "expected %s, found an empty field", what);
}

mtfp_status mtfp_csv_name(const mtfp_csv_record *record, size_t i, const mtfp_names *names,
                          const char *kind, const char *otherwise, uint32_t *id, mtfp_diag *diag)
{
    if (!mtfp_csv_present(record, i))
        return mtfp_csv_error(record, i, diag, "expected a %s, found an empty field", kind);
    int32_t found = mtfp_names_find(names, record->text[i], record->len[i]);
    if (found >= 0) {
        *id = (uint32_t)found;
        return MTFP_OK;
    }
    char hint[MTFP_NAME_HINT_MAX];
    const char *closest = mtfp_names_closest(names, record->text[i], record->len[i]);
    return mtfp_csv_error(record, i, diag, "unknown %s \"%s\"%s", kind, record->text[i],
                          mtfp_name_hint(closest, otherwise, hint));
}

mtfp_status mtfp_csv_money(const mtfp_csv_record *record, size_t i, mtfp_pence *out,
                           mtfp_diag *diag)
{
    if (!mtfp_csv_present(record, i))
        return missing(record, i, "an amount", diag);
    const char *why;
    if (!mtfp_money_parse(record->text[i], record->len[i], out, &why))
        return mtfp_csv_error(record, i, diag, "amount \"%s\" is not valid: %s", record->text[i],
                              why);
    return MTFP_OK;
}

mtfp_status mtfp_csv_money_rounding(const mtfp_csv_record *record, size_t i,
                                    mtfp_money_rounding *rounding, mtfp_pence *out, mtfp_diag *diag)
{
    if (!rounding || !rounding->enabled)
        return mtfp_csv_money(record, i, out, diag);
    if (!mtfp_csv_present(record, i))
        return missing(record, i, "an amount", diag);
    const char *why;
    int64_t added;
    if (!mtfp_money_parse_rounding(record->text[i], record->len[i], out, &added, &why))
        return mtfp_csv_error(record, i, diag, "amount \"%s\" is not valid: %s", record->text[i],
                              why);
    /* Counted when a digit past the pence is not 0: 1.500 is not rounded. */
    const char *end = record->text[i] + record->len[i];
    const char *digit = memchr(record->text[i], '.', record->len[i]);
    bool rounded = false;
    for (size_t place = 1; digit && ++digit < end && *digit >= '0' && *digit <= '9'; place++)
        rounded = rounded || (place > 2 && *digit != '0');
    if (rounded) {
        rounding->count++;
        rounding->added += added;
    }
    return MTFP_OK;
}

mtfp_status mtfp_csv_year(const mtfp_csv_record *record, size_t i, int *start_year, mtfp_diag *diag)
{
    if (!mtfp_csv_present(record, i))
        return missing(record, i, "a financial year like 2009/10", diag);
    if (is_date(record, i))
        return mtfp_csv_error(record, i, diag,
                              "%s is a date; expected a financial year like 2009/10 (as text)",
                              record->text[i]);
    if (!mtfp_year_parse(record->text[i], record->len[i], start_year))
        return mtfp_csv_error(record, i, diag,
                              "\"%s\" is not a financial year; expected one like 2009/10",
                              record->text[i]);
    return MTFP_OK;
}

mtfp_status mtfp_csv_month(const mtfp_csv_record *record, size_t i, bool end, mtfp_month *month,
                           mtfp_diag *diag)
{
    if (!mtfp_csv_present(record, i))
        return missing(record, i, "a month like 2010-10", diag);
    /* A date stands for the month it falls in: its first 7 characters. */
    size_t len = is_date(record, i) && record->len[i] >= 7 ? 7 : record->len[i];
    if (!mtfp_period_month_parse(record->text[i], len, end, month))
        return mtfp_csv_error(record, i, diag,
                              "\"%s\" is not a month or a year; expected one like 2010-10 "
                              "(year-month) or 2010/11 (a financial year)",
                              record->text[i]);
    return MTFP_OK;
}

mtfp_status mtfp_csv_number(const mtfp_csv_record *record, size_t i, double *out, mtfp_diag *diag)
{
    if (!mtfp_csv_present(record, i))
        return missing(record, i, "a number", diag);
    if (!mtfp_number_parse(record->text[i], record->len[i], out))
        return mtfp_csv_error(record, i, diag,
                              "\"%s\" is not a number; expected a decimal number such as 0.5",
                              record->text[i]);
    return MTFP_OK;
}

mtfp_status mtfp_csv_header(const char *path, const char *sheet, int line,
                            const mtfp_csv_column *columns, size_t column_count,
                            const char *const *texts, const size_t *lens, size_t count,
                            int *field_column, mtfp_diag *diag)
{
    /* read_header only reads the fields the reader holds. */
    if (column_count > 64)
        return mtfp_diag_error(diag, MTFP_ERR_INPUT, path, 0, 0, "too many declared columns");
    reader r = {.path = path,
                .sheet = sheet,
                .columns = columns,
                .column_count = column_count,
                .diag = diag,
                .record_line = line,
                .texts = (char **)texts,
                .lens = (size_t *)lens,
                .count = count};
    mtfp_status status = read_header(&r);
    if (status == MTFP_OK)
        memcpy(field_column, r.field_column, count * sizeof *field_column);
    free(r.field_column);
    return status;
}

#define CSV_TEXT(x) #x
#define CSV_VERSION_TEXT(major, minor, release)                                                    \
    "libcsv " CSV_TEXT(major) "." CSV_TEXT(minor) "." CSV_TEXT(release)

const char *mtfp_csv_library_version(void)
{
    return CSV_VERSION_TEXT(CSV_MAJOR, CSV_MINOR, CSV_RELEASE);
}
