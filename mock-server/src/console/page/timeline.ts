/**
 * The live timeline: a row per request answered, update queued and action on the world, newest first; for a 429 its
 * `retry_after` and, once the bot calls the same method for the same chat again, when it came back (flagged when it
 * came back before the wait was over); absorbed flood waits. Above the rows, a picture of the last minute drawn here
 * in SVG: requests per second by status, and the waits as bars.
 */
import type { ActionEvent, GapEvent, RequestEvent, StreamEvent, UpdateEvent } from "./client.js"
import { byId, clockTime, fill, h, seconds, svg } from "./dom.js"
import { chatName, nameOf } from "./state.js"

/** Events kept (the rows shown are the newest MAX_ROWS of them). */
const MAX_EVENTS = 3000
const MAX_ROWS = 300
/** The picture's span. */
const WINDOW_MS = 60_000

interface Entry {
  readonly event: StreamEvent
  /** 429s: the wait asked for (ms), and when the bot called again. */
  retryMs?: number
  backAt?: number
  detail?: HTMLElement
}

const entries: Array<Entry> = []
/** 429s waiting for the bot's next call of the same method for the same chat. */
const awaitingBack = new Map<string, Entry>()
/** The mock's clock minus this page's (the mock's clock may be set by a test). */
let clockOffset = 0
let dirty = false

/** The status class of a request: ok, refused (4xx), flood (429), failed (5xx, HTML page, dropped). */
const statusClass = (status: number): "ok" | "refused" | "flood" | "failed" =>
  status >= 200 && status < 300 ? "ok" : status === 429 ? "flood" : status >= 400 && status < 500 ? "refused" : "failed"

const retryAfterOf = (event: RequestEvent): number | undefined => {
  if (event.status !== 429) return undefined
  const match = /retry after (\d+)/.exec(event.description ?? "")
  return match === null ? undefined : Number(match[1]) * 1000
}

const callKey = (event: RequestEvent): string => `${event.bot_id}|${event.method}|${event.chat_id ?? ""}`

const chatLabel = (chatId: string | number | undefined): string => {
  if (chatId === undefined) return ""
  const id = Number(chatId)
  if (!Number.isSafeInteger(id)) return String(chatId)
  const name = chatName(id)
  return name === String(id) ? name : `${name} (${id})`
}

const requestDetail = (entry: Entry): string => {
  const event = entry.event as RequestEvent
  const parts: Array<string> = []
  if (event.fault !== undefined) parts.push(`fault: ${event.fault}`)
  if (entry.retryMs !== undefined) {
    parts.push(`retry after ${seconds(entry.retryMs)}`)
    if (entry.backAt === undefined) parts.push("not back yet")
    else {
      const back = entry.backAt - event.at
      parts.push(`back after ${seconds(back)}${back + 50 < entry.retryMs ? " (early!)" : ""}`)
    }
  }
  if (event.waited_ms !== undefined) parts.push(`waited ${seconds(event.waited_ms)} (absorbed)`)
  if (event.webhook_reply === true) parts.push("from a webhook reply")
  if (event.test_environment === true) parts.push("test environment")
  if (event.description !== undefined && event.status !== 429) parts.push(event.description)
  return parts.join(" · ")
}

const userName = (user: any): string =>
  typeof user === "object" && user !== null ? String(user.first_name ?? user.id ?? "?") : "?"

const updateDetail = (event: UpdateEvent): { chat: number | undefined; text: string } => {
  const body = event.update[event.type] ?? {}
  const chat = body.chat?.id ?? body.message?.chat?.id
  switch (event.type) {
    case "message":
    case "edited_message":
    case "channel_post":
    case "edited_channel_post": {
      const from = userName(body.from ?? body.sender_chat)
      if (Array.isArray(body.new_chat_members)) {
        return { chat, text: `${body.new_chat_members.map(userName).join(", ")} joined` }
      }
      if (body.left_chat_member !== undefined) return { chat, text: `${userName(body.left_chat_member)} left` }
      if (body.migrate_to_chat_id !== undefined) return { chat, text: `upgraded to ${body.migrate_to_chat_id}` }
      if (body.migrate_from_chat_id !== undefined) return { chat, text: `upgraded from ${body.migrate_from_chat_id}` }
      return { chat, text: `${from}: “${String(body.text ?? "")}”` }
    }
    case "chat_member":
    case "my_chat_member": {
      const how = body.via_join_request === true ? " (join request)" : body.invite_link !== undefined ? " via link" : ""
      return {
        chat,
        text: `${
          userName(body.new_chat_member?.user)
        }: ${body.old_chat_member?.status} → ${body.new_chat_member?.status}${how}`
      }
    }
    case "chat_join_request":
      return { chat, text: `${userName(body.from)} asks to join` }
    case "callback_query":
      return { chat, text: `${userName(body.from)} pressed “${String(body.data ?? "")}”` }
    default:
      return { chat, text: "" }
  }
}

const ACTORS: Readonly<Record<string, string>> = {
  send: "person",
  press: "person",
  join: "person",
  leave: "person",
  block: "person",
  set_member: "admin",
  approve_join_request: "admin",
  decline_join_request: "admin"
}

const actionDetail = (event: ActionEvent): string => {
  const who = nameOf(event.user_id)
  switch (event.action) {
    case "send":
      return `${who} wrote “${event.text ?? ""}”`
    case "press":
      return `${who} pressed “${event.text ?? ""}”`
    case "join":
      return `${who} opened an invite link: ${event.result ?? ""}`
    case "leave":
      return `${who} left`
    case "block":
      return `${who} blocked the bot`
    case "add_user":
      return `added ${event.text ?? ""} (${event.user_id})`
    case "set_member":
      return `${who} is now ${event.result ?? ""}`
    case "approve_join_request":
      return `${who}'s join request approved`
    case "decline_join_request":
      return `${who}'s join request declined`
    case "upgrade":
      return `upgraded to ${event.result ?? ""}`
    case "inject_fault":
      return `fault on ${event.text ?? ""}: ${event.result ?? ""}`
    case "clear_faults":
      return "faults cleared"
    case "set_flood_limits":
      return `flood limits set: ${event.result ?? ""}`
    case "reset":
      return "the world was reset"
    case "replace_world":
      return "a new world was loaded"
    default:
      return event.action
  }
}

/** A table row for an entry. */
const rowOf = (entry: Entry): HTMLTableRowElement => {
  const event = entry.event
  const time = h("td", { class: "time" }, clockTime(event.at))
  if (event.kind === "request") {
    const detail = h("td", { class: "detail" }, requestDetail(entry))
    entry.detail = detail
    const status = event.status === 0 ? "dropped" : String(event.status)
    return h(
      "tr",
      { class: `request ${statusClass(event.status)}${event.method === "getUpdates" ? " poll" : ""}` },
      time,
      h("td", {}, event.bot_id ?? "—"),
      h("td", {}, h("code", {}, event.method)),
      h("td", {}, chatLabel(event.chat_id)),
      h("td", { class: "status" }, status),
      detail
    )
  }
  if (event.kind === "update") {
    const { chat, text } = updateDetail(event)
    return h(
      "tr",
      { class: "update" },
      time,
      h("td", {}, event.bot_id),
      h("td", {}, h("span", { class: "tag" }, "update"), " ", h("code", {}, event.type)),
      h("td", {}, chatLabel(chat)),
      h("td", { class: "status" }, `#${event.update_id}`),
      h("td", { class: "detail" }, text)
    )
  }
  const actor = ACTORS[event.action] ?? "control"
  return h(
    "tr",
    { class: `action ${actor}` },
    time,
    h("td", {}, ""),
    h("td", {}, h("span", { class: "tag" }, actor), " ", event.action),
    h("td", {}, chatLabel(event.chat_id)),
    h("td", { class: "status" }, ""),
    h("td", { class: "detail" }, actionDetail(event))
  )
}

const rows = () => byId<HTMLTableSectionElement>("timeline-rows")

/** Adds events as they come (rows at the top, 429s told when their bot came back). */
const add = (events: ReadonlyArray<StreamEvent>, render: boolean): void => {
  const fragment = document.createDocumentFragment()
  for (const event of events) {
    const entry: Entry = { event }
    if (event.kind === "request") {
      const key = callKey(event)
      const waiting = awaitingBack.get(key)
      if (waiting !== undefined) {
        waiting.backAt = event.at
        awaitingBack.delete(key)
        if (waiting.detail !== undefined) waiting.detail.textContent = requestDetail(waiting)
      }
      const retryMs = retryAfterOf(event)
      if (retryMs !== undefined) {
        entry.retryMs = retryMs
        awaitingBack.set(key, entry)
      }
    }
    entries.push(entry)
    if (render) fragment.prepend(rowOf(entry))
  }
  if (entries.length > MAX_EVENTS) entries.splice(0, entries.length - MAX_EVENTS)
  if (render) {
    const body = rows()
    body.prepend(fragment)
    while (body.childElementCount > MAX_ROWS) body.lastElementChild!.remove()
  }
  dirty = true
}

/** Starts over from the stream's hello: the journal and the recent updates and actions, in time order. */
export const restart = (
  now: number,
  journal: ReadonlyArray<Omit<RequestEvent, "kind">>,
  recent: ReadonlyArray<StreamEvent>
) => {
  clockOffset = now - Date.now()
  entries.length = 0
  awaitingBack.clear()
  const all: Array<StreamEvent> = [...journal.map((entry) => ({ kind: "request" as const, ...entry })), ...recent]
  all.sort((a, b) => a.at - b.at)
  add(all, false)
  const body = rows()
  fill(body, ...entries.slice(-MAX_ROWS).reverse().map(rowOf))
  draw()
}

/** Events from the stream. */
export const receive = (events: ReadonlyArray<StreamEvent | GapEvent>): void => {
  const kept: Array<StreamEvent> = []
  for (const event of events) {
    if (event.kind === "gap") {
      byId("timeline-note").textContent = `${event.dropped} events were not shown: the page fell behind.`
    } else {
      // A mock on a clock a test drives may jump ahead: the picture's "now" follows it.
      clockOffset = Math.max(clockOffset, event.at - Date.now())
      kept.push(event)
    }
  }
  add(kept, true)
}

/** Draws the last minute: requests per second by status, and the waits (absorbed, and asked for by 429s) as bars. */
export const draw = (): void => {
  dirty = false
  const box = byId("chart")
  const width = Math.max(240, Math.round(box.clientWidth || 600))
  const height = 150
  const top = 16
  const barsBottom = 92
  const laneTop = 104
  const laneHeight = 8
  const now = Date.now() + clockOffset
  const start = now - WINDOW_MS
  const x = (at: number) => ((at - start) / WINDOW_MS) * width
  const buckets = Array.from({ length: 60 }, () => ({ ok: 0, refused: 0, flood: 0, failed: 0 }))
  let total = 0
  let problems = 0
  const waits: Array<SVGElement> = []
  let lane = 0
  for (const entry of entries) {
    const event = entry.event
    if (event.kind !== "request") continue
    const end = entry.retryMs !== undefined ? event.at + entry.retryMs : event.at
    if (end < start || event.at > now + 1000) continue
    if (event.at >= start) {
      const bucket = buckets[Math.min(59, Math.floor((event.at - start) / 1000))]!
      bucket[statusClass(event.status)]++
      total++
      if (event.status !== 200) problems++
    }
    const waitBar = (from: number, to: number, cls: string, title: string) => {
      const y = laneTop + (lane++ % 4) * (laneHeight + 2)
      const x1 = Math.max(0, x(from))
      const x2 = Math.min(width, Math.max(x(to), x1 + 2))
      waits.push(
        svg("rect", { class: cls, x: x1, y, width: x2 - x1, height: laneHeight, rx: 2 }, svg("title", {}, title))
      )
    }
    if (event.waited_ms !== undefined) {
      waitBar(
        event.at - event.waited_ms,
        event.at,
        "wait absorbed",
        `${clockTime(event.at)} ${event.method}: waited ${seconds(event.waited_ms)} (absorbed)`
      )
    }
    if (entry.retryMs !== undefined) {
      waitBar(
        event.at,
        event.at + entry.retryMs,
        "wait flood",
        `${clockTime(event.at)} ${event.method}: 429, retry after ${seconds(entry.retryMs)}`
      )
      if (entry.backAt !== undefined && entry.backAt >= start) {
        const bx = x(entry.backAt)
        waits.push(
          svg(
            "line",
            { class: "back", x1: bx, x2: bx, y1: laneTop - 2, y2: laneTop + 4 * (laneHeight + 2) },
            svg(
              "title",
              {},
              `came back after ${seconds(entry.backAt - event.at)}`
            )
          )
        )
      }
    }
  }
  const peak = Math.max(1, ...buckets.map((b) => b.ok + b.refused + b.flood + b.failed))
  const step = width / 60
  const bars: Array<SVGElement> = []
  buckets.forEach((bucket, i) => {
    let y = barsBottom
    for (const key of ["ok", "refused", "flood", "failed"] as const) {
      const count = bucket[key]
      if (count === 0) continue
      const barHeight = ((barsBottom - top) * count) / peak
      y -= barHeight
      bars.push(
        svg(
          "rect",
          { class: `bar ${key}`, x: i * step + 1, y, width: Math.max(1, step - 2), height: barHeight },
          svg("title", {}, `${clockTime(start + i * 1000)}: ${count} ${key}`)
        )
      )
    }
  })
  const label = (text: string, at: number, anchor: string) =>
    svg("text", { x: at, y: height - 4, "text-anchor": anchor }, text)
  const picture = svg(
    "svg",
    {
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: "img",
      "aria-label":
        `The last minute: ${total} requests, ${problems} not 200, peak ${peak} per second; ${waits.length} waits.`
    },
    svg("text", { x: 2, y: 11 }, `${peak}/s`),
    svg("line", { class: "axis", x1: 0, x2: width, y1: barsBottom + 0.5, y2: barsBottom + 0.5 }),
    ...bars,
    svg("text", { x: 2, y: laneTop - 3 }, "waits"),
    ...waits,
    label("−60 s", 2, "start"),
    label("−30 s", width / 2, "middle"),
    label("now", width - 2, "end")
  )
  fill(box, picture)
}

/** Redraws when something came, and each second as time moves on. */
export const startDrawing = (): void => {
  const tick = () => {
    if (dirty) draw()
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
  setInterval(() => {
    dirty = true
  }, 1000)
  new ResizeObserver(() => {
    dirty = true
  }).observe(byId("chart"))
}

/** Hides (or shows) the long polls' rows. */
export const hidePolls = (hide: boolean): void => {
  byId("timeline").classList.toggle("hide-polls", hide)
}
