import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { scenario } from '../../../test/mocks.js';
import { ManualClock, setClock } from '../../controllers/clock.js';
import '../../define/sferum-join.js';
import type { SferumJoin } from './sferum-join.js';

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element) => root(el).textContent!.replace(/\s+/g, ' ').trim();
let restore: (() => void) | undefined;
afterEach(() => restore?.());

async function join(lesson: string, role = 'student', clock?: ManualClock) {
  const mock = await scenario('linked');
  if (clock) {
    restore = setClock(clock);
    mock.backend.now = () => clock.now();
  }
  const el = await fixture<SferumJoin>(html`<sferum-join lesson-id=${lesson} user-role=${role} time-zone="Europe/Moscow" .adapter=${mock.adapter}></sferum-join>`);
  await waitUntil(() => root(el).querySelector('a, [part="reason"]'), 'not loaded', { timeout: 5000 });
  return { ...mock, el };
}

describe('<sferum-join>', () => {
  it('a live online lesson: «Подключиться» opens the conference', async () => {
    const { el } = await join('lesson-live');
    const a = root(el).querySelector<HTMLAnchorElement>('a[part="button"]')!;
    expect(a.textContent).to.contain('Подключиться');
    expect(a.href).to.equal('https://sferum.ru/call/vc-live');
    expect(a.target).to.equal('_blank');
    await expect(el).to.be.accessible();
  });

  it('not started yet: disabled, with the time; enabled by itself at the start', async () => {
    const clock = new ManualClock();
    const { el } = await join('lesson-tomorrow', 'student', clock);
    const button = root(el).querySelector('button[part="button"]')!;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(text(el)).to.match(/Подключиться можно будет завтра в \d{1,2}:\d{2}\./);
    await expect(el).to.be.accessible();
    clock.advance(24 * 3600_000);
    await waitUntil(() => root(el).querySelector('a[part="button"]'), 'did not become live');
  });

  it('already ended', async () => {
    const { el } = await join('lesson-ended');
    expect(text(el)).to.contain('Онлайн-урок завершён.');
    expect(root(el).querySelector('a')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('not an online lesson', async () => {
    const { el } = await join('lesson-offline');
    expect(text(el)).to.contain('Урок проходит не онлайн.');
    expect(root(el).querySelector('button, a')).to.equal(null);
  });

  it('a parent sees that the child joins from the child\u2019s own account', async () => {
    const { el } = await join('lesson-live', 'parent');
    expect(text(el)).to.contain('переход в дистанционный урок реализуется непосредственно из учётной записи ребёнка');
    expect(root(el).querySelector('a')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('an error says so and retries', async () => {
    const mock = await scenario('fault-500');
    const el = await fixture<SferumJoin>(html`<sferum-join lesson-id="lesson-live" .adapter=${mock.adapter}></sferum-join>`);
    await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no error', { timeout: 5000 });
    mock.backend.reset('linked');
    root(el).querySelector<HTMLButtonElement>('.retry')!.click();
    await waitUntil(() => root(el).querySelector('a[part="button"]'), 'did not recover');
  });
});

describe('<sferum-join> with hostile data', () => {
  it('an unsafe conference URL is never a link, even while live', async () => {
    const { HttpResponse, http } = await import('msw');
    const { moscowIso } = await import('../../../mocks/data.js');
    const mock = await scenario('linked');
    const now = Date.now();
    mock.worker.use(
      http.get('*/api/sferum/lessons/:id/conference', () =>
        HttpResponse.json({
          lessonId: 'x',
          serverTime: moscowIso(now),
          timeZone: 'Europe/Moscow',
          online: true,
          conference: { id: 'c', title: '<img src=x onerror=alert(1)>', type: 'online-lesson', start: moscowIso(now - 60_000), end: moscowIso(now + 3600_000), organizer: 'o', url: 'javascript:alert(1)' },
        }),
      ),
    );
    const el = await fixture<SferumJoin>(html`<sferum-join lesson-id="x" .adapter=${mock.adapter}></sferum-join>`);
    await waitUntil(() => root(el).querySelector('[part="reason"]'), 'not loaded', { timeout: 5000 });
    expect(root(el).querySelector('a')).to.equal(null);
    expect(text(el)).to.contain('Ссылка недоступна');
    await expect(el).to.be.accessible();
  });
});
