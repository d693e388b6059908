/**
 * The names both editions share in Redis (src/core/keys.ts), exactly: an Effect 3 process and an Effect 4 process of
 * the same bot must compute the same keys, and no key may hold a token's secret.
 */
import { describe, expect, it } from "vitest"
import {
  botIdOf,
  describeRedisUrl,
  gateKey,
  keyPrefixOf,
  migrationKey,
  migrationKeyPrefix,
  rateChatKey,
  rateKeyPrefix,
  scopeKey
} from "../../src/core/keys.js"

describe("the shared key names", () => {
  it("a chat's gate scope, or the bot's", () => {
    expect(scopeKey("chat", -1001234567890)).toBe("chat:-1001234567890")
    expect(scopeKey("chat", "@my_channel")).toBe("chat:@my_channel")
    expect(scopeKey("bot", -1001234567890)).toBe("bot")
  })

  it("the bot id of a token is its digits before the colon; anything else is no token", () => {
    expect(botIdOf("123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11")).toBe("123456")
    expect(botIdOf("7:x")).toBe("7")
    for (const notAToken of ["", "123456", "123456:", ":secret", "abc:secret", " 123:secret", "12a:secret"]) {
      expect(botIdOf(notAToken), notAToken).toBeUndefined()
    }
  })

  it("every key lives under tg:<bot id>: and names what it holds", () => {
    const prefix = keyPrefixOf("123456")
    expect(prefix).toBe("tg:123456:")
    expect(gateKey(prefix, scopeKey("chat", -100123))).toBe("tg:123456:gate:chat:-100123")
    expect(gateKey(prefix, "bot")).toBe("tg:123456:gate:bot")
    expect(migrationKeyPrefix(prefix)).toBe("tg:123456:migration:")
    expect(migrationKey(prefix, -987654321)).toBe("tg:123456:migration:-987654321")
    expect(rateKeyPrefix(prefix)).toBe("tg:123456:rate:")
    expect(rateChatKey(-100123)).toBe("chat:-100123")
  })

  it("describes a Redis URL without its credentials, keeping the database", () => {
    expect(describeRedisUrl("redis://user:secret@cache.internal:6380/2")).toBe("redis://cache.internal:6380/2")
    expect(describeRedisUrl("redis://:secret@127.0.0.1:6379")).toBe("redis://127.0.0.1:6379")
    expect(describeRedisUrl("rediss://cache.internal/")).toBe("rediss://cache.internal")
    expect(describeRedisUrl("not a url")).toBe("<unparseable REDIS_URL>")
  })
})
