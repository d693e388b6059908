/**
 * The world file's long-tail sections: the README's example decodes (with the users it names), a snapshot gives
 * them back as they were, an empty section is left out, and wrong references are refused one line per problem.
 */
import { readFileSync } from "node:fs"
import { decodeWorld, defaultWorld, MockTelegram } from "telegram-bot-api-mock"
import { describe, expect, it } from "vitest"

/** The README's example of the long-tail sections, with the managed bot it names added to the default world. */
const readmeWorld = () => {
  const readme = readFileSync(new URL("../../mock-server/README.md", import.meta.url), "utf8")
  const block = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1]!).find((text) =>
    text.includes("sticker_sets")
  )
  const world = structuredClone(defaultWorld) as any
  world.users.push({ id: 5_000_001, is_bot: true, first_name: "Helper", username: "helper_bot" })
  return { ...world, ...JSON.parse(block!) }
}

describe("the world file's long-tail sections", () => {
  it("decodes the README's example, and a snapshot gives the sections back", () => {
    const decoded = decodeWorld(readmeWorld())
    expect(decoded.ok, JSON.stringify(decoded)).toBe(true)
    const mock = MockTelegram.make({ world: readmeWorld() })
    const snapshot = mock.snapshot()
    expect(snapshot.games).toEqual(readmeWorld().games)
    expect(snapshot.business_connections).toEqual(readmeWorld().business_connections)
    expect(snapshot.owned_gifts).toEqual(readmeWorld().owned_gifts)
    expect(snapshot.sticker_sets![0]).toEqual(readmeWorld().sticker_sets[0])
    expect(MockTelegram.make().snapshot()).not.toHaveProperty("sticker_sets")
  })

  it("refuses wrong references, one line per problem", () => {
    const world = readmeWorld()
    world.games.push({ ...world.games[0] })
    world.business_connections[0].bot_id = 42
    world.owned_gifts[0].gift_id = "1"
    world.sticker_sets.push({ ...world.sticker_sets[0], name: "PETS_by_my_bot", needs_repainting: true })
    world.verifications[0].bot_id = 777
    const decoded = decodeWorld(world)
    expect(decoded.ok).toBe(false)
    expect(decoded.ok ? [] : decoded.problems).toEqual([
      "sticker_sets.1.name: duplicate sticker set name PETS_by_my_bot",
      "sticker_sets.1.needs_repainting: only custom emoji sets",
      "games.1.short_name: duplicate game tetris",
      "business_connections.0.bot_id: 42 is not a bot of this world (bots)",
      "owned_gifts.0.gift_id: no gift 1 in gifts",
      "verifications.0.bot_id: 777 is not in verifier_bot_ids"
    ])
  })
})
