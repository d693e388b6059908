/**
 * A point as the Bot API reads it (Client.cpp get_location): `latitude`, then `longitude`, trimmed (empty: `latitude
 * is empty`), then `horizontal_accuracy`; each read as td::to_double does (a stream's `>> double`: the longest number
 * at the start, junk reads as 0). TDLib's checks (the ranges, the accuracy clamped to 0-1500) are Location.cpp's.
 */
import type { Params } from "../internal/Params.js"
import type { PointRecord } from "../world/places.js"
import type { TextRefusal } from "./text.js"

const NUMBER = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/

/** td::to_double: the number at the start of the text, 0 when there is none; beyond a double's range, ±max. */
export const toDouble = (text: string): number => {
  const match = NUMBER.exec(text)
  if (match === null) return 0
  const value = Number(match[0])
  return Number.isFinite(value) ? value : value > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE
}

/** The point a request names, before TDLib's checks. */
export const readPoint = (params: Params): PointRecord | TextRefusal => {
  const latitude = (params.get("latitude") ?? "").trim()
  if (latitude === "") return { refusal: "Bad Request: latitude is empty" }
  const longitude = (params.get("longitude") ?? "").trim()
  if (longitude === "") return { refusal: "Bad Request: longitude is empty" }
  return {
    latitude: toDouble(latitude),
    longitude: toDouble(longitude),
    accuracy: toDouble((params.get("horizontal_accuracy") ?? "").trim())
  }
}

/** TDLib's Location: a valid point with its accuracy clamped to 0-1500, or undefined (an empty location). */
export const validPoint = (point: PointRecord): PointRecord | undefined => {
  const { latitude, longitude, accuracy } = point
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return undefined
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined
  const fixed = !Number.isFinite(accuracy) || accuracy <= 0 ? 0 : Math.min(accuracy, 1500)
  return { latitude, longitude, accuracy: fixed }
}
