// Release tags: `v1.2.3`, `1.2.3-rc.1`, `v2.0.0+build.7`.

export interface ReleaseVersion {
  major: number
  minor: number
  patch: number
  /** `rc.1` for `v1.2.3-rc.1`; undefined for a release. */
  prerelease: string | undefined
  /** The version as an image tag: `1.2.3-rc.1` (build metadata joined with `-`, since `+` is not allowed in tags). */
  tag: string
}

const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/

/** The version of a git tag named `vX.Y.Z[-pre][+build]`, or undefined for any other tag. */
export function parseReleaseTag(name: string): ReleaseVersion | undefined {
  const match = SEMVER.exec(name)
  if (!match) return undefined
  const [, major, minor, patch, prerelease, build] = match
  const core = `${major}.${minor}.${patch}`
  return {
    major: Number(major),
    minor: Number(minor),
    patch: Number(patch),
    prerelease,
    tag: [core, prerelease, build].filter((part) => part !== undefined).join('-'),
  }
}
