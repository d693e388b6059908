/** `tg-invite`: export Telegram invite links from the command line (see `tg-invite --help`). */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Effect from "effect/Effect"
import { layerProcess } from "../CliOutput.js"
import { run } from "../TgInvite.js"

// A reader that goes away (`tg-invite export … | head -c 0`) is not an error of ours: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0)
    throw error
  })
}

run(process.argv.slice(2)).pipe(
  Effect.flatMap((code) => Effect.sync(() => void (process.exitCode = code))),
  Effect.provide(layerProcess),
  NodeRuntime.runMain({ disableErrorReporting: false })
)
