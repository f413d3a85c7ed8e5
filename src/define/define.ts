/**
 * Registers a tag once. A page that loads the bundle twice gets a warning, not a
 * `NotSupportedError` from the second `customElements.define`.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== ctor) console.warn(`<${tag}> is already defined by another copy of sferum-widgets; keeping the first one.`);
    return;
  }
  customElements.define(tag, ctor);
}
