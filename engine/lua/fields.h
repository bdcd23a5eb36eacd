/* Reading the fields of the tables scripts pass (pressure{...}, model{...}):
 * each helper raises a Lua error at the calling script line when a field is
 * missing or of the wrong kind, saying what was expected. */
#ifndef MTFP_LUA_FIELDS_H
#define MTFP_LUA_FIELDS_H

#include <lua.h>
#include <stdbool.h>

#include "mtfp/calendar.h"
#include "mtfp/money.h"
#include "mtfp/names.h"

/* Check that the argument is a table whose keys are all in known (NULL
 * ended); an unknown key is an error with the closest known one. */
void mtfp_fields_check(lua_State *L, int arg, const char *what, const char *const *known);

/* A string field: NULL when absent (an error when required). */
const char *mtfp_field_string(lua_State *L, int arg, const char *field, bool required);

/* A number field (finite); false when absent (an error when required). */
bool mtfp_field_number(lua_State *L, int arg, const char *field, bool required, double *out);

/* A boolean field; fallback when absent. */
bool mtfp_field_bool(lua_State *L, int arg, const char *field, bool fallback);

/* An amount in pounds, to pence; false when absent. */
bool mtfp_field_money(lua_State *L, int arg, const char *field, mtfp_pence *out);

/* A month: "2010-10", or a year label "2010/11" meaning its April (its March
 * when end is true). false when absent (an error when required). */
bool mtfp_field_month(lua_State *L, int arg, const char *field, bool required, bool end,
                      mtfp_month *out);

/* A scenario's `from` field (required): a month from the first projection
 * year (the base year is the approved budget) to the last month any horizon
 * reaches (MTFP_MAX_YEARS after the base year), or an error. */
mtfp_month mtfp_field_from(lua_State *L, int arg);

/* Warn, at the calling line, when month is after this run's last year: what
 * ("pressure: from", "funding{}: the amount for") and the month (as_year:
 * its year) are after it, and the run shows nothing of them. A script written
 * for a longer horizon, run with --years or a model of fewer years, still
 * runs. Call it once the call can no longer fail. */
void mtfp_lua_after_horizon(lua_State *L, const char *what, mtfp_month month, bool as_year);

/* A name that heads the pack (what: "scenario: the name", "model: name"):
 * text as given, or an error when it is not one line of UTF-8 text. A
 * control character (a line break, an escape sequence) would break a table's
 * heading, the terminal, or the XML of a chart or a footer. */
const char *mtfp_lua_line(lua_State *L, const char *what, const char *text);

/* Rates at stack index idx: one number (every projection year) or a list of
 * 1 to MTFP_MAX_YEARS, one per projection year, into rates; returns how many.
 * what names the call in errors ("index()"). */
size_t mtfp_lua_rates(lua_State *L, int idx, const char *what, double *rates);

/* In model.lua, an error unless model{} (and so the base year) came first;
 * function names the call ("funding{}"). */
void mtfp_lua_need_base_year(lua_State *L, const char *function);

/* A number as a message shows it: 5, 0.25, 1000000, "not a number (NaN)",
 * "infinity" (Lua's %f gives 5.0, 1000000.0 and -nan). The text may be on
 * the Lua stack. */
const char *mtfp_lua_number(lua_State *L, double value);

/* A number to money, or an error naming what it is. */
mtfp_pence mtfp_lua_money(lua_State *L, int index, const char *what);

/* A name known to names, or an error with the closest. */
uint32_t mtfp_lua_name(lua_State *L, const mtfp_names *names, const char *kind, const char *name);

/* A year label of the model ("2006/07") as a year from the base year, checked
 * to be within 0..MTFP_MAX_YEARS. */
int mtfp_lua_year(lua_State *L, int base_year, const char *label);

/* A year label in a scenario, as a year from the base year: as mtfp_lua_year,
 * and an error for the base year, which is the approved budget in every
 * scenario (what says what the year is for: "capital.slip: year"). */
int mtfp_lua_projection_year(lua_State *L, const char *what, const char *label);

#endif
