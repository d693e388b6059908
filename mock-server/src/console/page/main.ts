/**
 * The console page's entry: reads the world and the person's conversation, opens the live stream, and asks for the
 * control token once when the server wants one (kept for the tab). What each panel shows and does lives in its module.
 */
import type { WorldSnapshot } from "../../WorldSnapshot.js"
import { followAnswers, setUpAnswers } from "./answers.js"
import { setUpAttachments } from "./attachments.js"
import { startDrawing } from "./chart.js"
import {
  control,
  type GapEvent,
  Refused,
  savedToken,
  saveToken,
  type StreamEvent,
  watch,
  whenLocked
} from "./client.js"
import { setUpCompose } from "./compose.js"
import { byId } from "./dom.js"
import { loadConversation, pickAdded, renderPerson, setUpPerson } from "./person.js"
import { state } from "./state.js"
import { hidePolls, receive, renameRows, restart } from "./timeline.js"
import { renderTrouble, setUpTrouble } from "./trouble.js"
import { onRefresh, say } from "./ui.js"
import { renderWorld } from "./world.js"

/** Requests that read and change nothing a panel shows: they do not make the page read the world again. */
const READS = new Set([
  "getUpdates",
  "getMe",
  "getWebhookInfo",
  "getChatMember",
  "getChatMemberCount",
  "getChatAdministrators"
])

let locked = false

const render = (): void => {
  renderPerson()
  pickAdded()
  renderPerson()
  renderWorld()
  renderTrouble()
}

let reading = false
let again = false

/** Reads the world and the conversation; asks made while a read is under way make one more read after it. */
const refresh = async (): Promise<void> => {
  // Locked, a read would only be refused (and ask for the token once more): the stream's hello reads it when unlocked.
  if (locked) return
  if (reading) {
    again = true
    return
  }
  reading = true
  try {
    do {
      again = false
      try {
        state.world = await control<WorldSnapshot>("GET", "world")
        render()
        renameRows(state.world)
        await loadConversation()
        byId("world").removeAttribute("aria-busy")
      } catch (error) {
        if (!(error instanceof Refused && error.status === 401)) say(`cannot read the world: ${String(error)}`, "error")
      }
    } while (again)
  } finally {
    reading = false
  }
}

let timer: ReturnType<typeof setTimeout> | undefined
const refreshSoon = (): void => {
  if (timer !== undefined) return
  timer = setTimeout(() => {
    timer = undefined
    void refresh()
  }, 60)
}

const setLive = (live: boolean, why?: string): void => {
  const status = byId("live")
  status.textContent = live ? "live" : why === "locked" ? "locked" : "reconnecting…"
  status.className = live ? "live" : "off"
  if (!live && why !== undefined && why !== "locked") status.title = why
}

const connect = (): void => {
  watch({
    hello: (hello) => {
      locked = false
      document.body.classList.remove("locked")
      state.methods = hello.methods
      byId("token-button").hidden = !hello.control_token
      followAnswers(restart(hello.now, hello.events), false)
      void refresh()
    },
    events: (events: ReadonlyArray<StreamEvent | GapEvent>) => {
      followAnswers(receive(events), true)
      if (events.some((event) => event.kind !== "request" || !READS.has(event.method))) refreshSoon()
    },
    status: setLive
  })
}

/**
 * The server wants the token (or took none of the one given): lock the page and ask. Once locked, only a change the
 * person tried asks again (the page's own reads, refused too, do not).
 */
const lock = (change: boolean): void => {
  if (!locked) {
    locked = true
    document.body.classList.add("locked")
    byId("token-button").hidden = false
    say("The control token is needed: every change and the live stream ask for it.", "error")
  } else if (!change) return
  askToken()
}

const askToken = (): void => {
  const dialog = byId<HTMLDialogElement>("token-dialog")
  if (dialog.open) return
  byId("token-problem").textContent = savedToken() !== undefined ? "The server did not take that token." : ""
  byId<HTMLInputElement>("token-input").value = ""
  dialog.showModal()
}

const setUpToken = (): void => {
  const dialog = byId<HTMLDialogElement>("token-dialog")
  byId("token-form").addEventListener("submit", (event) => {
    event.preventDefault()
    const token = byId<HTMLInputElement>("token-input").value
    dialog.close()
    saveToken(token === "" ? undefined : token)
    connect()
  })
  byId("token-cancel").addEventListener("click", () => dialog.close())
  byId("token-button").addEventListener("click", askToken)
}

const main = (): void => {
  whenLocked(lock)
  onRefresh(refreshSoon)
  setUpToken()
  setUpPerson(() => {
    render()
    void loadConversation()
  })
  setUpCompose()
  setUpAttachments()
  setUpAnswers()
  setUpTrouble()
  const polls = byId<HTMLInputElement>("hide-polls")
  polls.addEventListener("change", () => hidePolls(polls.checked))
  hidePolls(polls.checked)
  startDrawing()
  connect()
}

main()
