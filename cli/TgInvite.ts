/** The `tg-invite` command line, built with @effect/cli. */
import { Args, Command, Options, ValidationError } from "@effect/cli"
import { NodeHttpClient } from "@effect/platform-node"
import { Config, Duration, Effect, Layer, Option, Redacted } from "effect"
import { DEFAULT_BOT_TOKEN } from "telegram-bot-api-mock"
import { MockTelegram } from "telegram-bot-api-mock"
import * as BotApi from "../src/BotApi.js"
import { layerMockHttpClient } from "../src/MockHttpClient.js"
import * as Policy from "../src/Policy.js"
import { CliOutput } from "./CliOutput.js"
import { runDemo } from "./Demo.js"
import { ExitCode, exitCodeHelp } from "./ExitCode.js"
import { runExport } from "./ExportCommand.js"

/** `90`, `90s`, `1500ms`, `2m`, `1h`, or any Effect duration (`90 seconds`). */
export const parseDuration = (text: string): Option.Option<Duration.Duration> => {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/i.exec(text)
  if (match !== null) {
    const n = Number(match[1])
    const unit = (match[2] ?? "s").toLowerCase()
    return Option.some(
      Duration.millis(n * (unit === "ms" ? 1 : unit === "s" ? 1000 : unit === "m" ? 60_000 : 3_600_000))
    )
  }
  return Duration.decodeUnknown(text)
}

/** The API: real Telegram (or `--api-root`) with a token; the embedded mock world without one. */
const botApiLayer = (apiRootFlag: Option.Option<string>) =>
  Effect.gen(function*() {
    const output = yield* CliOutput
    const token = (yield* Config.option(Config.redacted("TELEGRAM_BOT_TOKEN"))).pipe(
      Option.filter((t) => Redacted.value(t).trim() !== "")
    )
    const root = Option.isSome(apiRootFlag) ? apiRootFlag : yield* Config.option(Config.string("TELEGRAM_API_ROOT"))
    if (Option.isSome(token)) {
      return BotApi.layer({ token: token.value, apiRoot: Option.getOrUndefined(root) }).pipe(
        Layer.provide(NodeHttpClient.layerUndici)
      )
    }
    if (Option.isSome(root)) {
      yield* output.err(
        `tg-invite: no TELEGRAM_BOT_TOKEN set: using the mock's default bot token against ${root.value}\n`
      )
      return BotApi.layer({ token: Redacted.make(DEFAULT_BOT_TOKEN), apiRoot: root.value }).pipe(
        Layer.provide(NodeHttpClient.layerUndici)
      )
    }
    yield* output.err("tg-invite: no TELEGRAM_BOT_TOKEN set: running on the embedded mock Telegram (default world)\n")
    return BotApi.layer({ token: Redacted.make(DEFAULT_BOT_TOKEN) }).pipe(
      Layer.provide(layerMockHttpClient(MockTelegram.make()))
    )
  })

const setExitCode = (code: number) => Effect.sync(() => void (process.exitCode = code))

const chat = Args.text({ name: "chat" }).pipe(
  Args.withDescription("the chat: an integer id (-1001234567890) or the @username of a supergroup or channel")
)
const json = Options.boolean("json").pipe(
  Options.withDescription("print a JSON object on stdout instead of the bare link")
)
const maxAttempts = Options.integer("max-attempts").pipe(
  Options.withDefault(Policy.defaults.maxAttempts),
  Options.withDescription("requests in total, retries included (flood waits, transient failures)")
)
const maxWait = Options.text("max-wait").pipe(
  Options.withDefault("60s"),
  Options.withDescription("the longest flood wait accepted, e.g. 60s, 2m; a longer retry_after fails at once (exit 4)")
)
const apiRoot = Options.text("api-root").pipe(
  Options.optional,
  Options.withDescription("the Bot API root (default: TELEGRAM_API_ROOT, else https://api.telegram.org)")
)

const exportCommand = Command.make(
  "export",
  { chat, json, maxAttempts, maxWait, apiRoot },
  (args) =>
    Effect.gen(function*() {
      const output = yield* CliOutput
      const wait = parseDuration(args.maxWait)
      if (Option.isNone(wait) || args.maxAttempts < 1) {
        yield* output.err(
          Option.isNone(wait)
            ? `tg-invite: --max-wait: expected a duration such as 60s or 2m, got ${JSON.stringify(args.maxWait)}\n`
            : `tg-invite: --max-attempts: expected at least 1, got ${args.maxAttempts}\n`
        )
        return yield* setExitCode(ExitCode.invalidInput)
      }
      const layer = yield* botApiLayer(args.apiRoot)
      const code = yield* runExport({
        chat: args.chat,
        json: args.json,
        maxAttempts: args.maxAttempts,
        maxWait: wait.value
      })
        .pipe(Effect.provide(Layer.merge(layer, Policy.layerMemory)))
      yield* setExitCode(code)
    })
).pipe(
  Command.withDescription(
    `Export the bot's primary invite link for a chat and print it (only it) on stdout.
The token comes from TELEGRAM_BOT_TOKEN; without one, the embedded mock Telegram answers.
Flood waits are honoured (a countdown on stderr), migrations followed (the new id told on stderr).

${exitCodeHelp}`
  )
)

const demoCommand = Command.make("demo", {}, () =>
  Effect.gen(function*() {
    const mock = MockTelegram.make()
    const layer = BotApi.layer({ token: Redacted.make(DEFAULT_BOT_TOKEN) }).pipe(
      Layer.provide(layerMockHttpClient(mock))
    )
    const code = yield* runDemo(mock).pipe(Effect.provide(Layer.merge(layer, Policy.layerMemory)))
    yield* setExitCode(code)
  })).pipe(Command.withDescription("A narrated tour on the embedded mock world (what `npm start` runs)."))

export const command = Command.make("tg-invite").pipe(
  Command.withDescription("Telegram invite links from the command line, with flood waits and migrations handled."),
  Command.withSubcommands([exportCommand, demoCommand])
)

const OPTIONS_WITH_VALUE = new Set(["--max-attempts", "--max-wait", "--api-root"])

/**
 * @effect/cli reads a subcommand's options only before its arguments; people also write them after
 * (`tg-invite export -100123 --json`). This moves them in front, leaving everything after `--` alone.
 */
export const hoistOptions = (argv: ReadonlyArray<string>): Array<string> => {
  const sub = argv.findIndex((arg, i) => i >= 2 && (arg === "export" || arg === "demo"))
  if (sub === -1) return [...argv]
  const options: Array<string> = []
  const positional: Array<string> = []
  const rest = argv.slice(sub + 1)
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!
    if (arg === "--") {
      positional.push(...rest.slice(i))
      break
    }
    if (arg.startsWith("--") || arg === "-h") {
      options.push(arg)
      if (OPTIONS_WITH_VALUE.has(arg) && i + 1 < rest.length) options.push(rest[++i]!)
    } else {
      positional.push(arg)
    }
  }
  return [...argv.slice(0, sub + 1), ...options, ...positional]
}

/** Runs the CLI on `argv` (as `process.argv`); usage errors exit 2. */
export const run = (argv: ReadonlyArray<string>) =>
  Command.run(command, { name: "tg-invite", version: "0.1.0" })(hoistOptions(argv)).pipe(
    Effect.catchIf(ValidationError.isValidationError, () => setExitCode(ExitCode.invalidInput))
  )
