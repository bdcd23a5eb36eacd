/* Random draws for Monte Carlo simulation (mtfp simulate).
 *
 * The generator is xoshiro256** (Blackman and Vigna, 2018). Run r of a
 * simulation with seed S starts from its own state: outputs 4r+1 to 4r+4 of
 * splitmix64 started at S (the words no other run uses). So a
 * run's draws depend on the seed and the run's number only, never on the
 * thread that evaluates it: the same seed gives the same results on any
 * machine and with any number of threads (docs/design.md, "Simulation"). */
#ifndef MTFP_RNG_H
#define MTFP_RNG_H

#include <stddef.h>
#include <stdint.h>

typedef struct mtfp_rng {
    uint64_t s[4];
} mtfp_rng;

/* The generator for run `run` of a simulation seeded with `seed`. */
void mtfp_rng_seed(mtfp_rng *rng, uint64_t seed, uint64_t run);

/* The next 64 random bits. */
uint64_t mtfp_rng_next(mtfp_rng *rng);

/* A uniform double in [0, 1): the top 53 bits of the next output. */
double mtfp_rng_unit(mtfp_rng *rng);

/* Draws from the distributions of uncertain.*. Arguments are as the Lua API
 * checks them (finite; sd >= 0; low <= mode <= high; mean >= 0). */
double mtfp_rng_uniform(mtfp_rng *rng, double low, double high);
double mtfp_rng_normal(mtfp_rng *rng, double mean, double sd);
double mtfp_rng_triangular(mtfp_rng *rng, double low, double mode, double high);
double mtfp_rng_poisson(mtfp_rng *rng, double mean);

/* An index from 0 to n-1, each with its weight's share of the total (weights
 * are 0 or more and add up to more than 0). */
size_t mtfp_rng_choice(mtfp_rng *rng, const double *weights, size_t n);

/* The largest Poisson mean uncertain.poisson accepts (draws take time in
 * proportion to the mean). */
#define MTFP_POISSON_MEAN_MAX 1e6

#endif
