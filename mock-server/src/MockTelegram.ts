/**
 * The mock Telegram Bot API: one stateful world and the rules of the real server's wire protocol
 * (../shared/telegram-wire.md), as a function from a request to a response. No I/O: the MSW
 * handlers and the standalone HTTP server are thin adapters over `handle`.
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { defaultWorld } from "./DefaultWorld.js"
import { decodeContentEncoding } from "./internal/ContentEncoding.js"
import {
  Params,
  parseBody,
  parseUrlEncoded,
  percentDecode,
  toBool,
  toInt64,
  toLenientInt,
  toSafeInt64
} from "./internal/Params.js"
import { type MockClock, systemClock } from "./MockClock.js"
import { htmlErrorPage, MAX_BODY_BYTES, type WireRequest, type WireResponse } from "./Wire.js"
import {
  type ApiError,
  apiError,
  type ChatState,
  defaultCaps,
  type JournalEntry,
  type LinkOptions,
  type LinkState,
  World,
  type WorldCaps
} from "./World.js"
import {
  decodeWorld,
  Fault,
  type FaultReply,
  FloodLimit,
  type WorldSnapshot,
  type WorldSnapshotInput
} from "./WorldSnapshot.js"

export interface MockTelegramOptions {
  /** The world to start with (and to go back to on reset); the default world when absent. */
  readonly world?: WorldSnapshotInput | undefined
  /** Where time comes from; real time when absent. */
  readonly clock?: MockClock | undefined
  /** Bounds of the journal, revoked-link history and flood counters. */
  readonly caps?: Partial<WorldCaps> | undefined
  /** When set, the control API (`/__mock/…`) requires this value in `X-Mock-Control-Token`. */
  readonly controlToken?: string | undefined
}

/** A world, fault, limit or upgrade the mock refuses; the message names the field. */
export class MockInputError extends Error {
  override readonly name = "MockInputError"
}

const decodeFault = Schema.decodeUnknownEither(Fault, { onExcessProperty: "error" })
const decodeLimits = Schema.decodeUnknownEither(Schema.Array(FloodLimit), { onExcessProperty: "error" })

const orThrow = <A>(result: Either.Either<A, unknown>, what: string): A => {
  if (Either.isRight(result)) return result.right
  const cause = result.left
  throw new MockInputError(`invalid ${what}: ${typeof cause === "string" ? cause : String(cause)}`)
}

type MethodHandler = (call: Call) => string | ApiError

interface Call {
  readonly world: World
  readonly botId: number
  readonly method: string
  readonly params: Params
}

// ---- JSON of Bot API objects ---------------------------------------------------------------

const json = JSON.stringify

const userJson = (world: World, id: number): string => {
  const user = world.user(id)
  if (user === undefined) return `{"id":${id},"is_bot":false,"first_name":"Deleted Account"}`
  let out = `{"id":${id},"is_bot":${user.is_bot},"first_name":${json(user.first_name)}`
  if (user.last_name !== undefined && user.last_name !== "") out += `,"last_name":${json(user.last_name)}`
  if (user.username !== undefined) out += `,"username":${json(user.username)}`
  return out + "}"
}

/** ChatInviteLink, fields in the real server's order. */
const linkJson = (world: World, link: LinkState): string => {
  let out = `{"invite_link":${json(link.url)}`
  if (link.name !== "") out += `,"name":${json(link.name)}`
  out += `,"creator":${userJson(world, link.creatorId)}`
  if (link.expireDate !== 0) out += `,"expire_date":${link.expireDate}`
  if (link.memberLimit !== 0) out += `,"member_limit":${link.memberLimit}`
  return out +
    `,"creates_join_request":${link.createsJoinRequest},"is_primary":${link.isPrimary},"is_revoked":${link.isRevoked}}`
}

const DEFAULT_PERMISSIONS =
  `{"can_send_messages":true,"can_send_audios":true,"can_send_documents":true,"can_send_photos":true,` +
  `"can_send_videos":true,"can_send_video_notes":true,"can_send_voice_notes":true,"can_send_polls":true,` +
  `"can_send_other_messages":true,"can_add_web_page_previews":true,"can_change_info":false,` +
  `"can_invite_users":true,"can_pin_messages":false,"can_manage_topics":false}`

/** ChatFullInfo as getChat answers it, fields in the real server's order. */
const chatJson = (world: World, chat: ChatState, inviteLink: string | undefined): string => {
  let out = `{"id":${chat.id}`
  const link = inviteLink !== undefined ? `,"invite_link":${json(inviteLink)}` : ""
  switch (chat.type) {
    case "private": {
      const user = world.user(chat.id)!
      out += `,"first_name":${json(user.first_name)}`
      if (user.last_name !== undefined && user.last_name !== "") out += `,"last_name":${json(user.last_name)}`
      if (user.username !== undefined) out += `,"username":${json(user.username)}`
      out += `,"type":"private"`
      if (user.username !== undefined) out += `,"active_usernames":[${json(user.username)}]`
      break
    }
    case "group":
      out += `,"title":${json(chat.title ?? "")},"type":"group"${link},"permissions":${DEFAULT_PERMISSIONS}`
      out += `,"all_members_are_administrators":false`
      break
    case "supergroup":
    case "channel":
      out += `,"title":${json(chat.title ?? "")}`
      if (chat.username !== undefined) out += `,"username":${json(chat.username)}`
      out += `,"type":"${chat.type}"`
      if (chat.username !== undefined) out += `,"active_usernames":[${json(chat.username)}]`
      out += link
      if (chat.type === "supergroup") out += `,"permissions":${DEFAULT_PERMISSIONS}`
      break
  }
  return out + `,"max_reaction_count":11,"accent_color_id":${Math.abs(chat.id) % 7}}`
}

const botJson = (world: World, botId: number): string => {
  const user = userJson(world, botId)
  return user.slice(0, -1) +
    `,"can_join_groups":true,"can_read_all_group_messages":false,"supports_inline_queries":false,` +
    `"can_connect_to_business":false,"has_main_web_app":false}`
}

// ---- the checks the real server makes, in its order ----------------------------------------

const CHAT_ID_EMPTY = apiError(400, "Bad Request: chat_id is empty")
const CHAT_NOT_FOUND = apiError(400, "Bad Request: chat not found")
const PRIVATE_CHAT_NOT_FOUND = apiError(400, "Bad Request: private chat not found")
const PRIVATE_CHAT_NO_LINKS = apiError(400, "Bad Request: can't invite members to a private chat")
const NOT_ENOUGH_RIGHTS = apiError(400, "Bad Request: not enough rights to manage chat invite link")
const LIMIT_WITH_JOIN_REQUEST = apiError(
  400,
  "Bad Request: member limit can't be specified for links requiring administrator approval"
)
const INVITE_LINK_EMPTY = apiError(400, "Bad Request: invite link must be non-empty")
const INVITE_HASH_EXPIRED = apiError(400, "Bad Request: INVITE_HASH_EXPIRED")
const CHAT_ADMIN_REQUIRED = apiError(400, "Bad Request: CHAT_ADMIN_REQUIRED")
const CHAT_INVITE_PERMANENT = apiError(400, "Bad Request: CHAT_INVITE_PERMANENT")
const EXPIRE_DATE_INVALID = apiError(400, "Bad Request: EXPIRE_DATE_INVALID")
const USAGE_LIMIT_INVALID = apiError(400, "Bad Request: USAGE_LIMIT_INVALID")

const isError = (value: unknown): value is ApiError =>
  typeof value === "object" && value !== null && (value as ApiError)._tag === "ApiError"

/** The chat a `chat_id` parameter names (telegram-wire.md §4, §6). */
const resolveChat = (world: World, param: string | undefined): ChatState | ApiError => {
  if (param === undefined || param === "") return CHAT_ID_EMPTY
  if (param.startsWith("@")) return world.chatByUsername(param.slice(1)) ?? CHAT_NOT_FOUND
  const id = toSafeInt64(param)
  if (id === undefined) return CHAT_NOT_FOUND
  const chat = world.chat(id)
  if (chat !== undefined) return chat
  if (id > 0) return world.privateChat(id) ?? PRIVATE_CHAT_NOT_FOUND
  return CHAT_NOT_FOUND
}

/** Write access: an upgraded group answers the migrate error; a bot kicked or gone is refused. */
const checkWriteAccess = (world: World, chat: ChatState, botId: number): ApiError | undefined => {
  if (chat.type === "private") return undefined
  if (chat.type === "group") {
    if (chat.migratedTo !== undefined) {
      return {
        ...apiError(400, "Bad Request: group chat was upgraded to a supergroup chat"),
        migrateToChatId: chat.migratedTo
      }
    }
    if (chat.deleted) return apiError(403, "Forbidden: the group chat was deleted")
  }
  const { status } = world.standing(chat, botId)
  if (status === "kicked") return apiError(403, `Forbidden: bot was kicked from the ${chat.type} chat`)
  if (status === "left") return apiError(403, `Forbidden: bot is not a member of the ${chat.type} chat`)
  return undefined
}

const checkCanManageLinks = (world: World, chat: ChatState, botId: number): ApiError | undefined => {
  if (chat.type === "private") return PRIVATE_CHAT_NO_LINKS
  return world.canManageInviteLinks(chat, botId) ? undefined : NOT_ENOUGH_RIGHTS
}

const floodError = (retryAfter: number): ApiError => ({
  ...apiError(429, `Too Many Requests: retry after ${retryAfter}`),
  retryAfter
})

/** The chat of an invite-link method, once every check before the call reaches "Telegram" passed. */
const manageableChat = (call: Call): ChatState | ApiError => {
  const chat = resolveChat(call.world, call.params.get("chat_id"))
  if (isError(chat)) return chat
  return checkWriteAccess(call.world, chat, call.botId) ?? checkCanManageLinks(call.world, chat, call.botId) ?? chat
}

const flood = (call: Call, chat: ChatState | undefined): ApiError | undefined => {
  const retryAfter = call.world.floodCheck(call.botId, call.method, chat?.id)
  return retryAfter === undefined ? undefined : floodError(retryAfter)
}

/** A link's optional fields as create/edit read them: lenient integers, a name cut to 32 characters. */
const linkOptions = (params: Params): LinkOptions => ({
  name: Array.from(params.get("name") ?? "").slice(0, 32).join(""),
  expireDate: Math.max(0, toLenientInt(params.get("expire_date"))),
  memberLimit: Math.max(0, toLenientInt(params.get("member_limit"))),
  createsJoinRequest: toBool(params.get("creates_join_request"))
})

const checkLinkOptions = (world: World, options: LinkOptions): ApiError | undefined => {
  if ((options.expireDate ?? 0) !== 0 && options.expireDate! <= Math.floor(world.clock.now() / 1000)) {
    return EXPIRE_DATE_INVALID
  }
  if ((options.memberLimit ?? 0) > 99_999) return USAGE_LIMIT_INVALID
  return undefined
}

/** The bot's own link named by `invite_link`, for edit and revoke. */
const ownLink = (call: Call, chat: ChatState): LinkState | ApiError => {
  const url = call.params.get("invite_link")!
  const link = call.world.link(url)
  if (link === undefined || link.chatId !== chat.id || link.isRevoked) return INVITE_HASH_EXPIRED
  if (link.creatorId !== call.botId) return CHAT_ADMIN_REQUIRED
  return link
}

const METHODS: Readonly<Record<string, MethodHandler>> = {
  getme: (call) => flood(call, undefined) ?? botJson(call.world, call.botId),

  getchat: (call) => {
    const chat = resolveChat(call.world, call.params.get("chat_id"))
    if (isError(chat)) return chat
    const floodRefusal = flood(call, chat)
    if (floodRefusal) return floodRefusal
    let inviteLink: string | undefined
    const usable = chat.type !== "private" && chat.migratedTo === undefined && !chat.deleted
    if (usable && call.world.canManageInviteLinks(chat, call.botId)) {
      // A bot that may manage links and has no primary link gets one (as the Bot API docs suggest).
      inviteLink = (call.world.primaryLink(chat, call.botId) ?? call.world.replacePrimaryLink(chat, call.botId)).url
    }
    return chatJson(call.world, chat, inviteLink)
  },

  exportchatinvitelink: (call) => {
    const chat = manageableChat(call)
    if (isError(chat)) return chat
    return flood(call, chat) ?? json(call.world.replacePrimaryLink(chat, call.botId).url)
  },

  createchatinvitelink: (call) => {
    const chat = manageableChat(call)
    if (isError(chat)) return chat
    const options = linkOptions(call.params)
    if (options.createsJoinRequest && options.memberLimit! > 0) return LIMIT_WITH_JOIN_REQUEST
    const refusal = flood(call, chat) ?? checkLinkOptions(call.world, options)
    return refusal ?? linkJson(call.world, call.world.createLink(chat, call.botId, options))
  },

  editchatinvitelink: (call) => {
    const chat = manageableChat(call)
    if (isError(chat)) return chat
    const options = linkOptions(call.params)
    if (options.createsJoinRequest && options.memberLimit! > 0) return LIMIT_WITH_JOIN_REQUEST
    if ((call.params.get("invite_link") ?? "") === "") return INVITE_LINK_EMPTY
    const floodRefusal = flood(call, chat)
    if (floodRefusal) return floodRefusal
    const link = ownLink(call, chat)
    if (isError(link)) return link
    if (link.isPrimary) return CHAT_INVITE_PERMANENT
    return checkLinkOptions(call.world, options) ?? linkJson(call.world, call.world.editLink(link, options))
  },

  revokechatinvitelink: (call) => {
    const chat = manageableChat(call)
    if (isError(chat)) return chat
    if ((call.params.get("invite_link") ?? "") === "") return INVITE_LINK_EMPTY
    const floodRefusal = flood(call, chat)
    if (floodRefusal) return floodRefusal
    const link = ownLink(call, chat)
    if (isError(link)) return link
    return linkJson(call.world, call.world.revokeLink(chat, link))
  }
}

/** The Bot API methods the mock serves (lower-cased); every other method answers 404. */
export const SERVED_METHODS: ReadonlyArray<string> = [
  "getMe",
  "getChat",
  "exportChatInviteLink",
  "createChatInviteLink",
  "editChatInviteLink",
  "revokeChatInviteLink"
]

// ---- envelopes ------------------------------------------------------------------------------

const JSON_HEADERS_OK = (result: string): WireResponse => ({
  _tag: "Json",
  status: 200,
  body: `{"ok":true,"result":${result}}`
})

const errorResponse = (error: ApiError): WireResponse => {
  let body = `{"ok":false,"error_code":${error.code},"description":${json(error.description)}`
  if (error.retryAfter !== undefined || error.migrateToChatId !== undefined) {
    const parts: Array<string> = []
    if (error.migrateToChatId !== undefined) parts.push(`"migrate_to_chat_id":${error.migrateToChatId}`)
    if (error.retryAfter !== undefined) parts.push(`"retry_after":${error.retryAfter}`)
    body += `,"parameters":{${parts.join(",")}}`
  }
  body += "}"
  return error.retryAfter !== undefined
    ? { _tag: "Json", status: error.code, body, retryAfter: error.retryAfter }
    : { _tag: "Json", status: error.code, body }
}

const faultResponse = (reply: FaultReply): ApiError | WireResponse => {
  if ("html" in reply) return { _tag: "Html", status: reply.html, body: htmlErrorPage(reply.html) }
  if ("drop" in reply) return { _tag: "Drop" }
  if ("delay_ms" in reply) throw new Error("unreachable: delays are handled before")
  const description = reply.description ??
    (reply.retry_after !== undefined
      ? `Too Many Requests: retry after ${reply.retry_after}`
      : reply.migrate_to_chat_id !== undefined
      ? "Bad Request: group chat was upgraded to a supergroup chat"
      : reply.error_code >= 500
      ? "Internal Server Error: restart"
      : "Bad Request: injected fault")
  return {
    ...apiError(reply.error_code, description),
    ...(reply.retry_after !== undefined ? { retryAfter: reply.retry_after } : {}),
    ...(reply.migrate_to_chat_id !== undefined ? { migrateToChatId: reply.migrate_to_chat_id } : {})
  }
}

const NOT_FOUND = errorResponse(apiError(404, "Not Found"))
const INVALID_TOKEN = apiError(401, "Unauthorized: invalid token specified")
const UNALLOWED_TOKEN = apiError(421, "Misdirected Request: unallowed token specified")
const UNAUTHORIZED = apiError(401, "Unauthorized")
const METHOD_NOT_FOUND = apiError(404, "Not Found: method not found")

/** The token checks of telegram-wire.md §1, in order; the bot id when the token is known. */
const checkToken = (world: World, token: string): number | ApiError => {
  if (token.startsWith("0") || token.length > 80 || token.includes("/") || !token.includes(":")) return INVALID_TOKEN
  const colon = token.indexOf(":")
  const id = toInt64(token.slice(0, colon))
  if (id === undefined) return UNALLOWED_TOKEN
  if (id <= 0n || id >= 2n ** 54n) return INVALID_TOKEN
  const secret = token.slice(colon + 1)
  if (secret.length < 24 || !/^[A-Za-z0-9_-]+$/.test(secret)) return UNAUTHORIZED
  return world.botIdForToken(token) ?? UNAUTHORIZED
}

// ---- the mock -------------------------------------------------------------------------------

export class MockTelegram {
  private initial: WorldSnapshot
  private current: World
  readonly clock: MockClock
  readonly caps: WorldCaps
  readonly controlToken: string | undefined

  private constructor(initial: WorldSnapshot, options: MockTelegramOptions) {
    this.initial = initial
    this.clock = options.clock ?? systemClock
    this.caps = { ...defaultCaps, ...options.caps }
    this.controlToken = options.controlToken
    this.current = new World(initial, this.clock, this.caps)
  }

  /** A mock on the given world (the default world when absent). Throws MockInputError on a bad world. */
  static make(options: MockTelegramOptions = {}): MockTelegram {
    const world = orThrow(decodeWorld(options.world ?? defaultWorld), "world")
    return new MockTelegram(world, options)
  }

  /** The live world (for assertions in tests). */
  get world(): World {
    return this.current
  }

  /** Back to the world the mock started with. */
  reset(): void {
    this.current = new World(this.initial, this.clock, this.caps)
  }

  snapshot(): WorldSnapshot {
    return this.current.snapshot()
  }

  /** Replaces the whole world (and what reset goes back to). Throws MockInputError naming the bad field. */
  replaceWorld(input: unknown): void {
    const world = orThrow(decodeWorld(input), "world")
    this.initial = world
    this.current = new World(world, this.clock, this.caps)
  }

  /** Upgrades a basic group to a supergroup; returns the supergroup's id. */
  upgradeGroup(chatId: number): number {
    const result = this.current.upgradeGroup(chatId)
    if (typeof result === "string") throw new MockInputError(`cannot upgrade: ${result}`)
    return result
  }

  /** The next `times` calls of `method` (optionally for one chat) get `reply` instead of the normal answer. */
  injectFault(fault: typeof Fault.Encoded): void {
    this.current.addFault(orThrow(decodeFault(fault), "fault"))
  }

  clearFaults(): void {
    this.current.clearFaults()
  }

  /** Replaces the flood limits (and forgets the calls counted so far). */
  setFloodLimits(limits: ReadonlyArray<typeof FloodLimit.Encoded>): void {
    this.current.setFloodLimits(orThrow(decodeLimits(limits), "flood limits"))
  }

  journal(): Array<JournalEntry> {
    return this.current.journal()
  }

  /** Answers one HTTP request as the real Bot API server would. Never throws. */
  handle(request: WireRequest): WireResponse {
    try {
      if (request.contentEncoding !== undefined) {
        const body = decodeContentEncoding(request.contentEncoding, request.body)
        if (!(body instanceof Uint8Array)) return { _tag: "Bare", status: body.status }
        request = { ...request, body, contentEncoding: undefined }
      }
      if (request.target.startsWith("/__mock/") || request.target === "/__mock") return this.control(request)
      return this.api(request)
    } catch (error) {
      // A bug of the mock must not take the server down: answer as the real server does on its own failure.
      return errorResponse(apiError(500, `Internal Server Error: ${String(error).slice(0, 200)}`))
    }
  }

  private api(request: WireRequest): WireResponse {
    if (request.method !== "GET" && request.method !== "POST") return { _tag: "Bare", status: 501 }
    if (request.body.length > MAX_BODY_BYTES) return { _tag: "Bare", status: 413 }
    const q = request.target.indexOf("?")
    const pathEnd = q === -1 ? request.target.length : q
    const targetBytes = Buffer.from(request.target, "latin1")
    const params = new Params()
    if (q !== -1) parseUrlEncoded(targetBytes.subarray(q + 1), params)
    const bodyError = parseBody(request.contentType, request.body, params)
    if (bodyError !== undefined) return { _tag: "Bare", status: bodyError.status }

    const path = percentDecode(targetBytes, 0, pathEnd, false)
    if (!path.startsWith("/bot")) return NOT_FOUND
    const slash = path.indexOf("/", 4)
    if (slash === -1) return NOT_FOUND
    const world = this.current
    const token = path.slice(4, slash)
    let rest = path.slice(slash + 1)
    const testEnvironment = rest.startsWith("test/")
    if (testEnvironment) rest = rest.slice(5)
    const method = (rest === "" ? params.get("method") ?? "" : rest).toLowerCase()
    const chatParam = params.get("chat_id")

    const botId = checkToken(world, token)
    if (isError(botId)) return this.answer(world, null, method, chatParam, testEnvironment, botId)
    const handler = Object.hasOwn(METHODS, method) ? METHODS[method]! : undefined
    if (handler === undefined) return this.answer(world, botId, method, chatParam, testEnvironment, METHOD_NOT_FOUND)

    const fault = world.takeFault(method, chatParam)
    if (fault !== undefined) {
      if ("delay_ms" in fault) {
        return {
          _tag: "Delay",
          ms: fault.delay_ms,
          then: () =>
            this.answer(world, botId, method, chatParam, testEnvironment, handler({ world, botId, method, params }))
        }
      }
      const reply = faultResponse(fault)
      const faultName = "html" in fault ? `html ${fault.html}` : "drop" in fault ? "drop" : `error ${fault.error_code}`
      if (isError(reply)) return this.answer(world, botId, method, chatParam, testEnvironment, reply, faultName)
      const status = reply._tag === "Html" ? reply.status : 0
      world.record(journalEntry(world, botId, method, chatParam, testEnvironment, status, faultName))
      return reply
    }
    return this.answer(world, botId, method, chatParam, testEnvironment, handler({ world, botId, method, params }))
  }

  private answer(
    world: World,
    botId: number | null,
    method: string,
    chatParam: string | undefined,
    testEnvironment: boolean,
    outcome: string | ApiError,
    fault?: string
  ): WireResponse {
    const response = isError(outcome) ? errorResponse(outcome) : JSON_HEADERS_OK(outcome)
    world.record(
      journalEntry(world, botId, method, chatParam, testEnvironment, isError(outcome) ? outcome.code : 200, fault)
    )
    return response
  }

  // ---- control API --------------------------------------------------------------------------

  private control(request: WireRequest): WireResponse {
    if (this.controlToken !== undefined && request.controlToken !== this.controlToken) {
      return controlError(401, "control API: missing or wrong X-Mock-Control-Token")
    }
    if (request.body.length > MAX_BODY_BYTES) return { _tag: "Bare", status: 413 }
    const path = request.target.split("?")[0]!
    const route = `${request.method} ${path}`
    const readBody = (): unknown => {
      const text = new TextDecoder().decode(request.body)
      if (text.trim() === "") throw new MockInputError("expected a JSON body")
      try {
        return JSON.parse(text)
      } catch (error) {
        throw new MockInputError(`invalid JSON: ${(error as Error).message}`)
      }
    }
    try {
      switch (route) {
        case "POST /__mock/reset":
          this.reset()
          return controlOk(true)
        case "GET /__mock/world":
          return controlOk(this.snapshot())
        case "PUT /__mock/world":
          this.replaceWorld(readBody())
          return controlOk(true)
        case "POST /__mock/upgrade": {
          const body = readBody() as { chat_id?: unknown }
          const chatId = typeof body === "object" && body !== null ? body.chat_id : undefined
          if (typeof chatId !== "number" || !Number.isSafeInteger(chatId)) {
            throw new MockInputError("chat_id: expected an integer chat id")
          }
          return controlOk({ migrate_to_chat_id: this.upgradeGroup(chatId) })
        }
        case "POST /__mock/faults":
          this.injectFault(readBody() as typeof Fault.Encoded)
          return controlOk(true)
        case "DELETE /__mock/faults":
          this.clearFaults()
          return controlOk(true)
        case "GET /__mock/limits":
          return controlOk(this.snapshot().flood_limits)
        case "PUT /__mock/limits": {
          const body = readBody() as unknown
          const limits = Array.isArray(body)
            ? body
            : typeof body === "object" && body !== null && "flood_limits" in body
            ? (body as { flood_limits: unknown }).flood_limits
            : body
          this.setFloodLimits(limits as ReadonlyArray<typeof FloodLimit.Encoded>)
          return controlOk(true)
        }
        case "GET /__mock/journal":
          return controlOk(this.journal())
      }
    } catch (error) {
      if (error instanceof MockInputError) return controlError(400, error.message)
      throw error
    }
    const known = ["reset", "world", "upgrade", "faults", "limits", "journal"].some((name) =>
      path === `/__mock/${name}`
    )
    return known
      ? controlError(405, `control API: ${request.method} is not allowed on ${path}`)
      : controlError(404, `control API: no route ${path}`)
  }
}

const CANONICAL_NAMES = new Map(SERVED_METHODS.map((name) => [name.toLowerCase(), name]))

/** A bot token (`<bot id>:<secret>`), in any case: a misrouted request carries one in what the journal keeps. */
const TOKEN_SHAPE = /[0-9]+:[A-Za-z0-9_-]{20,}/g

/**
 * The journal keeps the bot id, never a token: an unknown method or a chat_id is kept with every token-shaped run
 * replaced. (`/bot/bot<token>/getMe`, a misconfigured API root, reads as an empty token and the method
 * `bot<token>/getme`; `/bot1%2F<id>:<secret>/x` as the token `1` and the method `<id>:<secret>/x`.)
 */
const withoutTokens = (text: string): string => text.includes(":") ? text.replace(TOKEN_SHAPE, "<token>") : text

const journalEntry = (
  world: World,
  botId: number | null,
  method: string,
  chatParam: string | undefined,
  testEnvironment: boolean,
  status: number,
  fault: string | undefined
): JournalEntry => ({
  at: world.clock.now(),
  bot_id: botId,
  method: CANONICAL_NAMES.get(method) ?? withoutTokens(method).slice(0, 100),
  ...(chatParam !== undefined ? { chat_id: withoutTokens(chatParam).slice(0, 100) } : {}),
  status,
  ...(testEnvironment ? { test_environment: true as const } : {}),
  ...(fault !== undefined ? { fault } : {})
})

const controlOk = (result: unknown): WireResponse => ({
  _tag: "Json",
  status: 200,
  body: `{"ok":true,"result":${json(result)}}`
})

const controlError = (status: number, description: string): WireResponse => ({
  _tag: "Json",
  status,
  body: `{"ok":false,"error_code":${status},"description":${json(description)}}`
})
