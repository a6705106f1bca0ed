"""Writes recurrent_network.pytorch.json: PyTorch's recurrent layers in small networks, for NetGen's RecurrentNetworkPyTorchTests.

Each case is one of the networks of tests/NetGen.Runtime.Tests/Networks/RecurrentNetworks.cs, built from nn.LSTM, nn.GRU or
nn.RNN (batch_first, one layer) and nn.Linear with fixed weights. For a batch of 6 sequences of 7 steps × 3 features it
records the outputs, the loss, every parameter's gradient, and every parameter after one torch.optim.Adam step (lr 0.01),
each parameter under its NetGen name (weight_ih_l0 is <Layer>.InputWeight, weight_hh_l0 RecurrentWeight, bias_ih_l0
InputBias, bias_hh_l0 RecurrentBias; a linear layer's weight and bias are Weight and Bias).

The classifiers take the last step's hidden state into nn.Linear(5, 4) under cross-entropy averaged over the batch, which
is NetGen's SoftmaxCrossEntropy: with class indices, or with one-hot probability targets for the GRU (both read the same
one-hot targets in NetGen). The truncated cases run the sequence in chunks of k steps from the start and detach the state
(h, and the LSTM's c) between chunks, which is what NetGen's Bptt = k computes; so their gradients are not the full
gradients, and the central differences of the gradient checks cannot stand in for them. The stacked case has a GRU
return every step into an LSTM that returns every step (truncated to chunks of 3) and a linear layer at every step, under
NetGen's MeanSquaredError: ½ Σ (y − t)² per sample, averaged over the batch.

The smallest gradient of every case is recorded: Adam's first step moves a parameter by η·g/(|g| + ε), about ±η, so a
gradient near rounding noise could step either way. Run with Debian's python3-torch:
    /usr/bin/python3 tests/NetGen.Runtime.Tests/Reference/pytorch_recurrent_network.py
"""
import json
import os

import torch

BATCH, STEPS, FEATURES, UNITS, CLASSES = 6, 7, 3, 5, 4
LEARNING_RATE = 0.01
ROLES = {"weight_ih_l0": "InputWeight", "weight_hh_l0": "RecurrentWeight", "bias_ih_l0": "InputBias", "bias_hh_l0": "RecurrentBias",
         "weight": "Weight", "bias": "Bias"}


def floats(tensor):
    return tensor.detach().flatten().tolist()


def run(cell, x, truncation):
    """The cell over x, every step's output, with the state detached every `truncation` steps (0: never)."""
    if truncation == 0:
        return cell(x)[0]
    outputs, state = [], None
    for start in range(0, x.shape[1], truncation):
        output, state = cell(x[:, start:start + truncation], state)
        outputs.append(output)
        state = tuple(part.detach() for part in state) if isinstance(state, tuple) else state.detach()
    return torch.cat(outputs, dim=1)


class Classifier(torch.nn.Module):
    """A recurrent cell's last hidden state into a linear layer: NetGen's LstmClassifier and its kin."""

    def __init__(self, cell, name, truncation):
        super().__init__()
        self.cell, self.linear, self.truncation = cell, torch.nn.Linear(UNITS, CLASSES), truncation
        self.names = {"cell": name, "linear": "Linear"}

    def forward(self, x):
        return self.linear(run(self.cell, x, self.truncation)[:, -1])


class StackedSequenceRegressor(torch.nn.Module):
    """NetGen's StackedSequenceRegressor: GRU (every step) → LSTM (every step, chunks of 3) → Linear at every step."""

    def __init__(self):
        super().__init__()
        self.encoder = torch.nn.GRU(FEATURES, 5, batch_first=True)
        self.decoder = torch.nn.LSTM(5, 4, batch_first=True)
        self.linear = torch.nn.Linear(4, 2)
        self.names = {"encoder": "Encoder", "decoder": "Decoder", "linear": "Linear"}

    def forward(self, x):
        return self.linear(run(self.decoder, run(self.encoder, x, 0), 3))


def named_parameters(module):
    """Every parameter under its NetGen name, in NetGen's order (layer by layer; W_ih, W_hh, b_ih, b_hh; weight, bias)."""
    return {module.names[path.split(".")[0]] + "." + ROLES[path.split(".")[1]]: parameter for path, parameter in module.named_parameters()}


def case(network, module, generator, loss_kind):
    with torch.no_grad():
        for parameter in module.parameters():
            parameter.copy_(torch.randn(parameter.shape, generator=generator) * 0.5)
    x = torch.randn(BATCH, STEPS, FEATURES, generator=generator)
    record = {"network": network, "loss_kind": loss_kind, "x": floats(x)}
    initial = {name: floats(parameter) for name, parameter in named_parameters(module).items()}
    output = module(x)
    if loss_kind == "mse":
        targets = torch.randn(output.shape, generator=generator)
        loss = 0.5 * ((output - targets) ** 2).sum() / BATCH
        record["targets"] = floats(targets)
    else:
        labels = torch.randint(0, CLASSES, (BATCH,), generator=generator)
        one_hot = torch.nn.functional.one_hot(labels, CLASSES).to(torch.float32)
        loss = torch.nn.functional.cross_entropy(output, labels if loss_kind == "class_indices" else one_hot)
        record["labels"] = labels.tolist()
        record["targets"] = floats(one_hot)
    optimizer = torch.optim.Adam(module.parameters(), lr=LEARNING_RATE)
    optimizer.zero_grad()
    loss.backward()
    gradients = {name: floats(parameter.grad) for name, parameter in named_parameters(module).items()}
    optimizer.step()
    record.update({
        "outputs": floats(output), "loss": loss.item(), "initial": initial, "gradients": gradients,
        "after_adam": {name: floats(parameter) for name, parameter in named_parameters(module).items()},
        "smallest_gradient": min(abs(value) for values in gradients.values() for value in values),
    })
    return record


torch.set_default_dtype(torch.float32)
generator = torch.Generator().manual_seed(5)
LSTM = lambda: torch.nn.LSTM(FEATURES, UNITS, batch_first=True)
GRU = lambda: torch.nn.GRU(FEATURES, UNITS, batch_first=True)
RNN = lambda nonlinearity="tanh": torch.nn.RNN(FEATURES, UNITS, nonlinearity=nonlinearity, batch_first=True)
cases = [
    case("LstmClassifier", Classifier(LSTM(), "Lstm", 0), generator, "class_indices"),
    case("GruClassifier", Classifier(GRU(), "Gru", 0), generator, "one_hot"),
    case("RnnClassifier", Classifier(RNN(), "Rnn", 0), generator, "class_indices"),
    case("ReluRnnClassifier", Classifier(RNN("relu"), "Rnn", 0), generator, "class_indices"),
    case("TruncatedLstmClassifier", Classifier(LSTM(), "Lstm", 4), generator, "class_indices"),
    case("TruncatedGruClassifier", Classifier(GRU(), "Gru", 3), generator, "one_hot"),
    case("TruncatedRnnClassifier", Classifier(RNN(), "Rnn", 2), generator, "class_indices"),
    case("StackedSequenceRegressor", StackedSequenceRegressor(), generator, "mse"),
]
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "recurrent_network.pytorch.json")
with open(path, "w") as file:
    json.dump({"torch": torch.__version__, "learning_rate": LEARNING_RATE, "cases": cases}, file, indent=1)
    file.write("\n")
for record in cases:
    print(f"{record['network']}: loss {record['loss']:.6f}, smallest |gradient| {record['smallest_gradient']:.3g}")
print("wrote", path, "with PyTorch", torch.__version__)
