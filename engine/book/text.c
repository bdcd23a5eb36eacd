/* Text for the pack: names fitted to a cell, a label or a chart, and the
 * lines text takes wrapped in a column. */
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "mtfp/path.h"
#include "mtfp/utf8.h"

const char *mtfp_book_fit(const char *text, char *buf, size_t size)
{
    size_t len = strlen(text);
    if (len < size && mtfp_utf8_valid(text, len) == len)
        return text;
    /* A byte that is not UTF-8 (a string a script built byte by byte, or a
     * name cut short by a label's buffer) becomes U+FFFD; text beyond the
     * buffer is cut at a character's start and ends with an ellipsis. */
    static const char replacement[] = "\uFFFD", ellipsis[] = "\u2026";
    const size_t room = size - sizeof ellipsis; /* and the terminator */
    size_t n = 0, i = 0;
    while (i < len) {
        size_t take = mtfp_utf8_valid(text + i, len - i);
        if (take > room - n) {
            take = room - n;
            while (take > 0 && ((unsigned char)text[i + take] & 0xC0) == 0x80)
                take--;
        }
        memcpy(buf + n, text + i, take);
        n += take;
        i += take;
        if (i == len || n + (sizeof replacement - 1) > room ||
            mtfp_utf8_valid(text + i, len - i) > 0)
            break; /* done, or out of room */
        memcpy(buf + n, replacement, sizeof replacement - 1);
        n += sizeof replacement - 1;
        i++;
    }
    if (i < len) {
        memcpy(buf + n, ellipsis, sizeof ellipsis - 1);
        n += sizeof ellipsis - 1;
    }
    buf[n] = '\0';
    return buf;
}

const char *mtfp_book_chart_text(const char *text, char buf[BOOK_CHART_TEXT])
{
    char fitted[BOOK_CHART_TEXT - 1];
    const char *fit = mtfp_book_fit(text, fitted, sizeof fitted);
    snprintf(buf, BOOK_CHART_TEXT, "%s%s", fit[0] == '=' ? " " : "", fit);
    return buf;
}

void mtfp_book_format(char *buf, size_t size, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    int n = vsnprintf(buf, size, fmt, args);
    va_end(args);
    if (n < 0 || (size_t)n < size)
        return;
    static const char ellipsis[] = "\u2026";
    size_t end = size - sizeof ellipsis; /* room for the ellipsis and the terminator */
    while (end > 0 && ((unsigned char)buf[end] & 0xC0) == 0x80)
        end--; /* to a character's start */
    memcpy(buf + end, ellipsis, sizeof ellipsis);
}

size_t mtfp_book_wrapped_lines(const char *text, size_t width)
{
    size_t lines = 1, used = 0; /* characters on the last line */
    for (const char *c = text; *c;) {
        if (*c == ' ') {
            c++;
            continue;
        }
        size_t word = 0;
        for (; *c && *c != ' '; c++)
            word += ((unsigned char)*c & 0xC0) != 0x80;
        if (used > 0 && used + 1 + word <= width) {
            used += 1 + word;
            continue;
        }
        lines += (used > 0) + (word - 1) / width;
        used = (word - 1) % width + 1;
    }
    return lines;
}

size_t mtfp_book_longest_name(const mtfp_names *names)
{
    size_t longest = 0;
    for (uint32_t i = 0; i < names->count; i++) {
        size_t chars = mtfp_utf8_chars(mtfp_names_get(names, i));
        longest = chars > longest ? chars : longest;
    }
    return longest;
}

void mtfp_book_scenario_heading(const mtfp_book *b, size_t scenario, char *buf, size_t size)
{
    const mtfp_scenario *s = &b->run->scenarios[scenario];
    if (s->file)
        mtfp_book_format(buf, size, "Scenario: %s", s->name);
    else
        mtfp_book_format(buf, size, "%s (the model with no scenario)", s->name);
}

void mtfp_book_source_via(const char *file, int line, const char *via, char *buf, size_t size)
{
    char text[3 * MTFP_DIAG_FILE_MAX];
    mtfp_path_source(file, line, via, text, sizeof text);
    mtfp_book_format(buf, size, "%s", text);
}

void mtfp_book_source(const char *file, int line, char *buf, size_t size)
{
    if (!file || !*file)
        buf[0] = '\0';
    else if (line > 0)
        mtfp_book_format(buf, size, "%s:%d", file, line);
    else
        mtfp_book_format(buf, size, "%s", file);
}
