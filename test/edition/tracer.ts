/**
 * A tracer as Effect 3 makes it: `Tracer.make` hands the span's parts to `span` one by one (the annotations under the
 * name `context`), and asks for a `context` function. The Effect 4 edition's file of the same name hands one object.
 */
import { type Context, type Option, Tracer } from "effect"

/** What a tracer is told when a span starts. */
export interface SpanStart {
  readonly name: string
  readonly parent: Option.Option<Tracer.AnySpan>
  readonly annotations: Context.Context<never>
  readonly links: ReadonlyArray<Tracer.SpanLink>
  readonly startTime: bigint
  readonly kind: Tracer.SpanKind
}

/** A tracer whose spans are made by `span`. */
export const makeTracer = (span: (start: SpanStart) => Tracer.Span): Tracer.Tracer =>
  Tracer.make({
    span: (name, parent, annotations, links, startTime, kind) =>
      span({ name, parent, annotations, links, startTime, kind }),
    context: (f) => f()
  })
