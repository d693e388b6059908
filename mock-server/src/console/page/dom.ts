/**
 * The page's only way to make DOM: elements with attributes set one by one and children added as nodes, so text
 * (names, messages, link names, descriptions: data from the world) is always a text node and never markup. Nothing in
 * the page uses innerHTML, outerHTML, insertAdjacentHTML or document.write (a test checks the bundle).
 */

/** A child: a node, text (made a text node), or nothing. */
export type Child = Node | string | number | false | null | undefined

/** Attribute values; `on…` keys take listeners, booleans toggle the attribute, undefined leaves it out. */
export type Attrs = Readonly<Record<string, string | number | boolean | undefined | EventListener>>

const append = (parent: Node, children: ReadonlyArray<Child>): void => {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)))
  }
}

const setAttrs = (element: Element, attrs: Attrs): void => {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue
    if (typeof value === "function") element.addEventListener(key.slice(2), value)
    else element.setAttribute(key, value === true ? "" : String(value))
  }
}

/** An HTML element. */
export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: ReadonlyArray<Child>
): HTMLElementTagNameMap[K] => {
  const element = document.createElement(tag)
  setAttrs(element, attrs)
  append(element, children)
  return element
}

const SVG = "http://www.w3.org/2000/svg"

/** An SVG element. */
export const svg = <K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: ReadonlyArray<Child>
): SVGElementTagNameMap[K] => {
  const element = document.createElementNS(SVG, tag)
  setAttrs(element, attrs)
  append(element, children)
  return element
}

/** Replaces an element's children. */
export const fill = (parent: Element, ...children: ReadonlyArray<Child>): void => {
  parent.replaceChildren()
  append(parent, children)
}

/** The element with this id (the page's skeleton has it). */
export const byId = <E extends HTMLElement = HTMLElement>(id: string): E => {
  const element = document.getElementById(id)
  if (element === null) throw new Error(`the page has no #${id}`)
  return element as E
}

/** A `<label>` around a control, with its text first. */
export const labelled = (text: string, control: HTMLElement, attrs: Attrs = {}): HTMLLabelElement =>
  h("label", attrs, h("span", {}, text), control)

/** `<option>`s for a select, keeping its value when it is still offered. */
export const setOptions = (
  select: HTMLSelectElement,
  options: ReadonlyArray<readonly [value: string, text: string]>,
  fallback?: string
): void => {
  const previous = select.value
  fill(select, ...options.map(([value, text]) => h("option", { value }, text)))
  const values = options.map(([value]) => value)
  if (values.includes(previous)) select.value = previous
  else if (fallback !== undefined && values.includes(fallback)) select.value = fallback
}

/** An href for data that may be a URL: http(s) only; anything else is shown as text, never followed. */
export const safeHref = (url: string): string | undefined => {
  try {
    const parsed = new URL(url)
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : undefined
  } catch {
    return undefined
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0")

/** `12:03:04` (local time) of a time in milliseconds; `12:03:04.567` with `millis`. */
export const clockTime = (ms: number, millis = false): string => {
  const d = new Date(ms)
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  return millis ? `${time}.${pad(d.getMilliseconds(), 3)}` : time
}

/** `2026-11-26 12:03` (local time) of a Unix time in seconds. */
export const dateTime = (seconds: number): string => {
  const d = new Date(seconds * 1000)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** Seconds with one decimal: `7.2 s`. */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`
