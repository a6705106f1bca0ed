#!/usr/bin/env bash
# Installs what the CUDA tests need on a machine without a GPU: NVRTC (compiles the generated kernels) and the
# CUDA driver library (device detection: cuInit reports "no device"). Both come from Debian's non-free component
# (CUDA 11.8): about 27 MB to download, no kernel module. Does nothing when both are already present.
set -euo pipefail

libraries=$(ldconfig -p)
if grep -q 'libnvrtc\.so' <<<"$libraries" && grep -q 'libcuda\.so\.1' <<<"$libraries"; then
  echo "NVRTC and libcuda already installed."
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

sources=/etc/apt/sources.list.d/netgen-debian-non-free.sources
if ! grep -rqs 'non-free' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  mirror=$(grep -m1 -h '^URIs:' /etc/apt/sources.list.d/debian.sources 2>/dev/null | awk '{print $2}')
  $sudo tee "$sources" >/dev/null <<SOURCES
Types: deb
URIs: ${mirror:-http://deb.debian.org/debian}
Suites: bookworm
Components: contrib non-free
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
fi

$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libnvrtc11.2 libnvrtc-builtins11.8 libcuda1 >/dev/null
ldconfig -p | grep -E 'libnvrtc\.so|libcuda\.so\.1'
