/* Money: integer pence.
 *
 * Every amount is held as a signed 64-bit count of pence. Expenditure is
 * positive and income negative. A computed amount is rounded to the penny
 * once (half away from zero) and totals are exact integer sums. */
#ifndef MTFP_MONEY_H
#define MTFP_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int64_t mtfp_pence;

/* The largest amount accepted from any input: a million million pounds
 * (10^14 pence). Keeping inputs this far below INT64_MAX (about 9.2 x 10^18)
 * lets tens of thousands of them be summed without overflow; sums are checked
 * all the same. */
#define MTFP_PENCE_INPUT_MAX ((mtfp_pence)100000000000000LL)

/* Parse an amount as finance staff write it: 1234.56, 1,234.56, £1,234.56,
 * -1234.56, -£1,234.56 and the accountants' (1,234.56). Surrounding spaces are
 * ignored; at most two decimal places; thousands separators, when used, must
 * group by three. On failure returns false and sets *why to a phrase that says
 * what was expected (a static string); *out is untouched. */
bool mtfp_money_parse(const char *text, size_t len, mtfp_pence *out, const char **why);

/* As mtfp_money_parse, but an amount with more than two decimal places is
 * rounded to the penny, half away from zero, and *added is what the rounding
 * added to it (negative: took off), in billionths of a penny (digits past the
 * eleventh decimal place are not counted in it). *added is 0 for an amount in
 * whole pence. */
#define MTFP_MONEY_ADDED_UNIT INT64_C(1000000000) /* a penny in *added's units */
bool mtfp_money_parse_rounding(const char *text, size_t len, mtfp_pence *out, int64_t *added,
                               const char **why);

/* Input amounts with more than two decimal places: refused unless enabled
 * (model.lua's round_amounts), when they are rounded to the penny and
 * counted, with what the rounding added in billionths of a penny. */
typedef struct mtfp_money_rounding {
    bool enabled;
    int line; /* model.lua's line that enabled it */
    size_t count;
    int64_t added;
} mtfp_money_rounding;

/* Parse a number that is not an amount (a rate, a count, an FTE, a param's
 * value) as decimal digits with an optional sign, decimal point and exponent:
 * 0.08, -1.5, .5, 1.5e5. Not hexadecimal (0x10), inf or nan, nor spaces.
 * False if text is not such a number or it is too large or small for a
 * double; *out is then untouched. */
bool mtfp_number_parse(const char *text, size_t len, double *out);

/* Convert an amount in pounds held as a double (from Lua or a rate
 * calculation) to pence, rounding half away from zero. False if it is not
 * finite or beyond MTFP_PENCE_INPUT_MAX. */
bool mtfp_money_from_pounds(double pounds, mtfp_pence *out);

/* Round a number of pence to a whole penny, half away from zero. A value
 * within a millionth of a penny of a half counts as a half, so that 10 x 1.05
 * rounds the way a person working it out by hand would. It takes a long
 * double so that figures worked in extended precision (the indices') keep it
 * to the rounding; a double converts exactly. False if the result is not
 * finite or does not fit in int64. */
bool mtfp_money_round(long double pence, mtfp_pence *out);

/* The decimal a rate was written as (the shortest that reads back as the
 * same double: 0.0295 for the double nearest it), to long double precision:
 * the exact rate a person works with, where the double is a hair off. */
long double mtfp_rate_decimal(double rate);

/* Overflow-checked arithmetic: false if the exact result does not fit. */
bool mtfp_money_add(mtfp_pence a, mtfp_pence b, mtfp_pence *out);
bool mtfp_money_sub(mtfp_pence a, mtfp_pence b, mtfp_pence *out);

/* Plain pounds with two decimals and no separators, as the CSV files carry
 * them: "-1234.50". buf needs MTFP_MONEY_TEXT_MAX bytes. */
#define MTFP_MONEY_TEXT_MAX 40
void mtfp_money_format(mtfp_pence amount, char *buf);

/* Pounds for people: "£1,234.50", negatives in brackets "(£1,234.50)".
 * buf needs MTFP_MONEY_TEXT_MAX bytes. */
void mtfp_money_format_display(mtfp_pence amount, char *buf);

/* The amount in pounds as a double, for the workbook's cells. Exact to the
 * penny for any amount below 2^53 pence. */
double mtfp_money_to_pounds(mtfp_pence amount);

#endif
