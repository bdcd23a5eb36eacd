/* The staffing establishment: posts on pay points, their pay bill by year
 * and what scenarios do to them.
 *
 * A post's pay bill is worked month by month and rounded once per post and
 * year: the salary of its pay point (or its own salary) grown by the pay
 * index's award for the year, an annual increment to the top of its grade on
 * the model's increment month, times its FTE, for the months it is in post;
 * plus employer on-costs (National Insurance above a threshold, pension, the
 * apprenticeship levy); agency cover costs the salary plus a premium and no
 * on-costs. A vacancy factor takes a share off a service's pay bill. */
#ifndef MTFP_STAFFING_H
#define MTFP_STAFFING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mtfp/calendar.h"
#include "mtfp/diag.h"
#include "mtfp/money.h"
#include "mtfp/names.h"

typedef enum mtfp_post_status {
    MTFP_POST_FILLED,
    MTFP_POST_VACANT,
    MTFP_POST_AGENCY,
    MTFP_POST_FIXED_TERM,
    MTFP_POST_STATUSES
} mtfp_post_status;

/* "filled", "vacant", "agency", "fixed-term". */
const char *mtfp_post_status_name(mtfp_post_status status);

typedef struct mtfp_post {
    char *id;
    char *title;
    uint32_t partner;
    uint32_t service;
    uint32_t category; /* in the establishment's categories */
    double fte;
    int32_t grade;     /* in the pay scale's grades; -1 with an own salary */
    int point;         /* the point at the base year's start */
    mtfp_pence salary; /* a year, full time, at base-year pay: its own or its point's */
    mtfp_post_status status;
    mtfp_month start; /* first month in post; 0: before the base year */
    mtfp_month end;   /* last month; MTFP_MONTH_OPEN if none */
    char *funding;    /* a grant that pays for it, or NULL */
    char *file;
    int line;
    size_t regraded; /* the post that continues it after a regrade (always a later one), by
                        index; 0 for none */
} mtfp_post;

/* A pay point's salary (full time, a year, at base-year pay). */
typedef struct mtfp_pay_point {
    uint32_t grade;
    int point;
    mtfp_pence salary;
} mtfp_pay_point;

/* The rates model.lua's staffing{} sets. */
typedef struct mtfp_staffing_policy {
    int increment_month;     /* 1..12: the month increments are paid from */
    double ni_rate;          /* employer National Insurance above the threshold */
    mtfp_pence ni_threshold; /* a year */
    double pension_rate;
    double levy_rate;
    double agency_premium; /* on the salary, for agency cover */
    double vacancy_rate;   /* for services without their own */
    unsigned given;        /* the fields staffing{} gave: bits MTFP_STAFFING_GIVEN_* */
} mtfp_staffing_policy;

enum {
    MTFP_STAFFING_GIVEN_INCREMENT = 1 << 0,
    MTFP_STAFFING_GIVEN_NI_RATE = 1 << 1,
    MTFP_STAFFING_GIVEN_NI_THRESHOLD = 1 << 2,
    MTFP_STAFFING_GIVEN_PENSION = 1 << 3,
    MTFP_STAFFING_GIVEN_LEVY = 1 << 4,
    MTFP_STAFFING_GIVEN_AGENCY = 1 << 5,
    MTFP_STAFFING_GIVEN_VACANCY = 1 << 6,
};

/* A grade's pay scale: the salary of each point 0..top, -1 for a point the
 * scale does not have; salary is NULL for a grade with no points. */
typedef struct mtfp_grade_scale {
    mtfp_pence *salary;
    int top;
} mtfp_grade_scale;

typedef struct mtfp_establishment {
    mtfp_staffing_policy policy;
    mtfp_names categories;
    mtfp_names grades;
    mtfp_grade_scale *scales; /* by grade id: a point's salary is found by index */
    size_t scale_cap;
    mtfp_post *posts;
    size_t count;
    size_t cap;
    double *vacancy; /* by service id: its rate, or < 0 for the policy's */
    size_t vacancy_cap;
    mtfp_names ids;    /* the posts' ids, exact: finds a post by hash */
    uint32_t *id_post; /* by id: the first post with that id */
    size_t id_post_cap;
} mtfp_establishment;

/* An empty establishment with the four standard categories (Managerial,
 * Professional/Technical, Administrative/Clerical, Front Line) and no rates. */
mtfp_status mtfp_establishment_init(mtfp_establishment *e);
void mtfp_establishment_free(mtfp_establishment *e);
mtfp_status mtfp_establishment_copy(mtfp_establishment *dst, const mtfp_establishment *src);

/* Set a grade's point (0 or more; a point given again takes the new salary). */
mtfp_status mtfp_establishment_add_point(mtfp_establishment *e, const mtfp_pay_point *point);
/* The salary of a grade's point, or -1 if there is no such point. */
mtfp_pence mtfp_pay_point_salary(const mtfp_establishment *e, uint32_t grade, int point);
/* The top point of a grade (0 if it has none). */
int mtfp_grade_top(const mtfp_establishment *e, uint32_t grade);

/* Append a post, taking ownership of its strings (freed on failure). An id
 * may repeat (a post regraded twice): mtfp_establishment_find gives the
 * first; a post with no id is not found. */
mtfp_status mtfp_establishment_add_post(mtfp_establishment *e, mtfp_post *post);
/* The first post with this id (as written: ids do not fold), or NULL. */
mtfp_post *mtfp_establishment_find(const mtfp_establishment *e, const char *id, size_t len);
void mtfp_post_clear(mtfp_post *post);

mtfp_status mtfp_establishment_set_vacancy(mtfp_establishment *e, uint32_t service, double rate);
double mtfp_establishment_vacancy(const mtfp_establishment *e, uint32_t service);

/* A post's cost in each year 0..years (the pay index's cumulative factors in
 * pay[0..years]), before any vacancy factor; false if it overflows. */
bool mtfp_post_pay_bill(const mtfp_establishment *e, const mtfp_post *post, int base_year,
                        int years, const long double *pay, mtfp_pence *bill);

/* True if the post is in post on the first day of the year (1 April). */
bool mtfp_post_in_post(const mtfp_post *post, int start_year);

/* What a scenario does to the establishment, in script order. */
typedef enum mtfp_staffing_kind {
    MTFP_STAFF_ADD,           /* a new post from a month (to a month) */
    MTFP_STAFF_REMOVE,        /* a post ends before a month */
    MTFP_STAFF_DELETE_VACANT, /* vacant posts of a service and/or category end */
    MTFP_STAFF_REGRADE,       /* a post moves to another grade and point from a month */
    MTFP_STAFF_VACANCY,       /* a service's vacancy factor */
} mtfp_staffing_kind;

typedef struct mtfp_staffing_action {
    mtfp_staffing_kind kind;
    mtfp_post post;   /* ADD: the new post */
    char *post_id;    /* REMOVE, REGRADE */
    int32_t service;  /* DELETE_VACANT, VACANCY: a service or MTFP_ANY (-1) */
    int32_t category; /* DELETE_VACANT: a category or -1 */
    mtfp_month from;  /* REMOVE, DELETE_VACANT, REGRADE */
    int32_t grade;    /* REGRADE */
    int point;
    double rate; /* VACANCY */
    char *reason;
    char *file;
    int line;
    char *via; /* the helper's line that made the call, or NULL (mtfp_item's) */
} mtfp_staffing_action;

typedef struct mtfp_staffing_actions {
    mtfp_staffing_action *items;
    size_t count;
    size_t cap;
    mtfp_names added; /* the ids of the posts the actions add, exact */
} mtfp_staffing_actions;

void mtfp_staffing_actions_init(mtfp_staffing_actions *actions);
void mtfp_staffing_actions_free(mtfp_staffing_actions *actions);
/* Append, taking ownership of the action's strings (freed on failure); an
 * added post's id joins added. */
mtfp_status mtfp_staffing_actions_add(mtfp_staffing_actions *actions, mtfp_staffing_action *action);

/* Apply an action to an establishment. A remove or a regrade acts on the post
 * as earlier actions left it: after a regrade, on the post and what continues
 * it. MTFP_ERR_INPUT (in diag, at the action's line) for a post that does not
 * exist. */
mtfp_status mtfp_staffing_apply(mtfp_establishment *e, const mtfp_staffing_action *action,
                                mtfp_diag *diag);

/* Each service's pay bill (after its vacancy factor) for years 0..years into
 * bill[service * (years + 1) + year], for service_count services; pay is the
 * pay index's cumulative factors. False on overflow. */
bool mtfp_establishment_service_bills(const mtfp_establishment *e, size_t service_count,
                                      int base_year, int years, const long double *pay,
                                      mtfp_pence *bill);

#endif
