/**
 * The mock Telegram Bot API: one stateful world and the rules of the real server's wire protocol, as a function from
 * a request to a response. No I/O and synchronous: the MSW handlers and the standalone HTTP server are thin adapters
 * over `handle`. This class is a facade; the world lives in `world/`, the Bot API in `api/`, the control API in
 * `control/`.
 */
import { answerApi, describeRequest } from "./api/router.js"
import type { ControlTarget } from "./control/common.js"
import { answerControl, isControlTarget } from "./control/router.js"
import { defaultWorld } from "./DefaultWorld.js"
import { defaultDefectMode, type DefectMode } from "./Defects.js"
import { decodeContentEncoding } from "./internal/ContentEncoding.js"
import { withoutTokens } from "./internal/text.js"
import { decodeFault, decodeFloodLimits } from "./internal/validation.js"
import { type MockClock, systemClock } from "./MockClock.js"
import { MockInputError } from "./MockInputError.js"
import type { WireRequest, WireResponse } from "./Wire.js"
import { chatByReference, upgradeGroup } from "./world/chats.js"
import { findLink, primaryLink } from "./world/inviteLinks.js"
import { chatData, linkData, makeWorld, snapshotOf } from "./world/snapshot.js"
import type { World } from "./world/World.js"
import {
  type Chat,
  decodeWorld,
  defaultCaps,
  type FaultInput,
  type FloodLimit,
  type InviteLink,
  type JournalEntry,
  type WorldCaps,
  type WorldSnapshot,
  type WorldSnapshotInput
} from "./WorldSnapshot.js"

export { SERVED_METHODS } from "./api/methods/index.js"
export { MockInputError } from "./MockInputError.js"

/** How to make a mock: its world, clock, bounds, control token and defect mode. */
export interface MockTelegramOptions {
  /** The world to start with (and to go back to on reset); the default world when absent. */
  readonly world?: WorldSnapshotInput | undefined
  /** Where time comes from; real time when absent. */
  readonly clock?: MockClock | undefined
  /** Bounds of the journal, revoked-link history and flood counters. */
  readonly caps?: Partial<WorldCaps> | undefined
  /** When set, the control API (`/__mock/…`) requires this value in `X-Mock-Control-Token`. */
  readonly controlToken?: string | undefined
  /** What an unexpected exception in the mock does; the process default (`setDefaultDefectMode`) when absent. */
  readonly onDefect?: DefectMode | undefined
}

const orThrow = <A>(result: { ok: true; value: A } | { ok: false; problems: ReadonlyArray<string> }): A => {
  if (result.ok) return result.value
  throw new MockInputError(result.problems)
}

/** The mock Telegram: make one, hand its `handle` to a transport, and drive or inspect it from a test. */
export class MockTelegram implements ControlTarget {
  private initial: WorldSnapshot
  private current: World
  private defects = 0
  /** Where the mock reads the time. */
  readonly clock: MockClock
  /** The bounds of the journal, revoked links and flood counters. */
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
    this.current = makeWorld(initial, this.clock, this.caps)
  }

  /** A mock on the given world (the default world when absent). Throws MockInputError on a bad world. */
  static make(options: MockTelegramOptions = {}): MockTelegram {
    const decoded = decodeWorld(options.world ?? defaultWorld)
    if (!decoded.ok) throw new MockInputError(decoded.problems)
    return new MockTelegram(decoded.world, options)
  }

  /** Back to the world the mock started with (faults, limits and journal included). */
  reset(): void {
    this.current = makeWorld(this.initial, this.clock, this.caps)
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
    this.current = makeWorld(decoded.world, this.clock, this.caps)
  }

  /** Upgrades a basic group to a supergroup; returns the supergroup's id. */
  upgradeGroup(chatId: number): number {
    const result = upgradeGroup(this.current, chatId)
    if (typeof result === "string") throw new MockInputError([`chat_id: cannot upgrade: ${result}`])
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

  /** A chat (by id, or `@username`) in the world-file format: a copy; undefined when the world has none. */
  chat(chatId: number | string): Chat | undefined {
    const chat = chatByReference(this.current, chatId)
    return chat === undefined ? undefined : chatData(chat)
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
      return this.guardDelay(request, this.route(request))
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

  /** A delayed reply is built later, outside `handle`'s try: it gets the same guard. */
  private guardDelay(request: WireRequest, response: WireResponse): WireResponse {
    if (response._tag !== "Delay") return response
    const then = response.then
    return {
      _tag: "Delay",
      ms: response.ms,
      then: () => {
        try {
          return this.guardDelay(request, then())
        } catch (error) {
          return this.defect(request, error)
        }
      }
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

/** The first line of an error, without tokens, at most 200 characters; never throws. */
const errorLine = (error: unknown): string => {
  let text: string
  try {
    text = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  } catch {
    text = "unprintable error"
  }
  return withoutTokens(text.split("\n")[0] ?? "").slice(0, 200)
}
