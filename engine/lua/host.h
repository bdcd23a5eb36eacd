/* The Lua host: one sandboxed state per script, and what the bindings share.
 *
 * The environment is built from an empty table by allow-listing; reading or
 * assigning an undefined global is an error. An instruction-count hook and an
 * allocator with a ceiling stop runaway scripts. Each API area registers its
 * functions with mtfp_host_register from its bind_<area>.c. */
#ifndef MTFP_LUA_HOST_H
#define MTFP_LUA_HOST_H

#include <lauxlib.h>
#include <lua.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mtfp/diag.h"
#include "mtfp/model.h"
#include "mtfp/rng.h"
#include "mtfp/scenario.h"
#include "mtfp/settings.h"

#define MTFP_INCLUDE_DEPTH 32 /* scripts running at once: one and its includes */
#define MTFP_PARTS_MAX 64     /* scenario scripts in one scenario: it and those it uses */

typedef struct mtfp_host {
    lua_State *L;
    int env; /* registry reference of the script's environment */
    size_t memory;
    size_t memory_limit;
    bool memory_exceeded;
    char memory_file[MTFP_DIAG_FILE_MAX]; /* the script and line of the first allocation */
    int memory_line;                      /* refused, or 0 if no script was running */
    uint64_t instructions;
    uint64_t instruction_limit;
    char *dir;       /* the script's directory, for include */
    mtfp_diag *diag; /* where model.lua's print() leaves warnings */
    /* Every file the script loaded (itself and its includes): Lua shortens
     * long names in messages ("...ures/x.lua:3:"); the full name is found
     * here again. */
    char *loaded[32];
    int loaded_count;
    /* The scenario scripts (as loaded: the one run and those it uses), whose
     * lines an item records, through any helper (mtfp_host_source). */
    char *parts[MTFP_PARTS_MAX];
    char *part_names[MTFP_PARTS_MAX]; /* the name each gives itself (scenario "..."), or NULL */
    int part_count;
    /* The real paths of the script and the includes running, outermost
     * first: an include of one of them would never end. */
    char *running[MTFP_INCLUDE_DEPTH];
    int running_count;

    /* What the script changes. For model.lua: model (mutable); for a
     * scenario: scenario, with base the read-only model. */
    mtfp_model *model;
    const mtfp_model *base;
    mtfp_scenario *scenario;
    mtfp_settings *settings;
    mtfp_indices *indices; /* where index() writes */
    mtfp_funding *funding; /* where funding{} writes */
    mtfp_capital *capital; /* the model's (model.lua) or the scenario's */
    mtfp_pools *pools;
    int base_year;
    mtfp_rng *rng; /* uncertain.* draws from it; NULL: they give their means */
    bool named;    /* model{} or scenario "..." already called */
} mtfp_host;

/* Open a state with the limits and the safe environment. */
mtfp_status mtfp_host_open(mtfp_host *host, const mtfp_limits *limits, mtfp_diag *diag);
void mtfp_host_close(mtfp_host *host);

/* Add functions to the script's environment, or as a table of functions
 * (capital.slip, ...) named table. */
void mtfp_host_register(mtfp_host *host, const luaL_Reg *functions);
void mtfp_host_register_table(mtfp_host *host, const char *table, const luaL_Reg *functions);
/* The same for a table that can still be called as the C function of that
 * name registered before it (funding{...} beside funding.change{...}). */
void mtfp_host_register_callable(mtfp_host *host, const char *table, const luaL_Reg *functions);

/* Run the script at path; a Lua error becomes MTFP_ERR_INPUT in diag with the
 * script's FILE:LINE. */
mtfp_status mtfp_host_run(mtfp_host *host, const char *path, mtfp_diag *diag);

/* The host of a state (kept in the state's extra space). */
mtfp_host *mtfp_host_of(lua_State *L);

/* The script file and line that called the running C function. */
const char *mtfp_host_where(lua_State *L, int *line);

/* Where a scenario script made what the running C function records (an
 * item, a staffing action, a note, a param): the line of the scenario's own
 * script, or of a script it uses, that led to the call, through any helper
 * function or included file; and into via the line that made the call
 * ("scripts/common.lua:10"), or "" when that is the same line. */
const char *mtfp_host_source(lua_State *L, int *line, char *via, size_t size);

/* Run the scenario script name (in the directory of the script run, as
 * include's) as a part of the scenario: what it makes records its own lines
 * (mtfp_host_source). A Lua error for a script that cannot be run, that is
 * running, or that the scenario has already (its own or one it uses). */
void mtfp_host_use(lua_State *L, const char *name);

/* The number of the scenario script file is (0: the script run; more: one it
 * uses), or -1 when it is none of them (an included file). */
int mtfp_host_part_of(const mtfp_host *host, const char *file);

/* Record path (as it is loaded) as a scenario script of the scenario, whose
 * lines mtfp_host_source gives. False if there are too many. */
bool mtfp_host_add_part(mtfp_host *host, const char *path);

/* The bindings of each area. */
void mtfp_bind_common(mtfp_host *host);              /* index(), funding{}, print() */
void mtfp_bind_model(mtfp_host *host);               /* model{}, control_total{} */
void mtfp_bind_scenario(mtfp_host *host);            /* scenario, pressure, saving, adjust, param */
void mtfp_bind_capital_model(mtfp_host *host);       /* capital{} in model.lua */
void mtfp_bind_capital_scenario(mtfp_host *host);    /* capital.slip, .add, .reprofile, .fund */
void mtfp_bind_pools_model(mtfp_host *host);         /* pool{} in model.lua */
void mtfp_bind_pools_scenario(mtfp_host *host);      /* pools["name"].risk_share, .cap, ... */
void mtfp_bind_staffing_model(mtfp_host *host);      /* staffing{} in model.lua */
void mtfp_bind_staffing_scenario(mtfp_host *host);   /* staffing.add, .remove, ... */
void mtfp_bind_placements_scenario(mtfp_host *host); /* placements.add, .growth, ... */
void mtfp_bind_uncertain(mtfp_host *host);           /* uncertain.normal, ...: means or draws */
void mtfp_bind_funding_model(mtfp_host *host);       /* reserves{}, council_tax{} in model.lua */
void mtfp_bind_funding_scenario(mtfp_host *host);    /* reserves.draw, council_tax.increase, ... */
void mtfp_bind_monitoring_model(mtfp_host *host);    /* monitoring{} in model.lua */
void mtfp_bind_risks_model(mtfp_host *host);    /* risks{} in model.lua: bands, probabilities */
void mtfp_bind_risks_scenario(mtfp_host *host); /* risk{}, risks["id"].likelihood, ... */

#endif
