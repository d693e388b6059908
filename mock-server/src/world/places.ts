/**
 * Contents without files (telegram-wire-messages.md §M5.10–§M5.13): a location (live while its period runs on the
 * mock's clock), a venue, a contact, a dice; and when a live location is live.
 */

/** A point: latitude and longitude in degrees, the accuracy radius in meters (0: none). */
export interface PointRecord {
  readonly latitude: number
  readonly longitude: number
  readonly accuracy: number
}

/** A period that never ends (`live_period` 0x7FFFFFFF). */
export const FOREVER = 2147483647

/**
 * A location; a live one keeps its period (counted from the message's date), when that ends on the mock's clock
 * (unix seconds, or FOREVER; a stopped one ended), its heading and proximity alert radius.
 */
export interface LocationContent extends PointRecord {
  readonly kind: "location"
  /** 0: a static location. */
  readonly livePeriod: number
  readonly liveUntil: number
  readonly heading: number
  readonly proximityAlertRadius: number
}

/** A venue at a point; its provider (`foursquare`, `gplaces`, or "") with the place's id and type. */
export interface VenueContent extends PointRecord {
  readonly kind: "venue"
  readonly title: string
  readonly address: string
  readonly provider: string
  readonly venueId: string
  readonly venueType: string
}

/** A contact card. */
export interface ContactContent {
  readonly kind: "contact"
  readonly phoneNumber: string
  readonly firstName: string
  readonly lastName: string
  readonly vcard: string
  /** The user the number belongs to, when the world knows one (0: none). */
  readonly userId: number
}

/** A dice thrown with its emoji, and the value it shows. */
export interface DiceContent {
  readonly kind: "dice"
  readonly emoji: string
  readonly value: number
}

/** Every content of this file. */
export type PlaceContent = LocationContent | VenueContent | ContactContent | DiceContent

/** True while a live location runs at `nowSeconds` (a static, ended or stopped one is not live). */
export const isLive = (content: LocationContent, nowSeconds: number): boolean =>
  content.livePeriod !== 0 && (content.liveUntil === FOREVER || content.liveUntil > nowSeconds)

/** When a live period sent at `date` ends (FOREVER for 0x7FFFFFFF; 0 for a static location). */
export const liveEnd = (date: number, livePeriod: number): number =>
  livePeriod === 0 ? 0 : livePeriod === FOREVER ? FOREVER : date + livePeriod
