/**
 * What the real-bot tests (test/mock-*-bots.test.ts, test/python) do to the standalone mock, over HTTP only, as a test
 * in any language would: act as people through the control API and wait for what the bot does with its long polls
 * (`?after=&wait=`). Nothing here sleeps: every wait is a long poll that answers as soon as its event comes.
 */
import { DEFAULT_BOT_ID, DEFAULT_BOT_TOKEN } from "telegram-bot-api-mock"

/** How long a long poll of the control API waits, in seconds of the mock's (real) clock. */
const WAIT_SECONDS = 20

/** A control API request: its result, or an Error carrying the refusal's description. */
export type Control = <A = any>(method: string, path: string, body?: unknown) => Promise<A>

/** The control API of the server at `root`, and the waits a test needs. */
export const mockOverHttp = (root: string) => {
  const control: Control = async (method, path, body) => {
    const init: RequestInit = body === undefined
      ? { method }
      : body instanceof FormData
      ? { method, body }
      : { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) }
    const response = await fetch(`${root}/__mock/${path}`, init)
    const envelope = (await response.json()) as { ok: boolean; result?: any; description?: string }
    if (!envelope.ok) throw new Error(`${method} /__mock/${path}: ${envelope.description}`)
    return envelope.result
  }

  /** The chat's messages after `after` (a message_id), once there are `count` of them: a person's view of the chat. */
  const nextMessages = async (chatId: number, after: number, count = 1): Promise<Array<any>> => {
    const messages: Array<any> = []
    while (messages.length < count) {
      const last = messages.at(-1)?.message_id ?? after
      const more: Array<any> = await control("GET", `chats/${chatId}/messages?after=${last}&wait=${WAIT_SECONDS}`)
      if (more.length === 0) throw new Error(`chat ${chatId}: no message after #${last} in ${WAIT_SECONDS} s`)
      messages.push(...more)
    }
    return messages
  }

  /** The seq of the last request answered (0 before any): what `requestAfter` waits past. */
  const lastSeq = async (): Promise<number> => {
    const journal: Array<{ seq: number }> = await control("GET", "journal")
    return journal.at(-1)?.seq ?? 0
  }

  /** The first request of `method` answered after `seq` (its journal entry), as soon as it comes. */
  const requestAfter = async (method: string, seq: number): Promise<any> => {
    let after = seq
    for (;;) {
      const entries: Array<any> = await control("GET", `journal?after=${after}&wait=${WAIT_SECONDS}`)
      if (entries.length === 0) throw new Error(`no ${method} request after seq ${seq} in ${WAIT_SECONDS} s`)
      const found = entries.find((entry) => entry.method === method)
      if (found !== undefined) return found
      after = entries.at(-1).seq
    }
  }

  /** Runs `act`, then waits for each of the bot's requests it causes (each must succeed), in any order. */
  const actThenAwait = async <A>(act: () => Promise<A>, ...methods: ReadonlyArray<string>): Promise<A> => {
    const seq = await lastSeq()
    const acted = await act()
    for (const method of methods) {
      const entry = await requestAfter(method, seq)
      if (entry.status !== 200) throw new Error(`${method} answered ${entry.status}: ${entry.description}`)
    }
    return acted
  }

  /** What a person does (the default world's people: Alice 42, Bob 43, Carol 44, Olga 1000). */
  const person = (userId: number) => ({
    send: (text: string, where: Record<string, number> = {}): Promise<any> =>
      control("POST", `users/${userId}/send`, { text, ...where }),
    press: (message: { message_id: number; chat: { id: number } }, data: string): Promise<string> =>
      control("POST", `users/${userId}/press`, { message_id: message.message_id, chat_id: message.chat.id, data })
        .then((pressed) => pressed.callback_query_id),
    vote: (message: { message_id: number; chat: { id: number } }, optionIds: ReadonlyArray<number>): Promise<any> =>
      control("POST", `users/${userId}/vote`, {
        message_id: message.message_id,
        chat_id: message.chat.id,
        option_ids: optionIds
      }),
    /** A file sent as a multipart form, as `curl -F kind=photo -F file=@pic.png` would. */
    sendFile: (kind: string, bytes: Uint8Array, fileName: string, extra: Record<string, string> = {}): Promise<any> => {
      const form = new FormData()
      form.append("kind", kind)
      for (const [key, value] of Object.entries(extra)) form.append(key, value)
      form.append("file", new Blob([new Uint8Array(bytes)]), fileName)
      return control("POST", `users/${userId}/send_file`, form)
    }
  })

  /** A file's bytes as the bot downloads them (getFile, then `/file/bot<token>/<file_path>`). */
  const download = async (fileId: string, token = DEFAULT_BOT_TOKEN): Promise<Buffer> => {
    const got = await fetch(`${root}/bot${token}/getFile?file_id=${encodeURIComponent(fileId)}`)
    const file = ((await got.json()) as { result: { file_path: string } }).result
    return Buffer.from(await (await fetch(`${root}/file/bot${token}/${file.file_path}`)).arrayBuffer())
  }

  /** The commands a person's app shows for the default bot (in their private chat, or in `chatId`). */
  const commandsShown = (userId: number, chatId?: number, botId = DEFAULT_BOT_ID): Promise<Array<any>> =>
    control("GET", `bots/${botId}/commands?user_id=${userId}${chatId === undefined ? "" : `&chat_id=${chatId}`}`)

  return { control, nextMessages, lastSeq, requestAfter, actThenAwait, person, download, commandsShown }
}

export type MockOverHttp = ReturnType<typeof mockOverHttp>

/** The buttons' texts of an inline keyboard, row by row (what the person sees on the message). */
export const keyboardTexts = (message: any): Array<Array<string>> =>
  (message.reply_markup?.inline_keyboard ?? []).map((row: Array<{ text: string }>) => row.map((button) => button.text))
