#include "mtfp/utf8.h"

size_t mtfp_utf8_valid(const char *text, size_t len)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        unsigned char c = t[i];
        size_t extra = c < 0x80             ? 0
                       : (c & 0xE0) == 0xC0 ? 1
                       : (c & 0xF0) == 0xE0 ? 2
                       : (c & 0xF8) == 0xF0 ? 3
                                            : 4;
        if (extra == 4 || c == 0xC0 || c == 0xC1 || c > 0xF4 || i + extra >= len)
            return i;
        for (size_t k = 1; k <= extra; k++)
            if ((t[i + k] & 0xC0) != 0x80)
                return i;
        if ((c == 0xE0 && t[i + 1] < 0xA0) || (c == 0xED && t[i + 1] > 0x9F) ||
            (c == 0xF0 && t[i + 1] < 0x90) || (c == 0xF4 && t[i + 1] > 0x8F))
            return i;
        i += extra + 1;
    }
    return len;
}

size_t mtfp_utf8_chars(const char *text)
{
    size_t n = 0;
    for (const unsigned char *c = (const unsigned char *)text; *c; c++)
        n += (*c & 0xC0) != 0x80;
    return n;
}

size_t mtfp_utf8_blank(const char *text, size_t len)
{
    if (len >= 1 && (text[0] == ' ' || text[0] == '\t'))
        return 1;
    return len >= 2 && (unsigned char)text[0] == 0xC2 && (unsigned char)text[1] == 0xA0 ? 2 : 0;
}

size_t mtfp_utf8_blank_end(const char *text, size_t len)
{
    if (len >= 1 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
        return 1;
    return len >= 2 && (unsigned char)text[len - 2] == 0xC2 && (unsigned char)text[len - 1] == 0xA0
               ? 2
               : 0;
}
