/* UTF-8: every text mtfp reads (CSV files, scripts) must be UTF-8, because
 * the pack's XML is. */
#ifndef MTFP_UTF8_H
#define MTFP_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* The length of the longest prefix of text that is well-formed UTF-8 (no
 * overlong forms, surrogates or code points beyond U+10FFFF): len when all
 * of it is. */
size_t mtfp_utf8_valid(const char *text, size_t len);
/* The characters in text (its bytes less UTF-8's continuation bytes): the
 * columns it takes in a terminal or a spreadsheet, near enough ("£" is two
 * bytes, one character). */
size_t mtfp_utf8_chars(const char *text);
/* The bytes of the blank text starts with: a space or a tab (1), or a
 * no-break space (U+00A0, 2), which spreadsheets, web pages and PDFs put in
 * names and amounts where a space is meant; 0 if it starts with none. */
size_t mtfp_utf8_blank(const char *text, size_t len);
/* The same for the blank text ends with. */
size_t mtfp_utf8_blank_end(const char *text, size_t len);
/* An ASCII control character (a line break, a tab, an escape), which no name
 * may hold and no terminal should be sent from one. */
static inline bool mtfp_utf8_control(unsigned char c)
{
    return c < 0x20 || c == 0x7F;
}

#endif
