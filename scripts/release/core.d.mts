/**
 * `1.2.3`, `v1.2.3`, `1.2.3-rc.1`: the version, or undefined when it is not semver.
 * @param {string} text
 * @returns {Version | undefined}
 */
export function parseVersion(text: string): Version | undefined;
/** @param {Version} v */
export function formatVersion(v: Version): string;
/**
 * semver precedence: negative when a < b, 0 when equal (build metadata ignored).
 * @param {Version} a
 * @param {Version} b
 */
export function compareVersions(a: Version, b: Version): number;
/**
 * The release tags among `tags` (`v1.2.3`, not the floating `v1`/`v1.2`), highest first.
 * @param {string[]} tags
 * @returns {{ tag: string, version: Version }[]}
 */
export function releaseTags(tags: string[]): {
    tag: string;
    version: Version;
}[];
/**
 * Checks the requested version against the last release and names its tags.
 * @param {string} requested
 * @param {string[]} existingTags
 */
export function planVersion(requested: string, existingTags: string[]): {
    version: Version;
    tag: string;
    previousTag: string | undefined;
    prerelease: boolean;
    floating: string[];
};
/**
 * The tags that follow the newest release: `v1` and `v1.2`. A pre-release
 * moves none (a caller on @v1 must never get a release candidate).
 * @param {Version} version
 */
export function floatingTags(version: Version): string[];
/**
 * The changelog section of a release: the commits since the last tag, grouped
 * when they follow Conventional Commits, with a link to the full compare.
 * @param {{ tag: string, date: Date, commits: Commit[], previousTag?: string, repoUrl?: string }} options
 */
export function changelogSection({ tag, date, commits, previousTag, repoUrl }: {
    tag: string;
    date: Date;
    commits: Commit[];
    previousTag?: string;
    repoUrl?: string;
}): string;
/**
 * CHANGELOG.md with `section` added above the previous release.
 * @param {string | undefined} existing
 * @param {string} section
 */
export function insertChangelogSection(existing: string | undefined, section: string): string;
/**
 * The section of `tag` in a CHANGELOG.md (for the GitHub release body).
 * @param {string} changelog
 * @param {string} tag
 */
export function findChangelogSection(changelog: string, tag: string): string | undefined;
/**
 * GitHub Enterprise Server without `$/`: the published workflows' references to
 * this library's own actions (and workflows) are pinned to the release tag.
 * @param {string} text a workflow file
 * @param {string} repository owner/name of this library
 * @param {string} tag
 * @returns {{ text: string, count: number }}
 */
export function pinSelfReferences(text: string, repository: string, tag: string): {
    text: string;
    count: number;
};
/**
 * owner/name of a GitHub remote URL (https, ssh or scp-like), or undefined.
 * @param {string} url
 */
export function repositoryFromRemote(url: string): string | undefined;
/**
 * @typedef {{ version: string, dryRun: boolean, pinSelfReferences: boolean, releaseOnly: boolean,
 *   repository: string | undefined, remote: string, help: boolean }} ReleaseArgs
 */
/**
 * @param {string[]} argv
 * @returns {ReleaseArgs}
 */
export function parseArgs(argv: string[]): ReleaseArgs;
/**
 * @typedef {{ major: number, minor: number, patch: number, prerelease: string[], build: string }} Version
 * @typedef {{ sha: string, subject: string, author: string }} Commit
 */
export class ReleaseError extends Error {
    /** @param {string} message */
    constructor(message: string);
}
export const USAGE: "Usage: npm run release -- <version> [options]\n\nCuts a release of this library: checks the tree (clean, dist/ fresh, version\nsemver and greater than the last release), writes the CHANGELOG.md section from\nthe commits since the last tag, commits it, creates the annotated tag vX.Y.Z,\nmoves vX and vX.Y to it, pushes branch and tags atomically, and creates the\nGitHub release.\n\nOptions:\n  --dry-run               print everything it would do; change nothing\n  --pin-self-references   GitHub Enterprise Server without $/ support: in the\n                          tagged commit, rewrite the reusable workflows'\n                          \"uses: $/...\" to \"<repository>/...@vX.Y.Z\"\n  --release-only          only create the GitHub release of an existing tag\n                          (after a failed API call)\n  --repository <o/n>      the GitHub repository (default: GITHUB_REPOSITORY,\n                          else the origin remote's URL)\n  --remote <name>         the git remote to push to (default: origin)\n  -h, --help              this help\n\nEnvironment: GITHUB_TOKEN (or GH_TOKEN) to create the release; GITHUB_API_URL\nand GITHUB_SERVER_URL for GitHub Enterprise Server.";
export class UsageError extends Error {
    /** @param {string} message */
    constructor(message: string);
}
export type ReleaseArgs = {
    version: string;
    dryRun: boolean;
    pinSelfReferences: boolean;
    releaseOnly: boolean;
    repository: string | undefined;
    remote: string;
    help: boolean;
};
export type Version = {
    major: number;
    minor: number;
    patch: number;
    prerelease: string[];
    build: string;
};
export type Commit = {
    sha: string;
    subject: string;
    author: string;
};
