/**
 * `layers/imports`: which folder may import which. Every import, `export … from`,
 * `import()` and `require()` is resolved against the importing file and checked
 * against the layer the file belongs to (see LAYERS in eslint.config.mjs). A
 * relative import is named by the repository path it resolves to; a package by
 * its name (`node:fs` and `fs` both count as the Node built-in `fs`).
 */
import { builtinModules } from 'node:module'
import { dirname, relative, resolve, sep } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')

/** Repository-relative path with forward slashes. */
const repoPath = (absolute) => relative(ROOT, absolute).split(sep).join('/')

const under = (path, prefix) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)

/** What an import names: a repository path, or a package (`node:` built-ins folded to one spelling). */
function target(source, filename) {
  if (source.startsWith('.') || source.startsWith('/')) return { path: repoPath(resolve(dirname(filename), source)) }
  const bare = source.startsWith('node:') ? source.slice(5) : source
  const name = bare.startsWith('@') ? bare.split('/').slice(0, 2).join('/') : bare.split('/')[0]
  return builtinModules.includes(name) ? { package: `node:${name}`, builtin: true } : { package: name }
}

/** The first broken rule for `file` importing `what`, or undefined. */
function breach(layers, file, what) {
  for (const layer of layers) {
    if (!layer.files.some((f) => under(file, f))) continue
    if (layer.exceptFiles?.some((f) => under(file, f))) continue
    if (what.path !== undefined) {
      if (layer.allowPaths && !layer.allowPaths.some((p) => under(what.path, p))) return `${layer.rule}: ${what.path}`
      if (layer.denyPaths?.some((p) => under(what.path, p))) return `${layer.rule}: ${what.path}`
    } else {
      if (layer.allowPackages && !layer.allowPackages.includes(what.package)) return `${layer.rule}: ${what.package}`
      if (layer.denyBuiltins && what.builtin) return `${layer.rule}: ${what.package}`
      if (layer.denyPackages?.includes(what.package)) return `${layer.rule}: ${what.package}`
    }
  }
  return undefined
}

/** @type {import('eslint').Rule.RuleModule} */
const imports = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce which folders and packages each layer may import' },
    schema: [{ type: 'object', properties: { layers: { type: 'array' } }, required: ['layers'], additionalProperties: false }],
    messages: { breach: '{{breach}} (imported as "{{source}}").' }
  },
  create(context) {
    const layers = context.options[0].layers
    const file = repoPath(context.filename)
    const check = (node, source) => {
      if (typeof source !== 'string') return
      const found = breach(layers, file, target(source, context.filename))
      if (found) context.report({ node, messageId: 'breach', data: { breach: found, source } })
    }
    const fromSource = (node) => node.source && check(node.source, node.source.value)
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      TSImportType: (node) => {
        // typescript-eslint 8 names the string `source`; older versions wrap it in `argument`.
        if (node.source?.type === 'Literal') check(node.source, node.source.value)
        else if (node.argument?.type === 'TSLiteralType') check(node.argument, node.argument.literal.value)
      },
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' && check(node.moduleReference.expression, node.moduleReference.expression.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') check(node.arguments[0], node.arguments[0].value)
      }
    }
  }
}

export default { rules: { imports } }
