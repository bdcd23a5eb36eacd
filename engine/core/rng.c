#include "mtfp/rng.h"

#include <math.h>

static const double two_pi = 6.283185307179586476925286766559;

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

void mtfp_rng_seed(mtfp_rng *rng, uint64_t seed, uint64_t run)
{
    /* Words 4r+1 to 4r+4 of splitmix64 started at the seed: each run's
     * words are its own, none shared with another run's. */
    uint64_t x = seed + 4 * run * 0x9E3779B97F4A7C15u;
    for (int i = 0; i < 4; i++)
        rng->s[i] = splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t mtfp_rng_next(mtfp_rng *rng)
{
    uint64_t *s = rng->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double mtfp_rng_unit(mtfp_rng *rng)
{
    return (double)(mtfp_rng_next(rng) >> 11) * 0x1.0p-53;
}

double mtfp_rng_uniform(mtfp_rng *rng, double low, double high)
{
    return low + (high - low) * mtfp_rng_unit(rng);
}

/* Box-Muller from two uniforms; one normal per call (the second is not kept,
 * so a draw never depends on what was drawn before in another script). */
double mtfp_rng_normal(mtfp_rng *rng, double mean, double sd)
{
    double u = 1.0 - mtfp_rng_unit(rng); /* (0, 1]: log(u) is finite */
    double v = mtfp_rng_unit(rng);
    return mean + sd * sqrt(-2.0 * log(u)) * cos(two_pi * v);
}

/* By inverting the distribution function. */
double mtfp_rng_triangular(mtfp_rng *rng, double low, double mode, double high)
{
    double u = mtfp_rng_unit(rng), width = high - low;
    if (width <= 0)
        return low;
    double split = (mode - low) / width;
    if (u < split)
        return low + sqrt(u * width * (mode - low));
    return high - sqrt((1.0 - u) * width * (high - mode));
}

/* By inversion (sequential search), in parts of mean 500 or less so that
 * exp(-mean) stays well inside a double; the sum of Poisson counts is a
 * Poisson count of the summed means. */
double mtfp_rng_poisson(mtfp_rng *rng, double mean)
{
    double count = 0;
    while (mean > 0) {
        double part = mean > 500 ? 500 : mean;
        mean -= part;
        double u = mtfp_rng_unit(rng), p = exp(-part), cumulative = p;
        double k = 0;
        while (u > cumulative && p > 0) {
            k++;
            p *= part / k;
            cumulative += p;
        }
        count += k;
    }
    return count;
}

size_t mtfp_rng_choice(mtfp_rng *rng, const double *weights, size_t n)
{
    double total = 0;
    for (size_t i = 0; i < n; i++)
        total += weights[i];
    double target = mtfp_rng_unit(rng) * total, cumulative = 0;
    size_t last = 0;
    for (size_t i = 0; i < n; i++) {
        if (weights[i] <= 0)
            continue;
        cumulative += weights[i];
        last = i;
        if (target < cumulative)
            return i;
    }
    return last; /* rounding left target at the total */
}
