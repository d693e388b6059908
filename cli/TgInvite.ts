/** The `tg-invite` command line: reads the arguments, then runs `export` or `demo`; every outcome is an exit code. */
import * as BotApi from "effect-telegram-invite/BotApi"
import packageJson from "effect-telegram-invite/package.json" with { type: "json" }
import * as Policy from "effect-telegram-invite/Policy"
import * as Config from "effect/Config"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { type ExportRequest, readArgs } from "./Args.js"
import { CliOutput } from "./CliOutput.js"
import { runDemo } from "./Demo.js"
import { ExitCode } from "./ExitCode.js"
import { runExport } from "./ExportCommand.js"
import { helpText } from "./Help.js"
import * as NodeHttpTransport from "./NodeHttpTransport.js"

/** Invalid input: one line on stderr, and under --json the same as a JSON object on stdout; exit 2. */
const invalid = (message: string, json: boolean) =>
  Effect.gen(function*() {
    const output = yield* CliOutput
    yield* output.err(`tg-invite: ${message}\n`)
    if (json) {
      yield* output.out(
        `${JSON.stringify({ ok: false, error: "InvalidInput", exit_code: ExitCode.invalidInput, message })}\n`
      )
    }
    return ExitCode.invalidInput
  })

/** Telegram's bot tokens, as @BotFather gives them: the bot's id, a colon, then the secret. */
const TOKEN_SHAPE = /^[1-9]\d{0,15}:[A-Za-z0-9_-]+$/

const malformedToken =
  "TELEGRAM_BOT_TOKEN is not a bot token: expected <bot id>:<secret> as @BotFather gives it (digits, a colon, then letters, digits, _ or -, such as 123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11); the value is not shown"

/** Where the export gets its API from, or why it has none. */
type ApiChoice =
  | { readonly _tag: "Api"; readonly layer: Layer.Layer<BotApi.BotApi> }
  | { readonly _tag: "NoToken" }
  | { readonly _tag: "MalformedToken" }
const useApi = (layer: Layer.Layer<BotApi.BotApi>): ApiChoice => ({ _tag: "Api", layer })
const noToken: ApiChoice = { _tag: "NoToken" }
const malformed: ApiChoice = { _tag: "MalformedToken" }

/**
 * The API the export talks to: Telegram (or `--api-root`) with `TELEGRAM_BOT_TOKEN`, or the embedded mock world with
 * `--mock`. Without either it does not guess: a script that forgot its token must not print a link that does not
 * exist; a token that cannot be one is refused here rather than sent. One request needs no connection pool: plain
 * node:http is the lightest to start.
 */
const botApiLayer = (request: ExportRequest) =>
  Effect.gen(function*() {
    if (request.mock) {
      const { layerEmbedded } = yield* Effect.promise(() => import("./EmbeddedMock.js"))
      return useApi(layerEmbedded())
    }
    const token = (yield* Config.option(Config.redacted("TELEGRAM_BOT_TOKEN"))).pipe(
      Option.filter((t) => Redacted.value(t).trim() !== "")
    )
    if (Option.isNone(token)) return noToken
    if (!TOKEN_SHAPE.test(Redacted.value(token.value))) return malformed
    const apiRoot = request.apiRoot ?? Option.getOrUndefined(yield* Config.option(Config.string("TELEGRAM_API_ROOT")))
    return useApi(BotApi.layer({ token: token.value, apiRoot }).pipe(Layer.provide(NodeHttpTransport.layer)))
  }).pipe(Effect.orElseSucceed(() => noToken))

const exportCommand = (request: ExportRequest) =>
  Effect.gen(function*() {
    const api = yield* botApiLayer(request)
    switch (api._tag) {
      case "NoToken":
        return yield* invalid(
          "no TELEGRAM_BOT_TOKEN set: export it (TELEGRAM_BOT_TOKEN=<token> tg-invite export …), or pass --mock to run on the embedded mock Telegram",
          request.json
        )
      case "MalformedToken":
        return yield* invalid(malformedToken, request.json)
      case "Api":
        return yield* runExport(request).pipe(Effect.provide(Layer.merge(api.layer, Policy.layerMemory)))
    }
  })

const demoCommand = Effect.gen(function*() {
  const { MockTelegram, layerEmbedded } = yield* Effect.promise(() => import("./EmbeddedMock.js"))
  const mock = MockTelegram.make()
  return yield* runDemo(mock).pipe(Effect.provide(Layer.merge(layerEmbedded(mock), Policy.layerMemory)))
})

/** Runs the CLI on its arguments (`process.argv.slice(2)`); the exit code, once everything was printed. */
export const run = (args: ReadonlyArray<string>): Effect.Effect<number, never, CliOutput> =>
  Effect.gen(function*() {
    const output = yield* CliOutput
    const request = readArgs(args)
    switch (request._tag) {
      case "Help":
        yield* output.out(`${helpText(request.topic, output.outWantsColour)}\n`)
        return ExitCode.ok
      case "Version":
        yield* output.out(`tg-invite ${packageJson.version}\n`)
        return ExitCode.ok
      case "Invalid":
        return yield* invalid(request.message, request.json)
      case "Export":
        return yield* exportCommand(request)
      case "Demo":
        return yield* Effect.catchAll(demoCommand, (error) =>
          Effect.as(output.err(`tg-invite demo: unexpected failure: ${error.message}\n`), ExitCode.unexpected))
    }
  })
