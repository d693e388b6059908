/** The command line read into a request: options anywhere, negative chat ids, one precise line per problem. */
import { Duration, Option } from "effect"
import { describe, expect, it } from "vitest"
import { parseDuration, readArgs } from "../../cli/Args.js"
import { helpText, wantsColour } from "../../cli/Help.js"

describe("tg-invite argument handling", () => {
  it("reads options written after the chat, values included, and a negative chat id as the chat", () => {
    expect(readArgs(["export", "-1001234567890", "--json", "--max-wait", "5s"])).toMatchObject({
      _tag: "Export",
      chat: "-1001234567890",
      json: true,
      maxAttempts: 5,
      maxWait: Duration.seconds(5),
      mock: false
    })
    expect(readArgs(["export", "--max-attempts=3", "@chan", "--mock"])).toMatchObject({
      _tag: "Export",
      chat: "@chan",
      maxAttempts: 3,
      mock: true
    })
    expect(readArgs(["export", "--", "--json"])).toMatchObject({ _tag: "Export", chat: "--json", json: false })
    expect(readArgs(["--help"])).toEqual({ _tag: "Help", topic: "tg-invite" })
    expect(readArgs([])).toEqual({ _tag: "Help", topic: "tg-invite" })
    expect(readArgs(["export", "-h"])).toEqual({ _tag: "Help", topic: "export" })
  })

  it("names the option, the value and what is accepted, and remembers --json", () => {
    const cases: ReadonlyArray<readonly [ReadonlyArray<string>, string]> = [
      [["export", "1", "--max-attempts", "abc"], `--max-attempts: expected a whole number of at least 1, got "abc"`],
      [["export", "1", "--max-attempts", "2.5"], `--max-attempts: expected a whole number of at least 1, got "2.5"`],
      [["export", "1", "--max-attempts=abc"], `--max-attempts: expected a whole number of at least 1, got "abc"`],
      [["export", "1", "--max-attempts", "0"], `--max-attempts: expected a whole number of at least 1, got "0"`],
      [["export", "1", "--max-attempts"], "--max-attempts: expected a value, got nothing"],
      [
        ["export", "1", "--max-wait", "soon"],
        `--max-wait: expected a duration such as 60s, 1500ms, 2m or 1h, got "soon"`
      ],
      [["export", "1", "--api-root", "localhost"], `--api-root: expected an http:// or https:// URL, got "localhost"`],
      [["export", "1", "--json=yes"], `--json takes no value, got "yes"`],
      [["export"], "missing the chat: tg-invite export <chat> (an integer id or an @username)"],
      [["export", "1", "2"], `expected one chat, got 2: "1" "2"`],
      [
        ["export", "1", "--mock", "--api-root", "http://x"],
        "--mock runs on the embedded mock Telegram; it cannot be combined with --api-root"
      ],
      [["frobnicate"], `unknown command "frobnicate"; the commands are export and demo`],
      [["demo", "now"], `demo takes no arguments, got "now"`]
    ]
    for (const [args, message] of cases) expect(readArgs(args)).toEqual({ _tag: "Invalid", message, json: false })
    expect(readArgs(["export", "-100123", "--bogus", "--api-root", "http://x"])).toEqual({
      _tag: "Invalid",
      message:
        `unknown option "--bogus"; accepted: --json, --mock, --max-attempts N, --max-wait DURATION, --api-root URL, --help`,
      json: false
    })
    expect(readArgs(["export", "-100123", "--bogus", "--json"])).toMatchObject({ _tag: "Invalid", json: true })
  })

  it("reads durations as people write them", () => {
    expect(parseDuration("90").pipe(Option.map(Duration.toMillis))).toEqual(Option.some(90_000))
    expect(parseDuration("1500ms").pipe(Option.map(Duration.toMillis))).toEqual(Option.some(1_500))
    expect(parseDuration("2m").pipe(Option.map(Duration.toMillis))).toEqual(Option.some(120_000))
    expect(parseDuration("1h").pipe(Option.map(Duration.toMillis))).toEqual(Option.some(3_600_000))
    expect(parseDuration("90 seconds").pipe(Option.map(Duration.toMillis))).toEqual(Option.some(90_000))
    expect(Option.isNone(parseDuration("soon"))).toBe(true)
  })

  it("colours help only on a terminal without NO_COLOR", () => {
    expect(wantsColour({ isTTY: true }, {})).toBe(true)
    expect(wantsColour({ isTTY: false }, {})).toBe(false)
    expect(wantsColour({}, {})).toBe(false)
    expect(wantsColour({ isTTY: true }, { NO_COLOR: "1" })).toBe(false)
    expect(wantsColour({ isTTY: true }, { TERM: "dumb" })).toBe(false)
    expect(helpText("export", false)).not.toMatch(/\x1b\[/)
    expect(helpText("export", true)).toContain("\x1b[1mOptions:\x1b[22m")
  })
})
