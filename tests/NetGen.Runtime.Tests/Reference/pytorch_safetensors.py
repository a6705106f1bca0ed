"""Writes PyTorch state dicts as safetensors, and what the modules compute, for NetGen's SafeTensorsPyTorchTests.

For each case: <file>.safetensors, the module's state_dict() in Hugging Face's safetensors format, and an entry of
safetensors.pytorch.json with the network it fits, inputs and PyTorch's eval-mode outputs. The modules' attributes are
named as NetGen's test networks name their layers, in PyTorch's lowercase ("hidden.weight" for "Hidden.Weight"; batch
normalisation as "norm.weight", "norm.bias", "norm.running_mean", "norm.running_var", and its I64 counter
"norm.num_batches_tracked", which NetGen skips; an LSTM's as "lstm.weight_ih_l0", "lstm.weight_hh_l0", "lstm.bias_ih_l0",
"lstm.bias_hh_l0"). PyTorch 1.13 has no safetensors package, so the format is written here
by hand: an 8-byte little-endian header length, the JSON header padded with spaces to 8 bytes, then the data.
Run with Debian's python3-torch:
    /usr/bin/python3 tests/NetGen.Runtime.Tests/Reference/pytorch_safetensors.py
"""
import json
import os
import struct

import torch

DTYPES = {torch.float32: "F32", torch.int64: "I64"}
HERE = os.path.dirname(os.path.abspath(__file__))


def write_safetensors(path, state_dict):
    header, data, offset = {"__metadata__": {"format": "pt"}}, b"", 0
    for name, tensor in state_dict.items():
        array = tensor.detach().contiguous().numpy()
        raw = array.astype(array.dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": DTYPES[tensor.dtype], "shape": list(tensor.shape), "data_offsets": [offset, offset + len(raw)]}
        data += raw
        offset += len(raw)
    encoded = json.dumps(header, separators=(",", ":")).encode("utf-8")
    encoded += b" " * (-len(encoded) % 8)
    with open(path, "wb") as file:
        file.write(struct.pack("<Q", len(encoded)) + encoded + data)


class BatchNormNet(torch.nn.Module):
    """NetGen's BatchNormNet: Dense(6) "Hidden" → BatchNorm "Norm" → tanh → Dense(2) "Output"."""

    def __init__(self):
        super().__init__()
        self.hidden, self.norm, self.output = torch.nn.Linear(5, 6), torch.nn.BatchNorm1d(6), torch.nn.Linear(6, 2)

    def forward(self, x):
        return self.output(torch.tanh(self.norm(self.hidden(x))))


class SpatialBatchNormNet(torch.nn.Module):
    """NetGen's SpatialBatchNormNet: Conv2D(3, kernel 3, padding 1) "Conv" → BatchNorm "Norm" (momentum 0.3) → ELU → flatten → Dense(3) "Logits"."""

    def __init__(self):
        super().__init__()
        self.conv, self.norm = torch.nn.Conv2d(2, 3, 3, padding=1), torch.nn.BatchNorm2d(3, momentum=0.3)
        self.logits = torch.nn.Linear(3 * 4 * 4, 3)

    def forward(self, x):
        return self.logits(torch.flatten(torch.nn.functional.elu(self.norm(self.conv(x))), 1))


class LstmClassifier(torch.nn.Module):
    """NetGen's LstmClassifier: nn.LSTM(3, 5) "Lstm" over 7 steps, its last hidden state into nn.Linear(5, 4) "Linear"."""

    def __init__(self):
        super().__init__()
        self.lstm, self.linear = torch.nn.LSTM(3, 5, batch_first=True), torch.nn.Linear(5, 4)

    def forward(self, x):
        return self.linear(self.lstm(x)[0][:, -1])


def case(network, module, input_shape, file, generator):
    with torch.no_grad():
        for parameter in module.parameters():
            parameter.copy_(torch.randn(parameter.shape, generator=generator) * 0.5)
        module.train()
        for _ in range(3):  # moves the running statistics away from 0 and 1, so that loading them matters
            module(torch.randn((4, *input_shape), generator=generator) * 2 + 0.5)
        module.eval()
        inputs = torch.randn((3, *input_shape), generator=generator)
        outputs = module(inputs)
    write_safetensors(os.path.join(HERE, file), module.state_dict())
    return {"network": network, "file": file, "inputs": inputs.flatten().tolist(), "outputs": outputs.flatten().tolist()}


torch.set_default_dtype(torch.float32)
generator = torch.Generator().manual_seed(11)
cases = [
    case("BatchNormNet", BatchNormNet(), (5,), "batchnorm_net.pytorch.safetensors", generator),
    case("SpatialBatchNormNet", SpatialBatchNormNet(), (2, 4, 4), "spatial_batchnorm_net.pytorch.safetensors", generator),
    case("LstmClassifier", LstmClassifier(), (7, 3), "lstm_classifier.pytorch.safetensors", generator),
]
with open(os.path.join(HERE, "safetensors.pytorch.json"), "w") as file:
    json.dump({"torch": torch.__version__, "cases": cases}, file, indent=1)
    file.write("\n")
