/**
 * A shared flood gate: when Telegram tells one call to wait, the gate for its scope (a chat, or the whole bot) is
 * closed until the same deadline, and other calls for that scope wait for it instead of each hitting the server.
 * Other scopes go on.
 *
 * The service is an interface over two primitives (`close`, `closedUntil`) so that a shared store (e.g. Redis) can
 * implement it; {@link make} derives the waiting from them on Effect's `Clock` (so `TestClock` drives it).
 * Deadlines are epoch milliseconds of that clock.
 *
 * @since 0.1.0
 */
import * as Clock from "effect/Clock"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as ChatId from "./ChatId.js"
import * as Keys from "./core/keys.js"
import { Service } from "./edition/service.js"
import { type ClosedUntil, withSyncRead } from "./internal/syncReads.js"

/**
 * @since 0.1.0
 */
export class FloodGate extends Service<FloodGate, FloodGate.Service>()("effect-telegram-invite/FloodGate") {}

/**
 * @since 0.1.0
 */
export declare namespace FloodGate {
  /**
   * @since 0.1.0
   */
  export interface Service {
    /** Closes `scope` until `until` (epoch ms); an already later deadline is kept. */
    readonly close: (scope: string, until: number) => Effect.Effect<void>
    /** The deadline of `scope` if it is closed now. */
    readonly closedUntil: (scope: string) => Effect.Effect<Option.Option<number>>
    /** Waits until `scope` is open (re-checking if the deadline was pushed back meanwhile). Interruptible. */
    readonly waitIfClosed: (scope: string) => Effect.Effect<void>
  }
}

/**
 * What a scope is: one chat (the default), or the whole bot.
 *
 * @since 0.1.0
 */
export type ScopeKind = Keys.ScopeKind

/**
 * The scope key of a chat. A store shared by several bots must add its own namespace (e.g. a key prefix).
 *
 * @since 0.1.0
 */
export const scopeOf: (kind: ScopeKind, chatId: ChatId.ChatId) => string = Keys.scopeKey

/**
 * Builds a gate from its two primitives; `waitIfClosed` sleeps on the `Clock` until the deadline, then checks again.
 *
 * @since 0.1.0
 */
export const make = (primitives: {
  readonly close: (scope: string, until: number) => Effect.Effect<void>
  readonly closedUntil: (scope: string) => Effect.Effect<Option.Option<number>>
}): FloodGate.Service => {
  const waitIfClosed = (scope: string): Effect.Effect<void> =>
    Effect.gen(function*() {
      while (true) {
        const until = yield* primitives.closedUntil(scope)
        if (Option.isNone(until)) return
        const now = yield* Clock.currentTimeMillis
        if (until.value <= now) return
        yield* Effect.sleep(Duration.millis(until.value - now))
      }
    })
  return FloodGate.of({ close: primitives.close, closedUntil: primitives.closedUntil, waitIfClosed })
}

/**
 * The in-memory gate, with `size` (the number of scopes it holds) so tests can check that nothing is left behind.
 *
 * @since 0.1.0
 */
export interface MemoryGate extends FloodGate.Service {
  readonly size: Effect.Effect<number>
}

const optionOf = <A>(value: A | undefined): Option.Option<A> => value === undefined ? Option.none() : Option.some(value)

/**
 * An in-memory gate for one process. An entry is removed as soon as it is seen expired (by any reader, e.g. the
 * waiters waking up at the deadline), and every `close` sweeps all expired entries, so it only ever holds scopes
 * that are closed now.
 *
 * @since 0.1.0
 */
export const makeMemory: Effect.Effect<MemoryGate> = Effect.sync(() => {
  const deadlines = new Map<string, number>()
  // Read synchronously by the policy's fast path (see `internal/syncReads.ts`).
  const closedAt: ClosedUntil = (scope, now) => {
    const deadline = deadlines.get(scope)
    if (deadline === undefined) return undefined
    if (deadline <= now) {
      deadlines.delete(scope)
      return undefined
    }
    return deadline
  }
  const gate = make({
    close: (scope, until) =>
      Effect.map(Clock.currentTimeMillis, (now) => {
        for (const [key, deadline] of deadlines) {
          if (deadline <= now) deadlines.delete(key)
        }
        const current = deadlines.get(scope)
        if (until > now && (current === undefined || current < until)) deadlines.set(scope, until)
      }),
    closedUntil: (scope) => Effect.map(Clock.currentTimeMillis, (now) => optionOf(closedAt(scope, now)))
  })
  return withSyncRead({ ...gate, size: Effect.sync(() => deadlines.size) }, closedAt)
})

/**
 * The in-memory gate as a layer.
 *
 * @since 0.1.0
 */
export const layerMemory: Layer.Layer<FloodGate> = Layer.effect(FloodGate, makeMemory)
