/**
 * The references of the world file's long-tail sections: the bots, users and chats they name exist (and are bots or
 * people where it matters), their identifiers are unique, and each sticker detail fits its set's kind.
 */
import type { WorldSnapshot } from "../WorldSnapshot.js"

/** Adds a line per problem of the long-tail sections to `problems`. */
export const checkTailReferences = (world: WorldSnapshot, problems: Array<string>): void => {
  const bots = new Set(world.bots.map((bot) => bot.user_id))
  const users = new Map(world.users.map((user) => [user.id, user]))
  const known = (id: number): boolean => users.has(id) || world.chats.some((chat) => chat.id === id)
  const person = (at: string, id: number): void => {
    const user = users.get(id)
    if (user === undefined) problems.push(`${at}: unknown user ${id}`)
    else if (user.is_bot) problems.push(`${at}: user ${id} is a bot`)
  }
  const bot = (at: string, id: number): void => {
    if (!bots.has(id)) problems.push(`${at}: ${id} is not a bot of this world (bots)`)
  }
  const unique = (seen: Set<string>, at: string, key: string, what: string): void => {
    if (seen.has(key)) problems.push(`${at}: duplicate ${what}`)
    seen.add(key)
  }
  checkStickerSets(world, problems, bot, person, unique)
  const games = new Set<string>()
  for (const [i, game] of (world.games ?? []).entries()) {
    bot(`games.${i}.bot_id`, game.bot_id)
    unique(games, `games.${i}.short_name`, `${game.bot_id}:${game.short_name}`, `game ${game.short_name}`)
  }
  const connections = new Set<string>()
  for (const [i, connection] of (world.business_connections ?? []).entries()) {
    unique(connections, `business_connections.${i}.id`, connection.id, `connection id ${connection.id}`)
    bot(`business_connections.${i}.bot_id`, connection.bot_id)
    person(`business_connections.${i}.user_id`, connection.user_id)
  }
  const gifts = new Set<string>()
  for (const [i, gift] of (world.gifts ?? []).entries()) {
    unique(gifts, `gifts.${i}.id`, gift.id, `gift id ${gift.id}`)
    if ((gift.remaining_count !== undefined) !== (gift.total_count !== undefined)) {
      problems.push(`gifts.${i}: a limited gift has both total_count and remaining_count`)
    } else if (gift.remaining_count! > gift.total_count!) {
      problems.push(`gifts.${i}.remaining_count: more than total_count`)
    }
  }
  const owned = new Set<string>()
  for (const [i, gift] of (world.owned_gifts ?? []).entries()) {
    if (!gifts.has(gift.gift_id)) problems.push(`owned_gifts.${i}.gift_id: no gift ${gift.gift_id} in gifts`)
    if (!known(gift.owner_id)) problems.push(`owned_gifts.${i}.owner_id: unknown user or chat ${gift.owner_id}`)
    if (gift.sender_id !== undefined && !users.has(gift.sender_id)) {
      problems.push(`owned_gifts.${i}.sender_id: unknown user ${gift.sender_id}`)
    }
    if (gift.owned_gift_id !== undefined) {
      unique(owned, `owned_gifts.${i}.owned_gift_id`, gift.owned_gift_id, `owned gift id ${gift.owned_gift_id}`)
    }
  }
  const balances = new Set<string>()
  for (const [i, balance] of (world.star_balances ?? []).entries()) {
    if (!known(balance.owner_id)) problems.push(`star_balances.${i}.owner_id: unknown user or chat ${balance.owner_id}`)
    unique(balances, `star_balances.${i}.owner_id`, String(balance.owner_id), `balance of ${balance.owner_id}`)
  }
  const managed = new Set<string>()
  for (const [i, entry] of (world.managed_bots ?? []).entries()) {
    const user = users.get(entry.bot_id)
    if (user === undefined) problems.push(`managed_bots.${i}.bot_id: unknown user ${entry.bot_id}`)
    else if (!user.is_bot) problems.push(`managed_bots.${i}.bot_id: user ${entry.bot_id} is not a bot`)
    bot(`managed_bots.${i}.manager_bot_id`, entry.manager_bot_id)
    unique(managed, `managed_bots.${i}.bot_id`, String(entry.bot_id), `managed bot ${entry.bot_id}`)
    if (entry.token.split(":")[0] !== String(entry.bot_id)) {
      problems.push(`managed_bots.${i}.token: the token's bot id must be bot_id ${entry.bot_id}`)
    }
    for (const [j, id] of (entry.added_user_ids ?? []).entries()) {
      if (!users.has(id)) problems.push(`managed_bots.${i}.added_user_ids.${j}: unknown user ${id}`)
    }
  }
  for (const [i, id] of (world.verifier_bot_ids ?? []).entries()) bot(`verifier_bot_ids.${i}`, id)
  const verifiers = new Set(world.verifier_bot_ids ?? [])
  for (const [i, verification] of (world.verifications ?? []).entries()) {
    if (!verifiers.has(verification.bot_id)) {
      problems.push(`verifications.${i}.bot_id: ${verification.bot_id} is not in verifier_bot_ids`)
    }
    if (!known(verification.target_id)) {
      problems.push(`verifications.${i}.target_id: unknown user or chat ${verification.target_id}`)
    }
  }
}

const checkStickerSets = (
  world: WorldSnapshot,
  problems: Array<string>,
  bot: (at: string, id: number) => void,
  person: (at: string, id: number) => void,
  unique: (seen: Set<string>, at: string, key: string, what: string) => void
): void => {
  const names = new Set<string>()
  const emoji = new Set<string>()
  for (const [i, set] of (world.sticker_sets ?? []).entries()) {
    const at = `sticker_sets.${i}`
    unique(names, `${at}.name`, set.name.toLowerCase(), `sticker set name ${set.name}`)
    bot(`${at}.bot_id`, set.bot_id)
    person(`${at}.owner_id`, set.owner_id)
    const customEmoji = set.sticker_type === "custom_emoji"
    if (set.needs_repainting === true && !customEmoji) {
      problems.push(`${at}.needs_repainting: only custom emoji sets`)
    }
    if (set.thumbnail_custom_emoji_id !== undefined && !customEmoji) {
      problems.push(`${at}.thumbnail_custom_emoji_id: only custom emoji sets`)
    }
    for (const [j, sticker] of set.stickers.entries()) {
      if (sticker.mask_position !== undefined && set.sticker_type !== "mask") {
        problems.push(`${at}.stickers.${j}.mask_position: only mask sets`)
      }
      if (sticker.custom_emoji_id !== undefined) {
        if (!customEmoji) problems.push(`${at}.stickers.${j}.custom_emoji_id: only custom emoji sets`)
        else unique(emoji, `${at}.stickers.${j}.custom_emoji_id`, sticker.custom_emoji_id, "custom emoji id")
      }
    }
  }
}
