/**
 * Services as the Effect 4 edition declares them (`Context.Service`) and reads them (`tag.use`), and layers that own
 * resources (`Layer.effect`, scoped by the layer).
 *
 * @internal
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"

/** The base class of a service declared as `class X extends Service<X, Shape>()("id") {}`. */
export const Service = <Self, Shape>() => <const Id extends string>(id: Id) => Context.Service<Self, Shape>()(id)

/** Runs `f` with the service of `tag`. */
export const withService = <I, S, A, E, R>(
  tag: Context.Service<I, S>,
  f: (service: S) => Effect.Effect<A, E, R>
): Effect.Effect<A, E, R | I> => tag.use(f)

/** A layer whose service owns resources released when the layer's scope closes. */
export const scopedLayer = <I, S, E, R>(
  tag: Context.Key<I, S>,
  make: Effect.Effect<S, E, R>
): Layer.Layer<I, E, Exclude<R, Scope.Scope>> => Layer.effect(tag, make)
