// Rollup plugin of the CDN build (rollup.config.mjs): English as a loaded language, like the others.
// Each msg() call holds its English text, which a page in Polish would download and never show.
// Here the text leaves the call (a `str` template keeps its values, which every language's
// template picks by index: `lookup` in internal/localization.ts), and each owner's loaders gain
// `en`, the module scripts/locale-parts.ts writes from the same calls, so a page fetches English
// only where an element shows it. The npm build keeps English in the code and loads none.
// The console's strings (`console.*`: staff pages, no public page budget) stay in its code.
import MagicString from 'magic-string';

/** Owners (scripts/locale-parts.ts) whose English stays in the code. */
const INLINE = new Set(['console']);

/** The id in msg()'s options (`{ id: 'feedback.kind.praise' }`), or undefined. */
function idOf(options) {
  const id = options?.type === 'ObjectExpression' && options.properties.find((p) => p.key?.name === 'id' || p.key?.value === 'id');
  return id && id.value.type === 'Literal' && typeof id.value.value === 'string' ? id.value.value : undefined;
}

function* calls(node) {
  if (!node || typeof node.type !== 'string') return;
  if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'msg') yield node;
  for (const value of Object.values(node))
    if (Array.isArray(value)) for (const child of value) yield* calls(child);
    else if (value && typeof value.type === 'string') yield* calls(value);
}

export function cdnEnglish({ dist }) {
  return {
    name: 'cdn-english',
    transform(code, id) {
      if (!id.includes(`/${dist}/`)) return null;
      const loaders = id.match(/\/generated\/locales\/([a-z]+)\.js$/);
      if (loaders) {
        if (INLINE.has(loaders[1])) return null;
        const at = code.indexOf('export const messages = {');
        if (at < 0) this.error(`cdn-english: no \`messages\` object in ${id}`);
        const s = new MagicString(code).appendRight(at + 'export const messages = {'.length, `\n    en: () => import('./${loaders[1]}/en.js'),`);
        return { code: s.toString(), map: s.generateMap({ hires: true }) };
      }
      if (!/\bmsg\(/.test(code) || !/import \{[^}]*\bmsg\b[^}]*\} from '@lit\/localize'/.test(code)) return null;
      const s = new MagicString(code);
      for (const call of calls(this.parse(code))) {
        const [text, options] = call.arguments;
        const messageId = idOf(options);
        if (!messageId) this.error(`cdn-english: a msg() call without a literal id in ${id}: ${code.slice(call.start, call.end)}`);
        if (INLINE.has(messageId.split('.')[0])) continue;
        if (text.type === 'Literal' && typeof text.value === 'string') s.overwrite(text.start, text.end, "''");
        else if (text.type === 'TemplateLiteral' && !text.expressions.length) s.overwrite(text.start, text.end, "''");
        else if (text.type === 'TaggedTemplateExpression' && text.tag.type === 'Identifier' && text.tag.name === 'str')
          for (const quasi of text.quasi.quasis) {
            if (quasi.end > quasi.start) s.remove(quasi.start, quasi.end);
          }
        else this.error(`cdn-english: msg() ${messageId} in ${id} is neither a string nor a str\`\` template`);
      }
      return s.hasChanged() ? { code: s.toString(), map: s.generateMap({ hires: true }) } : null;
    },
  };
}
