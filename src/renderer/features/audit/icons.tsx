/** Navbar icons of the audit sections (24×24 line icons, `currentColor`, like app/icons.tsx). */
import type { ReactNode } from 'react'

function Svg({ size = 18, children }: { size?: number | string; children: ReactNode }): ReactNode {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  )
}

/** A lightning bolt: triggers. */
export function IconTrigger({ size }: { size?: number }): ReactNode {
  return (
    <Svg size={size}>
      <path d="M13 3 5 14h6l-1 7 8-11h-6z" />
    </Svg>
  )
}

/** A warning triangle: problems. */
export function IconProblems({ size }: { size?: number }): ReactNode {
  return (
    <Svg size={size}>
      <path d="M12 4 3 20h18z" />
      <path d="M12 10v4" />
      <path d="M12 17.5v.01" />
    </Svg>
  )
}
