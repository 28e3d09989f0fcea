// Generated from src/registry.ts by scripts/registry.ts (run by `npm run build`); do not edit.
/**
 * The one script a web editor pastes:
 *
 *   <script type="module" src="https://council.example/cdn/civicloop.js"></script>
 *
 * It defines each Civic Loop element only when its tag appears in the page (now or later,
 * e.g. a CMS tab that renders on click) and imports that element's code on demand, so a page
 * pays only for what it shows. It imports nothing itself, to stay within a few hundred bytes.
 */
// One static import() per element: bundlers must see each path to split it into its own chunk.
const loaders: Record<string, () => Promise<unknown>> = {
  'cocreate-feedback': () => import('./cocreate-feedback/cocreate-feedback.js'),
};

const pending = new Map(Object.entries(loaders));

function scan(): void {
  for (const [tag, load] of pending) {
    if (!document.querySelector(tag)) continue;
    pending.delete(tag);
    load().catch((error: unknown) => console.error(`civicloop: could not load <${tag}>`, error));
  }
  if (pending.size === 0) observer.disconnect();
}

const observer = new MutationObserver(scan);
observer.observe(document.documentElement, { childList: true, subtree: true });
scan();
