/**
 * What a person sends besides text, from the console: a file (uploaded as a multipart form, as a photo, a document,
 * a voice message… by its type unless chosen), a location, a contact, a dice. Each goes where the message box sends
 * (the private chat with the bot, or the group chosen), replying when the box replies.
 */
import { control } from "./client.js"
import { replyPart, stopComposing } from "./compose.js"
import { byId } from "./dom.js"
import { nameOf, place, state } from "./state.js"
import { act, text } from "./ui.js"

const field = (id: string) => byId<HTMLInputElement>(id)

/** The kind a file is sent as, by its type (a person's app chooses so too). */
export const fileKind = (type: string): string =>
  type === "image/gif"
    ? "animation"
    : type.startsWith("image/")
    ? "photo"
    : type === "audio/ogg"
    ? "voice"
    : type.startsWith("audio/")
    ? "audio"
    : type.startsWith("video/")
    ? "video"
    : "document"

/** Sends `body` to a people route as the person, then says what was sent. */
const sendAs = (route: string, body: FormData | Record<string, unknown>, what: string): void => {
  const person = state.person
  if (person === undefined) return
  void act(() => control("POST", `users/${person}/${route}`, body), () => {
    stopComposing()
    return `${nameOf(person)} sent ${what}`
  })
}

const where = (): Record<string, unknown> => ({ ...place(), ...replyPart() })

const sendFile = (): void => {
  const file = field("file-input").files?.[0]
  if (file === undefined) return
  const kind = byId<HTMLSelectElement>("file-kind").value || fileKind(file.type)
  const form = new FormData()
  form.set("kind", kind)
  form.set("file", file, file.name)
  const caption = text(field("file-caption"))
  if (caption !== undefined) form.set("caption", caption)
  for (const [key, value] of Object.entries(where())) form.set(key, String(value))
  sendAs("send_file", form, `${file.name} as a ${kind.replace("_", " ")}`)
}

const number = (id: string): number => Number(text(field(id)) ?? "NaN")

/** Wires the forms. */
export const setUpAttachments = (): void => {
  const submit = (id: string, run: () => void) =>
    byId(id).addEventListener("submit", (event) => {
      event.preventDefault()
      run()
    })
  submit("file-form", sendFile)
  submit("location-form", () =>
    sendAs(
      "send_location",
      { latitude: number("location-latitude"), longitude: number("location-longitude"), ...where() },
      "a location"
    ))
  submit("contact-form", () =>
    sendAs(
      "send_contact",
      { phone_number: text(field("contact-phone")) ?? "", first_name: text(field("contact-name")) ?? "", ...where() },
      "a contact"
    ))
  submit("dice-form", () => {
    const emoji = byId<HTMLSelectElement>("dice-emoji").value
    sendAs("send_dice", { emoji, ...where() }, `a ${emoji}`)
  })
}
