#include "mtfp/risks.h"

#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"

const double mtfp_risk_default_probabilities[MTFP_RISK_SCALE + 1] = {0, 0.1, 0.3, 0.6, 0.9};

const char *mtfp_risk_band_name(mtfp_risk_band band)
{
    static const char *const names[MTFP_RISK_BANDS] = {"LOW", "MEDIUM", "HIGH"};
    return names[band];
}

void mtfp_risks_init(mtfp_risks *risks)
{
    memset(risks, 0, sizeof *risks);
    mtfp_names_init_exact(&risks->ids);
    risks->low = MTFP_RISK_LOW_DEFAULT;
    risks->medium = MTFP_RISK_MEDIUM_DEFAULT;
    memcpy(risks->probabilities, mtfp_risk_default_probabilities, sizeof risks->probabilities);
}

static void clear(mtfp_risk *risk)
{
    free(risk->id);
    free(risk->title);
    free(risk->owner);
    free(risk->mitigation);
    free(risk->file);
}

void mtfp_risks_free(mtfp_risks *risks)
{
    for (size_t i = 0; i < risks->count; i++)
        clear(&risks->items[i]);
    free(risks->items);
    mtfp_names_free(&risks->ids);
    free(risks->file);
    mtfp_risks_init(risks);
}

mtfp_status mtfp_risks_copy(mtfp_risks *dst, const mtfp_risks *src)
{
    mtfp_risks_init(dst);
    dst->low = src->low;
    dst->medium = src->medium;
    memcpy(dst->probabilities, src->probabilities, sizeof dst->probabilities);
    dst->line = src->line;
    if (src->file && !(dst->file = mtfp_strdup(src->file)))
        return MTFP_ERR_MEMORY;
    for (size_t i = 0; i < src->count; i++)
        MTFP_TRY(mtfp_risks_add(dst, &src->items[i]));
    return MTFP_OK;
}

static bool copied(const char *text, char **copy)
{
    *copy = mtfp_strdup(text);
    return !text || *copy;
}

mtfp_status mtfp_risks_add(mtfp_risks *risks, const mtfp_risk *risk)
{
    if (mtfp_risks_find(risks, risk->id, strlen(risk->id)) >= 0)
        return MTFP_ERR_INPUT;
    if (mtfp_grow(&risks->items, &risks->cap, risks->count + 1, sizeof *risks->items))
        return MTFP_ERR_MEMORY;
    mtfp_risk added = *risk;
    bool ok = copied(risk->id, &added.id) & copied(risk->title, &added.title) &
              copied(risk->owner, &added.owner) & copied(risk->mitigation, &added.mitigation) &
              copied(risk->file, &added.file);
    uint32_t id;
    if (!ok || mtfp_names_intern(&risks->ids, risk->id, strlen(risk->id), &id) != MTFP_OK) {
        clear(&added);
        return MTFP_ERR_MEMORY;
    }
    risks->items[risks->count++] = added;
    return MTFP_OK;
}

int32_t mtfp_risks_find(const mtfp_risks *risks, const char *id, size_t len)
{
    return mtfp_names_find(&risks->ids, id, len);
}

int mtfp_risk_score(const mtfp_risk *risk)
{
    return risk->likelihood * risk->severity;
}

mtfp_risk_band mtfp_risks_band(const mtfp_risks *risks, int score)
{
    return score <= risks->low      ? MTFP_RISK_LOW
           : score <= risks->medium ? MTFP_RISK_MEDIUM
                                    : MTFP_RISK_HIGH;
}

double mtfp_risk_probability(const mtfp_risks *risks, const mtfp_risk *risk)
{
    return risk->probability >= 0 ? risk->probability : risks->probabilities[risk->likelihood];
}

bool mtfp_risk_open_and_priced(const mtfp_risk *risk)
{
    return risk->priced && !risk->materialised;
}

bool mtfp_risk_figures(const mtfp_risks *risks, const mtfp_risk *risk, int base_year, int years,
                       mtfp_pence *exposure, mtfp_pence *expected)
{
    exposure[0] = expected[0] = 0;
    bool open = mtfp_risk_open_and_priced(risk);
    /* A probability as written (0.3, where the double is a hair below), as
     * index rates are: 30% of £150,000 for half a year is £22,500.00. */
    long double probability = mtfp_rate_decimal(mtfp_risk_probability(risks, risk));
    for (int y = 1; y <= years; y++) {
        int months = open ? mtfp_months_in_year(base_year + y, risk->from, risk->to) : 0;
        long double cost = (long double)risk->impact * months;
        if (!mtfp_money_round(cost / 12, &exposure[y]) ||
            !mtfp_money_round(probability * cost / 12, &expected[y]))
            return false;
    }
    return true;
}

void mtfp_risks_by_score(const mtfp_risks *risks, size_t *order)
{
    /* An insertion sort: stable, and a register has tens of risks. */
    for (size_t i = 0; i < risks->count; i++) {
        size_t j = i;
        int score = mtfp_risk_score(&risks->items[i]);
        for (; j > 0 && mtfp_risk_score(&risks->items[order[j - 1]]) < score; j--)
            order[j] = order[j - 1];
        order[j] = i;
    }
}
