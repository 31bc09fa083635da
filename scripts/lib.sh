# Shared by the scripts in this folder: run from the repository root, with the
# project's tools on PATH. Source it; do not run it.

set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

# cargo-installed tools (trunk, wasm-bindgen) and the npm ones (wasm-opt from binaryen).
export PATH="$ROOT/tests/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# Trunk must never download a tool: scripts/setup installs the pinned ones.
export TRUNK_OFFLINE=true

# Versions that must match (see Trunk.toml and tests/package.json).
TRUNK_VERSION=0.21.14
RUST_VERSION=1.95.0
# wasm-bindgen-cli must equal the wasm-bindgen library that Cargo.lock resolves.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

# `step NAME COMMAND...`: run a command, say how long it took, stop on failure.
step() {
  local name=$1 start=$SECONDS
  shift
  echo "==> $name"
  if "$@"; then
    echo "    $name: ok ($((SECONDS - start)) s)"
  else
    local status=$?
    echo "    $name: FAILED (exit $status, $((SECONDS - start)) s)" >&2
    exit "$status"
  fi
}
