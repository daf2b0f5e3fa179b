# Sourced by the other scripts: run from the repo root with the project's tools on PATH.
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
say() { printf '\n==> %s\n' "$*"; }
