// Rollup plugin of the CDN build (rollup.config.mjs): English as a loaded language, like the others.
// Each msg() call holds its English text, which a page in Polish would download and never show.
// Here the text leaves the call (a `str` template keeps its values, which every language's
// template picks by index: `lookup` in internal/localization.ts), and each owner's loaders gain
// `en`, the module scripts/locale-parts.ts writes from the same calls, so a page fetches English
// only where an element shows it. The npm build keeps English in the code and loads none.
import MagicString from 'magic-string';

/** The id in msg()'s options (`{ id: 'feedback.kind.praise' }`), or undefined. */
function idOf(options) {
  const id = options?.type === 'ObjectExpression' && options.properties.find((p) => p.key?.name === 'id' || p.key?.value === 'id');
  return id && id.value.type === 'Literal' && typeof id.value.value === 'string' ? id.value.value : undefined;
}

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/**
 * Every msg() call under `node`, and when it runs: `import` (once, as the module loads),
 * `create` (as an element is constructed: its constructor, its fields' initial values) or
 * `called` (in a function, when it is called: a render, or a handler through `localized()`).
 */
function* calls(node, when = 'import', constructor = false) {
  if (!node || typeof node.type !== 'string') return;
  if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'msg') yield { call: node, when };
  let inner = when;
  if (when !== 'called') {
    if (FUNCTIONS.has(node.type)) inner = constructor ? 'create' : 'called';
    else if (node.type === 'PropertyDefinition' && !node.static) inner = 'create';
  }
  const isConstructor = node.type === 'MethodDefinition' && node.kind === 'constructor';
  for (const value of Object.values(node))
    if (Array.isArray(value)) for (const child of value) yield* calls(child, inner);
    else if (value && typeof value.type === 'string') yield* calls(value, inner, isConstructor && value === node.value);
}

/** A locale module (`generated/locales/<owner>/<locale>.js`), the target of its owner's loaders. */
const LOCALE_MODULE = /\/generated\/locales\/[a-z]+\/[a-z]{2}\.js$/;

export function cdnEnglish({ dist }) {
  return {
    name: 'cdn-english',
    // A retried load asks for the same file under the fragment internal/localization.ts sets for
    // it (a failed module fetch stays failed in some browsers' module maps; see `failures` there).
    renderDynamicImport({ targetModuleId }) {
      if (targetModuleId && LOCALE_MODULE.test(targetModuleId)) return { left: 'import(', right: '+(globalThis.civicloopRetry||""))' };
      return null;
    },
    transform(code, id) {
      if (!id.includes(`/${dist}/`)) return null;
      const loaders = id.match(/\/generated\/locales\/([a-z]+)\.js$/);
      if (loaders) {
        const at = code.indexOf('export const messages = {');
        if (at < 0) this.error(`cdn-english: no \`messages\` object in ${id}`);
        const s = new MagicString(code).appendRight(at + 'export const messages = {'.length, `\n    en: () => import('./${loaders[1]}/en.js'),`);
        return { code: s.toString(), map: s.generateMap({ hires: true }) };
      }
      if (!/\bmsg\(/.test(code) || !/import \{[^}]*\bmsg\b[^}]*\} from '@lit\/localize'/.test(code)) return null;
      const s = new MagicString(code);
      for (const { call, when } of calls(this.parse(code))) {
        const [text, options] = call.arguments;
        const messageId = idOf(options);
        if (!messageId) this.error(`cdn-english: a msg() call without a literal id in ${id}: ${code.slice(call.start, call.end)}`);
        // Run on import, or as an element is created, it would answer before the element's
        // language, English included, has loaded: an empty text.
        if (when === 'import') this.error(`cdn-english: msg() ${messageId} runs when ${id} is imported; call it when rendering`);
        if (when === 'create') this.error(`cdn-english: msg() ${messageId} runs when an element of ${id} is created; call it when rendering`);
        if (text.type === 'Literal' && typeof text.value === 'string') s.overwrite(text.start, text.end, "''");
        else if (text.type === 'TemplateLiteral' && !text.expressions.length) s.overwrite(text.start, text.end, "''");
        else if (text.type === 'TaggedTemplateExpression' && text.tag.type === 'Identifier' && text.tag.name === 'str') {
          for (const quasi of text.quasi.quasis) if (quasi.end > quasi.start) s.remove(quasi.start, quasi.end);
        } else this.error(`cdn-english: msg() ${messageId} in ${id} is neither a string nor a str\`\` template`);
      }
      return s.hasChanged() ? { code: s.toString(), map: s.generateMap({ hires: true }) } : null;
    },
  };
}
