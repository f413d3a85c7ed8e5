// Server rendering: every element renders its loading state through @lit-labs/ssr in plain Node,
// with no DOM shim (no `Element`, `window` or `document`), standalone and inside a provider.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { LitElementRenderer } from '@lit-labs/ssr/lib/lit-element-renderer.js';
import { html, type TemplateResult } from 'lit';
import '../../src/define/all.js';
import { loadLocale } from '../../src/i18n/translator.js';

const ELEMENTS: { tag: string; template: TemplateResult }[] = [
  { tag: 'sferum-link', template: html`<sferum-link></sferum-link>` },
  { tag: 'sferum-chats', template: html`<sferum-chats></sferum-chats>` },
  { tag: 'sferum-vcs', template: html`<sferum-vcs></sferum-vcs>` },
  { tag: 'sferum-join', template: html`<sferum-join lesson-id="lesson-1"></sferum-join>` },
  { tag: 'sferum-hub', template: html`<sferum-hub></sferum-hub>` },
];

async function serverHtml(template: TemplateResult): Promise<string> {
  return collectResult(render(template));
}

/** The shadow root a tag rendered, from its declarative `<template shadowrootmode>` to the closing tag. */
function shadowOf(markup: string, tag: string): string {
  const start = markup.indexOf(`<${tag}`);
  assert.ok(start >= 0, `<${tag}> is missing`);
  const end = markup.indexOf(`</${tag}>`, start);
  return markup.slice(start, end);
}

function assertLoading(markup: string, tag: string, text = 'Загрузка…'): void {
  const shadow = shadowOf(markup, tag);
  assert.match(shadow, /<template shadowroot(mode)?="open"/, `<${tag}> has no declarative shadow root`);
  assert.ok(shadow.includes(text), `<${tag}> does not show «${text}»:\n${shadow.slice(-600)}`);
  assert.doesNotMatch(shadow, /адаптер|adapter|role="alert"/i, `<${tag}> renders an error on the server`);
  // A style attribute in server HTML is blocked by a strict CSP (style-src without 'unsafe-inline').
  assert.doesNotMatch(shadow, /\sstyle="/, `<${tag}> renders an inline style attribute`);
}

describe('server rendering (@lit-labs/ssr, no DOM shim)', () => {
  it('runs without a DOM: no Element, window or document in this process', () => {
    assert.equal(typeof (globalThis as { Element?: unknown }).Element, 'undefined');
    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  });

  for (const { tag, template } of ELEMENTS) {
    it(`renders <${tag}> standalone in its loading state`, async () => {
      assertLoading(await serverHtml(template), tag);
    });
  }

  it('renders every element inside a provider in its loading state, with the provider\u2019s children slotted', async () => {
    const markup = await serverHtml(html`<sferum-provider vendor="mesh" user-role="parent">
      <sferum-link></sferum-link>
      <sferum-chats></sferum-chats>
      <sferum-vcs></sferum-vcs>
      <sferum-join lesson-id="lesson-1"></sferum-join>
      <sferum-hub></sferum-hub>
    </sferum-provider>`);
    assert.match(shadowOf(markup, 'sferum-provider'), /<slot>/);
    for (const tag of ['sferum-link', 'sferum-chats', 'sferum-vcs', 'sferum-hub']) assertLoading(markup, tag);
    // A parent's join button shows the rule (the role is the element's own attribute here).
    assert.doesNotMatch(shadowOf(markup, 'sferum-join'), /адаптер|role="alert"/);
  });

  it('renders in English when the element says so (English loaded first, as on the client)', async () => {
    await loadLocale('en');
    assertLoading(await serverHtml(html`<sferum-chats locale="en" theme="auto"></sferum-chats>`), 'sferum-chats', 'Loading…');
  });

  it('renders inside a provider when the server calls connectedCallback (context reaches the children)', async () => {
    const options = (element: HTMLElement) => (element.localName.startsWith('sferum-') ? { connectedCallback: true } : undefined);
    await loadLocale('en');
    LitElementRenderer.renderOptions.push(options);
    try {
      const markup = await serverHtml(html`<sferum-provider locale="en" theme="auto">
        <sferum-link></sferum-link>
        <sferum-chats></sferum-chats>
        <sferum-vcs></sferum-vcs>
        <sferum-hub></sferum-hub>
      </sferum-provider>`);
      for (const tag of ['sferum-link', 'sferum-chats', 'sferum-vcs', 'sferum-hub']) assertLoading(markup, tag, 'Loading…');
    } finally {
      LitElementRenderer.renderOptions.splice(LitElementRenderer.renderOptions.indexOf(options), 1);
    }
  });
});
