// The contract between the edits (bump-helm-values, promote) and the ways a
// commit is made (git push, GitHub's GraphQL API): the edit is a function of
// the files at the branch tip, so a retry recomputes it instead of rebasing.

/**
 * Reads a repository-relative file at the current tip; undefined when it
 * does not exist. `files`, where the reader can list them: every file
 * there (a `files` glob is matched against these, at each tip).
 */
export type ReadFile = ((path: string) => Promise<string | undefined>) & {
  files?: () => string[] | Promise<string[]>
}

export interface CommitPlan {
  /** Full new contents of the changed files only. */
  files: { path: string; content: string }[]
  /** Full message, trailers included. */
  message: string
}

/**
 * Computes the change from the files as they are NOW at the branch tip.
 * Called again after every rejected push / stale head, so the change is
 * recomputed, never rebased blindly. Returns undefined when nothing needs to
 * change. May throw UserError to abort: then nothing is committed or pushed.
 */
export type PrepareCommit = (
  read: ReadFile,
  attempt: number,
  /** The commit `read` reads from (promote reads that commit's history too); always passed. */
  tip?: string,
) => Promise<CommitPlan | undefined>
