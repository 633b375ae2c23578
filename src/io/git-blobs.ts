import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'

/**
 * Reads many blobs through one `git cat-file --batch` process. A run that
 * bumps 1,000 services reads 1,000 files: a process per file would dominate
 * its time. (A long-lived process with a request/response protocol is the
 * one thing exec.ts's run-to-completion `run` cannot do.)
 */
export class BlobReader {
  /** Started on the first read: a reader that reads nothing costs no process. */
  private child: ChildProcessWithoutNullStreams | undefined
  private buffer = Buffer.alloc(0)
  private readonly waiting: {
    resolve: (blob: Buffer | undefined) => void
    reject: (error: Error) => void
  }[] = []
  private failure: Error | undefined

  constructor(
    private readonly cwd: string,
    private readonly env: Record<string, string> = {},
  ) {}

  private start(): ChildProcessWithoutNullStreams {
    const child = spawn('git', ['cat-file', '--batch'], {
      cwd: this.cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', ...this.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (d) => {
      stderr += d
    })
    child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk])
      this.drain()
    })
    const fail = (error: Error) => {
      this.failure = error
      for (const w of this.waiting.splice(0)) w.reject(error)
    }
    child.on('error', fail)
    child.on('close', (code) => {
      if (this.waiting.length > 0) fail(new Error(`git cat-file exited with ${code}: ${stderr}`))
    })
    return child
  }

  private drain(): void {
    while (this.waiting.length > 0) {
      const eol = this.buffer.indexOf(10)
      if (eol < 0) return
      const header = this.buffer.subarray(0, eol).toString('utf8')
      if (header.endsWith(' missing')) {
        this.buffer = this.buffer.subarray(eol + 1)
        this.waiting.shift()!.resolve(undefined)
        continue
      }
      const size = Number(header.split(' ')[2])
      if (this.buffer.length < eol + 1 + size + 1) return
      const blob = Buffer.from(this.buffer.subarray(eol + 1, eol + 1 + size))
      this.buffer = this.buffer.subarray(eol + 1 + size + 1)
      this.waiting.shift()!.resolve(blob)
    }
  }

  /** The object's bytes, or undefined when the repository does not have it. */
  read(object: string): Promise<Buffer | undefined> {
    if (this.failure) return Promise.reject(this.failure)
    this.child ??= this.start()
    const child = this.child
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject })
      child.stdin.write(`${object}\n`)
    })
  }

  close(): void {
    this.child?.stdin.end()
  }
}
