#!/usr/bin/env bash
# Proves both published packages work as users meet them. Builds and packs effect-telegram-invite and
# telegram-bot-api-mock, checks what their manifests carry (scripts/check-manifest.mjs), then installs the tarballs
# into fresh projects:
#   1. an Effect 3 project with the peers the README names: strict types of a consumer of the main entry, a subpath and
#      the mock's HttpClient; the program runs and prints a link; every subpath gives the main entry's very objects,
#      and the main entry loads two of the package's modules (the bundled build); both bins run (tg-invite --mock,
#      and refuses without a token; tg-mock-server listens);
#   2. the same project adds the optional Redis peers: the redis subpath type-checks;
#   3. an Effect 4 project: installing the Effect 3 edition fails at install time with npm's peer error, naming effect;
#   4. a project with no Effect at all: the mock alone installs, its types name no Effect type, its server answers and
#      serves its console page (built into the package) under 100 KB.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
say() { printf 'package: %s\n' "$*"; }
fail() { printf 'package: FAILED: %s\n' "$*" >&2; exit 1; }
quiet_install() { npm install --no-audit --no-fund --loglevel=error "$@" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; return 1; }; }

cd "$root"
npm run --silent build
npm run --silent build --workspace telegram-bot-api-mock
lib=$(npm pack --silent --pack-destination "$work" | tail -n 1)
mock=$(npm pack --silent --pack-destination "$work" --workspace telegram-bot-api-mock | tail -n 1)
say "packed $lib and $mock"
# What each manifest carries: only what an installer needs (prepack strips the rest; scripts/published-manifest.cjs).
node "$root/scripts/check-manifest.mjs" "$work/$lib" "$work/$mock" >/dev/null ||
  fail "a published manifest carries what only this repository needs (above)"
say "both manifests: no scripts (prepare among them), no devDependencies, no source export condition"

# The README each tarball shows on the registry links only to absolute URLs, anchors, or files the tarball has.
for tarball in "$lib" "$mock"; do
  files=$(tar -tzf "$work/$tarball" | sed 's|^package/||')
  readme=$(tar -xzOf "$work/$tarball" package/README.md)
  broken=$(printf '%s\n' "$readme" | grep -oE '\]\([^)]+\)' | sed -E 's/^\]\(//; s/\)$//; s/[[:space:]].*$//' |
    grep -vE '^(https?:|mailto:|#)' | sed 's/#.*$//' | while read -r target; do
      printf '%s\n' "$files" | grep -qxF "${target#./}" || echo "$target"
    done || true) # grep -v selects nothing when every link is absolute: not a failure
  [ -z "$broken" ] || fail "$tarball: README links to files the tarball lacks: $(echo $broken)"
done
say "both READMEs link only to URLs, anchors or files in their tarballs"

# 1. Effect 3 project.
mkdir "$work/e3" && cd "$work/e3"
echo '{ "name": "consumer", "version": "1.0.0", "private": true, "type": "module" }' > package.json
quiet_install "../$mock" "../$lib" effect@^3.22.4 @effect/platform@^0.97.2 typescript@~5.9.3 @types/node@^20
cat > tsconfig.json <<'JSON'
{ "compilerOptions": { "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext", "strict": true,
  "noEmit": true, "skipLibCheck": false, "types": ["node"] }, "include": ["consumer.ts"] }
JSON
cat > consumer.ts <<'TS'
import { BotApi, Policy } from "effect-telegram-invite"
import * as ChatId from "effect-telegram-invite/ChatId"
import { layerMockHttpClient } from "effect-telegram-invite/MockHttpClient"
import { DEFAULT_BOT_TOKEN, MockTelegram } from "telegram-bot-api-mock"
import { Effect, Layer, Redacted } from "effect"

const mock = MockTelegram.make()
const program: Effect.Effect<string, unknown> = Policy.exportChatInviteLink(ChatId.unsafeMake(-1001234567890)).pipe(
  Effect.map((exported) => exported.link),
  Effect.provide(Layer.mergeAll(
    BotApi.layer({ token: Redacted.make(DEFAULT_BOT_TOKEN) }).pipe(Layer.provide(layerMockHttpClient(mock))),
    Policy.layerMemory
  ))
)
Effect.runPromise(program).then((link) => console.log(link))
TS
node_modules/.bin/tsc -p tsconfig.json
node_modules/.bin/tsc --module NodeNext --moduleResolution NodeNext --target ES2022 --skipLibCheck --outDir out consumer.ts
link=$(node out/consumer.js)
[[ "$link" =~ ^https://t\.me/\+[A-Za-z0-9_-]{16}$ ]] || fail "the Effect 3 program printed '$link'"
# The bundled build (scripts/bundle-library.mjs): every subpath gives the very objects the main entry gives (one copy
# of each tag and class), and the main entry loads two modules of the package.
cat > identity.mjs <<'JS'
import { createRequire } from "node:module"
const manifest = createRequire(import.meta.url)("effect-telegram-invite/package.json")
const main = await import("effect-telegram-invite")
let same = 0
for (const subpath of Object.keys(manifest.exports)) {
  const name = subpath.slice(2)
  if (!(name in main)) continue
  const sub = await import(`effect-telegram-invite/${name}`)
  const keys = Object.keys(sub)
  if (keys.length !== Object.keys(main[name]).length) throw new Error(`${name}: ${keys.length} exports, not as many as main`)
  for (const key of keys) if (sub[key] !== main[name][key]) throw new Error(`${name}.${key} is another copy`)
  same += keys.length
}
console.log(same)
JS
same=$(node identity.mjs) || fail "a subpath of the installed package is not the main entry's copy"
own=$(node "$root/scripts/modules-loaded.mjs" node_modules/effect-telegram-invite/dist/index.js |
  node -e 'let s="";process.stdin.on("data",(c)=>s+=c).on("end",()=>console.log(JSON.parse(s).esm.filter((u)=>u.includes("/node_modules/effect-telegram-invite/")).length))')
[ "$own" -eq 2 ] || fail "the installed main entry loads $own of the package's modules, not 2 (itself and its chunk)"
cli=$(env -u TELEGRAM_BOT_TOKEN node_modules/.bin/tg-invite export -1001234567890 --mock 2>/dev/null)
[[ "$cli" =~ ^https://t\.me/\+[A-Za-z0-9_-]{16}$ ]] || fail "tg-invite --mock printed '$cli'"
set +e
env -u TELEGRAM_BOT_TOKEN node_modules/.bin/tg-invite export -1001234567890 >cli.out 2>cli.err
code=$?
set -e
[ "$code" -eq 2 ] && [ ! -s cli.out ] && grep -q TELEGRAM_BOT_TOKEN cli.err ||
  fail "tg-invite without a token: exit $code, stdout '$(cat cli.out)', stderr '$(cat cli.err)'"
demo=$(node_modules/.bin/tg-invite demo 2>/dev/null | tail -n 1)
[ "$demo" = "Try it yourself: npx tg-invite export -1001234567890 --mock" ] ||
  fail "the installed demo's closing hint is '$demo', not a command that works in the user's project"
node_modules/.bin/tg-mock-server --port 0 > server.out 2>&1 &
server=$!
for _ in $(seq 1 50); do grep -q "listening on" server.out && break; sleep 0.1; done
for _ in $(seq 1 50); do grep -q "^console: " server.out && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' server.out)
kill "$server"
[[ "$url" =~ ^http://127\.0\.0\.1:[0-9]+$ ]] || fail "tg-mock-server said '$(cat server.out)'"
grep -qF "console: $url/__mock/console " server.out || fail "tg-mock-server did not name its console: '$(cat server.out)'"
say "Effect 3 project: strict types, the program, $same subpath exports identical to the main entry's, the main entry two modules, tg-invite (--mock, exit 2 without a token, the demo's npx hint), tg-mock-server"

# 2. The Redis subpath with its optional peers.
quiet_install ioredis@^5.11.1 @effect/experimental@^0.61.1
cat > redis.ts <<'TS'
import { Layer } from "effect"
import { RedisConnection, RedisPolicy } from "effect-telegram-invite/redis"
export const layer = Layer.provide(RedisPolicy.layerShared, RedisConnection.layer({ url: "redis://127.0.0.1:6379", botId: "1" }))
TS
node_modules/.bin/tsc --noEmit --strict --module NodeNext --moduleResolution NodeNext --target ES2022 --types node redis.ts
node --input-type=module -e '
const { RedisPolicy } = await import("effect-telegram-invite/redis")
const { Policy } = await import("effect-telegram-invite")
if (typeof RedisPolicy.layerShared !== "object" || typeof Policy.layerMemory !== "object") throw new Error("no layers")' ||
  fail "the redis subpath does not load beside the main entry"
say "redis subpath: types check with ioredis and @effect/experimental installed, and it loads beside the main entry"

# 3. An Effect 4 project cannot install the Effect 3 edition by mistake.
mkdir "$work/e4" && cd "$work/e4"
echo '{ "name": "consumer4", "version": "1.0.0", "private": true, "type": "module" }' > package.json
quiet_install effect@^4.1.0
if npm install --no-audit --no-fund --loglevel=error "../$mock" "../$lib" >install.out 2>&1; then
  fail "an Effect 4 project installed the Effect 3 edition without a peer error"
fi
grep -q "ERESOLVE" install.out && grep -q "peer effect@\"^3.22" install.out ||
  fail "the install failed, but not with npm's peer error on effect: $(head -20 install.out)"
say "Effect 4 project: npm refuses at install time: $(grep -m1 'peer effect@' install.out | sed 's/^npm error *//')"

# 4. The mock alone, in a project with no Effect.
mkdir "$work/plain" && cd "$work/plain"
echo '{ "name": "plain", "version": "1.0.0", "private": true, "type": "module" }' > package.json
quiet_install "../$mock"
# The mock needs nothing at run time: its one dependency is @grammyjs/types (declarations, no code); no Effect.
[ ! -d node_modules/effect ] || fail "installing the mock alone brought effect into node_modules"
extra=$(ls node_modules | grep -v '^telegram-bot-api-mock$' | grep -v '^@grammyjs$' | grep -v '^\.' || true)
[ "$(ls node_modules/@grammyjs 2>/dev/null)" = types ] || fail "the mock's one dependency, @grammyjs/types (Bot API types, no code), did not install"
[ -z "$extra" ] || fail "installing the mock alone brought other packages: $extra"
dts=node_modules/telegram-bot-api-mock/dist
if grep -rlE "from ['\"]effect(/[A-Za-z]+)?['\"]" "$dts" --include='*.js' --include='*.d.ts'; then
  fail "the mock's code or types import effect"
fi
cat > main.mjs <<'JS'
import { DEFAULT_BOT_TOKEN, startMockServer } from "telegram-bot-api-mock"
const server = await startMockServer()
const answer = await (await fetch(`${server.url}/bot${DEFAULT_BOT_TOKEN}/getMe`)).json()
await server.close()
console.log(answer.ok && answer.result.username)
JS
[ "$(node main.mjs)" = "seed_invite_bot" ] || fail "the mock alone did not answer getMe"
say "the mock alone: installs with only @grammyjs/types (no Effect, no code), imports no Effect, the server answers"
# The console is served from the installed package (dist/console, built by the mock's build), and weighs little.
cat > console.mjs <<'JS'
import { startMockServer } from "telegram-bot-api-mock"
const server = await startMockServer()
const get = async (path) => {
  const response = await fetch(`${server.consoleUrl}${path}`)
  return { status: response.status, type: response.headers.get("content-type"), body: await response.text() }
}
const [html, js, css] = [await get(""), await get("/console.js"), await get("/console.css")]
const events = await fetch(`${server.url}/__mock/events`)
await events.body.cancel()
await server.close()
const ok = html.status === 200 && html.body.includes('src="/__mock/console/console.js"') &&
  js.status === 200 && js.type.startsWith("text/javascript") && js.body.includes("__mock/events") &&
  css.status === 200 && css.type.startsWith("text/css") && events.status === 200
console.log(ok ? "console ok" : `console broken: ${JSON.stringify({ html: html.status, js: js.status, css: css.status })}`)
JS
[ "$(node console.mjs)" = "console ok" ] || fail "the installed mock does not serve its console: $(node console.mjs)"
page=node_modules/telegram-bot-api-mock/dist/console
weight=$(cat "$page/index.html" "$page/console.js" "$page/console.css" | wc -c)
[ "$weight" -lt 102400 ] || fail "the console weighs $weight bytes (index.html, console.js, console.css): over 100 KB"
say "the console: served from the installed package; index.html + console.js + console.css = $((weight / 1024)) KB"
