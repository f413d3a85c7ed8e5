import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { moscowIso } from '../../../mocks/data.js';
import { click } from '../../../test/flow-helpers.js';
import { scenario } from '../../../test/mocks.js';
import { ManualClock, setClock } from '../../controllers/clock.js';
import '../../define/sferum-vcs.js';
import type { SferumVcs } from './sferum-vcs.js';

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element) => root(el).textContent!.replace(/\s+/g, ' ');
const rowOf = (el: Element, title: string) => [...root(el).querySelectorAll<HTMLElement>('[part="row"]')].find((r) => r.textContent!.includes(title));
let restore: (() => void) | undefined;
afterEach(() => restore?.());

/** Midday at the school: the «Сегодня» filter must not depend on the hour the tests run at. */
const NOON = Date.parse('2026-11-23T12:00:00+03:00');

async function vcs(options: { clock?: ManualClock; zone?: string } = {}) {
  const mock = await scenario('linked');
  const clock = options.clock ?? new ManualClock(NOON);
  restore = setClock(clock);
  mock.backend.now = () => clock.now();
  const el = await fixture<SferumVcs>(html`<sferum-vcs style="width:900px" time-zone=${options.zone ?? 'Europe/Moscow'} .adapter=${mock.adapter}></sferum-vcs>`);
  await waitUntil(() => root(el).querySelector('[role="table"], [role="alert"]'), 'not loaded', { timeout: 5000 });
  return { ...mock, el };
}

const filter = (el: Element, label: string) => [...root(el).querySelectorAll<HTMLLabelElement>('.filter label')].find((l) => l.textContent!.includes(label))!.querySelector('input')!;

describe('<sferum-vcs>', () => {
  it('shows title, type («Онлайн-урок» marked), time, organiser and «Перейти» only while live; axe clean', async () => {
    const { el } = await vcs();
    const live = rowOf(el, 'Алгебра: системы уравнений')!;
    expect(live.querySelector('.badge')!.textContent).to.equal('Онлайн-урок');
    const go = live.querySelector<HTMLAnchorElement>('a[part="join"]')!;
    expect(go.textContent!.trim()).to.equal('Перейти');
    expect(go.rel).to.equal('noopener noreferrer');
    expect(text(el)).to.contain('Смирнова Ольга Викторовна');
    const soon = rowOf(el, 'Родительское собрание')!;
    expect(soon.querySelector('a')).to.equal(null);
    expect(soon.textContent).to.contain('через 12 минут');
    expect(soon.textContent).to.contain('Собрание');
    await expect(el).to.be.accessible();
  });

  it('goes from upcoming to live to ended on the page clock, with no re-fetch', async () => {
    const clock = new ManualClock(NOON);
    const { el, backend } = await vcs({ clock });
    const requests = backend.requests.length;
    expect(rowOf(el, 'Родительское собрание')!.textContent).to.contain('через 12 минут');
    clock.advance(5 * 60_000);
    await waitUntil(() => rowOf(el, 'Родительское собрание')!.textContent!.includes('через 7 минут'), 'did not count down');
    clock.advance(7 * 60_000);
    await waitUntil(() => rowOf(el, 'Родительское собрание')?.querySelector('a[part="join"]'), 'did not go live');
    await expect(el).to.be.accessible();
    clock.advance(61 * 60_000);
    await click(filter(el, 'Прошедшие'));
    await waitUntil(() => rowOf(el, 'Родительское собрание')?.textContent!.includes('Завершена'), 'did not end');
    expect(backend.requests.length, 'no re-fetch').to.equal(requests);
  });

  it('decides «live» on the server\u2019s clock: a computer 10 minutes fast sees no link early', async () => {
    const serverNow = NOON;
    const clock = new ManualClock(serverNow + 10 * 60_000);
    const mock = await scenario('linked');
    restore = setClock(clock);
    mock.worker.use(
      http.get('*/api/sferum/conferences', () =>
        HttpResponse.json({
          serverTime: moscowIso(serverNow),
          timeZone: 'Europe/Moscow',
          conferences: [{ id: 'x', title: 'Химия', type: 'online-lesson', start: moscowIso(serverNow + 5 * 60_000), end: moscowIso(serverNow + 50 * 60_000), organizer: 'О', url: 'https://sferum.ru/call/x' }],
        }),
      ),
    );
    const el = await fixture<SferumVcs>(html`<sferum-vcs time-zone="Europe/Moscow" .adapter=${mock.adapter}></sferum-vcs>`);
    await waitUntil(() => rowOf(el, 'Химия'), 'not loaded');
    expect(rowOf(el, 'Химия')!.querySelector('a'), 'no link before the server says so').to.equal(null);
    expect(rowOf(el, 'Химия')!.textContent).to.contain('через 5 минут');
    clock.advance(5 * 60_000);
    await waitUntil(() => rowOf(el, 'Химия')!.querySelector('a[part="join"]'), 'no link at the server\u2019s start');
  });

  it('shows times in the user\u2019s zone and names it when it differs from the school\u2019s', async () => {
    const moscow = await vcs();
    const yekaterinburg = await vcs({ zone: 'Asia/Yekaterinburg' });
    const time = (el: Element) => rowOf(el, 'Алгебра')!.querySelectorAll('[role="cell"]')[2]!.textContent!.replace(/\s+/g, ' ');
    const [mh] = /\d{1,2}:\d{2}/.exec(time(moscow.el))!;
    const [yh] = /\d{1,2}:\d{2}/.exec(time(yekaterinburg.el))!;
    const hours = (t: string) => Number(t.split(':')[0]);
    expect((hours(yh!) - hours(mh!) + 24) % 24).to.equal(2);
    expect(rowOf(moscow.el, 'Алгебра')!.querySelector('.zone')).to.equal(null);
    expect(rowOf(yekaterinburg.el, 'Алгебра')!.querySelector('.zone')!.textContent).to.equal('по\u00a0UTC+5');
  });

  it('filters today / upcoming / past', async () => {
    const { el } = await vcs();
    expect(rowOf(el, 'Алгебра')).to.exist;
    expect(rowOf(el, 'Физика: законы Ньютона'), 'tomorrow is not today').to.equal(undefined);
    await click(filter(el, 'Предстоящие'));
    await waitUntil(() => rowOf(el, 'Физика: законы Ньютона'));
    expect(rowOf(el, 'Физика: законы Ньютона')!.textContent).to.contain('завтра в');
    expect(rowOf(el, 'История'), 'ended is not upcoming').to.equal(undefined);
    await click(filter(el, 'Прошедшие'));
    await waitUntil(() => rowOf(el, 'История: Смутное время'));
    expect(rowOf(el, 'История: Смутное время')!.textContent).to.contain('Завершена');
    await expect(el).to.be.accessible();
  });

  it('hostile data: an unsafe link is not a link; a date that does not exist or an end before the start is an error state', async () => {
    const now = NOON;
    const base = { id: 'h', title: '<script>alert(1)</script>', type: 'online-lesson', start: moscowIso(now - 60_000), end: moscowIso(now + 60 * 60_000), organizer: 'מורה', url: 'javascript:alert(1)' };
    const { el, worker } = await vcs();
    worker.use(http.get('*/api/sferum/conferences', () => HttpResponse.json({ serverTime: moscowIso(now), timeZone: 'Europe/Moscow', conferences: [base] })));
    el.retry();
    await waitUntil(() => rowOf(el, '<script>'), 'not rendered as text');
    expect(root(el).querySelector('script')).to.equal(null);
    expect(rowOf(el, '<script>')!.querySelector('a')).to.equal(null);
    expect(rowOf(el, '<script>')!.textContent).to.contain('Ссылка недоступна');
    for (const bad of [{ ...base, start: '2026-02-30T09:00:00+03:00' }, { ...base, end: moscowIso(now - 2 * 60 * 60_000) }]) {
      worker.use(http.get('*/api/sferum/conferences', () => HttpResponse.json({ serverTime: moscowIso(now), timeZone: 'Europe/Moscow', conferences: [bad] })));
      el.retry();
      await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no error state');
      expect(root(el).querySelector('[role="table"]'), 'never half a table').to.equal(null);
    }
    await expect(el).to.be.accessible();
  });
});
