/* Text for the pack: what a cell, a label, a chart or a footer can hold. */
#ifndef MTFP_BOOK_TEXT_H
#define MTFP_BOOK_TEXT_H

#include <stddef.h>

#include "book.h"
#include "mtfp/names.h"

/* The most characters a cell holds (Excel's limit). */
#define BOOK_TEXT_MAX 32767
/* Text fit for the pack: text itself when it is UTF-8 and shorter than size,
 * otherwise a copy into buf (size at least 4) with each byte that is not
 * UTF-8 as U+FFFD (the XML must be UTF-8) and, beyond size - 1 bytes, cut
 * with an ellipsis. For chart names, footers and properties. */
const char *mtfp_book_fit(const char *text, char *buf, size_t size);
/* snprintf for a label that holds names: one cut to fit size (at least 4)
 * bytes is cut at a character's start and ends with an ellipsis, so that the
 * reader can see it was cut. */
void mtfp_book_format(char *buf, size_t size, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* A chart's text (a series' or an axis' name) from a user's text (a
 * scenario's name): fitted, and one that starts with '=' (which libxlsxwriter
 * takes for a formula, giving a chart Excel cannot open) after a space. */
#define BOOK_CHART_TEXT 258
const char *mtfp_book_chart_text(const char *text, char buf[BOOK_CHART_TEXT]);
/* The lines text takes wrapped in a column width characters wide (at least
 * 1), word by word, a word longer than a line broken across lines: to set
 * the height of a row of wrapped cells, which LibreOffice does not work out
 * when it opens a pack. One character is counted as wide as a digit of the
 * width's unit, wider than most of Arial 10's, so as not to fall short. */
size_t mtfp_book_wrapped_lines(const char *text, size_t width);
/* The characters in the longest of names. */
size_t mtfp_book_longest_name(const mtfp_names *names);
/* A scenario's name for a heading: "Scenario: Placement pressure" or "Base". */
void mtfp_book_scenario_heading(const mtfp_book *b, size_t scenario, char *buf, size_t size);
/* "file:line" of a source, or "" when there is none. */
void mtfp_book_source(const char *file, int line, char *buf, size_t size);
/* The same with the helper's line that made the call, when there is one
 * (mtfp_path_source): "scripts/savings.lua:14 via common.lua:10". */
void mtfp_book_source_via(const char *file, int line, const char *via, char *buf, size_t size);

#endif
