"""Writes recurrent.pytorch.json: what PyTorch's nn.RNN, nn.LSTM and nn.GRU compute on fixed weights and inputs.

NetGen's RecurrentPyTorchTests compare RecurrentKernels with these numbers. Run with Debian's python3-torch:
    /usr/bin/python3 tests/NetGen.Runtime.Tests/Reference/pytorch_recurrent.py
Each case: one layer, batch_first, zero initial states, uniform weights and biases, a random batch and a random upstream
gradient of the output (every step's h, or the last step's alone); PyTorch's output and the gradients of every
parameter and of the input. A truncated case runs the sequence in chunks of `truncation` steps and detaches the state
between chunks, the usual idiom of truncated backpropagation through time.
"""
import json
import os

import torch

MODULES = {
    "SimpleRnn": lambda features, units: torch.nn.RNN(features, units, nonlinearity="tanh", batch_first=True),
    "Lstm": lambda features, units: torch.nn.LSTM(features, units, batch_first=True),
    "Gru": lambda features, units: torch.nn.GRU(features, units, batch_first=True),
}


def run(cell, module, x, truncation):
    """The output sequence [batch, T, H], chunked with detached states when truncation > 0."""
    steps = x.shape[1]
    chunk = truncation if truncation > 0 else steps
    state = None
    outputs = []
    for start in range(0, steps, chunk):
        y, state = module(x[:, start:start + chunk], state)
        outputs.append(y)
        state = tuple(s.detach() for s in state) if cell == "Lstm" else state.detach()
    return torch.cat(outputs, dim=1)


def case(cell, steps, features, units, batch, return_sequences, truncation, seed):
    generator = torch.Generator().manual_seed(seed)
    module = MODULES[cell](features, units)
    with torch.no_grad():
        for parameter in (module.weight_ih_l0, module.weight_hh_l0, module.bias_ih_l0, module.bias_hh_l0):
            parameter.copy_(torch.rand(parameter.shape, generator=generator) * 1.6 - 0.8)
    x = (torch.randn(batch, steps, features, generator=generator)).requires_grad_(True)
    sequence = run(cell, module, x, truncation)
    y = sequence if return_sequences else sequence[:, -1]
    upstream = torch.randn(y.shape, generator=generator)
    module.zero_grad()
    y.backward(upstream)
    flat = lambda tensor: tensor.detach().flatten().tolist()
    return {
        "name": f"{cell}, T={steps}, F={features}, H={units}, batch {batch}, "
                + ("sequences" if return_sequences else "last step")
                + (f", truncation {truncation}" if truncation > 0 else ""),
        "cell": cell,
        "steps": steps,
        "features": features,
        "units": units,
        "batch": batch,
        "returnSequences": return_sequences,
        "truncation": truncation,
        "weightIh": flat(module.weight_ih_l0),
        "weightHh": flat(module.weight_hh_l0),
        "biasIh": flat(module.bias_ih_l0),
        "biasHh": flat(module.bias_hh_l0),
        "x": flat(x),
        "upstream": flat(upstream),
        "output": flat(y),
        "gradWeightIh": flat(module.weight_ih_l0.grad),
        "gradWeightHh": flat(module.weight_hh_l0.grad),
        "gradBiasIh": flat(module.bias_ih_l0.grad),
        "gradBiasHh": flat(module.bias_hh_l0.grad),
        "gradX": flat(x.grad),
    }


torch.set_default_dtype(torch.float32)
cases = []
seed = 1
for cell in MODULES:
    for return_sequences in (True, False):
        cases.append(case(cell, 5, 3, 4, 2, return_sequences, 0, seed))
        seed += 1
    cases.append(case(cell, 5, 3, 4, 2, True, 2, seed))
    seed += 1
    # 25 units: a 512-bit vector, a 256-bit one and a scalar end, so every path of the element-wise passes.
    cases.append(case(cell, 6, 5, 25, 3, True, 0, seed))
    seed += 1
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "recurrent.pytorch.json")
with open(path, "w") as file:
    json.dump({"torch": torch.__version__, "cases": cases}, file, indent=1)
print("wrote", path, "with PyTorch", torch.__version__)
