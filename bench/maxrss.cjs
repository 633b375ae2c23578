// Preloaded into every process the benchmarks start (node --require): reports
// the process's peak resident memory on exit, so the floor (`node -e ''`) and
// the actions are measured the same way.
process.on('exit', () => {
  process.stderr.write(`\n__MAXRSS_KB__=${process.resourceUsage().maxRSS}\n`)
})
