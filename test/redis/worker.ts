/**
 * One process of a fleet that runs one bot: exports the invite links of the same chats as its siblings, through the
 * resilient policy, with the flood gate and migration registry shared through Redis (`FLEET_MODE=redis`, the
 * default) or kept in this process only (`FLEET_MODE=memory`).
 *
 * Environment: TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT, REDIS_URL, FLEET_CHATS (comma-separated), FLEET_ROUNDS,
 * FLEET_PACE_MS (a random pause of up to that many ms between two calls), FLEET_WORKER (its number).
 *
 * Prints JSON lines on stdout: `{"type":"ready"}` once its layers are built, then (after reading a line `go` on
 * stdin) one `request` line per HTTP request (chat, send and receive time, status, Retry-After), one `result` line per
 * call (a link, or the tag of a typed error), and `{"type":"done"}`. Times are `performance.timeOrigin + now()`
 * (wall-clock ms with sub-ms precision, comparable between processes of one machine: measurement only).
 */
import { Duration, Effect, Layer, Option } from "effect"
import { createInterface } from "node:readline"
import * as BotApi from "../../src/BotApi.js"
import * as ChatId from "../../src/ChatId.js"
import { callback } from "../../src/edition/combinators.js"
import * as FloodGate from "../../src/FloodGate.js"
import * as Policy from "../../src/Policy.js"
import * as RedisConnection from "../../src/redis/RedisConnection.js"
import * as RedisPolicy from "../../src/redis/RedisPolicy.js"
import { FetchHttpClient, HttpClient } from "../edition/http.js"
import { consoleLogfmtLayer } from "../edition/logger.js"
import { awaitConnected } from "../edition/redis.js"
import * as Result from "../edition/result.js"

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback
  if (value === undefined) throw new Error(`${name} is not set`)
  return value
}

const worker = Number(env("FLEET_WORKER", "0"))
const chats = env("FLEET_CHATS").split(",").map((chat) => chat.trim()).filter((chat) => chat !== "")
const rounds = Number(env("FLEET_ROUNDS", "3"))
const paceMs = Number(env("FLEET_PACE_MS", "0"))
const mode = env("FLEET_MODE", "redis")

const now = (): number => performance.timeOrigin + performance.now()
const print = (line: Record<string, unknown>): void =>
  void process.stdout.write(`${JSON.stringify({ worker, ...line })}\n`)

const decoder = new TextDecoder()

/** The fetch client, recording every request it sends. */
const InstrumentedHttpClient = Layer.effect(
  HttpClient.HttpClient,
  Effect.gen(function*() {
    const client = yield* HttpClient.HttpClient
    return HttpClient.transform(client, (effect, request) =>
      Effect.suspend(() => {
        let chat: unknown
        try {
          if (request.body._tag === "Uint8Array") chat = JSON.parse(decoder.decode(request.body.body)).chat_id
        } catch {
          chat = undefined
        }
        const method = request.url.slice(request.url.lastIndexOf("/") + 1)
        const sentAt = now()
        return effect.pipe(
          Effect.tap((response) =>
            Effect.sync(() =>
              print({
                type: "request",
                method,
                chat: String(chat),
                sentAt,
                receivedAt: now(),
                status: response.status,
                retryAfter: response.headers["retry-after"] === undefined
                  ? undefined
                  : Number(response.headers["retry-after"])
              })
            )
          ),
          Effect.tapError(() =>
            Effect.sync(() =>
              print({ type: "request", method, chat: String(chat), sentAt, receivedAt: now(), status: 0 })
            )
          )
        )
      }))
  })
).pipe(Layer.provide(FetchHttpClient.layer))

const Shared = mode === "redis"
  ? Layer.provideMerge(RedisPolicy.layerShared, RedisConnection.layerConfig())
  : Policy.layerMemory

const MainLayer = Layer.mergeAll(BotApi.layerConfig(), Shared).pipe(
  Layer.provide(InstrumentedHttpClient),
  // Warnings (e.g. Redis unreachable) go to stderr, so stdout stays JSON lines.
  Layer.provide(consoleLogfmtLayer)
)

const waitForGo = callback<void, never>((resume) => {
  const lines = createInterface({ input: process.stdin })
  lines.on("line", (line) => {
    if (line.trim() === "go") {
      lines.close()
      resume(Effect.void)
    }
  })
})

const program = Effect.gen(function*() {
  print({ type: "ready" })
  yield* waitForGo
  const order = chats.map((_, i) => chats[(i + worker) % chats.length]!)
  for (let round = 0; round < rounds; round++) {
    for (const chat of order) {
      const result = yield* Result.result(
        Policy.exportChatInviteLink(chat, {
          maxAttempts: 10,
          maxFloodWait: "10 seconds",
          backoffBase: "20 millis",
          // Told by the server to wait: the policy has closed the shared gate just before this event.
          onEvent: (event) =>
            event._tag === "FloodWait" && event.source === "server"
              ? Effect.sync(() =>
                print({
                  type: "flood",
                  chat: String(event.chatId),
                  closedAt: now(),
                  retryAfterMs: Duration.toMillis(event.retryAfter)
                })
              )
              : event._tag === "Migrated" && !event.remembered
              // Told by the server that the chat moved: the policy has recorded it just before this event.
              ? Effect.sync(() => print({ type: "migrated", chat: String(event.from), recordedAt: now() }))
              : Effect.void
        })
      )
      const success = Result.success(result)
      const failure = Result.failure(result)
      if (success !== undefined) {
        print({
          type: "result",
          chat,
          ok: true,
          link: success.link,
          chatId: String(success.chatId),
          migratedFrom: success.migratedFrom === undefined ? undefined : String(success.migratedFrom),
          attempts: success.attempts
        })
      } else if (failure !== undefined) {
        print({ type: "result", chat, ok: false, error: failure._tag, message: failure.message })
      }
      if (paceMs > 0) yield* Effect.sleep(Math.random() * paceMs)
    }
  }
  // A worker whose Redis went away finishes its calls on its own gate; before it exits, it waits (bounded) for
  // Redis to be back and touches the gate once, so that it picks Redis up again and says so. It lets 100 ms pass
  // first: a worker whose last call failed as Redis went down could find the client still "ready" (its close not yet
  // seen), read at once, fall back, and exit without the line (a CI run saw that).
  const connection = yield* Effect.serviceOption(RedisConnection.RedisConnection)
  if (Option.isSome(connection)) {
    yield* Effect.sleep(100)
    yield* awaitConnected(connection.value)
    const gate = yield* FloodGate.FloodGate
    yield* gate.closedUntil(FloodGate.scopeOf("bot", ChatId.unsafeMake(chats[0]!)))
  }
  print({ type: "done" })
})

/**
 * Exits once everything written so far has reached the pipes: stdout to a pipe is asynchronous in Node, and a bare
 * `process.exit` can drop the last lines (the "reachable again" log line, say) that the fleet test reads.
 */
const exitAfterFlush = (code: number): void => {
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)))
}

Effect.runPromise(program.pipe(Effect.provide(MainLayer))).then(
  () => exitAfterFlush(0),
  (error: unknown) => {
    process.stderr.write(`worker ${worker} failed: ${String(error)}\n`)
    exitAfterFlush(1)
  }
)
