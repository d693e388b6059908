/**
 * Game JSON, keys in the real server's order (Client.cpp JsonGame, JsonGameHighScore): a Game (the mock's games have
 * no photo or animation: `photo` is an empty array), and one row of a high score table.
 */
import type { GameRecord } from "../world/games.js"
import type { World } from "../world/World.js"
import { userJson } from "./user.js"

const json = JSON.stringify

/** A Game. */
export const gameJson = (game: GameRecord): string =>
  `{"title":${json(game.title)},"description":${json(game.description)},"photo":[]}`

/** A GameHighScore. */
export const highScoreJson = (world: World, position: number, userId: number, score: number): string =>
  `{"position":${position},"user":${userJson(world, userId)},"score":${score}}`
