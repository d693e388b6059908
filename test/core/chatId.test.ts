/** The chat-id rules of the core, as properties. */
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { chatIdKey, chatIdProblem, validateChatId } from "../../src/core/chatId.js"

const letter = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
const alnum = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
const username = fc
  .tuple(letter, fc.array(fc.tuple(fc.boolean(), alnum), { maxLength: 15 }))
  .map(([first, rest]) => first + rest.map(([underscore, c]) => (underscore ? "_" : "") + c).join(""))
  .filter((name) => name.length <= 32)

describe("core: chat ids", () => {
  it("a number is a chat id exactly when it is a safe non-zero integer, and is kept as is", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double(), fc.constantFrom(2 ** 53, -(2 ** 53), 0, -0)), (n) => {
        const result = validateChatId(n)
        expect(result.ok).toBe(Number.isSafeInteger(n) && n !== 0)
        if (result.ok) expect(result.chatId).toBe(n)
        expect(chatIdProblem(n) === undefined).toBe(result.ok)
      })
    )
  })

  it("a decimal string becomes its number when that is a chat id; surrounding spaces are ignored", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }), fc.constantFrom("", " ", "  "), (n, pad) => {
        const result = validateChatId(`${pad}${n}${pad}`)
        const safe = n !== 0n && n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER)
        expect(result.ok).toBe(safe)
        if (result.ok) expect(result.chatId).toBe(Number(n))
      })
    )
  })

  it("valid @usernames pass as they are and compare case-insensitively", () => {
    fc.assert(
      fc.property(username, (name) => {
        const result = validateChatId(`@${name}`)
        expect(result).toEqual({ ok: true, chatId: `@${name}` })
        expect(chatIdKey(`@${name.toUpperCase()}`)).toBe(chatIdKey(`@${name.toLowerCase()}`))
      })
    )
  })

  it("usernames with a bad shape are refused with the rule they break", () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ["@", "a username has 1 to 32 characters"],
      [`@${"a".repeat(33)}`, "a username has 1 to 32 characters"],
      ["@1abc", "a username starts with a letter"],
      ["@a-b", "a username has only letters, digits and _"],
      ["@abc_", "a username does not end with _"],
      ["@a__b", "a username has no __"],
      ["abc", "a chat id is an integer or an @username"]
    ]
    for (const [input, reason] of cases) expect(validateChatId(input)).toEqual({ ok: false, input, reason })
  })

  it("never echoes a token-shaped input, and shortens long ones", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), fc.stringMatching(/^[A-Za-z0-9_-]{20,40}$/), (id, secret) => {
        const result = validateChatId(`@x ${id}:${secret}`)
        expect(result.ok).toBe(false)
        if (!result.ok) expect(result.input).not.toContain(secret)
      })
    )
    const long = validateChatId(`@${"b".repeat(100)}`)
    expect(!long.ok && long.input.length).toBe(64)
  })
})
