/**
 * The shared core as this edition uses it: the same file the Effect 3 edition reads (`../src/core`), compiled into
 * this package, so the rules and the names that both editions must agree on are the same text.
 */
import * as Keys from "#core/keys.js"
import { assert, describe, it } from "@effect/vitest"
import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import * as RedisFloodGate from "../src/redis/RedisFloodGate.js"

const REPOSITORY = join(dirname(fileURLToPath(import.meta.url)), "..", "..")

describe("the shared core", () => {
  it("dist/core is compiled from the repository's src/core (the build this suite ran)", () => {
    for (const file of ["answer", "chatId", "policy", "scrub", "keys", "events"]) {
      const source = readFileSync(join(REPOSITORY, "src", "core", `${file}.ts`), "utf8")
      const compiled = readFileSync(join(REPOSITORY, "effect4", "dist", "core", `${file}.js`), "utf8")
      // Every exported name of the source is in the compiled file.
      for (const [, name] of source.matchAll(/^export const (\w+)/gm)) {
        assert.include(compiled, `export const ${name}`, `${file}.ts: ${name}`)
      }
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
