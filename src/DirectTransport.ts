/**
 * The direct path of a transport: an `HttpClient` that can also POST a Bot API request without the `HttpClient`
 * machinery carries a {@link DirectTransport}, and `BotApi` sends through it (the same answers and errors as over
 * `execute`). `UndiciHttpClient` carries one; a transport of your own (the CLI's one-shot `node:http` request) can
 * too, with {@link withDirectTransport}.
 *
 * @since 0.2.0
 */
import type { HttpClient } from "./edition/http.js"
import { type DirectTransport, DirectTransportTypeId } from "./internal/directTransport.js"

export type { DirectTransport, PostCallback } from "./internal/directTransport.js"

/**
 * `client`, carrying `direct` for `BotApi`'s direct path.
 *
 * @since 0.2.0
 */
export const withDirectTransport = (client: HttpClient.HttpClient, direct: DirectTransport): HttpClient.HttpClient =>
  Object.assign(client, { [DirectTransportTypeId]: direct })
