/**
 * sendMessage (telegram-wire-bots.md §11): the Bot API's checks in its order, then the chat, then TDLib's and
 * Telegram's; the message stored with its per-chat id and answered as a Message. Its edits are in edits.ts, its
 * deletion in deletions.ts.
 */
import { type MessageInput, readMessageInput } from "../../input/message.js"
import { finishText } from "../../input/text.js"
import { apiError } from "../envelope.js"
import { sendParams } from "../send/params.js"
import { sendContent } from "../send/sendContent.js"
import { method, methods } from "../table/method.js"
import { custom } from "../table/params.js"

/** link_preview_options, then text, parse_mode and entities (read together, in that order). */
const messageText = custom<MessageInput>("String", (input) => readMessageInput(input.call.params), {
  required: true,
  note: "1-4096 characters after entities parsing; with parse_mode, entities, link_preview_options"
})

/** sendMessage. */
export const messageMethods = methods({
  sendMessage: method({
    family: "messages",
    summary: "a text message with entities, link preview options and any reply markup",
    params: { text: messageText, ...sendParams },
    run: (p, call) =>
      sendContent(call, p, {
        content: () => {
          const finished = finishText(p.text.text)
          return "refusal" in finished
            ? apiError(400, finished.refusal)
            : { kind: "text", text: finished.text, entities: finished.entities, linkPreview: p.text.linkPreview }
        }
      })
  })
})
