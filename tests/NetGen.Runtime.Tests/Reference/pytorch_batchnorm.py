"""Writes batchnorm.pytorch.json: what PyTorch's BatchNorm1d and BatchNorm2d compute on fixed inputs and weights.

NetGen's BatchNormTests compare its kernels with these numbers. Run with Debian's python3-torch:
    /usr/bin/python3 tests/NetGen.Runtime.Tests/Reference/pytorch_batchnorm.py
Each case: three training steps on three batches (outputs, gradients of a fixed upstream gradient, running statistics
after each), then an inference forward on a fourth batch.
"""
import json
import os

import torch


def case(name, module, shape, seed):
    generator = torch.Generator().manual_seed(seed)
    features = shape[1]
    with torch.no_grad():
        module.weight.copy_(torch.rand(features, generator=generator) + 0.5)
        module.bias.copy_(torch.rand(features, generator=generator) - 0.5)
    record = {
        "name": name,
        "shape": list(shape),
        "momentum": module.momentum,
        "epsilon": module.eps,
        "gamma": module.weight.detach().tolist(),
        "beta": module.bias.detach().tolist(),
        "steps": [],
    }
    module.train()
    for _ in range(3):
        x = (torch.randn(shape, generator=generator) * 2 + 0.7).requires_grad_(True)
        upstream = torch.randn(shape, generator=generator)
        module.zero_grad()
        y = module(x)
        y.backward(upstream)
        record["steps"].append({
            "x": x.detach().flatten().tolist(),
            "upstream": upstream.flatten().tolist(),
            "y": y.detach().flatten().tolist(),
            "dx": x.grad.flatten().tolist(),
            "dgamma": module.weight.grad.tolist(),
            "dbeta": module.bias.grad.tolist(),
            "running_mean": module.running_mean.tolist(),
            "running_var": module.running_var.tolist(),
        })
    module.eval()
    x = torch.randn(shape, generator=generator) * 2 + 0.7
    with torch.no_grad():
        y = module(x)
    record["inference"] = {"x": x.flatten().tolist(), "y": y.flatten().tolist()}
    return record


torch.set_default_dtype(torch.float32)
cases = [
    case("BatchNorm1d, 5 features, batch 4", torch.nn.BatchNorm1d(5, momentum=0.1, eps=1e-5), (4, 5), seed=1),
    case("BatchNorm2d, 3 channels of 3x4, batch 2", torch.nn.BatchNorm2d(3, momentum=0.3, eps=1e-3), (2, 3, 3, 4), seed=2),
]
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "batchnorm.pytorch.json")
with open(path, "w") as file:
    json.dump({"torch": torch.__version__, "cases": cases}, file, indent=1)
print("wrote", path, "with PyTorch", torch.__version__)
