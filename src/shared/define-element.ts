/** What `defineElement` registers: an element class that names its own tag. */
export interface NamedElement extends CustomElementConstructor {
  readonly tagName: string;
}

/**
 * Registers `element` under its own tag unless that tag is already taken, so that importing a
 * define entry twice, or after another copy of the toolkit (a second bundle on the page) defined
 * the tag, is harmless instead of throwing. The first definition wins.
 */
export function defineElement(element: NamedElement): void {
  if (!customElements.get(element.tagName)) customElements.define(element.tagName, element);
}
