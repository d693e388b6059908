// A typedoc plugin for the Effect 4 edition's API reference (typedoc.effect4.json). The edition is compiled from the
// Effect 3 edition's source, whose doc comments speak of effect-telegram-invite: the reference names this package and
// its subpaths (`effect-telegram-invite-effect4/MockHttpClient`, …) and the peers of its Redis subpath, and gives each
// name the version of this package that shipped it (effect4/scripts/since-as-shipped.mjs says how). Service keys
// (`"effect-telegram-invite/BotApi"`) are identifiers, shared by both editions, and stay as they are.
import { Converter, ReflectionKind } from "typedoc"
import { shippedSince } from "../effect4/scripts/since-as-shipped.mjs"

const PACKAGE = "effect-telegram-invite-effect4"

/** The module's name in this package: the shared source names the Effect 3 package (or only the folder). */
const moduleName = (name) =>
  name === "effect-telegram-invite"
    ? PACKAGE
    : name.startsWith("effect-telegram-invite/")
    ? `${PACKAGE}/${name.slice("effect-telegram-invite/".length)}`
    : name === "redis"
    ? `${PACKAGE}/redis`
    : name

/** What the shared doc comments say of the Effect 3 package, as this package has it. */
const proseOfThisEdition = (text) =>
  text
    .replace(/effect-telegram-invite(?=\/(?:BotApi|ChatId|Policy|redis|MockHttpClient|UndiciHttpClient)\b)/g, PACKAGE)
    .replace("(ioredis, @effect/experimental)", "(@effect/platform-node, redis)")
    .replace(/^effect-telegram-invite:/, `${PACKAGE}:`)

/** Every comment of a reflection: its own and its signatures'. */
const commentsOf = (reflection) => [reflection.comment, ...(reflection.signatures ?? []).map((s) => s.comment)]

export const load = (app) => {
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    for (const reflection of Object.values(context.project.reflections)) {
      if (reflection.kindOf(ReflectionKind.Module)) reflection.name = moduleName(reflection.name)
      for (const comment of commentsOf(reflection)) {
        for (const part of comment?.summary ?? []) part.text = proseOfThisEdition(part.text)
        for (const tag of comment?.blockTags ?? []) {
          if (tag.tag !== "@since") continue
          const since = tag.content.map((part) => part.text).join("").trim()
          tag.content = [{ kind: "text", text: shippedSince(since) }]
        }
      }
    }
  })
}
