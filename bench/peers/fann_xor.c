/*
 * FANN peer for the XOR benchmark.
 *
 * Reproduces FANN's classic XOR example (examples/simple_train.c and the "Getting Started" page;
 * examples/xor_train.c trains the same network): fann_create_standard(3, 2, 3, 1), symmetric
 * sigmoid (tanh-like, outputs in -1..1) in the hidden and output layers, FANN's default training
 * algorithm (FANN_TRAIN_RPROP, i.e. iRPROP-, one weight update per epoch over the whole set), and
 * the XOR data in -1/+1 form, built in memory instead of read from xor.data.
 *
 * Per repeat r (seed s = --seed + r) the network is created, then srand(s) and
 * fann_randomize_weights(ann, -0.1, 0.1) (FANN's default initial range) make the start reproducible.
 *   to_mse  times `mse = fann_train_epoch(ann, data)` until mse <= --desired-error or --max-epochs,
 *           which is fann_train_on_data's stopping rule (FANN_STOPFUNC_MSE compares with <=).
 *           The MSE fann_train_epoch returns is accumulated during that epoch's forward passes, i.e.
 *           before the epoch's weight update; "mse_after" is fann_test_data on the stopped network.
 *           FANN halves the difference for symmetric outputs, so its MSE on -1/+1 targets equals the
 *           MSE on the 0/1 scale that the PyTorch and NetGen peers report.
 *   steps   a fresh network, 10 untimed warm-up epochs (as the PyTorch peer), then --steps timed epochs.
 * One untimed to_mse run precedes the timed ones (as the PyTorch peer).
 * Stdout: one JSON object per line (an "about" line first); errors go to stderr with exit code 2.
 *
 * Library: Debian's libfann.so and libfloatfann.so are both built from FANN's floatfann.c (identical
 * code, different sonames), so fann_type is float with either -lfann or -lfloatfann; this file includes
 * <floatfann.h> to make that explicit. libdoublefann.so is the double build and must not be mixed with
 * this header. FANN trains on one thread; --threads is accepted for a uniform command line only.
 *
 * Build: cc -O2 -Wall -Wextra -o fann_xor bench/peers/fann_xor.c -lfann -lm
 * Run:   ./fann_xor [--repeats 5] [--seed 1] [--steps 10000] [--desired-error 0.01] [--max-epochs 500000]
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <floatfann.h>

/* fann.h has no version macro; this is the version of Debian's libfann-dev (2.2.0+ds-8). */
#define FANN_VERSION_TEXT "2.2.0"
#define WARM_UP_EPOCHS 10

struct options {
    unsigned int repeats;
    unsigned int seed;
    unsigned int steps;
    unsigned int max_epochs;
    unsigned int threads;
    float desired_error;
};

static void fail(const char *message, const char *detail)
{
    fprintf(stderr, "fann_xor: %s%s\n", message, detail);
    fprintf(stderr, "usage: fann_xor [--repeats R] [--seed S] [--steps N] [--desired-error E] "
                    "[--max-epochs N] [--threads T]\n");
    exit(2);
}

/* Parses a whole decimal number in [minimum, 4294967295]. */
static unsigned int parse_count(const char *name, const char *text, unsigned long minimum)
{
    char *end;
    unsigned long long value;
    errno = 0;
    value = strtoull(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || text[0] == '-' || value < minimum || value > 4294967295ULL)
        fail(name, minimum ? " needs a positive integer" : " needs a non-negative integer");
    return (unsigned int) value;
}

static struct options parse_options(int argc, char **argv)
{
    struct options options = {5, 1, 10000, 500000, 2, 0.01f};
    int i;
    for (i = 1; i < argc; i += 2) {
        const char *name = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        if (value == NULL)
            fail("missing value for ", name);
        if (strcmp(name, "--repeats") == 0)
            options.repeats = parse_count(name, value, 1);
        else if (strcmp(name, "--seed") == 0)
            options.seed = parse_count(name, value, 0);
        else if (strcmp(name, "--steps") == 0)
            options.steps = parse_count(name, value, 1);
        else if (strcmp(name, "--max-epochs") == 0)
            options.max_epochs = parse_count(name, value, 1);
        else if (strcmp(name, "--threads") == 0)
            options.threads = parse_count(name, value, 1);
        else if (strcmp(name, "--desired-error") == 0) {
            char *end;
            errno = 0;
            options.desired_error = strtof(value, &end);
            if (errno != 0 || end == value || *end != '\0' || !(options.desired_error > 0.0f))
                fail(name, " needs a positive number");
        } else
            fail("unknown option ", name);
    }
    return options;
}

static double now_seconds(void)
{
    struct timespec time;
    clock_gettime(CLOCK_MONOTONIC, &time);
    return (double) time.tv_sec + (double) time.tv_nsec * 1e-9;
}

/* Prints a float as a JSON number, or null when it is not finite. */
static void print_number(const char *name, double value)
{
    if (isfinite(value))
        printf("\"%s\":%.9g", name, value);
    else
        printf("\"%s\":null", name);
}

/* The four XOR rows in -1/+1 form. */
static struct fann_train_data *xor_data(void)
{
    static const fann_type rows[4][3] = {{-1, -1, -1}, {-1, 1, 1}, {1, -1, 1}, {1, 1, -1}};
    struct fann_train_data *data = fann_create_train(4, 2, 1);
    unsigned int i;
    if (data == NULL)
        fail("cannot allocate the training data", "");
    for (i = 0; i < 4; i++) {
        data->input[i][0] = rows[i][0];
        data->input[i][1] = rows[i][1];
        data->output[i][0] = rows[i][2];
    }
    return data;
}

/* A 2-3-1 symmetric-sigmoid network with weights drawn from srand(seed). */
static struct fann *xor_network(unsigned int seed)
{
    struct fann *ann = fann_create_standard(3, 2, 3, 1);
    if (ann == NULL)
        fail("cannot create the network", "");
    fann_set_activation_function_hidden(ann, FANN_SIGMOID_SYMMETRIC);
    fann_set_activation_function_output(ann, FANN_SIGMOID_SYMMETRIC);
    srand(seed);
    fann_randomize_weights(ann, -0.1f, 0.1f);
    return ann;
}

struct mse_run {
    unsigned int epochs;
    double seconds;
    float mse;
    float mse_after;
};

/* Trains a fresh network until the epoch's MSE is at most the desired error (or max epochs). */
static struct mse_run train_to_mse(unsigned int seed, struct fann_train_data *data, const struct options *options)
{
    struct fann *ann = xor_network(seed);
    struct mse_run run = {0, 0.0, INFINITY, INFINITY};
    double start = now_seconds();
    while (run.epochs < options->max_epochs) {
        run.mse = fann_train_epoch(ann, data);
        run.epochs++;
        if (run.mse <= options->desired_error)
            break;
    }
    run.seconds = now_seconds() - start;
    run.mse_after = fann_test_data(ann, data);
    fann_destroy(ann);
    return run;
}

/* Seconds for `steps` training epochs of a fresh network after a short untimed warm-up. */
static double time_steps(unsigned int seed, struct fann_train_data *data, unsigned int steps)
{
    struct fann *ann = xor_network(seed);
    double start, seconds;
    unsigned int i;
    for (i = 0; i < WARM_UP_EPOCHS; i++)
        fann_train_epoch(ann, data);
    start = now_seconds();
    for (i = 0; i < steps; i++)
        fann_train_epoch(ann, data);
    seconds = now_seconds() - start;
    fann_destroy(ann);
    return seconds;
}

/* The shared object that provides fann_train_epoch, e.g. /usr/lib/x86_64-linux-gnu/libfann.so.2. */
static const char *fann_library_path(void)
{
    Dl_info info;
    if (dladdr((void *) fann_train_epoch, &info) != 0 && info.dli_fname != NULL)
        return info.dli_fname;
    return "unknown";
}

int main(int argc, char **argv)
{
    struct options options = parse_options(argc, argv);
    struct fann_train_data *data = xor_data();
    unsigned int repeat;

    printf("{\"peer\":\"fann\",\"about\":true,\"version\":\"%s\",\"threads\":1,\"threads_requested\":%u,"
           "\"fann_type\":\"%s\",\"library\":\"%s\",\"training_algorithm\":\"FANN_TRAIN_RPROP\","
           "\"network\":\"2-3-1 FANN_SIGMOID_SYMMETRIC\",",
           FANN_VERSION_TEXT, options.threads, sizeof(fann_type) == sizeof(float) ? "float" : "double",
           fann_library_path());
    print_number("desired_error", options.desired_error);
    printf("}\n");
    fflush(stdout);

    train_to_mse(options.seed, data, &options); /* untimed warm-up run */
    for (repeat = 0; repeat < options.repeats; repeat++) {
        unsigned int seed = options.seed + repeat;
        struct mse_run run = train_to_mse(seed, data, &options);
        fprintf(stderr, "to_mse seed %u: %u epochs, %.3f ms, mse %.6f (after %.6f)\n",
                seed, run.epochs, run.seconds * 1e3, run.mse, run.mse_after);
        printf("{\"peer\":\"fann\",\"benchmark\":\"xor\",\"run\":\"to_mse\",\"seed\":%u,\"epochs\":%u,", seed, run.epochs);
        print_number("seconds", run.seconds);
        printf(",");
        print_number("mse", run.mse);
        printf(",\"reached\":%s,", run.mse <= options.desired_error ? "true" : "false");
        print_number("mse_after", run.mse_after);
        printf("}\n");
        fflush(stdout);
    }
    for (repeat = 0; repeat < options.repeats; repeat++) {
        unsigned int seed = options.seed + repeat;
        double seconds = time_steps(seed, data, options.steps);
        fprintf(stderr, "steps seed %u: %u epochs, %.3f ms (%.3f us an epoch)\n",
                seed, options.steps, seconds * 1e3, seconds / options.steps * 1e6);
        printf("{\"peer\":\"fann\",\"benchmark\":\"xor\",\"run\":\"steps\",\"seed\":%u,\"steps\":%u,", seed, options.steps);
        print_number("seconds", seconds);
        printf("}\n");
        fflush(stdout);
    }
    fann_destroy_train(data);
    return 0;
}
