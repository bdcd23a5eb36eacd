/* The sandboxed Lua state. Learnt from Redis's script_lua.c: an allow-list of
 * globals, errors on undefined globals, a count hook for runaway scripts. */
#define _XOPEN_SOURCE 700

#include "host.h"

#include <errno.h>
#include <limits.h>
#include <lualib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "mtfp/memory.h"
#include "mtfp/names.h"
#include "mtfp/path.h"
#include "mtfp/utf8.h"

#define HOOK_EVERY 1000 /* instructions between checks of the limit */

mtfp_host *mtfp_host_of(lua_State *L)
{
    return *(mtfp_host **)lua_getextraspace(L);
}

static void *allocate(void *ud, void *ptr, size_t old_size, size_t new_size)
{
    mtfp_host *host = ud;
    if (!ptr)
        old_size = 0;
    if (new_size == 0) {
        free(ptr);
        host->memory -= old_size;
        return NULL;
    }
    if (new_size > old_size && new_size - old_size > host->memory_limit - host->memory) {
        /* Lua's memory error has no position: note the line that asked (the
         * stack is only read, and nothing is allocated doing so). */
        if (!host->memory_exceeded && host->L) {
            const char *file = mtfp_host_where(host->L, &host->memory_line);
            snprintf(host->memory_file, sizeof host->memory_file, "%s", file);
        }
        host->memory_exceeded = true;
        return NULL;
    }
    void *grown = realloc(ptr, new_size);
    if (grown)
        host->memory = host->memory - old_size + new_size;
    return grown;
}

static void count_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    mtfp_host *host = mtfp_host_of(L);
    host->instructions += HOOK_EVERY;
    if (host->instructions <= host->instruction_limit)
        return;
    /* From now on every instruction fails, so pcall cannot keep a loop going. */
    lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
    int line;
    const char *file = mtfp_host_where(L, &line);
    lua_pushfstring(L,
                    "%s:%d: the script ran more than %I instructions (an endless loop?); "
                    "model.lua's limits.instructions sets the limit",
                    file, line, (lua_Integer)host->instruction_limit);
    lua_error(L);
}

const char *mtfp_host_where(lua_State *L, int *line)
{
    lua_Debug ar;
    for (int level = 0; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline > 0 && ar.source[0] == '@') {
            *line = ar.currentline;
            return ar.source + 1;
        }
    }
    *line = 0;
    return "?";
}

bool mtfp_host_add_part(mtfp_host *host, const char *path)
{
    if (host->part_count == MTFP_PARTS_MAX)
        return false;
    host->parts[host->part_count] = mtfp_strdup(path);
    if (!host->parts[host->part_count])
        return false;
    host->part_count++;
    return true;
}

int mtfp_host_part_of(const mtfp_host *host, const char *file)
{
    for (int i = 0; i < host->part_count; i++)
        if (strcmp(host->parts[i], file) == 0)
            return i;
    return -1;
}

static bool is_part(const mtfp_host *host, const char *file)
{
    return mtfp_host_part_of(host, file) >= 0;
}

/* The line that led to the call is the innermost main chunk of a scenario
 * script on the stack: a function (a helper in an included file or in the
 * script itself) is called from there, and an included file runs from its
 * include. */
const char *mtfp_host_source(lua_State *L, int *line, char *via, size_t size)
{
    const mtfp_host *host = mtfp_host_of(L);
    int inner_line;
    const char *inner = mtfp_host_where(L, &inner_line);
    via[0] = '\0';
    lua_Debug ar;
    for (int level = 0; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline <= 0 || ar.source[0] != '@' || strcmp(ar.what, "main") != 0 ||
            !is_part(host, ar.source + 1))
            continue;
        *line = ar.currentline;
        if (ar.currentline != inner_line || strcmp(ar.source + 1, inner) != 0)
            snprintf(via, size, "%s:%d", inner, inner_line);
        return ar.source + 1;
    }
    *line = inner_line;
    return inner;
}

/* The closest name the table at index 1 has (the environment, or an API
 * table such as capital), for "did you mean". */
static const char *closest_key(lua_State *L, const char *name)
{
    const char *names[128];
    size_t count = 0;
    lua_pushnil(L);
    while (lua_next(L, 1) != 0) {
        if (lua_type(L, -2) == LUA_TSTRING && count < 128)
            names[count++] = lua_tostring(L, -2);
        lua_pop(L, 1);
    }
    return mtfp_name_closest_of(names, count, name, strlen(name));
}

/* Where a name that is missing here belongs: model.lua's words are not a
 * scenario's, and a scenario's are not model.lua's. */
static const char *belongs_elsewhere(const char *name)
{
    static const struct {
        const char *name, *where;
    } words[] = {{"model", "model.lua, not in a scenario script (was model.lua given with -s?)"},
                 {"control_total", "model.lua, not in a scenario script"},
                 {"scenario", "a scenario script, not in model.lua"},
                 {"pressure", "a scenario script, not in model.lua"},
                 {"adjust", "a scenario script, not in model.lua"},
                 {"param", "a scenario script, not in model.lua"},
                 {"risk", "a scenario script, not in model.lua (the model's register is "
                          "risks.csv)"}};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strcmp(name, words[i].name) == 0)
            return words[i].where;
    return NULL;
}

static int undefined_global(lua_State *L)
{
    const char *name = lua_tostring(L, 2);
    if (!name)
        return luaL_error(L, "undefined global");
    const char *where = belongs_elsewhere(name);
    if (where)
        return luaL_error(L, "'%s' belongs in %s", name, where);
    char hint[MTFP_NAME_HINT_MAX];
    return luaL_error(L, "undefined global '%s'%s", name,
                      mtfp_identifier_hint(closest_key(L, name), hint));
}

static int new_global(lua_State *L)
{
    return luaL_error(L, "assignment to undefined global '%s': declare it with local",
                      lua_tostring(L, 2) ? lua_tostring(L, 2) : "?");
}

/* Copy the named fields of the table at index from into the table on top. */
static void copy_fields(lua_State *L, int from, const char *const *names)
{
    for (; *names; names++) {
        lua_getfield(L, from, *names);
        lua_setfield(L, -2, *names);
    }
}

static const char *const base_names[] = {"assert",       "error",    "ipairs", "next",
                                         "pairs",        "pcall",    "xpcall", "select",
                                         "tonumber",     "tostring", "type",   "setmetatable",
                                         "getmetatable", "rawequal", "rawlen", NULL};
static const char *const string_names[] = {
    "byte", "char",    "find", "format", "gmatch", "gsub",     "len",    "lower", "match",
    "rep",  "reverse", "sub",  "upper",  "pack",   "packsize", "unpack", NULL};
static const char *const table_names[] = {"concat", "insert", "move",   "pack",
                                          "remove", "sort",   "unpack", NULL};
static const char *const math_names[] = {"abs", "ceil", "exp",        "floor", "fmod",       "huge",
                                         "log", "max",  "maxinteger", "min",   "mininteger", "modf",
                                         "pi",  "sqrt", "tointeger",  "type",  "ult",        "sin",
                                         "cos", "tan",  "asin",       "acos",  "atan",       NULL};
static const char *const utf8_names[] = {"char", "charpattern", "codepoint", "codes",
                                         "len",  "offset",      NULL};

/* A library opened into the registry, copied field by field into a new table
 * set as env[name]. Leaves the copy on the stack. */
static void safe_library(lua_State *L, const char *name, lua_CFunction open,
                         const char *const *names)
{
    luaL_requiref(L, name, open, 0);
    lua_newtable(L);
    copy_fields(L, -2, names);
    lua_remove(L, -2);
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, name);
}

static int open_sandbox(lua_State *L)
{
    mtfp_host *host = lua_touserdata(L, 1);
    lua_newtable(L); /* the environment */
    luaL_requiref(L, "_G", luaopen_base, 0);
    lua_pushvalue(L, -2);
    copy_fields(L, -2, base_names);
    lua_pop(L, 2);
    lua_newtable(L);
    lua_setfield(L, -2, "_G"); /* an empty _G: nothing to reach through it */
    safe_library(L, LUA_STRLIBNAME, luaopen_string, string_names);
    /* Strings' methods come from the safe copy (no string.dump), and their
     * metatable cannot be read or replaced. */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushvalue(L, -3);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 3);
    safe_library(L, LUA_TABLIBNAME, luaopen_table, table_names);
    lua_pop(L, 1);
    safe_library(L, LUA_MATHLIBNAME, luaopen_math, math_names);
    lua_pop(L, 1);
    safe_library(L, LUA_UTF8LIBNAME, luaopen_utf8, utf8_names);
    lua_pop(L, 1);
    lua_newtable(L); /* locked globals */
    lua_pushcfunction(L, undefined_global);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, new_global);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    host->env = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

void mtfp_host_register(mtfp_host *host, const luaL_Reg *functions)
{
    lua_State *L = host->L;
    lua_rawgeti(L, LUA_REGISTRYINDEX, host->env);
    for (; functions->name; functions++) {
        lua_pushstring(L, functions->name);
        lua_pushcfunction(L, functions->func);
        lua_rawset(L, -3); /* bypassing the lock on new globals */
    }
    lua_pop(L, 1);
}

/* __index of an API table (its name the upvalue): capital.slips is an error
 * with the closest function, not a nil to call. */
static int unknown_function(lua_State *L)
{
    const char *table = lua_tostring(L, lua_upvalueindex(1));
    const char *name = lua_tostring(L, 2);
    if (!name)
        return luaL_error(L, "%s has its functions by name only", table);
    const char *closest = closest_key(L, name);
    char hint[MTFP_NAME_HINT_MAX];
    if (!closest)
        return luaL_error(L, "%s.%s is not in the API", table, name);
    lua_pushfstring(L, "%s.%s", table, closest);
    return luaL_error(L, "%s.%s is not in the API%s", table, name,
                      mtfp_identifier_hint(lua_tostring(L, -1), hint));
}

/* __call of a callable API table: the function the table took the place of
 * (its upvalue), called on the arguments after the table itself, in this
 * same call so that its errors are at the script's line. */
static int call_replaced(lua_State *L)
{
    lua_CFunction replaced = lua_tocfunction(L, lua_upvalueindex(1));
    lua_remove(L, 1);
    return replaced(L);
}

static void register_table(mtfp_host *host, const char *table, bool callable,
                           const luaL_Reg *functions)
{
    lua_State *L = host->L;
    lua_rawgeti(L, LUA_REGISTRYINDEX, host->env);
    int env = lua_gettop(L);
    lua_pushstring(L, table);
    lua_newtable(L);
    luaL_setfuncs(L, functions, 0);
    lua_newtable(L);
    lua_pushstring(L, table);
    lua_pushcclosure(L, unknown_function, 1);
    lua_setfield(L, -2, "__index");
    if (callable) {
        lua_pushstring(L, table);
        lua_rawget(L, env); /* the function it replaces */
        lua_pushcclosure(L, call_replaced, 1);
        lua_setfield(L, -2, "__call");
    }
    lua_setmetatable(L, -2);
    lua_rawset(L, env);
    lua_pop(L, 1);
}

void mtfp_host_register_table(mtfp_host *host, const char *table, const luaL_Reg *functions)
{
    register_table(host, table, false, functions);
}

void mtfp_host_register_callable(mtfp_host *host, const char *table, const luaL_Reg *functions)
{
    register_table(host, table, true, functions);
}

/* Load a text chunk (never bytecode) with the sandbox as its _ENV. */
static void remember(mtfp_host *host, const char *path)
{
    if (host->loaded_count < (int)(sizeof host->loaded / sizeof *host->loaded)) {
        host->loaded[host->loaded_count] = mtfp_strdup(path);
        if (host->loaded[host->loaded_count])
            host->loaded_count++;
    }
}

/* The whole of a file, or NULL (errno says why). */
static char *read_all(const char *path, size_t *len)
{
    FILE *file = fopen(path, "rb");
    if (!file)
        return NULL;
    size_t cap = 1 << 16;
    char *text = malloc(cap);
    *len = 0;
    size_t got;
    while (text && (got = fread(text + *len, 1, cap - *len, file)) > 0) {
        *len += got;
        if (*len == cap) {
            char *bigger = cap <= SIZE_MAX / 2 ? realloc(text, cap * 2) : NULL;
            if (!bigger)
                free(text);
            text = bigger;
            cap *= 2;
        }
    }
    if (text && ferror(file)) {
        free(text);
        text = NULL;
    }
    fclose(file);
    return text;
}

/* Load a script as luaL_loadfilex would (a byte-order mark and a first line
 * starting with '#' skipped), after checking that it is UTF-8: its strings
 * become the pack's text, which must be. */
static int load_text(lua_State *L, const char *path)
{
    size_t len;
    char *text = read_all(path, &len);
    if (!text) {
        lua_pushfstring(L, "cannot open %s: %s", path, strerror(errno));
        return LUA_ERRFILE;
    }
    size_t start = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (start < len && text[start] == '#')
        while (start < len && text[start] != '\n')
            start++;
    size_t valid = mtfp_utf8_valid(text + start, len - start);
    int status;
    if (valid < len - start) {
        int line = 1, column = 1; /* of the byte, counting characters */
        for (size_t i = 0; i < start + valid; i++) {
            if (text[i] == '\n') {
                line++;
                column = 1;
            } else if ((text[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        /* lua_pushfstring has no %X. */
        char message[MTFP_DIAG_FILE_MAX + 128];
        snprintf(message, sizeof message,
                 "%s:%d: the script is not UTF-8 (a byte 0x%02X at column %d): save it as UTF-8",
                 path, line, (unsigned char)text[start + valid], column);
        lua_pushstring(L, message);
        status = LUA_ERRSYNTAX;
    } else {
        const char *name = lua_pushfstring(L, "@%s", path);
        status = luaL_loadbufferx(L, text + start, len - start, name, "t");
        lua_remove(L, -2); /* the name */
    }
    free(text);
    return status;
}

static int load_script(lua_State *L, const char *path)
{
    remember(mtfp_host_of(L), path);
    int status = load_text(L, path);
    if (status != LUA_OK)
        return status;
    lua_rawgeti(L, LUA_REGISTRYINDEX, mtfp_host_of(L)->env);
    lua_setupvalue(L, -2, 1);
    return LUA_OK;
}

/* Run the chunk on top as the script at real (taking it), which is running
 * until the chunk returns or fails: a failure caught by pcall leaves it
 * running no longer. */
static int run_as(lua_State *L, mtfp_host *host, char *real, int results)
{
    host->running[host->running_count++] = real;
    int status = lua_pcall(L, 0, results, 0);
    free(host->running[--host->running_count]);
    host->running[host->running_count] = NULL;
    return status;
}

/* The error for an include (call "include", verb "includes") or a use of a
 * script that is running: the chain from it ("a.lua, b.lua, a.lua"). Frees
 * real. */
static int include_cycle(lua_State *L, mtfp_host *host, const char *call, const char *verb,
                         const char *name, int from, char *real)
{
    luaL_Buffer chain;
    luaL_buffinit(L, &chain);
    for (int i = from; i < host->running_count; i++) {
        luaL_addstring(&chain, mtfp_path_base(host->running[i]));
        luaL_addstring(&chain, ", ");
    }
    luaL_addstring(&chain, mtfp_path_base(real));
    luaL_pushresult(&chain);
    lua_pushstring(L, mtfp_path_base(real));
    free(real);
    return luaL_error(L, "%s \"%s\": %s %s itself (%s)", call, name, lua_tostring(L, -1), verb,
                      lua_tostring(L, -2));
}

/* Run the script name from the script's directory, as call says (include
 * "common.lua", or a scenario's uses, which verb names in a cycle's error);
 * a part is a scenario script whose lines items record (mtfp_host_source).
 * Returns how many results it left above the stack's top before. */
static int run_file(lua_State *L, const char *name, const char *call, const char *verb, bool part)
{
    mtfp_host *host = mtfp_host_of(L);
    if (mtfp_path_is_absolute(name) || strstr(name, "..") || strchr(name, '\\'))
        return luaL_error(L,
                          "%s \"%s\": give a file in the script's own directory "
                          "(no absolute paths or \"..\")",
                          call, name);
    char *path = mtfp_path_join(host->dir, name);
    char *real_dir = realpath(host->dir, NULL);
    char *real = path ? realpath(path, NULL) : NULL;
    size_t dir_len = real_dir ? strlen(real_dir) : 0;
    bool inside = real && real_dir && strncmp(real, real_dir, dir_len) == 0 && real[dir_len] == '/';
    free(real_dir);
    struct stat st;
    const char *wrong =
        !inside ? lua_pushfstring(L, "no such file in %s (or it links outside it)", host->dir)
        : stat(real, &st) != 0 ? strerror(errno)
        : S_ISDIR(st.st_mode)  ? "a directory, not a script"
        : !S_ISREG(st.st_mode) ? "not a regular file"
        : host->running_count == MTFP_INCLUDE_DEPTH
            ? lua_pushfstring(L, "includes nested more than %d deep", MTFP_INCLUDE_DEPTH)
            : NULL;
    if (wrong) {
        free(path);
        free(real);
        return luaL_error(L, "%s \"%s\": %s", call, name, wrong);
    }
    for (int i = 0; i < host->running_count; i++)
        if (host->running[i] && strcmp(host->running[i], real) == 0) {
            free(path);
            return include_cycle(L, host, call, verb, name, i, real);
        }
    if (part && (is_part(host, path) || !mtfp_host_add_part(host, path))) {
        bool twice = is_part(host, path);
        free(path);
        free(real);
        return luaL_error(L, "%s \"%s\": %s", call, name,
                          twice ? "the scenario has this script already (its own, or one it "
                                  "uses): its changes would count twice"
                                : "too many scripts in one scenario");
    }
    int top = lua_gettop(L);
    int status = load_script(L, path);
    /* The Cover lists every file that shaped the figures, with its SHA-256. */
    mtfp_status recorded = status != LUA_OK ? MTFP_OK
                           : host->scenario ? mtfp_scenario_add_include(host->scenario, path)
                           : host->model    ? mtfp_model_add_include(host->model, path)
                                            : MTFP_OK;
    free(path);
    if (recorded != MTFP_OK) {
        free(real);
        return luaL_error(L, "out of memory");
    }
    if (status == LUA_ERRFILE) {
        free(real);
        return luaL_error(L, "%s \"%s\": %s", call, name, lua_tostring(L, -1));
    }
    if (status != LUA_OK) {
        free(real);
        return lua_error(L);
    }
    if (run_as(L, host, real, LUA_MULTRET) != LUA_OK)
        return lua_error(L);
    return lua_gettop(L) - top;
}

/* include "common.lua": a script from the including script's directory. */
static int include(lua_State *L)
{
    const char *name = luaL_checkstring(L, 1);
    lua_settop(L, 1);
    return run_file(L, name, "include", "includes", false);
}

void mtfp_host_use(lua_State *L, const char *name)
{
    int top = lua_gettop(L);
    run_file(L, name, "uses", "uses", true);
    lua_settop(L, top);
}

mtfp_status mtfp_host_open(mtfp_host *host, const mtfp_limits *limits, mtfp_diag *diag)
{
    memset(host, 0, sizeof *host);
    host->memory_limit = limits->memory;
    host->instruction_limit = limits->instructions;
    host->L = lua_newstate(allocate, host);
    if (!host->L)
        return mtfp_diag_error(diag, MTFP_ERR_MEMORY, NULL, 0, 0, "cannot start Lua");
    *(mtfp_host **)lua_getextraspace(host->L) = host;
    lua_pushcfunction(host->L, open_sandbox);
    lua_pushlightuserdata(host->L, host);
    if (lua_pcall(host->L, 1, 0, 0) != LUA_OK)
        return mtfp_diag_error(diag, MTFP_ERR_MEMORY, NULL, 0, 0, "cannot start Lua: %s",
                               lua_tostring(host->L, -1));
    static const luaL_Reg functions[] = {{"include", include}, {NULL, NULL}};
    mtfp_host_register(host, functions);
    return MTFP_OK;
}

void mtfp_host_close(mtfp_host *host)
{
    if (host->L)
        lua_close(host->L);
    free(host->dir);
    for (int i = 0; i < host->loaded_count; i++)
        free(host->loaded[i]);
    host->loaded_count = 0;
    for (int i = 0; i < host->part_count; i++) {
        free(host->parts[i]);
        free(host->part_names[i]);
        host->part_names[i] = NULL;
    }
    host->part_count = 0;
    host->L = NULL;
    host->dir = NULL;
}

/* The full name of a file Lua shortened to "...tail". */
static const char *full_name(const mtfp_host *host, const char *name, size_t len)
{
    if (len < 3 || strncmp(name, "...", 3) != 0)
        return NULL;
    for (int i = 0; i < host->loaded_count; i++) {
        size_t full = strlen(host->loaded[i]);
        if (full >= len - 3 && strncmp(host->loaded[i] + full - (len - 3), name + 3, len - 3) == 0)
            return host->loaded[i];
    }
    return NULL;
}

/* Split "file:line: message" as Lua writes it into the diag. */
static mtfp_status script_error(const mtfp_host *host, const char *message, const char *path,
                                mtfp_diag *diag)
{
    for (const char *colon = strchr(message, ':'); colon; colon = strchr(colon + 1, ':')) {
        const char *digits = colon + 1;
        const char *end = digits;
        while (*end >= '0' && *end <= '9')
            end++;
        if (end > digits && end - digits < 9 && end[0] == ':' && end[1] == ' ') {
            char file[MTFP_DIAG_FILE_MAX];
            const char *full = full_name(host, message, (size_t)(colon - message));
            if (full)
                snprintf(file, sizeof file, "%s", full);
            else
                snprintf(file, sizeof file, "%.*s", (int)(colon - message), message);
            return mtfp_diag_error(diag, MTFP_ERR_INPUT, file, atoi(digits), 0, "%s", end + 2);
        }
    }
    return mtfp_diag_error(diag, MTFP_ERR_INPUT, path, 0, 0, "%s", message);
}

mtfp_status mtfp_host_run(mtfp_host *host, const char *path, mtfp_diag *diag)
{
    lua_State *L = host->L;
    free(host->dir);
    host->dir = mtfp_path_dir(path);
    host->diag = diag;
    if (!host->dir)
        return MTFP_ERR_MEMORY;
    if (!mtfp_host_add_part(host, path))
        return MTFP_ERR_MEMORY;
    lua_sethook(L, count_hook, LUA_MASKCOUNT, HOOK_EVERY);
    int status = load_script(L, path);
    if (status == LUA_OK)
        status = run_as(L, host, realpath(path, NULL), 0);
    lua_sethook(L, NULL, 0, 0);
    if (status == LUA_OK)
        return MTFP_OK;
    if (host->memory_exceeded || status == LUA_ERRMEM)
        return mtfp_diag_error(diag, MTFP_ERR_INPUT, host->memory_line ? host->memory_file : path,
                               host->memory_line, 0,
                               "the script used more than %zu MiB of memory; model.lua's "
                               "limits.memory sets the limit",
                               host->memory_limit >> 20);
    const char *message = lua_tostring(L, -1);
    return script_error(host, message ? message : "the script raised an error that is not a string",
                        path, diag);
}
