/* libFuzzer: scenario scripts on the small fixture model, with tight limits.
 * Any script must end in success or a located error: no crash, no escape, no
 * leak. MTFP_SOURCE_DIR (default ".") is the repository. */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "mtfp/evaluate.h"
#include "mtfp/load.h"
#include "mtfp/run.h"

static mtfp_model model;
static char path[64];

static void load_model(void)
{
    const char *source = getenv("MTFP_SOURCE_DIR");
    char dir[512];
    snprintf(dir, sizeof dir, "%s/tests/fixtures/small", source ? source : ".");
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    if (mtfp_model_init(&model) != MTFP_OK || mtfp_model_load(&model, dir, 0, &diag) != MTFP_OK)
        abort();
    mtfp_diag_free(&diag);
    model.limits.instructions = 2000000;
    model.limits.memory = 8 << 20;
    snprintf(path, sizeof path, "/tmp/mtfp-fuzz-script-%ld.lua", (long)getpid());
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!path[0])
        load_model();
    FILE *file = fopen(path, "wb");
    if (!file)
        abort();
    fwrite(data, 1, size, file);
    fclose(file);
    mtfp_settings settings;
    mtfp_settings_init(&settings);
    mtfp_diag diag;
    mtfp_diag_init(&diag);
    /* Drawn, so that the generator is fuzzed too. */
    mtfp_rng rng;
    mtfp_rng_seed(&rng, 1, size);
    mtfp_plan plan;
    mtfp_evaluate_scenario(&model, path, &settings, &rng, &plan, &diag);
    mtfp_plan_free(&plan);
    mtfp_settings_free(&settings);
    mtfp_diag_free(&diag);
    return 0;
}
