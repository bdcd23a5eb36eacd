/* The capital programme: schemes with spend and funding phased by year, and
 * the revenue consequences of the borrowing: minimum revenue provision (MRP)
 * and interest from the year after the spend, and the running costs of a
 * completed scheme. The consequences enter the plan as other changes under
 * Capital Financing (running costs under Premises). */
#ifndef MTFP_CAPITAL_H
#define MTFP_CAPITAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mtfp/calendar.h"
#include "mtfp/diag.h"
#include "mtfp/money.h"
#include "mtfp/names.h"

/* capital.csv's figures: spend and the five ways of funding it. */
typedef enum mtfp_capital_column {
    MTFP_CAPITAL_SPEND,
    MTFP_CAPITAL_GRANT,
    MTFP_CAPITAL_BORROWING,
    MTFP_CAPITAL_RECEIPTS,
    MTFP_CAPITAL_CONTRIBUTIONS,
    MTFP_CAPITAL_REVENUE,
    MTFP_CAPITAL_COLUMNS
} mtfp_capital_column;

/* "spend", "grant", ... as capital.csv and the CSV output name them. */
const char *mtfp_capital_column_name(mtfp_capital_column column);

/* The revenue consequences of a scheme. */
typedef enum mtfp_capital_consequence {
    MTFP_CAPITAL_MRP,
    MTFP_CAPITAL_INTEREST,
    MTFP_CAPITAL_RUNNING_COSTS,
    MTFP_CAPITAL_CONSEQUENCES
} mtfp_capital_consequence;

/* "mrp", "interest", "running_costs". */
const char *mtfp_capital_consequence_name(mtfp_capital_consequence consequence);

typedef enum mtfp_mrp_method { MTFP_MRP_STRAIGHT_LINE, MTFP_MRP_ANNUITY } mtfp_mrp_method;

/* How borrowing is paid for: set in model.lua's capital{}. The interest
 * rate and an asset life have no default: borrowing without them is an
 * error (mtfp_capital_check). */
typedef struct mtfp_capital_policy {
    mtfp_mrp_method method;
    double interest_rate; /* on the balance outstanding at the start of a year */
    double annuity_rate;  /* for annuity MRP (default: the interest rate) */
    int asset_life;       /* years, when neither the scheme nor its programme says; 0: none */
    bool method_given;    /* capital{} gave mrp */
    bool interest_given;  /* capital{} gave interest_rate */
    bool annuity_given;   /* capital{} gave annuity_rate */
} mtfp_capital_policy;

typedef struct mtfp_scheme {
    char *name;
    uint32_t programme; /* in the capital programme's names */
    uint32_t partner;   /* the revenue consequences' partner and service */
    uint32_t service;
    mtfp_pence amount[MTFP_CAPITAL_COLUMNS][MTFP_MAX_YEARS + 1]; /* by year from the base year */
    int asset_life;          /* 0: the programme's or the policy's */
    mtfp_pence running_cost; /* a year, once complete; 0 for none */
    int running_from;        /* the first year of running costs, -1 for none */
    uint32_t given;          /* bit y: capital.csv has a row for year y */
    char *file;              /* where it was declared */
    int line;
} mtfp_scheme;

typedef struct mtfp_capital {
    mtfp_capital_policy policy;
    mtfp_names programmes;
    int *programme_life; /* by programme id: asset life, 0 if not set */
    size_t programme_life_cap;
    mtfp_scheme *schemes;
    size_t count;
    size_t cap;
    mtfp_names scheme_names; /* name n is scheme n's: finds a scheme by hash */
} mtfp_capital;

/* An empty programme with the default policy: straight-line MRP, and no
 * interest rate or asset life given. */
void mtfp_capital_init(mtfp_capital *capital);
void mtfp_capital_free(mtfp_capital *capital);
mtfp_status mtfp_capital_copy(mtfp_capital *dst, const mtfp_capital *src);

/* The scheme with this name (names.h matching), or NULL. */
mtfp_scheme *mtfp_capital_find(const mtfp_capital *capital, const char *name);

/* Add an empty scheme (all amounts 0, no running costs) and return it; the
 * pointer is valid until the next add. The name must be new (see
 * mtfp_capital_find): MTFP_ERR_INPUT, with no message, if it is not. */
mtfp_status mtfp_capital_add(mtfp_capital *capital, const char *name, uint32_t programme,
                             const char *file, int line, mtfp_scheme **scheme);

/* Set a programme's asset life (intern the programme). */
mtfp_status mtfp_capital_set_programme_life(mtfp_capital *capital, const char *programme, int life);

/* The asset life a scheme's borrowing is repaid over: its own, its
 * programme's or the policy's; 0 when none is given. */
int mtfp_capital_asset_life(const mtfp_capital *capital, const mtfp_scheme *scheme);

/* True if the scheme borrows in any year. */
bool mtfp_scheme_borrows(const mtfp_scheme *scheme);

/* Every scheme that borrows needs an interest rate and an asset life, which
 * no default supplies: an error at the scheme's row for each one that lacks
 * them (kept, when diag collects, to report them all). */
mtfp_status mtfp_capital_check(const mtfp_capital *capital, mtfp_diag *diag);

/* A scheme's revenue consequences for years 0..years into out[consequence]
 * [year] (year 0 is always 0: the base year's budget already holds the
 * financing of earlier borrowing). Each figure is rounded to the penny once;
 * the balance that interest is charged on is borrowing less the MRP already
 * provided, in exact pence. False if a figure does not fit in pence. */
bool mtfp_capital_consequences(const mtfp_capital *capital, const mtfp_scheme *scheme, int years,
                               mtfp_pence out[MTFP_CAPITAL_CONSEQUENCES][MTFP_MAX_YEARS + 1]);

/* Move share (0..1) of a scheme's spend in year from, and each funding
 * column in proportion, to year to (rounded to the penny; the funding moved
 * adds up to the spend moved). */
void mtfp_capital_slip(mtfp_scheme *scheme, int from, int to, double share);

/* True when every year's funding columns add up to its spend. */
bool mtfp_scheme_balanced(const mtfp_scheme *scheme, int *year);

#endif
