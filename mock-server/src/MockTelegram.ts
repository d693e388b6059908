/**
 * The mock Telegram Bot API: one stateful world and the rules of the real server's wire protocol, as a function from
 * a request to a response. No I/O and synchronous: the MSW handlers, the standalone HTTP server and the Effect
 * HttpClient are thin adapters over `handle`; what needs time (long polls, absorbed flood waits, webhook retries) runs
 * on the mock's clock, and webhook deliveries go through a deliverer the mock is given. This class is a facade; the
 * world lives in `world/`, the Bot API in `api/`, the people in `people/`, the control API in `control/`.
 */
import type { ChatMember, Message } from "@grammyjs/types"
import { AccountControls } from "./AccountControls.js"
import { answerApi, describeRequest, runWebhookReply } from "./api/router.js"
import type { ControlTarget } from "./control/common.js"
import { answerControl, isControlTarget } from "./control/router.js"
import {
  type BlockInput,
  decodeBlock,
  decodeJoin,
  decodeLeave,
  decodeNewUser,
  decodePress,
  decodeSend,
  decodeStanding,
  type JoinInput,
  type LeaveInput,
  type NewUser,
  type PressInput,
  type SendInput,
  type StandingInput
} from "./decode/control.js"
import { decodeFault, decodeFloodLimits } from "./decode/world.js"
import { defaultWorld } from "./DefaultWorld.js"
import { defaultDefectMode, type DefectMode } from "./Defects.js"
import { announceUpgrade } from "./events/announce.js"
import { decodeContentEncoding } from "./internal/ContentEncoding.js"
import { errorLine, guardResponse } from "./internal/guard.js"
import { type MockClock, systemClock } from "./MockClock.js"
import type { MockActionEvent, MockObserver } from "./MockEvents.js"
import { MockInputError } from "./MockInputError.js"
import { defaultUpdateOptions, type MockTelegramOptions, orThrow } from "./MockOptions.js"
import type { JoinOutcome } from "./people/joins.js"
import * as People from "./people/operations.js"
import type { WireRequest, WireResponse } from "./Wire.js"
import { chatByReference, upgradeGroup } from "./world/chats.js"
import { disposeWorld } from "./world/dispose.js"
import { findLink, primaryLink } from "./world/inviteLinks.js"
import { Observers } from "./world/observers.js"
import { chatData, linkData, makeWorld, snapshotOf } from "./world/snapshot.js"
import { pumpWebhook } from "./world/updates/webhook.js"
import type { WebhookDeliverer } from "./world/updates/webhookTypes.js"
import type { MockEnv, UpdateOptions, World } from "./world/World.js"
import {
  type Chat,
  decodeWorld,
  defaultCaps,
  type FaultInput,
  type FloodLimit,
  type InviteLink,
  type JournalEntry,
  type User,
  type WorldCaps,
  type WorldSnapshot
} from "./WorldSnapshot.js"

export { SERVED_METHODS } from "./api/methods/index.js"
export { MockInputError } from "./MockInputError.js"
export type { MockTelegramOptions, WebhookOptions } from "./MockOptions.js"
export type { JoinOutcome } from "./people/joins.js"

/** The mock Telegram: make one, hand its `handle` to a transport, and drive or inspect it from a test. */
export class MockTelegram implements ControlTarget {
  private initial: WorldSnapshot
  private current: World
  private defects = 0
  private readonly env: MockEnv
  private readonly updateOptions: UpdateOptions
  /** Where the mock reads the time. */
  readonly clock: MockClock
  /** The bounds of everything that grows with traffic. */
  readonly caps: WorldCaps
  /** The value the control API requires in `X-Mock-Control-Token`, if any. */
  readonly controlToken: string | undefined
  /** The defect mode given at `make`; undefined follows the process default. */
  readonly onDefect: DefectMode | undefined
  readonly accounts = new AccountControls(() => this.current) // business connections, managed bots

  private constructor(initial: WorldSnapshot, options: MockTelegramOptions) {
    this.initial = initial
    this.clock = options.clock ?? systemClock
    this.caps = { ...defaultCaps, ...options.caps }
    this.controlToken = options.controlToken
    this.onDefect = options.onDefect
    this.updateOptions = { ...defaultUpdateOptions, ...options.updates }
    this.env = {
      deliver: options.webhooks?.deliver,
      allowHosts: new Set((options.webhooks?.allowHosts ?? []).map((host) => host.toLowerCase())),
      retryCapSeconds: options.webhooks?.retryCapSeconds ?? 60,
      executeReply: (botId, reply) =>
        runWebhookReply(this.current, botId, reply.contentType, reply.body ?? new Uint8Array()),
      onDefect: (error) => {
        this.defect({ method: "POST", target: "/__mock/webhook", body: new Uint8Array() }, error)
      },
      observers: new Observers((error) => this.observerFailed(error))
    }
    this.current = this.fresh(initial)
  }

  private fresh(snapshot: WorldSnapshot): World {
    return makeWorld(snapshot, { clock: this.clock, caps: this.caps, options: this.updateOptions, env: this.env })
  }

  /** A mock on the given world (the default world when absent). Throws MockInputError on a bad world. */
  static make(options: MockTelegramOptions = {}): MockTelegram {
    const decoded = decodeWorld(options.world ?? defaultWorld)
    if (!decoded.ok) throw new MockInputError(decoded.problems)
    return new MockTelegram(decoded.world, options)
  }

  /**
   * Tells `listener` of every request answered, update queued and action on the world from now on (the standalone
   * server's console streams them); returns the function that stops it. Listeners run synchronously and must not
   * throw: one that does is removed and counted as a defect (rethrown outside the mock in defect mode "throw").
   */
  observe(listener: MockObserver): () => void {
    return this.env.observers.add(listener)
  }

  /** Back to the world the mock started with (faults, limits, journal, updates and webhooks included). */
  reset(): void {
    disposeWorld(this.current)
    this.current = this.fresh(this.initial)
    this.told("reset")
  }

  /** The whole world in the world-file format: a deep copy. */
  snapshot(): WorldSnapshot {
    return snapshotOf(this.current)
  }

  /** Replaces the whole world (and what reset goes back to). Throws MockInputError naming each bad field. */
  replaceWorld(input: unknown): void {
    const decoded = decodeWorld(input)
    if (!decoded.ok) throw new MockInputError(decoded.problems)
    this.initial = decoded.world
    disposeWorld(this.current)
    this.current = this.fresh(decoded.world)
    this.told("replace_world")
  }

  /** Upgrades a basic group to a supergroup (its bots get the migrate messages); returns the supergroup's id. */
  upgradeGroup(chatId: number): number {
    const world = this.current
    return this.acted(() => {
      const result = upgradeGroup(world, chatId)
      if (typeof result === "string") throw new MockInputError([`chat_id: cannot upgrade: ${result}`])
      const group = world.chats.get(chatId)!
      const creator = [...group.members].find(([, member]) => member.status === "creator")?.[0]
      announceUpgrade(world, group, world.chats.get(result)!, creator ?? world.bots[0]?.user_id ?? 0)
      return result
    }, (result) => ({ action: "upgrade", chat_id: chatId, result: String(result) }))
  }

  /** The next `times` calls of `method` (optionally for one chat) get `reply` instead of the normal answer. */
  injectFault(fault: FaultInput): void {
    const decoded = orThrow(decodeFault(fault))
    this.current.faults.add(decoded)
    this.told("inject_fault", {
      ...(typeof decoded.chat_id === "number" ? { chat_id: decoded.chat_id } : {}),
      text: decoded.method,
      result: `${JSON.stringify(decoded.reply)} ×${decoded.times}`
    })
  }

  /** Drops every pending fault. */
  clearFaults(): void {
    this.current.faults.clear()
    this.told("clear_faults")
  }

  /** The flood limits in force (copies). */
  floodLimits(): Array<FloodLimit> {
    return this.current.flood.limits()
  }

  /** Replaces the flood limits (and forgets the calls counted so far). Throws MockInputError naming each bad field. */
  setFloodLimits(limits: ReadonlyArray<FloodLimit>): void {
    const decoded = orThrow(decodeFloodLimits(limits))
    this.current.flood.setLimits(decoded)
    this.told("set_flood_limits", { result: `${decoded.length} limit${decoded.length === 1 ? "" : "s"}` })
  }

  /** The requests answered so far, oldest first (copies; bounded by `caps.journalSize`). */
  journal(): Array<JournalEntry> {
    return this.current.journal.entries()
  }

  /** Adds a person: `{ id, first_name, last_name?, username? }`; returns the User. */
  addUser(input: NewUser): User {
    const user = orThrow(decodeNewUser(input))
    return this.acted(
      () => People.addUser(this.current, user),
      (user) => ({ action: "add_user", user_id: user.id, text: user.first_name })
    )
  }

  /** A person sends a message (`{ text, chat_id?, bot_id?, reply_to_message_id? }`); returns the Message. */
  send(userId: number, input: SendInput): Message {
    const body = orThrow(decodeSend(input))
    return this.acted(
      () => People.send(this.current, userId, body),
      (message) => ({ action: "send", user_id: userId, chat_id: message.chat.id, text: body.text.slice(0, 200) })
    )
  }

  /** A person presses an inline button (`{ message_id, data, chat_id?, bot_id? }`): a callback_query to the bot. */
  press(userId: number, input: PressInput): { callback_query_id: string } {
    const body = orThrow(decodePress(input))
    return this.acted(
      () => People.pressButton(this.current, userId, body),
      () => ({ action: "press", user_id: userId, text: body.data.slice(0, 64) })
    )
  }

  /** A person opens an invite link: member, requested, or what Telegram tells them (never throws for that). */
  join(userId: number, input: JoinInput): JoinOutcome {
    const body = orThrow(decodeJoin(input))
    return this.acted(() => People.join(this.current, userId, body), (outcome) => ({
      action: "join",
      user_id: userId,
      ...(outcome.ok ? { chat_id: outcome.chat_id, result: outcome.status } : { result: outcome.description })
    }))
  }

  /** A person leaves a chat. */
  leave(userId: number, input: LeaveInput): true {
    const body = orThrow(decodeLeave(input))
    return this.acted(
      () => People.leaveChat(this.current, userId, body),
      () => ({ action: "leave", user_id: userId, chat_id: body.chat_id })
    )
  }

  /** A person blocks a bot (the world's first unless `bot_id` names one). */
  block(userId: number, input: BlockInput = {}): true {
    const body = orThrow(decodeBlock(input))
    return this.acted(() => People.blockBot(this.current, userId, body), () => ({ action: "block", user_id: userId }))
  }

  /** An administrator changes a user's standing (the bot's own included); returns the new ChatMember. */
  setMember(chatId: number, userId: number, input: StandingInput): ChatMember {
    const body = orThrow(decodeStanding(input))
    return this.acted(
      () => People.setMember(this.current, chatId, userId, body),
      (member) => ({ action: "set_member", user_id: userId, chat_id: chatId, result: member.status })
    )
  }

  /**
   * An administrator approves a person's pending join request (as a bot would with approveChatJoinRequest): the
   * person becomes a member through the request's link; the bots get the service message and chat_member with
   * `via_join_request`. Returns the new ChatMember. Throws MockInputError when there is no such request.
   */
  approveJoinRequest(chatId: number, userId: number): ChatMember {
    return this.acted(
      () => People.approveJoinRequest(this.current, chatId, userId),
      () => ({ action: "approve_join_request", user_id: userId, chat_id: chatId })
    )
  }

  /** An administrator declines a person's pending join request. Throws MockInputError when there is none. */
  declineJoinRequest(chatId: number, userId: number): true {
    return this.acted(
      () => People.declineJoinRequest(this.current, chatId, userId),
      () => ({ action: "decline_join_request", user_id: userId, chat_id: chatId })
    )
  }

  /** A chat's messages as Message objects, oldest first (a private chat: its conversation with `botId`). */
  messages(chatId: number, botId?: number): Array<Message> {
    return People.chatMessages(this.current, chatId, botId)
  }

  /** A callback query and the bot's answer to it, while it is kept. */
  callbackQuery(
    id: string
  ): { bot_id: number; user_id: number; answer?: { text: string; show_alert: boolean; url: string } } | undefined {
    const query = this.current.callbackQueries.get(id)
    if (query === undefined) return undefined
    const answer = query.answer
    return {
      bot_id: query.botId,
      user_id: query.userId,
      ...(answer !== undefined ? { answer: { text: answer.text, show_alert: answer.showAlert, url: answer.url } } : {})
    }
  }

  /** Sets who delivers webhooks (undefined: updates wait in the queue, counted in pending_update_count). */
  setWebhookDeliverer(deliver: WebhookDeliverer | undefined): void {
    this.env.deliver = deliver
    for (const state of this.current.botStates.values()) pumpWebhook(this.current, state)
  }

  /** The updates a bot has pending (its webhook's in-flight ones included). */
  pendingUpdateCount(botId: number): number {
    return this.current.botStates.get(botId)?.queue.size ?? 0
  }

  /** A chat (by id, or `@username`) in the world-file format: a copy; undefined when the world has none. */
  chat(chatId: number | string): Chat | undefined {
    const chat = chatByReference(this.current, chatId)
    return chat === undefined ? undefined : chatData(chat, this.current)
  }

  /** An invite link in the world-file format (a copy), revoked ones included while they are kept. */
  link(url: string): InviteLink | undefined {
    const link = findLink(this.current, url)
    return link === undefined ? undefined : linkData(link)
  }

  /** The URL of a user's current primary link in a chat (by id or `@username`), if they have one. */
  primaryLink(chatId: number | string, userId: number): string | undefined {
    const chat = chatByReference(this.current, chatId)
    return chat === undefined ? undefined : primaryLink(chat, userId)?.url
  }

  /** How many flood-control counters are alive (bounded by `caps.floodKeys`). */
  get floodCounterCount(): number {
    return this.current.flood.counterCount
  }

  /** How many unexpected exceptions the mock met since it was made (resets keep the count). */
  get defectCount(): number {
    return this.defects
  }

  /** Answers one HTTP request as the real Bot API server would. Throws only a defect, and only in "throw" mode. */
  handle(request: WireRequest): WireResponse {
    try {
      return guardResponse(this.route(request), (error) => this.defect(request, error))
    } catch (error) {
      return this.defect(request, error)
    }
  }

  private route(request: WireRequest): WireResponse {
    if (request.contentEncoding !== undefined) {
      const body = decodeContentEncoding(request.contentEncoding, request.body)
      if (!(body instanceof Uint8Array)) return { _tag: "Bare", status: body.status }
      request = { ...request, body, contentEncoding: undefined }
    }
    return isControlTarget(request.target)
      ? answerControl(this, this.controlToken, request)
      : answerApi(this.current, request)
  }

  /** Runs a person's or an administrator's action, telling the watchers of it before what it caused. */
  private acted<A>(run: () => A, describe: (result: A) => Omit<MockActionEvent, "kind" | "at">): A {
    return this.env.observers.act(run, describe, () => this.clock.now())
  }

  /** Tells the watchers of an action on the world (nothing is built when nobody watches). */
  private told(action: string, fields: Omit<MockActionEvent, "kind" | "at" | "action"> = {}): void {
    const observers = this.env.observers
    if (observers.active) observers.emit({ kind: "action", at: this.clock.now(), action, ...fields })
  }

  /** A watcher threw: it is gone (Observers removed it); counted as a defect, rethrown outside the mock in "throw". */
  private observerFailed(error: unknown): void {
    this.defects++
    if ((this.onDefect ?? defaultDefectMode()) === "throw") {
      queueMicrotask(() => {
        throw error
      })
    }
  }

  /** Counts and journals a defect; then rethrows it ("throw") or answers 500 with a one-line report ("answer"). */
  private defect(request: WireRequest, error: unknown): WireResponse {
    this.defects++
    let what: { method: string; botId: number | null } = { method: "(unreadable request)", botId: null }
    try {
      what = describeRequest(this.current, request)
      this.current.journal.record({
        at: this.clock.now(),
        bot_id: what.botId,
        method: what.method,
        status: 500,
        fault: "defect"
      })
    } catch {
      // The journal or the clock failing too must not hide the first defect.
    }
    if ((this.onDefect ?? defaultDefectMode()) === "throw") throw error
    const message = errorLine(error)
    return {
      _tag: "Json",
      status: 500,
      body: `{"ok":false,"error_code":500,"description":${JSON.stringify(`Internal Server Error: ${message}`)}}`,
      defect: `defect in ${what.method}: ${message}`
    }
  }
}
