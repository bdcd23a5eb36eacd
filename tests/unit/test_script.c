/* The Lua host: model.lua, scenario items, the sandbox and its limits. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "mtfp/load.h"
#include "mtfp/memory.h"
#include "mtfp/script.h"

static char dir[64];

static void write_file(const char *name, const char *text)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *file = fopen(path, "w");
    assert_non_null(file);
    fputs(text, file);
    fclose(file);
}

typedef struct fixture {
    mtfp_run run;
    mtfp_scenario *scenario;
} fixture;

static int setup(void **state)
{
    snprintf(dir, sizeof dir, "/tmp/mtfp-test-script-XXXXXX");
    assert_non_null(mkdtemp(dir));
    write_file("model.lua", "model { name = 'Test', base_year = '2009/10', years = 3 }\n"
                            "index('pay', { 0.03, 0.02 })\n"
                            "funding { source = 'Grant', amounts = { ['2009/10'] = 10, "
                            "['2010/11'] = 20.5 }, to = '2010/11' }\n");
    write_file("revenue.csv", "partner,service,subjective,amount\n"
                              "Council,Placements & Resources,Third Party Payments,1000\n"
                              "Council,Assessment,Employees,500\n"
                              "PCT,Assessment,Employees,500\n");
    write_file("risks.csv",
               "id,title,service,likelihood,severity,owner,mitigation,impact,from,to,probability\n"
               "R1,Three more placements,Placements & Resources,3,4,Head of Service,Panel,"
               "450000,2010-10,,\n"
               "R2,Data quality,,2,2,,,,,,\n");
    fixture *f = test_calloc(1, sizeof *f);
    assert_int_equal(mtfp_run_init(&f->run), MTFP_OK);
    assert_int_equal(mtfp_model_load(&f->run.model, dir, 0, &f->run.findings), MTFP_OK);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    mtfp_run_free(&f->run);
    test_free(f);
    char command[128];
    snprintf(command, sizeof command, "rm -rf %s", dir);
    assert_int_equal(system(command), 0);
    return 0;
}

/* Apply a scenario script with this text; returns the status. */
static mtfp_status apply(fixture *f, const char *text)
{
    write_file("s.lua", text);
    char path[128];
    snprintf(path, sizeof path, "%s/s.lua", dir);
    assert_int_equal(mtfp_run_add_scenario(&f->run, "s", path, &f->scenario), MTFP_OK);
    return mtfp_script_apply(&f->run.model, f->scenario, &f->run.settings, NULL, &f->run.findings);
}

static void assert_error(fixture *f, int line, const char *fragment)
{
    assert_int_equal(f->run.findings.status, MTFP_ERR_INPUT);
    assert_int_equal(f->run.findings.line, line);
    if (!strstr(f->run.findings.message, fragment))
        fail_msg("message \"%s\" lacks \"%s\"", f->run.findings.message, fragment);
}

static void test_model_lua_sets_the_model(void **state)
{
    fixture *f = *state;
    const mtfp_model *model = &f->run.model;
    assert_string_equal(model->name, "Test");
    assert_int_equal(model->base_year, 2009);
    assert_int_equal(model->years, 3);
    assert_true(model->indices.items[MTFP_INDEX_PAY].rate[3] == 0.02);
    const mtfp_funding_source *grant = &model->funding.sources[0];
    assert_int_equal(mtfp_funding_source_amount(grant, 1), 2050);
    assert_int_equal(grant->last_year, 1);
    assert_int_equal(model->line_count, 3);
}

static void test_pressure_amount_item_is_resolved(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "scenario 'P'\n"
                              "pressure { service = 'placements and resources', subjective = "
                              "'Third Party Payments', amount = 450000, from = '2010-10', "
                              "to = '2011/12', reason = 'three placements' }\n"),
                     MTFP_OK);
    assert_string_equal(f->scenario->name, "P");
    assert_int_equal(f->scenario->items.count, 1);
    const mtfp_item *item = &f->scenario->items.items[0];
    assert_int_equal(item->kind, MTFP_ITEM_PRESSURE);
    assert_int_equal(item->amount, 45000000);
    assert_int_equal(item->partner, 0);
    assert_int_equal(item->service, 0);
    assert_int_equal(item->subjective, MTFP_SUBJ_THIRD_PARTY);
    assert_int_equal(item->index, MTFP_INDEX_CONTRACTS);
    assert_int_equal(item->from, mtfp_month_make(2010, 10));
    assert_int_equal(item->to, mtfp_month_make(2012, 3));
    assert_int_equal(item->line, 2);
    assert_string_equal(item->reason, "three placements");
}

static void test_percent_saving_on_every_service(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "saving { id = 'EFF', service = '*', percent = 0.03, from = "
                              "'2010/11', type = 'non-cashable', rag = 'Amber' }\n"),
                     MTFP_OK);
    const mtfp_item *item = &f->scenario->items.items[0];
    assert_true(item->by_percent);
    assert_int_equal(item->service, MTFP_ANY);
    assert_int_equal(item->subjective, MTFP_ANY);
    assert_false(item->cashable);
    assert_int_equal(item->rag, 'A');
    assert_string_equal(item->id, "EFF");
    assert_string_equal(f->scenario->name, "s"); /* from the file name */
}

static void test_service_held_by_two_partners_needs_a_partner(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "\nadjust { service = 'Assessment', subjective = 'Employees', "
                              "amount = -1, from = '2010-04' }\n"),
                     MTFP_ERR_INPUT);
    assert_error(f, 2, "held by more than one partner");
}

static void test_unknown_service_suggests_the_closest(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "pressure { service = 'Asessment', subjective = 'Employees', "
                              "partner = 'PCT', amount = 1, from = '2010-04' }\n"),
                     MTFP_ERR_INPUT);
    assert_error(f, 1, "unknown service \"Asessment\" (did you mean \"Assessment\"?)");
}

static void test_scenario_index_changes_the_scenario_only(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "index('pay', 0.05)\n"), MTFP_OK);
    assert_true(f->scenario->indices.items[MTFP_INDEX_PAY].rate[1] == 0.05);
    assert_true(f->run.model.indices.items[MTFP_INDEX_PAY].rate[1] == 0.03);
    assert_int_equal(f->scenario->note_count, 1);
    assert_string_equal(f->scenario->notes[0].kind, "index");
}

static void test_param_takes_the_setting(void **state)
{
    fixture *f = *state;
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    assert_int_equal(mtfp_settings_set(&f->run.settings, "growth", 0.08), MTFP_OK);
    assert_int_equal(apply(f, "local g = param('growth', 0.05)\n"
                              "local h = param('other', 2, { description = 'the other' })\n"
                              "assert(g == 0.08 and h == 2)\n"),
                     MTFP_OK);
    assert_true(f->scenario->params[0].overridden);
    assert_false(f->scenario->params[1].overridden);
    assert_null(f->scenario->params[0].description);
    assert_string_equal(f->scenario->params[1].description, "the other");
    assert_true(f->run.settings.items[0].used);
}

static void test_param_options_not_a_table_names_the_third_argument(void **state)
{
    fixture *f = *state;
    /* Was "bad argument #1". */
    assert_int_equal(apply(f, "local x = 1\nlocal g = param('growth', 0.05, 'a description')\n"),
                     MTFP_ERR_INPUT);
    assert_error(f, 2, "bad argument #3 to 'param' (table expected, got string)");
}

static void test_model_lua_sets_the_script_limits(void **state)
{
    (void)state;
    write_file("model.lua", "model { name = 'Test', base_year = '2009/10',\n"
                            "        limits = { instructions = 2e6, memory = 8 * 2^20 } }\n");
    mtfp_run run;
    assert_int_equal(mtfp_run_init(&run), MTFP_OK);
    assert_int_equal(mtfp_model_load(&run.model, dir, 0, &run.findings), MTFP_OK);
    assert_int_equal(run.model.limits.instructions, 2000000);
    assert_int_equal(run.model.limits.memory, 8 << 20);
    mtfp_run_free(&run);
}

/* A pool's partners are in the order of their names, whatever order the
 * script wrote them in: Lua walks a table's keys in an order that changes
 * from one process to the next, and the pack must not (Walsall's pack put
 * the PCT before or after the Council from run to run). Eight partners in
 * reverse order: a walk that came out sorted by chance would be 1 in 40,320. */
static void test_pool_partners_are_in_name_order(void **state)
{
    (void)state;
    write_file("model.lua", "model { name = 'Test', base_year = '2009/10', years = 3 }\n"
                            "pool { name = 'P', host = 'PCT', services = { 'Assessment' },\n"
                            "       contributions = { PCT = 0.3, G = 0.1, F = 0.1, E = 0.1,\n"
                            "                         D = 0.1, C = 0.1, B = 0.1, A = 0.1 } }\n");
    mtfp_run run;
    assert_int_equal(mtfp_run_init(&run), MTFP_OK);
    assert_int_equal(mtfp_model_load(&run.model, dir, 0, &run.findings), MTFP_OK);
    assert_int_equal(run.model.pools.count, 1);
    const mtfp_pool *pool = &run.model.pools.items[0];
    assert_int_equal(pool->partner_count, 8);
    for (int p = 0; p < 7; p++) {
        char expected[2] = {(char)('A' + p), '\0'};
        assert_string_equal(pool->partners[p].name, expected);
    }
    assert_string_equal(pool->partners[7].name, "PCT");
    assert_int_equal(pool->host, 7);
    assert_true(pool->partners[7].contribution_share > 0.29);
    mtfp_run_free(&run);
}

static void test_a_word_in_the_wrong_file_says_where_it_belongs(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "model { name = 'x', base_year = '2009/10' }\n"), MTFP_ERR_INPUT);
    assert_error(f, 1, "'model' belongs in model.lua, not in a scenario script");
    write_file("model.lua", "model { name = 'Test', base_year = '2009/10' }\n"
                            "param('growth', 0.05)\n");
    mtfp_run run;
    assert_int_equal(mtfp_run_init(&run), MTFP_OK);
    assert_int_equal(mtfp_model_load(&run.model, dir, 0, &run.findings), MTFP_ERR_INPUT);
    assert_int_equal(run.findings.line, 2);
    assert_non_null(strstr(run.findings.message, "'param' belongs in a scenario script"));
    mtfp_run_free(&run);
}

static void test_scenario_takes_a_table(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "scenario { name = 'Tabled', description = 'what it does' }\n"),
                     MTFP_OK);
    assert_string_equal(f->scenario->name, "Tabled");
    assert_string_equal(f->scenario->description, "what it does");
}

static void test_names_are_one_line_of_text(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *script;
        int line;
        const char *error;
    } cases[] = {
        {"local n = param('bad=name', 1)\n", 1,
         "param \"bad=name\": expected a name without \"=\""},
        {"local x = 1\nlocal n = param('two\\nlines', 1)\n", 2,
         "param: the name has a control character (byte 10 at 4)"},
        {"scenario 'Capped at \\xa350,000'\n", 1, "scenario: the name is not UTF-8 (byte 11)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        mtfp_diag_free(&f->run.findings);
        mtfp_diag_init(&f->run.findings);
        assert_int_equal(apply(f, cases[i].script), MTFP_ERR_INPUT);
        assert_error(f, cases[i].line, cases[i].error);
    }
}

static void test_sandbox_has_no_os_or_io(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "local x = 1\nos.execute('true')\n"), MTFP_ERR_INPUT);
    assert_error(f, 2, "undefined global 'os'");
}

static void test_string_metatable_cannot_be_reached(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "assert(getmetatable('') == false)\n"
                              "assert(('').dump == nil and string.dump == nil)\n"
                              "assert(not pcall(function() return load end))\n"
                              "assert(not pcall(function() return require end))\n"
                              "assert(_G.os == nil)\n"
                              "assert(('abc'):upper() == 'ABC')\n"),
                     MTFP_OK);
}

static void test_assigning_a_global_is_an_error(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "local ok = 1\ntotal = 5\n"), MTFP_ERR_INPUT);
    assert_error(f, 2, "declare it with local");
}

static void test_endless_loop_is_stopped_even_inside_pcall(void **state)
{
    fixture *f = *state;
    f->run.model.limits.instructions = 1000000;
    assert_int_equal(apply(f, "while true do pcall(function() while true do end end) end\n"),
                     MTFP_ERR_INPUT);
    assert_error(f, 1, "ran more than 1000000 instructions");
}

static void test_memory_bomb_is_stopped(void **state)
{
    fixture *f = *state;
    f->run.model.limits.memory = 4 << 20;
    assert_int_equal(apply(f, "local n = 100\nlocal s = string.rep('x', n * 2^20)\n"),
                     MTFP_ERR_INPUT);
    assert_error(f, 2, "the script used more than 4 MiB of memory");
}

static void test_include_from_the_same_directory_only(void **state)
{
    fixture *f = *state;
    write_file("common.lua", "return 3 * 150000\n");
    assert_int_equal(apply(f, "local cost = include 'common.lua'\n"
                              "pressure { service = 'Placements & Resources', subjective = "
                              "'Third Party Payments', amount = cost, from = '2010-04' }\n"),
                     MTFP_OK);
    assert_int_equal(f->scenario->items.items[0].amount, 45000000);
    mtfp_scenario_free(f->scenario);
    f->run.count--;
    assert_int_equal(apply(f, "include '../etc/passwd'\n"), MTFP_ERR_INPUT);
    assert_error(f, 1, "the script's own directory");
}

static void test_syntax_error_has_file_and_line(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "local a = 1\n\nlocal b = = 2\n"), MTFP_ERR_INPUT);
    assert_error(f, 3, "unexpected symbol");
    assert_non_null(strstr(f->run.findings.file, "s.lua"));
}

/* Run a model.lua with this text into a fresh model of the fixture's directory. */
static mtfp_status load_model(mtfp_model *model, mtfp_diag *diag, const char *text)
{
    write_file("m.lua", text);
    char path[128];
    snprintf(path, sizeof path, "%s/m.lua", dir);
    assert_int_equal(mtfp_model_init(model), MTFP_OK);
    model->dir = mtfp_strdup(dir);
    mtfp_diag_init(diag);
    return mtfp_script_load_model(model, path, diag);
}

static void test_model_lua_unknown_field_suggests_the_closest(void **state)
{
    (void)state;
    mtfp_model model;
    mtfp_diag diag;
    assert_int_equal(load_model(&model, &diag, "\nmodel { name = 'T', base_yaer = '2009/10' }\n"),
                     MTFP_ERR_INPUT);
    assert_int_equal(diag.line, 2);
    assert_non_null(strstr(diag.message, "unknown field 'base_yaer' (did you mean 'base_year'?)"));
    mtfp_diag_free(&diag);
    mtfp_model_free(&model);
}

static void test_model_lua_policy_that_fails_sets_nothing(void **state)
{
    (void)state;
    mtfp_model model;
    mtfp_diag diag;
    /* Each set the rates it had read before the one it refused. */
    assert_int_equal(
        load_model(&model, &diag,
                   "model { name = 'T', base_year = '2009/10' }\n"
                   "assert(not pcall(staffing, { ni_rate = 0.128, pension_rate = 2 }))\n"
                   "assert(not pcall(capital, { interest_rate = 0.05, asset_life = 0.5 }))\n"
                   "assert(not pcall(capital, { lives = { Schools = 30, ICT = 0 } }))\n"
                   "assert(not pcall(savings, { weights = { amber = 0.25 }, budget = 'all' }))\n"),
        MTFP_OK);
    assert_true(model.establishment.policy.ni_rate == 0);
    assert_true(model.capital.policy.interest_rate == 0);
    assert_int_equal(model.capital.programmes.count, 0);
    assert_true(model.savings.weight[1] == 0.5); /* the default */
    mtfp_diag_free(&diag);
    mtfp_model_free(&model);
}

static void test_model_that_fails_sets_nothing(void **state)
{
    (void)state;
    mtfp_model model;
    mtfp_diag diag;
    /* The limit is refused after the name, years and scenario were read. */
    assert_int_equal(load_model(&model, &diag,
                                "assert(not pcall(model, { name = 'Half', base_year = '2009/10', "
                                "years = 5, scenarios = { 'a.lua' }, limits = { memory = 1 } }))\n"
                                "model { name = 'Whole', base_year = '2010/11' }\n"),
                     MTFP_OK);
    assert_string_equal(model.name, "Whole");
    assert_int_equal(model.base_year, 2010);
    assert_int_equal(model.years, 3); /* the default */
    assert_int_equal(model.scenario_count, 0);
    mtfp_diag_free(&diag);
    mtfp_model_free(&model);
}

static void test_print_in_model_lua_is_a_warning(void **state)
{
    (void)state;
    mtfp_model model;
    mtfp_diag diag;
    assert_int_equal(
        load_model(&model, &diag, "model { name = 'T', base_year = '2009/10' }\nprint('hi', 2)\n"),
        MTFP_OK);
    assert_int_equal(diag.warning_count, 1);
    assert_int_equal(diag.warnings[0].line, 2);
    assert_non_null(strstr(diag.warnings[0].message, "hi\t2"));
    mtfp_diag_free(&diag);
    mtfp_model_free(&model);
}

/* A scenario may make a new index or funding source, but one named close to
 * the model's is most likely misspelt and leaves the one meant as it was: a
 * warning at its line. A new name unlike any, and a known one, are not. */
static void test_a_new_name_close_to_a_known_one_is_a_warning(void **state)
{
    fixture *f = *state;
    size_t before = f->run.findings.warning_count;
    assert_int_equal(apply(f, "index('price', 0.1)\n"
                              "index('prices', 0.1)\n"
                              "index('regional', 0.1)\n"
                              "funding { source = 'Grnat', amounts = { ['2010/11'] = 1 } }\n"
                              "funding { source = 'Grant', amounts = { ['2010/11'] = 1 } }\n"),
                     MTFP_OK);
    assert_int_equal(f->run.findings.warning_count, before + 2);
    assert_int_equal(f->run.findings.warnings[before].line, 1);
    assert_non_null(strstr(f->run.findings.warnings[before].message,
                           "index \"price\" is not one the model has"));
    assert_non_null(strstr(f->run.findings.warnings[before].message, "did you mean \"prices\"?"));
    assert_int_equal(f->run.findings.warnings[before + 1].line, 4);
    assert_non_null(
        strstr(f->run.findings.warnings[before + 1].message, "did you mean \"Grant\"?"));
}

static void test_print_in_a_scenario_is_a_note(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "print('growth', 0.05)\n"), MTFP_OK);
    assert_int_equal(f->scenario->note_count, 1);
    assert_string_equal(f->scenario->notes[0].kind, "print");
    assert_string_equal(f->scenario->notes[0].text, "growth\t0.05");
}

static void test_unknown_item_field_suggests_the_closest(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "pressure { servce = 'Assessment', amount = 1, from = '2010-04' }\n"),
                     MTFP_ERR_INPUT);
    assert_error(f, 1, "unknown field 'servce' (did you mean 'service'?)");
}

static void test_from_before_the_first_projection_year_is_an_error(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "saving { service = '*', percent = 0.01, from = '2009-04' }\n"),
                     MTFP_ERR_INPUT);
    assert_error(f, 1, "from 2009-04 is before the first projection year 2010/11");
}

static void test_to_before_from_is_an_error(void **state)
{
    fixture *f = *state;
    assert_int_equal(
        apply(f, "saving { service = '*', percent = 0.01, from = '2011-04', to = '2010/11' }\n"),
        MTFP_ERR_INPUT);
    assert_error(f, 1, "to is before from");
}

static void test_amount_on_every_service_is_an_error(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "pressure { service = '*', subjective = 'Employees', amount = 1, "
                              "from = '2010-04' }\n"),
                     MTFP_ERR_INPUT);
    assert_error(f, 1, "an amount needs one service and one subjective");
}

/* index and inflate are an amount's: given with a percent they would do
 * nothing, so they are an error at the line. */
static void test_index_or_inflate_with_a_percent_is_an_error(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "saving { service = '*', percent = 0.03, from = '2010-04',\n"
                              "         index = 'prices' }\n"),
                     MTFP_ERR_INPUT);
    assert_error(f, 1, "index applies to an amount; a percent is a share of each line's value");
}

static void test_nan_amount_is_an_error(void **state)
{
    fixture *f = *state;
    /* Numbers as written: they were "-nan", "inf" and "1000000.0". */
    static const struct {
        const char *size;
        const char *error;
    } cases[] = {
        {"amount = 0/0", "amount is not a number (NaN): expected a finite amount"},
        {"amount = -1/0", "amount is minus infinity: expected a finite amount"},
        {"percent = 0/0", "field 'percent' is not a number (NaN): expected a finite number"},
        {"percent = 1e6", "percent = 1000000: expected a share from -1 to 1"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char script[256];
        snprintf(script, sizeof script,
                 "adjust { service = 'Placements & Resources', subjective = "
                 "'Third Party Payments', %s, from = '2010-04' }\n",
                 cases[i].size);
        mtfp_diag_free(&f->run.findings);
        mtfp_diag_init(&f->run.findings);
        assert_int_equal(apply(f, script), MTFP_ERR_INPUT);
        assert_error(f, 1, cases[i].error);
    }
}

static void test_rag_accepts_a_letter(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "saving { service = '*', percent = 0.01, from = '2010-04', "
                              "rag = 'g' }\n"),
                     MTFP_OK);
    assert_int_equal(f->scenario->items.items[0].rag, 'G');
    assert_true(f->scenario->items.items[0].cashable);
}

static void test_undefined_global_suggests_the_closest(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "for k in pairz({}) do end\n"), MTFP_ERR_INPUT);
    assert_error(f, 1, "undefined global 'pairz' (did you mean 'pairs'?)");
}

static void test_table_growth_is_stopped_by_the_memory_limit(void **state)
{
    fixture *f = *state;
    f->run.model.limits.memory = 4 << 20;
    assert_int_equal(apply(f, "local t = {}\nfor i = 1, 1e8 do t[i] = { i } end\n"),
                     MTFP_ERR_INPUT);
    assert_error(f, 2, "the script used more than 4 MiB of memory");
}

static void test_unknown_api_function_suggests_the_closest(void **state)
{
    fixture *f = *state;
    /* Was "attempt to call a nil value (field 'slips')". */
    static const struct {
        const char *script;
        const char *error;
    } cases[] = {
        {"local x = 1\ncapital.slips { scheme = 'S' }\n",
         "capital.slips is not in the API (did you mean 'capital.slip'?)"},
        {"local x = 1\nlocal y = uncertain.normall(5, 1)\n",
         "uncertain.normall is not in the API (did you mean 'uncertain.normal'?)"},
        {"local x = 1\nplacements.ad { type = 'T', count = 1, from = '2010-04' }\n",
         "placements.ad is not in the API (did you mean 'placements.add'?)"},
        {"local x = 1\nstaffing.hire { }\n", "staffing.hire is not in the API"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        mtfp_diag_free(&f->run.findings);
        mtfp_diag_init(&f->run.findings);
        assert_int_equal(apply(f, cases[i].script), MTFP_ERR_INPUT);
        assert_error(f, 2, cases[i].error);
    }
}

static void test_include_rejects_an_absolute_path(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "include '/etc/passwd'\n"), MTFP_ERR_INPUT);
    assert_error(f, 1, "no absolute paths");
}

static void test_include_rejects_a_link_out_of_the_directory(void **state)
{
    fixture *f = *state;
    char link[128];
    snprintf(link, sizeof link, "%s/out.lua", dir);
    assert_int_equal(symlink("/etc/hostname", link), 0);
    assert_int_equal(apply(f, "include 'out.lua'\n"), MTFP_ERR_INPUT);
    assert_error(f, 1, "links outside");
}

static void test_uncertain_numbers_are_their_means_in_a_run(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "assert(uncertain.normal(5, 1) == 5)\n"
                              "assert(uncertain.triangular(1, 2, 6) == 3)\n"
                              "assert(uncertain.poisson(4) == 4)\n"
                              "assert(uncertain.uniform(2, 4) == 3)\n"
                              "assert(uncertain.choice({ 1, 3 }, { 3, 1 }) == 1.5)\n"
                              "pressure { service = 'Placements & Resources', subjective = "
                              "'Third Party Payments', amount = uncertain.triangular(100, 150, "
                              "200), from = '2010-04' }\n"),
                     MTFP_OK);
    assert_int_equal(f->scenario->items.items[0].amount, 15000);
}

static void test_uncertain_with_a_wrong_shape_is_an_error_at_its_line(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "local x = 1\nlocal y = uncertain.triangular(5, 1, 2)\n"),
                     MTFP_ERR_INPUT);
    assert_error(f, 2, "expected min <= mode <= max");
}

static void test_include_cycle_is_an_error_at_its_line(void **state)
{
    fixture *f = *state;
    /* Was "C stack overflow", naming the first script. */
    assert_int_equal(apply(f, "local x = 1\ninclude 's.lua'\n"), MTFP_ERR_INPUT);
    assert_error(f, 2, "include \"s.lua\": s.lua includes itself (s.lua, s.lua)");
    write_file("a.lua", "include 'b.lua'\n");
    write_file("b.lua", "local y = 2\ninclude 'a.lua'\n");
    mtfp_diag_free(&f->run.findings);
    mtfp_diag_init(&f->run.findings);
    assert_int_equal(apply(f, "include 'a.lua'\n"), MTFP_ERR_INPUT);
    assert_error(f, 2, "include \"a.lua\": a.lua includes itself (a.lua, b.lua, a.lua)");
    assert_non_null(strstr(f->run.findings.file, "b.lua"));
    /* A failed include caught by pcall is not left running: common.lua twice is no cycle. */
    write_file("common.lua", "return 1\n");
    mtfp_diag_free(&f->run.findings);
    mtfp_diag_init(&f->run.findings);
    assert_int_equal(apply(f, "assert(not pcall(include, 'a.lua'))\n"
                              "local n = include 'common.lua' + include 'common.lua'\n"),
                     MTFP_OK);
}

static void test_include_of_a_directory_is_an_error_at_its_line(void **state)
{
    fixture *f = *state;
    char sub[128];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    /* Was "s.lua: cannot open .../sub: Is a directory", with no line. */
    assert_int_equal(apply(f, "local x = 1\ninclude 'sub'\n"), MTFP_ERR_INPUT);
    assert_error(f, 2, "include \"sub\": a directory, not a script");
}

static void test_uncertain_choice_of_what_is_not_a_number_is_an_error(void **state)
{
    fixture *f = *state;
    /* Each was taken as 0: the means came out 500, 1333.33 and 1000. */
    static const struct {
        const char *script;
        const char *error;
    } cases[] = {
        {"local x = 1\nlocal y = uncertain.choice({ 1000, 'abc' })\n",
         "uncertain.choice: value 2 is a string: expected a number"},
        {"local x = 1\nlocal y = uncertain.choice({ 1000, nil, 3000 })\n",
         "uncertain.choice: value 2 is missing (nil): expected a number"},
        {"local x = 1\nlocal y = uncertain.choice({ 1000, 3000 }, { 1, 'heavy' })\n",
         "uncertain.choice: weight 2 is a string: expected a number"},
        {"local x = 1\nlocal y = uncertain.choice({ 1000, 3000, x = 1 })\n",
         "uncertain.choice: the values are a list, as in { 1000, 3000 }: key \"x\" is not a "
         "position"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        mtfp_diag_free(&f->run.findings);
        mtfp_diag_init(&f->run.findings);
        assert_int_equal(apply(f, cases[i].script), MTFP_ERR_INPUT);
        assert_error(f, 2, cases[i].error);
    }
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

static void test_risk_rescoring_changes_the_scenario_only(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "risks['R1'].likelihood = 2\nrisks['R1'].probability = 0.2\n"),
                     MTFP_OK);
    const mtfp_risk *risk = &f->scenario->risks.items[0];
    assert_int_equal(risk->likelihood, 2);
    assert_true(risk->probability == 0.2);
    assert_int_equal(f->run.model.risks.items[0].likelihood, 3);
    assert_true(f->run.model.risks.items[0].probability < 0); /* its likelihood's */
    assert_int_equal(f->scenario->note_count, 2);
    assert_string_equal(f->scenario->notes[0].text,
                        "risk R1 re-scored: likelihood 3 -> 2, score 12 (HIGH) -> 8 (MEDIUM)");
    assert_int_equal(f->scenario->notes[1].line, 2);
}

static void test_risk_fields_read_as_the_scenario_has_them(void **state)
{
    fixture *f = *state;
    assert_int_equal(
        apply(f, "local r = risks['R1']\n"
                 "assert(r.score == 12 and r.band == 'HIGH' and r.impact == 450000)\n"
                 "assert(r.probability == 0.6 and r.service == 'Placements & Resources')\n"
                 "assert(risks['R2'].impact == nil and risks['R2'].service == nil)\n"
                 "r.severity = 2\n"
                 "assert(r.score == 6 and r.band == 'MEDIUM' and not r.materialised)\n"),
        MTFP_OK);
}

static void test_materialise_makes_a_pressure_of_the_impact(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "scenario 'M'\nrisks['R1'].materialise { from = '2011-04' }\n"),
                     MTFP_OK);
    assert_int_equal(f->scenario->items.count, 1);
    const mtfp_item *item = &f->scenario->items.items[0];
    assert_int_equal(item->kind, MTFP_ITEM_PRESSURE);
    assert_true(item->risk);
    assert_false(item->inflate); /* cash, as its expected cost is */
    assert_int_equal(item->amount, 45000000);
    assert_int_equal(item->service, 0);
    assert_int_equal(item->partner, 0);
    assert_int_equal(item->subjective, MTFP_SUBJ_THIRD_PARTY); /* where the service spends */
    assert_int_equal(item->from, mtfp_month_make(2011, 4));
    assert_int_equal(item->to, MTFP_MONTH_OPEN);
    assert_string_equal(item->id, "R1");
    assert_int_equal(item->line, 2);
    assert_true(f->scenario->risks.items[0].materialised);
    assert_false(f->run.model.risks.items[0].materialised);
}

static void test_materialise_with_a_colon_and_a_subjective(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "risks['R1']:materialise { from = '2011-04', to = '2012-03', "
                              "subjective = 'Supplies and Services' }\n"),
                     MTFP_OK);
    const mtfp_item *item = &f->scenario->items.items[0];
    assert_int_equal(item->subjective, MTFP_SUBJ_SUPPLIES);
    assert_int_equal(item->to, mtfp_month_make(2012, 3));
}

static void test_materialise_twice_is_an_error(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "risks['R1'].materialise { from = '2011-04' }\n"
                              "risks['R1'].materialise { from = '2012-04' }\n"),
                     MTFP_ERR_INPUT);
    assert_error(f, 2, "risk R1 is materialised already");
}

static void test_materialise_a_risk_without_a_service_needs_one(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "risk { id = 'R3', title = 'Tribunal', likelihood = 2, severity = 2, "
                              "impact = 1000, from = '2010-04' }\n"
                              "risks['R3'].materialise { from = '2010-04' }\n"),
                     MTFP_ERR_INPUT);
    assert_error(f, 2, "risk R3 names no service: give service = ");
}

static void test_unknown_risk_suggests_the_closest(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f, "risks['R7'].likelihood = 1\n"), MTFP_ERR_INPUT);
    assert_error(f, 1, "unknown risk \"R7\" (did you mean \"R1\"?)");
}

static void test_risk_adds_a_risk_of_its_own_id(void **state)
{
    fixture *f = *state;
    assert_int_equal(apply(f,
                           "risk { id = 'R7', title = 'Tribunal costs', service = 'Assessment', "
                           "likelihood = 2, severity = 4, impact = 50000, from = '2011-04', "
                           "probability = 0.25 }\n"
                           "assert(not pcall(risk, { id = 'R1', title = 'Again', likelihood = 1, "
                           "severity = 1 }))\n"),
                     MTFP_OK);
    assert_int_equal(f->scenario->risks.count, 3);
    assert_int_equal(f->run.model.risks.count, 2);
    const mtfp_risk *risk = &f->scenario->risks.items[2];
    assert_string_equal(risk->id, "R7");
    assert_int_equal(risk->service, 1);
    assert_true(risk->priced);
    assert_int_equal(risk->impact, 5000000);
    assert_int_equal(risk->from, mtfp_month_make(2011, 4));
    assert_true(risk->probability == 0.25);
    assert_int_equal(risk->line, 1);
}

static void test_risk_scores_out_of_range_are_errors(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *script, *message;
    } cases[] = {
        {"risks['R1'].severity = 0",
         "risks[\"R1\"].severity is 0: expected a whole number from 1 to 4"},
        {"risks['R1'].likelihood = 2.5", "is 2.5: expected a whole number from 1 to 4"},
        {"risks['R1'].probability = 1.5", "is 1.5: expected 0 to 1"},
        {"risks['R1'].title = 'x'", "cannot be set"},
        {"risks['R1'] = {}", "cannot be replaced"},
        {"local x = risks['R1'].scor", "has no field 'scor' (did you mean 'score'?)"},
        {"risk { id = 'R9', title = '', likelihood = 1, severity = 1 }", "expected a title"},
        {"risk { id = 'R9', title = 'T', likelihood = 1, severity = 1, impact = 5 }",
         "an impact needs from"},
        {"risk { id = 'R9', title = 'T', likelihood = 1, severity = 1, from = '2010-04' }",
         "from is a month of the risk's impact: give impact too"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        mtfp_diag_free(&f->run.findings);
        mtfp_diag_init(&f->run.findings);
        assert_int_equal(apply(f, cases[i].script), MTFP_ERR_INPUT);
        assert_error(f, 1, cases[i].message);
    }
}

static void test_model_lua_risks_sets_bands_and_probabilities(void **state)
{
    (void)state;
    mtfp_model model;
    mtfp_diag diag;
    assert_int_equal(load_model(&model, &diag,
                                "model { name = 'T', base_year = '2009/10' }\n"
                                "risks { bands = { low = 3, medium = 8 }, "
                                "probabilities = { 0.05, 0.2, 0.5, 0.8 } }\n"),
                     MTFP_OK);
    assert_int_equal(model.risks.low, 3);
    assert_int_equal(model.risks.medium, 8);
    assert_true(model.risks.probabilities[4] == 0.8);
    assert_int_equal(model.risks.line, 2);
    mtfp_diag_free(&diag);
    mtfp_model_free(&model);
    assert_int_equal(load_model(&model, &diag,
                                "model { name = 'T', base_year = '2009/10' }\n"
                                "risks { probabilities = { 0.1, 0.3, 0.6 } }\n"),
                     MTFP_ERR_INPUT);
    assert_non_null(strstr(diag.message, "one for each likelihood from 1 to 4"));
    assert_int_equal(model.risks.probabilities[4] == 0.9, true); /* nothing set */
    mtfp_diag_free(&diag);
    mtfp_model_free(&model);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(test_model_lua_sets_the_model),
        TEST(test_pressure_amount_item_is_resolved),
        TEST(test_percent_saving_on_every_service),
        TEST(test_service_held_by_two_partners_needs_a_partner),
        TEST(test_unknown_service_suggests_the_closest),
        TEST(test_scenario_index_changes_the_scenario_only),
        TEST(test_param_takes_the_setting),
        TEST(test_param_options_not_a_table_names_the_third_argument),
        TEST(test_model_lua_sets_the_script_limits),
        TEST(test_scenario_takes_a_table),
        TEST(test_pool_partners_are_in_name_order),
        TEST(test_a_word_in_the_wrong_file_says_where_it_belongs),
        TEST(test_names_are_one_line_of_text),
        TEST(test_sandbox_has_no_os_or_io),
        TEST(test_string_metatable_cannot_be_reached),
        TEST(test_assigning_a_global_is_an_error),
        TEST(test_endless_loop_is_stopped_even_inside_pcall),
        TEST(test_memory_bomb_is_stopped),
        TEST(test_include_from_the_same_directory_only),
        TEST(test_syntax_error_has_file_and_line),
        TEST(test_uncertain_numbers_are_their_means_in_a_run),
        TEST(test_uncertain_with_a_wrong_shape_is_an_error_at_its_line),
        TEST(test_uncertain_choice_of_what_is_not_a_number_is_an_error),
        TEST(test_model_lua_unknown_field_suggests_the_closest),
        TEST(test_print_in_model_lua_is_a_warning),
        TEST(test_a_new_name_close_to_a_known_one_is_a_warning),
        TEST(test_model_lua_policy_that_fails_sets_nothing),
        TEST(test_model_that_fails_sets_nothing),
        TEST(test_print_in_a_scenario_is_a_note),
        TEST(test_unknown_item_field_suggests_the_closest),
        TEST(test_from_before_the_first_projection_year_is_an_error),
        TEST(test_to_before_from_is_an_error),
        TEST(test_amount_on_every_service_is_an_error),
        TEST(test_index_or_inflate_with_a_percent_is_an_error),
        TEST(test_nan_amount_is_an_error),
        TEST(test_rag_accepts_a_letter),
        TEST(test_undefined_global_suggests_the_closest),
        TEST(test_unknown_api_function_suggests_the_closest),
        TEST(test_table_growth_is_stopped_by_the_memory_limit),
        TEST(test_include_rejects_an_absolute_path),
        TEST(test_include_rejects_a_link_out_of_the_directory),
        TEST(test_include_cycle_is_an_error_at_its_line),
        TEST(test_include_of_a_directory_is_an_error_at_its_line),
        TEST(test_risk_rescoring_changes_the_scenario_only),
        TEST(test_risk_fields_read_as_the_scenario_has_them),
        TEST(test_materialise_makes_a_pressure_of_the_impact),
        TEST(test_materialise_with_a_colon_and_a_subjective),
        TEST(test_materialise_twice_is_an_error),
        TEST(test_materialise_a_risk_without_a_service_needs_one),
        TEST(test_unknown_risk_suggests_the_closest),
        TEST(test_risk_adds_a_risk_of_its_own_id),
        TEST(test_risk_scores_out_of_range_are_errors),
        TEST(test_model_lua_risks_sets_bands_and_probabilities),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
