/* Subjectives: the kinds of spend and income, as CIPFA's Service Reporting
 * Code of Practice groups them, and Appropriations for what a plan puts into
 * reserves. */
#ifndef MTFP_SUBJECTIVE_H
#define MTFP_SUBJECTIVE_H

#include <stdbool.h>
#include <stddef.h>

typedef enum mtfp_subjective {
    MTFP_SUBJ_EMPLOYEES,
    MTFP_SUBJ_PREMISES,
    MTFP_SUBJ_TRANSPORT,
    MTFP_SUBJ_SUPPLIES,
    MTFP_SUBJ_THIRD_PARTY,
    MTFP_SUBJ_TRANSFER,
    MTFP_SUBJ_SUPPORT,
    MTFP_SUBJ_CAPITAL_FINANCING,
    MTFP_SUBJ_APPROPRIATIONS, /* transfers to reserves, below the cost of services */
    MTFP_SUBJ_GOVERNMENT_GRANTS,
    MTFP_SUBJ_OTHER_GRANTS,
    MTFP_SUBJ_CUSTOMER_RECEIPTS,
    MTFP_SUBJ_INTEREST,
    MTFP_SUBJ_RECHARGES,
    MTFP_SUBJECTIVE_COUNT
} mtfp_subjective;

/* "Employees", "Third Party Payments", ... */
const char *mtfp_subjective_name(mtfp_subjective subjective);

/* The subjective with this name (matched as names.h describes), or -1. */
int mtfp_subjective_find(const char *name, size_t len);

/* The closest subjective name to a misspelling, or NULL. */
const char *mtfp_subjective_closest(const char *name, size_t len);

/* True for the income subjectives (Government Grants to Recharges). */
bool mtfp_subjective_is_income(mtfp_subjective subjective);

/* The name of the index that a line of this subjective follows unless it says
 * otherwise: "pay", "contracts", "fees", "prices" or "none". */
const char *mtfp_subjective_default_index(mtfp_subjective subjective);

#endif
