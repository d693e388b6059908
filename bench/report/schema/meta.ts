/**
 * What every results file starts with (bench/results.ts, scripts/provenance.mjs), and how a results file's schema is
 * made: its meta and its samples, nothing else. Decoding refuses any field a schema does not name, so a file cannot
 * carry a figure or a verdict of its own beside its samples: the report computes them all.
 */
import { Either, ParseResult, Schema } from "effect"

export const Meta = Schema.Struct({
  section: Schema.String,
  command: Schema.String,
  quick: Schema.Boolean,
  /** When the run ended (ISO 8601, UTC). */
  date: Schema.String,
  /** The commit measured; null when not recorded (files written before the commit was). */
  commit: Schema.NullOr(Schema.String),
  /** Whether the tree differed from that commit; null when not recorded. */
  dirty: Schema.NullOr(Schema.Boolean),
  cpu: Schema.String,
  nproc: Schema.Number,
  node: Schema.String,
  /** The 1-minute load average before and after the run: other work on the machine skews absolute figures. */
  loadAverage: Schema.Struct({ before: Schema.Number, after: Schema.Number }),
  seconds: Schema.Number
})
export type Meta = typeof Meta.Type

/** The schema of a results file: the meta, then the samples' fields. */
export const resultOf = <F extends Schema.Struct.Fields>(fields: F) => Schema.Struct({ ...Meta.fields, ...fields })

/** Decodes a results file, refusing fields its schema does not name; the error names the file and the field. */
export const decodeResult = <A, I>(schema: Schema.Schema<A, I>, file: string, json: unknown): A => {
  const decoded = Schema.decodeUnknownEither(schema, { onExcessProperty: "error", errors: "all" })(json)
  if (Either.isRight(decoded)) return decoded.right
  const problems = ParseResult.ArrayFormatter.formatErrorSync(decoded.left)
    .map((issue) => `  ${issue.path.join(".")}: ${issue.message}`)
  throw new Error(`bench/results/${file}.json holds more, or other, than its samples:\n${problems.join("\n")}`)
}

export const Counts = Schema.Struct({ covered: Schema.Number, total: Schema.Number })
