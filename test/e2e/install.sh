#!/usr/bin/env bash
# Installs what the in-VS-Code tests need, offline-friendly (npm registry + Debian only), idempotent:
#  - Debian: chromium (driven by playwright-core), ripgrep (stands in for a GitHub download), native build tools
#  - code-server 4.100.3 (VS Code 1.100.3; the newest code-server whose engines allow Node 20) from npm,
#    into .e2e/code-server/ (outside node_modules, gitignored).
# Fast when already installed. Env: E2E_DIR (default <repo>/.e2e), CS_VERSION, SKIP_APT=1.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
E2E_DIR=${E2E_DIR:-$ROOT/.e2e}
DEST=$E2E_DIR/code-server
CS_VERSION=${CS_VERSION:-4.100.3}
CS_BIN=$DEST/node_modules/.bin/code-server
PKGS="chromium ripgrep python3 make g++ pkg-config libkrb5-dev"

# 1) OS packages (only when something is missing).
if [ -z "${SKIP_APT:-}" ]; then
  missing=""
  for p in $PKGS; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"; done
  if [ -n "$missing" ]; then
    echo "install.sh: apt-get install$missing"
    if [ "$(id -u)" != 0 ]; then echo "install.sh: need root for apt-get (or install:$missing yourself, then SKIP_APT=1)" >&2; exit 1; fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq $missing >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq $missing >/dev/null; }
  fi
fi
command -v chromium >/dev/null || { echo "install.sh: chromium not found" >&2; exit 1; }

# 2) code-server (skipped when the wanted version is there and its native parts are built).
installed=$(node -p "try{require('$DEST/node_modules/code-server/package.json').version}catch{''}" 2>/dev/null || true)
if [ "$installed" = "$CS_VERSION" ] && [ -x "$DEST/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] \
   && [ -f "$DEST/node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node" ]; then
  echo "install.sh: code-server $CS_VERSION already in $DEST"
  exit 0
fi
echo "install.sh: installing code-server@$CS_VERSION into $DEST (about a minute, ~300 MB)"
# @vscode/ripgrep's postinstall downloads rg from github.com (unreachable); it first looks in
# $TMPDIR/vscode-ripgrep-cache-<pkg version>/ripgrep-<rg version>-<target>.tar.gz, so pre-fill that cache with
# Debian's rg. code-server 4.100.3 pins @vscode/ripgrep 1.15.11, whose postinstall wants v13.0.0-10.
RG_PKG=1.15.11; RG_VER=v13.0.0-10
mkdir -p "$DEST/.tmp"; export TMPDIR="$DEST/.tmp"
cache="$TMPDIR/vscode-ripgrep-cache-$RG_PKG"; mkdir -p "$cache"
tmp=$(mktemp -d); cp "$(command -v rg)" "$tmp/rg"
tar czf "$cache/ripgrep-$RG_VER-x86_64-unknown-linux-musl.tar.gz" -C "$tmp" rg; rm -rf "$tmp"

cd "$DEST"; [ -f package.json ] || echo '{"name":"e2e-code-server","private":true}' > package.json
# unsafe_perm: code-server's postinstall refuses to run as root without it; yes: node-pty's build runs
# `npx node-gyp`; nodedir: use the local Node headers instead of downloading them.
export npm_config_unsafe_perm=true npm_config_yes=true npm_config_update_notifier=false
[ -d /usr/include/node ] && export npm_config_nodedir=/usr
npm install --no-audit --no-fund --no-save "code-server@$CS_VERSION"
test -x node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg
test -f node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node
XDG_CONFIG_HOME="$DEST/.tmp/xdg" XDG_DATA_HOME="$DEST/.tmp/xdg" "$CS_BIN" --version --config /dev/null
