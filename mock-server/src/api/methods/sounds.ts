/**
 * sendAudio and sendVoice (telegram-wire-messages.md §M5.2, §M5.6): the file, its duration (0-86400, as the request
 * says: the mock reads no audio), an audio's title, performer and thumbnail, the caption; then the shared send path.
 */
import { caption, inputFile, thumbnail } from "../send/media.js"
import { audioContent, voiceContent } from "../send/mediaContent.js"
import { duration } from "../send/mediaParams.js"
import { sendParams } from "../send/params.js"
import { sendContent } from "../send/sendContent.js"
import { restrictedRefusal } from "../sendAccess.js"
import { method, methods } from "../table/method.js"
import { text } from "../table/params.js"

/** sendAudio, sendVoice. */
export const soundMethods = methods({
  sendAudio: method({
    family: "media",
    summary: "a music file with its duration, title, performer, album-cover thumbnail and caption",
    params: { audio: inputFile("audio"), thumbnail, duration, title: text, performer: text, caption, ...sendParams },
    run: (p, call) =>
      sendContent(call, p, {
        content: () => audioContent(call, p.audio, p),
        permission: (chat, botId) => restrictedRefusal(chat, botId, "can_send_audios", "music")
      })
  }),

  sendVoice: method({
    family: "media",
    summary: "a voice note with its duration and caption",
    params: { voice: inputFile("voice"), duration, caption, ...sendParams },
    run: (p, call) =>
      sendContent(call, p, {
        content: () => voiceContent(call, p.voice, p.caption, p.duration),
        permission: (chat, botId) => restrictedRefusal(chat, botId, "can_send_voice_notes", "voice notes")
      })
  })
})
