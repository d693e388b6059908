/** What the business suites share: the people, the rights, and a world of three connected accounts. */
import { defaultWorld, type MockTelegram } from "telegram-bot-api-mock"

export const OLGA = 1000
export const BOB = 43
export const CAROL = 44
export const DAVE = 45
export const OTHER_BOT_TOKEN = "777000:OtherBotSecretABCDEFGHIJKLMNOP"
export const ALL_RIGHTS = {
  can_reply: true,
  can_read_messages: true,
  can_delete_sent_messages: true,
  can_edit_name: true,
  can_edit_bio: true,
  can_edit_profile_photo: true,
  can_edit_username: true,
  can_view_gifts_and_stars: true,
  can_change_gift_settings: true,
  can_transfer_stars: true
}

/** Olga's account connected to the bot with rights, Carol's without, Dave's to another bot; Olga has 500 Stars. */
export const businessWorld = (mock: MockTelegram) => {
  const world = structuredClone(defaultWorld) as any
  world.users.push({ id: 777000, is_bot: true, first_name: "Other Bot", username: "other_test_bot" })
  world.bots.push({ token: OTHER_BOT_TOKEN, user_id: 777000 })
  world.business_connections = [
    { id: "olga-shop", bot_id: 123456, user_id: OLGA, date: 1_767_225_600, rights: ALL_RIGHTS },
    { id: "carol-shop", bot_id: 123456, user_id: CAROL, date: 1_767_225_600 },
    { id: "dave-shop", bot_id: 777000, user_id: DAVE, date: 1_767_225_600, rights: ALL_RIGHTS }
  ]
  world.star_balances = [{ owner_id: OLGA, amount: 500 }]
  mock.replaceWorld(world)
}
