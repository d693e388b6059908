/**
 * Dice (telegram-wire-messages.md §M5.13): the emoji Telegram throws and the values each shows (🎲 🎯 🎳 1–6,
 * 🏀 ⚽ 1–5, 🎰 1–64), and the mock's rule for a throw: the next value a test queued, else the next of the world's
 * seeded sequence (mulberry32 from a fixed seed, restarted by a reset), so that a run repeats itself.
 */
import type { MediaState } from "./mediaState.js"

/** The largest value of each dice emoji. */
export const DICE_MAX: Readonly<Record<string, number>> = {
  "🎲": 6,
  "🎯": 6,
  "🎳": 6,
  "🏀": 5,
  "⚽": 5,
  "🎰": 64
}

/** The emoji of a dice when none is given. */
export const DEFAULT_DICE = "🎲"

/** The seed every world's sequence starts from. */
export const DICE_SEED = 0x5eed

/** TDLib's remove_emoji_modifiers: variation selectors and skin tones dropped. */
export const withoutModifiers = (emoji: string): string =>
  emoji.replace(/[\uFE0E\uFE0F]|\u{1F3FB}|\u{1F3FC}|\u{1F3FD}|\u{1F3FE}|\u{1F3FF}/gu, "")

/** The next number of the world's sequence in [0, 1) (mulberry32). */
const next = (state: MediaState): number => {
  state.diceState = (state.diceState + 0x6d2b79f5) | 0
  let t = state.diceState
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/** A throw of a known dice emoji: a queued value (brought into its range), else the sequence's. */
export const throwDice = (state: MediaState, emoji: string): number => {
  const max = DICE_MAX[emoji]!
  const queued = state.diceQueue.shift()
  return queued !== undefined ? ((queued - 1) % max) + 1 : 1 + Math.floor(next(state) * max)
}
