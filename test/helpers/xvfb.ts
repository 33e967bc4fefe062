/**
 * A virtual X display for tests that start real windows on Linux without one
 * (Electron has no headless mode). Xvfb comes from Debian's xvfb package.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'

/** A running display. */
export interface VirtualDisplay {
  /** The DISPLAY value, e.g. `:99`. */
  readonly display: string
  stop(): void
}

/** The display to use: the existing one, or a new Xvfb (null when neither is possible). */
export async function ensureDisplay(): Promise<VirtualDisplay | null> {
  if (process.platform !== 'linux' || process.env.DISPLAY) return { display: process.env.DISPLAY ?? '', stop: () => undefined }
  if (!existsSync('/usr/bin/Xvfb')) return null
  const xvfb: ChildProcess = spawn('/usr/bin/Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] })
  const number = await new Promise<string>((resolve, reject) => {
    let text = ''
    xvfb.stdio[3]?.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      if (text.includes('\n')) resolve(text.trim())
    })
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)))
  })
  return { display: `:${number}`, stop: () => xvfb.kill() }
}
