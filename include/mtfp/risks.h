/* The risk register: risks scored likelihood x severity (each 1 to 4) and
 * banded LOW, MEDIUM or HIGH, some priced: an impact a year (its full-year
 * effect) over months from and to, with a probability (given, or the
 * likelihood's). A priced risk's expected cost in a year is probability x
 * impact x the months of the year it covers / 12, rounded once; it is not in
 * the net budget requirement unless a scenario materialises the risk, which
 * makes it a pressure. */
#ifndef MTFP_RISKS_H
#define MTFP_RISKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mtfp/calendar.h"
#include "mtfp/diag.h"
#include "mtfp/money.h"
#include "mtfp/names.h"

/* Likelihood and severity are scored 1 to MTFP_RISK_SCALE. */
#define MTFP_RISK_SCALE 4

typedef enum mtfp_risk_band {
    MTFP_RISK_LOW,
    MTFP_RISK_MEDIUM,
    MTFP_RISK_HIGH,
    MTFP_RISK_BANDS
} mtfp_risk_band;

/* "LOW", "MEDIUM", "HIGH". */
const char *mtfp_risk_band_name(mtfp_risk_band band);

typedef struct mtfp_risk {
    char *id; /* its own: ids match exactly, as written */
    char *title;
    char *owner;      /* or NULL */
    char *mitigation; /* or NULL */
    int32_t service;  /* a service of the model, or -1 */
    int likelihood;   /* 1..MTFP_RISK_SCALE */
    int severity;
    bool priced;        /* it has an impact */
    mtfp_pence impact;  /* a year: its full-year effect (priced only) */
    mtfp_month from;    /* the first month it would cost (priced only) */
    mtfp_month to;      /* the last, or MTFP_MONTH_OPEN */
    double probability; /* given: 0 to 1; or -1 for its likelihood's */
    /* Made a pressure by the scenario (materialise): no longer a risk of
     * its plan, and out of its expected cost. */
    bool materialised;
    char *file; /* where the risk was given: risks.csv or a script */
    int line;
} mtfp_risk;

typedef struct mtfp_risks {
    mtfp_risk *items; /* in the order given */
    size_t count;
    size_t cap;
    mtfp_names ids; /* exact */
    /* The bands: a score up to low is LOW, up to medium MEDIUM, above it
     * HIGH (Halton's: 4 and 10). */
    int low, medium;
    /* The probability of a risk that gives none, by likelihood (1..4). */
    double probabilities[MTFP_RISK_SCALE + 1];
    char *file; /* model.lua's risks{}, or NULL */
    int line;
} mtfp_risks;

/* The default bands and probabilities: 1-4 LOW, 5-10 MEDIUM, 11-16 HIGH;
 * likelihood 1 10%, 2 30%, 3 60%, 4 90%. */
#define MTFP_RISK_LOW_DEFAULT 4
#define MTFP_RISK_MEDIUM_DEFAULT 10
extern const double mtfp_risk_default_probabilities[MTFP_RISK_SCALE + 1];

void mtfp_risks_init(mtfp_risks *risks);
void mtfp_risks_free(mtfp_risks *risks);
mtfp_status mtfp_risks_copy(mtfp_risks *dst, const mtfp_risks *src);

/* Add a risk, its strings copied. MTFP_ERR_INPUT, with no message, if its id
 * is taken. */
mtfp_status mtfp_risks_add(mtfp_risks *risks, const mtfp_risk *risk);
/* The risk with this id (exactly), or -1. */
int32_t mtfp_risks_find(const mtfp_risks *risks, const char *id, size_t len);

/* Likelihood x severity. */
int mtfp_risk_score(const mtfp_risk *risk);
/* The band of a score. */
mtfp_risk_band mtfp_risks_band(const mtfp_risks *risks, int score);
/* The risk's probability: its own, else its likelihood's. */
double mtfp_risk_probability(const mtfp_risks *risks, const mtfp_risk *risk);
/* True when the risk counts in the expected cost: priced and not
 * materialised. */
bool mtfp_risk_open_and_priced(const mtfp_risk *risk);

/* The register in the order the pack and risks.csv list it, into order
 * (risks->count entries): the highest score first, risks of one score in
 * the register's order. */
void mtfp_risks_by_score(const mtfp_risks *risks, size_t *order);

/* A risk's figures for years 0..years (base_year the base year's start):
 * exposure[y], what it costs in year y if it happens (impact x the months of
 * y it covers / 12), and expected[y], that times its probability, each
 * rounded once. Both 0 for a risk that is not open and priced, and in the
 * base year (the approved budget). False if a figure does not fit in pence. */
bool mtfp_risk_figures(const mtfp_risks *risks, const mtfp_risk *risk, int base_year, int years,
                       mtfp_pence *exposure, mtfp_pence *expected);

#endif
