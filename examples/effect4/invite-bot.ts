/**
 * The Effect 4 edition of examples/invite-bot.ts. What changed: the imports (`effect/http`, the edition's package)
 * and Effect 4's own names (`Config.String`, `Effect.catch`); the library's calls are the same.
 *
 * An invite-link bot: `/invite` gets a fresh link to the group as a URL button (with a callback button for another
 * one); the join requests of people who started the bot (sent /start) are approved, the others declined; every join
 * is logged.
 *
 *   TELEGRAM_BOT_TOKEN=123456:ABC... TELEGRAM_CHAT_ID=-1001234567890 npx tsx examples/effect4/invite-bot.ts
 *
 * TELEGRAM_API_ROOT (default https://api.telegram.org) points it at another server, e.g. the mock
 * (`npm run mock-server`, then TELEGRAM_API_ROOT=http://127.0.0.1:8081 with the mock's default token). Node >= 22.19.
 */
import { NodeRuntime } from "@effect/platform-node"
import { Config, Effect, Layer, Ref, Stream } from "effect"
import { BotApi, ChatMember, Message, Policy, Update, Updates, User } from "effect-telegram-invite-effect4"
import { FetchHttpClient } from "effect/http"
import { pathToFileURL } from "node:url"

/** Sends `user` a new join-request link to the group, as a URL button, and another button for a new link. */
const sendInvite = (groupId: string, user: User.User) =>
  Effect.gen(function*() {
    const api = yield* BotApi.BotApi
    // Not retried on a timeout: a lost answer would leave an extra link behind (see Policy's notes).
    const { value: link } = yield* Policy.resilient(
      "createChatInviteLink",
      (chatId) => api.createChatInviteLink(chatId, { creates_join_request: true, name: user.first_name.slice(0, 32) }),
      { retryTransient: false }
    )(groupId)
    yield* Policy.sendMessage(user.id, "Here is your invite link. Tap it to ask to join; I will let you in.", {
      reply_markup: Message.inlineKeyboard(
        [Message.urlButton("Join the group", link.invite_link)],
        [Message.callbackButton("Another link", "invite")]
      )
    })
    yield* Effect.log(`sent ${User.displayName(user)} the link ${link.invite_link}`)
  })

/** What the bot does with one update. */
const handle = (groupId: string, started: Ref.Ref<ReadonlySet<number>>) => (update: Update.Update) =>
  Effect.gen(function*() {
    switch (update._tag) {
      case "message": {
        const { chat, from } = update.message
        const command = Message.command(update.message)
        if (chat.type !== "private" || from === undefined) return
        if (command === "start") {
          yield* Ref.update(started, (ids) => new Set([...ids, from.id]))
          yield* BotApi.sendMessage(from.id, "Hello! Send /invite for a link to the group.")
          yield* Effect.log(`${User.displayName(from)} started the bot`)
        } else if (command === "invite") {
          yield* sendInvite(groupId, from)
        }
        return
      }
      case "callback_query": {
        const query = update.callback_query
        yield* BotApi.answerCallbackQuery(query.id, { text: "A new link is on its way" })
        if (query.data === "invite") yield* sendInvite(groupId, query.from)
        return
      }
      case "chat_join_request": {
        const { chat, from } = update.chat_join_request
        if ((yield* Ref.get(started)).has(from.id)) {
          yield* Policy.resilient("approveChatJoinRequest", (id) => BotApi.approveChatJoinRequest(id, from.id))(chat.id)
          yield* Effect.log(`approved the join request of ${User.displayName(from)}`)
        } else {
          yield* Policy.resilient("declineChatJoinRequest", (id) => BotApi.declineChatJoinRequest(id, from.id))(chat.id)
          yield* Effect.log(`declined the join request of ${User.displayName(from)}: never started the bot`)
        }
        return
      }
      case "chat_member": {
        // Telegram also sends a service message (`new_chat_members`) for each join; chat_member says how they came in.
        const change = update.chat_member
        if (!ChatMember.isJoin(change)) return
        const how = change.via_join_request === true ? "by an approved request" : "by a link"
        yield* Effect.log(`${User.displayName(change.new_chat_member.user)} joined ${change.chat.title} ${how}`)
        return
      }
    }
  }).pipe(
    // One update that cannot be handled (a person who blocked the bot, say) must not stop the bot.
    Effect.catch((error) => Effect.logWarning(`update ${update.update_id}: ${error.message}`))
  )

/** Polls TELEGRAM_CHAT_ID's bot for updates and handles them, one at a time, until interrupted. */
export const program = Effect.gen(function*() {
  const groupId = yield* Config.String("TELEGRAM_CHAT_ID")
  const started = yield* Ref.make<ReadonlySet<number>>(new Set())
  yield* Effect.log(`invite bot for chat ${groupId}: polling for updates`)
  yield* Updates.stream({ allowed_updates: ["message", "callback_query", "chat_member", "chat_join_request"] }).pipe(
    Stream.runForEach(handle(groupId, started))
  )
})

/** The client configured from the environment, with the in-memory flood gate and migration registry. */
export const BotLayer = Layer.mergeAll(BotApi.layerConfig(), Policy.layerMemory)

/** {@link BotLayer} over fetch. */
export const MainLayer = BotLayer.pipe(Layer.provide(FetchHttpClient.layer))

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  program.pipe(Effect.provide(MainLayer), NodeRuntime.runMain)
}
