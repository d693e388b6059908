/**
 * Counters kept by the client, each with the attribute `method`. Read them with `Metric.value` (of the counter
 * `Metric.withAttributes(counter, { method })`) or export them with an OpenTelemetry exporter.
 *
 * @since 0.2.0
 */
import * as Metric from "effect/Metric"

/**
 * Bot API requests sent (each attempt counts).
 *
 * @since 0.2.0
 */
export const requests: Metric.Counter<number> = Metric.counter("telegram_bot_api_requests_total", {
  description: "Bot API requests sent",
  incremental: true
})

/**
 * Flood waits started (told by the server, or found on the shared gate).
 *
 * @since 0.2.0
 */
export const floodWaits: Metric.Counter<number> = Metric.counter("telegram_flood_waits_total", {
  description: "flood waits (server-told and gate)",
  incremental: true
})

/**
 * Chat migrations learned from the server.
 *
 * @since 0.2.0
 */
export const migrations: Metric.Counter<number> = Metric.counter("telegram_chat_migrations_total", {
  description: "chat migrations learned from the server",
  incremental: true
})

/**
 * Transient failures retried.
 *
 * @since 0.2.0
 */
export const transientRetries: Metric.Counter<number> = Metric.counter("telegram_transient_retries_total", {
  description: "transient failures retried",
  incremental: true
})
