#!/usr/bin/python3
"""NumPy / PyTorch CPU peer for the float32 square matrix product.

Usage: OPENBLAS_CORETYPE=SkylakeX /usr/bin/python3 bench/peers/matmul.py \
           --library numpy|torch [--sizes 1024,2048,4096] [--repeats 5] [--threads 2] [--seed 1]
Per size: one warm-up product, then R timed products into a preallocated result.
Stdout: one JSON object per line (an "about" line, then one line per size); progress goes to stderr.
"""
import argparse
import ctypes
import json
import os
import platform
import sys
import time

BLAS_PATH = "/usr/lib/x86_64-linux-gnu/libblas.so.3"


def positive_int(text):
    """argparse type: an integer of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}")
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def size_list(text):
    """argparse type: a comma-separated list of positive integers."""
    return [positive_int(part.strip()) for part in text.split(",")]


def parse_args():
    parser = argparse.ArgumentParser(description="Time float32 square matrix products (NumPy or PyTorch CPU).")
    parser.add_argument("--library", required=True, choices=["numpy", "torch"])
    parser.add_argument("--sizes", type=size_list, default=[1024, 2048, 4096])
    parser.add_argument("--repeats", type=positive_int, default=5)
    parser.add_argument("--threads", type=positive_int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    return parser.parse_args()


# The thread variables must be set before NumPy or PyTorch loads its BLAS, so parse first.
ARGS = parse_args()
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, str(ARGS.threads))

import numpy as np  # noqa: E402

if ARGS.library == "torch":
    import torch  # noqa: E402


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


def about(peer):
    """The first output line: versions, threads and BLAS facts."""
    record = {
        "peer": peer, "about": True,
        "version": torch.__version__ if peer == "pytorch" else np.__version__,
        "threads": ARGS.threads,
        "python": platform.python_version(),
        "blas": os.path.realpath(BLAS_PATH),
        "openblas_core": openblas_core(),
        "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE"),
        "omp_num_threads": os.environ.get("OMP_NUM_THREADS"),
    }
    if peer == "pytorch":
        record["torch_threads"] = torch.get_num_threads()
    return record


def operands(size, seed):
    """Seeded uniform [0, 1) float32 matrices A and B and a result matrix C."""
    rng = np.random.default_rng(seed)
    a = rng.random((size, size), dtype=np.float32)
    b = rng.random((size, size), dtype=np.float32)
    c = np.empty((size, size), dtype=np.float32)
    if ARGS.library == "torch":
        return torch.from_numpy(a), torch.from_numpy(b), torch.from_numpy(c)
    return a, b, c


def main():
    if ARGS.library == "torch":
        torch.set_num_threads(ARGS.threads)
        multiply, peer = torch.matmul, "pytorch"
    else:
        multiply, peer = np.matmul, "numpy"
    emit(about(peer))
    for size in ARGS.sizes:
        a, b, c = operands(size, ARGS.seed)
        multiply(a, b, out=c)
        seconds = []
        for _ in range(ARGS.repeats):
            start = time.perf_counter()
            multiply(a, b, out=c)
            seconds.append(time.perf_counter() - start)
        best = min(seconds)
        print(f"{peer} {size}: best {best * 1e3:.2f} ms, {2 * size ** 3 / best / 1e9:.1f} GFLOP/s", file=sys.stderr)
        emit({"peer": peer, "benchmark": "matmul", "size": size, "seconds": seconds})


if __name__ == "__main__":
    main()
