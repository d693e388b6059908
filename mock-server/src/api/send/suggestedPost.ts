/**
 * TDLib's send options check of suggested_post_parameters (MessageSendOptions.cpp, SuggestedPost.cpp): the price and
 * date bounds, then the chat, which must be a channel's direct messages chat. The mock's worlds have no such chat, so
 * a send with suggested post parameters is always refused, with the real texts.
 */
import type { SuggestedPostInput } from "../../input/suggestedPost.js"
import { suggestedPostRefusal } from "../../input/suggestedPost.js"
import { type ApiError, apiError } from "../envelope.js"

/** The refusal of a send's suggested post parameters, or undefined when there are none. */
export const suggestedPostSendRefusal = (post: SuggestedPostInput | undefined): ApiError | undefined => {
  if (post === undefined) return undefined
  const bounds = suggestedPostRefusal(post)
  return apiError(400, `Bad Request: ${bounds ?? "suggested posts can be sent only to channel direct messages"}`)
}
