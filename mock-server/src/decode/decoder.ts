/**
 * A small decoder of untrusted JSON (world files, faults, flood limits, the control API's bodies): each decoder checks
 * a value and names every problem on a line of its own, `path: what was expected, actual <value>`. Hand-written, with
 * no dependency, so that the mock installs nothing at run time; the wording follows what the mock answered before
 * (`Expected string, actual 5`, `is missing`, `is unexpected, expected: "a" | "b"`).
 */

/** A decoded value, or one line per problem. */
export type Decoded<A> = { readonly ok: true; readonly value: A } | {
  readonly ok: false
  readonly problems: Array<string>
}

/** Marks a value that failed: its problems are already written down. */
const INVALID: unique symbol = Symbol("invalid")
type Invalid = typeof INVALID

/** Where a value sits in the input (`chats.0.members.1.user_id`), and the list its problems go to. */
interface Site {
  readonly path: ReadonlyArray<string | number>
  readonly problems: Array<string>
}

/** Checks one value: the decoded value, or INVALID with its problems written to the site. */
export interface Decoder<A> {
  /** What the decoder expects, in words (`string`, `an object`, `a user id from 1 to 2^40-1`). */
  readonly expected: string
  readonly run: (input: unknown, site: Site) => A | Invalid
}

/** The type a decoder produces. */
export type Infer<D> = D extends Decoder<infer A> ? A : never

/** More problems than this are summed up in a last line; a line longer than `MAX_LINE` is cut. */
const MAX_PROBLEMS = 20
const MAX_LINE = 300

/** Caps a list of problems: at most MAX_PROBLEMS lines, each at most MAX_LINE characters. */
export const boundProblems = (problems: ReadonlyArray<string>): Array<string> => {
  const lines = problems.slice(0, MAX_PROBLEMS).map((line) =>
    line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line
  )
  if (problems.length > MAX_PROBLEMS) lines.push(`… and ${problems.length - MAX_PROBLEMS} more problems`)
  return lines
}

/** A value as a short line: its JSON, cut to 60 characters (never a stack overflow on deep input). */
export const shortJson = (value: unknown): string => {
  let text: string
  try {
    text = value === undefined ? "undefined" : JSON.stringify(value) ?? String(value)
  } catch {
    text = Array.isArray(value) ? "an array" : typeof value
  }
  return text.length > 60 ? `${text.slice(0, 59)}…` : text
}

const report = (site: Site, line: string): Invalid => {
  site.problems.push(`${site.path.join(".")}: ${line}`)
  return INVALID
}

const mismatch = (site: Site, expected: string, actual: unknown): Invalid =>
  report(site, `Expected ${expected}, actual ${shortJson(actual)}`)

const at = (site: Site, key: string | number): Site => ({ path: [...site.path, key], problems: site.problems })

/** A decoder from a type test. */
const primitive = <A>(expected: string, test: (input: unknown) => input is A): Decoder<A> => ({
  expected,
  run: (input, site) => test(input) ? input : mismatch(site, expected, input)
})

/** A value that passes a type test (bytes, a class's instances); `expected` says what passes. */
export const instance = <A>(expected: string, test: (input: unknown) => input is A): Decoder<A> =>
  primitive(expected, test)

export const string: Decoder<string> = primitive("string", (u): u is string => typeof u === "string")
export const boolean: Decoder<boolean> = primitive("boolean", (u): u is boolean => typeof u === "boolean")
export const number: Decoder<number> = primitive("number", (u): u is number => typeof u === "number")

/** Narrows a decoder's values: `expected` says what passes (`a safe integer`). */
export const refine = <A>(base: Decoder<A>, expected: string, test: (value: A) => boolean): Decoder<A> => ({
  expected,
  run: (input, site) => {
    const value = base.run(input, site)
    if (value === INVALID) return INVALID
    return test(value) ? value : mismatch(site, expected, input)
  }
})

/** A safe integer (what every id and count is). */
export const safeInt: Decoder<number> = refine(number, "a safe integer", (n) => Number.isSafeInteger(n))

/** A safe integer from `min` to `max`; `expected` describes the range in words. */
export const intBetween = (
  min: number,
  max: number,
  expected = `an integer between ${min} and ${max}`
): Decoder<number> => refine(safeInt, expected, (n) => n >= min && n <= max)

/** A string of `min` to `max` characters. */
export const stringBetween = (min: number, max: number): Decoder<string> =>
  refine(
    string,
    min === 1 && max === Infinity ? "a non empty string" : `a string of ${min} to ${max} characters`,
    (s) => s.length >= min && s.length <= max
  )

/** A non-empty string. */
export const nonEmptyString: Decoder<string> = stringBetween(1, Infinity)

/** A string matching `pattern`. */
export const pattern = (regex: RegExp, expected: string): Decoder<string> =>
  refine(string, expected, (s) => regex.test(s))

/** One of the given strings (or `true`). */
export const literal = <const L extends ReadonlyArray<string | boolean>>(...values: L): Decoder<L[number]> => {
  const expected = values.map((value) => JSON.stringify(value)).join(" | ")
  return primitive(expected, (u): u is L[number] => values.includes(u as L[number]))
}

/** An array of values of one decoder (every element checked, every problem named). */
export const array = <A>(item: Decoder<A>): Decoder<ReadonlyArray<A>> => ({
  expected: "an array",
  run: (input, site) => {
    if (!Array.isArray(input)) return mismatch(site, "an array", input)
    const out: Array<A> = []
    let failed = false
    for (let i = 0; i < input.length; i++) {
      const value = item.run(input[i], at(site, i))
      if (value === INVALID) failed = true
      else out.push(value)
    }
    return failed ? INVALID : out
  }
})

/** A field that may be left out (`undefined` when it is); `fallback` fills it in when given. */
export interface Optional<A> {
  readonly _tag: "Optional"
  readonly decoder: Decoder<A>
  readonly fallback: (() => A) | undefined
}

/** A field that may be left out. */
export const optional = <A>(decoder: Decoder<A>): Optional<A> => ({ _tag: "Optional", decoder, fallback: undefined })

/** A field that takes `fallback()` when left out. */
export const withDefault = <A>(decoder: Decoder<A>, fallback: () => A): Optional<A> & { readonly filled: true } => ({
  _tag: "Optional",
  decoder,
  fallback,
  filled: true
})

type Field = Decoder<any> | Optional<any>
type Fields = Readonly<Record<string, Field>>

type Simplify<A> = { [K in keyof A]: A[K] } & {}
type RequiredKeys<F extends Fields> = { [K in keyof F]: F[K] extends Decoder<any> ? K : never }[keyof F]
type FilledKeys<F extends Fields> = { [K in keyof F]: F[K] extends { readonly filled: true } ? K : never }[keyof F]
type OptionalKeys<F extends Fields> = Exclude<keyof F, RequiredKeys<F> | FilledKeys<F>>
type FieldType<F> = F extends Decoder<infer A> ? A : F extends Optional<infer A> ? A : never

/** What a struct of these fields decodes to (an optional field may be absent or undefined). */
export type StructOf<F extends Fields> = Simplify<
  & { readonly [K in RequiredKeys<F> | FilledKeys<F>]: FieldType<F[K]> }
  & { readonly [K in OptionalKeys<F>]?: FieldType<F[K]> | undefined }
>

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

/** An object with exactly these fields: missing required fields and unknown keys are problems too. */
export const struct = <F extends Fields>(fields: F): Decoder<StructOf<F>> & { readonly fields: F } => {
  const keys = Object.keys(fields)
  const known = keys.map((key) => JSON.stringify(key)).join(" | ")
  return {
    expected: "an object",
    fields,
    run: (input, site) => {
      if (!isRecord(input)) return mismatch(site, "an object", input)
      const out: Record<string, unknown> = {}
      let failed = false
      for (const key of Object.keys(input)) {
        if (!Object.hasOwn(fields, key)) {
          failed = true
          report(at(site, key), `is unexpected, expected: ${known}`)
        }
      }
      for (const key of keys) {
        const field = fields[key]!
        const value = Object.hasOwn(input, key) ? input[key] : undefined
        if (value === undefined) {
          if ("_tag" in field) {
            if (field.fallback !== undefined) out[key] = field.fallback()
            continue
          }
          failed = true
          report(at(site, key), "is missing")
          continue
        }
        const decoded = ("_tag" in field ? field.decoder : field).run(value, at(site, key))
        if (decoded === INVALID) failed = true
        else out[key] = decoded
      }
      return failed ? INVALID : (out as StructOf<F>)
    }
  }
}

/**
 * The first member that fits. When none does, the member the input was plainly meant to be (the only one whose keys
 * it has) reports its problems; else one line: `message`, or `Expected <expected>, actual <value>` where `expected`
 * defaults to the members' own words joined with "or".
 */
export const union = <Members extends ReadonlyArray<Decoder<any>>>(
  members: Members,
  options: { readonly expected?: string; readonly message?: string } = {}
): Decoder<Infer<Members[number]>> => {
  const words = options.expected ?? members.map((member) => member.expected).join(" or ")
  return {
    expected: words,
    run: (input, site) => {
      const attempts = members.map((member) => {
        const problems: Array<string> = []
        return { member, problems, value: member.run(input, { path: site.path, problems }) }
      })
      const fit = attempts.find((attempt) => attempt.value !== INVALID)
      if (fit !== undefined) return fit.value as Infer<Members[number]>
      const meant = attempts.filter((attempt) => keysFit(attempt.member, input))
      if (meant.length === 1) {
        site.problems.push(...meant[0]!.problems)
        return INVALID
      }
      return options.message === undefined ? mismatch(site, words, input) : report(site, options.message)
    }
  }
}

/** True when the input is an object with every required key of a struct decoder, and no other keys. */
const keysFit = (member: Decoder<unknown>, input: unknown): boolean => {
  if (!("fields" in member) || !isRecord(input)) return false
  const fields = member.fields as Fields
  const required = Object.keys(fields).filter((key) => !("_tag" in fields[key]!))
  return required.every((key) => Object.hasOwn(input, key)) &&
    Object.keys(input).every((key) => Object.hasOwn(fields, key))
}

/** A decoder as a function: the value, or one line per problem (`what` names the whole input). */
export const decoder = <A>(decoder: Decoder<A>, what: string) => (input: unknown): Decoded<A> => {
  const problems: Array<string> = []
  try {
    const value = decoder.run(input, { path: [], problems })
    if (value !== INVALID) return { ok: true, value }
  } catch (error) {
    // Only input nested deeper than the stack allows gets here; anything else is a defect of the mock.
    if (error instanceof RangeError) return { ok: false, problems: [`${what}: nested too deeply to be read`] }
    throw error
  }
  return { ok: false, problems: boundProblems(problems.map((line) => line.startsWith(": ") ? what + line : line)) }
}
