/**
 * The mock Telegram Bot API: one stateful world and the rules of the real server's wire protocol, as a function from
 * a request to a response. No I/O and synchronous: the MSW handlers, the standalone HTTP server and the Effect
 * HttpClient are thin adapters over `handle`; what needs time (long polls, absorbed flood waits, webhook retries) runs
 * on the mock's clock, and webhook deliveries go through a deliverer the mock is given. This class is a facade; the
 * world lives in `world/`, the Bot API in `api/`, the people in `people/`, the control API in `control/`.
 */
import { answerApi, describeRequest, runWebhookReply } from "./api/router.js"
import type { ControlTarget } from "./control/common.js"
import { answerControl, isControlTarget } from "./control/router.js"
import { defaultWorld } from "./DefaultWorld.js"
import { defaultDefectMode, type DefectMode } from "./Defects.js"
import { announceUpgrade } from "./events/announce.js"
import { decodeContentEncoding } from "./internal/ContentEncoding.js"
import { errorLine, guardResponse } from "./internal/guard.js"
import { decodeFault, decodeFloodLimits } from "./internal/worldSchemas.js"
import { type MockClock, systemClock } from "./MockClock.js"
import { MockInputError } from "./MockInputError.js"
import { defaultUpdateOptions, type MockTelegramOptions, orThrow } from "./MockOptions.js"
import type { JoinOutcome } from "./people/joins.js"
import * as People from "./people/operations.js"
import type { WireRequest, WireResponse } from "./Wire.js"
import { chatByReference, upgradeGroup } from "./world/chats.js"
import { disposeWorld } from "./world/dispose.js"
import { findLink, primaryLink } from "./world/inviteLinks.js"
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
      }
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

  /** Back to the world the mock started with (faults, limits, journal, updates and webhooks included). */
  reset(): void {
    disposeWorld(this.current)
    this.current = this.fresh(this.initial)
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
  }

  /** Upgrades a basic group to a supergroup (its bots get the migrate messages); returns the supergroup's id. */
  upgradeGroup(chatId: number): number {
    const world = this.current
    const result = upgradeGroup(world, chatId)
    if (typeof result === "string") throw new MockInputError([`chat_id: cannot upgrade: ${result}`])
    const group = world.chats.get(chatId)!
    const creator = [...group.members].find(([, member]) => member.status === "creator")?.[0]
    announceUpgrade(world, group, world.chats.get(result)!, creator ?? world.bots[0]?.user_id ?? 0)
    return result
  }

  /** The next `times` calls of `method` (optionally for one chat) get `reply` instead of the normal answer. */
  injectFault(fault: FaultInput): void {
    this.current.faults.add(orThrow(decodeFault(fault)))
  }

  /** Drops every pending fault. */
  clearFaults(): void {
    this.current.faults.clear()
  }

  /** The flood limits in force (copies). */
  floodLimits(): Array<FloodLimit> {
    return this.current.flood.limits()
  }

  /** Replaces the flood limits (and forgets the calls counted so far). Throws MockInputError naming each bad field. */
  setFloodLimits(limits: ReadonlyArray<FloodLimit>): void {
    this.current.flood.setLimits(orThrow(decodeFloodLimits(limits)))
  }

  /** The requests answered so far, oldest first (copies; bounded by `caps.journalSize`). */
  journal(): Array<JournalEntry> {
    return this.current.journal.entries()
  }

  /** Adds a person: `{ id, first_name, last_name?, username? }`; returns the User. */
  addUser(input: { id: number; first_name: string; last_name?: string; username?: string }): User {
    return People.addUser(this.current, input)
  }

  /** A person sends a message (`{ text, chat_id?, bot_id?, reply_to_message_id? }`); returns the Message. */
  send(userId: number, input: { text: string; chat_id?: number; bot_id?: number; reply_to_message_id?: number }) {
    return People.send(this.current, userId, input) as Record<string, unknown>
  }

  /** A person presses an inline button (`{ message_id, data, chat_id?, bot_id? }`): a callback_query to the bot. */
  press(userId: number, input: { message_id: number; data: string; chat_id?: number; bot_id?: number }) {
    return People.pressButton(this.current, userId, input)
  }

  /** A person opens an invite link: member, requested, or what Telegram tells them (never throws for that). */
  join(userId: number, input: { invite_link: string; pay_stars?: boolean }): JoinOutcome {
    return People.join(this.current, userId, input)
  }

  /** A person leaves a chat. */
  leave(userId: number, input: { chat_id: number }): true {
    return People.leaveChat(this.current, userId, input)
  }

  /** A person blocks a bot (the world's first unless `bot_id` names one). */
  block(userId: number, input: { bot_id?: number } = {}): true {
    return People.blockBot(this.current, userId, input)
  }

  /** An administrator changes a user's standing (the bot's own included); returns the new ChatMember. */
  setMember(chatId: number, userId: number, input: Record<string, unknown>): Record<string, unknown> {
    return People.setMember(this.current, chatId, userId, input) as Record<string, unknown>
  }

  /** A chat's messages as Message objects, oldest first (a private chat: its conversation with `botId`). */
  messages(chatId: number, botId?: number): Array<Record<string, unknown>> {
    return People.chatMessages(this.current, chatId, botId) as Array<Record<string, unknown>>
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
