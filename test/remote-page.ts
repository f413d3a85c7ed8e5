// Acting in a page the test page cannot script (a popup, a frame on another origin) through the
// browser's own input: the `remote-page` command of scripts/wtr-remote-page.mjs.
import { waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { MOCK_CREDENTIALS } from '../mocks/data.js';

/** VK ID's stand-in lives on another origin of the same test server: the test page cannot read it. */
export const VKID_ORIGIN = `http://127.0.0.1:${location.port}`;
export const VKID_PAGE = `${VKID_ORIGIN}/demo/mock-vkid/index.html`;

/** `waitUntil` with room for a second window to load its page on a busy machine. */
export function until(condition: () => unknown, message?: string, options: { timeout?: number; interval?: number } = {}): Promise<void> {
  return waitUntil(condition, message, { timeout: 8000, ...options });
}

export type RemoteAction =
  | { action: 'find'; timeout?: number }
  | { action: 'type'; selector: string; text: string; key?: string }
  | { action: 'goto'; to: string }
  | { action: 'close' };

/** `url`: the start of the page's address; the newest matching frame or popup is used. */
export function remote(url: string, payload: RemoteAction): Promise<unknown> {
  return executeServerCommand('remote-page', { url, ...payload });
}

/** The flow's one-time `state`, read from the address of VK ID's page once it is there. */
export async function vkidState(): Promise<string> {
  const url = (await remote(VKID_PAGE, { action: 'find' })) as string;
  if (!url) throw new Error('VK ID\u2019s page did not open');
  return new URL(url).searchParams.get('state')!;
}

/** The user signs in on VK ID's page with the keyboard: phone, password, SMS code. */
export async function signInOnVkid(): Promise<void> {
  await remote(VKID_PAGE, { action: 'type', selector: 'input[name="login"]', text: MOCK_CREDENTIALS.phone, key: 'Enter' });
  await remote(VKID_PAGE, { action: 'type', selector: 'input[name="password"]', text: MOCK_CREDENTIALS.password, key: 'Enter' });
  await remote(VKID_PAGE, { action: 'type', selector: 'input[name="code"]', text: MOCK_CREDENTIALS.smsCode, key: 'Enter' });
}
