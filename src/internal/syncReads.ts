/**
 * The fast path's synchronous reads of the in-memory flood gate and migration registry, kept off their public
 * service interfaces: the in-memory services carry them under a symbol, and only the policy's interpreter reads them
 * (a gate or a registry written by hand, or over Redis, has none and is read through its Effects).
 *
 * @internal
 */
const SyncReadsTypeId: unique symbol = Symbol.for("effect-telegram-invite/SyncReads")

/** The deadline of a gate's scope, read without an Effect (`undefined`: open at `now`). */
export type ClosedUntil = (scope: string, now: number) => number | undefined

/** The id a chat moved to, read without an Effect (`undefined`: none recorded). */
export type MovedTo<Id> = (from: Id) => Id | undefined

/** `service` carrying `read`. */
export const withSyncRead = <S extends object, Read>(service: S, read: Read): S =>
  Object.defineProperty(service, SyncReadsTypeId, { value: read, enumerable: false })

/** The synchronous read a service carries, if any. */
export const syncReadOf = <Read>(service: object): Read | undefined =>
  (service as { readonly [SyncReadsTypeId]?: Read })[SyncReadsTypeId]
