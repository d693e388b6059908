/**
 * The world at a glance: the bots, the people, each chat with its kind, the bots' standing and rights, its members,
 * its invite links (primary or not, creator, revoked, expiry, limit, joins, pending requests), its pending join
 * requests and its upgrade; with an administrator's actions where they belong (promote, demote or kick the bot, kick
 * a person, approve or decline a request) and the person's (join through a link).
 */
import type { Chat, InviteLink, Member } from "../../WorldSnapshot.js"
import { control } from "./client.js"
import { byId, type Child, dateTime, fill, h } from "./dom.js"
import { openLink } from "./messageActions.js"
import { chatName, isIn, longNameOf, memberOf, nameOf, people, rightsOf, state } from "./state.js"
import { act } from "./ui.js"

/** The rights the console gives a bot it promotes (channels: posting and editing too). */
const promotion = (chat: Chat): Record<string, unknown> => ({
  status: "administrator",
  can_manage_chat: true,
  can_invite_users: true,
  can_restrict_members: true,
  can_delete_messages: true,
  ...(chat.type === "channel" ? { can_post_messages: true, can_edit_messages: true } : {})
})

const setStanding = (chat: Chat, userId: number, body: Record<string, unknown>) =>
  act(
    () => control<Member>("PUT", `chats/${chat.id}/members/${userId}`, body),
    (member) => `${nameOf(userId)} is now ${member.status} in ${chatName(chat.id)}`
  )

const button = (label: string, key: string, onclick: () => void, title?: string) =>
  h("button", { type: "button", "data-key": key, onclick, ...(title !== undefined ? { title } : {}) }, label)

/** What the world's bots are in a chat, with the administrator's buttons for each. */
const botStanding = (chat: Chat): Array<Child> =>
  state.world!.bots.map(({ user_id: botId }) => {
    const member = memberOf(chat, botId)
    const rights = rightsOf(member)
    const admin = member.status === "administrator" || member.status === "creator"
    return h(
      "p",
      { class: "standing" },
      h("span", { class: "who" }, `bot ${nameOf(botId)}: `),
      h("strong", { class: `status-${member.status}` }, member.status),
      rights.length > 0 ? h("span", { class: "rights" }, ` (${rights.join(", ")})`) : null,
      " ",
      chat.migrated_to_chat_id !== undefined || chat.deleted ? null : h(
        "span",
        { class: "buttons" },
        admin && rights.includes("invite_users")
          ? null
          : button("Promote bot", `promote:${chat.id}:${botId}`, () => setStanding(chat, botId, promotion(chat))),
        admin && member.status !== "creator"
          ? button("Demote bot", `demote:${chat.id}:${botId}`, () => setStanding(chat, botId, { status: "member" }))
          : null,
        member.status === "kicked"
          ? button("Unban bot", `unban:${chat.id}:${botId}`, () => setStanding(chat, botId, { status: "left" }))
          : member.status !== "creator"
          ? button("Kick bot", `kick:${chat.id}:${botId}`, () => setStanding(chat, botId, { status: "kicked" }))
          : null
      )
    )
  })

const memberList = (chat: Chat): HTMLElement => {
  const botIds = new Set(state.world!.bots.map((bot) => bot.user_id))
  const listed = chat.members.filter((member) => !botIds.has(member.user_id))
  const live = chat.migrated_to_chat_id === undefined && !chat.deleted
  return h(
    "details",
    { class: "members", open: listed.length <= 6 },
    h("summary", {}, `People (${listed.filter(isIn).length} in the chat)`),
    h(
      "ul",
      {},
      ...listed.map((member) =>
        h(
          "li",
          {},
          h("span", { class: "who" }, longNameOf(member.user_id)),
          " ",
          h("span", { class: `status-${member.status}` }, member.status),
          rightsOf(member).length > 0 ? h("span", { class: "rights" }, ` (${rightsOf(member).join(", ")})`) : null,
          live && member.status !== "creator" && member.status !== "kicked"
            ? button(
              "Kick",
              `kick:${chat.id}:${member.user_id}`,
              () => setStanding(chat, member.user_id, { status: "kicked" }),
              `Ban ${nameOf(member.user_id)} from ${chatName(chat.id)}`
            )
            : null,
          live && member.status === "kicked"
            ? button("Unban", `unban:${chat.id}:${member.user_id}`, () =>
              setStanding(chat, member.user_id, { status: "left" }))
            : null
        )
      )
    )
  )
}

/** A chat's invite links, one item each (wrapping, never wider than the panel): what it is, who made it, its use. */
const linkList = (chat: Chat, links: ReadonlyArray<InviteLink>): HTMLElement | null => {
  if (links.length === 0) return null
  const pending = new Map<string, number>()
  for (const request of state.world!.join_requests) {
    if (request.invite_link !== undefined) pending.set(request.invite_link, (pending.get(request.invite_link) ?? 0) + 1)
  }
  const now = Date.now() / 1000
  const live = chat.migrated_to_chat_id === undefined && !chat.deleted
  return h(
    "div",
    { class: "links" },
    h("h5", {}, `Invite links (${links.length})`),
    h(
      "ul",
      {},
      ...links.map((link) => {
        const expired = link.expire_date !== undefined && link.expire_date <= now
        const tags = [
          link.is_primary ? "primary" : null,
          link.creates_join_request ? "join request" : null,
          link.subscription_period !== undefined ? `subscription ${link.subscription_price} ★` : null,
          link.is_revoked ? "revoked" : null,
          expired ? "expired" : null
        ].filter((tag) => tag !== null)
        const requests = pending.get(link.invite_link) ?? 0
        return h(
          "li",
          { class: link.is_revoked ? "revoked" : expired ? "expired" : "", "data-link": link.invite_link },
          h("code", { class: "url" }, link.invite_link),
          link.name !== undefined ? h("span", { class: "name" }, ` “${link.name}”`) : null,
          ...tags.map((tag) => h("span", { class: "tag" }, tag)),
          h(
            "p",
            { class: "facts" },
            `by ${nameOf(link.creator_id)} · expires ${
              link.expire_date !== undefined ? dateTime(link.expire_date) : "never"
            }`,
            ` · limit ${link.member_limit ?? "none"} · `,
            h("span", { class: "joined" }, `${link.joined_count ?? 0} joined`),
            " · ",
            h("span", { class: "requests-count" }, `${requests} request${requests === 1 ? "" : "s"}`),
            live && !link.is_revoked && state.person !== undefined
              ? button(
                link.creates_join_request ? "Ask to join" : "Join",
                `join:${link.invite_link}`,
                () => openLink(link.invite_link),
                `Open ${link.invite_link} as ${nameOf(state.person)}`
              )
              : null
          )
        )
      })
    )
  )
}

/** The pending join requests of a chat, with an administrator's approve and decline. */
const requestList = (chat: Chat): HTMLElement | null => {
  const requests = state.world!.join_requests.filter((request) => request.chat_id === chat.id)
  if (requests.length === 0) return null
  const settle = (userId: number, verb: "approve" | "decline") =>
    act(
      () => control("POST", `chats/${chat.id}/join_requests/${userId}/${verb}`),
      () => `${nameOf(userId)}'s request to join ${chatName(chat.id)}: ${verb === "approve" ? "approved" : "declined"}`
    )
  return h(
    "div",
    { class: "requests" },
    h("h5", {}, "Join requests waiting"),
    h(
      "ul",
      {},
      ...requests.map((request) =>
        h(
          "li",
          {},
          h("span", { class: "who" }, longNameOf(request.user_id)),
          ` asked ${dateTime(request.date)}`,
          request.invite_link !== undefined ? h("code", {}, ` ${request.invite_link}`) : null,
          " ",
          button("Approve", `approve:${chat.id}:${request.user_id}`, () => settle(request.user_id, "approve")),
          button("Decline", `decline:${chat.id}:${request.user_id}`, () => settle(request.user_id, "decline"))
        )
      )
    )
  )
}

const chatCard = (chat: Chat): HTMLElement => {
  const links = state.world!.invite_links.filter((link) => link.chat_id === chat.id)
  return h(
    "article",
    { class: `chat ${chat.migrated_to_chat_id !== undefined ? "upgraded" : ""}`, "data-chat": chat.id },
    h(
      "h4",
      {},
      h("span", { class: "title" }, chat.title ?? String(chat.id)),
      " ",
      h("span", { class: "tag" }, chat.type === "group" ? "basic group" : chat.type),
      chat.deleted ? h("span", { class: "tag" }, "deleted") : null
    ),
    h(
      "p",
      { class: "ids" },
      h("code", {}, chat.id),
      chat.username !== undefined ? ` @${chat.username}` : null,
      chat.migrated_to_chat_id !== undefined
        ? h("span", { class: "upgrade" }, ` upgraded → ${chat.migrated_to_chat_id}`)
        : null
    ),
    ...botStanding(chat),
    memberList(chat),
    requestList(chat),
    linkList(chat, links)
  )
}

/** Redraws the world (keeping the focus on the button it was on, by its key). */
export const renderWorld = (): void => {
  const world = state.world
  if (world === undefined) return
  const focused = (document.activeElement as HTMLElement | null)?.dataset?.["key"]
  const groups = world.chats.filter((chat) => chat.type !== "private")
  const privates = world.chats.filter((chat) => chat.type === "private")
  const upgrades = groups.filter((chat) => chat.migrated_to_chat_id !== undefined)
  fill(
    byId("world-body"),
    h(
      "div",
      { class: "summary" },
      h(
        "div",
        {},
        h("h3", {}, "Bots"),
        h(
          "ul",
          { class: "plain" },
          ...world.bots.map((bot) => h("li", {}, h("span", { class: "who" }, longNameOf(bot.user_id))))
        )
      ),
      h(
        "div",
        {},
        h("h3", {}, "People"),
        h(
          "ul",
          { class: "plain people" },
          ...people().map((user) => {
            const chat = privates.find((c) => c.id === user.id)
            const started = chat === undefined
              ? "has not started a bot"
              : chat.blocked_bot_ids !== undefined && chat.blocked_bot_ids.length > 0
              ? "blocked a bot"
              : "started the bot"
            return h(
              "li",
              {},
              h("span", { class: "who" }, longNameOf(user.id)),
              h("span", { class: "note" }, ` ${started}`)
            )
          })
        )
      )
    ),
    upgrades.length > 0
      ? h(
        "p",
        { class: "upgrades" },
        "Upgrades: ",
        ...upgrades.map((chat) => h("code", {}, `${chat.id} → ${chat.migrated_to_chat_id} `))
      )
      : null,
    h("h3", {}, "Chats"),
    h("div", { class: "chats" }, ...groups.map(chatCard))
  )
  if (focused !== undefined) {
    for (const element of Array.from(byId("world-body").querySelectorAll<HTMLElement>("[data-key]"))) {
      if (element.dataset["key"] === focused) {
        element.focus()
        break
      }
    }
  }
}
