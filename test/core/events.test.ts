/** The one-line descriptions of policy events (src/core/events.ts), word for word, for each kind and variant. */
import { describe, expect, it } from "vitest"
import { describeEvent } from "../../src/core/events.js"

describe("describeEvent", () => {
  it("a flood wait the server asked for, and one the shared gate imposed", () => {
    const wait = {
      _tag: "FloodWait",
      method: "exportChatInviteLink",
      retryAfterMs: 12_000,
      attempt: 2,
      maxAttempts: 5
    } as const
    expect(describeEvent({ ...wait, source: "server" })).toBe("retrying exportChatInviteLink in 12 s (attempt 2 of 5)")
    expect(describeEvent({ ...wait, source: "gate" })).toBe(
      "flood gate closed: retrying exportChatInviteLink in 12 s (attempt 2 of 5)"
    )
  })

  it("a migration seen now, and one remembered from before", () => {
    expect(describeEvent({ _tag: "Migrated", from: -987654321, to: -1009876543210, remembered: false })).toBe(
      "chat -987654321 has been migrated to -1009876543210"
    )
    expect(describeEvent({ _tag: "Migrated", from: "@old", to: -1009876543210, remembered: true })).toBe(
      "chat @old was migrated to -1009876543210"
    )
  })

  it("a transient retry, with its reason", () => {
    expect(
      describeEvent({
        _tag: "TransientRetry",
        method: "getUpdates",
        reason: "Network: connection reset",
        delayMs: 250,
        attempt: 1,
        maxAttempts: 3
      })
    ).toBe("retrying getUpdates in 250 ms (attempt 1 of 3) after: Network: connection reset")
  })
})
