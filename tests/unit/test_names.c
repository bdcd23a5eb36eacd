/* Names: interning, matching and suggestions for misspellings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mtfp/names.h"
#include "mtfp/path.h"
#include "mtfp/subjective.h"

static void test_names_match_ignoring_case_spaces_and_ampersand(void **state)
{
    (void)state;
    mtfp_names names;
    mtfp_names_init(&names);
    uint32_t a, b;
    const char *first = "Placements & Resources";
    const char *second = "  placements  and resources ";
    assert_int_equal(mtfp_names_intern(&names, first, strlen(first), &a), MTFP_OK);
    assert_int_equal(mtfp_names_intern(&names, second, strlen(second), &b), MTFP_OK);
    assert_int_equal(a, b);
    assert_string_equal(mtfp_names_get(&names, a), "Placements & Resources");
    assert_int_equal(names.count, 1);
    mtfp_names_free(&names);
}

static void test_ids_follow_first_appearance_across_growth(void **state)
{
    (void)state;
    mtfp_names names;
    mtfp_names_init(&names);
    char name[16];
    for (int i = 0; i < 500; i++) {
        uint32_t id;
        int len = snprintf(name, sizeof name, "Service %d", i);
        assert_int_equal(mtfp_names_intern(&names, name, (size_t)len, &id), MTFP_OK);
        assert_int_equal(id, i);
    }
    assert_int_equal(mtfp_names_find(&names, "service 321", 11), 321);
    assert_int_equal(mtfp_names_find(&names, "Service 500", 11), -1);
    mtfp_names_free(&names);
}

/* Post ids are a set of exact names: "p1" is not "P1", and a set of
 * thousands still finds each (by hash, across growth). */
static void test_exact_names_match_only_as_written(void **state)
{
    (void)state;
    mtfp_names ids;
    mtfp_names_init_exact(&ids);
    uint32_t id;
    char text[16];
    for (int i = 0; i < 5000; i++) {
        int len = snprintf(text, sizeof text, "P%d", i);
        assert_int_equal(mtfp_names_intern(&ids, text, (size_t)len, &id), MTFP_OK);
        assert_int_equal(id, i);
    }
    assert_int_equal(mtfp_names_find(&ids, "P4321", 5), 4321);
    assert_int_equal(mtfp_names_find(&ids, "p4321", 5), -1);
    assert_int_equal(mtfp_names_intern(&ids, "P17", 3, &id), MTFP_OK);
    assert_int_equal(id, 17);
    assert_int_equal(ids.count, 5000);
    mtfp_names_free(&ids);
    assert_true(ids.exact);
    assert_int_equal(mtfp_names_intern(&ids, "p17", 3, &id), MTFP_OK);
    assert_int_equal(mtfp_names_find(&ids, "P17", 3), -1);
    mtfp_names_free(&ids);
}

static void test_closest_name_suggests_a_likely_typo_only(void **state)
{
    (void)state;
    mtfp_names names;
    mtfp_names_init(&names);
    uint32_t id;
    const char *known[] = {"Placements & Resources", "Assessment", "Disabled Children"};
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(mtfp_names_intern(&names, known[i], strlen(known[i]), &id), MTFP_OK);
    assert_string_equal(mtfp_names_closest(&names, "Placement & Resources", 21),
                        "Placements & Resources");
    assert_string_equal(mtfp_names_closest(&names, "Asessment", 9), "Assessment");
    assert_null(mtfp_names_closest(&names, "Libraries", 9));
    mtfp_names_free(&names);
}

/* A no-break space inside a name is a space: "Svc\u00a0A", pasted from a web
 * page, is the service "Svc A", not a second one that looks the same. */
static void test_a_no_break_space_is_a_space(void **state)
{
    (void)state;
    mtfp_names names;
    mtfp_names_init(&names);
    uint32_t id, again;
    assert_int_equal(mtfp_names_intern(&names, "Svc A", 5, &id), MTFP_OK);
    assert_int_equal(mtfp_names_intern(&names,
                                       "Svc\xc2\xa0"
                                       "A",
                                       6, &again),
                     MTFP_OK);
    assert_int_equal(again, id);
    assert_int_equal(names.count, 1);
    mtfp_names_free(&names);
}

/* Of two names as close, the first in byte order, whichever came first:
 * "Team B" and "Team A" are both one edit from "Team C". */
static void test_closest_name_does_not_depend_on_the_order_of_names(void **state)
{
    (void)state;
    const char *forward[] = {"Team A", "Team B"}, *backward[] = {"Team B", "Team A"};
    assert_string_equal(mtfp_name_closest_of(forward, 2, "Team C", 6), "Team A");
    assert_string_equal(mtfp_name_closest_of(backward, 2, "Team C", 6), "Team A");
    const char *prefixed[] = {"Fostering West", "Fostering East"};
    assert_string_equal(mtfp_name_closest_of(prefixed, 2, "Fos", 3), "Fostering East");
}

static void test_subjectives_by_cipfa_name(void **state)
{
    (void)state;
    assert_int_equal(mtfp_subjective_find("third party payments", 20), MTFP_SUBJ_THIRD_PARTY);
    assert_int_equal(mtfp_subjective_find("Supplies & Services", 19), MTFP_SUBJ_SUPPLIES);
    assert_int_equal(mtfp_subjective_find("Salaries", 8), -1);
    assert_string_equal(mtfp_subjective_closest("Employes", 8), "Employees");
    assert_true(mtfp_subjective_is_income(MTFP_SUBJ_GOVERNMENT_GRANTS));
    assert_false(mtfp_subjective_is_income(MTFP_SUBJ_CAPITAL_FINANCING));
}

static void test_paths_are_tidied_for_messages(void **state)
{
    (void)state;
    char *joined = mtfp_path_join("models/example", "../../scripts/x.lua");
    assert_string_equal(joined, "scripts/x.lua");
    free(joined);
    joined = mtfp_path_join("./models//example/", "./revenue.csv");
    assert_string_equal(joined, "models/example/revenue.csv");
    free(joined);
    joined = mtfp_path_join("a", "../../b");
    assert_string_equal(joined, "../b");
    free(joined);
    joined = mtfp_path_join("/x/y", "/etc/z");
    assert_string_equal(joined, "/etc/z");
    free(joined);
    assert_string_equal(mtfp_path_base("scripts/x.lua"), "x.lua");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names_match_ignoring_case_spaces_and_ampersand),
        cmocka_unit_test(test_ids_follow_first_appearance_across_growth),
        cmocka_unit_test(test_exact_names_match_only_as_written),
        cmocka_unit_test(test_closest_name_suggests_a_likely_typo_only),
        cmocka_unit_test(test_closest_name_does_not_depend_on_the_order_of_names),
        cmocka_unit_test(test_a_no_break_space_is_a_space),
        cmocka_unit_test(test_subjectives_by_cipfa_name),
        cmocka_unit_test(test_paths_are_tidied_for_messages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
