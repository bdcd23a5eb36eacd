/* The generator, the distributions and the statistics of sweeps and
 * simulations (rng.h, analysis.h). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mtfp/analysis.h"
#include "mtfp/rng.h"

/* The first outputs for seed 1, run 0, and for seed 20061001, run 7 (its
 * state: splitmix64 words 29 to 32), worked
 * out by a separate implementation of splitmix64 and xoshiro256** (Python,
 * from the algorithms' published reference code). */
static void test_generator_matches_the_reference_outputs(void **state)
{
    (void)state;
    mtfp_rng rng;
    mtfp_rng_seed(&rng, 1, 0);
    assert_true(mtfp_rng_next(&rng) == 0xb3f2af6d0fc710c5u);
    assert_true(mtfp_rng_next(&rng) == 0x853b559647364ceau);
    assert_true(mtfp_rng_next(&rng) == 0x92f89756082a4514u);
    mtfp_rng_seed(&rng, 20061001, 7);
    assert_true(mtfp_rng_next(&rng) == 0xfd57175c7daf98ddu);
    assert_true(mtfp_rng_next(&rng) == 0x6117300d51275f09u);
}

static void test_each_run_has_its_own_stream(void **state)
{
    (void)state;
    mtfp_rng a, b, again;
    mtfp_rng_seed(&a, 5, 0);
    mtfp_rng_seed(&b, 5, 1);
    mtfp_rng_seed(&again, 5, 0);
    uint64_t x = mtfp_rng_next(&a);
    assert_true(x != mtfp_rng_next(&b));
    assert_true(x == mtfp_rng_next(&again));
}

static int compare_words(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Runs whose states shared words (run r+1's state run r's shifted by one, as
 * a first version seeded them) drew correlated numbers: the 5th percentile of
 * 10,000 normal draws came out high for every seed tried. */
static void test_no_two_runs_share_a_word_of_state(void **state)
{
    (void)state;
    enum { RUNS = 1000 };
    uint64_t *words = malloc(RUNS * 4 * sizeof *words);
    assert_non_null(words);
    for (int r = 0; r < RUNS; r++) {
        mtfp_rng rng;
        mtfp_rng_seed(&rng, 1, (uint64_t)r);
        for (int k = 0; k < 4; k++)
            words[r * 4 + k] = rng.s[k];
    }
    qsort(words, RUNS * 4, sizeof *words, compare_words);
    for (int i = 1; i < RUNS * 4; i++)
        assert_true(words[i] != words[i - 1]);
    free(words);
}

enum { DRAWS = 200000 };

typedef double (*draw_fn)(mtfp_rng *rng, const double *args);

static void moments(draw_fn draw, const double *args, double *mean, double *sd, double *low,
                    double *high)
{
    mtfp_rng rng;
    mtfp_rng_seed(&rng, 42, 0);
    double sum = 0, squares = 0;
    *low = INFINITY;
    *high = -INFINITY;
    for (int i = 0; i < DRAWS; i++) {
        double x = draw(&rng, args);
        sum += x;
        squares += x * x;
        *low = x < *low ? x : *low;
        *high = x > *high ? x : *high;
    }
    *mean = sum / DRAWS;
    *sd = sqrt(squares / DRAWS - *mean * *mean);
}

static double normal(mtfp_rng *rng, const double *a)
{
    return mtfp_rng_normal(rng, a[0], a[1]);
}
static double triangular(mtfp_rng *rng, const double *a)
{
    return mtfp_rng_triangular(rng, a[0], a[1], a[2]);
}
static double poisson(mtfp_rng *rng, const double *a)
{
    return mtfp_rng_poisson(rng, a[0]);
}
static double uniform(mtfp_rng *rng, const double *a)
{
    return mtfp_rng_uniform(rng, a[0], a[1]);
}

/* 200,000 draws: the standard error of a mean is sd / 447, so the bounds
 * below are more than four standard errors wide. */
static void test_normal_draws_have_the_mean_and_sd_asked_for(void **state)
{
    (void)state;
    double mean, sd, low, high;
    moments(normal, (double[]){100, 15}, &mean, &sd, &low, &high);
    assert_true(fabs(mean - 100) < 0.15);
    assert_true(fabs(sd - 15) < 0.15);
}

static void test_triangular_draws_stay_in_range_with_the_right_mean(void **state)
{
    (void)state;
    double mean, sd, low, high;
    moments(triangular, (double[]){130000, 150000, 200000}, &mean, &sd, &low, &high);
    assert_true(low >= 130000 && high <= 200000);
    assert_true(fabs(mean - 160000) < 150); /* (130,000 + 150,000 + 200,000) / 3 */
    /* sd = sqrt((a2 + b2 + c2 - ab - ac - bc) / 18) = 14,719.6 */
    assert_true(fabs(sd - 14719.6) < 150);
}

static void test_poisson_draws_are_counts_with_mean_and_variance_equal(void **state)
{
    (void)state;
    double mean, sd, low, high;
    moments(poisson, (double[]){3}, &mean, &sd, &low, &high);
    assert_true(low >= 0);
    assert_true(fabs(mean - 3) < 0.02);
    assert_true(fabs(sd * sd - 3) < 0.06);
    /* A large mean is drawn in parts of 500. */
    moments(poisson, (double[]){1234.5}, &mean, &sd, &low, &high);
    assert_true(fabs(mean - 1234.5) < 0.4);
    assert_true(fabs(sd - sqrt(1234.5)) < 0.4);
    mtfp_rng rng;
    mtfp_rng_seed(&rng, 1, 0);
    double k = mtfp_rng_poisson(&rng, 7.5);
    assert_true(k == floor(k));
    assert_true(mtfp_rng_poisson(&rng, 0) == 0);
}

static void test_uniform_draws_cover_the_range_evenly(void **state)
{
    (void)state;
    double mean, sd, low, high;
    moments(uniform, (double[]){2, 4}, &mean, &sd, &low, &high);
    assert_true(low >= 2 && high < 4);
    assert_true(fabs(mean - 3) < 0.01);
    assert_true(fabs(sd - 2 / sqrt(12)) < 0.01);
}

static void test_choice_follows_the_weights_and_never_picks_a_zero_weight(void **state)
{
    (void)state;
    mtfp_rng rng;
    mtfp_rng_seed(&rng, 9, 0);
    const double weights[] = {0.5, 0, 0.3, 0.2};
    int counts[4] = {0};
    for (int i = 0; i < DRAWS; i++)
        counts[mtfp_rng_choice(&rng, weights, 4)]++;
    assert_int_equal(counts[1], 0);
    assert_true(abs(counts[0] - DRAWS / 2) < 1000);
    assert_true(abs(counts[2] - DRAWS * 3 / 10) < 1000);
    assert_true(abs(counts[3] - DRAWS / 5) < 1000);
}

static void test_percentiles_are_nearest_rank_values_of_the_sample(void **state)
{
    (void)state;
    mtfp_pence values[100];
    for (int i = 0; i < 100; i++) /* 100 down to 1, in pence */
        values[i] = 100 - i;
    mtfp_stats stats;
    assert_int_equal(mtfp_stats_describe(values, 100, 1, &stats), MTFP_OK);
    assert_int_equal(stats.min, 1);
    assert_int_equal(stats.max, 100);
    for (int p = 0; p < MTFP_PERCENTILES; p++)
        assert_int_equal(stats.percentile[p], mtfp_percentiles[p]);
    assert_int_equal(stats.mean, 51); /* 50.5 rounded half away from zero */
    assert_int_equal(stats.sd, 29);   /* sqrt(100 x 101 / 12) = 29.01 */
    assert_int_equal(mtfp_percentile_rank(10000, 5), 500);
    assert_int_equal(mtfp_percentile_rank(10001, 5), 501);
    assert_int_equal(mtfp_percentile_rank(3, 5), 1);
    assert_int_equal(mtfp_percentile_rank(3, 95), 3);
}

static void test_statistics_read_every_stride_th_value(void **state)
{
    (void)state;
    /* Two runs' values for years 0 and 1, interleaved: year 1 is -5 and 7. */
    const mtfp_pence values[] = {1000, -5, 2000, 7};
    mtfp_stats stats;
    assert_int_equal(mtfp_stats_describe(&values[1], 2, 2, &stats), MTFP_OK);
    assert_int_equal(stats.min, -5);
    assert_int_equal(stats.max, 7);
    assert_int_equal(stats.mean, 1);
    assert_int_equal(stats.sd, 8); /* |7 - -5| / sqrt 2 = 8.49 */
    assert_int_equal(mtfp_count_above(&values[1], 2, 2, 0), 1);
    assert_int_equal(mtfp_count_above(&values[1], 2, 2, -10), 2);
}

static void test_histogram_bins_cover_the_range_in_whole_pence(void **state)
{
    (void)state;
    mtfp_stats stats = {.min = -1000, .max = 1001};
    mtfp_pence lower[5];
    assert_int_equal(mtfp_histogram_bounds(&stats, 4, lower), 4);
    assert_int_equal(lower[0], -1000);
    assert_int_equal(lower[1], -499); /* 2,001 / 4 = 500.25: bins of 501 */
    assert_int_equal(lower[3], 503);
    assert_int_equal(lower[4], 1001);
}

/* A span too narrow for the bins asked for: no bin starts above the
 * largest value. 21p in 20 bins needs bins of 2p (1.05p rounded up), so 11
 * of them, the last from 20p to 21p; a span of 0 is one bin. */
static void test_a_narrow_span_needs_fewer_bins(void **state)
{
    (void)state;
    mtfp_pence lower[21];
    mtfp_stats narrow = {.min = 100, .max = 121};
    assert_int_equal(mtfp_histogram_bounds(&narrow, 20, lower), 11);
    assert_int_equal(lower[10], 120);
    assert_int_equal(lower[11], 121);
    mtfp_stats same = {.min = -5, .max = -5};
    assert_int_equal(mtfp_histogram_bounds(&same, 20, lower), 1);
    assert_int_equal(lower[0], -5);
    assert_int_equal(lower[1], -5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_generator_matches_the_reference_outputs),
        cmocka_unit_test(test_each_run_has_its_own_stream),
        cmocka_unit_test(test_no_two_runs_share_a_word_of_state),
        cmocka_unit_test(test_normal_draws_have_the_mean_and_sd_asked_for),
        cmocka_unit_test(test_triangular_draws_stay_in_range_with_the_right_mean),
        cmocka_unit_test(test_poisson_draws_are_counts_with_mean_and_variance_equal),
        cmocka_unit_test(test_uniform_draws_cover_the_range_evenly),
        cmocka_unit_test(test_choice_follows_the_weights_and_never_picks_a_zero_weight),
        cmocka_unit_test(test_percentiles_are_nearest_rank_values_of_the_sample),
        cmocka_unit_test(test_statistics_read_every_stride_th_value),
        cmocka_unit_test(test_histogram_bins_cover_the_range_in_whole_pence),
        cmocka_unit_test(test_a_narrow_span_needs_fewer_bins),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
