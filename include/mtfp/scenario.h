/* A scenario: what a script changes on top of the model. The Base scenario
 * changes nothing. A scenario owns copies of the parts it may change (indices,
 * funding, the capital programme, the pools) and the items it adds; the model stays
 * read-only. */
#ifndef MTFP_SCENARIO_H
#define MTFP_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>

#include "mtfp/diag.h"
#include "mtfp/funding.h"
#include "mtfp/indices.h"
#include "mtfp/items.h"
#include "mtfp/model.h"
#include "mtfp/names.h"

/* A parameter a script asked for with param(); --set overrides its default. */
typedef struct mtfp_param {
    char *name;
    double value;
    double fallback; /* the default the script gave */
    bool overridden; /* set on the command line */
    bool ranged;     /* the script gave low and high (for the tornado) */
    double low, high;
    char *description; /* what the script says the param is, or NULL */
    char *file;
    int line;
    char *via; /* the helper's line that asked, or NULL (mtfp_item's) */
} mtfp_param;

/* A change with no effect of its own to report, for the Audit sheet:
 * "index pay set to 2.5%, 2%, 2%". */
typedef struct mtfp_note {
    char *kind; /* "index", "funding", ... */
    char *text;
    char *file;
    int line;
    char *via; /* the helper's line that made the call, or NULL (mtfp_item's) */
} mtfp_note;

/* An uncertain.* value a script asked for, for the Assumptions sheet: the
 * call as written, its mean (which every sheet but the Simulation uses),
 * where, and how many times that line asked for the same (in a loop). */
typedef struct mtfp_uncertain_value {
    char *call;       /* "uncertain.normal(0.0295, 0.005)" */
    char *parameters; /* "mean 0.0295, standard deviation 0.005" */
    double mean;
    char *file;
    int line;
    char *via; /* the helper's line that asked, or NULL (mtfp_item's) */
    size_t calls;
} mtfp_uncertain_value;

typedef struct mtfp_scenario {
    char *name;
    char *file;        /* the script, NULL for Base */
    char *name_file;   /* where scenario "..." named it (the script or an include), NULL when */
    int name_line;     /* it is named after its file */
    char *description; /* scenario { description = ... }, or NULL */
    mtfp_indices indices;
    mtfp_funding funding;
    mtfp_items items;
    mtfp_capital capital;
    mtfp_pools pools;               /* the model's, with the scenario's risk-share rules */
    mtfp_reserves reserves;         /* the model's, with the scenario's draws and contributions */
    mtfp_risks risks;               /* the model's register, with the scenario's changes */
    mtfp_staffing_actions staffing; /* what the script does to the establishment */
    mtfp_placements placements;     /* the model's, with the scenario's changes */
    mtfp_param *params;
    size_t param_count;
    size_t param_cap;
    mtfp_note *notes;
    size_t note_count;
    size_t note_cap;
    size_t uncertain;                       /* how many uncertain.* values the script asked for */
    mtfp_uncertain_value *uncertain_values; /* them, one per line and call */
    size_t uncertain_value_count;
    size_t uncertain_value_cap;
    mtfp_names saving_ids; /* the ids of its savings (savings.csv's, saving{}'s), exact */
    char **includes;       /* the files the script included (include "x.lua"), each once */
    size_t include_count;
    size_t include_cap;
} mtfp_scenario;

/* A scenario that starts from the model: its indices, funding and items. */
mtfp_status mtfp_scenario_init(mtfp_scenario *scenario, const mtfp_model *model, const char *name,
                               const char *file);
void mtfp_scenario_free(mtfp_scenario *scenario);

/* Once its script has run: the funding it does not give worked out (sources
 * grown by an index, council tax, its changes; mtfp_funding_resolve) with
 * its indices, and its draws on reserves as the funding source "Use of
 * reserves". */
mtfp_status mtfp_scenario_finish(mtfp_scenario *scenario, int years, mtfp_diag *diag);

mtfp_status mtfp_scenario_add_param(mtfp_scenario *scenario, const mtfp_param *param);
/* The first param the scenario asked for called name (names.h matching), or
 * NULL. */
const mtfp_param *mtfp_scenario_param(const mtfp_scenario *scenario, const char *name);
/* Record a file the script included, once however often. */
mtfp_status mtfp_scenario_add_include(mtfp_scenario *scenario, const char *path);
/* Record an uncertain value the script asked for at file:line (via: a
 * helper's line, or NULL/""): counted with one of the same call at the same
 * line, else added. */
mtfp_status mtfp_scenario_add_uncertain(mtfp_scenario *scenario, const char *call,
                                        const char *parameters, double mean, const char *file,
                                        int line, const char *via);
mtfp_status mtfp_scenario_add_note(mtfp_scenario *scenario, const char *kind, const char *text,
                                   const char *file, int line, const char *via);

#endif
