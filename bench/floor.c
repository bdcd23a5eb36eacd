/* The floor: libxlsxwriter writing a pack's own cells, bare. bench/run.sh
 * takes mtfp's pack apart and times mtfp against this for the same cells:
 * the same sheets, rows, columns, text and values, but every formula as its
 * cached value, one number format, no other formats, no layout, no charts. A
 * pack cannot be written faster.
 *
 *     unzip -p PACK.xlsx 'xl/worksheets/sheet*.xml' | bench_floor cells CELLS
 *         reads the sheets' XML, writes their cells to CELLS (the format
 *         below) and prints "TEXT OTHER", how many text and other cells;
 *     bench_floor write OUT.xlsx CELLS
 *         writes CELLS' cells to OUT.xlsx in constant-memory mode. It reads
 *         CELLS whole first: a file read from the page cache, a few
 *         hundredths of a second against the seconds of the writing.
 *
 * CELLS is a sequence of records, in sheet and row order:
 *     'S'                              a new sheet;
 *     's' row:u32 col:u16 len:u32 text a text cell (len bytes, its NUL last);
 *     'n' row:u32 col:u16 value:f64    a number (a formula: its cached value).
 * Native byte order: it is made and read on the same machine. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static void fail(const char *what)
{
    fprintf(stderr, "bench_floor: %s\n", what);
    exit(1);
}

/* A growing byte buffer. */
typedef struct {
    char *data;
    size_t len, cap;
} buf;

static void buf_put(buf *b, const void *bytes, size_t n)
{
    if (b->len + n > b->cap) {
        b->cap = (b->len + n) * 2;
        b->data = realloc(b->data, b->cap);
        if (!b->data)
            fail("out of memory");
    }
    memcpy(b->data + b->len, bytes, n);
    b->len += n;
}

/* The characters up to the next '<' (which is read too), into B with the
 * five XML entities decoded and a NUL after. */
static void read_text(FILE *in, buf *b)
{
    static const struct {
        const char *name;
        char c;
    } entities[] = {{"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'}, {"apos;", '\''}};
    b->len = 0;
    int c;
    while ((c = getc(in)) != EOF && c != '<') {
        char ch = (char)c;
        if (c == '&') {
            char name[8] = {0};
            for (size_t i = 0; i < sizeof name - 1 && (c = getc(in)) != EOF; i++) {
                name[i] = (char)c;
                if (c == ';')
                    break;
            }
            ch = 0;
            for (size_t i = 0; i < sizeof entities / sizeof *entities; i++)
                if (!strcmp(name, entities[i].name))
                    ch = entities[i].c;
            if (!ch)
                fail("an XML entity this reader does not know");
        }
        buf_put(b, &ch, 1);
    }
    buf_put(b, "", 1);
}

/* A tag's name and attributes, up to its '>' (read). */
static void read_tag(FILE *in, char *tag, size_t size)
{
    size_t n = 0;
    int c;
    while ((c = getc(in)) != EOF && c != '>')
        if (n + 1 < size)
            tag[n++] = (char)c;
    tag[n] = '\0';
}

/* The value of attribute NAME (e.g. " r=\"") in TAG, or "". */
static const char *attribute(const char *tag, const char *name, char *value, size_t size)
{
    const char *at = strstr(tag, name);
    size_t n = 0;
    if (at)
        for (at += strlen(name); *at && *at != '"' && n + 1 < size; at++)
            value[n++] = *at;
    value[n] = '\0';
    return value;
}

static int floor_cells(const char *path)
{
    FILE *out = fopen(path, "wb");
    if (!out)
        fail("cannot write the cells file");
    buf text = {0}, value = {0};
    char tag[1024], ref[32], type[16];
    long long strings = 0, numbers = 0;
    int c, in_cell = 0, has_value = 0, has_text = 0;
    uint32_t row = 0;
    uint16_t col = 0;
    while ((c = getc(stdin)) != EOF) {
        if (c != '<')
            continue;
        read_tag(stdin, tag, sizeof tag);
        size_t len = strlen(tag);
        if (!strncmp(tag, "worksheet ", 10)) {
            putc('S', out);
        } else if (!strncmp(tag, "c ", 2) && tag[len - 1] != '/') { /* <c .../> is a blank */
            const char *r = attribute(tag, " r=\"", ref, sizeof ref);
            unsigned long column = 0;
            for (; *r >= 'A' && *r <= 'Z'; r++)
                column = column * 26 + (unsigned long)(*r - 'A' + 1);
            col = (uint16_t)(column - 1);
            row = (uint32_t)(strtoul(r, NULL, 10) - 1);
            attribute(tag, " t=\"", type, sizeof type);
            in_cell = 1;
            has_value = has_text = 0;
        } else if (in_cell && !strcmp(tag, "v")) {
            read_text(stdin, &value);
            has_value = 1;
        } else if (in_cell && (!strcmp(tag, "t") || !strncmp(tag, "t ", 2))) {
            read_text(stdin, &text);
            has_text = 1;
        } else if (in_cell && !strcmp(tag, "/c")) {
            in_cell = 0;
            int is_text = !strcmp(type, "inlineStr") || !strcmp(type, "str");
            const buf *t = !strcmp(type, "inlineStr") ? &text : &value;
            if (is_text && (has_text || has_value)) {
                uint32_t n = (uint32_t)t->len;
                putc('s', out);
                fwrite(&row, sizeof row, 1, out);
                fwrite(&col, sizeof col, 1, out);
                fwrite(&n, sizeof n, 1, out);
                fwrite(t->data, 1, n, out);
                strings++;
            } else if (!is_text && has_value) {
                double x = strtod(value.data, NULL);
                putc('n', out);
                fwrite(&row, sizeof row, 1, out);
                fwrite(&col, sizeof col, 1, out);
                fwrite(&x, sizeof x, 1, out);
                numbers++;
            }
        }
    }
    if (fclose(out) != 0)
        fail("cannot write the cells file");
    free(text.data);
    free(value.data);
    printf("%lld %lld\n", strings, numbers);
    return 0;
}

static int floor_write(const char *out, const char *path)
{
    FILE *in = fopen(path, "rb");
    if (!in)
        fail("cannot read the cells file");
    buf all = {0};
    char chunk[1 << 16];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, in)) > 0)
        buf_put(&all, chunk, n);
    fclose(in);

    lxw_workbook_options options = {.constant_memory = LXW_TRUE};
    lxw_workbook *workbook = workbook_new_opt(out, &options);
    lxw_format *money = workbook_add_format(workbook);
    format_set_num_format(money, "#,##0.00_);(#,##0.00);\"-\"??_)");
    lxw_worksheet *sheet = NULL;
    for (const char *p = all.data, *end = all.data + all.len; p < end;) {
        char kind = *p++;
        if (kind == 'S') {
            sheet = workbook_add_worksheet(workbook, NULL);
            continue;
        }
        uint32_t row;
        uint16_t col;
        memcpy(&row, p, sizeof row);
        memcpy(&col, p + sizeof row, sizeof col);
        p += sizeof row + sizeof col;
        if (kind == 's') {
            uint32_t len;
            memcpy(&len, p, sizeof len);
            worksheet_write_string(sheet, row, col, p + sizeof len, NULL);
            p += sizeof len + len;
        } else {
            double x;
            memcpy(&x, p, sizeof x);
            worksheet_write_number(sheet, row, col, x, money);
            p += sizeof x;
        }
    }
    free(all.data);
    return workbook_close(workbook) == LXW_NO_ERROR ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "cells"))
        return floor_cells(argv[2]);
    if (argc == 4 && !strcmp(argv[1], "write"))
        return floor_write(argv[2], argv[3]);
    fprintf(stderr, "usage: bench_floor cells CELLS < SHEETS.xml\n"
                    "       bench_floor write OUT.xlsx CELLS\n");
    return 2;
}
