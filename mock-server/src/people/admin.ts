/**
 * The administration side of the people operations as the facade exposes them: forums and their topics, a person's
 * permission for a bot's emoji status, a bot's profile and the commands a person's app shows (with their decoders).
 */
export {
  type CommandsQuery,
  decodeCommandsQuery,
  decodeEmojiStatusAccess,
  decodeForum,
  decodeTopic,
  type EmojiStatusAccessInput,
  type ForumInput,
  type TopicInput
} from "../decode/adminControl.js"
export { type BotProfileData, botProfileData, commandsShown } from "./botView.js"
export { allowEmojiStatus, createTopicAs, setForum } from "./forums.js"
