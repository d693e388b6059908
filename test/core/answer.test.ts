/** The classification of answers, as properties: parameters and error_code decide, never the text. */
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { classifyAnswer, isTransient } from "../../src/core/answer.js"
import { makeScrubber } from "../../src/core/scrub.js"

const TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
const scrub = makeScrubber(TOKEN)
const noScrub = (text: string) => text
const description = fc.string({ maxLength: 40 })

describe("core: classifyAnswer", () => {
  it("ok:true with a result is the result, whatever else the object holds", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue()), (result, extra) => {
        const body = JSON.stringify({ ...extra, ok: true, result })
        expect(classifyAnswer(body, noScrub)).toEqual({ _tag: "Result", result: JSON.parse(JSON.stringify(result)) })
      })
    )
  })

  it("a positive finite retry_after is a flood wait, before any migrate_to_chat_id", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 400, max: 599 }),
        description,
        fc.double({ min: Number.MIN_VALUE, max: 1e9, noNaN: true }),
        fc.option(fc.integer({ min: -(2 ** 52), max: -1 })),
        (code, text, retryAfter, migrateTo) => {
          const parameters = migrateTo === null
            ? { retry_after: retryAfter }
            : { retry_after: retryAfter, migrate_to_chat_id: migrateTo }
          const body = JSON.stringify({ ok: false, error_code: code, description: text, parameters })
          expect(classifyAnswer(body, noScrub)).toEqual({
            _tag: "FloodWait",
            retryAfterSeconds: retryAfter,
            description: text
          })
        }
      )
    )
  })

  it("a safe non-zero migrate_to_chat_id without a usable retry_after is a migration", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 52), max: 2 ** 52 }).filter((n) => n !== 0),
        fc.constantFrom<unknown>(undefined, 0, -5, "7", null),
        (to, retryAfter) => {
          const parameters = retryAfter === undefined
            ? { migrate_to_chat_id: to }
            : { migrate_to_chat_id: to, retry_after: retryAfter }
          const body = JSON.stringify({ ok: false, error_code: 400, description: "x", parameters })
          expect(classifyAnswer(body, noScrub)).toEqual({ _tag: "Migrated", migrateToChatId: to, description: "x" })
        }
      )
    )
  })

  it("any other ok:false is a refusal with its code, description and parameters, even if the text says otherwise", () => {
    for (
      const text of ["Too Many Requests: retry after 5", "Bad Request: group chat was upgraded to a supergroup chat"]
    ) {
      expect(classifyAnswer(JSON.stringify({ ok: false, error_code: 400, description: text }), noScrub)).toEqual({
        _tag: "Refused",
        errorCode: 400,
        description: text,
        parameters: undefined
      })
    }
    const unusable = { retry_after: 0, migrate_to_chat_id: 2 ** 60 }
    expect(
      classifyAnswer(JSON.stringify({ ok: false, error_code: 429, description: "d", parameters: unusable }), noScrub)
    ).toEqual({ _tag: "Refused", errorCode: 429, description: "d", parameters: unusable })
  })

  it("never throws, and anything that is not an envelope is NotJson or NotEnvelope", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v))), (body) => {
        const answer = classifyAnswer(body, noScrub)
        let parsed: unknown
        let isJson = true
        try {
          parsed = JSON.parse(body)
        } catch {
          isJson = false
        }
        if (!isJson) expect(answer).toMatchObject({ _tag: "NoAnswer", reason: "NotJson" })
        const envelope = typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) &&
          ((parsed as any).ok === true || (parsed as any).ok === false)
        if (isJson && !envelope) expect(answer).toMatchObject({ _tag: "NoAnswer", reason: "NotEnvelope" })
      })
    )
    for (
      const body of [
        `{"ok":true}`,
        `{"ok":false,"description":"x"}`,
        `{"ok":false,"error_code":1.5,"description":"x"}`,
        `{"ok":false,"error_code":400,"description":3}`,
        `{"ok":false,"error_code":400,"description":"x","parameters":null}`,
        `{"ok":false,"error_code":1e300,"description":"x"}`,
        `[{"ok":true,"result":1}]`
      ]
    ) expect(classifyAnswer(body, noScrub)).toMatchObject({ _tag: "NoAnswer", reason: "NotEnvelope" })
  })

  it("keeps no token in any text or parameter it returns", () => {
    const secret = TOKEN.split(":")[1]!
    const bodies = [
      `<html>${TOKEN}</html>`,
      JSON.stringify({ ok: false, error_code: 400, description: `bad ${TOKEN}`, parameters: { echo: secret } }),
      JSON.stringify({ ok: false, error_code: 429, description: secret, parameters: { retry_after: 3 } }),
      JSON.stringify({ nope: encodeURIComponent(secret) })
    ]
    for (const body of bodies) expect(JSON.stringify(classifyAnswer(body, scrub))).not.toContain(secret)
  })
})

describe("core: isTransient", () => {
  it("network failures, timeouts and 5xx answers are transient; the rest is not", () => {
    expect(isTransient({ _tag: "TransportError", reason: "Network", status: undefined })).toBe(true)
    expect(isTransient({ _tag: "TransportError", reason: "Timeout", status: undefined })).toBe(true)
    expect(isTransient({ _tag: "TransportError", reason: "NotJson", status: 502 })).toBe(true)
    expect(isTransient({ _tag: "TransportError", reason: "NotEnvelope", status: 503 })).toBe(true)
    expect(isTransient({ _tag: "TransportError", reason: "NotJson", status: 200 })).toBe(false)
    expect(isTransient({ _tag: "TransportError", reason: "UnexpectedResult", status: 500 })).toBe(false)
    expect(isTransient({ _tag: "TransportError", reason: "Encode", status: undefined })).toBe(false)
    expect(isTransient({ _tag: "TelegramApiError", errorCode: 500 })).toBe(true)
    expect(isTransient({ _tag: "TelegramApiError", errorCode: 403 })).toBe(false)
    expect(isTransient({ _tag: "FloodWaitError", retryAfterMs: 1000 })).toBe(false)
    expect(isTransient({ _tag: "ChatMigratedError", migrateToChatId: -100 })).toBe(false)
    expect(isTransient({ _tag: "InvalidChatIdError" })).toBe(false)
  })
})
