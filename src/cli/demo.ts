import type { CliIo } from './main'

export async function runDemo(_argv: string[], io: CliIo): Promise<number> {
  io.stderr('demo: not written yet\n')
  return 1
}
