/**
 * How a mock reports a defect of its own (Defects.ts): the request journaled as a 500 with `fault: "defect"` (its
 * method and bot, never a token), then the exception rethrown ("throw") or answered as a 500 with a one-line report
 * ("answer"). Kept out of the facade so that it stays a list of operations.
 */
import { describeRequest } from "./api/router.js"
import type { DefectMode } from "./Defects.js"
import { errorLine } from "./internal/guard.js"
import type { WireRequest, WireResponse } from "./Wire.js"
import type { World } from "./world/World.js"

/** Journals the defect of `request` in `world`; then rethrows it ("throw") or answers 500 ("answer"). */
export const reportDefect = (world: World, request: WireRequest, error: unknown, mode: DefectMode): WireResponse => {
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
