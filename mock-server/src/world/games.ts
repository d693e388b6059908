/**
 * Games: what each bot offers (the world file's `games`), and a game message's content with its high score table
 * (setGameScore writes it, getGameHighScores reads it).
 */
import type { Game } from "../WorldSnapshotTail.js"
import type { World } from "./World.js"

/** A game a bot offers. */
export interface GameRecord {
  readonly botId: number
  readonly shortName: string
  readonly title: string
  readonly description: string
}

/** One player's score in a game message: the score, and when it was set (ties go to the earlier one). */
export interface GameScore {
  readonly score: number
  readonly at: number
}

/** A game message: the game, and the scores set on this message. */
export interface GameContent {
  readonly kind: "game"
  readonly game: GameRecord
  readonly scores: Map<number, GameScore>
}

const key = (botId: number, shortName: string): string => `${botId}:${shortName}`

/** The game of this short name the bot offers, if any. */
export const gameOf = (world: World, botId: number, shortName: string): GameRecord | undefined =>
  world.tail.games.get(key(botId, shortName))

/** Adds a game from its world-file form. */
export const restoreGame = (world: World, game: Game): void => {
  world.tail.games.set(key(game.bot_id, game.short_name), {
    botId: game.bot_id,
    shortName: game.short_name,
    title: game.title,
    description: game.description
  })
}

/** A game in its world-file form. */
export const gameData = (game: GameRecord): Game => ({
  bot_id: game.botId,
  short_name: game.shortName,
  title: game.title,
  description: game.description
})

/** The high score table, best first (a tie goes to whoever reached it first): each player's position. */
export const rankedScores = (
  content: GameContent
): Array<{ readonly position: number; readonly userId: number; readonly score: number }> =>
  [...content.scores].sort(([, a], [, b]) => b.score - a.score || a.at - b.at).map(([userId, entry], i) => ({
    position: i + 1,
    userId,
    score: entry.score
  }))
