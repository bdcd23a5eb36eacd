/* Financial years and months.
 *
 * A financial year runs from 1 April to 31 March and is written "2009/10"; it
 * is identified by the calendar year it starts in (2009). A month is written
 * "2010-10" and held as an mtfp_month, year * 12 + (month - 1). Within a model,
 * years are counted from the base year: 0 is the base year, 1 the first
 * projection year, up to the horizon. */
#ifndef MTFP_CALENDAR_H
#define MTFP_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MTFP_MAX_YEARS 30 /* the longest horizon */
#define MTFP_DEFAULT_YEARS 3

typedef int32_t mtfp_month;

/* An open end for a period with no last month. */
#define MTFP_MONTH_OPEN INT32_MAX

#define MTFP_YEAR_LABEL_MAX 8 /* "2009/10" and its terminator */

/* Parse "2009/10" (also "2009/2010") to the year it starts in, 1900 to 2199.
 * The second part must be the following year. False otherwise. */
bool mtfp_year_parse(const char *text, size_t len, int *start_year);

/* Write "2009/10" for the financial year starting in start_year. */
void mtfp_year_label(int start_year, char buf[MTFP_YEAR_LABEL_MAX]);

/* Parse "2010-10" to a month. False if the text is not YYYY-MM with a month
 * from 01 to 12. */
bool mtfp_month_parse(const char *text, size_t len, mtfp_month *month);

/* Parse a month "2010-10", or a financial year "2010/11" meaning its first
 * month (April) for the start of a period, its last (March) for the end
 * (end true). False if the text is neither. */
bool mtfp_period_month_parse(const char *text, size_t len, bool end, mtfp_month *month);

/* Write "2010-10". buf needs 8 bytes. */
void mtfp_month_label(mtfp_month month, char buf[8]);

mtfp_month mtfp_month_make(int year, int month_1_to_12);

/* The first month (April) and last month (March) of a financial year. */
mtfp_month mtfp_year_first_month(int start_year);
mtfp_month mtfp_year_last_month(int start_year);

/* The financial year a month falls in (its start year). */
int mtfp_month_year(mtfp_month month);

/* How many months of the financial year starting in start_year fall within
 * [from, to] (inclusive; to may be MTFP_MONTH_OPEN): 0 to 12. The part-year
 * effect of an item in that year is its full-year effect times this / 12. */
int mtfp_months_in_year(int start_year, mtfp_month from, mtfp_month to);

#endif
