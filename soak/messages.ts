/**
 * The soak's ledger of messages (soak/conversation.ts feeds it): every message a person sends is remembered by its
 * chat and id, every update the bot receives is checked against it, and every message the bot sends is remembered
 * too. At the end, with the chats as the mock shows them and the members' list: each message a person sent reached
 * the bot exactly once and in its chat's order, no update came back after it was confirmed, each message (the
 * person's and the bot's reply) is in its chat, and each join and leave through the link shows in the chat_member
 * updates, in the join notices and in the members' list. Pure: no I/O, so that a test can feed it a broken run.
 */

/** A message the soak sent: a person's, or the bot's (a reply to a person's, when `replyTo` is set). */
export interface SentMessage {
  readonly chatId: number
  readonly messageId: number
  readonly text: string
  readonly fromBot: boolean
  readonly replyTo?: number | undefined
}

/** A person's membership action through the link, and what its updates say. */
type Standing = "member" | "left"

/** The counts the soak records (bench/report/schema/checks.ts, SoakMessages): the problems must be 0. */
export interface LedgerCounts {
  readonly people: number
  readonly sent: number
  readonly delivered: number
  readonly undelivered: number
  readonly duplicated: number
  readonly unknown: number
  readonly outOfOrder: number
  readonly replayedUpdates: number
  readonly botMessages: number
  readonly notInChat: number
  readonly joins: number
  readonly leaves: number
  readonly memberUpdates: number
  readonly memberUpdatesWrong: number
  readonly membersWrong: number
}

/** What the mock shows at the end: each chat's messages (oldest first) and who is in the chat people join. */
export interface FinalState {
  readonly chats: ReadonlyMap<number, ReadonlyArray<any>>
  readonly members: ReadonlySet<number>
}

/** How many messages the mock keeps per chat (its `messagesPerChat` cap, 1000 by default): older ones are gone. */
export const MESSAGES_KEPT_PER_CHAT = 1000

const key = (chatId: number, messageId: number) => `${chatId}:${messageId}`

export class MessageLedger {
  /** Per chat, the people's messages in the order sent (one person writes one message at a time). */
  private readonly sentByChat = new Map<number, Array<SentMessage>>()
  private readonly byKey = new Map<string, { readonly message: SentMessage; readonly index: number }>()
  private readonly deliveredKeys = new Set<string>()
  /** Per chat, the index (in sending order) of the message delivered last. */
  private readonly lastDelivered = new Map<number, number>()
  private readonly botSentByChat = new Map<number, Array<SentMessage>>()
  /** Received, not yet answered by the bot (the reply lane takes them in order). */
  private readonly toAnswer: Array<SentMessage> = []
  /** Messages received before the answer to their sending came back (matched when it does), by chat and id. */
  private readonly early = new Map<string, Array<any>>()
  /** Per person: the joins and leaves made, and what the chat_member updates and the join notices said. */
  private readonly actions = new Map<number, Array<Standing>>()
  private readonly memberUpdates = new Map<number, Array<Standing>>()
  private readonly notices = new Map<number, Array<Standing>>()
  private lastUpdateId = -Infinity
  private sent = 0
  private botMessages = 0
  private duplicated = 0
  private unknown = 0
  private outOfOrder = 0
  private replayedUpdates = 0
  private memberUpdateCount = 0
  readonly details: Array<string> = []
  private readonly detailsByKind = new Map<string, number>()

  constructor(readonly people: ReadonlyArray<number>, readonly joinChatId: number) {}

  /** A person's message the mock accepted (its answer: the Message). */
  personSent(message: SentMessage): void {
    const list = this.sentByChat.get(message.chatId) ?? []
    this.sentByChat.set(message.chatId, list)
    const k = key(message.chatId, message.messageId)
    this.byKey.set(k, { message, index: list.length })
    list.push(message)
    this.sent++
    // The bot may have polled it before the person's answer came back.
    const early = this.early.get(k)
    this.early.delete(k)
    for (const update of early ?? []) this.message(update)
  }

  /** A message the bot sent (sendMessage's answer). */
  botSent(message: SentMessage): void {
    const list = this.botSentByChat.get(message.chatId) ?? []
    this.botSentByChat.set(message.chatId, list)
    list.push(message)
    this.botMessages++
  }

  /** A join (`member`) or leave (`left`) through the link, as the mock answered it. */
  acted(userId: number, standing: Standing): void {
    this.actions.set(userId, [...(this.actions.get(userId) ?? []), standing])
  }

  /** Whether the person is in the chat, by their last join or leave. */
  isIn(userId: number): boolean {
    return this.actions.get(userId)?.at(-1) === "member"
  }

  /** The chats the soak sent messages in (people's and the bot's). */
  chats(): Array<number> {
    return [...new Set([...this.sentByChat.keys(), ...this.botSentByChat.keys()])]
  }

  /** The oldest message received and not yet answered, if any. */
  nextToAnswer(): SentMessage | undefined {
    return this.toAnswer.shift()
  }

  /** An update the bot received, in the order received. */
  received(update: any): void {
    if (!(update.update_id > this.lastUpdateId)) {
      this.replayedUpdates++
      this.problem(
        "replayed",
        `update ${update.update_id} came after update ${this.lastUpdateId}: handed back once confirmed`
      )
    }
    this.lastUpdateId = Math.max(this.lastUpdateId, update.update_id)
    if (update.message !== undefined) this.message(update.message)
    else if (update.chat_member !== undefined) this.chatMember(update.chat_member)
    else this.unexpected(`update ${update.update_id} of a kind the soak does not make`)
  }

  private message(message: any): void {
    const chatId = message.chat?.id
    if (chatId === this.joinChatId) return this.notice(message)
    const k = key(chatId, message.message_id)
    const entry = this.byKey.get(k)
    if (entry === undefined) {
      this.early.set(k, [...(this.early.get(k) ?? []), message])
      return
    }
    if (entry.message.text !== message.text) {
      return this.unexpected(`message ${message.message_id} in chat ${chatId} (${message.text}) was never sent`)
    }
    if (this.deliveredKeys.has(k)) {
      this.duplicated++
      return this.problem("duplicated", `message ${message.message_id} in chat ${chatId} delivered again`)
    }
    this.deliveredKeys.add(k)
    if (entry.index < (this.lastDelivered.get(chatId) ?? -1)) {
      this.outOfOrder++
      this.problem("order", `message ${message.message_id} in chat ${chatId} delivered after a later one`)
    }
    this.lastDelivered.set(chatId, Math.max(entry.index, this.lastDelivered.get(chatId) ?? -1))
    this.toAnswer.push(entry.message)
  }

  /** A join notice (new_chat_members) or leave notice (left_chat_member) in the chat people join. */
  private notice(message: any): void {
    const joined = (message.new_chat_members ?? []) as Array<{ id: number }>
    for (const user of joined) this.notices.set(user.id, [...(this.notices.get(user.id) ?? []), "member"])
    const left = message.left_chat_member as { id: number } | undefined
    if (left !== undefined) this.notices.set(left.id, [...(this.notices.get(left.id) ?? []), "left"])
    if (joined.length === 0 && left === undefined) this.unexpected(`message ${message.message_id} in the join chat`)
  }

  private chatMember(update: any): void {
    if (update.chat?.id !== this.joinChatId) return this.unexpected(`chat_member in chat ${update.chat?.id}`)
    const userId = update.new_chat_member?.user?.id as number
    const status = update.new_chat_member?.status === "left" ? "left" : "member"
    this.memberUpdates.set(userId, [...(this.memberUpdates.get(userId) ?? []), status])
    this.memberUpdateCount++
  }

  private unexpected(what: string): void {
    this.unknown++
    this.problem("unknown", what)
  }

  /** Keeps the first few details of each kind of problem (the counts say how many there were). */
  private problem(kind: string, detail: string): void {
    const seen = this.detailsByKind.get(kind) ?? 0
    this.detailsByKind.set(kind, seen + 1)
    if (seen < 5) this.details.push(detail)
  }

  /** The counts, with the chats and the members' list as the mock shows them once every update was received. */
  finish(state: FinalState): LedgerCounts {
    for (const messages of this.early.values()) {
      for (const m of messages) {
        this.unexpected(`message ${m.message_id} in chat ${m.chat?.id} (${m.text}) was never sent`)
      }
    }
    this.early.clear()
    let notInChat = 0
    for (const chatId of this.chats()) {
      const expected = [...(this.sentByChat.get(chatId) ?? []), ...(this.botSentByChat.get(chatId) ?? [])]
        .sort((a, b) => a.messageId - b.messageId)
        .slice(-MESSAGES_KEPT_PER_CHAT)
      const shown = new Map((state.chats.get(chatId) ?? []).map((m) => [m.message_id as number, m]))
      for (const message of expected) {
        const seen = shown.get(message.messageId)
        const same = seen !== undefined && seen.text === message.text && seen.from?.is_bot === message.fromBot &&
          seen.reply_to_message?.message_id === message.replyTo
        if (!same) {
          notInChat++
          this.problem("chat", `message ${message.messageId} (${message.text}) is not in chat ${chatId} as sent`)
        }
      }
    }
    const same = (a: ReadonlyArray<Standing> | undefined, b: ReadonlyArray<Standing> | undefined) =>
      JSON.stringify(a ?? []) === JSON.stringify(b ?? [])
    let memberUpdatesWrong = 0
    let membersWrong = 0
    for (const person of this.people) {
      const actions = this.actions.get(person)
      if (!same(actions, this.memberUpdates.get(person)) || !same(actions, this.notices.get(person))) {
        memberUpdatesWrong++
        this.problem(
          "updates",
          `person ${person}: joined and left ${JSON.stringify(actions ?? [])}, updates say ${
            JSON.stringify(this.memberUpdates.get(person) ?? [])
          }, notices ${JSON.stringify(this.notices.get(person) ?? [])}`
        )
      }
      if (this.isIn(person) !== state.members.has(person)) {
        membersWrong++
        this.problem(
          "members",
          `person ${person}: ${this.isIn(person) ? "joined" : "left"}, the members' list says otherwise`
        )
      }
    }
    for (const [chatId, list] of this.sentByChat) {
      for (const message of list) {
        if (!this.deliveredKeys.has(key(chatId, message.messageId))) {
          this.problem(
            "undelivered",
            `message ${message.messageId} (${message.text}) in chat ${chatId} never reached the bot`
          )
        }
      }
    }
    const all = [...this.actions.values()].flat()
    return {
      people: this.people.length,
      sent: this.sent,
      delivered: this.deliveredKeys.size,
      undelivered: this.sent - this.deliveredKeys.size,
      duplicated: this.duplicated,
      unknown: this.unknown,
      outOfOrder: this.outOfOrder,
      replayedUpdates: this.replayedUpdates,
      botMessages: this.botMessages,
      notInChat,
      joins: all.filter((a) => a === "member").length,
      leaves: all.filter((a) => a === "left").length,
      memberUpdates: this.memberUpdateCount,
      memberUpdatesWrong,
      membersWrong
    }
  }
}
