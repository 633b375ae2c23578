import { UserError } from '../core/errors'

/**
 * A GitHub API refusal (403 without a permission, 404 of a repository the
 * token cannot see) is the user's to fix: one plain message saying what was
 * asked and which permission helps. Anything else stays a bug with its stack.
 */
export function apiUserError(error: unknown, what: string, hint: string): unknown {
  if (!(error instanceof Error)) return error
  const status = (error as { status?: unknown }).status
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new UserError(`${what}: GitHub answered ${status} (${error.message}). ${hint}`)
  }
  if (error.name === 'GraphqlResponseError') {
    return new UserError(`${what}: ${error.message}. ${hint}`)
  }
  return error
}

/** Runs an API call and turns a refusal into a UserError naming the permission. */
export async function withApiHint<T>(
  what: string,
  hint: string,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call()
  } catch (error) {
    throw apiUserError(error, what, hint)
  }
}
