/** The error the mock throws for input it refuses (a world, fault, flood limit, upgrade or control body). */

/** A world, fault, limit or upgrade the mock refuses; one line per problem, each naming the field. */
export class MockInputError extends Error {
  override readonly name = "MockInputError"
  /** The problems, one line each (`chats.0.members.0.user_id: unknown user 999`); the message joins them. */
  readonly problems: ReadonlyArray<string>

  constructor(problems: ReadonlyArray<string>) {
    super(problems.join("\n"))
    this.problems = problems
  }
}
