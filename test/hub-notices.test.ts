// Issue 10, item 8: every notice kind the adapter sends is shown for every vendor; a preset
// supplies the texts (and a host may override them) and may add its own standing notice (Perm).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { SferumHub } from '../src/components/hub/sferum-hub.js';
import '../src/define/sferum-hub.js';
import type { PresetOverrides } from '../src/presets/types.js';
import { scenario } from './mocks.js';

const NEW_YEAR = 'Вы были переведены на новый учебный год! Ниже будут отображены чаты, в которых вы являетесь участником.';
const RESTORED = 'Вы восстановлены из реестра «Выпускники и отчисленные»';
const SECURITY = 'Никому не передавайте свои регистрационные данные';

const noticesOf = (el: SferumHub) => [...el.shadowRoot!.querySelectorAll('[part="notice"]')].map((n) => n.textContent!.trim());

async function hub(vendor: string, notices: { kind: string }[], preset?: PresetOverrides) {
  sessionStorage.clear();
  const mock = await scenario('linked', { vendor });
  mock.worker.use(
    http.get('*/api/sferum/link', () =>
      HttpResponse.json({ state: 'linked', method: 'vkid', phone: '+79521234567', sferumUrl: 'https://sferum.ru/', notices }),
    ),
  );
  const el = await fixture<SferumHub>(html`<sferum-hub vendor=${vendor} .preset=${preset} .adapter=${mock.adapter}></sferum-hub>`);
  // The phone is in the link's card inside the hub.
  await waitUntil(() => el.shadowRoot!.querySelector('sferum-link')?.shadowRoot?.querySelector('[part="phone"]')?.textContent, 'no status', { timeout: 6000 });
  return el;
}

describe('<sferum-hub> notices (issue 10, item 8)', () => {
  for (const vendor of ['bars', 'mesh', 'perm', 'generic']) {
    it(`${vendor}: every notice the adapter sends is shown, each once`, async () => {
      const el = await hub(vendor, [{ kind: 'new-school-year' }, { kind: 'restored' }, { kind: 'security' }]);
      const shown = noticesOf(el);
      expect(shown).to.have.length(3);
      expect(shown[0]).to.contain(NEW_YEAR);
      expect(shown[1]).to.contain(RESTORED);
      expect(shown[2]).to.contain(SECURITY);
      await expect(el).to.be.accessible();
    });

    it(`${vendor}: with no notice from the adapter, only the preset's standing ones`, async () => {
      const el = await hub(vendor, []);
      expect(noticesOf(el)).to.deep.equal(vendor === 'perm' ? [noticesOf(el)[0]] : []);
      if (vendor === 'perm') expect(noticesOf(el)[0]).to.contain(SECURITY);
    });
  }

  it('the texts come from the preset\u2019s texts, which a host may override per key', async () => {
    const el = await hub('bars', [{ kind: 'restored' }], { texts: { ru: { noticeRestored: 'Вы снова в списках школы.' } } });
    expect(noticesOf(el)).to.deep.equal(['Вы снова в списках школы.']);
  });
});
