/** The `tg-invite` command line, built with @effect/cli. */
import { Args, Command, Options, ValidationError } from "@effect/cli"
import { Config, Duration, Effect, Either, Layer, Option, Redacted } from "effect"
import { DEFAULT_BOT_TOKEN } from "telegram-bot-api-mock"
import { MockTelegram } from "telegram-bot-api-mock"
import * as BotApi from "../src/BotApi.js"
import { layerMockHttpClient } from "../src/MockHttpClient.js"
import * as Policy from "../src/Policy.js"
import * as UndiciHttpClient from "../src/UndiciHttpClient.js"
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

/**
 * The API the export talks to: Telegram (or `--api-root`) with `TELEGRAM_BOT_TOKEN`, or the embedded mock world with
 * `--mock`. Without either it does not guess: a script that forgot its token must not print a link that does not
 * exist.
 */
const botApiLayer = (flags: { readonly apiRoot: Option.Option<string>; readonly mock: boolean }) =>
  Effect.gen(function*() {
    const token = (yield* Config.option(Config.redacted("TELEGRAM_BOT_TOKEN"))).pipe(
      Option.filter((t) => Redacted.value(t).trim() !== "")
    )
    if (flags.mock) {
      if (Option.isSome(flags.apiRoot)) {
        return Either.left("--mock runs on the embedded mock Telegram; it cannot be combined with --api-root")
      }
      return Either.right(
        BotApi.layer({ token: Redacted.make(DEFAULT_BOT_TOKEN) }).pipe(
          Layer.provide(layerMockHttpClient(MockTelegram.make()))
        )
      )
    }
    if (Option.isNone(token)) {
      return Either.left(
        "no TELEGRAM_BOT_TOKEN set: export it (TELEGRAM_BOT_TOKEN=<token> tg-invite export …), or pass --mock to run on the embedded mock Telegram"
      )
    }
    const root = Option.isSome(flags.apiRoot) ? flags.apiRoot : yield* Config.option(Config.string("TELEGRAM_API_ROOT"))
    return Either.right(
      BotApi.layer({ token: token.value, apiRoot: Option.getOrUndefined(root) }).pipe(
        Layer.provide(UndiciHttpClient.layer)
      )
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
const mock = Options.boolean("mock").pipe(
  Options.withDescription("run on the embedded mock Telegram (its default world) instead of Telegram; no token needed")
)

const exportCommand = Command.make(
  "export",
  { chat, json, maxAttempts, maxWait, apiRoot, mock },
  (args) =>
    Effect.gen(function*() {
      const output = yield* CliOutput
      /** Invalid input: one line on stderr, and under --json the same as a JSON object on stdout; exit 2. */
      const invalid = (message: string) =>
        Effect.gen(function*() {
          yield* output.err(`tg-invite: ${message}\n`)
          if (args.json) {
            yield* output.out(
              `${JSON.stringify({ ok: false, error: "InvalidInput", exit_code: ExitCode.invalidInput, message })}\n`
            )
          }
          yield* setExitCode(ExitCode.invalidInput)
        })
      const wait = parseDuration(args.maxWait)
      if (Option.isNone(wait)) {
        return yield* invalid(`--max-wait: expected a duration such as 60s or 2m, got ${JSON.stringify(args.maxWait)}`)
      }
      if (args.maxAttempts < 1) return yield* invalid(`--max-attempts: expected at least 1, got ${args.maxAttempts}`)
      const layer = yield* botApiLayer({ apiRoot: args.apiRoot, mock: args.mock })
      if (Either.isLeft(layer)) return yield* invalid(layer.left)
      const code = yield* runExport({
        chat: args.chat,
        json: args.json,
        maxAttempts: args.maxAttempts,
        maxWait: wait.value
      })
        .pipe(Effect.provide(Layer.merge(layer.right, Policy.layerMemory)))
      yield* setExitCode(code)
    })
).pipe(
  Command.withDescription(
    `Export the bot's primary invite link for a chat and print it (only it) on stdout.
The token comes from TELEGRAM_BOT_TOKEN (required); --mock runs on the embedded mock Telegram instead.
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
