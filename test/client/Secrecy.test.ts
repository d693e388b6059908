/**
 * Token-secrecy sweep: on every error path, nothing the caller can see (the error, its message, toJSON, util.inspect,
 * stack and cause chain, the Cause, log lines, spans, policy events) holds the token's secret, even when the
 * platform's own errors (whose messages carry the URL) and the server's answers contain it.
 */
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Effect, Exit, Fiber, Layer, Redacted, Ref, Schema } from "effect"
import { createServer, type Server } from "node:net"
import { inspect } from "node:util"
import { MockTelegram, type RunningMockServer, startMockServer } from "telegram-bot-api-mock"
import * as BotApi from "../../src/BotApi.js"
import * as Policy from "../../src/Policy.js"
import * as UndiciHttpClient from "../../src/UndiciHttpClient.js"
import { tapCause } from "../edition/cause.js"
import { fork } from "../edition/fiber.js"
import {
  FetchHttpClient,
  type HttpClient,
  HttpClientRequest,
  nodeHttpLayer,
  nodeUndiciLayer,
  transportError
} from "../edition/http.js"
import { withAllLogLevels } from "../edition/logger.js"
import { TestClock } from "../edition/testClock.js"
import { reasonName } from "../edition/transportReason.js"
import {
  causeTexts,
  failure,
  flood,
  hang,
  layerFor,
  leaks,
  makeRecordingLogger,
  makeRecordingTracer,
  makeScripted,
  networkFailure,
  ok,
  type Reply,
  SECRET,
  spanTexts,
  TOKEN
} from "./support.js"

const URL_WITH_TOKEN = `https://api.telegram.org/bot${TOKEN}/exportChatInviteLink`

const replies: ReadonlyArray<[string, Reply, string]> = [
  ["network failure (RequestError with the URL in message, description and cause)", networkFailure, "TransportError"],
  ["body that breaks while read (ResponseError)", { _tag: "BrokenBody" }, "TransportError"],
  ["HTML 502 page echoing the URL", {
    _tag: "Text",
    status: 502,
    contentType: "text/html",
    body: `<html><body>502 Bad Gateway while proxying ${URL_WITH_TOKEN}</body></html>`
  }, "TransportError"],
  ["JSON that is not an envelope, echoing the token", {
    _tag: "Json",
    status: 200,
    body: { error: `bad path /bot${TOKEN}/x`, token: TOKEN }
  }, "TransportError"],
  ["result of the wrong type holding the token", ok({ url: URL_WITH_TOKEN }), "TransportError"],
  [
    "ok:false whose description and parameters echo the token",
    failure(401, `Unauthorized: ${TOKEN}`, {
      hint: URL_WITH_TOKEN
    }),
    "TelegramApiError"
  ],
  [
    "429 whose description echoes the token",
    failure(429, `Too Many Requests for ${TOKEN}`, {
      retry_after: 3
    }),
    "FloodWaitError"
  ],
  [
    "migration whose description echoes the URL-encoded token",
    failure(400, `upgraded ${encodeURIComponent(TOKEN)}`, {
      migrate_to_chat_id: -1009876543210
    }),
    "ChatMigratedError"
  ],
  ["timeout", hang, "TransportError"]
]

/** Runs `effect` with a recording tracer and logger (all levels), logging the failure as a user would. */
const observe = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    const { spans, tracer } = makeRecordingTracer()
    const logger = makeRecordingLogger()
    const fiber = yield* effect.pipe(
      tapCause((cause) => Effect.logError("call failed", cause)),
      Effect.withTracer(tracer),
      Effect.provide(logger.layer),
      withAllLogLevels,
      Effect.exit,
      fork
    )
    yield* TestClock.adjust("1 hour")
    const exit = yield* Fiber.join(fiber)
    assert.isTrue(Exit.isFailure(exit), "the scenario must fail")
    const texts = [
      ...(Exit.isFailure(exit) ? causeTexts(exit.cause) : []),
      ...spanTexts(spans),
      ...logger.lines
    ]
    return { exit, texts, spans, lines: logger.lines }
  })

const assertNoLeak = (texts: ReadonlyArray<string>, label: string) => {
  assert.isTrue(texts.length > 0)
  for (const text of texts) {
    assert.isFalse(leaks(text), `${label} leaks the token in: ${text.slice(0, 400)}`)
  }
}

describe("token secrecy", () => {
  it.effect("the sweep is not vacuous: the platform's own RequestError shows the token", () =>
    Effect.sync(() => {
      const error = transportError(HttpClientRequest.post(URL_WITH_TOKEN))
      assert.isTrue(leaks(error.message))
      assert.isTrue(leaks(inspect(error)))
    }))

  for (const [name, reply, tag] of replies) {
    it.effect(`BotApi, ${name}: ${tag} without the token`, () =>
      Effect.gen(function*() {
        const { client } = yield* makeScripted([reply])
        const { exit, lines, spans, texts } = yield* observe(
          BotApi.exportChatInviteLink(-1001234567890).pipe(Effect.provide(layerFor(client)))
        )
        const error = yield* Effect.flip(exit)
        assert.strictEqual(error._tag, tag)
        assert.isTrue(lines.length > 0, "the failure was logged")
        assert.isTrue(spans.length > 0, "the call was traced")
        assertNoLeak(texts, name)
      }))

    it.effect(`Policy.exportChatInviteLink, ${name}: no token in errors, events, logs or spans`, () =>
      Effect.gen(function*() {
        const { client } = yield* makeScripted([reply])
        const events = yield* Ref.make<ReadonlyArray<Policy.PolicyEvent>>([])
        const { exit, texts } = yield* observe(
          Policy.exportChatInviteLink(-1001234567890, {
            maxMigrationHops: 0,
            onEvent: (event) => Ref.update(events, (all) => [...all, event])
          }).pipe(Effect.provide(layerFor(client)))
        )
        yield* Effect.flip(exit)
        const eventTexts = (yield* Ref.get(events)).map((e) => inspect(e, { depth: null }))
        assertNoLeak([...texts, ...eventTexts], name)
      }))
  }

  it.effect("a flood wait over the cap and a closed gate: no token", () =>
    Effect.gen(function*() {
      const { client } = yield* makeScripted([flood(73414)])
      const layer = layerFor(client)
      const { texts } = yield* observe(
        Effect.gen(function*() {
          yield* Effect.ignore(Policy.exportChatInviteLink(-1001234567890))
          return yield* Policy.exportChatInviteLink(-1001234567890)
        }).pipe(Effect.provide(layer))
      )
      assertNoLeak(texts, "gate")
    }))

  it.effect("a whole policy run (migration followed, flood wait, backoffs, then a failure): no token anywhere", () =>
    Effect.gen(function*() {
      const { client } = yield* makeScripted([
        failure(400, `upgraded, see ${URL_WITH_TOKEN}`, { migrate_to_chat_id: -1009876543210, echo: TOKEN }),
        failure(429, `Too Many Requests for ${TOKEN}`, { retry_after: 3 }),
        networkFailure,
        { _tag: "BrokenBody" },
        failure(500, `Internal Server Error: ${URL_WITH_TOKEN}`)
      ])
      const events = yield* Ref.make<ReadonlyArray<Policy.PolicyEvent>>([])
      const { exit, texts } = yield* observe(
        Policy.exportChatInviteLink(-987654321, {
          onEvent: (event) => Ref.update(events, (all) => [...all, event])
        }).pipe(Effect.provide(layerFor(client)))
      )
      const error = yield* Effect.flip(exit)
      assert.strictEqual(error._tag, "TelegramApiError")
      const all = yield* Ref.get(events)
      assert.deepStrictEqual(
        all.map((e) => e._tag),
        ["Migrated", "FloodWait", "TransientRetry", "TransientRetry"]
      )
      assertNoLeak(
        [...texts, ...all.map((e) => inspect(e, { depth: null })), ...all.map(Policy.formatEvent)],
        "policy run"
      )
    }))

  it.effect("an invalid chat id that happens to be the token is not echoed", () =>
    Effect.gen(function*() {
      const { client, sent } = yield* makeScripted([ok("x")])
      const { exit, texts } = yield* observe(
        BotApi.exportChatInviteLink(TOKEN).pipe(Effect.provide(layerFor(client)))
      )
      assert.strictEqual((yield* Effect.flip(exit))._tag, "InvalidChatIdError")
      assertNoLeak(texts, "invalid chat id")
      const policy = yield* observe(Policy.exportChatInviteLink(TOKEN).pipe(Effect.provide(layerFor(client))))
      assert.strictEqual((yield* Effect.flip(policy.exit))._tag, "InvalidChatIdError")
      assertNoLeak(policy.texts, "invalid chat id through the policy")
      assert.strictEqual((yield* Ref.get(sent)).length, 0)
    }))

  it.effect("parameters that are not JSON (Encode): no token", () =>
    Effect.gen(function*() {
      const { client } = yield* makeScripted([ok("x")])
      const { exit, texts } = yield* observe(
        BotApi.call("getMe", { n: 1n }, Schema.Unknown).pipe(Effect.provide(layerFor(client)))
      )
      const error = yield* Effect.flip(exit)
      assert.strictEqual(error._tag === "TransportError" && reasonName(error), "Encode")
      assertNoLeak(texts, "encode")
    }))

  it.effect("the secret itself is scrubbed from descriptions, raw and URL-encoded", () =>
    Effect.gen(function*() {
      const { client } = yield* makeScripted([failure(400, `a ${SECRET} b ${encodeURIComponent(TOKEN)} c`)])
      const error = yield* BotApi.exportChatInviteLink(1).pipe(Effect.flip, Effect.provide(layerFor(client)))
      assert.strictEqual(error._tag === "TelegramApiError" && error.description, "a <redacted> b <redacted> c")
    }))
})

/**
 * The platform's own errors, not fakes: each HttpClient a user may pick, against a port that refuses connections, a
 * server that closes the connection without answering, and the mock dropping the connection after reading the
 * request. Their errors carry the URL (hence the token) in messages, causes and properties (`input`, `url`).
 */
describe("token secrecy with the platform's own errors", () => {
  let mock: RunningMockServer
  let closer: Server
  let closerPort = 0
  let refusedPort = 0
  beforeAll(async () => {
    mock = await startMockServer({ mock: MockTelegram.make() })
    closer = createServer((socket) => socket.once("data", () => socket.destroy()))
    await new Promise<void>((resolve) => closer.listen(0, "127.0.0.1", resolve))
    closerPort = (closer.address() as { port: number }).port
    // A port nobody listens on: bound, then released.
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve))
    refusedPort = (probe.address() as { port: number }).port
    await new Promise<void>((resolve) => probe.close(() => resolve()))
  })
  afterAll(async () => {
    await mock.close()
    await new Promise<void>((resolve) => closer.close(() => resolve()))
  })

  const transports: ReadonlyArray<[string, Layer.Layer<HttpClient.HttpClient>]> = [
    ["FetchHttpClient", FetchHttpClient.layer],
    ["NodeHttpClient (undici)", nodeUndiciLayer],
    ["NodeHttpClient (node:http)", nodeHttpLayer],
    ["UndiciHttpClient (direct path)", UndiciHttpClient.layer]
  ]

  /** Runs `effect` on real time with a recording tracer and logger, logging the failure as a user would. */
  const observeLive = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    Effect.gen(function*() {
      const { spans, tracer } = makeRecordingTracer()
      const logger = makeRecordingLogger()
      const exit = yield* effect.pipe(
        tapCause((cause) => Effect.logError("call failed", cause)),
        Effect.withTracer(tracer),
        Effect.provide(logger.layer),
        withAllLogLevels,
        Effect.exit
      )
      assert.isTrue(Exit.isFailure(exit), "the scenario must fail")
      return {
        exit,
        texts: [...(Exit.isFailure(exit) ? causeTexts(exit.cause) : []), ...spanTexts(spans), ...logger.lines]
      }
    })

  for (const [name, transport] of transports) {
    const scenarios: ReadonlyArray<[string, () => string, (() => void) | undefined, string]> = [
      ["connection refused", () => `http://127.0.0.1:${refusedPort}`, undefined, "Network"],
      ["connection closed without an answer", () => `http://127.0.0.1:${closerPort}`, undefined, "Network"],
      ["the mock drops the connection", () => mock.url, () => {
        mock.mock.reset()
        mock.mock.injectFault({ method: "exportChatInviteLink", reply: { drop: true }, times: 10 })
      }, "Network"],
      ["an API root that is not a URL", () => "http://[not-a-host", undefined, "Encode"]
    ]
    for (const [scenario, apiRoot, prepare, reason] of scenarios) {
      it.live(`${name}, ${scenario}: a TransportError ${reason}, no token in errors, logs or spans`, () =>
        Effect.gen(function*() {
          prepare?.()
          const layer = Layer.mergeAll(
            BotApi.layer({ token: Redacted.make(TOKEN), apiRoot: apiRoot() }).pipe(Layer.provide(transport)),
            Policy.layerMemory
          )
          const direct = yield* observeLive(BotApi.exportChatInviteLink(-1001234567890).pipe(Effect.provide(layer)))
          const error = yield* Effect.flip(direct.exit)
          assert.strictEqual<unknown>(error._tag === "TransportError" && reasonName(error), reason, inspect(error))
          assertNoLeak(direct.texts, `${name}, ${scenario}`)
          const events = yield* Ref.make<ReadonlyArray<Policy.PolicyEvent>>([])
          const policy = yield* observeLive(
            Policy.exportChatInviteLink(-1001234567890, {
              retryTransient: false,
              onEvent: (event) => Ref.update(events, (all) => [...all, event])
            }).pipe(Effect.provide(layer))
          )
          assertNoLeak([...policy.texts, ...(yield* Ref.get(events)).map((e) => inspect(e))], `${name}, ${scenario}`)
        }))
    }
  }
})
