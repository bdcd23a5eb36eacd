/* libFuzzer: the money parser. Any input either parses to an amount within
 * the input cap that formats back to the same pence, or is refused with a
 * reason; nothing crashes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mtfp/money.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mtfp_pence pence;
    const char *why = NULL;
    if (!mtfp_money_parse((const char *)data, size, &pence, &why)) {
        if (!why)
            abort();
        return 0;
    }
    if (pence > MTFP_PENCE_INPUT_MAX || pence < -MTFP_PENCE_INPUT_MAX)
        abort();
    char text[MTFP_MONEY_TEXT_MAX];
    mtfp_money_format(pence, text);
    mtfp_pence again;
    if (!mtfp_money_parse(text, strlen(text), &again, &why) || again != pence)
        abort();
    return 0;
}
