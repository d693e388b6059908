/**
 * The command line of `tg-invite`, read into a typed request or one precise problem. A small reader of its own rather
 * than `node:util`'s `parseArgs`: chat ids are negative numbers (`export -1001234567890`), which `parseArgs` takes for
 * short options, and every problem must name the option, the value given and what is accepted.
 */
import * as Policy from "effect-telegram-invite/Policy"
import * as Duration from "effect/Duration"
import * as Option from "effect/Option"

/** What `tg-invite export` was asked to do. */
export interface ExportRequest {
  readonly _tag: "Export"
  readonly chat: string
  readonly json: boolean
  readonly maxAttempts: number
  readonly maxWait: Duration.Duration
  readonly apiRoot: string | undefined
  readonly mock: boolean
}

/** A request read from the command line, or the problem with it. */
export type Request =
  | ExportRequest
  | { readonly _tag: "Demo" }
  | { readonly _tag: "Help"; readonly topic: "tg-invite" | "export" | "demo" }
  | { readonly _tag: "Version" }
  | { readonly _tag: "Invalid"; readonly message: string; readonly json: boolean }

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

const EXPORT_FLAGS = ["--json", "--mock", "--help"] as const
const EXPORT_VALUES = ["--max-attempts", "--max-wait", "--api-root"] as const
const accepted = "--json, --mock, --max-attempts N, --max-wait DURATION, --api-root URL, --help"

/** A chat id written as a number is a positional, even when it starts with `-`. */
const isNegativeNumber = (arg: string): boolean => /^-\d+$/.test(arg)

interface Tokens {
  readonly positionals: Array<string>
  readonly flags: Set<string>
  readonly values: Map<string, string>
}

/** Splits `args` into positionals, flags and `--name value` / `--name=value` options; the first problem wins. */
const tokenize = (
  args: ReadonlyArray<string>,
  flags: ReadonlyArray<string>,
  valued: ReadonlyArray<string>,
  acceptedText: string
): Tokens | string => {
  const tokens: Tokens = { positionals: [], flags: new Set(), values: new Map() }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === "--") {
      tokens.positionals.push(...args.slice(i + 1))
      break
    }
    if (arg === "-h") {
      tokens.flags.add("--help")
      continue
    }
    if (!arg.startsWith("-") || isNegativeNumber(arg)) {
      tokens.positionals.push(arg)
      continue
    }
    const eq = arg.indexOf("=")
    const name = eq === -1 ? arg : arg.slice(0, eq)
    if (flags.includes(name)) {
      if (eq !== -1) return `${name} takes no value, got ${JSON.stringify(arg.slice(eq + 1))}`
      tokens.flags.add(name)
    } else if (valued.includes(name)) {
      const value = eq !== -1 ? arg.slice(eq + 1) : args[i + 1]
      if (value === undefined || (eq === -1 && value.startsWith("--"))) return `${name}: expected a value, got nothing`
      if (eq === -1) i++
      if (tokens.values.has(name)) return `${name} is given twice`
      tokens.values.set(name, value)
    } else {
      return `unknown option ${JSON.stringify(name)}; accepted: ${acceptedText}`
    }
  }
  return tokens
}

const readExport = (args: ReadonlyArray<string>, json: boolean): Request => {
  const invalid = (message: string): Request => ({ _tag: "Invalid", message, json })
  const tokens = tokenize(args, EXPORT_FLAGS, EXPORT_VALUES, accepted)
  if (typeof tokens === "string") return invalid(tokens)
  if (tokens.flags.has("--help")) return { _tag: "Help", topic: "export" }
  if (tokens.positionals.length === 0) {
    return invalid("missing the chat: tg-invite export <chat> (an integer id or an @username)")
  }
  if (tokens.positionals.length > 1) {
    return invalid(
      `expected one chat, got ${tokens.positionals.length}: ${
        tokens.positionals.map((p) => JSON.stringify(p)).join(" ")
      }`
    )
  }
  const attemptsText = tokens.values.get("--max-attempts")
  const maxAttempts = attemptsText === undefined
    ? Policy.defaults.maxAttempts
    : /^\s*\d+\s*$/.test(attemptsText)
    ? Number(attemptsText)
    : Number.NaN
  if (!Number.isSafeInteger(maxAttempts) || maxAttempts < 1) {
    return invalid(`--max-attempts: expected a whole number of at least 1, got ${JSON.stringify(attemptsText)}`)
  }
  // The defaults are the policy's (the core's), given back as the user would write them.
  const waitText = tokens.values.get("--max-wait") ?? `${Duration.toSeconds(Policy.defaults.maxFloodWait)}s`
  const maxWait = parseDuration(waitText)
  if (Option.isNone(maxWait)) {
    return invalid(`--max-wait: expected a duration such as 60s, 1500ms, 2m or 1h, got ${JSON.stringify(waitText)}`)
  }
  const apiRoot = tokens.values.get("--api-root")
  if (apiRoot !== undefined && !/^https?:\/\/[^/\s]+/.test(apiRoot)) {
    return invalid(`--api-root: expected an http:// or https:// URL, got ${JSON.stringify(apiRoot)}`)
  }
  const mock = tokens.flags.has("--mock")
  if (mock && apiRoot !== undefined) {
    return invalid("--mock runs on the embedded mock Telegram; it cannot be combined with --api-root")
  }
  return {
    _tag: "Export",
    chat: tokens.positionals[0]!,
    json: tokens.flags.has("--json"),
    maxAttempts,
    maxWait: maxWait.value,
    apiRoot,
    mock
  }
}

/** Reads the arguments after the program name (`process.argv.slice(2)`). */
export const readArgs = (args: ReadonlyArray<string>): Request => {
  // Known before anything else, so that even a problem with another option is reported as JSON.
  const json = args.includes("--json")
  const [command, ...rest] = args
  switch (command) {
    case undefined:
    case "--help":
    case "-h":
      return { _tag: "Help", topic: "tg-invite" }
    case "--version":
      return { _tag: "Version" }
    case "export":
      return readExport(rest, json)
    case "demo": {
      const tokens = tokenize(rest, ["--help"], [], "--help")
      if (typeof tokens === "string") return { _tag: "Invalid", message: tokens, json }
      if (tokens.flags.has("--help")) return { _tag: "Help", topic: "demo" }
      if (tokens.positionals.length > 0) {
        return {
          _tag: "Invalid",
          message: `demo takes no arguments, got ${JSON.stringify(tokens.positionals[0])}`,
          json
        }
      }
      return { _tag: "Demo" }
    }
    default:
      return {
        _tag: "Invalid",
        message: command.startsWith("-")
          ? `unknown option ${JSON.stringify(command)}; accepted before a command: --help, --version`
          : `unknown command ${JSON.stringify(command)}; the commands are export and demo`,
        json
      }
  }
}
