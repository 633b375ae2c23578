// Turns the workflow commands an action writes to stdout (::group::,
// ::error::, ::add-mask::, ...) into what a person at a terminal wants:
// progress with elapsed time, plain error lines, secrets masked.

export interface ReporterOptions {
  /** Progress lines are redrawn in place on a terminal; plain lines otherwise. */
  tty: boolean
  /** Where log lines go: stdout for people, stderr when stdout carries JSON. */
  log: (text: string) => void
  /** Where error and warning lines go (stderr). */
  logError: (text: string) => void
  verbose: boolean
  now?: () => number
}

export interface Reporter {
  write: (chunk: string) => void
  flush: () => void
  errors: string[]
}

function unescapeData(s: string): string {
  return s
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%')
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`
}

export function createReporter(options: ReporterOptions): Reporter {
  const now = options.now ?? Date.now
  const started = now()
  const secrets: string[] = []
  const errors: string[] = []
  let buffer = ''
  let group: { title: string; start: number } | undefined
  let spinner: NodeJS.Timeout | undefined
  let headerIsLast = false

  const mask = (text: string): string =>
    secrets.reduce((t, s) => (s ? t.split(s).join('***') : t), text)
  const out = (text: string): void => {
    if (headerIsLast && options.tty) options.log('\n')
    headerIsLast = false
    options.log(`${mask(text)}\n`)
  }
  const stopSpinner = (): void => {
    if (spinner) clearInterval(spinner)
    spinner = undefined
  }
  const header = (title: string, start: number): string =>
    `▶ ${title} (${seconds(now() - start)}, ${seconds(now() - started)} total)`

  const line = (raw: string): void => {
    const command = /^::([a-z-]+)( [^:]*)?::(.*)$/.exec(raw)
    if (!command) {
      out(group ? `  ${raw}` : raw)
      return
    }
    const [, name, props = '', data = ''] = command
    const message = unescapeData(data)
    switch (name) {
      case 'add-mask':
        secrets.push(message)
        return
      case 'group':
        stopSpinner()
        group = { title: message, start: now() }
        if (options.tty) {
          if (headerIsLast) options.log('\n')
          options.log(mask(header(message, group.start)))
          headerIsLast = true
          const current = group
          spinner = setInterval(() => {
            if (headerIsLast) options.log(`\r${mask(header(current.title, current.start))}`)
          }, 200)
          spinner.unref()
        } else {
          out(`▶ ${message}`)
        }
        return
      case 'endgroup':
        stopSpinner()
        if (group) {
          const done = `✓ ${group.title} (${seconds(now() - group.start)})`
          if (options.tty && headerIsLast) {
            options.log(`\r${mask(done)}\x1b[K\n`)
            headerIsLast = false
          } else {
            out(done)
          }
        }
        group = undefined
        return
      case 'debug':
        if (options.verbose) out(`debug: ${message}`)
        return
      case 'error':
      case 'warning':
      case 'notice': {
        const file = /file=([^,]+)/.exec(props)?.[1]
        const lineNo = /(?:^| |,)line=(\d+)/.exec(props)?.[1]
        const col = /col=(\d+)/.exec(props)?.[1]
        const where = file ? ` (${[file, lineNo, col].filter(Boolean).join(':')})` : ''
        if (name === 'error') errors.push(mask(message + where))
        if (headerIsLast && options.tty) options.log('\n')
        headerIsLast = false
        options.logError(`${mask(`${name}: ${message}${where}`)}\n`)
        return
      }
      default:
        // ::set-output:: etc. only appear without command files; nothing to show.
        return
    }
  }

  return {
    errors,
    write: (chunk: string) => {
      buffer += chunk
      let nl = buffer.indexOf('\n')
      while (nl >= 0) {
        line(buffer.slice(0, nl).replace(/\r$/, ''))
        buffer = buffer.slice(nl + 1)
        nl = buffer.indexOf('\n')
      }
    },
    flush: () => {
      if (buffer) line(buffer)
      buffer = ''
      stopSpinner()
      if (headerIsLast && options.tty) options.log('\n')
      headerIsLast = false
    },
  }
}
