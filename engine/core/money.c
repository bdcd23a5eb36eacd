#include "mtfp/money.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mtfp/utf8.h"

/* What rounding an amount with more than two decimal places added, in
 * billionths of a penny (MTFP_MONEY_ADDED_UNIT); NULL: such an amount is
 * refused. */
static bool parse(const char *text, size_t len, mtfp_pence *out, int64_t *added, const char **why)
{
    size_t i = 0;
    for (size_t n; (n = mtfp_utf8_blank_end(text, len)) > 0;)
        len -= n;
    for (size_t n; (n = mtfp_utf8_blank(text + i, len - i)) > 0;)
        i += n;
    if (i == len) {
        *why = "an amount, but the field is empty";
        return false;
    }
    bool negative = false;
    bool bracketed = false;
    if (text[i] == '(') {
        if (text[len - 1] != ')') {
            *why = "a closing bracket after a bracketed amount such as (1,234.56)";
            return false;
        }
        bracketed = negative = true;
        i++;
        len--;
    }
    bool pound = false;
    /* A sign and a pound sign, in either order: -£1.00 and £-1.00. */
    for (int k = 0; k < 2 && i < len; k++) {
        if (text[i] == '-' && !negative) {
            negative = true;
            i++;
        } else if (!pound && len - i >= 2 && (unsigned char)text[i] == 0xC2 &&
                   (unsigned char)text[i + 1] == 0xA3) {
            pound = true;
            i += 2;
            for (size_t n; (n = mtfp_utf8_blank(text + i, len - i)) > 0;)
                i += n; /* accounting formats pad after the sign: "£ 1,234.00" */
        }
    }
    if (bracketed && i < len && text[i] == '-') {
        *why = "either brackets or a minus sign for a negative amount, not both";
        return false;
    }
    /* Whole pounds: plain digits, or groups of three separated by commas. */
    uint64_t pounds = 0;
    size_t digits = 0, group = 0;
    bool grouped = false;
    for (; i < len && (text[i] == ',' || (text[i] >= '0' && text[i] <= '9')); i++) {
        if (text[i] == ',') {
            if (digits == 0 || (grouped && group != 3) || (!grouped && group > 3)) {
                *why = "thousands separators that group digits by three, as in 1,234,567.89";
                return false;
            }
            grouped = true;
            group = 0;
            continue;
        }
        if (pounds > (uint64_t)MTFP_PENCE_INPUT_MAX / 100) {
            *why = "an amount no larger than 1,000,000,000,000.00";
            return false;
        }
        pounds = pounds * 10 + (uint64_t)(text[i] - '0');
        digits++;
        group++;
    }
    if (digits == 0 && i == len && negative && !bracketed) {
        *out = 0; /* a dash alone: zero, as accounting formats show it ("-", "£ -") */
        return true;
    }
    if (digits == 0) {
        *why = "an amount such as 1234.56, 1,234.56, £1,234.56, -1234.56 or (1,234.56)";
        return false;
    }
    if (grouped && group != 3) {
        *why = "thousands separators that group digits by three, as in 1,234,567.89";
        return false;
    }
    uint64_t pence = 0;
    /* Past the second decimal place: the first digit there (which rounds
     * half away from zero) and the fraction of a penny, in billionths. */
    int first_past = -1;
    int64_t fraction = 0, scale = MTFP_MONEY_ADDED_UNIT / 10;
    if (i < len && text[i] == '.') {
        i++;
        size_t places = 0;
        for (; i < len && text[i] >= '0' && text[i] <= '9'; i++, places++) {
            if (places >= 2) {
                if (!added) {
                    *why = "at most two decimal places (whole pence), or model.lua's "
                           "round_amounts = true to round them";
                    return false;
                }
                if (first_past < 0)
                    first_past = text[i] - '0';
                fraction += (text[i] - '0') * scale;
                scale /= 10;
                continue;
            }
            pence = pence * 10 + (uint64_t)(text[i] - '0');
        }
        if (places == 0) {
            *why = "digits after the decimal point";
            return false;
        }
        if (places == 1)
            pence *= 10;
    }
    if (i != len) {
        *why = "an amount such as 1234.56, 1,234.56, £1,234.56, -1234.56 or (1,234.56)";
        return false;
    }
    uint64_t total = pounds * 100 + pence;
    int64_t rounding = -fraction; /* what rounding adds to the amount's size */
    if (first_past >= 5) {
        total++;
        rounding = MTFP_MONEY_ADDED_UNIT - fraction;
    }
    if (total > (uint64_t)MTFP_PENCE_INPUT_MAX) {
        *why = "an amount no larger than 1,000,000,000,000.00";
        return false;
    }
    *out = negative ? -(mtfp_pence)total : (mtfp_pence)total;
    if (added)
        *added = negative ? -rounding : rounding;
    return true;
}

bool mtfp_money_parse(const char *text, size_t len, mtfp_pence *out, const char **why)
{
    return parse(text, len, out, NULL, why);
}

bool mtfp_money_parse_rounding(const char *text, size_t len, mtfp_pence *out, int64_t *added,
                               const char **why)
{
    *added = 0;
    return parse(text, len, out, added, why);
}

/* The digits from text[*i]: how many. */
static size_t skip_digits(const char *text, size_t len, size_t *i)
{
    size_t start = *i;
    while (*i < len && text[*i] >= '0' && text[*i] <= '9')
        (*i)++;
    return *i - start;
}

bool mtfp_number_parse(const char *text, size_t len, double *out)
{
    /* The decimal form strtod reads, checked first: strtod also reads hex,
     * inf and nan, and skips leading spaces. */
    size_t i = 0;
    if (i < len && (text[i] == '-' || text[i] == '+'))
        i++;
    size_t digits = skip_digits(text, len, &i);
    if (i < len && text[i] == '.') {
        i++;
        digits += skip_digits(text, len, &i);
    }
    if (digits == 0)
        return false;
    if (i < len && (text[i] == 'e' || text[i] == 'E')) {
        i++;
        if (i < len && (text[i] == '-' || text[i] == '+'))
            i++;
        if (skip_digits(text, len, &i) == 0)
            return false;
    }
    char copy[128];
    if (i != len || len >= sizeof copy)
        return false;
    memcpy(copy, text, len);
    copy[len] = '\0';
    errno = 0;
    double value = strtod(copy, NULL);
    if (errno == ERANGE || !isfinite(value))
        return false;
    *out = value;
    return true;
}

bool mtfp_money_round(long double pence, mtfp_pence *out)
{
    if (!isfinite(pence))
        return false;
    long double size = fabsl(pence);
    /* 2^63 is the first number beyond int64. */
    if (size >= 9223372036854775808.0L)
        return false;
    /* The whole pence, and what is left over. Below 2^52 by way of a double:
     * it can round up to the next whole number, leaving a hair below 0 over,
     * which rounds the same; and it spares the x87 conversion, which with
     * floorl's call into libm was a fifth of a projection's time. */
    mtfp_pence result = size < 4503599627370496.0L ? (mtfp_pence)(double)size : (mtfp_pence)size;
    if (size - (long double)result >= 0.5L - 1e-6L && !mtfp_money_add(result, 1, &result))
        return false;
    *out = pence < 0 ? -result : result;
    return true;
}

long double mtfp_rate_decimal(double rate)
{
    /* The fewest decimal places n / 10^k that read back as rate: n and 10^k
     * are exact doubles (k <= 15, |rate| < 10), so each division rounds
     * correctly, as reading the decimal would. */
    long double scale = 1.0L;
    for (int k = 0; k <= 15 && fabs(rate) < 10; k++, scale *= 10) {
        double n = nearbyint(rate * (double)scale);
        if (n / (double)scale == rate)
            return (long double)n / scale;
    }
    return rate; /* no short decimal: the double is the rate */
}

bool mtfp_money_from_pounds(double pounds, mtfp_pence *out)
{
    mtfp_pence pence;
    if (!isfinite(pounds) || fabs(pounds) > (double)MTFP_PENCE_INPUT_MAX / 100.0)
        return false;
    if (!mtfp_money_round(pounds * 100.0, &pence) || pence > MTFP_PENCE_INPUT_MAX ||
        pence < -MTFP_PENCE_INPUT_MAX)
        return false;
    *out = pence;
    return true;
}

bool mtfp_money_add(mtfp_pence a, mtfp_pence b, mtfp_pence *out)
{
    return !__builtin_add_overflow(a, b, out);
}

bool mtfp_money_sub(mtfp_pence a, mtfp_pence b, mtfp_pence *out)
{
    return !__builtin_sub_overflow(a, b, out);
}

/* The magnitude of an amount as unsigned, so INT64_MIN formats correctly. */
static uint64_t magnitude(mtfp_pence amount)
{
    return amount < 0 ? (uint64_t)0 - (uint64_t)amount : (uint64_t)amount;
}

void mtfp_money_format(mtfp_pence amount, char *buf)
{
    uint64_t size = magnitude(amount);
    snprintf(buf, MTFP_MONEY_TEXT_MAX, "%s%llu.%02llu", amount < 0 ? "-" : "",
             (unsigned long long)(size / 100), (unsigned long long)(size % 100));
}

void mtfp_money_format_display(mtfp_pence amount, char *buf)
{
    uint64_t size = magnitude(amount);
    char digits[24];
    int n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)(size / 100));
    char grouped[40];
    int g = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            grouped[g++] = ',';
        grouped[g++] = digits[i];
    }
    grouped[g] = '\0';
    snprintf(buf, MTFP_MONEY_TEXT_MAX, amount < 0 ? "(£%s.%02llu)" : "£%s.%02llu", grouped,
             (unsigned long long)(size % 100));
}

double mtfp_money_to_pounds(mtfp_pence amount)
{
    return (double)amount / 100.0;
}
