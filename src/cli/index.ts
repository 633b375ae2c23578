#!/usr/bin/env node
import { main } from './main'

// Captured before an action runs: the local runner reroutes process.stdout.write.
const stdout = process.stdout.write.bind(process.stdout)
const stderr = process.stderr.write.bind(process.stderr)

process.exitCode = await main(process.argv.slice(2), {
  stdout: (t) => stdout(t),
  stderr: (t) => stderr(t),
  isTTY: process.stdout.isTTY === true,
  env: process.env,
  cwd: process.cwd(),
})
