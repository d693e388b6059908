/**
 * Loggers as the Effect 3 edition's tests install them: `Logger.replace` of the default logger, log levels as
 * `LogLevel` values (labels `WARN`, `INFO`, …), annotations and spans handed to the logger. The Effect 4 edition's file
 * of the same name uses `Logger.layer` and reads annotations and spans from the fiber's references.
 */
import { type Cause, type Effect, type Layer, Logger, LogLevel } from "effect"

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
  Logger.replace(
    Logger.defaultLogger,
    Logger.make(({ annotations, cause, logLevel, message, spans }) =>
      write({ message, level: logLevel.label, annotations: [...annotations], spans: [...spans], cause })
    )
  )

/** Runs `effect` with every level logged, down to the lowest. */
export const withAllLogLevels = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Logger.withMinimumLogLevel(effect, LogLevel.All)

/** The console logger of a worker process: logfmt lines, errors and warnings on stderr. */
export const consoleLogfmtLayer: Layer.Layer<never> = Logger.replace(
  Logger.defaultLogger,
  Logger.withLeveledConsole(Logger.logfmtLogger)
)
