/** `tg-invite`: export Telegram invite links from the command line (see `tg-invite --help`). */
import { NodeContext, NodeRuntime } from "@effect/platform-node"
import { Effect, Layer } from "effect"
import { layerProcess } from "../CliOutput.js"
import { run } from "../TgInvite.js"

run(process.argv).pipe(
  Effect.provide(Layer.merge(NodeContext.layer, layerProcess)),
  NodeRuntime.runMain({ disableErrorReporting: false })
)
