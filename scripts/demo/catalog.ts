/** The demo's cast and catalogue: names, titles, places. */

/** Customers (their ids are their names, as in the README). */
export const CUSTOMERS = [
  'alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'niaj', 'olivia', 'peggy',
  'rupert', 'sybil', 'trent', 'victor', 'walter', 'yasmin', 'zoë', 'åsa', 'björn', 'chloé', 'dmitri', 'eun-ji', 'fatima',
  'gustavo', 'hiro', 'ines', 'jonas', 'kalani', 'lena', 'mateo', 'nora', 'oskar', 'priya', 'quentin', 'rosa', 'søren'
] as const

/** Clerks (integer ids) who fulfil orders. */
export const CLERKS = [3, 7, 12, 19] as const

/** Fixed UUIDs of the services that write to the store. */
export const SERVICES = {
  billing: '5f1c3a0e-8a4b-4c6f-9d2e-1b7a0c3d9e41',
  warehouse: '0b9d2f4c-6e1a-4f3b-8c5d-7a2e9f1b3c60',
  keystore: 'c3e8a1f2-4b6d-4e9a-a0c7-2d5f8b1e6a93'
} as const

const ADJECTIVES = ['Silent', 'Burning', 'Hollow', 'Glass', 'Neon', 'Distant', 'Broken', 'Quiet', 'Iron', 'Electric', 'Sunken', 'Paper', 'Last', 'Hidden', 'Crimson', 'Frozen']
const NOUNS = ['Orbit', 'Harbour', 'Archive', 'Signal', 'Garden', 'Machine', 'Lantern', 'Frontier', 'Mirror', 'River', 'Citadel', 'Protocol', 'Atlas', 'Meridian', 'Engine', 'Cartographer']
const AUTHORS = ['William Gibson', 'Ursula K. Le Guin', 'Octavia E. Butler', 'Stanisław Lem', 'N. K. Jemisin', 'Ted Chiang', 'Iain M. Banks', 'Ann Leckie', 'Liu Cixin', 'Becky Chambers', 'Philip K. Dick', 'Arkady Martine']

/** Genres (strings, as in the README) and tags (keywords in a set). */
export const GENRES = ['SciFi', 'Cyberpunk', 'Fantasy', 'Space Opera', 'Hard SF', 'Solarpunk'] as const
export const TAGS = ['classic', 'award-winner', 'signed', 'first-edition', 'translated', 'staff-pick', 'series'] as const

/** Cities for addresses. */
export const CITIES = ['Berlin', 'Lisbon', 'Oslo', 'Kyoto', 'Montréal', 'Nairobi', 'Porto Alegre', 'Reykjavík', 'Tartu', 'Wellington'] as const
export const STREETS = ['Elm St 4', 'Harbour Rd 17', 'Rua Augusta 102', 'Kärntner Straße 9', '2-14 Higashiyama', 'Maple Ave 221b'] as const

/** Generated titles (unique), with an author each. */
export function bookCatalogue(count: number, pick: <T>(items: readonly T[]) => T): { title: string; author: string }[] {
  const books: { title: string; author: string }[] = []
  const seen = new Set<string>(['Neuromancer', 'Count Zero', 'Mona Lisa Overdrive'])
  for (let i = 0; books.length < count; i++) {
    const base = `The ${ADJECTIVES[i % ADJECTIVES.length]} ${NOUNS[Math.floor(i / ADJECTIVES.length) % NOUNS.length]}`
    const title = i < ADJECTIVES.length * NOUNS.length ? base : `${base} ${Math.floor(i / (ADJECTIVES.length * NOUNS.length)) + 1}`
    if (seen.has(title)) continue
    seen.add(title)
    books.push({ title, author: pick(AUTHORS) })
  }
  return books
}
