#!/usr/bin/python3
"""PyTorch CPU peer for the MNIST samples: the same networks, optimizer, batch size and data as NetGen.

Usage: OPENBLAS_CORETYPE=SkylakeX /usr/bin/python3 bench/peers/pytorch_mnist.py \
           --model NAME --epochs 3 --batch-size 128 [--limit N] [--seed 1] [--threads 2] \
           [--data-dir data/mnist] [--json] [--init netgen|pytorch] [--step-profile N]
Prints one line per epoch: epoch time of the training loop only, and test accuracy.
With --json those lines go to stderr, and stdout carries one JSON object per line instead:
an "about" line, then one line per epoch. --step-profile N then times N more training steps part by part
(forward and loss, backward, optimizer step) and adds one line with the seconds of each.
"""
import argparse
import ctypes
import json
import math
import os
import platform
import sys
import time

BLAS_PATH = "/usr/lib/x86_64-linux-gnu/libblas.so.3"
MODEL_NAMES = ["mlp", "lenet", "lenet-dropout", "lenet-batchnorm", "lenet-batchnorm-dropout", "regularized", "lstm"]
DATA_FILES = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]


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
    parser = argparse.ArgumentParser(description="Train NetGen's MNIST networks with PyTorch on the CPU.")
    parser.add_argument("--model", default="mlp", choices=MODEL_NAMES)
    parser.add_argument("--epochs", type=positive_int, default=3)
    parser.add_argument("--batch-size", type=positive_int, default=128)
    parser.add_argument("--limit", type=positive_int, default=None, help="train on the first N images only")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lr", type=float, default=1e-3, help="Adam's learning rate (default 0.001)")
    parser.add_argument("--schedule", default="none", choices=["none", "step", "exponential", "cosine"],
                        help="per-epoch learning-rate schedule, as the MNIST sample's --schedule: step halves the rate "
                             "every 3 epochs (StepLR), exponential multiplies it by 0.8 each epoch (ExponentialLR), "
                             "cosine warms up for 1 epoch, then decays along a cosine (NetGen's CosineDecay)")
    parser.add_argument("--threads", type=positive_int, default=2)
    parser.add_argument("--data-dir", default=os.path.join(os.path.dirname(__file__), "..", "..", "data", "mnist"))
    parser.add_argument("--json", action="store_true", help="JSON lines on stdout, human lines on stderr")
    parser.add_argument("--init", default="netgen", choices=["netgen", "pytorch"],
                        help="initialize as NetGen does (default), or keep PyTorch's own default")
    parser.add_argument("--step-profile", type=positive_int, default=None, metavar="N",
                        help="after training, time N training steps by part: forward and loss, backward, optimizer step")
    args = parser.parse_args()
    missing = [name for name in DATA_FILES if not os.path.isfile(os.path.join(args.data_dir, name))]
    if missing:
        parser.error(f"MNIST files missing in {os.path.abspath(args.data_dir)}: {', '.join(missing)}")
    return args


# The thread variables must be set before PyTorch loads its BLAS, so parse first.
ARGS = parse_args()
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, str(ARGS.threads))

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402


def read_idx(path):
    with open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = tuple(int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims))
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(directory, split):
    prefix = "train" if split == "train" else "t10k"
    images = read_idx(os.path.join(directory, f"{prefix}-images-idx3-ubyte")).astype(np.float32) / 255.0
    labels = read_idx(os.path.join(directory, f"{prefix}-labels-idx1-ubyte")).astype(np.int64)
    return torch.from_numpy(images.reshape(-1, 1, 28, 28).copy()), torch.from_numpy(labels.copy())


def lenet(batch_norm, dropout):
    """LeNet-5 as NetGen's sample declares it; with batch_norm, a BatchNorm before each ReLU; with dropout, Dropout(0.5)
    after both hidden dense layers (bench/NetGen.Bench/Networks/LeNet5Variants.cs)."""
    def block(linear, norm):
        return [linear] + ([norm] if batch_norm else []) + [nn.ReLU()]
    drop = [nn.Dropout(0.5)] if dropout else []
    return nn.Sequential(
        *block(nn.Conv2d(1, 6, 5, padding=2), nn.BatchNorm2d(6)), nn.MaxPool2d(2),
        *block(nn.Conv2d(6, 16, 5), nn.BatchNorm2d(16)), nn.MaxPool2d(2), nn.Flatten(),
        *block(nn.Linear(400, 120), nn.BatchNorm1d(120)), *drop,
        *block(nn.Linear(120, 84), nn.BatchNorm1d(84)), *drop,
        nn.Linear(84, 10))


def regularized():
    """The MNIST sample's RegularizedLeNet: bias-free convolutions and hidden layer, each followed by batch normalisation
    and a ReLU, dropout 0.5 before the logits."""
    return nn.Sequential(
        nn.Conv2d(1, 32, 5, padding=2, bias=False), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 5, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(1600, 256, bias=False), nn.BatchNorm1d(256), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(256, 10))


class RowLstm(nn.Module):
    """The Sequences sample's RowMnistLstm: each image as 28 steps of one 28-pixel row, nn.LSTM(28, 128) and a Linear(128, 10)
    on the last hidden state."""

    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(28, 128, batch_first=True)
        self.logits = nn.Linear(128, 10)

    def forward(self, images):
        states, _ = self.lstm(images.view(-1, 28, 28))
        return self.logits(states[:, -1])


MODELS = {
    "mlp": lambda: nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10)),
    "lenet": lambda: lenet(batch_norm=False, dropout=False),
    "lenet-dropout": lambda: lenet(batch_norm=False, dropout=True),
    "lenet-batchnorm": lambda: lenet(batch_norm=True, dropout=False),
    "lenet-batchnorm-dropout": lambda: lenet(batch_norm=True, dropout=True),
    "regularized": regularized,
    "lstm": RowLstm,
}
assert list(MODELS) == MODEL_NAMES


def network(model):
    layers = MODELS[model]()
    if ARGS.init == "netgen":
        initialize_like_netgen(layers)
    return layers


def initialize_like_netgen(layers):
    """NetGen's defaults: He normal (fan in) for a layer whose own activation is a ReLU, Xavier uniform for one without
    (the logits, and a layer followed by batch normalisation), zero biases; batch normalisation's γ = 1 and β = 0.

    PyTorch's own default (uniform within 1/sqrt(fan in)) starts smaller and learns more slowly in the first epochs,
    so comparing accuracies needs the same initialization on both sides. NetGen's LSTM starts as PyTorch's does (every
    weight and bias uniform within 1/sqrt(units)), so in the row-by-row LSTM only the logits layer changes."""
    if isinstance(layers, RowLstm):
        nn.init.xavier_uniform_(layers.logits.weight)
        nn.init.zeros_(layers.logits.bias)
        return
    modules = list(layers)
    for index, layer in enumerate(modules):
        if not isinstance(layer, (nn.Linear, nn.Conv2d)):
            continue
        followed_by_relu = index + 1 < len(modules) and isinstance(modules[index + 1], nn.ReLU)
        if followed_by_relu:
            nn.init.kaiming_normal_(layer.weight, mode="fan_in", nonlinearity="relu")
        else:
            nn.init.xavier_uniform_(layer.weight)
        if layer.bias is not None:
            nn.init.zeros_(layer.bias)


def schedule(optimizer, name):
    """The learning-rate schedule the MNIST sample's --schedule of the same name sets, stepped once per epoch."""
    if name == "step":
        return torch.optim.lr_scheduler.StepLR(optimizer, step_size=3, gamma=0.5)
    if name == "exponential":
        return torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=0.8)
    if name == "cosine":
        return torch.optim.lr_scheduler.LambdaLR(optimizer, lambda index: cosine_factor(index + 1, ARGS.epochs, warmup=1))
    return None


def cosine_factor(epoch, epochs, warmup):
    """NetGen's CosineDecay with a minimum rate of 0, as a factor of the initial rate; epochs count from 1."""
    if epoch <= warmup:
        return epoch / (warmup + 1)
    return (1 + math.cos(math.pi * (epoch - warmup - 1) / (epochs - warmup))) / 2


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


def about(train_count):
    """The first JSON line: versions, threads, BLAS facts and the run's settings."""
    return {
        "peer": "pytorch", "about": True, "version": torch.__version__, "threads": ARGS.threads,
        "torch_threads": torch.get_num_threads(),
        "python": platform.python_version(),
        "blas": os.path.realpath(BLAS_PATH),
        "openblas_core": openblas_core(),
        "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE"),
        "omp_num_threads": os.environ.get("OMP_NUM_THREADS"),
        "model": ARGS.model, "batch_size": ARGS.batch_size, "train_images": train_count, "seed": ARGS.seed,
        "init": ARGS.init, "lr": ARGS.lr, "schedule": ARGS.schedule,
    }


def main():
    args = ARGS
    human = sys.stderr if args.json else sys.stdout
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    train_x, train_y = load(args.data_dir, "train")
    test_x, test_y = load(args.data_dir, "test")
    if args.limit:
        train_x, train_y = train_x[: args.limit], train_y[: args.limit]
    if args.json:
        emit(about(len(train_x)))
    model = network(args.model)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    scheduler = schedule(optimizer, args.schedule)
    loss_fn = nn.CrossEntropyLoss()
    for epoch in range(1, args.epochs + 1):
        order = torch.randperm(len(train_x))
        start = time.perf_counter()
        model.train()
        for i in range(0, len(train_x), args.batch_size):
            index = order[i: i + args.batch_size]
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(model(train_x[index]), train_y[index])
            loss.backward()
            optimizer.step()
        elapsed = time.perf_counter() - start
        rate = optimizer.param_groups[0]["lr"]
        if scheduler is not None:
            scheduler.step()
        model.eval()
        with torch.no_grad():
            accuracy = 100 * (model(test_x).argmax(1) == test_y).sum().item() / len(test_y)
        print(f"{args.model} epoch {epoch}: {elapsed:.3f} s, test accuracy {accuracy:.2f} %", file=human, flush=True)
        if args.json:
            emit({"peer": "pytorch", "benchmark": "mnist", "model": args.model, "batch_size": args.batch_size,
                  "epoch": epoch, "seconds": elapsed, "accuracy": accuracy, "learning_rate": rate})
    if args.step_profile:
        profile_steps(model, optimizer, loss_fn, train_x, train_y, human)


def profile_steps(model, optimizer, loss_fn, train_x, train_y, human):
    """Times training steps on consecutive batches by part: forward and loss (autograd recording), backward, optimizer step."""
    args = ARGS
    model.train()
    parts = {"forward_seconds": [], "backward_seconds": [], "update_seconds": []}
    for step in range(args.step_profile + 1):
        start = (step * args.batch_size) % (len(train_x) - args.batch_size + 1)
        images, labels = train_x[start: start + args.batch_size], train_y[start: start + args.batch_size]
        optimizer.zero_grad(set_to_none=True)
        began = time.perf_counter()
        loss = loss_fn(model(images), labels)
        forward = time.perf_counter()
        loss.backward()
        backward = time.perf_counter()
        optimizer.step()
        updated = time.perf_counter()
        if step > 0:  # the first step warms up
            parts["forward_seconds"].append(forward - began)
            parts["backward_seconds"].append(backward - forward)
            parts["update_seconds"].append(updated - backward)
    medians = {name: sorted(values)[len(values) // 2] for name, values in parts.items()}
    print(f"{args.model} step: forward {medians['forward_seconds'] * 1e3:.2f} ms, backward {medians['backward_seconds'] * 1e3:.2f} ms, "
          f"update {medians['update_seconds'] * 1e3:.2f} ms (medians of {args.step_profile})", file=human, flush=True)
    if args.json:
        emit({"peer": "pytorch", "benchmark": "mnist-steps", "model": args.model, "batch_size": args.batch_size, **parts})


if __name__ == "__main__":
    main()
