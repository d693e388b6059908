import { Duration, Option } from "effect"
import { describe, expect, it } from "vitest"
import { hoistOptions, parseDuration } from "../../cli/TgInvite.js"

describe("tg-invite argument handling", () => {
  it("moves options written after the chat in front of it, values included", () => {
    expect(hoistOptions(["node", "tg", "export", "-1001234567890", "--json", "--max-wait", "5s"])).toEqual([
      "node",
      "tg",
      "export",
      "--json",
      "--max-wait",
      "5s",
      "-1001234567890"
    ])
    expect(hoistOptions(["node", "tg", "export", "--", "--json"])).toEqual(["node", "tg", "export", "--", "--json"])
    expect(hoistOptions(["node", "tg", "--help"])).toEqual(["node", "tg", "--help"])
  })

  it("reads durations as people write them", () => {
    expect(parseDuration("90").pipe(Option.map(Duration.toMillis))).toEqual(Option.some(90_000))
    expect(parseDuration("1500ms").pipe(Option.map(Duration.toMillis))).toEqual(Option.some(1_500))
    expect(parseDuration("2m").pipe(Option.map(Duration.toMillis))).toEqual(Option.some(120_000))
    expect(parseDuration("1h").pipe(Option.map(Duration.toMillis))).toEqual(Option.some(3_600_000))
    expect(parseDuration("90 seconds").pipe(Option.map(Duration.toMillis))).toEqual(Option.some(90_000))
    expect(Option.isNone(parseDuration("soon"))).toBe(true)
  })
})
