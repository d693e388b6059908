/** What a control route (`/__mock/…`) is, and what it acts on. */
import type { JoinOutcome } from "../people/joins.js"
import type { FaultInput, FloodLimit, JournalEntry, User, WorldSnapshot } from "../WorldSnapshot.js"

/** The mock's own public operations, which is all a control route may use (they validate their input). */
export interface ControlTarget {
  reset(): void
  snapshot(): WorldSnapshot
  replaceWorld(input: unknown): void
  upgradeGroup(chatId: number): number
  injectFault(fault: FaultInput): void
  clearFaults(): void
  floodLimits(): Array<FloodLimit>
  setFloodLimits(limits: ReadonlyArray<FloodLimit>): void
  journal(): Array<JournalEntry>
  addUser(input: never): User
  send(userId: number, input: never): unknown
  press(userId: number, input: never): { callback_query_id: string }
  join(userId: number, input: never): JoinOutcome
  leave(userId: number, input: never): true
  block(userId: number, input?: never): true
  setMember(chatId: number, userId: number, input: never): unknown
  approveJoinRequest(chatId: number, userId: number): unknown
  declineJoinRequest(chatId: number, userId: number): true
  messages(chatId: number, botId?: number): Array<unknown>
}

/** One control request, matched to its route. */
export interface ControlRequest {
  readonly mock: ControlTarget
  /** The values of the route's `:name` path segments, as sent. */
  readonly params: Readonly<Record<string, string>>
  /** The body as JSON; throws MockInputError when there is none or it is not JSON. */
  readonly body: () => unknown
  /** The body as JSON, undefined when there is none; throws MockInputError when it is not JSON. */
  readonly optionalBody: () => unknown
  /** The query string's parameters. */
  readonly query: URLSearchParams
}

/** A control route's answer that is not a success: the status and description sent as the error envelope. */
export class ControlRefusal {
  constructor(readonly status: number, readonly description: string) {}
}

/** A control route: its result is sent as `{"ok":true,"result":…}`; a MockInputError it throws is a 400. */
export interface ControlRoute {
  readonly method: "GET" | "POST" | "PUT" | "DELETE"
  /** The path, e.g. `/__mock/world` or `/__mock/users/:user_id/send`. */
  readonly path: string
  readonly handle: (request: ControlRequest) => unknown
}
