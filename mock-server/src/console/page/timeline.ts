/**
 * The live timeline: a row per request answered, update queued and action on the world, newest first, each with its
 * status as a badge (a request's HTTP status, an update's id, an action's actor): for a 429 its `retry_after` and,
 * once the bot calls the same method for the same chat again, when it came back (flagged when it came back before the
 * wait was over); absorbed flood waits; the bot's answer to a press. Times show milliseconds only where rows of the
 * same second differ in them.
 */
import type { WorldSnapshot } from "../../WorldSnapshot.js"
import { redrawSoon } from "./chart.js"
import type { GapEvent, StreamEvent } from "./client.js"
import { byId, clockTime, fill, h } from "./dom.js"
import { entries, type Entry, forget, keep, statusClass } from "./history.js"
import { actionDetail, actorOf, chatLabel, requestDetail, updateDetail } from "./timelineText.js"

/** Rows shown (the newest). */
const MAX_ROWS = 300

const badge = (cls: string, text: string) => h("span", { class: `badge ${cls}` }, text)

/** A table row for an entry. */
const rowOf = (entry: Entry): HTMLTableRowElement => {
  const event = entry.event
  const time = h("td", { class: "time", "data-at": event.at }, clockTime(event.at))
  if (event.kind === "request") {
    const detail = h("td", { class: "detail" }, requestDetail(entry))
    entry.detail = detail
    const status = statusClass(event.status)
    return h(
      "tr",
      { class: `request ${status}${event.method === "getUpdates" ? " poll" : ""}` },
      time,
      h("td", { class: "status" }, badge(status, event.status === 0 ? "dropped" : String(event.status))),
      h("td", { class: "what" }, h("code", {}, event.method)),
      h("td", { class: "bot" }, event.bot_id ?? "—"),
      h("td", { class: "chat" }, chatLabel(event.chat_id)),
      detail
    )
  }
  if (event.kind === "update") {
    const { chat, text } = updateDetail(entry)
    const detail = h("td", { class: "detail" }, text)
    entry.detail = detail
    return h(
      "tr",
      { class: "update" },
      time,
      h("td", { class: "status" }, badge("update", `#${event.update_id}`)),
      h("td", { class: "what" }, h("span", { class: "tag" }, "update"), " ", h("code", {}, event.type)),
      h("td", { class: "bot" }, event.bot_id),
      h("td", { class: "chat" }, chatLabel(chat)),
      detail
    )
  }
  const actor = actorOf(event)
  return h(
    "tr",
    { class: `action ${actor}` },
    time,
    h("td", { class: "status" }, badge(actor, actor)),
    h("td", { class: "what" }, event.action.replaceAll("_", " ")),
    h("td", { class: "bot" }, ""),
    h("td", { class: "chat" }, chatLabel(event.chat_id)),
    h("td", { class: "detail" }, actionDetail(event))
  )
}

const rows = () => byId<HTMLTableSectionElement>("timeline-rows")

/**
 * Writes each row's time: `12:03:04`, with `.567` added to the rows of a run of the same second whose milliseconds
 * differ (a mock on a clock a test drives moves in whole steps: its `.000`s say nothing).
 */
const labelTimes = (): void => {
  const cells = Array.from(rows().querySelectorAll<HTMLElement>("td.time"))
  let start = 0
  while (start < cells.length) {
    const at = (i: number) => Number(cells[i]!.dataset["at"])
    const second = Math.floor(at(start) / 1000)
    let end = start + 1
    let differ = false
    while (end < cells.length && Math.floor(at(end) / 1000) === second) {
      if (at(end) !== at(start)) differ = true
      end++
    }
    for (let i = start; i < end; i++) {
      const text = clockTime(at(i), differ)
      if (cells[i]!.textContent !== text) cells[i]!.textContent = text
    }
    start = end
  }
}

/** Tells an entry's row again (its 429's bot came back, or its press was answered). */
export const retell = (entry: Entry): void => {
  if (entry.detail === undefined) return
  entry.detail.textContent = entry.event.kind === "request"
    ? requestDetail(entry)
    : entry.event.kind === "update"
    ? updateDetail(entry).text
    : entry.detail.textContent
}

const showRows = (): void => {
  fill(rows(), ...entries.slice(-MAX_ROWS).reverse().map(rowOf))
  labelTimes()
}

let namesTold = ""

/** The world was read: rows name people and chats from it, so they are told again when a name changed (or came). */
export const renameRows = (world: WorldSnapshot): void => {
  const names = JSON.stringify([
    world.users.map((user) => [user.id, user.first_name, user.last_name]),
    world.chats.map((chat) => [chat.id, chat.title])
  ])
  if (names === namesTold) return
  namesTold = names
  showRows()
}

/** Starts over from the stream's hello: the last events before the page came, oldest first. */
export const restart = (now: number, events: ReadonlyArray<StreamEvent>): Array<Entry> => {
  forget(now)
  const { added } = keep(events)
  showRows()
  redrawSoon()
  return added
}

/** Events from the stream: the new ones at the top (one seen already, by its seq, is not shown twice). */
export const receive = (events: ReadonlyArray<StreamEvent | GapEvent>): Array<Entry> => {
  const kept: Array<StreamEvent> = []
  for (const event of events) {
    if (event.kind === "gap") {
      byId("timeline-note").textContent = `${event.dropped} events were not shown: the page fell behind.`
    } else kept.push(event)
  }
  const { added, back } = keep(kept)
  for (const entry of back) retell(entry)
  if (added.length > 0) {
    const fragment = document.createDocumentFragment()
    for (const entry of added) fragment.prepend(rowOf(entry))
    const body = rows()
    body.prepend(fragment)
    while (body.childElementCount > MAX_ROWS) body.lastElementChild!.remove()
    labelTimes()
    redrawSoon()
  }
  return added
}

/** Hides (or shows) the long polls' rows. */
export const hidePolls = (hide: boolean): void => {
  byId("timeline").classList.toggle("hide-polls", hide)
}
