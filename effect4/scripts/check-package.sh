#!/usr/bin/env bash
# Proves the Effect 4 edition works as users meet it. Builds and packs effect-telegram-invite-effect4 (this package)
# and the Effect 3 edition (the repository root), checks what their manifests carry (scripts/check-manifest.mjs), then
# installs the tarballs into fresh projects:
#   1. an Effect 4.1 project with only the edition's declared required peer (effect): strict types of a consumer of the
#      main entry and a subpath (skipLibCheck off); the program, compiled, gets a link from the standalone mock server;
#   2. the same project adds the optional peers (@effect/platform-node, redis, undici): the redis subpath and the lean
#      transport type-check, and the program over UndiciHttpClient (the direct path) gets a link too;
#   3. the same Effect 4 project cannot install the Effect 3 edition by mistake: npm's peer error, naming effect;
#   4. an Effect 3 project cannot install the Effect 4 edition by mistake either.
# Run it with this package's Node 22 on PATH: `npm run check-package` (in effect4/), or from the root
# `npm run --prefix effect4 check-package`.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
say() { printf 'package (Effect 4): %s\n' "$*"; }
fail() { printf 'package (Effect 4): FAILED: %s\n' "$*" >&2; exit 1; }
quiet_install() { npm install --no-audit --no-fund --silent "$@" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; return 1; }; }
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 22 ] || fail "run with Node >= 22 on PATH (npm run check-package in effect4/ does that); got $(node --version)"

cd "$here"
npm pack --silent --pack-destination "$work" >"$work/pack.log" 2>&1 || { cat "$work/pack.log" >&2; fail "npm pack (Effect 4 edition)"; }
edition=$(tail -n 1 "$work/pack.log")
cd "$root"
npm pack --silent --pack-destination "$work" >"$work/pack3.log" 2>&1 || { cat "$work/pack3.log" >&2; fail "npm pack (Effect 3 edition)"; }
effect3=$(tail -n 1 "$work/pack3.log")
say "packed $edition (Effect 4 edition) and $effect3 (Effect 3 edition)"
node "$root/scripts/check-manifest.mjs" "$work/$edition" "$work/$effect3" >/dev/null ||
  fail "a published manifest carries what only this repository needs (above)"
say "both manifests: no scripts (prepare among them), no devDependencies, no source export condition"

# What the tarball holds: the shared core compiled into the bundle (its declarations beside), no TypeScript source, no
# test.
files=$(tar -tzf "$work/$edition" | sed 's|^package/||')
for needed in dist/index.js dist/index.d.ts dist/core/policy.d.ts dist/core/answer.d.ts dist/redis/index.js README.md; do
  printf '%s\n' "$files" | grep -qxF "$needed" || fail "$edition lacks $needed"
done
core=$(tar -xzOf "$work/$edition" package/dist/index.js | sed -n 's|.*from "\./\(chunks/[^"]*\)".*|\1|p' | sort -u)
[ "$(printf '%s\n' "$core" | wc -l)" -eq 1 ] || fail "$edition: dist/index.js imports chunks '$core', not one"
# Written out first: `grep -q` would end the pipe early, and tar's broken pipe fails it under pipefail.
tar -xzOf "$work/$edition" "package/dist/$core" >"$work/core.js"
grep -q "effect/Result" "$work/core.js" ||
  fail "$edition: the main entry's chunk does not use Effect 4's modules (effect/Result)"
if printf '%s\n' "$files" | grep -E '^(src|test)/|\.ts$' | grep -v '\.d\.ts$' | grep -q .; then
  fail "$edition ships sources or tests: $(printf '%s\n' "$files" | grep -E '^(src|test)/' | head -3)"
fi
readme=$(tar -xzOf "$work/$edition" package/README.md)
broken=$(printf '%s\n' "$readme" | grep -oE '\]\([^)]+\)' | sed -E 's/^\]\(//; s/\)$//; s/[[:space:]].*$//' |
  grep -vE '^(https?:|mailto:|#)' || true)
[ -z "$broken" ] || fail "$edition: README links to relative paths: $(echo $broken)"
say "the tarball ships the core compiled into one chunk of Effect 4 code ($core) and no source; its README links only to URLs and anchors"
# Its first version is 0.2.0: no declaration says a name shipped here before (scripts/since-as-shipped.mjs).
mkdir "$work/unpacked" && tar -xzf "$work/$edition" -C "$work/unpacked"
older=$(grep -rhoE "@since 0\.[01]\.[0-9]+" "$work/unpacked/package/dist" --include='*.d.ts' | sort -u || true)
[ -z "$older" ] || fail "$edition's declarations say $(echo $older): before this package's first version, 0.2.0"
say "every @since of its declarations is a version of this package ($(grep -rhoE "@since [0-9.]+" "$work/unpacked/package/dist" --include='*.d.ts' | sort -u | tr '\n' ' '))"

# The standalone mock server, from the repository (its own process, on loopback).
(cd "$root" && exec node --import tsx mock-server/src/bin/tg-mock-server.ts --port 0) >"$work/server.out" 2>&1 &
server=$!
for _ in $(seq 1 100); do grep -q "listening on" "$work/server.out" && break; sleep 0.1; done
api_root=$(sed -n 's/^listening on //p' "$work/server.out")
[[ "$api_root" =~ ^http://127\.0\.0\.1:[0-9]+$ ]] || fail "the mock server said '$(cat "$work/server.out")'"

# 1. An Effect 4.1 project with only the required peer.
mkdir "$work/e4" && cd "$work/e4"
echo '{ "name": "consumer4", "version": "1.0.0", "private": true, "type": "module" }' > package.json
quiet_install effect@^4.1.0 "../$edition" typescript@~5.9.3 @types/node@^22
cat > tsconfig.json <<'JSON'
{ "compilerOptions": { "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext", "strict": true,
  "exactOptionalPropertyTypes": true, "skipLibCheck": false, "types": ["node"], "outDir": "out" },
  "include": ["consumer.ts"] }
JSON
cat > consumer.ts <<'TS'
import { Effect, Layer, Redacted } from "effect"
import { FetchHttpClient } from "effect/http"
import { BotApi, Policy } from "effect-telegram-invite-effect4"
import * as ChatId from "effect-telegram-invite-effect4/ChatId"

const token = Redacted.make("123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11")
const program: Effect.Effect<string, unknown> = Policy.exportChatInviteLink(ChatId.unsafeMake(-1001234567890)).pipe(
  Effect.map((exported) => exported.link),
  Effect.provide(Layer.mergeAll(
    BotApi.layer({ token, apiRoot: process.env["TELEGRAM_API_ROOT"] }).pipe(Layer.provide(FetchHttpClient.layer)),
    Policy.layerMemory
  ))
)
Effect.runPromise(program).then((link) => console.log(link))
TS
node_modules/.bin/tsc -p tsconfig.json
link=$(TELEGRAM_API_ROOT="$api_root" node out/consumer.js)
[[ "$link" =~ ^https://t\.me/\+[A-Za-z0-9_-]{16}$ ]] || fail "the Effect 4 program printed '$link'"
peers=$(node -p 'Object.keys(require("./node_modules/effect-telegram-invite-effect4/package.json").peerDependencies).join(", ")')
say "Effect 4 project (effect $(node -p 'require("./node_modules/effect/package.json").version') only): strict types, the program over FetchHttpClient gets $link from the standalone mock (declared peers: $peers)"

# 2. The optional peers: the redis subpath and the lean transport.
quiet_install @effect/platform-node@^4.1.0 redis@^5 undici@^8
cat > optional.ts <<'TS'
import { Effect, Layer, Redacted } from "effect"
import { BotApi, Policy } from "effect-telegram-invite-effect4"
import { RedisConnection, RedisPolicy, RedisRateLimit } from "effect-telegram-invite-effect4/redis"
import * as UndiciHttpClient from "effect-telegram-invite-effect4/UndiciHttpClient"

export const fleet = Layer.provide(
  Layer.mergeAll(RedisPolicy.layerShared, RedisRateLimit.layer().pipe(Layer.provide(BotApi.layerConfig()))),
  RedisConnection.layer({ url: "redis://127.0.0.1:6379", botId: "123456" })
)
const token = Redacted.make("123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11")
const program = Policy.exportChatInviteLink(-1001234567890).pipe(
  Effect.map((exported) => exported.link),
  Effect.provide(Layer.mergeAll(
    BotApi.layer({ token, apiRoot: process.env["TELEGRAM_API_ROOT"] }).pipe(Layer.provide(UndiciHttpClient.layer)),
    Policy.layerMemory
  ))
)
Effect.runPromise(program).then((link) => console.log(link))
TS
node_modules/.bin/tsc --strict --exactOptionalPropertyTypes --module NodeNext --moduleResolution NodeNext --target ES2022 \
  --types node --outDir out optional.ts
link=$(TELEGRAM_API_ROOT="$api_root" node out/optional.js)
[[ "$link" =~ ^https://t\.me/\+[A-Za-z0-9_-]{16}$ ]] || fail "the program over UndiciHttpClient printed '$link'"
say "optional peers (@effect/platform-node, redis, undici): the redis subpath type-checks; over UndiciHttpClient the program gets $link"

# 3. The same Effect 4 project cannot install the Effect 3 edition by mistake.
if npm install --no-audit --no-fund --loglevel=error "../$effect3" >install3.out 2>&1; then
  fail "an Effect 4 project installed the Effect 3 edition without a peer error"
fi
grep -q "ERESOLVE" install3.out && grep -q 'peer effect@"^3.22' install3.out ||
  fail "the install failed, but not with npm's peer error on effect: $(head -20 install3.out)"
say "Effect 4 project + the Effect 3 edition: npm refuses at install time: $(grep -m1 'peer effect@' install3.out | sed 's/^npm error *//')"

# 4. An Effect 3 project cannot install the Effect 4 edition by mistake.
mkdir "$work/e3" && cd "$work/e3"
echo '{ "name": "consumer3", "version": "1.0.0", "private": true, "type": "module" }' > package.json
quiet_install effect@^3.22.4
if npm install --no-audit --no-fund --loglevel=error "../$edition" >install4.out 2>&1; then
  fail "an Effect 3 project installed the Effect 4 edition without a peer error"
fi
grep -q "ERESOLVE" install4.out && grep -q 'peer effect@"^4.1' install4.out ||
  fail "the install failed, but not with npm's peer error on effect: $(head -20 install4.out)"
say "Effect 3 project + the Effect 4 edition: npm refuses at install time: $(grep -m1 'peer effect@' install4.out | sed 's/^npm error *//')"
