/**
 * Native dialogs cannot show in a headless test, so tests say up front what
 * the user will pick. Everything behind the dialog is the real code path.
 */
import type { Dialogs } from '../../src/main/ipc/deps'

/** Dialogs answering from queues; an empty queue means "cancelled". */
export class ScriptedDialogs implements Dialogs {
  private readonly openAnswers: (string | null)[] = []
  private readonly newAnswers: (string | null)[] = []
  private readonly exportAnswers: (string | null)[] = []
  private readonly unlockAnswers: boolean[] = []
  /** The default names the export dialog suggested, in order. */
  readonly exportSuggestions: string[] = []
  /** The file names the unlock confirmation named, in order. */
  readonly unlockQuestions: string[] = []

  /** The next File ▸ Open picks `path` (null: cancel). */
  willOpen(path: string | null): this {
    this.openAnswers.push(path)
    return this
  }

  /** The next New store file dialog picks `path` (null: cancel). */
  willCreate(path: string | null): this {
    this.newAnswers.push(path)
    return this
  }

  /** The next export dialog picks `path` (null: cancel). */
  willExportTo(path: string | null): this {
    this.exportAnswers.push(path)
    return this
  }

  private readonly forkAnswers: (string | null)[] = []
  private readonly batchAnswers: (string | null)[] = []
  /** The default names the fork dialog suggested, in order. */
  readonly forkSuggestions: string[] = []

  /** The next "Fork to a file…" dialog picks `path` (null: cancel). */
  willForkTo(path: string | null): this {
    this.forkAnswers.push(path)
    return this
  }

  private readonly copyAnswers: (string | null)[] = []
  /** The default names the copy dialog suggested, in order. */
  readonly copySuggestions: string[] = []

  /** The next "Copy to a new file…" dialog picks `path` (null: cancel). */
  willCopyTo(path: string | null): this {
    this.copyAnswers.push(path)
    return this
  }

  async chooseCopyPath(defaultName: string): Promise<string | null> {
    this.copySuggestions.push(defaultName)
    return this.copyAnswers.shift() ?? null
  }

  /** The next "Import batch…" dialog picks `path` (null: cancel). */
  willImport(path: string | null): this {
    this.batchAnswers.push(path)
    return this
  }

  async chooseForkPath(defaultName: string): Promise<string | null> {
    this.forkSuggestions.push(defaultName)
    return this.forkAnswers.shift() ?? null
  }

  async chooseBatchFile(): Promise<string | null> {
    return this.batchAnswers.shift() ?? null
  }

  /** The next unlock confirmation is answered `confirmed` (with no answer queued, the user keeps it read-only). */
  willConfirmUnlock(confirmed = true): this {
    this.unlockAnswers.push(confirmed)
    return this
  }

  async chooseStoreToOpen(): Promise<string | null> {
    return this.openAnswers.shift() ?? null
  }

  async chooseNewStorePath(): Promise<string | null> {
    return this.newAnswers.shift() ?? null
  }

  async chooseExportPath(defaultName: string): Promise<string | null> {
    this.exportSuggestions.push(defaultName)
    return this.exportAnswers.shift() ?? null
  }

  async confirmUnlock(fileName: string): Promise<boolean> {
    this.unlockQuestions.push(fileName)
    return this.unlockAnswers.shift() ?? false
  }
}
