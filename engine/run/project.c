/* Projecting a run's scenarios at once: each reads the model and writes its
 * own plan, so a thread takes the next scenario not yet taken, into a diag
 * of its own, and the diags are added to the run's in scenario order. */
#define _POSIX_C_SOURCE 200809L

#include "mtfp/project.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>

typedef struct shared {
    mtfp_run *run;
    mtfp_diag *diags;      /* by scenario */
    mtfp_status *statuses; /* by scenario */
    atomic_size_t next;
    atomic_size_t failed; /* the first scenario that failed, or run->count */
} shared;

static void *work(void *arg)
{
    shared *s = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&s->next, 1);
        /* Past a failed scenario nothing later is reported: stop. */
        if (i >= s->run->count || i > atomic_load(&s->failed))
            break;
        s->statuses[i] = mtfp_run_project_scenario(s->run, i, &s->diags[i]);
        if (s->statuses[i] == MTFP_OK)
            continue;
        size_t failed = atomic_load(&s->failed);
        while (i < failed && !atomic_compare_exchange_weak(&s->failed, &failed, i))
            ;
    }
    return NULL;
}

mtfp_status mtfp_project_scenarios(mtfp_run *run, int threads, mtfp_diag *diag)
{
    size_t count = run->count;
    shared s = {.run = run,
                .diags = calloc(count ? count : 1, sizeof *s.diags),
                .statuses = calloc(count ? count : 1, sizeof *s.statuses)};
    if (!s.diags || !s.statuses) {
        free(s.diags);
        free(s.statuses);
        return MTFP_ERR_MEMORY;
    }
    atomic_init(&s.next, 0);
    atomic_init(&s.failed, count);
    for (size_t i = 0; i < count; i++)
        mtfp_diag_init(&s.diags[i]);
    size_t workers = threads < 1 ? 1 : (size_t)threads;
    workers = workers > count ? (count ? count : 1) : workers;
    pthread_t *ids = calloc(workers, sizeof *ids);
    size_t started = 0;
    /* The first worker is this thread; the others are started. */
    for (size_t t = 1; ids && t < workers; t++, started++)
        if (pthread_create(&ids[t], NULL, work, &s) != 0)
            break;
    work(&s);
    for (size_t t = 1; t <= started; t++)
        pthread_join(ids[t], NULL);
    free(ids);
    size_t failed = atomic_load(&s.failed);
    mtfp_status status = MTFP_OK;
    for (size_t i = 0; i < count && i <= failed; i++) {
        mtfp_status appended = mtfp_diag_append(diag, &s.diags[i]);
        status = i == failed ? s.statuses[i] : appended;
        if (status != MTFP_OK)
            break;
    }
    for (size_t i = 0; i < count; i++)
        mtfp_diag_free(&s.diags[i]);
    free(s.diags);
    free(s.statuses);
    return status;
}
