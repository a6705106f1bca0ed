"""Writes optimizers.pytorch.json: three steps of each PyTorch optimizer NetGen has, on fixed parameters and gradients.

NetGen's OptimizerPyTorchTests run the same steps through its own optimizers and compare. Run with Debian's python3-torch:
    /usr/bin/python3 tests/NetGen.Runtime.Tests/Reference/pytorch_optimizers.py
Each case names the NetGen optimizer and its options; clip_norm and clip_value are applied to the gradients before each
step with torch.nn.utils.clip_grad_norm_ and clip_grad_value_, in that order, as NetGen's Step applies them.
"""
import json
import os

import torch

LENGTH = 37
STEPS = 3

generator = torch.Generator().manual_seed(20261205)
initial = torch.randn(LENGTH, generator=generator) * 0.5
gradients = [torch.randn(LENGTH, generator=generator) * 0.1 for _ in range(STEPS)]
# An element whose gradient nearly cancels the L2 term λθ (λ = 0.1), where rounding g + λθ twice would show.
initial[5] = -0.0033907949
for gradient in gradients:
    gradient[5] = 0.00033907086

CASES = [
    ("Sgd", {"learning_rate": 0.05}, lambda p: torch.optim.SGD(p, lr=0.05)),
    ("Sgd", {"learning_rate": 0.05, "weight_decay": 0.1, "clip_norm": 0.2, "clip_value": 0.05},
     lambda p: torch.optim.SGD(p, lr=0.05, weight_decay=0.1)),
    ("Momentum", {"learning_rate": 0.05, "momentum": 0.9}, lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9)),
    ("Nesterov", {"learning_rate": 0.05, "momentum": 0.9, "weight_decay": 0.1},
     lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.1)),
    ("Adagrad", {"learning_rate": 0.05, "epsilon": 1e-10}, lambda p: torch.optim.Adagrad(p, lr=0.05, eps=1e-10)),
    ("AdaDelta", {"learning_rate": 1.0, "rho": 0.9, "epsilon": 1e-6},
     lambda p: torch.optim.Adadelta(p, lr=1.0, rho=0.9, eps=1e-6)),
    ("RmsProp", {"learning_rate": 0.01, "rho": 0.9, "epsilon": 1e-8},
     lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9, eps=1e-8)),
    # iRPROP-: PyTorch's Rprop forgets the gradient after a sign change. It has no weight_decay. With the second
    # case's bounds, Δ0·η+ = 0.075 is held at Δmax and Δ0·η− = 0.015 at Δmin on the first sign change.
    ("Rprop", {"learning_rate": 0.01}, lambda p: torch.optim.Rprop(p)),
    ("Rprop", {"learning_rate": 0.05, "eta_minus": 0.3, "eta_plus": 1.5, "min_step_size": 0.02, "max_step_size": 0.06,
               "clip_norm": 0.2, "clip_value": 0.05},
     lambda p: torch.optim.Rprop(p, lr=0.05, etas=(0.3, 1.5), step_sizes=(0.02, 0.06))),
    ("Adam", {"learning_rate": 0.01, "weight_decay": 0.1}, lambda p: torch.optim.Adam(p, lr=0.01, weight_decay=0.1)),
    ("Adam", {"learning_rate": 0.01, "weight_decay": 0.01, "clip_norm": 0.2, "clip_value": 0.05},
     lambda p: torch.optim.Adam(p, lr=0.01, weight_decay=0.01)),
    ("AdamW", {"learning_rate": 0.01, "weight_decay": 0.05}, lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.05)),
]


def run(options, create):
    parameter = torch.nn.Parameter(initial.clone())
    optimizer = create([parameter])
    after = []
    for gradient in gradients:
        parameter.grad = gradient.clone()
        if "clip_norm" in options:
            torch.nn.utils.clip_grad_norm_([parameter], options["clip_norm"])
        if "clip_value" in options:
            torch.nn.utils.clip_grad_value_([parameter], options["clip_value"])
        optimizer.step()
        after.append(parameter.detach().tolist())
    return after


document = {
    "torch": torch.__version__,
    "initial": initial.tolist(),
    "gradients": [gradient.tolist() for gradient in gradients],
    "cases": [{"optimizer": name, "options": options, "after": run(options, create)} for name, options, create in CASES],
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "optimizers.pytorch.json")
with open(path, "w") as file:
    json.dump(document, file, indent=1)
print("wrote", path)
