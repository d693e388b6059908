/**
 * The soak's people and its bot at work, as lanes of the traffic (soak/lanes.ts), every step recorded in the message
 * ledger (soak/messages.ts): people write to the bot (each message with an id of its own) and join or leave a group
 * through a link the bot made; the bot polls getUpdates (one poll at a time, confirming what it got) and replies to
 * each message it received, in the person's chat. A person does one thing at a time, so their messages are sent, and
 * must arrive, in order.
 */
import type { Lane, Prepared } from "./lanes.js"
import { MessageLedger } from "./messages.js"

export const TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
export const BOT_ID = 123456
/** The supergroup people join and leave (the bot administers it with can_invite_users, so it gets chat_member). */
export const JOIN_CHAT = -1009876543210
/** Alice: she has a private chat with the bot in the default world; the bot writes to her when nobody waits. */
const ALICE = 42
/** Enough people that each private chat stays under the mock's 1000 kept messages in a run of a million requests. */
const PEOPLE = Array.from({ length: 200 }, (_, i) => 7000 + i)
const ALLOWED_UPDATES = encodeURIComponent(JSON.stringify(["message", "chat_member"]))
/** The bot's poll: never waiting (the soak keeps the server busy), up to 100 updates of the kinds it follows. */
const pollPath = (offset: number) =>
  `/bot${TOKEN}/getUpdates?offset=${offset}&timeout=0&limit=100&allowed_updates=${ALLOWED_UPDATES}`

/** What the conversation needs from the soak: a control or Bot API call, its JSON answer's result. */
export type Call = (method: string, path: string, body?: unknown) => Promise<any>

const json = (value: unknown) => Buffer.from(JSON.stringify(value))
const JSON_HEADERS = { "Content-Type": "application/json" }

export const makeConversation = () => {
  const ledger = new MessageLedger(PEOPLE, JOIN_CHAT)
  const busy = new Set<number>()
  let turn = 0
  let written = 0
  let notes = 0
  let link = ""
  let offset = 0
  let polling: Promise<void> = Promise.resolve()

  /** A person doing nothing now (round robin), held until `done`. */
  const takePerson = (): number => {
    for (let tried = 0; tried < PEOPLE.length; tried++) {
      const person = PEOPLE[turn++ % PEOPLE.length]!
      if (!busy.has(person)) {
        busy.add(person)
        return person
      }
    }
    throw new Error("soak: every person is busy (more requests in flight than people)")
  }

  /** The next poll waits for the one before: the offset it confirms is what that one got. */
  const poll = async (): Promise<Prepared> => {
    let release!: () => void
    const previous = polling
    polling = new Promise((resolve) => (release = resolve))
    await previous
    return {
      method: "GET",
      path: pollPath(offset),
      onAnswer: (_status, body) => {
        for (const update of Array.isArray(body?.result) ? body.result : []) {
          ledger.received(update)
          offset = Math.max(offset, update.update_id + 1)
        }
      },
      done: release
    }
  }

  const lanes: ReadonlyArray<Lane> = [
    {
      name: "a person writes to the bot (control API)",
      weight: 4,
      status: 200,
      request: () => {
        const person = takePerson()
        const text = `soak message ${++written}`
        return {
          method: "POST",
          path: `/__mock/users/${person}/send`,
          headers: JSON_HEADERS,
          body: json({ text }),
          onAnswer: (status, body) => {
            if (status !== 200) return
            ledger.personSent({ chatId: body.result.chat.id, messageId: body.result.message_id, text, fromBot: false })
          },
          done: () => busy.delete(person)
        }
      }
    },
    {
      name: "a person joins or leaves the group through the link (control API)",
      weight: 2,
      status: 200,
      request: () => {
        const person = takePerson()
        const leaving = ledger.isIn(person)
        return {
          method: "POST",
          path: `/__mock/users/${person}/${leaving ? "leave" : "join"}`,
          headers: JSON_HEADERS,
          body: json(leaving ? { chat_id: JOIN_CHAT } : { invite_link: link }),
          onAnswer: (status) => {
            if (status === 200) ledger.acted(person, leaving ? "left" : "member")
          },
          done: () => busy.delete(person)
        }
      }
    },
    { name: "the bot polls (getUpdates, one at a time, offset confirmed)", weight: 4, status: 200, request: poll },
    {
      name: "the bot replies in the person's chat (sendMessage)",
      weight: 4,
      status: 200,
      request: () => {
        const to = ledger.nextToAnswer()
        const chatId = to?.chatId ?? ALICE
        const text = to === undefined ? `soak note ${++notes}` : `re: ${to.text}`
        return {
          method: "POST",
          path: `/bot${TOKEN}/sendMessage`,
          headers: JSON_HEADERS,
          body: json({
            chat_id: chatId,
            text,
            ...(to === undefined ? {} : { reply_parameters: { message_id: to.messageId } })
          }),
          onAnswer: (status, body) => {
            if (status !== 200) return
            ledger.botSent({
              chatId: body.result.chat.id,
              messageId: body.result.message_id,
              text,
              fromBot: true,
              replyTo: to?.messageId
            })
          }
        }
      }
    }
  ]

  /**
   * Before the run: the people; the link they join through (not the primary link, which other lanes revoke); and the
   * bot's allowed_updates, set by a first poll: chat_member is not among the default kinds, and an update made before
   * the bot asked for its kind is never queued (as Telegram does).
   */
  const setUp = async (call: Call): Promise<void> => {
    for (const id of PEOPLE) await call("POST", "/__mock/users", { id, first_name: `Soak ${id}` })
    link = (await call("POST", `/bot${TOKEN}/createChatInviteLink`, { chat_id: JOIN_CHAT, name: "soak" })).invite_link
    const queued = await call("GET", pollPath(0))
    if (queued.length > 0) throw new Error(`soak: the bot has ${queued.length} updates queued before the run`)
  }

  /** After the run: every update still queued is polled, then the chats and the members' list are read back. */
  const finish = async (call: Call) => {
    await polling
    for (let polls = 0; polls < 10_000; polls++) {
      const updates = await call("GET", pollPath(offset)) as Array<any>
      const before = offset
      for (const update of updates) {
        ledger.received(update)
        offset = Math.max(offset, update.update_id + 1)
      }
      // Done when a poll brings nothing new (a faulty server may keep handing back what was confirmed).
      if (offset === before) break
    }
    const chats = new Map<number, ReadonlyArray<any>>()
    for (const chatId of ledger.chats()) {
      chats.set(chatId, await call("GET", `/__mock/chats/${chatId}/messages?bot_id=${BOT_ID}`))
    }
    const world = await call("GET", "/__mock/world") as { chats: Array<{ id: number; members: Array<any> }> }
    const inChat = world.chats.find((c) => c.id === JOIN_CHAT)!.members
      .filter((m) => ["creator", "administrator", "member"].includes(m.status) || m.is_member === true)
      .map((m) => m.user_id as number)
    return ledger.finish({ chats, members: new Set(inChat) })
  }

  return { ledger, lanes, setUp, finish }
}
