#include "mtfp/staffing.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mtfp/memory.h"

static const char *const status_names[MTFP_POST_STATUSES] = {"filled", "vacant", "agency",
                                                             "fixed-term"};
static const char *const standard_categories[] = {"Managerial", "Professional/Technical",
                                                  "Administrative/Clerical", "Front Line"};

const char *mtfp_post_status_name(mtfp_post_status status)
{
    return status_names[status];
}

mtfp_status mtfp_establishment_init(mtfp_establishment *e)
{
    memset(e, 0, sizeof *e);
    e->policy.increment_month = 4;
    mtfp_names_init(&e->categories);
    mtfp_names_init(&e->grades);
    mtfp_names_init_exact(&e->ids);
    for (size_t i = 0; i < sizeof standard_categories / sizeof *standard_categories; i++) {
        uint32_t id;
        MTFP_TRY(mtfp_names_intern(&e->categories, standard_categories[i],
                                   strlen(standard_categories[i]), &id));
    }
    return MTFP_OK;
}

void mtfp_post_clear(mtfp_post *post)
{
    free(post->id);
    free(post->title);
    free(post->funding);
    free(post->file);
    post->id = post->title = post->funding = post->file = NULL;
}

void mtfp_establishment_free(mtfp_establishment *e)
{
    for (size_t i = 0; i < e->count; i++)
        mtfp_post_clear(&e->posts[i]);
    free(e->posts);
    for (size_t g = 0; g < e->scale_cap; g++)
        free(e->scales[g].salary);
    free(e->scales);
    free(e->vacancy);
    mtfp_names_free(&e->categories);
    mtfp_names_free(&e->grades);
    mtfp_names_free(&e->ids);
    free(e->id_post);
    memset(e, 0, sizeof *e);
}

static mtfp_status copy_names(mtfp_names *dst, const mtfp_names *src)
{
    for (size_t i = 0; i < src->count; i++) {
        const char *name = mtfp_names_get(src, (uint32_t)i);
        uint32_t id;
        MTFP_TRY(mtfp_names_intern(dst, name, strlen(name), &id));
    }
    return MTFP_OK;
}

mtfp_status mtfp_establishment_copy(mtfp_establishment *dst, const mtfp_establishment *src)
{
    memset(dst, 0, sizeof *dst);
    mtfp_names_init(&dst->categories);
    mtfp_names_init(&dst->grades);
    mtfp_names_init_exact(&dst->ids);
    dst->policy = src->policy;
    MTFP_TRY(copy_names(&dst->categories, &src->categories));
    MTFP_TRY(copy_names(&dst->grades, &src->grades));
    for (size_t g = 0; g < src->scale_cap; g++) {
        const mtfp_grade_scale *scale = &src->scales[g];
        for (int point = 0; scale->salary && point <= scale->top; point++)
            if (scale->salary[point] >= 0) {
                mtfp_pay_point p = {(uint32_t)g, point, scale->salary[point]};
                MTFP_TRY(mtfp_establishment_add_point(dst, &p));
            }
    }
    for (size_t s = 0; s < src->vacancy_cap; s++)
        if (src->vacancy[s] >= 0)
            MTFP_TRY(mtfp_establishment_set_vacancy(dst, (uint32_t)s, src->vacancy[s]));
    for (size_t i = 0; i < src->count; i++) {
        mtfp_post post = src->posts[i];
        post.id = mtfp_strdup(post.id);
        post.title = mtfp_strdup(post.title);
        post.funding = mtfp_strdup(post.funding);
        post.file = mtfp_strdup(post.file);
        if (!post.id || (src->posts[i].title && !post.title) ||
            (src->posts[i].funding && !post.funding) || (src->posts[i].file && !post.file)) {
            mtfp_post_clear(&post);
            return MTFP_ERR_MEMORY;
        }
        MTFP_TRY(mtfp_establishment_add_post(dst, &post));
    }
    return MTFP_OK;
}

mtfp_status mtfp_establishment_add_point(mtfp_establishment *e, const mtfp_pay_point *point)
{
    if (point->point < 0)
        return MTFP_ERR_INPUT; /* paypoints.csv allows 0 to 999 */
    size_t cap = e->scale_cap;
    if (mtfp_grow(&e->scales, &cap, (size_t)point->grade + 1, sizeof *e->scales))
        return MTFP_ERR_MEMORY;
    memset(e->scales + e->scale_cap, 0, (cap - e->scale_cap) * sizeof *e->scales);
    e->scale_cap = cap;
    mtfp_grade_scale *scale = &e->scales[point->grade];
    int len = scale->salary ? scale->top + 1 : 0;
    if (point->point >= len) {
        mtfp_pence *salary = realloc(scale->salary, ((size_t)point->point + 1) * sizeof *salary);
        if (!salary)
            return MTFP_ERR_MEMORY;
        for (int p = len; p < point->point; p++)
            salary[p] = -1;
        scale->salary = salary;
        scale->top = point->point;
    }
    scale->salary[point->point] = point->salary;
    return MTFP_OK;
}

mtfp_pence mtfp_pay_point_salary(const mtfp_establishment *e, uint32_t grade, int point)
{
    if (grade >= e->scale_cap || !e->scales[grade].salary || point < 0 ||
        point > e->scales[grade].top)
        return -1;
    return e->scales[grade].salary[point];
}

int mtfp_grade_top(const mtfp_establishment *e, uint32_t grade)
{
    return grade < e->scale_cap ? e->scales[grade].top : 0;
}

mtfp_status mtfp_establishment_add_post(mtfp_establishment *e, mtfp_post *post)
{
    uint32_t id = 0;
    size_t ids = e->ids.count;
    if (mtfp_grow(&e->posts, &e->cap, e->count + 1, sizeof *e->posts) ||
        (post->id && mtfp_names_intern(&e->ids, post->id, strlen(post->id), &id) != MTFP_OK) ||
        mtfp_grow(&e->id_post, &e->id_post_cap, id + 1, sizeof *e->id_post)) {
        mtfp_post_clear(post);
        return MTFP_ERR_MEMORY;
    }
    if (e->ids.count > ids) /* a new id */
        e->id_post[id] = (uint32_t)e->count;
    e->posts[e->count++] = *post;
    return MTFP_OK;
}

mtfp_post *mtfp_establishment_find(const mtfp_establishment *e, const char *id, size_t len)
{
    int32_t found = mtfp_names_find(&e->ids, id, len);
    return found >= 0 ? &e->posts[e->id_post[found]] : NULL;
}

mtfp_status mtfp_establishment_set_vacancy(mtfp_establishment *e, uint32_t service, double rate)
{
    size_t cap = e->vacancy_cap;
    if (mtfp_grow(&e->vacancy, &cap, service + 1, sizeof *e->vacancy))
        return MTFP_ERR_MEMORY;
    for (size_t s = e->vacancy_cap; s < cap; s++)
        e->vacancy[s] = -1;
    e->vacancy_cap = cap;
    e->vacancy[service] = rate;
    return MTFP_OK;
}

double mtfp_establishment_vacancy(const mtfp_establishment *e, uint32_t service)
{
    if (service < e->vacancy_cap && e->vacancy[service] >= 0)
        return e->vacancy[service];
    return e->policy.vacancy_rate;
}

bool mtfp_post_in_post(const mtfp_post *post, int start_year)
{
    mtfp_month first = mtfp_year_first_month(start_year);
    return post->start <= first && post->end >= first;
}

/* Increment months (those whose calendar month is the increment month) after
 * the later of the base year's start and the post's start, up to month m:
 * counted, not walked, as months are never negative. */
static int increments(const mtfp_establishment *e, const mtfp_post *post, mtfp_month from,
                      mtfp_month m)
{
    if (post->start > from)
        from = post->start;
    if (m <= from)
        return 0;
    /* Months t with t % 12 == r, counted as floor((t - r) / 12) + 1 for t >= r. */
    int r = e->policy.increment_month - 1;
    int upto = (m + 12 - r) / 12, before = (from + 12 - r) / 12;
    return upto - before;
}

/* The point a post reaches steps increments above point: each increment
 * moves it to the scale's next point (a scale may skip numbers, as the NJC
 * spine does where points were deleted), never above the grade's top. */
static int stepped(const mtfp_establishment *e, uint32_t grade, int point, int steps)
{
    int top = mtfp_grade_top(e, grade);
    while (steps > 0 && point < top)
        if (mtfp_pay_point_salary(e, grade, ++point) >= 0)
            steps--;
    return point;
}

/* The cost of a month's pay of monthly (pence) to the employer. */
static double employer_cost(const mtfp_staffing_policy *p, const mtfp_post *post, double monthly)
{
    if (post->status == MTFP_POST_AGENCY)
        return monthly * (1.0 + p->agency_premium);
    double above = monthly - (double)p->ni_threshold / 12.0;
    double ni = above > 0 ? p->ni_rate * above : 0;
    return monthly + ni + monthly * (p->pension_rate + p->levy_rate);
}

bool mtfp_post_pay_bill(const mtfp_establishment *e, const mtfp_post *post, int base_year,
                        int years, const long double *pay, mtfp_pence *bill)
{
    mtfp_month base = mtfp_year_first_month(base_year);
    int point = post->point, taken = 0; /* the post's point, and the increments taken to it */
    for (int y = 0; y <= years; y++) {
        /* A month's pay is summed in double: its error, some 10^-16 of a
         * post's year, is far inside the rounding's tolerance, and long
         * double in this loop, run for every post and month, made a
         * projection a third slower. */
        double total = 0, award = (double)pay[y];
        mtfp_month first = mtfp_year_first_month(base_year + y);
        for (mtfp_month m = first; m < first + 12; m++) {
            if (m < post->start || m > post->end)
                continue;
            mtfp_pence salary = post->salary; /* full time, base-year pay */
            if (post->grade >= 0) {
                int due = increments(e, post, base, m); /* never fewer as m goes on */
                point = stepped(e, (uint32_t)post->grade, point, due - taken);
                taken = due;
                mtfp_pence on_scale = mtfp_pay_point_salary(e, (uint32_t)post->grade, point);
                salary = on_scale >= 0 ? on_scale : salary;
            }
            double monthly = (double)salary * award * post->fte / 12;
            total += employer_cost(&e->policy, post, monthly);
        }
        if (!mtfp_money_round(total, &bill[y]))
            return false;
    }
    return true;
}

void mtfp_staffing_actions_init(mtfp_staffing_actions *actions)
{
    memset(actions, 0, sizeof *actions);
    mtfp_names_init_exact(&actions->added);
}

void mtfp_staffing_actions_free(mtfp_staffing_actions *actions)
{
    for (size_t i = 0; i < actions->count; i++) {
        mtfp_staffing_action *a = &actions->items[i];
        mtfp_post_clear(&a->post);
        free(a->post_id);
        free(a->reason);
        free(a->file);
        free(a->via);
    }
    free(actions->items);
    mtfp_names_free(&actions->added);
    mtfp_staffing_actions_init(actions);
}

mtfp_status mtfp_staffing_actions_add(mtfp_staffing_actions *actions, mtfp_staffing_action *action)
{
    const char *id = action->kind == MTFP_STAFF_ADD ? action->post.id : NULL;
    uint32_t ignored;
    if (mtfp_grow(&actions->items, &actions->cap, actions->count + 1, sizeof *actions->items) ||
        (id && mtfp_names_intern(&actions->added, id, strlen(id), &ignored) != MTFP_OK)) {
        mtfp_post_clear(&action->post);
        free(action->post_id);
        free(action->reason);
        free(action->file);
        free(action->via);
        return MTFP_ERR_MEMORY;
    }
    actions->items[actions->count++] = *action;
    return MTFP_OK;
}

static mtfp_status copy_post(const mtfp_post *from, mtfp_post *to)
{
    *to = *from;
    to->id = mtfp_strdup(from->id);
    to->title = mtfp_strdup(from->title);
    to->funding = mtfp_strdup(from->funding);
    to->file = mtfp_strdup(from->file);
    if (!to->id || (from->title && !to->title) || (from->funding && !to->funding) ||
        (from->file && !to->file)) {
        mtfp_post_clear(to);
        return MTFP_ERR_MEMORY;
    }
    return MTFP_OK;
}

/* End a post before month from (if it runs that long). */
static void end_before(mtfp_post *post, mtfp_month from)
{
    if (post->end >= from)
        post->end = from - 1;
}

/* The post that continues this one on its new grade after a regrade, or NULL. */
static mtfp_post *continued(const mtfp_establishment *e, const mtfp_post *post)
{
    return post->regraded ? &e->posts[post->regraded] : NULL;
}

/* End a post, and what continues it after regrades, before month from. */
static void end_post_before(const mtfp_establishment *e, mtfp_post *post, mtfp_month from)
{
    for (; post; post = continued(e, post))
        end_before(post, from);
}

/* The post (as it stands after earlier regrades, the last part) ends before
 * the month and continues as "ID (regraded)" on the new grade and point, to
 * the end it had. */
static mtfp_status regrade(mtfp_establishment *e, const mtfp_staffing_action *a, mtfp_post *post)
{
    mtfp_post *last = post;
    while (continued(e, last))
        last = continued(e, last);
    mtfp_post regraded;
    MTFP_TRY(copy_post(last, &regraded));
    char *id = mtfp_format("%s (regraded)", post->id);
    if (!id) {
        mtfp_post_clear(&regraded);
        return MTFP_ERR_MEMORY;
    }
    free(regraded.id);
    regraded.id = id;
    regraded.start = post->start > a->from ? post->start : a->from;
    regraded.grade = a->grade;
    regraded.point = a->point;
    regraded.salary = mtfp_pay_point_salary(e, (uint32_t)a->grade, a->point);
    regraded.regraded = 0;
    size_t last_index = (size_t)(last - e->posts), index = e->count;
    end_post_before(e, post, a->from); /* before adding: the add may move the posts */
    MTFP_TRY(mtfp_establishment_add_post(e, &regraded));
    e->posts[last_index].regraded = index;
    return MTFP_OK;
}

mtfp_status mtfp_staffing_apply(mtfp_establishment *e, const mtfp_staffing_action *a,
                                mtfp_diag *diag)
{
    mtfp_post added;
    mtfp_post *post = NULL;
    if (a->kind == MTFP_STAFF_REMOVE || a->kind == MTFP_STAFF_REGRADE) {
        post = mtfp_establishment_find(e, a->post_id, strlen(a->post_id));
        if (!post)
            return mtfp_diag_error(diag, MTFP_ERR_INPUT, a->file, a->line, 0,
                                   "no post \"%s\" in the establishment", a->post_id);
    }
    switch (a->kind) {
    case MTFP_STAFF_ADD:
        MTFP_TRY(copy_post(&a->post, &added));
        return mtfp_establishment_add_post(e, &added);
    case MTFP_STAFF_REMOVE:
        end_post_before(e, post, a->from);
        return MTFP_OK;
    case MTFP_STAFF_DELETE_VACANT:
        for (size_t i = 0; i < e->count; i++)
            if (e->posts[i].status == MTFP_POST_VACANT &&
                (a->service < 0 || (uint32_t)a->service == e->posts[i].service) &&
                (a->category < 0 || (uint32_t)a->category == e->posts[i].category))
                end_before(&e->posts[i], a->from);
        return MTFP_OK;
    case MTFP_STAFF_REGRADE:
        return regrade(e, a, post);
    case MTFP_STAFF_VACANCY:
        if (a->service < 0) {
            e->policy.vacancy_rate = a->rate;
            return MTFP_OK;
        }
        return mtfp_establishment_set_vacancy(e, (uint32_t)a->service, a->rate);
    }
    return MTFP_OK;
}

bool mtfp_establishment_service_bills(const mtfp_establishment *e, size_t service_count,
                                      int base_year, int years, const long double *pay,
                                      mtfp_pence *bill)
{
    size_t width = (size_t)years + 1;
    memset(bill, 0, service_count * width * sizeof *bill);
    mtfp_pence post_bill[MTFP_MAX_YEARS + 1];
    for (size_t i = 0; i < e->count; i++) {
        const mtfp_post *post = &e->posts[i];
        if (post->service >= service_count ||
            !mtfp_post_pay_bill(e, post, base_year, years, pay, post_bill))
            return false;
        for (size_t y = 0; y < width; y++)
            if (!mtfp_money_add(bill[post->service * width + y], post_bill[y],
                                &bill[post->service * width + y]))
                return false;
    }
    for (size_t s = 0; s < service_count; s++) {
        double rate = mtfp_establishment_vacancy(e, (uint32_t)s);
        for (size_t y = 0; y < width; y++) {
            mtfp_pence saved;
            if (!mtfp_money_round(rate * (double)bill[s * width + y], &saved))
                return false;
            bill[s * width + y] -= saved;
        }
    }
    return true;
}
