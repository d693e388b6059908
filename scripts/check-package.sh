#!/usr/bin/env bash
# Proves the published package works as users meet it: `npm pack`, install the tarball into a fresh
# project, import it as ESM, type-check a consumer under `tsc --strict`, and run both bins.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
npm run --silent build
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
cd "$work"
cat > package.json <<'JSON'
{ "name": "consumer", "version": "1.0.0", "private": true, "type": "module" }
JSON
npm install --no-audit --no-fund --silent "./$tarball" typescript@~5.9.3 @types/node@^20 >/dev/null
cat > tsconfig.json <<'JSON'
{ "compilerOptions": { "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext", "strict": true,
  "noEmit": true, "skipLibCheck": false, "types": ["node"] }, "include": ["consumer.ts"] }
JSON
cat > consumer.ts <<'TS'
import { BotApi, Policy } from "effect-telegram-invite"
import { DEFAULT_BOT_TOKEN, layerMockHttpClient, MockTelegram } from "effect-telegram-invite/mock-server"
import { Effect, Layer, Redacted } from "effect"

const mock = MockTelegram.make()
const program: Effect.Effect<string, unknown> = Policy.exportChatInviteLink(-1001234567890).pipe(
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
[[ "$link" =~ ^https://t\.me/\+[A-Za-z0-9_-]{16}$ ]] || { echo "package: ESM import gave '$link'"; exit 1; }
cli=$(env -u TELEGRAM_BOT_TOKEN node_modules/.bin/tg-invite export -1001234567890 2>/dev/null)
[[ "$cli" =~ ^https://t\.me/\+[A-Za-z0-9_-]{16}$ ]] || { echo "package: tg-invite printed '$cli'"; exit 1; }
node_modules/.bin/tg-mock-server --port 0 > server.out 2>&1 &
server=$!
for _ in $(seq 1 50); do grep -q "listening on" server.out && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' server.out)
kill "$server"
[[ "$url" =~ ^http://127\.0\.0\.1:[0-9]+$ ]] || { echo "package: tg-mock-server said '$(cat server.out)'"; exit 1; }
echo "package: $tarball installs; ESM import, strict types and both bins work"
