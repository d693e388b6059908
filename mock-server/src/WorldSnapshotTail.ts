/**
 * The world file's sections for the long tail of the Bot API: sticker sets, games, business connections, gifts and
 * Stars, managed bots and verifications. Offline there is no Telegram to hold these, so they exist only when a world
 * declares them (or the bots make them); every section may be left out, and a snapshot leaves out an empty one.
 */

/** A sticker's format: WebP or PNG (`static`), TGS (`animated`), WebM (`video`). */
export type StickerFormat = "static" | "animated" | "video"

/** A sticker set's kind. */
export type StickerType = "regular" | "mask" | "custom_emoji"

/** Where a mask goes on a face, as the Bot API's MaskPosition. */
export interface MaskPosition {
  readonly point: "forehead" | "eyes" | "mouth" | "chin"
  readonly x_shift: number
  readonly y_shift: number
  readonly scale: number
}

/** A sticker of a set. Its file is not kept in a world file: a stand-in file is made for it (see the README). */
export interface SetSticker {
  /** 1-20 emoji. */
  readonly emoji_list: ReadonlyArray<string>
  /** `static` when left out. */
  readonly format?: StickerFormat | undefined
  /** Search keywords (regular and custom emoji sets). */
  readonly keywords?: ReadonlyArray<string> | undefined
  /** Mask sets: where the mask goes. */
  readonly mask_position?: MaskPosition | undefined
  /** Custom emoji sets: the custom emoji's id (decimal); made by the mock when left out. */
  readonly custom_emoji_id?: string | undefined
}

/** A sticker set: what getStickerSet shows, and what its bot may change. */
export interface StickerSet {
  /** The short name, as given at creation (sets are found in any case). */
  readonly name: string
  readonly title: string
  readonly sticker_type: StickerType
  /** The user the set belongs to. */
  readonly owner_id: number
  /** The bot that created the set: the only one that may change it. */
  readonly bot_id: number
  /** Custom emoji sets: the emoji take the text's color. */
  readonly needs_repainting?: boolean | undefined
  readonly stickers: ReadonlyArray<SetSticker>
  /** Custom emoji sets: the custom emoji shown as the set's thumbnail. */
  readonly thumbnail_custom_emoji_id?: string | undefined
}

/** A game a bot offers (made with @BotFather in reality): what sendGame's `game_short_name` names. */
export interface Game {
  readonly bot_id: number
  readonly short_name: string
  readonly title: string
  readonly description: string
}

/** What a bot connected to a business account may do (the Bot API's BusinessBotRights; absent means false). */
export interface BusinessBotRights {
  readonly can_reply?: boolean | undefined
  readonly can_read_messages?: boolean | undefined
  readonly can_delete_sent_messages?: boolean | undefined
  readonly can_delete_all_messages?: boolean | undefined
  readonly can_edit_name?: boolean | undefined
  readonly can_edit_bio?: boolean | undefined
  readonly can_edit_profile_photo?: boolean | undefined
  readonly can_edit_username?: boolean | undefined
  readonly can_view_gifts_and_stars?: boolean | undefined
  readonly can_convert_gifts_to_stars?: boolean | undefined
  readonly can_change_gift_settings?: boolean | undefined
  readonly can_transfer_and_upgrade_gifts?: boolean | undefined
  readonly can_transfer_stars?: boolean | undefined
  readonly can_manage_stories?: boolean | undefined
}

/** A business account connected to a bot. */
export interface BusinessConnection {
  /** The connection's identifier (what `business_connection_id` names). */
  readonly id: string
  readonly bot_id: number
  /** The business account: a person of the world. */
  readonly user_id: number
  /** Unix time in seconds when the connection was made. */
  readonly date: number
  /** True when left out; a disabled connection still answers getBusinessConnection. */
  readonly is_enabled?: boolean | undefined
  /** None when left out. */
  readonly rights?: BusinessBotRights | undefined
  /** The account's bio, as setBusinessAccountBio left it. */
  readonly bio?: string | undefined
}

/** A gift of the catalogue getAvailableGifts shows. */
export interface Gift {
  /** Its identifier (decimal). */
  readonly id: string
  readonly star_count: number
  /** The Stars an upgrade to a unique gift costs; absent when it can't be upgraded. */
  readonly upgrade_star_count?: number | undefined
  /** Limited gifts: how many there are in all, and how many are left. */
  readonly total_count?: number | undefined
  readonly remaining_count?: number | undefined
  /** The emoji of its (stand-in) sticker; 🎁 when left out. */
  readonly emoji?: string | undefined
}

/** A gift someone owns (getUserGifts, getChatGifts, getBusinessAccountGifts). */
export interface OwnedGift {
  /** Its owner: a user or a chat of the world. */
  readonly owner_id: number
  /** Its identifier for the owner, a number as text (business accounts manage gifts by it); made when left out. */
  readonly owned_gift_id?: string | undefined
  readonly gift_id: string
  /** Who sent it (a user or a bot), if known. */
  readonly sender_id?: number | undefined
  /** Unix time in seconds. */
  readonly date: number
  readonly text?: string | undefined
  /** The Stars the owner gets by converting it. */
  readonly convert_star_count?: number | undefined
  /** The Stars its sender paid for an upgrade. */
  readonly prepaid_upgrade_star_count?: number | undefined
  /** Set once it was upgraded: its number among the unique gifts of its kind. */
  readonly unique_number?: number | undefined
}

/** How many Telegram Stars a user, a bot or a business account holds. */
export interface StarBalance {
  readonly owner_id: number
  readonly amount: number
}

/** A bot managed by another bot of the world (getManagedBotToken, getManagedBotAccessSettings). */
export interface ManagedBot {
  /** The managed bot: a user of the world with `is_bot`. */
  readonly bot_id: number
  /** The bot of the world that manages it. */
  readonly manager_bot_id: number
  /** Its token; replaceManagedBotToken makes a new one. */
  readonly token: string
  readonly is_access_restricted?: boolean | undefined
  /** With a restricted access: who may use it besides its owner (at most 10). */
  readonly added_user_ids?: ReadonlyArray<number> | undefined
}

/** A verification a verifier bot gave a user or a chat (verifyUser, verifyChat). */
export interface Verification {
  readonly bot_id: number
  /** The verified user's or chat's id. */
  readonly target_id: number
  readonly custom_description?: string | undefined
}

/** The long tail's sections of a world file, all optional. */
export interface WorldSnapshotTail {
  readonly sticker_sets?: ReadonlyArray<StickerSet> | undefined
  readonly games?: ReadonlyArray<Game> | undefined
  readonly business_connections?: ReadonlyArray<BusinessConnection> | undefined
  readonly gifts?: ReadonlyArray<Gift> | undefined
  readonly owned_gifts?: ReadonlyArray<OwnedGift> | undefined
  readonly star_balances?: ReadonlyArray<StarBalance> | undefined
  readonly managed_bots?: ReadonlyArray<ManagedBot> | undefined
  /** The bots of verification organisations: the only ones verifyUser and verifyChat serve. */
  readonly verifier_bot_ids?: ReadonlyArray<number> | undefined
  readonly verifications?: ReadonlyArray<Verification> | undefined
}
