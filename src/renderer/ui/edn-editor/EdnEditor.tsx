/**
 * A small EDN code editor (CodeMirror 6): Clojure highlighting, bracket
 * matching and closing, undo history, errors underlined from `diagnostics`,
 * and optional completions (e.g. identities the store knows). Controlled:
 * `value` in, `onChange` out; a `value` changed from outside replaces the text.
 */
import { useEffect, useRef, type ReactNode } from 'react'
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete'
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands'
import { bracketMatching, defaultHighlightStyle, HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint'
import { Annotation, Compartment, EditorState } from '@codemirror/state'
import { EditorView, keymap, placeholder as placeholderExtension } from '@codemirror/view'
import { tags } from '@lezer/highlight'
import { clojure } from '@nextjournal/lang-clojure'
import { useComputedColorScheme } from '@mantine/core'
import classes from './EdnEditor.module.css'

/** A mark in the text: `from`/`to` are offsets into `value`. */
export interface EdnDiagnostic {
  readonly from: number
  readonly to: number
  readonly severity: 'error' | 'warning'
  readonly message: string
}

/** A completion offered while typing: the text inserted and a short note. */
export interface EdnCompletion {
  readonly text: string
  readonly detail?: string
}

/** Props of `EdnEditor`. */
export interface EdnEditorProps {
  readonly value: string
  readonly onChange: (value: string) => void
  /** Marks to underline; offsets beyond the text are clamped. */
  readonly diagnostics?: readonly EdnDiagnostic[]
  /** Accessible name of the editor (it is a textbox). */
  readonly ariaLabel: string
  /** Height in lines before it grows with the text (default 1). */
  readonly minLines?: number
  readonly placeholder?: string
  /** Completions for the text typed so far (from the start of the field to the cursor); a choice replaces the whole text. */
  readonly complete?: (text: string) => Promise<readonly EdnCompletion[]>
  /** Shown in red around the editor when true. */
  readonly invalid?: boolean
  readonly testId?: string
}

const darkHighlight = HighlightStyle.define([
  { tag: tags.keyword, color: '#c792ea' },
  { tag: [tags.atom, tags.bool, tags.null], color: '#f78c6c' },
  { tag: tags.number, color: '#f78c6c' },
  { tag: tags.string, color: '#c3e88d' },
  { tag: tags.comment, color: '#7f8c98', fontStyle: 'italic' },
  { tag: [tags.variableName, tags.definition(tags.variableName)], color: '#dde3ea' },
  { tag: tags.bracket, color: '#89ddff' }
])

/** Marks a change that came in through `value` (not typed), so it is not reported back through `onChange`. */
const fromProps = Annotation.define<boolean>()

function clamp(diagnostics: readonly EdnDiagnostic[], length: number): Diagnostic[] {
  return diagnostics.map((d) => {
    const from = Math.max(0, Math.min(d.from, length))
    return { from, to: Math.max(from, Math.min(d.to, length)), severity: d.severity, message: d.message }
  })
}

/** Escape: leave the editor, keeping focus on its frame. */
function leaveEditor(view: EditorView): boolean {
  const frame = view.dom.parentElement
  if (frame) frame.focus()
  else view.contentDOM.blur()
  return true
}

/** The EDN editor. Escape leaves it (closing a completion list first) and never reaches a dialog around it. */
export function EdnEditor({ value, onChange, diagnostics = [], ariaLabel, minLines = 1, placeholder, complete, invalid, testId }: EdnEditorProps): ReactNode {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const latest = useRef({ onChange, complete })
  const theme = useRef(new Compartment())
  const scheme = useComputedColorScheme('light')

  useEffect(() => {
    latest.current = { onChange, complete }
  })

  useEffect(() => {
    const source = async (context: CompletionContext): Promise<CompletionResult | null> => {
      const provider = latest.current.complete
      if (!provider || (!context.explicit && context.state.doc.length === 0 && !context.matchBefore(/\S/))) return null
      // What is typed up to the cursor (closing brackets and quotes inserted ahead of it do not count).
      const options = await provider(context.state.sliceDoc(0, context.pos))
      if (options.length === 0) return null
      const end = context.state.doc.length
      return { from: 0, to: end, filter: false, options: options.map((o) => ({ label: o.text, detail: o.detail, type: 'constant' })) }
    }
    const created = new EditorView({
      parent: host.current ?? undefined,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          clojure(),
          bracketMatching(),
          closeBrackets(),
          autocompletion({ override: [source], activateOnTyping: true }),
          lintGutter(),
          theme.current.of(syntaxHighlighting(defaultHighlightStyle)),
          // Escape closes a completion list first; otherwise it leaves the editor (focus stays on its frame, inside any dialog).
          keymap.of([...closeBracketsKeymap, ...completionKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab, { key: 'Escape', run: leaveEditor }]),
          EditorView.lineWrapping,
          // Mantine's modals leave an Escape typed here alone (it never closes the dialog around the editor).
          EditorView.contentAttributes.of({ 'aria-label': ariaLabel, 'aria-multiline': 'true', role: 'textbox', 'data-mantine-stop-propagation': 'true' }),
          placeholder ? placeholderExtension(placeholder) : [],
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !update.transactions.some((t) => t.annotation(fromProps))) latest.current.onChange(update.state.doc.toString())
          })
        ]
      })
    })
    view.current = created
    return () => {
      created.destroy()
      view.current = null
    }
    // The editor is created once; later prop changes are dispatched below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    const current = view.current
    if (!current) return
    const text = current.state.doc.toString()
    if (text !== value) current.dispatch({ changes: { from: 0, to: text.length, insert: value }, annotations: fromProps.of(true) })
  }, [value])

  useEffect(() => {
    const current = view.current
    if (!current) return
    current.dispatch(setDiagnostics(current.state, clamp(diagnostics, current.state.doc.length)))
  }, [diagnostics, value])

  useEffect(() => {
    view.current?.dispatch({
      effects: theme.current.reconfigure(syntaxHighlighting(scheme === 'dark' ? darkHighlight : defaultHighlightStyle))
    })
  }, [scheme])

  return (
    <div
      ref={host}
      tabIndex={-1}
      className={classes.editor}
      data-invalid={invalid ? 'true' : undefined}
      data-testid={testId}
      style={{ ['--edn-min-height' as string]: `calc(${minLines} * 1.45em + 10px)` }}
    />
  )
}
