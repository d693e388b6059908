/**
 * The small bot of the console's browser tests and screenshot script, run against the standalone mock over HTTP: a
 * getUpdates loop over fetch that waits on the mock's clock, never on real time.
 */
import { DEFAULT_BOT_TOKEN, type ManualClock } from "telegram-bot-api-mock"

/** The seed world's supergroup, which the bot invites people to. */
export const SUPERGROUP = -1001234567890

/** The commands the bot sets when it starts (a person's app, and the console, list them). */
export const BOT_COMMANDS = [
  { command: "invite", description: "An invite to the group, as a button" },
  { command: "link", description: "An invite to the group, in the text" },
  { command: "menu", description: "Buttons that answer" }
]

/**
 * The bot under test: sets its commands; answers `/invite` with exportChatInviteLink in a URL button, `/link` with
 * the link in its text, `/menu` with callback buttons (`ping` answered with a toast, `rules` with an alert); on a 429
 * waits `retry_after` on the mock's clock (the caller moves it) and tries again.
 */
export const startBot = (api: string, clock: ManualClock) => {
  const abort = new AbortController()
  const handled: Array<string> = []
  const call = async (method: string, params: Record<string, unknown>): Promise<any> => {
    const response = await fetch(`${api}/bot${DEFAULT_BOT_TOKEN}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(params),
      signal: abort.signal
    })
    return response.json()
  }
  const onClock = (ms: number) =>
    new Promise<void>((resolve, reject) => {
      const cancel = clock.schedule(clock.now() + ms, resolve)
      abort.signal.addEventListener("abort", () => {
        cancel()
        reject(abort.signal.reason)
      })
    })
  const patiently = async (method: string, params: Record<string, unknown>): Promise<any> => {
    for (;;) {
      const answer = await call(method, params)
      if (answer.ok !== false || answer.parameters?.retry_after === undefined) return answer
      await onClock(answer.parameters.retry_after * 1000)
    }
  }
  const onMessage = async (message: any): Promise<void> => {
    const chat_id = message.chat.id
    if (message.text === "/invite") {
      const link = await patiently("exportChatInviteLink", { chat_id: SUPERGROUP })
      await patiently("sendMessage", {
        chat_id,
        text: "Here is your invite to the Seed Supergroup:",
        reply_markup: { inline_keyboard: [[{ text: "Join the group", url: link.result }]] }
      })
    } else if (message.text === "/link") {
      const link = await patiently("exportChatInviteLink", { chat_id: SUPERGROUP })
      await patiently("sendMessage", { chat_id, text: `Come in: ${link.result.replace("https://", "")} (say hi!)` })
    } else if (message.text === "/menu") {
      await patiently("sendMessage", {
        chat_id,
        text: "What would you like?",
        reply_markup: {
          inline_keyboard: [[{ text: "Ping", callback_data: "ping" }, { text: "Rules", callback_data: "rules" }]]
        }
      })
    } else return
    handled.push(message.text)
  }
  const onPress = async (query: any): Promise<void> => {
    await patiently(
      "answerCallbackQuery",
      query.data === "rules"
        ? { callback_query_id: query.id, text: "Be kind. No spam.", show_alert: true }
        : { callback_query_id: query.id, text: "Pong!" }
    )
    handled.push(`press ${query.data}`)
  }
  const loop = async () => {
    await patiently("setMyCommands", { commands: BOT_COMMANDS })
    let offset = 0
    while (!abort.signal.aborted) {
      const answer = await call("getUpdates", {
        offset,
        timeout: 30,
        allowed_updates: ["message", "chat_member", "callback_query"]
      })
      if (answer.ok !== true) throw new Error(`getUpdates: ${answer.description}`)
      for (const update of answer.result) {
        offset = update.update_id + 1
        if (update.message !== undefined) await onMessage(update.message)
        else if (update.callback_query !== undefined) await onPress(update.callback_query)
        else if (update.chat_member !== undefined) {
          handled.push(`chat_member ${update.chat_member.new_chat_member.status}`)
        }
      }
    }
  }
  const done = loop().catch((error) => {
    if (!abort.signal.aborted) throw error
  })
  return {
    handled,
    stop: async () => {
      abort.abort()
      await done
    }
  }
}
