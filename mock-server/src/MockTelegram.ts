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
import { decodeFault, decodeFloodLimits } from "./decode/world.js"
import { defaultWorld } from "./DefaultWorld.js"
import { defaultDefectMode, type DefectMode } from "./Defects.js"
import { announceUpgrade } from "./events/announce.js"
import { AccountControls, type AccountOperations } from "./facade/accounts.js"
import { type AdminMethods, adminMethods } from "./facade/admin.js"
import { type InlineMethods, inlineMethods } from "./facade/inline.js"
import { type FacadeInternals, type HasInternals, INTERNALS } from "./facade/internals.js"
import { type MessageActionMethods, messageActionMethods } from "./facade/messageActions.js"
import { type PaymentMethods, paymentMethods } from "./facade/payments.js"
import { type PeopleMethods, peopleMethods } from "./facade/people.js"
import { type PeopleMediaMethods, peopleMediaMethods } from "./facade/peopleMedia.js"
import { type ReadMethods, readMethods } from "./facade/reads.js"
import { decodeContentEncoding } from "./internal/ContentEncoding.js"
import { errorLine, guardResponse } from "./internal/guard.js"
import { type MockClock, systemClock } from "./MockClock.js"
import type { MockActionEvent, MockObserver } from "./MockEvents.js"
import { MockInputError } from "./MockInputError.js"
import { defaultUpdateOptions, type MockTelegramOptions, orThrow } from "./MockOptions.js"
import type { WireRequest, WireResponse } from "./Wire.js"
import { upgradeGroup } from "./world/chats.js"
import { disposeWorld } from "./world/dispose.js"
import { Observers } from "./world/observers.js"
import { makeWorld, snapshotOf } from "./world/snapshot.js"
import { pumpWebhook } from "./world/updates/webhook.js"
import type { WebhookDeliverer } from "./world/updates/webhookTypes.js"
import type { MockEnv, UpdateOptions, World } from "./world/World.js"
import {
  decodeWorld,
  defaultCaps,
  type FaultInput,
  type FloodLimit,
  type WorldCaps,
  type WorldSnapshot
} from "./WorldSnapshot.js"

export { SERVED_METHODS } from "./api/methods/index.js"
export type { AdminMethods } from "./facade/admin.js"
export type { MessageActionMethods } from "./facade/messageActions.js"
export type { PaymentMethods } from "./facade/payments.js"
export type { PeopleMethods } from "./facade/people.js"
export type { PeopleMediaMethods } from "./facade/peopleMedia.js"
export type { After, CallbackQueryState, ReadMethods } from "./facade/reads.js"
export { MockInputError } from "./MockInputError.js"
export type { MockTelegramOptions, WebhookOptions } from "./MockOptions.js"
export type { BotProfileData } from "./people/botView.js"
export type { JoinOutcome } from "./people/joins.js"

/**
 * The mock Telegram: make one, hand its `handle` to a transport, and drive or inspect it from a test. Its people,
 * administrator and read methods are declared in facade/ (PeopleMethods, AdminMethods, ReadMethods) and merged in.
 */
// The merged interface below declares the method groups that the Object.assign at the end of this file puts on the
// prototype, so every member it declares exists at run time.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class MockTelegram implements ControlTarget, HasInternals {
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
      },
      observers: new Observers((error) => this.observerFailed(error)),
      nextUpdateIds: new Map()
    }
    this.current = this.fresh(initial)
  }

  /** Business connections and managed bots: what people do to a bot's accounts outside the Bot API. */
  readonly accounts: AccountOperations = new AccountControls(() => this.current)

  /** What the method groups of facade/ reach (behind a symbol the package does not export). */
  readonly [INTERNALS]: FacadeInternals = {
    world: () => this.current,
    acted: (run, describe) => this.acted(run, describe),
    told: (action, fields) => this.told(action, fields)
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

  /** Sets who delivers webhooks (undefined: updates wait in the queue, counted in pending_update_count). */
  setWebhookDeliverer(deliver: WebhookDeliverer | undefined): void {
    this.env.deliver = deliver
    for (const state of this.current.botStates.values()) pumpWebhook(this.current, state)
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
      ? answerControl(this, this.controlToken, request, this.caps.uploadBytes)
      : answerApi(this.current, request)
  }

  /** Runs a person's or an administrator's action, telling the watchers of it before what it caused. */
  private acted<A>(run: () => A, describe: (result: A) => Omit<MockActionEvent, "kind" | "at" | "seq">): A {
    return this.env.observers.act(run, describe, () => this.clock.now())
  }

  /** Tells the watchers of an action on the world, and keeps it in the history. */
  private told(action: string, fields: Omit<MockActionEvent, "kind" | "at" | "action" | "seq"> = {}): void {
    const observers = this.env.observers
    observers.record({ kind: "action", seq: observers.nextSeq(), at: this.clock.now(), action, ...fields })
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
        seq: 0,
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

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface MockTelegram
  extends
    PeopleMethods,
    PeopleMediaMethods,
    MessageActionMethods,
    AdminMethods,
    ReadMethods,
    InlineMethods,
    PaymentMethods
{}
Object.assign(
  MockTelegram.prototype,
  peopleMethods,
  peopleMediaMethods,
  messageActionMethods,
  adminMethods,
  readMethods,
  inlineMethods,
  paymentMethods
)
