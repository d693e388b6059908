/**
 * The client core's small rules, pinned down where the mutation run (`npm run mutate`) found them unchecked: the
 * excerpt a non-JSON body leaves in a description, what is and is not an envelope, the hints that are not usable, the
 * token scrubber's needles, how a refused chat id is echoed, and the wording of delays.
 */
import { describe, expect, it } from "vitest"
import { classifyAnswer, excerpt, isTransient } from "../../src/core/answer.js"
import { chatIdProblem, validateChatId } from "../../src/core/chatId.js"
import { advance, formatDelayMs, nextStep, sending, startCall } from "../../src/core/policy.js"
import { makeScrubber, messageOf } from "../../src/core/scrub.js"

const same = (text: string) => text

describe("excerpt and the NotJson / NotEnvelope descriptions", () => {
  it("squeezes a body to one trimmed line of at most 120 characters, marking a cut", () => {
    expect(excerpt("  <html>\n\t<body>  Bad \r\n Gateway </body>  ")).toBe("<html> <body> Bad Gateway </body>")
    expect(excerpt("a".repeat(120))).toBe("a".repeat(120))
    expect(excerpt(`${"a".repeat(119)}  b`)).toBe(`${"a".repeat(119)} ...`)
    expect(excerpt("x".repeat(121))).toBe(`${"x".repeat(120)}...`)
  })

  it("describes a body that is not JSON with its excerpt, or (empty)", () => {
    expect(classifyAnswer("<h1>502\n Bad  Gateway</h1>", same)).toEqual({
      _tag: "NoAnswer",
      reason: "NotJson",
      description: "body is not JSON: <h1>502 Bad Gateway</h1>"
    })
    expect(classifyAnswer("", same)).toMatchObject({ description: "body is not JSON: (empty)" })
    expect(classifyAnswer(" \n ", same)).toMatchObject({ description: "body is not JSON: (empty)" })
  })

  it("is no envelope: JSON that is not an object, or an ok:false without a safe integer code and a description", () => {
    for (
      const body of [
        "null",
        "[1,2]",
        "42",
        "{\"ok\":\"false\",\"error_code\":400,\"description\":\"x\"}",
        "{\"ok\":false,\"error_code\":\"400\",\"description\":\"x\"}",
        "{\"ok\":false,\"error_code\":400.5,\"description\":\"x\"}",
        "{\"ok\":false,\"error_code\":400}",
        "{\"ok\":false,\"error_code\":400,\"description\":7}",
        "{\"ok\":false,\"error_code\":400,\"description\":\"x\",\"parameters\":5}",
        "{\"ok\":true}"
      ]
    ) {
      expect(classifyAnswer(body, same), body).toEqual({
        _tag: "NoAnswer",
        reason: "NotEnvelope",
        description: `not a Bot API envelope: ${body}`
      })
    }
  })

  it("keeps a hint that is not usable as a plain refusal, with its parameters", () => {
    const refusal = (parameters: object) =>
      classifyAnswer(JSON.stringify({ ok: false, error_code: 400, description: "d", parameters }), same)
    for (const parameters of [{ retry_after: "5" }, { retry_after: 0 }, { retry_after: -3 }, { retry_after: null }]) {
      expect(refusal(parameters), JSON.stringify(parameters)).toEqual({
        _tag: "Refused",
        errorCode: 400,
        description: "d",
        parameters
      })
    }
    for (const parameters of [{ migrate_to_chat_id: 1.5 }, { migrate_to_chat_id: 0 }, { migrate_to_chat_id: "-100" }]) {
      expect(refusal(parameters)._tag, JSON.stringify(parameters)).toBe("Refused")
    }
    expect(refusal({ retry_after: 2.5 })).toMatchObject({ _tag: "FloodWait", retryAfterSeconds: 2.5 })
    expect(refusal({ migrate_to_chat_id: -100 })).toMatchObject({ _tag: "Migrated", migrateToChatId: -100 })
  })

  it("scrubs parameters only when they hold the token: the same object otherwise, {} when scrubbing breaks them", () => {
    const parameters = { note: "fine" }
    const answer = classifyAnswer(JSON.stringify({ ok: false, error_code: 400, description: "d", parameters }), same)
    expect(answer).toMatchObject({ parameters: { note: "fine" } })
    const scrub = makeScrubber("123456:ABCDEFGHIJ")
    expect(
      classifyAnswer(
        JSON.stringify({
          ok: false,
          error_code: 400,
          description: "d",
          parameters: { url: "x/bot123456:ABCDEFGHIJ/y" }
        }),
        scrub
      )
    ).toMatchObject({ parameters: { url: "x/bot<redacted>/y" } })
    // A scrubber that turns the JSON into something else: the parameters are dropped, never half-scrubbed.
    const breaking = (text: string) => text.replace("secret", "\"")
    expect(
      classifyAnswer(
        JSON.stringify({ ok: false, error_code: 400, description: "d", parameters: { v: "secret" } }),
        breaking
      )
    ).toMatchObject({ _tag: "Refused", parameters: {} })
  })

  it("retries only network failures, timeouts and 5xx pages or envelopes", () => {
    expect(isTransient({ _tag: "TransportError", reason: "UnexpectedResult", status: 502 })).toBe(false)
    expect(isTransient({ _tag: "TransportError", reason: "Encode", status: 500 })).toBe(false)
    expect(isTransient({ _tag: "TransportError", reason: "NotJson", status: undefined })).toBe(false)
    expect(isTransient({ _tag: "TransportError", reason: "NotJson", status: 499 })).toBe(false)
    expect(isTransient({ _tag: "TransportError", reason: "NotEnvelope", status: 500 })).toBe(true)
    expect(isTransient({ _tag: "TransportError", reason: "Network", status: undefined })).toBe(true)
  })
})

describe("chat ids", () => {
  it("a string that is neither decimal nor @username is refused as such", () => {
    expect(chatIdProblem("abc")).toBe("a chat id is an integer or an @username")
    expect(chatIdProblem("@")).not.toBe("a chat id is an integer or an @username")
  })

  it("a decimal string must be a safe non-zero integer", () => {
    expect(validateChatId(" -100 ")).toEqual({ ok: true, chatId: -100 })
    expect(validateChatId("0")).toMatchObject({ ok: false, input: "0", reason: "0 is not a chat id" })
    expect(validateChatId("99999999999999999999")).toMatchObject({
      ok: false,
      reason: "a numeric chat id is a safe integer"
    })
  })

  it("echoes a refused input: numbers as text, 64 characters whole, longer ones cut, tokens never", () => {
    expect(validateChatId(1.5)).toMatchObject({ ok: false, input: "1.5" })
    expect(validateChatId("y".repeat(64))).toMatchObject({ ok: false, input: "y".repeat(64) })
    expect(validateChatId("y".repeat(65))).toMatchObject({ ok: false, input: `${"y".repeat(61)}...` })
    expect(validateChatId("123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11")).toMatchObject({
      ok: false,
      input: "<looks like a bot token: not shown>"
    })
  })
})

describe("the policy's decision function", () => {
  const bounds = { maxAttempts: 5, maxFloodWaitMs: 60_000, maxMigrationHops: 3, retryTransient: true }

  it("gives up on a migration loop, naming it", () => {
    const progress = sending(startCall([-1, -2]))
    expect(nextStep(bounds, progress, { _tag: "ChatMigratedError", migrateToChatId: -1 })).toEqual({
      _tag: "GiveUp",
      reason: "MigrationLoop"
    })
  })

  it("a flood wait leaves the progress as it is", () => {
    const progress = sending(startCall([-1]))
    expect(advance(progress, { _tag: "WaitFlood", waitMs: 1000 })).toBe(progress)
    expect(advance(progress, { _tag: "Backoff", retry: 2 })).toEqual({ ...progress, transientRetries: 2 })
  })

  it("says delays in ms under a second, in whole seconds (rounded up) from a second", () => {
    expect(formatDelayMs(850)).toBe("850 ms")
    expect(formatDelayMs(999.4)).toBe("999 ms")
    expect(formatDelayMs(1000)).toBe("1 s")
    expect(formatDelayMs(12_001)).toBe("13 s")
  })
})

describe("the scrubber", () => {
  it("replaces the whole token, not only its secret, whatever the order of its needles", () => {
    const scrub = makeScrubber("123456:ABCDEFGHIJ")
    expect(scrub("a 123456:ABCDEFGHIJ b")).toBe("a <redacted> b")
    expect(scrub("a ABCDEFGHIJ b")).toBe("a <redacted> b")
    expect(scrub("a 123456%3AABCDEFGHIJ b")).toBe("a <redacted> b")
  })

  it("a secret of 6 characters or more is replaced on its own; a shorter one only within the whole token", () => {
    expect(makeScrubber("1:abcdef")("abcdef")).toBe("<redacted>")
    expect(makeScrubber("1:abcde")("abcde and 1:abcde")).toBe("abcde and <redacted>")
    // A token without a bot id: the secret is what follows the colon.
    expect(makeScrubber(":abcdefghij")("x abcdefghij y")).toBe("x <redacted> y")
    expect(makeScrubber("abcdefghij")("x abcdefghij y")).toBe("x <redacted> y")
  })

  it("an empty token scrubs nothing", () => {
    expect(makeScrubber("")("abc")).toBe("abc")
  })

  it("messageOf: an error's message with its cause's, a string as is, anything else as JSON or text", () => {
    expect(messageOf(new Error("outer", { cause: new Error("inner") }))).toBe("outer: inner")
    expect(messageOf(new Error("alone", { cause: "not an error" }))).toBe("alone")
    expect(messageOf("plain")).toBe("plain")
    expect(messageOf({ a: 1 })).toBe("{\"a\":1}")
    expect(messageOf(undefined)).toBe("undefined")
    const circular: Record<string, unknown> = {}
    circular["self"] = circular
    expect(messageOf(circular)).toBe("[object Object]")
  })
})
