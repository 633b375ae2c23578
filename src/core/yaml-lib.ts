import type * as Yaml from 'yaml'
import type { Alias, Node, Scalar, YAMLMap, YAMLSeq } from 'yaml'

// The `yaml` package, loaded on first use. Values files that yaml-scan
// understands are read and edited without it, so a run over ordinary files
// never evaluates the full parser (about 110 KB of code; loading it alone
// measured about 9 ms). Code that needs the parser calls yaml() or the
// guards below; files import only types from 'yaml' itself.

let lib: typeof Yaml | undefined

/** The `yaml` module. */
export function yaml(): typeof Yaml {
  // A CommonJS require, run when this first runs (a static import is
  // evaluated at start-up; a dynamic import() would make every caller
  // async). In dist/ the build maps it to dist/lib/yaml.cjs, outside the
  // bundles, which node then compiles only when it is needed.
  lib ??= require('yaml') as typeof Yaml
  return lib
}

// The node guards, as yaml's own (there are nodes only once yaml is loaded).
export const isAlias = (node: unknown): node is Alias => yaml().isAlias(node)
export const isMap = (node: unknown): node is YAMLMap => yaml().isMap(node)
export const isScalar = (node: unknown): node is Scalar => yaml().isScalar(node)
export const isSeq = (node: unknown): node is YAMLSeq => yaml().isSeq(node)
export const isNode = (node: unknown): node is Node => yaml().isNode(node)
