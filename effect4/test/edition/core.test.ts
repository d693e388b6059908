/**
 * The shared core as this edition uses it: the same files the Effect 3 edition reads (`src/core` of the repository,
 * linked into this package's src/ and compiled with it), so the rules and the names both editions must agree on are
 * the same text, read from source in development (no compiled copy to go stale).
 */
import { assert, describe, it } from "@effect/vitest"
import { readFileSync, realpathSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import * as Keys from "../../src/core/keys.js"
import * as RedisFloodGate from "../../src/redis/RedisFloodGate.js"

const REPOSITORY = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..")

describe("the shared core", () => {
  it("src/core is the repository's src/core, read from source (the same files, not a copy)", () => {
    for (const file of ["answer", "chatId", "policy", "scrub", "keys", "events"]) {
      const here = join(REPOSITORY, "effect4", "src", "core", `${file}.ts`)
      const shared = join(REPOSITORY, "src", "core", `${file}.ts`)
      assert.strictEqual(realpathSync(here), realpathSync(shared), file)
      assert.strictEqual(readFileSync(here, "utf8"), readFileSync(shared, "utf8"), file)
    }
  })

  it("Redis keys and the gate's Lua rule are the Effect 3 edition's, so both editions share one Redis", () => {
    assert.strictEqual(Keys.keyPrefixOf("123456"), "tg:123456:")
    assert.strictEqual(
      Keys.gateKey("tg:123456:", Keys.scopeKey("chat", -1001234567890)),
      "tg:123456:gate:chat:-1001234567890"
    )
    assert.strictEqual(Keys.gateKey("tg:123456:", Keys.scopeKey("bot", -1)), "tg:123456:gate:bot")
    assert.strictEqual(Keys.migrationKey("tg:123456:", "@My_Channel"), "tg:123456:migration:@my_channel")
    assert.strictEqual(Keys.rateKeyPrefix("tg:123456:") + Keys.rateChatKey(-1), "tg:123456:rate:chat:-1")
    assert.strictEqual(Keys.botIdOf("123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"), "123456")
    assert.strictEqual(Keys.botIdOf("not a token"), undefined)
    assert.strictEqual(RedisFloodGate.closeGateScript.lua, Keys.closeGateScript)
    // The Effect 3 shell either imports the core's script or holds the same text.
    const effect3 = readFileSync(join(REPOSITORY, "src", "redis", "internal.ts"), "utf8")
    assert.isTrue(
      /closeGateScript[^\n]*from "\.\.\/core\/keys\.js"/.test(effect3) || effect3.includes(Keys.closeGateScript),
      "src/redis/internal.ts has another gate script"
    )
  })
})
