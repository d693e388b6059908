/** Where the CLI writes: stdout for results only (so it pipes), stderr for everything said to a person. */
import { Context, Effect, Layer } from "effect"

export interface CliOutputService {
  /** Writes to stdout as is. */
  readonly out: (text: string) => Effect.Effect<void>
  /** Writes to stderr as is. */
  readonly err: (text: string) => Effect.Effect<void>
  /** Whether stderr is a terminal (a live countdown) or not (one line per wait). */
  readonly errIsTTY: boolean
}

export class CliOutput extends Context.Tag("effect-telegram-invite/cli/CliOutput")<CliOutput, CliOutputService>() {}

/** The process's own stdout and stderr. */
export const layerProcess: Layer.Layer<CliOutput> = Layer.sync(CliOutput, () => ({
  out: (text) => Effect.sync(() => void process.stdout.write(text)),
  err: (text) => Effect.sync(() => void process.stderr.write(text)),
  errIsTTY: process.stderr.isTTY === true
}))

/** Captures what the CLI writes, for tests. */
export const makeCapture = (options: { readonly errIsTTY?: boolean } = {}): {
  readonly layer: Layer.Layer<CliOutput>
  readonly stdout: () => string
  readonly stderr: () => string
} => {
  let stdout = ""
  let stderr = ""
  return {
    layer: Layer.succeed(CliOutput, {
      out: (text) => Effect.sync(() => void (stdout += text)),
      err: (text) => Effect.sync(() => void (stderr += text)),
      errIsTTY: options.errIsTTY ?? false
    }),
    stdout: () => stdout,
    stderr: () => stderr
  }
}
