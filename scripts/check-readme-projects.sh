#!/usr/bin/env bash
# A newcomer's first hour, from the READMEs' text: builds and packs effect-telegram-invite, effect-telegram-invite-effect4
# and telegram-bot-api-mock, then for each edition creates a fresh project (Effect 3 on this Node; Effect 4 on the Node
# 22 that effect4/ installs from npm) and does what its README says, reading the blocks marked
# `<!-- fresh-project: … -->` (scripts/readme-blocks.mjs):
#   1. the `init` lines, then every `install` line, as written. The one liberty: the three packages of this repository
#      are not on the registry at this version, so `npm install` is a shell function that reads their names as the
#      tarballs just packed (and adds --prefer-offline, to reuse npm's cache, and quiet flags);
#   2. writes every `file` block (tsconfig, the program, the bot, the tests);
#   3. runs the `run` lines: the program with tsx and compiled by tsc, against the offline Telegram (`tg-mock-server`,
#      started in the background on a free port, which replaces 8081), then the tests with vitest.
# A README edit that breaks an install line, a program, a test or their compilation fails it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
# The run lines run in a process group of their own (setsid), ended whole: `npx` starts a server as its child, which
# killing npx alone would leave behind.
stop_runs() {
  for group in "$work"/*/run.pgid; do
    [ -f "$group" ] || continue
    kill -- "-$(cat "$group")" 2>/dev/null || true
    rm -f "$group" # once: its number may later be another group's
  done
}
cleanup() {
  stop_runs
  rm -rf "$work"
}
trap cleanup EXIT
say() { printf 'readme projects: %s\n' "$*"; }
fail() { printf 'readme projects: FAILED: %s\n' "$*" >&2; exit 1; }

# Node 22 for the Effect 4 project: effect4/'s own, alone on PATH (not its other bins, which a project must install).
node "$root/effect4/scripts/ensure-installed.mjs"
mkdir "$work/node22"
ln -s "$root/effect4/node_modules/node/bin/node" "$work/node22/node"

# The three tarballs.
mkdir "$work/tarballs"
pack() { # <dir> <log>: packs the package in <dir> (its prepack builds it), prints the tarball's path
  (cd "$1" && npm pack --silent --pack-destination "$work/tarballs" >"$work/$2" 2>&1) || { cat "$work/$2" >&2; fail "npm pack in $1"; }
  echo "$work/tarballs/$(tail -n 1 "$work/$2")"
}
lib3=$(pack "$root" pack3.log)
mock=$(pack "$root/mock-server" pack-mock.log)
lib4=$(PATH="$work/node22:$PATH" pack "$root/effect4" pack4.log)
say "packed $(basename "$lib3"), $(basename "$lib4"), $(basename "$mock")"

# `npm install` in the README's lines, with this repository's packages read as their tarballs.
cat >"$work/npm-shim.sh" <<SHIM
npm() {
  if [ "\${1:-}" != install ] && [ "\${1:-}" != i ]; then command npm "\$@"; return; fi
  local args=() arg
  for arg in "\$@"; do
    case "\$arg" in
      effect-telegram-invite) args+=("$lib3") ;;
      effect-telegram-invite-effect4) args+=("$lib4") ;;
      telegram-bot-api-mock) args+=("$mock") ;;
      *) args+=("\$arg") ;;
    esac
  done
  command npm "\${args[@]}" --prefer-offline --no-audit --no-fund --loglevel=error
}
SHIM

# The `run` lines: a line ending in `&` starts a server in the background, and the script waits until it listens;
# the port 8081 of the README is a free one.
run_script() { # <readme> <port>
  printf 'set -euo pipefail\nps -o pgid= -p $$ | tr -d " " >run.pgid\n'
  node "$root/scripts/readme-blocks.mjs" "$1" block run | sed "s/8081/$2/g" | sed -E \
    's/^(.*[^&])&[[:space:]]*(#.*)?$/\1 >server.log 2>\&1 \& for _ in $(seq 1 300); do grep -q "listening on" server.log \&\& break; sleep 0.1; done; grep -q "listening on" server.log || { cat server.log; exit 1; }/'
}

free_port() { node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close() })'; }

project() { # <name> <readme>
  local name=$1 readme=$2 dir="$work/$1"
  mkdir "$dir" && cd "$dir"
  { cat "$work/npm-shim.sh"; printf 'set -euo pipefail\n'; node "$root/scripts/readme-blocks.mjs" "$readme" block init
    node "$root/scripts/readme-blocks.mjs" "$readme" block install; } >install.sh
  bash install.sh >install.log 2>&1 || { cat install.log >&2; fail "$name: the README's install lines"; }
  local installed
  installed=$(node -p 'const p = require("./package.json"); Object.keys({ ...p.dependencies, ...p.devDependencies }).sort().join(" ")')
  local files
  files=$(node "$root/scripts/readme-blocks.mjs" "$readme" files . | tr '\n' ' ')
  run_script "$readme" "$(free_port)" >run.sh
  local status=0
  setsid --wait bash run.sh >run.raw 2>&1 || status=$?
  stop_runs
  sed 's/\x1b\[[0-9;]*m//g' run.raw >run.log
  [ "$status" -eq 0 ] || { cat run.log >&2; fail "$name: the README's run lines"; }
  local links
  links=$(grep -cE 'invite link for -1009876543210: https://t\.me/\+[A-Za-z0-9_-]{16}$' run.log || true)
  [ "$links" -ge 2 ] || { cat run.log >&2; fail "$name: the program did not print its link with tsx and compiled"; }
  grep -qE 'Tests +[0-9]+ passed' run.log || { cat run.log >&2; fail "$name: the README's tests did not pass"; }
  say "$name ($(node -p 'require("./node_modules/effect/package.json").version') on Node $(node --version)): installed $installed"
  say "$name: wrote $files; the program ran with tsx and compiled ($links links); $(grep -oE 'Tests +[0-9]+ passed' run.log | tr -s ' ')"
}

only=${1:-} # `effect3` or `effect4`: that project alone (while editing one README)
[ "$only" = effect4 ] || project effect3 "$root/README.md"
[ "$only" = effect3 ] || PATH="$work/node22:$PATH" project effect4 "$root/effect4/README.md"
