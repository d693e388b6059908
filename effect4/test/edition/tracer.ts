/**
 * A tracer as Effect 4 makes it: `Tracer.make` hands the span's parts to `span` as one object. The Effect 3 edition's
 * file of the same name hands them one by one.
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
export const makeTracer = (span: (start: SpanStart) => Tracer.Span): Tracer.Tracer => Tracer.make({ span })
