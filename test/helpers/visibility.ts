/**
 * What a user sees, measured in the page: a row inside its scroll viewport
 * and not under the sticky header (hit-tested with elementFromPoint), how
 * many rows are fully visible, and the WCAG contrast of rendered colours.
 */
import type { Locator, Page } from 'playwright-core'

/** Where `row` is relative to the table's viewport and header, and whether its middle is what a click there hits. */
export async function rowVisibility(page: Page, seqNo: number): Promise<{ inViewport: boolean; belowHeader: boolean; hit: boolean } | null> {
  return page.evaluate((n) => {
    const scroller = document.querySelector('[data-testid="event-table"]')
    const row = scroller?.querySelector(`[role="row"][data-seq-no="${n}"]`)
    const header = scroller?.querySelector('[role="row"]:not([data-seq-no])')
    if (!scroller || !row || !header) return null
    const s = scroller.getBoundingClientRect()
    const r = row.getBoundingClientRect()
    const h = header.getBoundingClientRect()
    const hitAt = document.elementFromPoint(r.left + Math.min(40, r.width / 2), r.top + r.height / 2)
    return { inViewport: r.top >= s.top && r.bottom <= s.bottom + 0.5, belowHeader: r.top >= h.bottom - 0.5, hit: hitAt !== null && row.contains(hitAt) }
  }, seqNo)
}

/** Rows of the event table entirely visible: inside the viewport, below the header, and hit at their middle. */
export async function fullyVisibleRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const scroller = document.querySelector('[data-testid="event-table"]')
    const header = scroller?.querySelector('[role="row"]:not([data-seq-no])')
    if (!scroller || !header) return 0
    const s = scroller.getBoundingClientRect()
    const top = Math.max(s.top, header.getBoundingClientRect().bottom)
    const bottom = Math.min(s.bottom, window.innerHeight)
    return [...scroller.querySelectorAll('[role="row"][data-seq-no]')].filter((row) => {
      const r = row.getBoundingClientRect()
      const hit = document.elementFromPoint(r.left + 20, r.top + r.height / 2)
      return r.top >= top - 0.5 && r.bottom <= bottom + 0.5 && hit !== null && row.contains(hit)
    }).length
  })
}

/** Relative luminance of an `rgb(…)`/`rgba(…)` colour (sRGB, WCAG 2). */
function luminance([r, g, b]: number[]): number {
  const channel = (c: number): number => {
    const v = c / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/** The numbers of a computed `rgb()`/`rgba()` colour. */
export function parseRgb(css: string): number[] {
  const m = /rgba?\(([^)]+)\)/.exec(css)
  if (!m) throw new Error(`not an rgb() colour: ${css}`)
  return m[1].split(/[ ,/]+/).filter(Boolean).map(Number)
}

/** WCAG contrast ratio of two opaque colours. */
export function contrastRatio(a: number[], b: number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

/** The contrast of an element's text against its own (opaque) background, as rendered. */
export async function renderedContrast(element: Locator): Promise<{ ratio: number; color: string; background: string }> {
  const { color, background } = await element.evaluate((e) => {
    const style = getComputedStyle(e)
    return { color: style.color, background: style.backgroundColor }
  })
  const bg = parseRgb(background)
  if (bg.length === 4 && bg[3] < 1) throw new Error(`the background ${background} is not opaque`)
  return { ratio: contrastRatio(parseRgb(color), bg), color, background }
}

/** True when `locator` is inside the viewport and the topmost element at its centre (nothing covers it). */
export async function seen(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect()
    if (r.width === 0 || r.height === 0 || r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) return false
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
    return top !== null && (top === el || el.contains(top))
  })
}

/** The smallest on-screen text size of a React Flow graph's nodes in the canvas `testId`: computed font size × zoom, over every node title and subtitle. */
export async function smallestGraphText(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((root) => {
    const zoom = new DOMMatrix(getComputedStyle(root.querySelector('.react-flow__viewport') as Element).transform).a
    const texts = [...root.querySelectorAll('[data-testid^="graph-node-"] > div')].filter((el) => !el.classList.contains('react-flow__handle'))
    return Math.min(...texts.map((el) => parseFloat(getComputedStyle(el).fontSize) * zoom))
  })
}

/**
 * What of `locator`'s element a user cannot see. The element is looked at
 * inside what can show it: the window cut by every ancestor that scrolls or
 * clips (a table row wider than its scroll area is seen in the part the area
 * shows). Reported: being cut off at the top or bottom by that area, and each
 * of the middle and the four corners (2 px in) of the part shown that is under
 * something else (elementFromPoint hits neither it nor its content), named
 * with what covers it. Empty when the element shows whole and uncovered.
 */
export async function hiddenPoints(locator: Locator): Promise<string[]> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const clip = { left: 0, top: 0, right: innerWidth, bottom: innerHeight }
    for (let up = el.parentElement; up !== null; up = up.parentElement) {
      if (getComputedStyle(up).overflow === 'visible') continue
      const b = up.getBoundingClientRect()
      // clientHeight/clientWidth leave out the scroll area's own scrollbars.
      Object.assign(clip, {
        left: Math.max(clip.left, b.left + up.clientLeft),
        top: Math.max(clip.top, b.top + up.clientTop),
        right: Math.min(clip.right, b.left + up.clientLeft + up.clientWidth),
        bottom: Math.min(clip.bottom, b.top + up.clientTop + up.clientHeight)
      })
    }
    const problems: string[] = []
    if (r.top < clip.top - 0.5) problems.push(`cut off at the top (${Math.round(r.top)} above ${Math.round(clip.top)})`)
    if (r.bottom > clip.bottom + 0.5) problems.push(`cut off at the bottom (${Math.round(r.bottom)} below ${Math.round(clip.bottom)})`)
    const left = Math.max(r.left, clip.left)
    const right = Math.min(r.right, clip.right)
    const top = Math.max(r.top, clip.top)
    const bottom = Math.min(r.bottom, clip.bottom)
    if (right - left < 4 || bottom - top < 4) return [...problems, 'not shown at all']
    const points: [string, number, number][] = [
      ['middle', (left + right) / 2, (top + bottom) / 2],
      ['top left', left + 2, top + 2],
      ['top right', right - 2, top + 2],
      ['bottom left', left + 2, bottom - 2],
      ['bottom right', right - 2, bottom - 2]
    ]
    for (const [name, x, y] of points) {
      const hit = document.elementFromPoint(x, y)
      if (hit === null || !el.contains(hit)) problems.push(`${name} (${Math.round(x)}, ${Math.round(y)}) under ${hit ? `${hit.tagName.toLowerCase()}.${hit.getAttribute('class') ?? ''}` : 'nothing'}`)
    }
    return problems
  })
}
