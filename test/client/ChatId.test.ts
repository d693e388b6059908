import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as fc from "fast-check"
import * as ChatId from "../../src/ChatId.js"
import * as Result from "../edition/result.js"

const letter = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
const alnum = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

/** Valid usernames: a letter, then 0–31 of [A-Za-z0-9] or single `_` between them, no trailing `_`. */
const validUsername = fc
  .tuple(letter, fc.array(fc.tuple(fc.boolean(), alnum), { maxLength: 15 }))
  .map(([first, rest]) => first + rest.map(([underscore, c]) => (underscore ? "_" : "") + c).join(""))
  .filter((name) => name.length <= 32)

/** strictEqual across the brand. */
const same = (actual: unknown, expected: unknown): void => assert.strictEqual(actual, expected)

describe("ChatId", () => {
  it.effect("accepts safe non-zero integers and valid @usernames as they are", () =>
    Effect.gen(function*() {
      for (const input of [-1001234567890, -555555555, 42, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER]) {
        same(yield* ChatId.make(input), input)
      }
      for (const input of ["@a", "@my_test_channel", "@A1_b2_C3", `@${"a".repeat(32)}`]) {
        same(yield* ChatId.make(input), input)
      }
    }))

  it.effect("decimal strings become numbers", () =>
    Effect.gen(function*() {
      same(yield* ChatId.make("-1001234567890"), -1001234567890)
      same(yield* ChatId.make(" 42 "), 42)
    }))

  it.effect("rejects everything else with InvalidChatIdError and a reason", () =>
    Effect.gen(function*() {
      const bad: ReadonlyArray<ChatId.Input> = [
        0,
        1.5,
        Number.NaN,
        Number.POSITIVE_INFINITY,
        2 ** 53,
        "9007199254740993",
        "",
        "abc",
        "my_test_channel",
        "@",
        "@1abc",
        "@_abc",
        "@abc_",
        "@a__b",
        "@a-b",
        "@a.b",
        "@ab c",
        "@тест",
        `@${"a".repeat(33)}`,
        "-100 123",
        "0x10"
      ]
      for (const input of bad) {
        const error = yield* Effect.flip(ChatId.make(input))
        assert.strictEqual(error._tag, "InvalidChatIdError", String(input))
        assert.isTrue(error.reason.length > 0)
        assert.isFalse(ChatId.isChatId(input))
      }
    }))

  it("property: every valid username is accepted, and breaking a rule is rejected", () => {
    fc.assert(fc.property(validUsername, (name) => Result.isSuccess(ChatId.validate(`@${name}`))))
    fc.assert(fc.property(validUsername, (name) => Result.isFailure(ChatId.validate(`@${name}_`))))
    fc.assert(fc.property(validUsername, (name) => Result.isFailure(ChatId.validate(`@${name}__x`))))
    fc.assert(
      fc.property(
        validUsername,
        fc.integer({ min: 0, max: 9 }),
        (name, d) => Result.isFailure(ChatId.validate(`@${d}${name}`))
      )
    )
    fc.assert(
      fc.property(fc.string({ minLength: 33, maxLength: 60 }), (s) => Result.isFailure(ChatId.validate(`@${s}`)))
    )
  })

  it("property: safe non-zero integers are accepted, and so are their decimal strings", () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger().filter((n) => n !== 0),
        (n) => Result.getOrThrow(ChatId.validate(n)) === n && Result.getOrThrow(ChatId.validate(String(n))) === n
      )
    )
    fc.assert(
      fc.property(
        fc.double().filter((n) => !Number.isSafeInteger(n) || n === 0),
        (n) => Result.isFailure(ChatId.validate(n))
      )
    )
  })

  it("the schema decodes valid ids and rejects invalid ones; keys are case-insensitive for usernames", () => {
    const decode = Result.decodeUnknownResult(ChatId.ChatId)
    assert.isTrue(Result.isSuccess(decode(-1001234567890)))
    assert.isTrue(Result.isSuccess(decode("@My_Channel")))
    assert.isTrue(Result.isFailure(decode("@a__b")))
    assert.isTrue(Result.isFailure(decode(0)))
    assert.strictEqual(ChatId.toKey(ChatId.unsafeMake("@My_Channel")), "@my_channel")
    assert.strictEqual(ChatId.toKey(ChatId.unsafeMake(-42)), "-42")
  })
})
