#!/usr/bin/python3
"""PyTorch CPU peer for single-sample inference latency: NetGen's MNIST MLP and LeNet-5, one sample per call.

Usage: OPENBLAS_CORETYPE=SkylakeX /usr/bin/python3 bench/peers/pytorch_latency.py \
           [--model mlp|lenet|all] [--calls N] [--warm-up SECONDS] [--seed 1] [--threads 2] [--quick]
For each model: a fresh network initialized as NetGen initializes it (He normal before a ReLU, Xavier uniform for the
logits, zero biases), model.eval(); one input tensor of one sample, made once: 784 pixels in [0, 1) from a 32-bit
linear congruential generator seeded with --seed, the same pixels the harness gives NetGen. Then calls of
softmax(model(x)) under torch.inference_mode(), the class probabilities NetGen's Predict returns: at least --warm-up
seconds of untimed calls, then --calls calls, each timed alone with time.perf_counter_ns.
Stdout: one JSON object per line (an "about" line, then one line per model with every call's seconds); progress goes to
stderr.
"""
import argparse
import ctypes
import json
import os
import platform
import sys
import time

BLAS_PATH = "/usr/lib/x86_64-linux-gnu/libblas.so.3"
MODEL_NAMES = ["mlp", "lenet"]
# Calls per model by default and with --quick; the harness passes its own --calls.
DEFAULT_CALLS = {"mlp": 20_000, "lenet": 5_000}
QUICK_CALLS = {"mlp": 1_000, "lenet": 300}
TIMER_READS = 10_000


def positive_int(text):
    """argparse type: an integer of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}")
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def non_negative_float(text):
    """argparse type: a number of at least 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}")
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"must be at least 0: {text!r}")
    return value


def parse_args():
    parser = argparse.ArgumentParser(description="Time single-sample inference of NetGen's MNIST networks with PyTorch on the CPU.")
    parser.add_argument("--model", default="all", choices=MODEL_NAMES + ["all"])
    parser.add_argument("--calls", type=positive_int, default=None,
                        help="timed calls per model (default 20000 for mlp and 5000 for lenet; 1000 and 300 with --quick)")
    parser.add_argument("--warm-up", type=non_negative_float, default=1.0, metavar="SECONDS",
                        help="untimed calls for at least this long before the timed ones (default 1)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=positive_int, default=2)
    parser.add_argument("--quick", action="store_true", help="few calls, to check the script")
    return parser.parse_args()


# The thread variables must be set before PyTorch loads its BLAS, so parse first.
ARGS = parse_args()
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, str(ARGS.threads))

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402

# As bench/peers/pytorch_mnist.py builds them (that script reads its arguments and the MNIST files when imported).
MODELS = {
    "mlp": lambda: nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10)),
    "lenet": lambda: nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(400, 120), nn.ReLU(),
        nn.Linear(120, 84), nn.ReLU(),
        nn.Linear(84, 10)),
}
# The input shape each network's first layer takes: a flat vector for the MLP, an image for LeNet-5.
INPUT_SHAPES = {"mlp": (1, 784), "lenet": (1, 1, 28, 28)}


def initialize_like_netgen(layers):
    """NetGen's defaults, as pytorch_mnist.py sets them: He normal (fan in) for a layer followed by a ReLU, Xavier uniform
    for the logits, zero biases."""
    modules = list(layers)
    for index, layer in enumerate(modules):
        if not isinstance(layer, (nn.Linear, nn.Conv2d)):
            continue
        if index + 1 < len(modules) and isinstance(modules[index + 1], nn.ReLU):
            nn.init.kaiming_normal_(layer.weight, mode="fan_in", nonlinearity="relu")
        else:
            nn.init.xavier_uniform_(layer.weight)
        nn.init.zeros_(layer.bias)


def sample_pixels(seed):
    """784 pixels in [0, 1): x ← 1664525·x + 1013904223 mod 2³², from x = seed; each pixel is the top 24 bits of x over
    2²⁴, exact in float32. InferenceLatency.cs makes the same pixels for NetGen."""
    state = seed % 2**32
    pixels = []
    for _ in range(784):
        state = (1664525 * state + 1013904223) % 2**32
        pixels.append((state >> 8) / 16777216.0)
    return pixels


def emit(record):
    """Print one result line on stdout."""
    print(json.dumps(record), flush=True)


def openblas_core():
    """The kernel set OpenBLAS chose (e.g. "SkylakeX"), or None when libblas.so.3 is not OpenBLAS."""
    try:
        library = ctypes.CDLL(os.path.realpath(BLAS_PATH))
        library.openblas_get_corename.restype = ctypes.c_char_p
        return library.openblas_get_corename().decode()
    except (OSError, AttributeError):
        return None


def timer_seconds():
    """The median of back-to-back perf_counter_ns readings: what the timer itself adds to each call's time."""
    gaps = []
    for _ in range(TIMER_READS):
        start = time.perf_counter_ns()
        gaps.append(time.perf_counter_ns() - start)
    gaps.sort()
    return gaps[len(gaps) // 2] / 1e9


def time_calls(model_name, calls, warm_up, seed):
    """Every timed call's seconds: softmax(model(x)) on one preallocated sample, after warm_up seconds of untimed calls."""
    torch.manual_seed(seed)
    model = MODELS[model_name]()
    initialize_like_netgen(model)
    model.eval()
    sample = torch.tensor(sample_pixels(seed), dtype=torch.float32).reshape(INPUT_SHAPES[model_name])
    seconds = [0.0] * calls
    with torch.inference_mode():
        began = time.perf_counter()
        while True:
            probabilities = torch.softmax(model(sample), dim=1)
            if time.perf_counter() - began >= warm_up:
                break
        for call in range(calls):
            start = time.perf_counter_ns()
            probabilities = torch.softmax(model(sample), dim=1)
            seconds[call] = (time.perf_counter_ns() - start) / 1e9
    assert probabilities.shape == (1, 10)
    return seconds


def main():
    args = ARGS
    torch.set_num_threads(args.threads)
    emit({"peer": "pytorch", "about": True, "version": torch.__version__, "threads": args.threads,
          "torch_threads": torch.get_num_threads(), "python": platform.python_version(),
          "blas": os.path.realpath(BLAS_PATH), "openblas_core": openblas_core(),
          "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE"),
          "omp_num_threads": os.environ.get("OMP_NUM_THREADS"), "mkldnn": torch.backends.mkldnn.is_available()})
    timer = timer_seconds()
    for model_name in MODEL_NAMES if args.model == "all" else [args.model]:
        calls = args.calls or (QUICK_CALLS if args.quick else DEFAULT_CALLS)[model_name]
        seconds = time_calls(model_name, calls, args.warm_up, args.seed)
        ordered = sorted(seconds)
        print(f"{model_name}: {calls} calls, p50 {ordered[len(ordered) // 2] * 1e6:.1f} us, "
              f"p99 {ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] * 1e6:.1f} us, "
              f"mean {sum(seconds) / len(seconds) * 1e6:.1f} us (timer {timer * 1e9:.0f} ns)", file=sys.stderr, flush=True)
        emit({"peer": "pytorch", "benchmark": "latency", "model": model_name, "calls": calls, "seed": args.seed,
              "timer_seconds": timer, "seconds": seconds})


if __name__ == "__main__":
    main()
