/**
 * sendDocument (telegram-wire-messages.md §M5.3): the document (file_id, URL or upload), a thumbnail, a caption; the
 * shared send path. The pattern every media send follows: own parameters, `...sendParams`, then `sendContent` with
 * the content built in TDLib's order (the file, the thumbnail, the caption).
 */
import { isApiError } from "../envelope.js"
import { caption, finishedCaption, inputFile, sentFile, storedThumbnail, thumbnail } from "../send/media.js"
import { sendParams } from "../send/params.js"
import { sendContent } from "../send/sendContent.js"
import { restrictedRefusal } from "../sendAccess.js"
import { method, methods } from "../table/method.js"
import { bool } from "../table/params.js"

/** sendDocument. */
export const documentMethods = methods({
  sendDocument: method({
    family: "media",
    summary: "a file as a document, with a thumbnail and a caption (getFile and the download route give it back)",
    params: {
      document: inputFile("document"),
      thumbnail,
      caption,
      disable_content_type_detection: bool,
      ...sendParams
    },
    run: (p, call) =>
      sendContent(call, p, {
        content: () => {
          const file = sentFile(call.world, call.botId, p.document, "document")
          if (isApiError(file)) return file
          const thumb = storedThumbnail(call.world, p.thumbnail)
          if (isApiError(thumb)) return thumb
          const text = finishedCaption(p.caption)
          if (isApiError(text)) return text
          return { kind: "document", file, thumbnail: thumb, caption: text }
        },
        permission: (chat, botId) => restrictedRefusal(chat, botId, "can_send_documents", "documents")
      })
  })
})
