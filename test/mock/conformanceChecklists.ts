/**
 * Conformance of checklists (telegram-wire-messages.md §M5.15, §M7) on every transport: InputChecklist's errors
 * wrapped as the real server wraps them, then the chat, TDLib's limits and the rights; the Checklist's key order, and
 * editMessageChecklist (no inline form, `there is no checklist in the message to edit`, "not modified").
 */
import { beforeEach, describe, expect, it } from "vitest"
import type { Transport } from "./conformance.js"
import { wireClient } from "./wireClient.js"

const SUPERGROUP = -1001234567890
const CHANNEL = -1001000000001
const BOT = 123456
const ALICE = 42
const NOT_MODIFIED =
  "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"
const CHECKLIST = { title: "Trip", tasks: [{ id: 1, text: "tickets" }, { id: 2, text: "bags" }] }

export const checklistConformanceSuite = (name: string, setup: () => Transport): void => {
  describe(`mock Bot API conformance, checklists (${name})`, () => {
    let t: Transport
    beforeEach(() => {
      t = setup()
      t.mock.reset()
    })
    const { api, control, refusal, result } = wireClient(() => t)
    const send = (params: Record<string, unknown>) => result("sendMessage", { chat_id: ALICE, text: "v1", ...params })

    describe("sendChecklist and editMessageChecklist", () => {
      it.each([
        [undefined, `parameter "checklist" is required`],
        ["junk", "can't parse InputChecklist JSON object"],
        [[], "can't parse InputChecklist: expected an Object"],
        [{}, `can't parse InputChecklist: Can't find field "title"`],
        [{ title: "t", parse_mode: "rtf", tasks: [] }, "can't parse InputChecklist: Unsupported parse_mode"],
        [
          { title: "t", others_can_add_tasks: 1, tasks: [] },
          `can't parse InputChecklist: Field "others_can_add_tasks" must be of type Boolean`
        ],
        [{ title: "t" }, `can't parse InputChecklist: Can't find field "tasks"`],
        [{ title: "t", tasks: 5 }, `can't parse InputChecklist: Field "tasks" must be of type Array`],
        [{ title: "t", tasks: [5] }, "can't parse InputChecklist: Can't parse InputChecklistTask: expected an Object"],
        [
          { title: "t", tasks: [{ text: "a" }] },
          `can't parse InputChecklist: Can't parse InputChecklistTask: Can't find field "id"`
        ],
        [
          { title: "t", tasks: [{ id: 1, text: "*a", parse_mode: "MarkdownV2" }] },
          "can't parse InputChecklist: Can't parse InputChecklistTask: Can't parse entities: Can't find end of Bold entity at byte offset 0"
        ]
      ])("refuses checklist %j: %s", async (checklist, description) => {
        await refusal("sendChecklist", { chat_id: ALICE, checklist }, 400, `Bad Request: ${description}`)
      })

      it("then the chat, then TDLib's limits, then the rights", async () => {
        await refusal("sendChecklist", { checklist: CHECKLIST }, 400, "Bad Request: chat_id is empty")
        const limit = async (checklist: unknown, description: string) =>
          refusal("sendChecklist", { chat_id: ALICE, checklist }, 400, `Bad Request: ${description}`)
        await limit({ title: " ", tasks: [] }, "text must be non-empty")
        await limit({ title: "t".repeat(256), tasks: [] }, "checklist title length must not exceed 255")
        await limit(
          { title: "t", tasks: [{ id: 1, text: "x".repeat(101) }] },
          "checklist task text length must not exceed 100"
        )
        await limit({ title: "t", tasks: [{ id: 0, text: "x" }] }, "checklist task identifier must be positive")
        await limit({ title: "t", tasks: [] }, "checklist must have at least 1 task")
        await limit(
          { title: "t", tasks: Array.from({ length: 31 }, (_, i) => ({ id: i + 1, text: "x" })) },
          "checklist must have at most 30 tasks"
        )
        await refusal(
          "sendChecklist",
          { chat_id: CHANNEL, checklist: CHECKLIST },
          400,
          "Bad Request: checklists can't be sent to channel chats"
        )
        await control("PUT", `chats/${SUPERGROUP}/members/${BOT}`, { status: "restricted", can_send_messages: true })
        await refusal(
          "sendChecklist",
          { chat_id: SUPERGROUP, checklist: CHECKLIST },
          400,
          "Bad Request: not enough rights to send checklists to the chat"
        )
      })

      it("answers the checklist with the real keys in the real order; edits it whole", async () => {
        const { text } = await api("sendChecklist", {
          chat_id: ALICE,
          checklist: {
            title: "*Trip*",
            parse_mode: "Markdown",
            others_can_mark_tasks_as_done: true,
            tasks: [{ id: 3, text: "tickets\nand visa" }]
          }
        })
        expect(text).toContain(
          `"checklist":{"title":"Trip","title_entities":[{"offset":0,"length":4,"type":"bold"}],` +
            `"tasks":[{"id":3,"text":"tickets and visa"}],"others_can_mark_tasks_as_done":true}}}`
        )
        await refusal("editMessageChecklist", { checklist: CHECKLIST }, 400, "Bad Request: chat_id is empty")
        const plain = await send({})
        await refusal(
          "editMessageChecklist",
          { chat_id: ALICE, message_id: plain.message_id, checklist: CHECKLIST },
          400,
          "Bad Request: there is no checklist in the message to edit"
        )
        const edited = await result("editMessageChecklist", { chat_id: ALICE, message_id: 1, checklist: CHECKLIST })
        expect(edited.checklist).toEqual({
          title: "Trip",
          tasks: [{ id: 1, text: "tickets" }, { id: 2, text: "bags" }]
        })
        expect(edited.edit_date).toBeGreaterThan(0)
        await refusal(
          "editMessageChecklist",
          { chat_id: ALICE, message_id: 1, checklist: CHECKLIST },
          400,
          NOT_MODIFIED
        )
      })
    })
  })
}
