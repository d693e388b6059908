/**
 * Runs one of this edition's example programs as its own process (`tsx`, on the suite's Node, from the edition's
 * package, with the given environment added), and waits for it to end.
 */
import { execFile } from "node:child_process"
import { join } from "node:path"
import { examplesDir, packageDir } from "../edition/processes.js"

/** How an example process ended: its exit code, its stdout, and stdout and stderr together. */
export interface ExampleRun {
  readonly code: number
  readonly stdout: string
  readonly output: string
}

/** The arguments of `node` that run the example `file` (e.g. `invite-bot.ts`) from the edition's package. */
export const exampleArgs = (file: string): ReadonlyArray<string> => [
  "--import",
  "tsx",
  "--conditions=effect-telegram-invite-source",
  join(examplesDir, file)
]

/** Runs the example `file` with `env` added to the suite's environment; ends it after `timeoutMs`. */
export const runExample = (file: string, env: Readonly<Record<string, string>>, timeoutMs = 60_000) =>
  new Promise<ExampleRun>((resolve) => {
    execFile(
      process.execPath,
      exampleArgs(file),
      { cwd: packageDir, env: { ...process.env, ...env }, timeout: timeoutMs },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, output: stdout + stderr })
    )
  })
