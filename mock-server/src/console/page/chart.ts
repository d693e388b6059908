/**
 * A picture of the last minute above the timeline, drawn here in SVG: requests per second by status, and the waits
 * (absorbed, and asked for by 429s, with when the bot came back) as bars.
 */
import { byId, clockTime, fill, seconds, svg } from "./dom.js"
import { entries, mockNow, statusClass } from "./history.js"

/** The picture's span. */
const WINDOW_MS = 60_000

let dirty = false

/** Something came: redraw on the next frame. */
export const redrawSoon = (): void => {
  dirty = true
}

/** Draws the last minute: requests per second by status, and the waits (absorbed, and asked for by 429s) as bars. */
const draw = (): void => {
  dirty = false
  const box = byId("chart")
  const width = Math.max(240, Math.round(box.clientWidth || 600))
  const height = 150
  const top = 16
  const barsBottom = 92
  const laneTop = 104
  const laneHeight = 8
  const now = mockNow()
  const start = now - WINDOW_MS
  const x = (at: number) => ((at - start) / WINDOW_MS) * width
  const buckets = Array.from({ length: 60 }, () => ({ ok: 0, refused: 0, flood: 0, failed: 0 }))
  let total = 0
  let problems = 0
  const waits: Array<SVGElement> = []
  let lane = 0
  for (const entry of entries) {
    const event = entry.event
    if (event.kind !== "request") continue
    const end = entry.retryMs !== undefined ? event.at + entry.retryMs : event.at
    if (end < start || event.at > now + 1000) continue
    if (event.at >= start) {
      const bucket = buckets[Math.min(59, Math.floor((event.at - start) / 1000))]!
      bucket[statusClass(event.status)]++
      total++
      if (event.status !== 200) problems++
    }
    const waitBar = (from: number, to: number, cls: string, title: string) => {
      const y = laneTop + (lane++ % 4) * (laneHeight + 2)
      const x1 = Math.max(0, x(from))
      const x2 = Math.min(width, Math.max(x(to), x1 + 2))
      waits.push(
        svg("rect", { class: cls, x: x1, y, width: x2 - x1, height: laneHeight, rx: 2 }, svg("title", {}, title))
      )
    }
    if (event.waited_ms !== undefined) {
      waitBar(
        event.at - event.waited_ms,
        event.at,
        "wait absorbed",
        `${clockTime(event.at)} ${event.method}: waited ${seconds(event.waited_ms)} (absorbed)`
      )
    }
    if (entry.retryMs !== undefined) {
      waitBar(
        event.at,
        event.at + entry.retryMs,
        "wait flood",
        `${clockTime(event.at)} ${event.method}: 429, retry after ${seconds(entry.retryMs)}`
      )
      if (entry.backAt !== undefined && entry.backAt >= start) {
        const bx = x(entry.backAt)
        waits.push(
          svg(
            "line",
            { class: "back", x1: bx, x2: bx, y1: laneTop - 2, y2: laneTop + 4 * (laneHeight + 2) },
            svg(
              "title",
              {},
              `came back after ${seconds(entry.backAt - event.at)}`
            )
          )
        )
      }
    }
  }
  const peak = Math.max(1, ...buckets.map((b) => b.ok + b.refused + b.flood + b.failed))
  const step = width / 60
  const bars: Array<SVGElement> = []
  buckets.forEach((bucket, i) => {
    let y = barsBottom
    for (const key of ["ok", "refused", "flood", "failed"] as const) {
      const count = bucket[key]
      if (count === 0) continue
      const barHeight = ((barsBottom - top) * count) / peak
      y -= barHeight
      bars.push(
        svg(
          "rect",
          { class: `bar ${key}`, x: i * step + 1, y, width: Math.max(1, step - 2), height: barHeight },
          svg("title", {}, `${clockTime(start + i * 1000)}: ${count} ${key}`)
        )
      )
    }
  })
  const label = (text: string, at: number, anchor: string) =>
    svg("text", { x: at, y: height - 4, "text-anchor": anchor }, text)
  const picture = svg(
    "svg",
    {
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: "img",
      "aria-label":
        `The last minute: ${total} requests, ${problems} not 200, peak ${peak} per second; ${waits.length} waits.`
    },
    svg("text", { x: 2, y: 11 }, `${peak}/s`),
    svg("line", { class: "axis", x1: 0, x2: width, y1: barsBottom + 0.5, y2: barsBottom + 0.5 }),
    ...bars,
    svg("text", { x: 2, y: laneTop - 3 }, "waits"),
    ...waits,
    label("−60 s", 2, "start"),
    label("−30 s", width / 2, "middle"),
    label("now", width - 2, "end")
  )
  fill(box, picture)
}

/** Redraws when something came, and each second as time moves on. */
export const startDrawing = (): void => {
  const tick = () => {
    if (dirty) draw()
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
  setInterval(() => {
    dirty = true
  }, 1000)
  new ResizeObserver(() => {
    dirty = true
  }).observe(byId("chart"))
}
