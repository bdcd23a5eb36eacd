/* Outputs: written to temporary files, renamed into place only on commit. */
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

#include "mtfp/output.h"

static char dir[64];
static char pack[128];
/* Each test's outputs and diagnostics, fresh from setup; teardown frees
 * them (abandoning what was not committed). */
static mtfp_outputs outputs;
static mtfp_diag diag;

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/mtfp-test-output-XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(pack, sizeof pack, "%s/pack.xlsx", dir);
    FILE *file = fopen(pack, "w");
    assert_non_null(file);
    fputs("earlier pack", file);
    fclose(file);
    mtfp_outputs_init(&outputs);
    mtfp_diag_init(&diag);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    mtfp_outputs_free(&outputs);
    mtfp_diag_free(&diag);
    unlink(pack);
    rmdir(dir);
    return 0;
}

static void write_text(const char *path, const char *text)
{
    FILE *file = fopen(path, "w");
    assert_non_null(file);
    fputs(text, file);
    fclose(file);
}

static void assert_file_holds(const char *path, const char *text)
{
    char buf[64] = {0};
    FILE *file = fopen(path, "r");
    assert_non_null(file);
    assert_true(fread(buf, 1, sizeof buf - 1, file) > 0);
    fclose(file);
    assert_string_equal(buf, text);
}

static int entries(void)
{
    char command[128];
    snprintf(command, sizeof command, "ls -A %s | wc -l", dir);
    FILE *ls = popen(command, "r");
    int count = -1;
    assert_int_equal(fscanf(ls, "%d", &count), 1);
    pclose(ls);
    return count;
}

static void test_commit_replaces_the_earlier_file(void **state)
{
    (void)state;
    const char *temporary;
    assert_int_equal(mtfp_outputs_add(&outputs, pack, &temporary, &diag), MTFP_OK);
    assert_string_not_equal(temporary, pack);
    write_text(temporary, "new pack");
    assert_file_holds(pack, "earlier pack");
    assert_int_equal(mtfp_outputs_commit(&outputs, &diag), MTFP_OK);
    assert_file_holds(pack, "new pack");
    assert_int_equal(entries(), 1);
}

static void test_abandoned_outputs_leave_the_earlier_file_and_no_litter(void **state)
{
    (void)state;
    const char *temporary;
    assert_int_equal(mtfp_outputs_add(&outputs, pack, &temporary, &diag), MTFP_OK);
    write_text(temporary, "half a pack");
    mtfp_outputs_free(&outputs);
    assert_file_holds(pack, "earlier pack");
    assert_int_equal(entries(), 1);
}

static void test_missing_directory_is_an_output_error(void **state)
{
    (void)state;
    const char *temporary;
    char path[160];
    snprintf(path, sizeof path, "%s/no/such/dir/pack.xlsx", dir);
    assert_int_equal(mtfp_outputs_add(&outputs, path, &temporary, &diag), MTFP_ERR_OUTPUT);
    assert_string_equal(diag.file, path);
    assert_non_null(strstr(diag.message, "cannot write here"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_commit_replaces_the_earlier_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_abandoned_outputs_leave_the_earlier_file_and_no_litter,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_directory_is_an_output_error, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
