/**
 * The CLI's transport: one request over `node:http`/`node:https`, through BotApi's direct path. A one-shot export
 * needs no connection pool, and Node's `fetch` costs about 30 MB and a tenth of a second to start (its own undici);
 * this costs neither. Any other use of the client (none today) goes through the platform's fetch client.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import { type DirectTransport, withDirectTransport } from "effect-telegram-invite/DirectTransport"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { request as httpRequest } from "node:http"
import { request as httpsRequest } from "node:https"

const direct: DirectTransport = {
  postJson: (origin, path, body, callback) => {
    const send = origin.startsWith("https:") ? httpsRequest : httpRequest
    let done = false
    const finish = (error: unknown, status: number, text: string) => {
      if (done) return
      done = true
      callback(error, status, text)
    }
    const request = send(`${origin}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) }
    }, (response) => {
      const chunks: Array<Buffer> = []
      response.on("data", (chunk: Buffer) => chunks.push(chunk))
      response.on("end", () => finish(undefined, response.statusCode ?? 0, Buffer.concat(chunks).toString("utf8")))
      response.on("error", (error) => finish(error, 0, ""))
    })
    request.on("error", (error) => finish(error, 0, ""))
    request.end(body)
    return () => {
      done = true
      request.destroy()
    }
  }
}

/** An HttpClient whose Bot API requests go over `node:http` (BotApi's direct path). */
export const layer: Layer.Layer<HttpClient.HttpClient> = Layer.effect(
  HttpClient.HttpClient,
  Effect.map(HttpClient.HttpClient, (client) => withDirectTransport(client, direct))
).pipe(Layer.provide(FetchHttpClient.layer))
