"""Writes regularized_network.pytorch.json: PyTorch training NetGen's BatchNormDropoutNet with the same weights and masks.

The network: Linear(6, 8, bias=False) → BatchNorm1d(8) → ReLU → Dropout(0.3) → Linear(8, 3), softmax cross-entropy averaged over the
batch, Adam (η = 0.01). The first layer has no bias: batch normalisation cancels it, so its gradient would be rounding
noise, which Adam's step amplifies to ±η. Dropout's masks are NetGen's: this script draws them with NetGen's Philox4x32-10 stream (the
network's seed, the dropout layer's stream, the training step), so both sides drop the same values and the test can
compare every number. Three training steps (loss, train-mode logits, parameters and running statistics after each),
then inference on a fourth batch. NetGen's RegularizedNetworkPyTorchTests compare. Run with Debian's python3-torch:
    /usr/bin/python3 tests/NetGen.Runtime.Tests/Reference/pytorch_regularized_network.py
"""
import json
import os

import torch

SEED = 7          # the seed NetGen's test initializes the network with
DROP_STREAM = 2   # the dropout layer's random stream: its position among the layers after the input (Hidden 0, Norm 1, Drop 2)
RATE = 0.3
BATCH = 5
MASK32 = 0xFFFFFFFF


def philox(counter, key):
    """Philox4x32-10, as NetGen.Internal.Philox.Generate."""
    c0, c1, c2, c3 = counter
    k0, k1 = key
    for round_index in range(10):
        if round_index > 0:
            k0 = (k0 + 0x9E3779B9) & MASK32
            k1 = (k1 + 0xBB67AE85) & MASK32
        product0 = 0xD2511F53 * c0
        product1 = 0xCD9E8D57 * c2
        c0, c1, c2, c3 = ((product1 >> 32) ^ c1 ^ k0) & MASK32, product1 & MASK32, ((product0 >> 32) ^ c3 ^ k1) & MASK32, product0 & MASK32
    return c0, c1, c2, c3


def dropout_mask(step, count):
    """NetGen's dropout mask at a training step: value i is dropped when its uniform draw (top 24 bits × 2⁻²⁴) is below
    the rate, and kept values are scaled by 1 / (1 − rate)."""
    scale = torch.tensor(1.0 / (1.0 - RATE), dtype=torch.float32)
    mask = torch.empty(count, dtype=torch.float32)
    for i in range(count):
        words = philox((i >> 2, 0, step & MASK32, step >> 32), (SEED, DROP_STREAM))
        uniform = (words[i & 3] >> 8) / 16777216.0
        mask[i] = 0.0 if uniform < RATE else scale
    return mask


def floats(tensor):
    return tensor.detach().flatten().tolist()


torch.set_default_dtype(torch.float32)
generator = torch.Generator().manual_seed(3)
hidden, norm, logits = torch.nn.Linear(6, 8, bias=False), torch.nn.BatchNorm1d(8, momentum=0.1, eps=1e-5), torch.nn.Linear(8, 3)
with torch.no_grad():
    hidden.weight.copy_(torch.randn(8, 6, generator=generator) * 0.5)
    norm.weight.copy_(torch.rand(8, generator=generator) + 0.5)
    norm.bias.copy_(torch.rand(8, generator=generator) - 0.5)
    logits.weight.copy_(torch.randn(3, 8, generator=generator) * 0.5)
    logits.bias.copy_(torch.randn(3, generator=generator) * 0.1)


def parameters():
    """In NetGen's order: Hidden.Weight, Norm.Gamma, Norm.Beta, Logits.Weight, Logits.Bias."""
    return {"Hidden.Weight": floats(hidden.weight), "Norm.Gamma": floats(norm.weight),
            "Norm.Beta": floats(norm.bias), "Logits.Weight": floats(logits.weight), "Logits.Bias": floats(logits.bias)}


record = {"torch": torch.__version__, "seed": SEED, "rate": RATE, "batch": BATCH, "learning_rate": 0.01,
          "initial": parameters(), "steps": []}
optimizer = torch.optim.Adam([*hidden.parameters(), *norm.parameters(), *logits.parameters()], lr=0.01)
for step in range(1, 4):
    x = torch.randn(BATCH, 6, generator=generator) * 1.5 + 0.3
    labels = torch.randint(0, 3, (BATCH,), generator=generator)
    norm.train()
    optimizer.zero_grad()
    mask = dropout_mask(step, BATCH * 8).reshape(BATCH, 8)
    out = logits(torch.relu(norm(hidden(x))) * mask)
    loss = torch.nn.functional.cross_entropy(out, labels)
    loss.backward()
    optimizer.step()
    record["steps"].append({
        "x": floats(x), "labels": labels.tolist(), "kept": int((mask != 0).sum()), "loss": loss.item(), "logits": floats(out),
        "parameters": parameters(), "running_mean": floats(norm.running_mean), "running_var": floats(norm.running_var),
    })

norm.eval()
x = torch.randn(BATCH, 6, generator=generator) * 1.5 + 0.3
with torch.no_grad():
    out = logits(torch.relu(norm(hidden(x))))
record["inference"] = {"x": floats(x), "logits": floats(out)}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "regularized_network.pytorch.json")
with open(path, "w") as file:
    json.dump(record, file, indent=1)
print("wrote", path, "with PyTorch", torch.__version__)
