/**
 * Loggers as the Effect 4 edition's tests install them: `Logger.layer` (replacing the loggers), log levels as names
 * (`"Warn"`, read here in upper case as Effect 3 labels them), annotations and spans read from the fiber's
 * references. The Effect 3 edition's file of the same name uses `Logger.replace` and `LogLevel` values.
 */
import { type Cause, Effect, type Layer, Logger, References } from "effect"

/** One line as a test's logger sees it. */
export interface LogLine {
  readonly message: unknown
  /** The level's label, upper case: `WARN`, `INFO`, `ERROR`, … */
  readonly level: string
  readonly annotations: unknown
  readonly spans: unknown
  readonly cause: Cause.Cause<unknown>
}

/** A layer replacing the default logger with one that hands each line to `write`. */
export const loggerLayer = (write: (line: LogLine) => void): Layer.Layer<never> =>
  Logger.layer([
    Logger.make(({ cause, fiber, logLevel, message }) =>
      write({
        message,
        level: logLevel.toUpperCase(),
        annotations: fiber.getRef(References.CurrentLogAnnotations),
        spans: fiber.getRef(References.CurrentLogSpans),
        cause
      })
    )
  ])

/** Runs `effect` with every level logged, down to the lowest. */
export const withAllLogLevels = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.provideService(effect, References.MinimumLogLevel, "All")

/** The console logger of a worker process: logfmt lines on stderr. */
export const consoleLogfmtLayer: Layer.Layer<never> = Logger.layer([Logger.withConsoleError(Logger.formatLogFmt)])
