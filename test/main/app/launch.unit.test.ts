import { describe, expect, it } from 'vitest'
import { filesFromArgv, startupOnce } from '../../../src/main/app/launch'

describe('filesFromArgv', () => {
  it('skips electron, its switches and the app folder in development', () => {
    expect(filesFromArgv(['/x/electron', '--inspect=0', '--no-sandbox', '/repo', '--', '/data/a.db', 'b.db'], false, '/home/me')).toEqual(['/data/a.db', '/home/me/b.db'])
    expect(filesFromArgv(['/x/electron', '/repo', '/data/a.db'], false, '/')).toEqual(['/data/a.db'])
    expect(filesFromArgv(['/x/electron', '/repo'], false, '/')).toEqual([])
  })

  it('takes every non-switch argument of a packaged app, and anything after --', () => {
    expect(filesFromArgv(['/opt/Coherence Studio/coherence-studio', '--enable-features=X', 'a.db'], true, '/w')).toEqual(['/w/a.db'])
    expect(filesFromArgv(['/opt/app', '--', '-odd-name.db'], true, '/w')).toEqual(['/w/-odd-name.db'])
  })
})

describe('startupOnce', () => {
  it('opens the command-line files, or else the demo store, once', () => {
    const withFiles = startupOnce(['/a.db'], '/demo.db', 'linux', '1.0.0')
    expect(withFiles()).toEqual({ files: ['/a.db'], demoStore: '/demo.db', platform: 'linux', appVersion: '1.0.0' })
    expect(withFiles().files).toEqual([])
    expect(startupOnce([], '/demo.db', 'darwin', '1.0.0')().files).toEqual(['/demo.db'])
    expect(startupOnce([], null, 'win32', '1.0.0')().files).toEqual([])
  })
})
