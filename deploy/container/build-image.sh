#!/usr/bin/env bash
# Builds the container image of the NativeAOT lstmgen (Containerfile beside this script) with podman or docker:
#
#   deploy/container/build-image.sh                          # publishes artifacts/aot/lstmgen if missing; tag lstmgen:<version>
#   deploy/container/build-image.sh --binary path/to/lstmgen --tag registry.example.org/me/lstmgen:0.4.0 --engine docker
#
# The build context is the binary (and lstmgen-avx512 where it lies beside it) plus the shared libraries `ldd` names
# for it, copied with their paths (rootfs/), so the image needs no base image and no network. The binary must be built
# on the glibc it will run with: here.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
binary= tag= engine=
while [ $# -gt 0 ]; do
  case $1 in
    --binary) binary=${2:?}; shift 2 ;;
    --tag) tag=${2:?}; shift 2 ;;
    --engine) engine=${2:?}; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-image.sh: error: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$binary" ]; then
  binary=$root/artifacts/aot/lstmgen
  [ -x "$binary" ] || dotnet publish "$root/src/Experiments/LstmGen.Experiments.csproj" -c Release -r linux-x64 -o "$root/artifacts/aot" -tl:off
fi
[ -x "$binary" ] || { echo "build-image.sh: error: no executable '$binary'" >&2; exit 2; }
engine=${engine:-$(command -v podman || command -v docker || true)}
[ -n "$engine" ] || { echo "build-image.sh: error: neither podman nor docker is installed" >&2; exit 2; }
tag=${tag:-lstmgen:$("$binary" --version | sed 's/+.*//')}

context=$(mktemp -d)
trap 'rm -rf "$context"' EXIT
cp "$binary" "$context/lstmgen"
mkdir -p "$context/rootfs"
# The AVX-512 sibling, where it was published beside the binary, goes to /lstmgen-avx512 with the rootfs: /lstmgen
# re-executes it on CPUs with AVX-512.
if [ -x "$(dirname "$binary")/lstmgen-avx512" ]; then
  cp "$(dirname "$binary")/lstmgen-avx512" "$context/rootfs/lstmgen-avx512"
fi
for library in $(ldd "$binary" | grep -o '/[^ ]*'); do
  cp -L --parents "$library" "$context/rootfs/"
done
"$engine" build ${CONTAINERS_BUILD_FLAGS:-} -f "$here/Containerfile" -t "$tag" "$context"
echo "built $tag"
