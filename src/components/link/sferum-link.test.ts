import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { scenario } from '../../../test/mocks.js';
import '../../define/sferum-link.js';
import '../../define/sferum-provider.js';
import type { SferumLink } from './sferum-link.js';

const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element) => shadow(el).textContent!.replace(/\s+/g, ' ').trim();
const settled = (el: SferumLink) => waitUntil(() => !shadow(el).querySelector('[role="status"]'), 'still loading', { timeout: 4000 });

describe('<sferum-link> status', () => {
  it('shows loading, then the preset entry texts when unlinked', async () => {
    const { adapter } = await scenario('unlinked');
    const el = await fixture<SferumLink>(html`<sferum-link vendor="mesh" .adapter=${adapter}></sferum-link>`);
    expect(shadow(el).querySelector('[role="status"]')?.textContent).to.contain('Загрузка');
    await settled(el);
    expect(shadow(el).querySelector('h2')!.textContent).to.equal('Мессенджер не подключен');
    expect(text(el)).to.contain('Для работы мессенджера необходимо связать ваш аккаунт МЭШ с аккаунтом Сферум');
    await expect(el).to.be.accessible();
  });
});
