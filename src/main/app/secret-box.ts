/**
 * Sealing secrets (PostgreSQL passwords of recent connections) so they are
 * never stored as plain text. The app uses Electron's `safeStorage` (the OS
 * keychain); where that is unavailable nothing is sealed and the user is
 * asked for the password again.
 */

/** Seals and opens short secrets; `available` false means "do not store secrets at all". */
export interface SecretBox {
  /** True when secrets can be sealed here. */
  readonly available: boolean
  /** The sealed form of `secret`, as base64 text. */
  seal(secret: string): string
  /** The secret back; throws when `sealed` was not sealed by this box (another key, damaged). */
  open(sealed: string): string
}

/** The part of Electron's `safeStorage` used here (so this file needs no Electron import). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
}

/** A SecretBox over Electron's `safeStorage`; availability is asked each time (it can change after start-up on Linux). */
export function safeStorageBox(safeStorage: SafeStorageLike): SecretBox {
  return {
    get available() {
      return safeStorage.isEncryptionAvailable()
    },
    seal: (secret) => safeStorage.encryptString(secret).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64'))
  }
}
