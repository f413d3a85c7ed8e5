// A test command that turns Windows' forced-colors (high contrast) mode on or off for the test page,
// through Chromium's own emulation: the page is painted with the system colours, as a person using
// a contrast theme sees it. The runner's `emulateMedia` drops `forcedColors` under puppeteer, and
// puppeteer's `emulateMediaFeatures` refuses it; the protocol takes it. Payload: `{ active: boolean }`.
const sessions = new WeakMap();

export function forcedColorsPlugin() {
  return {
    name: 'forced-colors-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'forced-colors') return undefined;
      const page = session.browser.getPage(session.id);
      // One protocol session per page, kept open: an emulation ends when its session detaches.
      let cdp = sessions.get(page);
      if (!cdp) {
        cdp = await page.createCDPSession();
        sessions.set(page, cdp);
      }
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }] });
      return true;
    },
  };
}
