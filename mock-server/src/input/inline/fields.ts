/**
 * TDLib's JsonObject field readers (tdutils JsonBuilder.cpp) as one object that throws a FieldError with TDLib's text,
 * for the long sequences of TRY_RESULT reads of an inline query result: the caller catches once (`readFields`).
 */
import { boolField, field, FieldError, intField, type JsonValue, stringField } from "../../internal/JsonValue.js"
import { toDouble } from "../location.js"
import type { FormattedText, TextRefusal } from "../text.js"

export type JsonObject = Extract<JsonValue, { kind: "object" }>

const orThrow = <A>(value: A | FieldError): A => {
  if (value instanceof FieldError) throw value
  return value
}

/** A refusal of the Bot API's text readers (`Bad Request: unsupported parse_mode`) as the inner error it was. */
export const innerError = (refusal: TextRefusal): FieldError => {
  const message = refusal.refusal.replace(/^Bad Request: /, "")
  return new FieldError(message[0]!.toUpperCase() + message.slice(1))
}

/** A formatted text the Bot API read, or its inner error thrown. */
export const formattedOrThrow = (read: FormattedText | TextRefusal): FormattedText => {
  if ("refusal" in read) throw innerError(read)
  return read
}

/** The fields of one JSON object, read as TDLib reads them; each reader throws TDLib's FieldError. */
export class Fields {
  constructor(readonly object: JsonObject) {}

  has(name: string): boolean {
    return field(this.object, name) !== undefined
  }

  /** The raw value (extract_field): undefined when absent. */
  raw(name: string): JsonValue | undefined {
    return field(this.object, name)
  }

  string(name: string, required = false): string {
    return orThrow(stringField(this.object, name, required))
  }

  bool(name: string): boolean {
    return orThrow(boolField(this.object, name))
  }

  int(name: string, required = false): number {
    return orThrow(intField(this.object, name, required))
  }

  long(name: string, required = false): number {
    return orThrow(intField(this.object, name, required, 64))
  }

  /** get_optional/required_double_field: a JSON number only. */
  double(name: string, required = false): number {
    const value = field(this.object, name)
    if (value === undefined) {
      if (required) throw new FieldError(`Can't find field "${name}"`)
      return 0
    }
    if (value.kind !== "number") throw new FieldError(`Field "${name}" must be of type Number`)
    return toDouble(value.text)
  }

  /** extract_optional_field / extract_required_field with a type: undefined when absent (and not required). */
  typed<K extends "object" | "array">(
    name: string,
    kind: K,
    required = false
  ): Extract<JsonValue, { kind: K }> | undefined {
    const value = field(this.object, name)
    if (value === undefined) {
      if (required) throw new FieldError(`Can't find field "${name}"`)
      return undefined
    }
    if (value.kind !== kind) {
      throw new FieldError(`Field "${name}" must be of type ${kind === "object" ? "Object" : "Array"}`)
    }
    return value as Extract<JsonValue, { kind: K }>
  }
}

/** Runs a reader of fields: its value, or the FieldError it threw. */
export const readFields = <A>(read: () => A): A | FieldError => {
  try {
    return read()
  } catch (error) {
    if (error instanceof FieldError) return error
    throw error
  }
}
