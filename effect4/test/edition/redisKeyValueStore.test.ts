/**
 * The Effect 4 edition's own Redis module: a `KeyValueStore` over Redis (`RedisKeyValueStore`, on Effect 4's
 * `effect/persistence`; the Effect 3 edition has no such module), against a real redis-server.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { KeyValueStore } from "effect/persistence"
import * as ChatId from "../../src/ChatId.js"
import * as ChatMigrations from "../../src/ChatMigrations.js"
import * as RedisKeyValueStore from "../../src/redis/RedisKeyValueStore.js"
import { announceSkip, redisAvailable } from "../redis/redisServer.js"
import { useRedis } from "../redis/useRedis.js"
import { connect } from "./redis.js"

announceSkip()

const redis = useRedis()

describe.skipIf(!redisAvailable)("RedisKeyValueStore (real redis-server, NodeRedis)", () => {
  it.effect("the KeyValueStore over Redis: get, set, keys, size, remove, clear under its prefix", () =>
    Effect.gen(function*() {
      yield* Effect.promise(() => redis.admin.flushAll())
      const connection = yield* connect({
        url: redis.server.url,
        botId: "123456",
        connectTimeout: "1 second",
        commandTimeout: "300 millis"
      })
      const store = RedisKeyValueStore.makeWith(connection.redis, "tg:123456:kv:")
      yield* store.set("a", "1")
      yield* store.set("b*", "2")
      assert.strictEqual(yield* store.get("a"), "1")
      assert.strictEqual(yield* store.get("missing"), undefined)
      assert.deepStrictEqual([...(yield* store.keys)].sort(), ["a", "b*"])
      assert.strictEqual(yield* store.size, 2)
      yield* store.remove("a")
      assert.isFalse(yield* store.has("a"))
      yield* Effect.promise(() => redis.admin.set("tg:123456:other", "x"))
      yield* store.clear
      assert.deepStrictEqual(yield* Effect.promise(() => redis.admin.keys("*")), ["tg:123456:other"])
      // ChatMigrations.layerKeyValueStore over it: the generic registry, persisted in Redis.
      const registry = yield* ChatMigrations.makeKeyValueStore().pipe(
        Effect.provide(Layer.succeed(KeyValueStore.KeyValueStore, store))
      )
      yield* registry.record(ChatId.unsafeMake(-1), ChatId.unsafeMake(-1000000000001))
      assert.strictEqual(
        yield* Effect.promise(() => redis.admin.get("tg:123456:kv:telegram-chat-migration:-1")),
        "-1000000000001"
      )
    }))
})
