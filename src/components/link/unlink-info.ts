// Part of the lazily loaded unlinking module (dialog/unlink-dialog.ts): where the journal does not
// let the user unlink here (MESH), `<sferum-link>` loads it with the status, so the card appears whole.
import { html, nothing, type TemplateResult } from 'lit';
import type { Translator } from '../../i18n/translator.js';
import type { VendorPreset } from '../../presets/types.js';

/**
 * How to unlink elsewhere: only through technical support (and how to reach it), or in another
 * service (`url`: the preset's `unlinkUrl`, already through the URL policy; nothing links otherwise).
 */
export function renderUnlinkInfo(policy: 'support' | 'external', i18n: Translator, preset: VendorPreset, url: string | null): TemplateResult {
  if (policy === 'support') {
    const email = preset.support.email && /^[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}$/i.test(preset.support.email) ? preset.support.email : undefined;
    const contact = email ?? preset.support.phone;
    return html`<div class="hint" part="unlink-info">
      <p>${i18n.t('unlinkSupport')}</p>
      ${contact ? html`<p>${i18n.t('unlinkSupportContact', { contact: '' })}${email ? html`<a href="mailto:${email}">${email}</a>` : contact}</p>` : nothing}
    </div>`;
  }
  return html`<div class="hint" part="unlink-info">
    <p>${i18n.t('unlinkExternal')}</p>
    ${url
      ? html`<p><a href=${url} target="_blank" rel="noopener noreferrer">${i18n.t('unlinkExternalLink')}<span class="visually-hidden"> ${i18n.t('opensInNewTab')}</span></a></p>`
      : nothing}
  </div>`;
}
