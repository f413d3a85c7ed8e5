/** Named situations of the mock journal backend, for tests and the demo. */
export const SCENARIOS = {
  unlinked: 'Not linked yet: the entry screen',
  linked: 'Linked through VK ID, with chats and conferences',
  'linked-notices': 'Linked, with the new-school-year and restored notices',
  'linked-many-chats': 'Linked, a school-wide admin with 10,000 chats',
  pending: 'A MAX link waiting for «Подключить» (as after a reload)',
  'vkid-variant-1': 'VK ID variant 1: has VK ID and an educational profile',
  'vkid-variant-2': 'VK ID variant 2: has VK ID, no educational profile',
  'vkid-variant-3': 'VK ID variant 3: no VK ID yet',
  'vkid-known-session': 'VK ID: the browser already has a VK ID session',
  'vkid-recovery': 'VK ID: password recovery',
  'vkid-hosted': 'VK ID hosted: the login runs in a popup on the mock VK ID page',
  'vkid-popup': 'The mock VK ID page itself (login, password, code), used inside the popup',
  'max-confirmed': 'MAX: the user presses «Подключить»',
  'max-declined': 'MAX: the user presses «Не подключать»',
  'max-expired': 'MAX: the request expires unanswered',
  'max-slow': 'MAX: the backend asks to poll slower, then confirms',
  'max-deep-link': 'MAX from a desktop: the request carries a deep link (QR code, «Открыть MAX»), waits for «Подключить»',
  'max-deep-link-expiring': 'MAX from a desktop: a deep link whose request expires 20 seconds after it is sent',
  'fault-network': 'Every request fails: network error',
  'fault-timeout': 'Every request hangs until the client times out',
  'fault-401': 'The journal session has ended (401)',
  'fault-429': 'Too many requests (429, Retry-After: 30)',
  'fault-500': 'Server error (500)',
  'fault-malformed': 'An HTML error page with status 200',
} as const;

export type ScenarioName = keyof typeof SCENARIOS;
export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];

export type Fault = 'network' | 'timeout' | '401' | '429' | '500' | 'malformed';

export function faultOf(scenario: ScenarioName): Fault | undefined {
  return scenario.startsWith('fault-') ? (scenario.slice('fault-'.length) as Fault) : undefined;
}
