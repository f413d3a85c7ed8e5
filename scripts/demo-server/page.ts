// The demo:server page: the widgets with the kit's HTTP adapter against the real handler, and a
// panel that plays the outside world — what VK ID's page will do, and the person in MAX (the bot's
// messages and their buttons; a press is a real webhook delivery to the server). Built with DOM
// calls only: the page runs under CSP with Trusted Types.
import '../../src/define/all.js';
import { createHttpAdapter } from '../../src/adapter/http-adapter.js';
import type { SferumChats } from '../../src/components/chats/sferum-chats.js';
import type { SferumProvider } from '../../src/components/provider/sferum-provider.js';

interface MockState {
  vkidScenario: string;
  vkidScenarios: Record<string, string>;
  people: { userId: number; name: string; phone: string; started: boolean }[];
  messages: { mid: string; userId: number; text: string; buttons: { text: string; type: string }[] }[];
  deepLink: string | null;
}

const provider = document.querySelector<SferumProvider>('#provider')!;
provider.adapter = createHttpAdapter({ baseUrl: '/api/sferum', allowedHosts: [location.origin] });
const chats = document.querySelector<SferumChats>('#chats')!;
document.querySelector('#live')!.addEventListener('sferum-link-status-change', () => chats.retry());

/** What happens on the mock VK ID page (the mock's own descriptions are English, for tests). */
const VKID_LABELS: Record<string, string> = {
  consent: 'Человек входит и разрешает доступ',
  access_denied: 'Человек отказывает (access_denied)',
  'wrong-state': 'Ответ приходит с чужим state',
  'expired-code': 'Код истёк до обмена (invalid_grant)',
  'no-phone': 'Аккаунт не отдаёт номер телефона',
};

const post = (path: string, body: unknown) =>
  fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

const scenarioSelect = document.querySelector<HTMLSelectElement>('#vkid-scenario')!;
const personSelect = document.querySelector<HTMLSelectElement>('#max-person')!;
const openButton = document.querySelector<HTMLButtonElement>('#max-open')!;
const list = document.querySelector<HTMLOListElement>('#max-messages')!;
let shown = '';

scenarioSelect.addEventListener('change', () => void post('/mock/vkid-scenario', { scenario: scenarioSelect.value }));
personSelect.addEventListener('change', () => void refresh(true));
openButton.addEventListener('click', async () => {
  await post('/mock/max-open', { userId: Number(personSelect.value) });
  await refresh();
});

function render(state: MockState): void {
  if (scenarioSelect.options.length === 0) {
    for (const [name, description] of Object.entries(state.vkidScenarios)) scenarioSelect.add(new Option(VKID_LABELS[name] ?? description, name));
  }
  scenarioSelect.value = state.vkidScenario;
  if (personSelect.options.length === 0) {
    for (const person of state.people) {
      personSelect.add(new Option(`${person.name}, ${person.phone}${person.started ? '' : ' (бота не запускал)'}`, String(person.userId)));
    }
  }
  openButton.disabled = state.deepLink === null;
  const userId = Number(personSelect.value);
  const mine = state.messages.filter((m) => m.userId === userId);
  const key = JSON.stringify(mine);
  if (key === shown) return;
  shown = key;
  list.replaceChildren(
    ...mine.map((message) => {
      const item = document.createElement('li');
      const text = document.createElement('p');
      text.textContent = message.text;
      const buttons = document.createElement('div');
      buttons.className = 'buttons';
      for (const button of message.buttons) {
        const element = document.createElement('button');
        element.type = 'button';
        element.textContent = button.text;
        element.addEventListener('click', async () => {
          element.disabled = true;
          await post('/mock/max-press', { userId, text: button.text });
          await refresh();
        });
        buttons.append(element);
      }
      item.append(text, buttons);
      return item;
    }),
  );
}

async function refresh(force = false): Promise<void> {
  if (force) shown = '';
  const response = await fetch('/mock/state', { credentials: 'same-origin' });
  if (response.ok) render((await response.json()) as MockState);
}

await refresh();
setInterval(() => void refresh(), 1000);
