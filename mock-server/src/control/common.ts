/** What a control route (`/__mock/…`) is, and what it acts on. */
import type { FaultInput, FloodLimit, JournalEntry, WorldSnapshot } from "../WorldSnapshot.js"

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
}

/** One control request, matched to its route. */
export interface ControlRequest {
  readonly mock: ControlTarget
  /** The values of the route's `:name` path segments, as sent. */
  readonly params: Readonly<Record<string, string>>
  /** The body as JSON; throws MockInputError when there is none or it is not JSON. */
  readonly body: () => unknown
}

/** A control route: its result is sent as `{"ok":true,"result":…}`; a MockInputError it throws is a 400. */
export interface ControlRoute {
  readonly method: "GET" | "POST" | "PUT" | "DELETE"
  /** The path, e.g. `/__mock/world` or `/__mock/users/:user_id/send`. */
  readonly path: string
  readonly handle: (request: ControlRequest) => unknown
}
