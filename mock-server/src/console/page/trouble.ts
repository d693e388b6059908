/**
 * Making trouble: inject a fault of each kind (an error envelope, a 429 with its wait, a migrate error, an HTML page,
 * a dropped connection, a late answer), clear them, set flood limits, upgrade a basic group, reset the world, and
 * download the world as a file or load one.
 */
import type { FloodLimit } from "../../WorldSnapshot.js"
import { control, Refused } from "./client.js"
import { byId, fill, h, setOptions } from "./dom.js"
import { chatName, state } from "./state.js"
import { replyText } from "./timelineText.js"
import { act, integer, say, text } from "./ui.js"

/** The fault kinds the form offers, and the fields each one uses. */
const KINDS: Readonly<Record<string, ReadonlyArray<string>>> = {
  flood: ["fault-retry"],
  error: ["fault-code", "fault-description"],
  migrate: ["fault-migrate"],
  html: ["fault-html"],
  drop: [],
  delay: ["fault-delay"]
}
const FIELDS = ["fault-retry", "fault-code", "fault-description", "fault-migrate", "fault-html", "fault-delay"]

const input = (id: string) => byId<HTMLInputElement>(id)

/** The reply the form describes, or a reason it cannot be made. */
const replyOf = (kind: string): Record<string, unknown> | string => {
  switch (kind) {
    case "flood": {
      const retry = integer(input("fault-retry"))
      return retry === undefined || retry < 1 ? "retry_after: a whole number of seconds" : {
        error_code: 429,
        retry_after: retry
      }
    }
    case "error": {
      const code = integer(input("fault-code"))
      const description = text(input("fault-description"))
      if (code === undefined) return "error_code: a status from 400 to 599"
      return { error_code: code, ...(description !== undefined ? { description } : {}) }
    }
    case "migrate": {
      const to = integer(input("fault-migrate"))
      return to === undefined ? "migrate_to_chat_id: a chat id" : { error_code: 400, migrate_to_chat_id: to }
    }
    case "html": {
      const status = integer(input("fault-html"))
      return status === undefined ? "html: a status from 400 to 599" : { html: status }
    }
    case "drop":
      return { drop: true }
    default: {
      const delay = integer(input("fault-delay"))
      return delay === undefined ? "delay_ms: milliseconds" : { delay_ms: delay }
    }
  }
}

/** Shows the fields of the chosen kind only. */
const showFields = (): void => {
  const used = KINDS[byId<HTMLSelectElement>("fault-kind").value] ?? []
  for (const id of FIELDS) {
    const label = input(id).closest("label")
    if (label !== null) label.hidden = !used.includes(id)
  }
}

const limitText = (limit: FloodLimit): string =>
  `${limit.method ?? "every method"}${limit.chat_id !== undefined ? ` in ${chatName(limit.chat_id)}` : ""}: ` +
  `${limit.max_calls} per ${limit.per_seconds} s, waits up to ${limit.absorb_seconds ?? 8} s absorbed`

const putLimits = (limits: ReadonlyArray<FloodLimit>, done: string) =>
  act(() => control("PUT", "limits", limits), () => done)

/** Redraws what depends on the world: the methods and chats offered, the limits in force, the groups to upgrade. */
export const renderTrouble = (): void => {
  const world = state.world
  if (world === undefined) return
  const methods = state.methods.map((method) => [method, method] as const)
  setOptions(byId<HTMLSelectElement>("fault-method"), methods, "exportChatInviteLink")
  setOptions(byId<HTMLSelectElement>("limit-method"), [["", "every method"], ...methods], "exportChatInviteLink")
  const chats = world.chats.filter((chat) => chat.type !== "private" && !chat.deleted)
  const chatOptions = [["", "any chat"] as const, ...chats.map((chat) => [String(chat.id), chatName(chat.id)] as const)]
  setOptions(byId<HTMLSelectElement>("fault-chat"), chatOptions)
  setOptions(byId<HTMLSelectElement>("limit-chat"), chatOptions)
  const groups = world.chats.filter((chat) =>
    chat.type === "group" && chat.migrated_to_chat_id === undefined && !chat.deleted
  )
  setOptions(
    byId<HTMLSelectElement>("upgrade-chat"),
    groups.map((chat) => [String(chat.id), `${chatName(chat.id)} (${chat.id})`])
  )
  byId<HTMLButtonElement>("upgrade-button").disabled = groups.length === 0
  const limits = world.flood_limits
  fill(
    byId("limits"),
    ...(limits.length === 0
      ? [h("li", { class: "note" }, "No flood limits.")]
      : limits.map((limit, index) =>
        h(
          "li",
          {},
          limitText(limit),
          " ",
          h("button", {
            type: "button",
            onclick: () => putLimits(limits.filter((_, i) => i !== index), "flood limit removed")
          }, "Remove")
        )
      ))
  )
  fill(
    byId("faults"),
    ...(world.faults.length === 0
      ? [h("li", { class: "note" }, "No faults pending.")]
      : world.faults.map((fault) =>
        h(
          "li",
          {},
          h("code", {}, fault.method),
          fault.chat_id !== undefined
            ? ` in ${chatName(typeof fault.chat_id === "number" ? fault.chat_id : undefined) || fault.chat_id}`
            : "",
          `: ${replyText(fault.reply)}, `,
          fault.times === 1 ? "once" : `${fault.times} times`
        )
      ))
  )
}

/** Wires the trouble panel's controls. */
export const setUpTrouble = (): void => {
  const kind = byId<HTMLSelectElement>("fault-kind")
  kind.addEventListener("change", showFields)
  showFields()

  byId("fault-form").addEventListener("submit", (event) => {
    event.preventDefault()
    const reply = replyOf(kind.value)
    if (typeof reply === "string") {
      say(reply, "error")
      return
    }
    const method = byId<HTMLSelectElement>("fault-method").value
    const chatId = integer(byId<HTMLSelectElement>("fault-chat"))
    const times = integer(input("fault-times")) ?? 1
    void act(
      () => control("POST", "faults", { method, times, reply, ...(chatId !== undefined ? { chat_id: chatId } : {}) }),
      () => `the next ${times === 1 ? "call" : `${times} calls`} of ${method} will get ${replyText(reply)}`
    )
  })
  byId("clear-faults").addEventListener(
    "click",
    () => void act(() => control("DELETE", "faults"), () => "faults cleared")
  )

  byId("limit-form").addEventListener("submit", (event) => {
    event.preventDefault()
    const method = text(byId<HTMLSelectElement>("limit-method"))
    const chatId = integer(byId<HTMLSelectElement>("limit-chat"))
    const maxCalls = integer(input("limit-max"))
    const per = Number(text(input("limit-per")) ?? "")
    const absorb = text(input("limit-absorb"))
    if (maxCalls === undefined || !(per > 0)) {
      say("max_calls and per_seconds: positive numbers", "error")
      return
    }
    const limit: FloodLimit = {
      max_calls: maxCalls,
      per_seconds: per,
      ...(method !== undefined ? { method } : {}),
      ...(chatId !== undefined ? { chat_id: chatId } : {}),
      ...(absorb !== undefined ? { absorb_seconds: Number(absorb) } : {})
    }
    void putLimits([...(state.world?.flood_limits ?? []), limit], `flood limit set: ${limitText(limit)}`)
  })
  byId("clear-limits").addEventListener("click", () => void putLimits([], "flood limits removed"))

  byId("upgrade-button").addEventListener("click", () => {
    const chatId = integer(byId<HTMLSelectElement>("upgrade-chat"))
    if (chatId === undefined) return
    void act(
      () => control<{ migrate_to_chat_id: number }>("POST", "upgrade", { chat_id: chatId }),
      (result) => `${chatId} was upgraded to the supergroup ${result.migrate_to_chat_id}`
    )
  })

  byId("reset-button").addEventListener(
    "click",
    () => void act(() => control("POST", "reset"), () => "the world was reset")
  )

  byId("download-button").addEventListener("click", () => {
    void act(() => control("GET", "world"), (world) => {
      const blob = new Blob([`${JSON.stringify(world, null, 2)}\n`], { type: "application/json" })
      const url = URL.createObjectURL(blob)
      const link = h("a", { href: url, download: "world.json" })
      document.body.append(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
      return "the world was saved as world.json"
    })
  })

  const file = input("world-file")
  byId("load-button").addEventListener("click", () => file.click())
  file.addEventListener("change", () => {
    const chosen = file.files?.[0]
    file.value = ""
    if (chosen === undefined) return
    void act(async () => {
      let world: unknown
      try {
        world = JSON.parse(await chosen.text())
      } catch (error) {
        throw new Refused(400, `${chosen.name} is not JSON: ${(error as Error).message}`)
      }
      return control("PUT", "world", world)
    }, () => `the world of ${chosen.name} was loaded (reset goes back to it)`)
  })
}
