"""Reads a safetensors file written by NetGen's SafeTensors.Save with json, struct and NumPy only, and runs the network
it names forward in NumPy, as NetGen's SafeTensorsNumPyTests check NetGen's files are readable outside NetGen.

    /usr/bin/python3 read_safetensors.py <network.safetensors> <inputs.json>

inputs.json holds {"batch": n, "inputs": [floats, sample after sample]}. Prints {"network", "layout", "outputs"} as
JSON: the metadata's network name and layout hash, and the network's predictions (probabilities under softmax
cross-entropy). Knows two of NetGen's test networks: BatchNormNet and ConvMaxPoolNet.
"""
import json
import struct
import sys

import numpy as np


def read_safetensors(path):
    with open(path, "rb") as file:
        content = file.read()
    (header_length,) = struct.unpack("<Q", content[:8])
    header = json.loads(content[8:8 + header_length].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    data = content[8 + header_length:]
    tensors = {}
    for name, entry in header.items():
        assert entry["dtype"] == "F32", (name, entry["dtype"])
        begin, end = entry["data_offsets"]
        tensors[name] = np.frombuffer(data[begin:end], dtype="<f4").reshape(entry["shape"]).astype(np.float64)
    return metadata, tensors


def dense(x, tensors, layer):
    return x @ tensors[layer + ".Weight"].T + tensors[layer + ".Bias"]


def batch_norm_inference(x, tensors, layer, epsilon=1e-5):
    """Per feature (axis 1), broadcast over any positions after it."""
    shape = (1, -1) + (1,) * (x.ndim - 2)
    mean, variance = tensors[layer + ".RunningMean"].reshape(shape), tensors[layer + ".RunningVariance"].reshape(shape)
    gamma, beta = tensors[layer + ".Gamma"].reshape(shape), tensors[layer + ".Beta"].reshape(shape)
    return (x - mean) / np.sqrt(variance + epsilon) * gamma + beta


def conv2d(x, weight, bias, padding):
    """x (B, C, H, W), weight (F, C, K, K), stride 1: a sum over the kernel's positions of shifted, channel-mixed inputs."""
    batch, _, height, width = x.shape
    filters, _, kernel, _ = weight.shape
    padded = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    out_height, out_width = height + 2 * padding - kernel + 1, width + 2 * padding - kernel + 1
    y = np.zeros((batch, filters, out_height, out_width))
    for row in range(kernel):
        for column in range(kernel):
            window = padded[:, :, row:row + out_height, column:column + out_width]
            y += np.einsum("bchw,fc->bfhw", window, weight[:, :, row, column])
    return y + bias.reshape(1, -1, 1, 1)


def max_pool2d(x, size):
    batch, channels, height, width = x.shape
    return x.reshape(batch, channels, height // size, size, width // size, size).max(axis=(3, 5))


def softmax(logits):
    exponentials = np.exp(logits - logits.max(axis=1, keepdims=True))
    return exponentials / exponentials.sum(axis=1, keepdims=True)


def batch_norm_net(x, tensors):
    """Dense(6) "Hidden" → BatchNorm "Norm" → tanh → Dense(2) "Output"; mean squared error, so predictions are outputs."""
    return dense(np.tanh(batch_norm_inference(dense(x.reshape(-1, 5), tensors, "Hidden"), tensors, "Norm")), tensors, "Output")


def conv_max_pool_net(x, tensors):
    """Conv2D(3, kernel 3, padding 2, tanh) "Conv" → MaxPool2D(2) → flatten → Dense(4) "Logits"; softmax cross-entropy."""
    image = np.tanh(conv2d(x.reshape(-1, 2, 6, 6), tensors["Conv.Weight"], tensors["Conv.Bias"], padding=2))
    return softmax(dense(max_pool2d(image, 2).reshape(image.shape[0], -1), tensors, "Logits"))


NETWORKS = {"BatchNormNet": batch_norm_net, "ConvMaxPoolNet": conv_max_pool_net}

metadata, tensors = read_safetensors(sys.argv[1])
with open(sys.argv[2]) as file:
    request = json.load(file)
inputs = np.array(request["inputs"], dtype=np.float32).astype(np.float64).reshape(request["batch"], -1)
outputs = NETWORKS[metadata["network"]](inputs, tensors)
print(json.dumps({"network": metadata["network"], "layout": metadata["layout"], "outputs": outputs.flatten().tolist()}))
