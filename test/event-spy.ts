// Hears every event a page script could hear while a flow runs: every event any code dispatches
// on a node or the window (non-composed and non-bubbling ones included, through a wrapped
// `dispatchEvent`), and every event of those types and of the browser's own input events at the
// document and at every (open) shadow root.

/** The native events a person's typing, clicking and focus moves dispatch. */
const NATIVE_TYPES = ['input', 'beforeinput', 'change', 'keydown', 'keyup', 'keypress', 'click', 'submit', 'focusin', 'focusout', 'paste', 'cancel', 'close', 'toggle'];

export interface HeardEvent {
  type: string;
  /** Where it was heard: `dispatch` (the wrapped call), `document`, or the host tag of a shadow root. */
  where: string;
  event: Event;
}

function isDomThing(value: object): boolean {
  return value instanceof Node || value instanceof Window || value instanceof Event || value instanceof EventTarget;
}

/** Every string reachable from an event's own and inherited properties (DOM nodes excluded: a page can read those anyway). */
export function stringsIn(root: Event): string[] {
  const found: string[] = [];
  const seen = new Set<object>();
  const visit = (value: unknown, depth: number): void => {
    if (typeof value === 'string') {
      found.push(value);
      return;
    }
    if (typeof value !== 'object' || value === null || depth > 8 || seen.has(value)) return;
    seen.add(value);
    if (value !== root && isDomThing(value)) return;
    const keys = new Set<string>(Object.getOwnPropertyNames(value));
    for (const key in value) keys.add(key);
    for (const key of keys) {
      let child: unknown;
      try {
        child = (value as Record<string, unknown>)[key];
      } catch {
        continue;
      }
      if (typeof child !== 'function') visit(child, depth + 1);
    }
  };
  visit(root, 0);
  return found;
}

/** Every shadow root under `root`, through nested shadow roots. */
function shadowRoots(root: ParentNode, out: ShadowRoot[] = []): ShadowRoot[] {
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) {
      out.push(el.shadowRoot);
      shadowRoots(el.shadowRoot, out);
    }
  }
  return out;
}

export class EventSpy {
  readonly heard: HeardEvent[] = [];
  private readonly types = new Set<string>(NATIVE_TYPES);
  private readonly listening = new WeakMap<Node, Set<string>>();
  private readonly original = EventTarget.prototype.dispatchEvent;
  private timer?: ReturnType<typeof setInterval>;
  private active = false;
  private readonly removers: (() => void)[] = [];

  start(): this {
    const original = this.original;
    const heardAt = (target: EventTarget, event: Event) => {
      if (!this.active || !(target instanceof Node || target instanceof Window)) return;
      this.heard.push({ type: event.type, where: 'dispatch', event });
      if (!this.types.has(event.type)) {
        this.types.add(event.type);
        this.listenEverywhere();
      }
    };
    this.active = true;
    EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event): boolean {
      heardAt(this, event);
      return original.call(this, event);
    };
    this.listenEverywhere();
    // Shadow roots appear as the flow goes on: listen at each new one.
    this.timer = setInterval(() => this.listenEverywhere(), 20);
    return this;
  }

  stop(): void {
    this.active = false;
    EventTarget.prototype.dispatchEvent = this.original;
    clearInterval(this.timer);
    for (const remove of this.removers) remove();
  }

  /** Event types heard, each once. */
  get typesHeard(): string[] {
    return [...new Set(this.heard.map((h) => h.type))].sort();
  }

  /** Events that carry one of `secrets` anywhere in their properties. */
  carrying(secrets: readonly string[]): string[] {
    const hits: string[] = [];
    for (const { type, where, event } of this.heard) {
      for (const text of stringsIn(event)) {
        const secret = secrets.find((s) => text.includes(s));
        if (secret) hits.push(`${type} (heard at ${where}) carries «${secret}» in «${text.slice(0, 80)}»`);
      }
    }
    return [...new Set(hits)];
  }

  private listenEverywhere(): void {
    const roots: (Document | ShadowRoot)[] = [document, ...shadowRoots(document)];
    for (const root of roots) {
      let types = this.listening.get(root);
      if (!types) this.listening.set(root, (types = new Set()));
      for (const type of this.types) {
        if (types.has(type)) continue;
        types.add(type);
        const where = root instanceof ShadowRoot ? root.host.localName : 'document';
        const listener = (event: Event) => void (this.active && this.heard.push({ type, where, event }));
        root.addEventListener(type, listener, { capture: true });
        this.removers.push(() => root.removeEventListener(type, listener, { capture: true }));
      }
    }
  }
}
