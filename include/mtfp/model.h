/* The model: an organisation's approved base-year budget and everything the
 * projection needs to roll it forward. Built by the loader (io/ and lua/),
 * then read-only while scenarios are applied and projected. */
#ifndef MTFP_MODEL_H
#define MTFP_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "mtfp/calendar.h"
#include "mtfp/capital.h"
#include "mtfp/diag.h"
#include "mtfp/funding.h"
#include "mtfp/indices.h"
#include "mtfp/items.h"
#include "mtfp/mapping.h"
#include "mtfp/money.h"
#include "mtfp/monitoring.h"
#include "mtfp/names.h"
#include "mtfp/placements.h"
#include "mtfp/pools.h"
#include "mtfp/reserves.h"
#include "mtfp/risks.h"
#include "mtfp/staffing.h"
#include "mtfp/subjective.h"

/* Who provides a line's service (the provision split of the section 251
 * returns): none given, the organisation's own provision, private, other
 * public or voluntary sector. */
typedef enum mtfp_provider {
    MTFP_PROVIDER_NONE,
    MTFP_PROVIDER_OWN,
    MTFP_PROVIDER_PRIVATE,
    MTFP_PROVIDER_OTHER_PUBLIC,
    MTFP_PROVIDER_VOLUNTARY,
    MTFP_PROVIDERS
} mtfp_provider;

/* "own", "private", "other public", "voluntary" ("" for none). */
const char *mtfp_provider_name(mtfp_provider provider);
/* The provider a name means (matched as names are; "own provision" is
 * "own"), or -1. */
int mtfp_provider_find(const char *name, size_t len);

/* Grouping levels above service (revenue.csv's group, or group1 and group2). */
#define MTFP_GROUP_LEVELS 2

/* A line of the revenue budget: one row of revenue.csv. */
typedef struct mtfp_revenue_line {
    uint32_t partner;
    uint32_t service;
    int32_t cost_centre; /* -1 when the row has none */
    uint32_t subjective; /* mtfp_subjective */
    uint32_t index;      /* id in the model's indices */
    mtfp_pence amount;   /* base year */
    int32_t source_line; /* line in the revenue file */
    uint8_t provider;    /* mtfp_provider */
} mtfp_revenue_line;

/* A file the model was built from, with its SHA-256 for the cover sheet. */
typedef struct mtfp_input_file {
    char *role; /* "model", "revenue", "funding", "scenario", ... */
    char *path;
    char sha256[65];
    int line; /* the line of model.lua whose inputs name it; 0 if none does */
} mtfp_input_file;

/* A total stated in the source document that the lines should add up to. */
typedef struct mtfp_control_total {
    char *partner; /* names as model.lua gives them; NULL matches any */
    char *service;
    mtfp_pence amount;
    char *label;
    char *file;
    int line;
} mtfp_control_total;

/* Resource limits for each script run (Lua VM instructions executed, bytes
 * allocated). model.lua may set them within the ceilings. */
#define MTFP_LIMIT_INSTRUCTIONS_DEFAULT 100000000ULL
#define MTFP_LIMIT_INSTRUCTIONS_CEILING 10000000000ULL
#define MTFP_LIMIT_MEMORY_DEFAULT ((size_t)64 << 20)
#define MTFP_LIMIT_MEMORY_CEILING ((size_t)1 << 30)
typedef struct mtfp_limits {
    uint64_t instructions;
    size_t memory;
} mtfp_limits;

#define MTFP_SERVICE_SHARED (-2) /* service_partner[]: held by several partners */

/* How savings are weighed by their delivery confidence (RAG). */
typedef struct mtfp_savings_policy {
    double weight[3];     /* red, amber, green: the share expected to be delivered */
    bool risk_adjusted;   /* cashable savings enter the budget risk-adjusted, not as planned */
    bool weight_given[3]; /* savings{} gave the weight */
    bool budget_given;    /* savings{} gave budget */
} mtfp_savings_policy;

/* The weight of a RAG rating ('R', 'A', 'G'; unrated savings count in full). */
double mtfp_savings_weight(const mtfp_savings_policy *policy, char rag);

typedef struct mtfp_model {
    char *name;
    char *organisation;
    char *dir;     /* the model directory */
    int base_year; /* the financial year the inputs describe, by its start year */
    int years;     /* projection years, 1..MTFP_MAX_YEARS */

    mtfp_names partners;
    mtfp_names services;
    mtfp_names cost_centres;
    int32_t *service_partner; /* by service id: its partner, or MTFP_SERVICE_SHARED */
    /* The groups above services, when revenue.csv has them: group_levels
     * (1 or 2) ids in groups for each service, the top level first. */
    mtfp_names groups;
    int group_levels;
    int32_t *service_groups; /* service s, level l: [s * MTFP_GROUP_LEVELS + l]; -1 not given */
    size_t service_groups_cap;
    /* By service: its place in the tables, after the services of the groups
     * before its own (groups and services each in order of first
     * appearance). */
    uint32_t *service_rank;
    bool providers; /* some revenue line names its provider */

    mtfp_indices indices;
    mtfp_funding funding;
    mtfp_mapping mapping; /* mapping.csv's, when the revenue file is in ledger codes */

    mtfp_revenue_line *lines;
    size_t line_count;
    size_t line_cap;
    mtfp_pence line_sizes; /* the lines' amounts added as sizes (income too) */

    mtfp_items items; /* items every scenario starts with (the Base plan's) */
    mtfp_capital capital;
    mtfp_pools pools;
    mtfp_reserves reserves;
    mtfp_risks risks; /* risks.csv, with model.lua's risks{} */
    mtfp_establishment establishment;
    mtfp_placements placements;
    mtfp_monitoring monitoring; /* the base year's actuals and forecast */

    char **scenarios; /* scenario scripts model.lua lists, resolved paths */
    size_t scenario_count;
    size_t scenario_cap;

    mtfp_input_file *inputs;
    size_t input_count;
    size_t input_cap;

    mtfp_control_total *controls;
    size_t control_count;
    size_t control_cap;

    mtfp_limits limits;
    mtfp_savings_policy savings;
    mtfp_money_rounding rounding; /* model.lua's round_amounts, and what it rounded */
} mtfp_model;

mtfp_status mtfp_model_init(mtfp_model *model);
void mtfp_model_free(mtfp_model *model);

/* Add a revenue line. MTFP_ERR_INPUT when the sizes of the lines' amounts
 * (spend and income alike) would add up to more than int64 holds, so that any
 * sum of base-year amounts fits; the caller says where. */
mtfp_status mtfp_model_add_line(mtfp_model *model, const mtfp_revenue_line *line);
/* Record an input file; sha256 may be NULL (filled in later by the loader).
 * Roles: "model", "revenue", "funding", ... one each, "scenario" for every
 * script applied and "include" for every file a script included. */
mtfp_status mtfp_model_add_input(mtfp_model *model, const char *role, const char *path,
                                 const char *sha256);
/* The first input with this role ("revenue", "funding", ...), or NULL. */
mtfp_input_file *mtfp_model_input(const mtfp_model *model, const char *role);
/* A file a script included (role "include"), listed once however many
 * scripts include it; its SHA-256 is worked out with the other inputs'. */
mtfp_status mtfp_model_add_include(mtfp_model *model, const char *path);
mtfp_status mtfp_model_add_scenario(mtfp_model *model, const char *path);
mtfp_status mtfp_model_add_control(mtfp_model *model, const mtfp_control_total *control);

/* Put a service in its groups (group_levels ids of groups, the top level
 * first). MTFP_ERR_INPUT if it is in other groups already, whose ids go
 * into earlier. */
mtfp_status mtfp_model_group_service(mtfp_model *model, uint32_t service, const uint32_t *groups,
                                     uint32_t *earlier);
/* True if group is one of the service's groups, at any level. */
bool mtfp_model_in_group(const mtfp_model *model, uint32_t service, uint32_t group);

/* Finish loading: work out which partner holds each service and the order
 * of services in the tables. Call once the revenue lines are in. */
mtfp_status mtfp_model_index_lines(mtfp_model *model);

/* Where the model's contributions to reserves are budgeted: its Reserves
 * service (added after revenue.csv's services) at the partner named as the
 * organisation (else the first partner). Call once the revenue lines are in,
 * when the model has reserves. */
mtfp_status mtfp_model_link_reserves(mtfp_model *model);

/* True if the partner holds lines of the service in revenue.csv. */
bool mtfp_model_holds(const mtfp_model *model, uint32_t partner, uint32_t service);

/* The first month of the first projection year: items start no earlier. */
mtfp_month mtfp_model_first_month(const mtfp_model *model);

/* Write the label of year y (0 = base) into buf. */
void mtfp_model_year_label(const mtfp_model *model, int year, char buf[MTFP_YEAR_LABEL_MAX]);

#endif
