/**
 * Counters kept by the client, each labelled with `method` (a tag in Effect 3, an attribute in Effect 4). Read
 * them with `Metric.value` or export them with OpenTelemetry.
 *
 * @since 0.1.0
 */
import * as Metric from "effect/Metric"
import type { Counter } from "./edition/metric.js"

/**
 * Bot API requests sent (each attempt counts).
 *
 * @since 0.1.0
 */
export const requests: Counter = Metric.counter("telegram_bot_api_requests_total", {
  description: "Bot API requests sent",
  incremental: true
})

/**
 * Flood waits started (told by the server, or found on the shared gate).
 *
 * @since 0.1.0
 */
export const floodWaits: Counter = Metric.counter("telegram_flood_waits_total", {
  description: "flood waits (server-told and gate)",
  incremental: true
})

/**
 * Chat migrations learned from the server.
 *
 * @since 0.1.0
 */
export const migrations: Counter = Metric.counter("telegram_chat_migrations_total", {
  description: "chat migrations learned from the server",
  incremental: true
})

/**
 * Transient failures retried.
 *
 * @since 0.1.0
 */
export const transientRetries: Counter = Metric.counter("telegram_transient_retries_total", {
  description: "transient failures retried",
  incremental: true
})
