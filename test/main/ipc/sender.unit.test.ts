import { describe, expect, it } from 'vitest'
import { isTrustedSender } from '../../../src/main/ipc/sender'

const fileUrl = 'file:///opt/app/out/renderer/index.html'
const top = { fromAppWindow: true, isMainFrame: true }

describe('isTrustedSender', () => {
  it('trusts the app window top frame showing the built renderer (query and hash ignored)', () => {
    expect(isTrustedSender({ ...top, url: fileUrl }, fileUrl)).toBe(true)
    expect(isTrustedSender({ ...top, url: `${fileUrl}?x=1#/overview` }, fileUrl)).toBe(true)
  })

  it('refuses other windows, iframes and frames that are gone', () => {
    expect(isTrustedSender({ fromAppWindow: false, isMainFrame: true, url: fileUrl }, fileUrl)).toBe(false)
    expect(isTrustedSender({ fromAppWindow: true, isMainFrame: false, url: fileUrl }, fileUrl)).toBe(false)
    expect(isTrustedSender({ ...top, url: '' }, fileUrl)).toBe(false)
  })

  it('refuses other files and other origins', () => {
    expect(isTrustedSender({ ...top, url: 'file:///tmp/evil.html' }, fileUrl)).toBe(false)
    expect(isTrustedSender({ ...top, url: 'https://example.com/' }, fileUrl)).toBe(false)
    expect(isTrustedSender({ ...top, url: 'http://localhost:5174/' }, 'http://localhost:5173/')).toBe(false)
  })

  it('trusts the dev server origin during development', () => {
    expect(isTrustedSender({ ...top, url: 'http://localhost:5173/index.html' }, 'http://localhost:5173/')).toBe(true)
  })
})

describe('isTrustedSender over app://', () => {
  const appUrl = 'app://renderer/index.html'
  it('trusts the built renderer over the app scheme only', () => {
    expect(isTrustedSender({ ...top, url: `${appUrl}#/x` }, appUrl)).toBe(true)
    expect(isTrustedSender({ ...top, url: 'app://other/index.html' }, appUrl)).toBe(false)
    expect(isTrustedSender({ ...top, url: 'app://renderer/evil.html' }, appUrl)).toBe(false)
    expect(isTrustedSender({ ...top, url: fileUrl }, appUrl)).toBe(false)
  })
})
