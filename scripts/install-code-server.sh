#!/usr/bin/env bash
# Installs code-server (the offline VS Code the tests and `npm start` use) into a git-ignored folder.
# Its own install script fails as root and offline, so each step is done here by hand (see README, Testing).
set -euo pipefail

version="4.100.3"
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${CODE_SERVER_DIR:-$root/.code-server}"
cs="$dir/node_modules/code-server"
stamp="$dir/.installed-$version"

if [[ -f "$stamp" ]]; then
  exit 0
fi

need_apt=()
command -v rg >/dev/null || need_apt+=(ripgrep)
[[ -x /usr/bin/chromium ]] || need_apt+=(chromium)
for pkg in libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if (( ${#need_apt[@]} )); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "install-code-server: installing Debian packages: ${need_apt[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "install-code-server: missing Debian packages: ${need_apt[*]}" >&2
    echo "install them with: sudo apt-get install ${need_apt[*]}" >&2
    exit 1
  fi
fi

echo "install-code-server: installing code-server@$version into $dir (takes a few minutes, once)"
mkdir -p "$dir"
cd "$dir"
[[ -f package.json ]] || echo '{"name":"code-server-host","private":true}' > package.json
npm install --no-save --ignore-scripts --no-audit --no-fund "code-server@$version" >/dev/null

cd "$cs/lib/vscode"
npm install --omit=dev --ignore-scripts --no-audit --no-fund >/dev/null
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm_config_yes=true npm rebuild >/dev/null
[[ -e node_modules.asar ]] || ln -s node_modules node_modules.asar
(cd extensions && npm install --omit=dev --ignore-scripts --no-audit --no-fund >/dev/null)

cd "$dir"
npm rebuild argon2 >/dev/null
touch "$stamp"
echo "install-code-server: done"
