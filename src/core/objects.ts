/** Reading the Bot API objects a bot handles, with no Effect in them (both editions' object modules use them). */

/**
 * The bot command a text starts with, without its `/` and `@botname` (`"/invite@my_bot now"` → `"invite"`), read
 * from its first `bot_command` entity at offset 0; undefined when the text does not start with a command.
 */
export const commandOf = (
  text: string | undefined,
  entities: ReadonlyArray<{ readonly type: string; readonly offset: number; readonly length: number }> | undefined
): string | undefined => {
  if (text === undefined) return undefined
  const entity = entities?.find((e) => e.type === "bot_command" && e.offset === 0)
  if (entity === undefined) return undefined
  const name = text.slice(1, entity.length)
  const at = name.indexOf("@")
  return at === -1 ? name : name.slice(0, at)
}

/** A user's name for people: first and last name, then `@username` when there is one (`Bob (@bob)`). */
export const displayName = (
  user: { readonly first_name: string; readonly last_name?: string; readonly username?: string }
): string => {
  const name = user.last_name === undefined ? user.first_name : `${user.first_name} ${user.last_name}`
  return user.username === undefined ? name : `${name} (@${user.username})`
}

/** Whether a standing is in the chat: creator, administrator, member, or restricted but still a member. */
export const isInChat = (member: { readonly status: string; readonly is_member?: boolean }): boolean =>
  member.status === "creator" || member.status === "administrator" || member.status === "member" ||
  (member.status === "restricted" && member.is_member === true)
