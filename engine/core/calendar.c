#include "mtfp/calendar.h"

#include <stdio.h>

static bool digits(const char *text, size_t len, int *value)
{
    int v = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] < '0' || text[i] > '9')
            return false;
        v = v * 10 + (text[i] - '0');
    }
    *value = v;
    return len > 0;
}

static void trim(const char **text, size_t *len)
{
    while (*len > 0 && (**text == ' ' || **text == '\t')) {
        (*text)++;
        (*len)--;
    }
    while (*len > 0 && ((*text)[*len - 1] == ' ' || (*text)[*len - 1] == '\t'))
        (*len)--;
}

bool mtfp_year_parse(const char *text, size_t len, int *start_year)
{
    trim(&text, &len);
    int first, second;
    if (len < 7 || text[4] != '/' || !digits(text, 4, &first))
        return false;
    if (first < 1900 || first > 2199)
        return false;
    if (len == 7) {
        if (!digits(text + 5, 2, &second) || second != (first + 1) % 100)
            return false;
    } else if (len == 9) {
        if (!digits(text + 5, 4, &second) || second != first + 1)
            return false;
    } else {
        return false;
    }
    *start_year = first;
    return true;
}

void mtfp_year_label(int start_year, char buf[MTFP_YEAR_LABEL_MAX])
{
    /* Years are 1900 to 2199 (mtfp_year_parse); unsigned arithmetic lets the
     * compiler see that the label fits. */
    unsigned year = (unsigned)start_year % 10000u;
    snprintf(buf, MTFP_YEAR_LABEL_MAX, "%04u/%02u", year, (year + 1u) % 100u);
}

bool mtfp_month_parse(const char *text, size_t len, mtfp_month *month)
{
    trim(&text, &len);
    int year, m;
    if (len != 7 || text[4] != '-' || !digits(text, 4, &year) || !digits(text + 5, 2, &m))
        return false;
    if (year < 1900 || year > 2199 || m < 1 || m > 12)
        return false;
    *month = mtfp_month_make(year, m);
    return true;
}

bool mtfp_period_month_parse(const char *text, size_t len, bool end, mtfp_month *month)
{
    int year;
    if (mtfp_month_parse(text, len, month))
        return true;
    if (!mtfp_year_parse(text, len, &year))
        return false;
    *month = end ? mtfp_year_last_month(year) : mtfp_year_first_month(year);
    return true;
}

void mtfp_month_label(mtfp_month month, char buf[8])
{
    unsigned m = (unsigned)month;
    snprintf(buf, 8, "%04u-%02u", (m / 12u) % 10000u, m % 12u + 1u);
}

mtfp_month mtfp_month_make(int year, int month_1_to_12)
{
    return (mtfp_month)(year * 12 + (month_1_to_12 - 1));
}

mtfp_month mtfp_year_first_month(int start_year)
{
    return mtfp_month_make(start_year, 4);
}

mtfp_month mtfp_year_last_month(int start_year)
{
    return mtfp_month_make(start_year + 1, 3);
}

int mtfp_month_year(mtfp_month month)
{
    int year = month / 12;
    return month % 12 + 1 >= 4 ? year : year - 1;
}

int mtfp_months_in_year(int start_year, mtfp_month from, mtfp_month to)
{
    mtfp_month first = mtfp_year_first_month(start_year);
    mtfp_month last = mtfp_year_last_month(start_year);
    mtfp_month lo = from > first ? from : first;
    mtfp_month hi = to < last ? to : last;
    return hi >= lo ? (int)(hi - lo + 1) : 0;
}
