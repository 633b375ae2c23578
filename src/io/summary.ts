import { accessSync, appendFileSync, constants, writeFileSync } from 'node:fs'
import { EOL } from 'node:os'

// The job summary, as @actions/core's `summary` writes it, for the builders
// the actions use. That module takes node's fs.promises when it loads
// (with readline and the file watchers behind it): about 1 ms of every
// action's start-up, for one append at the end. test/io/runner.test.ts
// holds this to @actions/core's output.

export type SummaryTableCell =
  | string
  | { data: string; header?: boolean; colspan?: string; rowspan?: string }

const ENV = 'GITHUB_STEP_SUMMARY'

function wrap(tag: string, content: string | null, attrs: Record<string, string> = {}): string {
  const html = Object.entries(attrs)
    .map(([key, value]) => ` ${key}="${value}"`)
    .join('')
  return content ? `<${tag}${html}>${content}</${tag}>` : `<${tag}${html}>`
}

export class Summary {
  private buffer = ''
  private path: string | undefined

  private filePath(): string {
    if (this.path) return this.path
    const path = process.env[ENV]
    if (!path) {
      throw new Error(
        `Unable to find environment variable for $${ENV}. Check if your runtime environment supports job summaries.`,
      )
    }
    try {
      accessSync(path, constants.R_OK | constants.W_OK)
    } catch {
      throw new Error(
        `Unable to access summary file: '${path}'. Check if the file has correct read/write permissions.`,
      )
    }
    this.path = path
    return path
  }

  /** Appends the buffer to the summary file (or replaces the file), then empties it. */
  async write(options?: { overwrite?: boolean }): Promise<Summary> {
    const path = this.filePath()
    if (options?.overwrite) writeFileSync(path, this.buffer, { encoding: 'utf8' })
    else appendFileSync(path, this.buffer, { encoding: 'utf8' })
    return this.emptyBuffer()
  }

  stringify(): string {
    return this.buffer
  }

  isEmptyBuffer(): boolean {
    return this.buffer.length === 0
  }

  emptyBuffer(): Summary {
    this.buffer = ''
    return this
  }

  addRaw(text: string, addEOL = false): Summary {
    this.buffer += text
    return addEOL ? this.addEOL() : this
  }

  addEOL(): Summary {
    return this.addRaw(EOL)
  }

  addHeading(text: string, level: number | string = 1): Summary {
    const tag = `h${level}`
    const allowed = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag) ? tag : 'h1'
    return this.addRaw(wrap(allowed, text)).addEOL()
  }

  addTable(rows: SummaryTableCell[][]): Summary {
    const body = rows
      .map((row) => {
        const cells = row
          .map((cell) => {
            if (typeof cell === 'string') return wrap('td', cell)
            const { header, data, colspan, rowspan } = cell
            const attrs: Record<string, string> = {
              ...(colspan && { colspan }),
              ...(rowspan && { rowspan }),
            }
            return wrap(header ? 'th' : 'td', data, attrs)
          })
          .join('')
        return wrap('tr', cells)
      })
      .join('')
    return this.addRaw(wrap('table', body)).addEOL()
  }

  addDetails(label: string, content: string): Summary {
    return this.addRaw(wrap('details', wrap('summary', label) + content)).addEOL()
  }
}

/** The one summary of a run, as @actions/core's. */
export const summary = new Summary()
