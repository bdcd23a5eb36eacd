/* paypoints.csv (grade, point, salary) and establishment.csv (one row per
 * post). Pay points come first: posts name them. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "loaders.h"
#include "mtfp/csv_in.h"
#include "mtfp/memory.h"

enum { PP_GRADE, PP_POINT, PP_SALARY, PP_COLUMNS };
static const mtfp_csv_column paypoint_columns[PP_COLUMNS] = {
    {"grade", true}, {"point", true}, {"salary", true}};

static mtfp_status point_number(const mtfp_csv_record *record, size_t i, int *point,
                                mtfp_diag *diag)
{
    double value;
    MTFP_TRY(mtfp_csv_number(record, i, &value, diag));
    if (value != floor(value) || value < 0 || value > 999)
        return mtfp_csv_error(record, i, diag, "expected a pay point, a whole number 0 to 999");
    *point = (int)value;
    return MTFP_OK;
}

static mtfp_status paypoint_row(void *context, const mtfp_csv_record *record, mtfp_diag *diag)
{
    mtfp_model *model = context;
    mtfp_establishment *e = &model->establishment;
    if (!mtfp_csv_present(record, PP_GRADE))
        return mtfp_csv_error(record, PP_GRADE, diag, "expected a grade, found an empty field");
    mtfp_pay_point point;
    MTFP_TRY(
        mtfp_names_intern(&e->grades, record->text[PP_GRADE], record->len[PP_GRADE], &point.grade));
    MTFP_TRY(point_number(record, PP_POINT, &point.point, diag));
    MTFP_TRY(mtfp_csv_money_rounding(record, PP_SALARY, &model->rounding, &point.salary, diag));
    if (point.salary <= 0)
        return mtfp_csv_error(record, PP_SALARY, diag, "expected a salary above 0");
    if (mtfp_pay_point_salary(e, point.grade, point.point) >= 0)
        return mtfp_csv_error(record, PP_POINT, diag, "grade %s point %d is given twice",
                              record->text[PP_GRADE], point.point);
    return mtfp_establishment_add_point(e, &point);
}

mtfp_status mtfp_load_paypoints(mtfp_model *model, const char *path, mtfp_diag *diag)
{
    return mtfp_csv_read(path, paypoint_columns, PP_COLUMNS, paypoint_row, model, diag);
}

enum {
    POST_ID,
    SERVICE,
    TITLE,
    CATEGORY,
    FTE,
    GRADE,
    POINT,
    SALARY,
    STATUS,
    START,
    END,
    FUNDING,
    COLUMNS
};
static const mtfp_csv_column columns[COLUMNS] = {
    [POST_ID] = {"post_id", true},   [SERVICE] = {"service", true}, [TITLE] = {"title", false},
    [CATEGORY] = {"category", true}, [FTE] = {"fte", true},         [GRADE] = {"grade", false},
    [POINT] = {"point", false},      [SALARY] = {"salary", false},  [STATUS] = {"status", true},
    [START] = {"start", false},      [END] = {"end", false},        [FUNDING] = {"funding", false},
};

static mtfp_status status_of(const mtfp_csv_record *record, mtfp_post *post, mtfp_diag *diag)
{
    for (int s = 0; s < MTFP_POST_STATUSES; s++)
        if (mtfp_name_equal(record->text[STATUS], record->len[STATUS],
                            mtfp_post_status_name((mtfp_post_status)s))) {
            post->status = (mtfp_post_status)s;
            return MTFP_OK;
        }
    return mtfp_csv_error(record, STATUS, diag,
                          "status \"%s\": expected filled, vacant, agency or fixed-term",
                          record->text[STATUS] ? record->text[STATUS] : "");
}

/* Its pay: a grade and point of paypoints.csv, or an own salary; both must agree. */
static mtfp_status pay_of(const mtfp_establishment *e, mtfp_money_rounding *rounding,
                          const mtfp_csv_record *record, mtfp_post *post, mtfp_diag *diag)
{
    bool has_salary = mtfp_csv_present(record, SALARY);
    post->grade = -1;
    if (has_salary)
        MTFP_TRY(mtfp_csv_money_rounding(record, SALARY, rounding, &post->salary, diag));
    if (!mtfp_csv_present(record, GRADE)) {
        if (!has_salary)
            return mtfp_csv_error(record, GRADE, diag,
                                  "expected a grade and point (paypoints.csv) or a salary");
        return MTFP_OK;
    }
    uint32_t grade;
    MTFP_TRY(mtfp_csv_name(record, GRADE, &e->grades, "grade", ": the grades are paypoints.csv's",
                           &grade, diag));
    MTFP_TRY(point_number(record, POINT, &post->point, diag));
    mtfp_pence salary = mtfp_pay_point_salary(e, grade, post->point);
    if (salary < 0)
        return mtfp_csv_error(record, POINT, diag, "grade %s has no point %d in paypoints.csv",
                              record->text[GRADE], post->point);
    if (has_salary && post->salary != salary) {
        char given[MTFP_MONEY_TEXT_MAX], scale[MTFP_MONEY_TEXT_MAX];
        mtfp_money_format_display(post->salary, given);
        mtfp_money_format_display(salary, scale);
        return mtfp_csv_error(record, SALARY, diag,
                              "salary %s disagrees with grade %s point %d (%s)", given,
                              record->text[GRADE], post->point, scale);
    }
    post->grade = (int32_t)grade;
    post->salary = salary;
    return MTFP_OK;
}

static mtfp_status period_of(const mtfp_csv_record *record, mtfp_post *post, mtfp_diag *diag)
{
    post->start = 0;
    post->end = MTFP_MONTH_OPEN;
    if (mtfp_csv_present(record, START))
        MTFP_TRY(mtfp_csv_month(record, START, false, &post->start, diag));
    if (mtfp_csv_present(record, END))
        MTFP_TRY(mtfp_csv_month(record, END, true, &post->end, diag));
    if (post->end < post->start)
        return mtfp_csv_error(record, END, diag, "the post ends before it starts");
    /* Without an end column, the status is the place to point at. */
    if (post->status == MTFP_POST_FIXED_TERM && post->end == MTFP_MONTH_OPEN)
        return record->position[END]
                   ? mtfp_csv_error(record, END, diag, "a fixed-term post needs an end month")
                   : mtfp_csv_error(record, STATUS, diag,
                                    "a fixed-term post needs an end month, and the file has no "
                                    "end column");
    return MTFP_OK;
}

/* The grant a post names is a funding source of model.lua's funding{} or
 * funding.csv (both loaded before the establishment): a name that is none
 * would never end the post with its grant. */
static mtfp_status grant_of(const mtfp_model *model, const mtfp_csv_record *record, mtfp_diag *diag)
{
    const char *closest;
    if (mtfp_funding_find(&model->funding, record->text[FUNDING], record->len[FUNDING], &closest))
        return MTFP_OK;
    char hint[MTFP_NAME_HINT_MAX];
    return mtfp_csv_error(record, FUNDING, diag, "funding \"%s\" is not a funding source%s",
                          record->text[FUNDING],
                          mtfp_name_hint(closest,
                                         ": a post names a grant of model.lua's funding{} or "
                                         "funding.csv",
                                         hint));
}

static mtfp_status post_row(void *context, const mtfp_csv_record *record, mtfp_diag *diag)
{
    mtfp_model *model = context;
    mtfp_establishment *e = &model->establishment;
    mtfp_post post = {0};
    if (!mtfp_csv_present(record, POST_ID))
        return mtfp_csv_error(record, POST_ID, diag, "expected a post id, found an empty field");
    const mtfp_post *twin = mtfp_establishment_find(e, record->text[POST_ID], record->len[POST_ID]);
    if (twin)
        return mtfp_csv_error(record, POST_ID, diag, "post %s is given twice (also line %d)",
                              record->text[POST_ID], twin->line);
    MTFP_TRY(mtfp_csv_name(record, SERVICE, &model->services, "service",
                           ": the services are revenue.csv's", &post.service, diag));
    MTFP_TRY(mtfp_csv_name(record, CATEGORY, &e->categories, "category",
                           ": a category beyond the four standard ones is declared in model.lua "
                           "(staffing { categories = { ... } })",
                           &post.category, diag));
    MTFP_TRY(mtfp_csv_number(record, FTE, &post.fte, diag));
    if (post.fte <= 0 || post.fte > 1.5)
        return mtfp_csv_error(record, FTE, diag, "fte %s: expected more than 0, at most 1.5",
                              record->text[FTE]);
    MTFP_TRY(pay_of(e, &model->rounding, record, &post, diag));
    MTFP_TRY(status_of(record, &post, diag));
    MTFP_TRY(period_of(record, &post, diag));
    if (mtfp_csv_present(record, FUNDING))
        MTFP_TRY(grant_of(model, record, diag));
    int32_t partner = model->service_partner[post.service];
    post.partner = (uint32_t)(partner >= 0 ? partner : 0);
    post.line = record->line;
    post.id = mtfp_strndup(record->text[POST_ID], record->len[POST_ID]);
    post.title = mtfp_csv_present(record, TITLE)
                     ? mtfp_strndup(record->text[TITLE], record->len[TITLE])
                     : NULL;
    post.funding = mtfp_csv_present(record, FUNDING)
                       ? mtfp_strndup(record->text[FUNDING], record->len[FUNDING])
                       : NULL;
    post.file = mtfp_strdup(record->path);
    if (!post.id || !post.file) {
        mtfp_post_clear(&post);
        return MTFP_ERR_MEMORY;
    }
    return mtfp_establishment_add_post(e, &post);
}

mtfp_status mtfp_load_establishment(mtfp_model *model, const char *path, mtfp_diag *diag)
{
    return mtfp_csv_read(path, columns, COLUMNS, post_row, model, diag);
}
