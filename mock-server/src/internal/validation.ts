/**
 * Errors of Schema decoding as one line per problem, naming the field: what the world file, the faults, the flood
 * limits and every control route answer when their input is wrong.
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"

// ---- errors, one line per problem -------------------------------------------------------------------------------

/** More problems than this are summed up in a last line; a line longer than `MAX_LINE` is cut. */
const MAX_PROBLEMS = 20
const MAX_LINE = 300

/** A decoded value, or one line per problem (`path: what was expected`). */
export type Decoded<A> = { readonly ok: true; readonly value: A } | {
  readonly ok: false
  readonly problems: Array<string>
}

/** Caps a list of problems: at most MAX_PROBLEMS lines, each at most MAX_LINE characters. */
export const boundProblems = (problems: ReadonlyArray<string>): Array<string> => {
  const lines = problems.slice(0, MAX_PROBLEMS).map((line) =>
    line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line
  )
  if (problems.length > MAX_PROBLEMS) lines.push(`… and ${problems.length - MAX_PROBLEMS} more problems`)
  return lines
}

const issuesOf = (composite: ParseResult.Composite): ReadonlyArray<ParseResult.ParseIssue> =>
  (Array.isArray(composite.issues) ? composite.issues : [composite.issues]) as ReadonlyArray<ParseResult.ParseIssue>

const isUndefinedMember = (issue: ParseResult.ParseIssue): boolean =>
  issue._tag === "Type" && issue.ast._tag === "UndefinedKeyword"

/** How badly a union member's keys fit the input: its missing and unexpected keys. */
const keyMisfit = (issue: ParseResult.ParseIssue): number => {
  if (issue._tag !== "Composite") return 0
  return issuesOf(issue).filter((i) =>
    i._tag === "Pointer" && (i.issue._tag === "Missing" || i.issue._tag === "Unexpected")
  )
    .length
}

/** The member issue a union failure should report, or undefined when no member fits better than the others. */
const closestMember = (members: ReadonlyArray<ParseResult.ParseIssue>): ParseResult.ParseIssue | undefined => {
  const candidates = members.filter((member) => !isUndefinedMember(member))
  if (candidates.length === 1) return candidates[0]
  if (candidates.length === 0) return undefined
  const scores = candidates.map(keyMisfit)
  const best = Math.min(...scores)
  return scores.filter((score) => score === best).length === 1 ? candidates[scores.indexOf(best)] : undefined
}

/** What a Schema node expects, in words: "an object", "an array", or the type's own name. */
const expectedOf = (ast: AST.AST): string =>
  AST.isTypeLiteral(ast)
    ? "an object"
    : AST.isTupleType(ast)
    ? "an array"
    : AST.isRefinement(ast)
    ? expectedOf(ast.from)
    : AST.isUnion(ast)
    ? ast.types.map(expectedOf).join(" or ")
    : String(ast)

/** A value as a short line: its JSON, cut to 60 characters (and never a stack overflow on deep input). */
const shortJson = (value: unknown): string => {
  let text: string
  try {
    text = value === undefined ? "undefined" : JSON.stringify(value) ?? String(value)
  } catch {
    text = Array.isArray(value) ? "an array" : typeof value
  }
  return text.length > 60 ? `${text.slice(0, 59)}…` : text
}

/** A Type issue with its message spelled out here (Effect's default prints the whole actual value, at any depth). */
const typeIssue = (ast: AST.AST, actual: unknown): ParseResult.Type =>
  new ParseResult.Type(ast, actual, `Expected ${expectedOf(ast)}, actual ${shortJson(actual)}`)

/**
 * Simplifies an issue tree before it is formatted: a union reports every member's complaint (an optional field adds
 * "Expected undefined"), so keep only the member the input was plainly meant to be, or one line for the union when
 * that is unclear; and spell out type mismatches briefly.
 */
const simplify = (issue: ParseResult.ParseIssue): ParseResult.ParseIssue => {
  switch (issue._tag) {
    case "Pointer":
      return new ParseResult.Pointer(issue.path, issue.actual, simplify(issue.issue))
    case "Refinement":
      return new ParseResult.Refinement(issue.ast, issue.actual, issue.kind, simplify(issue.issue))
    case "Transformation":
      return new ParseResult.Transformation(issue.ast, issue.actual, issue.kind, simplify(issue.issue))
    case "Type":
      return issue.message === undefined && !AST.isRefinement(issue.ast) ? typeIssue(issue.ast, issue.actual) : issue
    case "Composite": {
      const issues = issuesOf(issue)
      if (!AST.isUnion(issue.ast)) {
        return new ParseResult.Composite(issue.ast, issue.actual, issues.map(simplify) as never, issue.output)
      }
      const member = closestMember(issues)
      if (member !== undefined) return simplify(member)
      const members = issue.ast.types.filter((type) => type._tag !== "UndefinedKeyword")
      return typeIssue(members.length === issue.ast.types.length ? issue.ast : AST.Union.make(members), issue.actual)
    }
    default:
      return issue
  }
}

/** One line per problem; `what` names the whole input in a line about the input itself. */
const problemLines = (error: ParseResult.ParseError, what: string): Array<string> =>
  boundProblems(
    ParseResult.ArrayFormatter.formatIssueSync(simplify(error.issue)).map((issue) =>
      `${issue.path.length > 0 ? issue.path.join(".") : what}: ${issue.message}`
    )
  )

/** A decoder for `schema`: the value, or one line per problem (`what` names the whole input). */
export const decoder = <A>(schema: Schema.Schema<A, any>, what: string) => {
  const decode = Schema.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "error" })
  return (input: unknown): Decoded<A> => {
    try {
      const result = decode(input)
      return Either.isRight(result)
        ? { ok: true, value: result.right }
        : { ok: false, problems: problemLines(result.left, what) }
    } catch (error) {
      // Only input nested deeper than the stack allows gets here; anything else is a defect of the mock.
      if (error instanceof RangeError) return { ok: false, problems: [`${what}: nested too deeply to be read`] }
      throw error
    }
  }
}
