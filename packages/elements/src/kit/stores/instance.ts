/**
 * Which form instance a draft belongs to: the element's id, else its position among the forms
 * of the same scope in document order, so two forms of one scope on a page never share a draft
 * and a reload finds each one's own again.
 */
export function formInstance(host: { id: string }, sameScope: readonly { id: string }[]): string {
  return host.id ? `#${host.id}` : String(Math.max(0, sameScope.indexOf(host)));
}
