// msg() answers in the language of the element rendering at that moment (internal/localization.ts):
// inside an element's update (render, willUpdate, a controller's hostUpdate) or inside
// `localized()`. Called anywhere else (an event handler, after an await, in a promise callback) it
// answers in English or, on the CDN files in another language, with an empty text: a status
// region that says nothing (tests/node/cdn-console-locale.test.ts shows four such). This reads the
// elements' sources with TypeScript's checker and names every msg() that such code reaches
// outside `localized()`.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import ts from 'typescript';

const root = fileURLToPath(new URL('../..', import.meta.url));
const src = `${root}packages/elements/src/`;

/** Where each msg() call outside `localized()` is reached from code run outside an update. */
function strayMessages(): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(`${root}packages/elements/tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const program = ts.createProgram({ rootNames: config.fileNames, options: { ...config.options, noEmit: true } });
  const checker = program.getTypeChecker();
  const where = (n: ts.Node) => {
    const f = n.getSourceFile();
    return `${f.fileName.slice(src.length)}:${f.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  };
  const inLocalized = (n: ts.Node): boolean => {
    for (let p = n.parent; p && !ts.isSourceFile(p); p = p.parent) if (ts.isCallExpression(p) && /(^|\.)localized$/.test(p.expression.getText())) return true;
    return false;
  };
  /** The declaration with a body in our sources that `call` runs, if any. */
  const target = (call: ts.CallExpression): ts.Node | undefined => {
    let d: ts.Node | undefined = checker.getResolvedSignature(call)?.declaration;
    if (d && ts.isPropertyDeclaration(d.parent) && d.parent.initializer) d = d.parent.initializer;
    if (!d || !d.getSourceFile().fileName.startsWith(src)) return undefined;
    if ((ts.isFunctionLike(d) && (d as ts.FunctionLikeDeclaration).body) || ts.isArrowFunction(d)) return d;
    const init = ts.isPropertyDeclaration(d) || ts.isVariableDeclaration(d) ? d.initializer : undefined;
    return init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : undefined;
  };
  const found = new Set<string>();
  const seen = new Set<ts.Node>();
  /** Every msg() that `node` runs (from `from` on in the source, for code after an await), following calls into our sources. */
  const reach = (node: ts.Node, entry: string, from = 0) => {
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n) && n.getStart() >= from && !inLocalized(n)) {
        if (ts.isIdentifier(n.expression) && n.expression.text === 'msg') found.add(`${where(n)} (from ${entry})`);
        else {
          const t = target(n);
          if (t && !seen.has(t)) {
            seen.add(t);
            reach(t, entry);
            seen.delete(t);
          }
        }
      }
      // A callback defined here runs when its caller calls it: followed through the call that runs it, not here.
      if (n !== node && ts.isFunctionLike(n) && n.getStart() >= from) return;
      ts.forEachChild(n, visit);
    };
    visit(node);
  };
  const isEntry = (fn: ts.Node): boolean => {
    const p = fn.parent;
    // An event binding in a template (`@click=${…}`, also through a wrapper such as `act(…)`).
    for (let q = p; q && !ts.isSourceFile(q); q = q.parent) {
      if (ts.isTemplateSpan(q)) {
        const spans = q.parent.templateSpans;
        const i = spans.indexOf(q);
        if (/@[\w-]+=$/.test(i === 0 ? q.parent.head.text : spans[i - 1]!.literal.text)) return true;
        break;
      }
      if (!ts.isCallExpression(q) && !ts.isParenthesizedExpression(q)) break;
    }
    // A handler handed to a part (`onClick`, `onChange`…) or kept in a field (`#onSearch`).
    if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) && /^#?on[A-Z]/.test(p.name.getText())) return true;
    if (!ts.isCallExpression(p) || !p.arguments.includes(fn as ts.Expression)) return false;
    // A handler given as an argument (a parameter named `onChange`…).
    const parameter = checker.getResolvedSignature(p)?.parameters[p.arguments.indexOf(fn as ts.Expression)];
    if (parameter && /^on[A-Z]/.test(parameter.name)) return true;
    // A callback of a promise, a timer or a listener.
    return /\.(then|catch|finally)$|setTimeout|addEventListener|\.listen$|\.subscribe$/.test(p.expression.getText());
  };
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(src)) continue;
    const visit = (n: ts.Node) => {
      if (ts.isFunctionLike(n) && (n as ts.FunctionLikeDeclaration).body) {
        if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && isEntry(n)) reach(n, `a handler at ${where(n)}`);
        // An async function's code after its first await runs outside whatever called it.
        if (ts.getCombinedModifierFlags(n as ts.Declaration) & ts.ModifierFlags.Async) {
          let first: ts.AwaitExpression | undefined;
          const findAwait = (c: ts.Node): void => {
            if (first || (c !== n && ts.isFunctionLike(c))) return;
            if (ts.isAwaitExpression(c)) first = c;
            else ts.forEachChild(c, findAwait);
          };
          findAwait(n);
          if (first) reach(n, `after the await at ${where(first)}`, first.getEnd());
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(file);
  }
  return [...found].sort();
}

test('no msg() runs outside an element\'s update unless inside localized()', () => {
  assert.deepEqual(strayMessages(), []);
});
