/**
 * The failure reasons as Effect 4 models them: `TransportError.reason` is a tagged value, so
 * `Effect.catchReason("TransportError", "Timeout", …)` picks one reason and leaves the others typed.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Fiber } from "effect"
import { TestClock } from "effect/testing"
import * as BotApi from "../../src/BotApi.js"
import * as ChatId from "../../src/ChatId.js"
import * as Policy from "../../src/Policy.js"
import { flood, hang, layerFor, makeScripted, networkFailure } from "../client/support.js"

const CHAT = -1001234567890

describe("TransportError reasons (Effect 4)", () => {
  it.effect("Effect.catchReason catches a timeout by its reason", () =>
    Effect.gen(function*() {
      const { client } = yield* makeScripted([hang])
      const fiber = yield* BotApi.exportChatInviteLink(CHAT).pipe(
        BotApi.withRequestTimeout("1 second"),
        Effect.catchReason("TransportError", "Timeout", (reason) => Effect.succeed(`caught ${reason._tag}`)),
        Effect.provide(layerFor(client)),
        Effect.forkChild
      )
      yield* TestClock.adjust("1 second")
      assert.strictEqual(yield* Fiber.join(fiber), "caught Timeout")
    }))

  it.effect("another reason stays a TransportError", () =>
    Effect.gen(function*() {
      const { client } = yield* makeScripted([networkFailure])
      const error = yield* BotApi.exportChatInviteLink(CHAT).pipe(
        Effect.catchReason("TransportError", "Timeout", () => Effect.succeed("never")),
        Effect.provide(layerFor(client)),
        Effect.flip
      )
      assert.strictEqual(error._tag === "TransportError" && error.reason._tag, "Network")
    }))

  it.effect("the policy's give-up reason travels with the failure", () =>
    Effect.gen(function*() {
      const { client } = yield* makeScripted([flood(120)])
      const error = yield* Policy.exportChatInviteLink(CHAT).pipe(Effect.provide(layerFor(client)), Effect.flip)
      assert.strictEqual(error._tag, "FloodWaitError")
      assert.strictEqual(Policy.giveUpReason(error), "FloodWaitTooLong")
    }))

  it("ChatId.makeUnsafe is Effect 4's name; unsafeMake stays as its deprecated alias", () => {
    assert.strictEqual<unknown>(ChatId.makeUnsafe("-100123"), -100123)
    assert.strictEqual(ChatId.unsafeMake, ChatId.makeUnsafe)
  })
})
