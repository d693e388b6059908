/**
 * The JSON parts of an invoice and of a shipping answer as the real server reads them (Client.cpp
 * get_labeled_price_parts, get_suggested_tip_amounts, get_shipping_options; telegram-wire-chats.md §19.1, §19.3).
 * Each reader gives the values, or the reason in Client.cpp's words (the caller rewrites it for the wire).
 */
import { field, FieldError, intField, type JsonValue, parseJson, stringField } from "../internal/JsonValue.js"
import type { LabeledPrice, ShippingOption } from "../world/payments.js"

/** td::to_integer_safe<int64>: the canonical decimal text of a 64-bit integer, nothing else. */
export const safeInt64 = (text: string): number | undefined => {
  if (!/^(0|-?[1-9][0-9]*)$/.test(text) || text.length > 20) return undefined
  const big = BigInt(text)
  return big >= 2n ** 63n || big < -(2n ** 63n) ? undefined : Number(big)
}

/** One LabeledPrice, or the reason. */
const labeledPrice = (value: JsonValue): LabeledPrice | string => {
  if (value.kind !== "object") return "LabeledPrice must be an Object"
  const label = stringField(value, "label", true)
  if (label instanceof FieldError) return label.message
  if (label === "") return "LabeledPrice label must be non-empty"
  const amount = intField(value, "amount", true, 64)
  return amount instanceof FieldError ? amount.message : { label, amount }
}

/** An array of LabeledPrice (get_labeled_price_parts), or the reason. */
export const labeledPrices = (value: JsonValue): Array<LabeledPrice> | string => {
  if (value.kind !== "array") return "Expected an Array of labeled prices"
  const prices: Array<LabeledPrice> = []
  for (const item of value.items) {
    const price = labeledPrice(item)
    if (typeof price === "string") return `Can't parse labeled price: ${price}`
    prices.push(price)
  }
  return prices.length === 0 ? "There must be at least one price" : prices
}

/** `prices` as sent (required and non-empty before this). */
export const readPrices = (text: string): Array<LabeledPrice> | string => {
  const json = parseJson(text)
  return json === undefined ? "Can't parse prices JSON object" : labeledPrices(json)
}

/** `suggested_tip_amounts`: absent or empty is none. */
export const readSuggestedTips = (text: string): Array<number> | string => {
  if (text === "") return []
  const json = parseJson(text)
  if (json === undefined) return "Can't parse suggested_tip_amounts JSON object"
  if (json.kind !== "array") return "Expected an Array of suggested tip amounts"
  const tips: Array<number> = []
  for (const item of json.items) {
    const number = item.kind === "number" ? item.text : item.kind === "string" ? item.value : undefined
    if (number === undefined) return "Suggested tip amount must be of type Number or String"
    const tip = safeInt64(number)
    if (tip === undefined) return "Can't parse suggested tip amount as Number"
    tips.push(tip)
  }
  return tips
}

/** `max_tip_amount`: absent or empty is 0. */
export const readMaxTip = (text: string): number | string => {
  if (text === "") return 0
  return safeInt64(text) ?? `Can't parse "max_tip_amount" as Number`
}

/** One ShippingOption, or the reason. */
const shippingOption = (value: JsonValue): ShippingOption | string => {
  if (value.kind !== "object") return "ShippingOption must be an Object"
  const id = stringField(value, "id", true)
  if (id instanceof FieldError) return id.message
  if (id === "") return "ShippingOption identifier must be non-empty"
  const title = stringField(value, "title", true)
  if (title instanceof FieldError) return title.message
  if (title === "") return "ShippingOption title must be non-empty"
  const pricesJson = field(value, "prices")
  if (pricesJson === undefined) return `Can't find field "prices"`
  if (pricesJson.kind !== "array") return `Field "prices" must be of type Array`
  const prices = labeledPrices(pricesJson)
  return typeof prices === "string" ? `Can't parse shipping option prices: ${prices}` : { id, title, prices }
}

/** `shipping_options` as sent (required and non-empty before this): the options, or the reason. */
export const readShippingOptions = (text: string): Array<ShippingOption> | string => {
  const json = parseJson(text)
  if (json === undefined) return "Can't parse shipping options JSON object"
  if (json.kind !== "array") return "Expected an Array of shipping options"
  const options: Array<ShippingOption> = []
  for (const item of json.items) {
    const option = shippingOption(item)
    if (typeof option === "string") return `Can't parse shipping option: ${option}`
    options.push(option)
  }
  return options.length === 0 ? "There must be at least one shipping option" : options
}
