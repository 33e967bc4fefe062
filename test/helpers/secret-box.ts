/**
 * SecretBoxes for tests in Node, where Electron's safeStorage does not exist:
 * a real one (AES-256-GCM under a test key, sealing and opening for real) and
 * one that is unavailable, as safeStorage is on a Linux without a keyring.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { SecretBox } from '../../src/main/app/secret-box'

/** A box sealing with AES-256-GCM under `key` (a fresh random key by default). */
export function keyedSecretBox(key: Buffer = randomBytes(32)): SecretBox {
  return {
    available: true,
    seal: (secret) => {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')
    },
    open: (sealed) => {
      const bytes = Buffer.from(sealed, 'base64')
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12))
      decipher.setAuthTag(bytes.subarray(12, 28))
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')
    }
  }
}

/** A box that cannot seal anything (no keyring): passwords are never stored. */
export function unavailableSecretBox(): SecretBox {
  const refuse = (): never => {
    throw new Error('encryption is not available')
  }
  return { available: false, seal: refuse, open: refuse }
}
