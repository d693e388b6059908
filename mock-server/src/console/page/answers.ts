/**
 * The bot's answers to presses (answerCallbackQuery): when a bot answers, the page reads the presses it has not seen
 * answered yet (`GET /__mock/callback_queries/{id}`), tells the answer on the press's timeline row, and shows it to
 * the person at the keyboard as their app would: a toast over the conversation, or an alert they must close.
 */
import { control, type UpdateEvent } from "./client.js"
import { byId } from "./dom.js"
import type { Entry } from "./history.js"
import { nameOf, state } from "./state.js"
import { retell } from "./timeline.js"

/** A press and the bot's answer, as the control API gives it. */
interface CallbackQueryState {
  readonly id: string
  readonly user_id: number
  readonly answered: boolean
  readonly answer?: { readonly text: string; readonly show_alert: boolean; readonly url: string }
}

/** Presses not seen answered yet (the newest), by callback query id. */
const unanswered = new Map<string, Entry>()
const KEPT = 20
/** How long a toast stays (an app's is about as long). */
const TOAST_MS = 5000

let reading: Promise<void> | undefined
let again = false

const answerWords = (answer: NonNullable<CallbackQueryState["answer"]>): string =>
  answer.url !== ""
    ? `opens ${answer.url}`
    : answer.text === ""
    ? "answered (nothing shown)"
    : `${answer.show_alert ? "alert" : "toast"} “${answer.text}”`

let hideToast: ReturnType<typeof setTimeout> | undefined

/** Shows the answer as the person's app would. */
const show = (query: CallbackQueryState): void => {
  const answer = query.answer
  if (answer === undefined || query.user_id !== state.person) return
  if (answer.show_alert && answer.text !== "") {
    const dialog = byId<HTMLDialogElement>("alert-dialog")
    byId("alert-text").textContent = answer.text
    if (!dialog.open) dialog.showModal()
    return
  }
  const text = answer.url !== "" ? `The bot opens ${answer.url}` : answer.text
  if (text === "") return
  const toast = byId("toast")
  toast.textContent = text
  toast.title = `${nameOf(state.bot)} answered ${nameOf(query.user_id)}'s press`
  toast.hidden = false
  if (hideToast !== undefined) clearTimeout(hideToast)
  hideToast = setTimeout(() => {
    toast.hidden = true
  }, TOAST_MS)
}

/** Reads the presses not seen answered; tells each answer found (shown to the person when `live`). */
const readAnswers = async (live: boolean): Promise<void> => {
  for (const [id, entry] of [...unanswered]) {
    let query: CallbackQueryState
    try {
      query = await control<CallbackQueryState>("GET", `callback_queries/${encodeURIComponent(id)}`)
    } catch {
      // No longer kept (or the page is locked): asked again after the next answer.
      continue
    }
    if (!query.answered || !unanswered.has(id)) continue
    unanswered.delete(id)
    entry.answer = answerWords(query.answer!)
    retell(entry)
    if (live) show(query)
  }
}

const read = (live: boolean): void => {
  if (reading !== undefined) {
    again = true
    return
  }
  reading = readAnswers(live).finally(() => {
    reading = undefined
    if (again) {
      again = false
      read(true)
    }
  })
}

/**
 * Follows new entries: presses to watch, and the bots' answerCallbackQuery calls that may have answered them. The
 * hello's history (`live` false) is told on the timeline only: an app shows a toast once, when it comes.
 */
export const followAnswers = (added: ReadonlyArray<Entry>, live: boolean): void => {
  if (!live) unanswered.clear()
  let answered = false
  for (const entry of added) {
    const event = entry.event
    if (event.kind === "update" && event.type === "callback_query") {
      const id = (event as UpdateEvent).update["callback_query"]?.id
      if (typeof id === "string") unanswered.set(id, entry)
      if (unanswered.size > KEPT) unanswered.delete(unanswered.keys().next().value!)
    } else if (event.kind === "request" && event.method === "answerCallbackQuery") answered = true
  }
  if ((answered || !live) && unanswered.size > 0) read(live)
}

/** Wires the alert's OK button. */
export const setUpAnswers = (): void => {
  const dialog = byId<HTMLDialogElement>("alert-dialog")
  byId("alert-ok").addEventListener("click", () => dialog.close())
}
