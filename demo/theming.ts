// The theming section: every `--sferum-*` token and every `::part`, read from the committed
// custom-elements.json (so the list cannot drift from the sources), each with a live example.
import manifest from '../custom-elements.json';

interface Documented {
  name: string;
  description?: string;
}
interface Declaration {
  tagName?: string;
  customElement?: boolean;
  cssProperties?: Documented[];
  cssParts?: Documented[];
}

const declarations = (manifest as { modules: { declarations?: Declaration[] }[] }).modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);

/** Example values that make each token's effect visible on the sample element. */
const EXAMPLES: Record<string, string> = {
  '--sferum-color-accent': '#7b2cbf',
  '--sferum-color-accent-contrast': '#fff8e1',
  '--sferum-color-text': '#5a189a',
  '--sferum-color-text-muted': '#9d4edd',
  '--sferum-color-surface': '#fffaf0',
  '--sferum-color-surface-subtle': '#f3e8ff',
  '--sferum-color-border': '#c77dff',
  '--sferum-color-danger': '#d00000',
  '--sferum-color-danger-surface': '#ffe5e5',
  '--sferum-color-warning-surface': '#fff3bf',
  '--sferum-color-success': '#2b9348',
  '--sferum-color-focus': '#ff6d00',
  '--sferum-radius': '20px',
  '--sferum-font-family': 'Georgia, serif',
  '--sferum-font-size': '16px',
  '--sferum-space': '24px',
  '--sferum-table-height': '200px',
};

const cell = (tag: 'td' | 'th', ...children: (Node | string)[]) => {
  const el = document.createElement(tag);
  el.append(...children);
  return el;
};
const code = (text: string) => {
  const el = document.createElement('code');
  el.textContent = text;
  return el;
};

/** The smallest element in the state that shows a token: a join button, its reason, an error box, a notice. */
function sampleFor(name: string): { tag: string; scenario: string; attrs: Record<string, string> } | undefined {
  if (name === '--sferum-table-height') return undefined;
  if (name.includes('danger')) return { tag: 'sferum-join', scenario: 'fault-500', attrs: { 'lesson-id': 'lesson-live' } };
  if (name.includes('warning') || name.includes('surface-subtle') || name === '--sferum-space') return { tag: 'sferum-link', scenario: 'linked-notices', attrs: {} };
  if (name.includes('muted') || name.includes('border') || name === '--sferum-color-text' || name === '--sferum-color-surface')
    return { tag: 'sferum-join', scenario: 'linked', attrs: { 'lesson-id': 'lesson-tomorrow', 'user-role': 'parent' } };
  return { tag: 'sferum-join', scenario: 'linked', attrs: { 'lesson-id': 'lesson-live' } };
}

export function renderTheming(root: HTMLElement, adapterFor: (scenario: string) => unknown): void {
  const tokens = new Map<string, { description: string; tags: string[] }>();
  for (const d of declarations) {
    for (const p of d.cssProperties ?? []) {
      const entry = tokens.get(p.name) ?? { description: p.description ?? '', tags: [] };
      entry.tags.push(d.tagName!);
      tokens.set(p.name, entry);
    }
  }
  const tokenTable = document.createElement('table');
  tokenTable.className = 'tokens';
  tokenTable.innerHTML = '<caption>Токены темы (custom properties)</caption><thead><tr><th scope="col">Токен</th><th scope="col">Что меняет</th><th scope="col">Пример</th><th scope="col">Живой пример</th></tr></thead>';
  const body = document.createElement('tbody');
  for (const [name, { description, tags }] of [...tokens].sort(([a], [b]) => a.localeCompare(b))) {
    const value = EXAMPLES[name] ?? '';
    const spec = sampleFor(name);
    let sample: Node = document.createTextNode(`см. ${tags.includes('sferum-chats') && tags.length === 1 ? 'галерею: чаты, 10 000 строк' : '—'}`);
    if (spec) {
      const element = document.createElement(spec.tag) as HTMLElement & { adapter?: unknown };
      element.adapter = adapterFor(spec.scenario);
      element.setAttribute('vendor', 'generic');
      for (const [attr, v] of Object.entries(spec.attrs)) element.setAttribute(attr, v);
      if (value) element.style.setProperty(name, value);
      sample = element;
    }
    const row = document.createElement('tr');
    row.append(cell('th', code(name)), cell('td', description), cell('td', code(value)), cell('td', sample));
    row.querySelector('th')!.setAttribute('scope', 'row');
    body.append(row);
  }
  tokenTable.append(body);

  const partTable = document.createElement('table');
  partTable.className = 'tokens';
  partTable.innerHTML = '<caption>Части (::part) для точечной стилизации</caption><thead><tr><th scope="col">Элемент</th><th scope="col">Часть</th><th scope="col">Что это</th></tr></thead>';
  const partBody = document.createElement('tbody');
  for (const d of declarations) {
    for (const p of d.cssParts ?? []) {
      const row = document.createElement('tr');
      row.append(cell('td', code(`<${d.tagName}>`)), cell('th', code(`::part(${p.name})`)), cell('td', p.description ?? ''));
      row.querySelector('th')!.setAttribute('scope', 'row');
      partBody.append(row);
    }
  }
  partTable.append(partBody);

  // One live ::part example: the host page restyles the button and the card of a linked widget.
  const partExample = document.createElement('div');
  partExample.className = 'part-example';
  const style = document.createElement('style');
  style.textContent = `.part-example sferum-link::part(button) { border-radius: 999px; text-transform: uppercase; letter-spacing: 0.04em; }
.part-example sferum-link::part(card) { border: 2px dashed #7b2cbf; }`;
  const sample = document.createElement('sferum-link') as HTMLElement & { adapter?: unknown };
  sample.adapter = adapterFor('linked');
  sample.setAttribute('vendor', 'generic');
  const caption = document.createElement('p');
  caption.append('Живой пример: ', code('sferum-link::part(button) { border-radius: 999px; text-transform: uppercase }'), ' и ', code('::part(card) { border: 2px dashed }'));
  partExample.append(style, caption, sample);

  root.replaceChildren(tokenTable, partExample, partTable);
}
