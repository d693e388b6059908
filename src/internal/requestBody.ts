/**
 * A request's body as bytes, with the content type it implies (a form's carries its boundary): what
 * `UndiciHttpClient` sends and what `MockHttpClient` hands the mock. A body that cannot be read is an encode error.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import { collectBytes, encodeError, type HttpClientError, type HttpClientRequest } from "../edition/http.js"

const encoder = new TextEncoder()

/** The bytes of `request`'s body (`undefined` when it has none) and their content type. */
export const requestBody = (
  request: HttpClientRequest.HttpClientRequest
): Effect.Effect<
  { readonly bytes: Uint8Array | undefined; readonly contentType: string | undefined },
  HttpClientError.HttpClientError
> => {
  const body = request.body
  switch (body._tag) {
    case "Empty":
      return Effect.succeed({ bytes: undefined, contentType: undefined })
    case "Uint8Array":
      return Effect.succeed({ bytes: body.body, contentType: body.contentType })
    case "Raw":
      return Effect.succeed({
        bytes: typeof body.body === "string"
          ? encoder.encode(body.body)
          : body.body instanceof Uint8Array
          ? body.body
          : undefined,
        contentType: body.contentType
      })
    case "FormData":
      return Effect.tryPromise({
        try: async () => {
          const encoded = new Response(body.formData)
          return {
            bytes: new Uint8Array(await encoded.arrayBuffer()),
            contentType: encoded.headers.get("content-type") ?? undefined
          }
        },
        catch: (cause) => encodeError(request, cause)
      })
    case "Stream":
      return Effect.mapBoth(collectBytes(body.stream), {
        onFailure: (cause) => encodeError(request, cause),
        onSuccess: (bytes) => ({ bytes, contentType: body.contentType })
      })
  }
}
