/**
 * Registers a custom element unless the tag is already taken. A page may load two versions of
 * Civic Loop (a CMS plugin and a hand-pasted script); the first definition wins and the second
 * is a no-op instead of a `NotSupportedError` that would stop the rest of that bundle.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(tag)) return;
  try {
    customElements.define(tag, ctor);
  } catch (error) {
    // Two bundles racing on the same tag in one task: only "already defined" is expected.
    if (!customElements.get(tag)) throw error;
  }
}
