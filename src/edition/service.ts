/**
 * Services as the Effect 3 edition declares them (`Context.Tag`) and reads them (`Effect.flatMap(tag, …)`), and
 * layers that own resources (`Layer.scoped`).
 *
 * @internal
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"

/** The base class of a service declared as `class X extends Service<X, Shape>()("id") {}`. */
export const Service = <Self, Shape>() => <const Id extends string>(id: Id): Context.TagClass<Self, Id, Shape> =>
  Context.Tag(id)<Self, Shape>()

/** Runs `f` with the service of `tag`. */
export const withService = <I, S, A, E, R>(
  tag: Context.Tag<I, S>,
  f: (service: S) => Effect.Effect<A, E, R>
): Effect.Effect<A, E, R | I> => Effect.flatMap(tag, f)

/** A layer whose service owns resources released when the layer's scope closes. */
export const scopedLayer = <I, S, E, R>(
  tag: Context.Tag<I, S>,
  make: Effect.Effect<S, E, R>
): Layer.Layer<I, E, Exclude<R, Scope.Scope>> => Layer.scoped(tag, make)
