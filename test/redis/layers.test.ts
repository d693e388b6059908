/**
 * The Redis layers against a real redis-server (started here on a free loopback port, persistence off). Two
 * connections stand for two processes. Deadlines are checked through remaining TTLs on the TestClock, without
 * sleeping; only the wake-up and the restart tests run on real time, briefly.
 */
import { assert, describe, it } from "@effect/vitest"
import { Clock, Context, Duration, Effect, Fiber, Layer, Option, Redacted } from "effect"
import * as BotApi from "../../src/BotApi.js"
import * as ChatId from "../../src/ChatId.js"
import * as ChatMigrations from "../../src/ChatMigrations.js"
import { timeoutFail } from "../../src/edition/combinators.js"
import * as FloodGate from "../../src/FloodGate.js"
import * as Policy from "../../src/Policy.js"
import * as RedisChatMigrations from "../../src/redis/RedisChatMigrations.js"
import * as RedisConnection from "../../src/redis/RedisConnection.js"
import * as RedisFloodGate from "../../src/redis/RedisFloodGate.js"
import * as RedisPolicy from "../../src/redis/RedisPolicy.js"
import * as RedisRateLimit from "../../src/redis/RedisRateLimit.js"
import { configLayer } from "../edition/config.js"
import { fork } from "../edition/fiber.js"
import { loggerLayer } from "../edition/logger.js"
import { clockSkewMillis, connect as connectWith, isLimitExceeded, RateLimiter } from "../edition/redis.js"
import * as Result from "../edition/result.js"
import { TestClock } from "../edition/testClock.js"
import { announceSkip, freePort, redisAvailable } from "./redisServer.js"
import { useRedis } from "./useRedis.js"

announceSkip()

const TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
const SECRET = "ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
const CHAT = ChatId.unsafeMake(-1001234567890)
const scope = FloodGate.scopeOf("chat", CHAT)

const redis = useRedis()

/** A "process": its own connection to the test server, for bot `botId` (closed with the test's scope). */
const connect = (botId = "123456", url?: string) =>
  connectWith({ url: url ?? redis.server.url, botId, connectTimeout: "1 second", commandTimeout: "300 millis" })

const gateOf = (connection: RedisConnection.RedisConnection.Service) =>
  Effect.provideService(RedisFloodGate.make(), RedisConnection.RedisConnection, connection)

const registryOf = (connection: RedisConnection.RedisConnection.Service) =>
  Effect.provideService(RedisChatMigrations.make, RedisConnection.RedisConnection, connection)

const remaining = (gate: FloodGate.FloodGate.Service, key = scope) =>
  Effect.gen(function*() {
    const until = yield* gate.closedUntil(key)
    const now = yield* Clock.currentTimeMillis
    return Option.map(until, (deadline) => deadline - now)
  })

const recordingLogger = () => {
  const lines: Array<string> = []
  const layer = loggerLayer(({ level, message }) => {
    lines.push(`${level} ${Array.isArray(message) ? message.join(" ") : String(message)}`)
  })
  return { lines, layer }
}

const flushAll = Effect.promise(() => redis.admin.flushAll())

describe.skipIf(!redisAvailable)("Redis layers (real redis-server)", () => {
  describe("RedisFloodGate", () => {
    it.effect("a gate closed by one process is closed for another, with an expiry, and a later deadline wins", () =>
      Effect.gen(function*() {
        yield* flushAll
        const a = yield* gateOf(yield* connect())
        const b = yield* gateOf(yield* connect())
        const now = yield* Clock.currentTimeMillis
        yield* a.close(scope, now + 5000)
        const seen = yield* remaining(b)
        assert.isTrue(Option.isSome(seen) && seen.value > 4000 && seen.value <= 5000, String(seen))
        // The key expires by itself.
        const key = RedisFloodGate.keyOf("tg:123456:", scope)
        assert.strictEqual(key, "tg:123456:gate:chat:-1001234567890")
        const ttl = yield* Effect.promise(() => redis.admin.pttl(key))
        assert.isTrue(ttl > 4000 && ttl <= 5000, String(ttl))
        // A shorter deadline (from the other process) does not shorten it; a longer one extends it.
        yield* b.close(scope, now + 1000)
        assert.isAbove(yield* Effect.promise(() => redis.admin.pttl(key)), 4000)
        yield* b.close(scope, now + 20_000)
        const extended = yield* remaining(a)
        assert.isTrue(Option.isSome(extended) && extended.value > 19_000, String(extended))
        // Another scope is open.
        assert.isTrue(Option.isNone(yield* b.closedUntil("bot")))
      }).pipe(Effect.scoped))

    it.effect("machines' clocks do not matter: only the time left crosses Redis", () =>
      Effect.gen(function*() {
        yield* flushAll
        const a = yield* gateOf(yield* connect())
        const b = yield* gateOf(yield* connect())
        // Process A's clock reads 0; it is told to wait 8 s.
        yield* a.close(scope, 8000)
        // Process B's clock is far ahead (30 years; a day in the Effect 4 edition, see clockSkewMillis): it still sees
        // about 8 s left, on its own clock.
        yield* TestClock.setTime(clockSkewMillis)
        const seen = yield* remaining(b)
        assert.isTrue(Option.isSome(seen) && seen.value > 7000 && seen.value <= 8000, String(seen))
        // And a deadline already past on B's clock closes nothing.
        yield* b.close("bot", 500)
        assert.strictEqual(yield* Effect.promise(() => redis.admin.exists("tg:123456:gate:bot")), 0)
      }).pipe(Effect.scoped))

    it.live("a waiting process wakes up when the gate closed by another opens, and the key is gone", () =>
      Effect.gen(function*() {
        yield* flushAll
        const a = yield* gateOf(yield* connect())
        const b = yield* gateOf(yield* connect())
        yield* a.close(scope, Date.now() + 150)
        yield* timeoutFail(b.waitIfClosed(scope), Duration.seconds(5), () => "hung")
        assert.isTrue(Option.isNone(yield* b.closedUntil(scope)))
        assert.strictEqual(
          yield* Effect.promise(() => redis.admin.exists(RedisFloodGate.keyOf("tg:123456:", scope))),
          0
        )
      }).pipe(Effect.scoped))

    it.effect("two bots on one Redis do not share gates, and no key holds the token", () =>
      Effect.gen(function*() {
        yield* flushAll
        const bot1 = yield* gateOf(yield* connect("123456"))
        const bot2 = yield* gateOf(yield* connect("777"))
        yield* bot1.close("bot", 60_000)
        assert.isTrue(Option.isSome(yield* bot1.closedUntil("bot")))
        assert.isTrue(Option.isNone(yield* bot2.closedUntil("bot")))
        const registry = yield* registryOf(yield* connect("123456"))
        yield* registry.record(ChatId.unsafeMake(-555555555), CHAT)
        const keys = yield* Effect.promise(() => redis.admin.keys("*"))
        assert.deepStrictEqual([...keys].sort(), ["tg:123456:gate:bot", "tg:123456:migration:-555555555"])
        for (const key of keys) assert.notInclude(key, SECRET)
      }).pipe(Effect.scoped))
  })

  describe("RedisChatMigrations", () => {
    it.live("a migration learned by one process is used by another, and survives a restart of both", () =>
      Effect.gen(function*() {
        yield* flushAll
        const from = ChatId.unsafeMake(-555555555)
        const to = ChatId.unsafeMake(-1001700000000)
        yield* Effect.scoped(Effect.gen(function*() {
          const a = yield* registryOf(yield* connect())
          const b = yield* registryOf(yield* connect())
          assert.isTrue(Option.isNone(yield* b.get(from)))
          yield* a.record(from, to)
          assert.deepStrictEqual(yield* b.get(from), Option.some(to))
        }))
        // Both connections are closed: a new process still knows, and resolve() follows it.
        const path = yield* ChatMigrations.resolve(from, 2).pipe(
          Effect.provide(RedisChatMigrations.layer),
          Effect.provide(RedisConnection.layer({ url: redis.server.url, botId: "123456" }))
        )
        assert.deepStrictEqual(path, [from, to])
        // Another bot has its own registry.
        const other = yield* Effect.scoped(Effect.flatMap(registryOf(yield* connect("777")), (r) => r.get(from)))
        assert.isTrue(Option.isNone(other))
      }).pipe(Effect.scoped))

    it.effect("RedisPolicy.layerConfig reads REDIS_URL and the bot id of TELEGRAM_BOT_TOKEN", () =>
      Effect.gen(function*() {
        yield* flushAll
        const env = configLayer({ REDIS_URL: redis.server.url, TELEGRAM_BOT_TOKEN: TOKEN })
        const context = yield* Layer.build(RedisPolicy.layerConfig().pipe(Layer.provide(env)))
        const gate = Context.get(context, FloodGate.FloodGate)
        yield* gate.close("bot", (yield* Clock.currentTimeMillis) + 10_000)
        assert.deepStrictEqual(yield* Effect.promise(() => redis.admin.keys("*")), ["tg:123456:gate:bot"])
        assert.strictEqual(RedisConnection.botIdOf(Redacted.make(TOKEN)), "123456")
        assert.strictEqual(RedisConnection.botIdOf("not a token"), undefined)
      }).pipe(Effect.scoped))
  })

  describe("RedisRateLimit", () => {
    const limiterOf = (connection: RedisConnection.RedisConnection.Service) =>
      RateLimiter.make.pipe(
        Effect.provide(RedisRateLimit.layerStore),
        Effect.provideService(RedisConnection.RedisConnection, connection)
      )

    it.effect("a limit is shared by two processes; 30/s (33.3 ms per call) works", () =>
      Effect.gen(function*() {
        yield* flushAll
        const a = yield* limiterOf(yield* connect())
        const b = yield* limiterOf(yield* connect())
        const take = (limiter: RateLimiter.RateLimiter) =>
          Result.result(limiter.consume({ key: "chat:-1", limit: 3, window: "1 minute" }))
        for (let i = 0; i < 2; i++) assert.isTrue(Result.isSuccess(yield* take(a)))
        assert.isTrue(Result.isSuccess(yield* take(b)))
        const fourth = yield* take(b)
        assert.isTrue(Result.isFailure(fourth) && isLimitExceeded(Result.failure(fourth)!), String(fourth))
        const ttl = yield* Effect.promise(() => redis.admin.pttl("tg:123456:rate:chat:-1"))
        assert.isTrue(ttl > 0 && ttl <= 60_000, String(ttl))
        // A refill rate that is not a whole number of ms (the library's own Redis store fails on it).
        for (let i = 0; i < 3; i++) {
          const r = yield* a.consume({ key: "bot", limit: 30, window: "1 second", onExceeded: "delay" })
          assert.strictEqual(r.limit, 30)
        }
        // The token bucket is timed by Redis's clock.
        const bucket = () =>
          Result.result(b.consume({ key: "tb", algorithm: "token-bucket", limit: 2, window: "1 minute" }))
        assert.isTrue(Result.isSuccess(yield* bucket()))
        assert.isTrue(Result.isSuccess(yield* bucket()))
        const third = yield* bucket()
        assert.isTrue(Result.isFailure(third) && isLimitExceeded(Result.failure(third)!), String(third))
        const bucketTtl = yield* Effect.promise(() => redis.admin.pttl("tg:123456:rate:tb"))
        assert.isTrue(bucketTtl > 0, String(bucketTtl))
      }).pipe(Effect.scoped))

    it.effect("RedisRateLimit.layer delays the call past the shared limit (TestClock)", () =>
      Effect.gen(function*() {
        yield* flushAll
        let sent = 0
        const fakeApi = BotApi.BotApi.of({
          exportChatInviteLink: () => Effect.sync(() => `https://t.me/+link${++sent}`)
        } as unknown as BotApi.BotApi.Service)
        const connection = yield* connect()
        const context = yield* Layer.build(
          RedisRateLimit.layer({ perBot: false, perChat: { limit: 2, window: "1 minute" } }).pipe(
            Layer.provide(Layer.succeed(BotApi.BotApi, fakeApi)),
            Layer.provide(Layer.succeed(RedisConnection.RedisConnection, connection))
          )
        )
        const api = Context.get(context, BotApi.BotApi)
        const calls = yield* fork(Effect.all([1, 2, 3].map(() => api.exportChatInviteLink(CHAT))))
        // Two go at once; the third waits for its slot (the Redis round trips are real, the wait is on the clock).
        yield* Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 300)))
        assert.strictEqual(sent, 2)
        yield* TestClock.adjust("1 minute")
        const links = yield* Fiber.join(calls)
        assert.strictEqual(links.length, 3)
      }).pipe(Effect.scoped))
  })

  describe("faults", () => {
    it.effect("Redis unreachable: the layers build, calls go on in process, one warning, nothing hangs", () =>
      Effect.gen(function*() {
        const { layer: logger, lines } = recordingLogger()
        const port = yield* Effect.promise(() => freePort())
        const url = `redis://:hunter2@127.0.0.1:${port}`
        yield* Effect.gen(function*() {
          const connection = yield* connect("123456", url)
          const gate = yield* gateOf(connection)
          const registry = yield* registryOf(connection)
          const limiter = yield* RateLimiter.make.pipe(
            Effect.provide(RedisRateLimit.layerStore),
            Effect.provideService(RedisConnection.RedisConnection, connection)
          )
          for (let i = 0; i < 5; i++) {
            const now = yield* Clock.currentTimeMillis
            yield* gate.close(scope, now + 5000)
            const left = yield* remaining(gate)
            assert.isTrue(Option.isSome(left) && left.value === 5000, String(left))
            yield* registry.record(ChatId.unsafeMake(-555555555), CHAT)
            assert.deepStrictEqual(yield* registry.get(ChatId.unsafeMake(-555555555)), Option.some(CHAT))
            yield* limiter.consume({ key: "bot", limit: 100, window: "1 second" })
          }
        }).pipe(Effect.scoped, Effect.provide(logger))
        const warnings = lines.filter((line) => line.startsWith("WARN"))
        assert.strictEqual(warnings.length, 1, lines.join("\n"))
        assert.include(warnings[0]!, `redis://127.0.0.1:${port}`)
        assert.include(warnings[0]!, "falling back")
        assert.notInclude(lines.join("\n"), "hunter2")
      }).pipe(Effect.scoped))

    it.live("Redis restarted: each process keeps its own deadlines, then sharing resumes", () =>
      Effect.gen(function*() {
        const { layer: logger, lines } = recordingLogger()
        yield* Effect.gen(function*() {
          const a = yield* gateOf(yield* connect())
          const b = yield* gateOf(yield* connect())
          yield* a.close(scope, Date.now() + 60_000)
          assert.isTrue(Option.isSome(yield* b.closedUntil(scope)))
          yield* Effect.promise(() => redis.server.stop())
          // While Redis is down, A still knows its own deadline (commands fail at once; no offline queue).
          assert.isTrue(Option.isSome(yield* a.closedUntil(scope)))
          yield* Effect.promise(() => redis.server.start())
          // The restarted Redis is empty (no persistence): A still knows its own deadline, B no longer does.
          assert.isTrue(Option.isSome(yield* a.closedUntil(scope)))
          // Until both have reconnected, commands fail fast and each gate goes on alone; poll (bounded) for it.
          let shared = false
          for (let i = 0; i < 100 && !shared; i++) {
            yield* a.close("bot", Date.now() + 60_000)
            shared = Option.isSome(yield* b.closedUntil("bot"))
            if (!shared) yield* Effect.sleep(Duration.millis(50))
          }
          assert.isTrue(shared, "the gate is shared again after the restart")
        }).pipe(Effect.scoped, Effect.provide(logger))
        const joined = lines.join("\n")
        assert.include(joined, "reachable again")
        assert.isAtMost(lines.filter((line) => line.startsWith("WARN")).length, 2, joined)
        yield* flushAll
      }).pipe(Effect.scoped))

    it.effect("Policy over the Redis layers: the in-memory default is untouched", () =>
      Effect.gen(function*() {
        // Nothing about Redis is needed for one process: the default layer has no Redis in it.
        const context = yield* Layer.build(Policy.layerMemory)
        assert.isTrue(Option.isSome(yield* Effect.serviceOption(FloodGate.FloodGate).pipe(Effect.provide(context))))
      }).pipe(Effect.scoped))
  })
})
