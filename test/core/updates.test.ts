/** The pure rules of long polling (src/core/updates.ts) and of reading the objects (src/core/objects.ts). */
import { describe, expect, it } from "vitest"
import { commandOf, displayName, isInChat } from "../../src/core/objects.js"
import { conflictReason, UpdateOffsets, updateType } from "../../src/core/updates.js"

const raw = (...ids: Array<number>) => ids.map((update_id) => ({ update_id, message: {} }))
const id = (u: { update_id: number }) => u

describe("UpdateOffsets", () => {
  it("confirms an update only once the next one is asked for, and owes a last confirmation then", () => {
    const offsets = new UpdateOffsets<{ update_id: number }>(0)
    expect(offsets.take()).toBeUndefined()
    expect(offsets.pollOffset).toBe(0)
    offsets.received(0, raw(10, 11), id)
    expect(offsets.owesConfirmation).toBe(false)
    expect(offsets.take()?.update_id).toBe(10)
    // 10 is being handled: not consumed yet, so a poll now would not confirm it.
    expect(offsets.pollOffset).toBe(0)
    expect(offsets.take()?.update_id).toBe(11)
    expect(offsets.pollOffset).toBe(11)
    expect(offsets.owesConfirmation).toBe(true)
    expect(offsets.take()).toBeUndefined()
    expect(offsets.pollOffset).toBe(12)
    offsets.received(12, [], id)
    expect(offsets.owesConfirmation).toBe(false)
  })

  it("drops what a poll returns below its offset (already confirmed)", () => {
    const offsets = new UpdateOffsets<{ update_id: number }>(5)
    offsets.received(5, raw(3, 4, 5, 6), id)
    expect([offsets.take()?.update_id, offsets.take()?.update_id, offsets.take()]).toEqual([5, 6, undefined])
  })
})

describe("conflictReason and updateType", () => {
  it("tells the 409s apart by their descriptions", () => {
    expect(
      conflictReason(
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
      )
    ).toBe("OtherGetUpdates")
    expect(
      conflictReason(
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"
      )
    ).toBe("WebhookActive")
    expect(conflictReason("Conflict: terminated by setWebhook request")).toBe("SetWebhook")
    expect(conflictReason("Conflict: something else")).toBe("Other")
    expect(updateType({ update_id: 1, chat_member: {} } as { update_id: number })).toBe("chat_member")
    expect(updateType({ update_id: 1 })).toBeUndefined()
  })
})

describe("objects", () => {
  it("reads commands, names and standings", () => {
    const entities = [{ type: "bot_command", offset: 0, length: 14 }]
    expect(commandOf("/invite@my_bot now", entities)).toBe("invite")
    expect(commandOf("/start", [{ type: "bot_command", offset: 0, length: 6 }])).toBe("start")
    expect(commandOf("hello /start", [{ type: "bot_command", offset: 6, length: 6 }])).toBeUndefined()
    expect(commandOf(undefined, entities)).toBeUndefined()
    expect(displayName({ first_name: "Bob", username: "bob" })).toBe("Bob (@bob)")
    expect(displayName({ first_name: "Carol", last_name: "C" })).toBe("Carol C")
    expect(isInChat({ status: "member" })).toBe(true)
    expect(isInChat({ status: "restricted", is_member: true })).toBe(true)
    expect(isInChat({ status: "restricted", is_member: false })).toBe(false)
    expect(isInChat({ status: "left" })).toBe(false)
  })
})
