/** Where the CLI writes: stdout for results only (so it pipes), stderr for everything said to a person. */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { wantsColour } from "./Help.js"

export interface CliOutputService {
  /** Writes to stdout as is. */
  readonly out: (text: string) => Effect.Effect<void>
  /** Writes to stderr as is. */
  readonly err: (text: string) => Effect.Effect<void>
  /** Whether stderr is a terminal (a live countdown) or not (one line per wait). */
  readonly errIsTTY: boolean
  /** Whether what goes to stdout may be coloured: a terminal, and no NO_COLOR. */
  readonly outWantsColour: boolean
}

export class CliOutput extends Context.Tag("effect-telegram-invite/cli/CliOutput")<CliOutput, CliOutputService>() {}

/** The process's own stdout and stderr. */
export const layerProcess: Layer.Layer<CliOutput> = Layer.sync(CliOutput, () => ({
  out: (text) => Effect.sync(() => void process.stdout.write(text)),
  err: (text) => Effect.sync(() => void process.stderr.write(text)),
  errIsTTY: process.stderr.isTTY === true,
  outWantsColour: wantsColour(process.stdout, process.env)
}))

/** Captures what the CLI writes, for tests. */
export const makeCapture = (options: { readonly errIsTTY?: boolean; readonly outWantsColour?: boolean } = {}): {
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
      errIsTTY: options.errIsTTY ?? false,
      outWantsColour: options.outWantsColour ?? false
    }),
    stdout: () => stdout,
    stderr: () => stderr
  }
}
