/** Helpers the bot conformance suites share: Bot API calls that check status = error_code, and control calls. */
import { DEFAULT_BOT_TOKEN } from "telegram-bot-api-mock"
import { expect } from "vitest"
import type { Transport } from "./conformance.js"

/** The envelope of an answer. */
export interface Envelope {
  ok: boolean
  result?: any
  error_code?: number
  description?: string
  parameters?: { retry_after?: number; migrate_to_chat_id?: number }
}

/** Calls over a transport, as the default bot (or another token). */
export const wireClient = (transport: () => Transport, token = DEFAULT_BOT_TOKEN) => {
  const call = async (path: string, init?: RequestInit) => {
    const response = await transport().request(path, init)
    const text = await response.text()
    const body = JSON.parse(text) as Envelope
    expect(response.headers.get("content-type")).toBe("application/json")
    expect(response.status).toBe(body.ok ? 200 : body.error_code)
    return { response, text, body }
  }
  const api = (method: string, params?: Record<string, unknown>) =>
    call(`/bot${token}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(params ?? {})
    })
  const result = async (method: string, params?: Record<string, unknown>) => {
    const { body } = await api(method, params)
    expect(body, JSON.stringify(body)).toMatchObject({ ok: true })
    return body.result
  }
  const refusal = async (method: string, params: Record<string, unknown>, code: number, description: string) => {
    const { body } = await api(method, params)
    expect(body).toMatchObject({ ok: false, error_code: code, description })
    return body
  }
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await transport().request(`/__mock/${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {})
    })
    return { status: response.status, body: (await response.json()) as Envelope }
  }
  return { call, api, result, refusal, control }
}
