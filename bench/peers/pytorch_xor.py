#!/usr/bin/python3
"""PyTorch CPU peer for NetGen's XOR sample: the same 2-4-1 network, loss, optimizer and stopping rule.

Network: Linear(2, 4) -> Tanh -> Linear(4, 1) -> Sigmoid, mean binary cross-entropy, Adam lr 0.05,
full batch of the four XOR rows (inputs 0/1, targets 0, 1, 1, 0).

Usage: OPENBLAS_CORETYPE=SkylakeX /usr/bin/python3 bench/peers/pytorch_xor.py \
           [--repeats 5] [--seed 1] [--threads 2] [--steps 10000] [--max-epochs 5000]
Runs, each repeated with seeds S, S+1, ...:
  to_mse  train steps until the MSE of a step's own forward outputs (before its update) is < 0.01, as
          FANN's fann_train_on_data stops (or max epochs), timed whole;
  steps   10 untimed warm-up steps, then --steps timed training steps without evaluation.
Stdout: one JSON object per line (an "about" line, then one line per run); progress goes to stderr.
"""
import argparse
import ctypes
import json
import os
import platform
import sys
import time

BLAS_PATH = "/usr/lib/x86_64-linux-gnu/libblas.so.3"
TARGET_MSE = 0.01
WARM_UP_STEPS = 10


def positive_int(text):
    """argparse type: an integer of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}")
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def parse_args():
    parser = argparse.ArgumentParser(description="Train NetGen's XOR network with PyTorch on the CPU.")
    parser.add_argument("--repeats", type=positive_int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=positive_int, default=2)
    parser.add_argument("--steps", type=positive_int, default=10_000)
    parser.add_argument("--max-epochs", type=positive_int, default=5_000)
    return parser.parse_args()


# The thread variables must be set before PyTorch loads its BLAS, so parse first.
ARGS = parse_args()
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, str(ARGS.threads))

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402

INPUTS = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
TARGETS = torch.tensor([[0.0], [1.0], [1.0], [0.0]])


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


class Trainer:
    """A freshly seeded XOR network with its Adam optimizer and loss."""

    def __init__(self, seed):
        torch.manual_seed(seed)
        self.model = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 1), nn.Sigmoid())
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=0.05)
        self.loss_fn = nn.BCELoss()

    def step(self):
        """One full-batch training step; returns the outputs of its forward pass, taken before the update."""
        self.optimizer.zero_grad(set_to_none=True)
        outputs = self.model(INPUTS)
        loss = self.loss_fn(outputs, TARGETS)
        loss.backward()
        self.optimizer.step()
        return outputs.detach()


def train_to_mse(seed, max_epochs):
    """Train until the MSE falls below the target; returns (epochs, seconds, mse).

    The MSE is that of the training pass's outputs, before its update: FANN's stopping rule, which needs no
    forward pass of its own."""
    trainer = Trainer(seed)
    epochs, mse = 0, float("inf")
    start = time.perf_counter()
    while epochs < max_epochs and mse >= TARGET_MSE:
        outputs = trainer.step()
        mse = torch.mean((outputs - TARGETS) ** 2).item()
        epochs += 1
    return epochs, time.perf_counter() - start, mse


def time_steps(seed, steps):
    """Seconds for `steps` training steps after a short untimed warm-up."""
    trainer = Trainer(seed)
    for _ in range(WARM_UP_STEPS):
        trainer.step()
    start = time.perf_counter()
    for _ in range(steps):
        trainer.step()
    return time.perf_counter() - start


def main():
    args = ARGS
    torch.set_num_threads(args.threads)
    emit({"peer": "pytorch", "about": True, "version": torch.__version__, "threads": args.threads,
          "torch_threads": torch.get_num_threads(), "python": platform.python_version(),
          "blas": os.path.realpath(BLAS_PATH), "openblas_core": openblas_core(),
          "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE"),
          "omp_num_threads": os.environ.get("OMP_NUM_THREADS"), "target_mse": TARGET_MSE})
    train_to_mse(args.seed, args.max_epochs)  # untimed warm-up run
    seeds = range(args.seed, args.seed + args.repeats)
    for seed in seeds:
        epochs, seconds, mse = train_to_mse(seed, args.max_epochs)
        reached = mse < TARGET_MSE
        print(f"to_mse seed {seed}: {epochs} epochs, {seconds * 1e3:.1f} ms, mse {mse:.5f}", file=sys.stderr)
        emit({"peer": "pytorch", "benchmark": "xor", "run": "to_mse", "seed": seed, "epochs": epochs,
              "seconds": seconds, "mse": mse, "reached": reached})
    for seed in seeds:
        seconds = time_steps(seed, args.steps)
        print(f"steps seed {seed}: {args.steps} steps, {seconds * 1e3:.1f} ms "
              f"({seconds / args.steps * 1e6:.1f} us a step)", file=sys.stderr)
        emit({"peer": "pytorch", "benchmark": "xor", "run": "steps", "seed": seed, "steps": args.steps,
              "seconds": seconds})


if __name__ == "__main__":
    main()
