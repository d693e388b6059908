/**
 * Games (telegram-wire-chats.md §20; Client.cpp process_send_game_query, process_set_game_score_query,
 * process_get_game_high_scores_query; GameManager, MessagesManager can_set_game_score): sendGame sends a game the bot
 * offers (the world file's `games`) with its Play button; setGameScore writes a player's score on that message (higher
 * only, unless `force`; the message shows it as edited); getGameHighScores reads the table back.
 */
import { inlineMessage } from "../../events/inlineMessages.js"
import type { InputButton } from "../../input/replyMarkup.js"
import { toLenientInt } from "../../internal/Params.js"
import { highScoreJson } from "../../wire/game.js"
import { messageJson } from "../../wire/message.js"
import { gameOf, rankedScores } from "../../world/games.js"
import { isInlineMessageIdShape } from "../../world/inline.js"
import { findMessage, type MessageRecord } from "../../world/messages.js"
import type { ChatRecord } from "../../world/World.js"
import { checkReadAccess, checkWriteAccess, resolveChat } from "../chatAccess.js"
import { type ApiError, apiError, isApiError } from "../envelope.js"
import { sendParams } from "../send/params.js"
import { logFor, sendContent } from "../send/sendContent.js"
import { restrictedRefusal } from "../sendAccess.js"
import { type Call, commit, method, methods } from "../table/method.js"
import { bool, custom, messageId, raw, requiredText, text, userId } from "../table/params.js"

/** The game message a score method names, as check_message finds it (`<what> not found`), or its inline refusal. */
const targetMessage = (
  call: Call,
  p: { readonly chat_id: string; readonly message_id: number; readonly inline_message_id: string },
  what: string,
  access: "write" | "read"
): { readonly chat: ChatRecord; readonly message: MessageRecord; readonly inline?: boolean } | ApiError => {
  if (p.chat_id === "" && p.message_id === 0) {
    if (p.inline_message_id === "") return apiError(400, "Bad Request: message identifier is not specified")
    if (!isInlineMessageIdShape(p.inline_message_id)) {
      return apiError(400, "Bad Request: invalid inline message identifier specified")
    }
    // A game a person sent through the bot's inline mode; Telegram's text for another id is inferred.
    const found = inlineMessage(call.world, call.botId, p.inline_message_id)
    return found === undefined
      ? apiError(400, "Bad Request: MESSAGE_ID_INVALID")
      : { chat: found.record.chat, message: found.message, inline: true }
  }
  const chat = resolveChat(call.world, p.chat_id)
  if (isApiError(chat)) return chat
  const refusal = access === "write" ? checkWriteAccess(chat, call.botId) : checkReadAccess(chat, call.botId, false)
  if (refusal !== undefined) return refusal
  const log = logFor(chat, call.botId)
  const message = p.message_id > 0 && log !== undefined ? findMessage(log, p.message_id) : undefined
  return message === undefined ? apiError(400, `Bad Request: ${what} not found`) : { chat, message }
}

/** The parameters both score methods read first. */
const target = { chat_id: text, message_id: messageId, user_id: userId }

/** sendGame, setGameScore, getGameHighScores. */
export const gameMethods = methods({
  sendGame: method({
    family: "games",
    summary: "a game the bot offers (world file `games`), with a `Play <title>` button unless a keyboard is given",
    params: { game_short_name: requiredText, ...sendParams },
    run: (p, call) => {
      const game = gameOf(call.world, call.botId, p.game_short_name)
      const play: InputButton = { text: `Play ${game?.title ?? ""}`, style: "", action: "callback_game", value: "{}" }
      return sendContent(call, p, {
        defaultKeyboard: [[play]],
        content: () => {
          if (!/^[A-Za-z0-9_]{1,64}$/.test(p.game_short_name)) {
            return apiError(400, "Bad Request: GAME_SHORTNAME_INVALID")
          }
          if (game === undefined) return apiError(400, "Bad Request: wrong game short name specified")
          if (p.reply_markup !== undefined && p.reply_markup[0]?.[0]?.action !== "callback_game") {
            return apiError(400, "Bad Request: REPLY_MARKUP_GAME_EMPTY")
          }
          return { kind: "game", game, scores: new Map() }
        },
        permission: (chat, botId) => restrictedRefusal(chat, botId, "can_send_other_messages", "games")
      })
    }
  }),
  setGameScore: method({
    family: "games",
    summary: "a player's score on the bot's game message (higher only unless `force`); the edited Message",
    params: {
      ...target,
      score: custom("Integer", (input) => toLenientInt(raw(input)), { required: true, note: "non-negative" }),
      force: bool,
      disable_edit_message: custom("Boolean", (input) => {
        const params = input.call.params
        if (params.get("disable_edit_message") !== undefined) return bool.read(input)
        return params.get("edit_message") === undefined ? false : !bool.read({ ...input, name: "edit_message" })
      }, { note: "or the legacy edit_message" }),
      inline_message_id: text
    },
    run: (p, call) => {
      const found = targetMessage(call, p, "message to set game score", "write")
      if (isApiError(found)) return found
      const { chat, message } = found
      const content = message.content
      const own = found.inline === true ? message.viaBotId === call.botId : message.authorId === call.botId
      if (content.kind !== "game" || !own || (message.keyboard?.length ?? 0) === 0) {
        return apiError(400, "Bad Request: game score can't be set")
      }
      if (!call.world.users.has(p.user_id)) return apiError(400, "Bad Request: USER_ID_INVALID")
      const current = content.scores.get(p.user_id)
      if (!p.force && current !== undefined && p.score <= current.score) {
        return apiError(400, "Bad Request: BOT_SCORE_NOT_MODIFIED")
      }
      return commit(chat, () => {
        const now = call.world.clock.now()
        content.scores.set(p.user_id, { score: p.score, at: now })
        if (!p.disable_edit_message) message.editDate = Math.floor(now / 1000)
        // The inline form answers true, as every inline edit does (Client.cpp TdOnEditInlineMessageCallback).
        return found.inline === true ? "true" : messageJson(call.world, message, call.botId, undefined)
      })
    }
  }),
  getGameHighScores: method({
    family: "games",
    summary: "the high score table around a player: the top three and the player's neighbours",
    params: { ...target, inline_message_id: text },
    run: (p, call) => {
      const found = targetMessage(call, p, "message to get game high scores", "read")
      if (isApiError(found)) return found
      const content = found.message.content
      if (content.kind !== "game") return apiError(400, "Bad Request: MESSAGE_ID_INVALID")
      if (!call.world.users.has(p.user_id)) return apiError(400, "Bad Request: USER_ID_INVALID")
      const table = rankedScores(content)
      const own = table.find((row) => row.userId === p.user_id)?.position ?? 0
      const shown = table.filter((row) => row.position <= 3 || Math.abs(row.position - own) <= 1)
      return `[${shown.map((row) => highScoreJson(call.world, row.position, row.userId, row.score)).join(",")}]`
    }
  })
})
