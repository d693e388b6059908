/**
 * A policy's options compiled once into what the interpreter (`policyRun.ts`) runs: the bounds (the core's rules of
 * normalisation, over the core's defaults or a caller's), the backoff, the scope kind, the counters labelled with the
 * method. `Policy.resilient` and `Updates.stream` both compile here.
 *
 * @internal
 */
import * as BotApiMetrics from "../BotApiMetrics.js"
import * as Rules from "../core/policy.js"
import * as EditionDuration from "../edition/duration.js"
import { forMethod } from "../edition/metric.js"
import type * as FloodGate from "../FloodGate.js"
import type { Options } from "../Policy.js"
import type { CompiledPolicy } from "./policyRun.js"

/** `options` for `method`; an option left out takes its default from `bounds` and the core's `defaultSettings`. */
export const compilePolicy = (
  method: string,
  options: Options | undefined,
  bounds: Rules.PolicyBounds = { ...Rules.defaultBounds, retryTransient: Rules.retriesTransientByDefault(method) }
): CompiledPolicy => ({
  method,
  bounds: Rules.boundsOf({
    maxAttempts: options?.maxAttempts,
    maxFloodWaitMs: options?.maxFloodWait === undefined ? undefined : EditionDuration.toMillis(options.maxFloodWait),
    maxMigrationHops: options?.maxMigrationHops,
    retryTransient: options?.retryTransient
  }, bounds),
  scopeKind: options?.floodGateScope ?? (Rules.defaultSettings.floodGateScope as FloodGate.ScopeKind),
  onEvent: options?.onEvent,
  requestTimeout: options?.requestTimeout === undefined ? undefined : EditionDuration.decode(options.requestTimeout),
  backoff: {
    base: options?.backoffBase ?? Rules.defaultSettings.backoffBaseMs,
    cap: options?.backoffCap ?? Rules.defaultSettings.backoffCapMs,
    jitter: options?.jitter ?? Rules.defaultSettings.jitter
  },
  floodWaits: forMethod(BotApiMetrics.floodWaits, method),
  migrations: forMethod(BotApiMetrics.migrations, method),
  transientRetries: forMethod(BotApiMetrics.transientRetries, method)
})
