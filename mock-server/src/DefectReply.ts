/**
 * How the facade answers a defect (an unexpected exception of the mock): the journal entry (the method and bot, never
 * a token), then the exception rethrown (mode "throw") or a 500 with a one-line report (mode "answer").
 */
import { describeRequest } from "./api/router.js"
import type { DefectMode } from "./Defects.js"
import { errorLine } from "./internal/guard.js"
import type { WireRequest, WireResponse } from "./Wire.js"
import type { World } from "./world/World.js"

/** Journals the defect and answers it as the mode says (throws in mode "throw"). */
export const defectReply = (world: World, mode: DefectMode, request: WireRequest, error: unknown): WireResponse => {
  let what: { method: string; botId: number | null } = { method: "(unreadable request)", botId: null }
  try {
    what = describeRequest(world, request)
    world.journal.record({
      at: world.clock.now(),
      bot_id: what.botId,
      method: what.method,
      status: 500,
      fault: "defect"
    })
  } catch {
    // The journal or the clock failing too must not hide the first defect.
  }
  if (mode === "throw") throw error
  const message = errorLine(error)
  return {
    _tag: "Json",
    status: 500,
    body: `{"ok":false,"error_code":500,"description":${JSON.stringify(`Internal Server Error: ${message}`)}}`,
    defect: `defect in ${what.method}: ${message}`
  }
}
