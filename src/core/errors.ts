/**
 * A problem the user can fix: bad input, a refused gate, a file that does not
 * parse. Reported as one plain message; anything else is a bug and keeps its stack.
 */
export class UserError extends Error {
  /** Where the problem is, when it is in a file (1-based line and column). */
  readonly file: string | undefined
  readonly line: number | undefined
  readonly column: number | undefined

  constructor(message: string, where: { file?: string; line?: number; column?: number } = {}) {
    super(message)
    this.name = 'UserError'
    this.file = where.file
    this.line = where.line
    this.column = where.column
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError
}
