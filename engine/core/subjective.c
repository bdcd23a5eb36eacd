#include "mtfp/subjective.h"

#include <string.h>

#include "mtfp/names.h"

static const char *const names[MTFP_SUBJECTIVE_COUNT] = {
    "Employees",
    "Premises",
    "Transport",
    "Supplies and Services",
    "Third Party Payments",
    "Transfer Payments",
    "Support Services",
    "Capital Financing",
    "Appropriations",
    "Government Grants",
    "Other Grants and Contributions",
    "Customer and Client Receipts",
    "Interest",
    "Recharges",
};

const char *mtfp_subjective_name(mtfp_subjective subjective)
{
    return (unsigned)subjective < MTFP_SUBJECTIVE_COUNT ? names[subjective] : "";
}

int mtfp_subjective_find(const char *name, size_t len)
{
    for (int i = 0; i < MTFP_SUBJECTIVE_COUNT; i++)
        if (mtfp_name_equal(name, len, names[i]))
            return i;
    return -1;
}

const char *mtfp_subjective_closest(const char *name, size_t len)
{
    return mtfp_name_closest_of(names, MTFP_SUBJECTIVE_COUNT, name, len);
}

bool mtfp_subjective_is_income(mtfp_subjective subjective)
{
    return subjective >= MTFP_SUBJ_GOVERNMENT_GRANTS && subjective < MTFP_SUBJECTIVE_COUNT;
}

const char *mtfp_subjective_default_index(mtfp_subjective subjective)
{
    switch (subjective) {
    case MTFP_SUBJ_EMPLOYEES:
        return "pay";
    case MTFP_SUBJ_THIRD_PARTY:
        return "contracts";
    case MTFP_SUBJ_TRANSFER:
    case MTFP_SUBJ_CAPITAL_FINANCING:
    case MTFP_SUBJ_APPROPRIATIONS:
        return "none";
    default:
        return mtfp_subjective_is_income(subjective) ? "fees" : "prices";
    }
}
