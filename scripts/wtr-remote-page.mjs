// A test command for what a test page cannot script itself: a popup it opened, or a frame on
// another origin (the mock VK ID page on 127.0.0.1). It types, presses keys and closes the popup
// through the browser's own input, as a person would. Payload: `{ url, action, selector?, text?,
// key?, to? }`; `url` is the start of the page's address; `selector` pierces shadow roots.
const POLL_MS = 50;

/** The newest frame whose address starts with `url`: this page's frames, then its popups'. */
async function findFrame(page, url, timeout) {
  const until = Date.now() + timeout;
  for (;;) {
    const popups = page
      .browserContext()
      .pages()
      .then((pages) => pages.filter((p) => p !== page && p.target().opener() === page.target()));
    const frames = [...page.frames()];
    for (const popup of await popups) {
      try {
        frames.push(popup.mainFrame());
      } catch {
        // A window that has just opened has no frame yet: looked at on the next round.
      }
    }
    const found = frames.filter((f) => f.url().startsWith(url)).at(-1);
    if (found || Date.now() > until) return found;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export function remotePagePlugin() {
  return {
    name: 'remote-page-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'remote-page') return undefined;
      const page = session.browser.getPage(session.id);
      const timeout = payload.timeout ?? 8000;
      const frame = await findFrame(page, payload.url, timeout);
      // The runner takes `null` for «no such command»: an empty string says «no such page».
      if (payload.action === 'find') return frame ? frame.url() : '';
      if (!frame) throw new Error(`no page at ${payload.url}`);
      switch (payload.action) {
        case 'type': {
          const field = await frame.waitForSelector(`>>> ${payload.selector}`, { visible: true, timeout });
          await field.type(payload.text);
          if (payload.key) await frame.page().keyboard.press(payload.key);
          await field.dispose();
          return true;
        }
        case 'click': {
          const target = await frame.waitForSelector(`>>> ${payload.selector}`, { visible: true, timeout });
          await target.click();
          await target.dispose();
          return true;
        }
        case 'goto':
          // What VK ID's page does at the end: it sends the browser on, from the page itself. (A
          // navigation the browser starts, like CDP's `Page.navigate`, would cut the popup from its opener.)
          await frame.evaluate((to) => void location.assign(to), payload.to);
          return true;
        case 'close':
          if (frame !== frame.page().mainFrame() || frame.page() === page) throw new Error('only a popup can be closed');
          await frame.page().close();
          return true;
        default:
          throw new Error(`unknown action ${payload.action}`);
      }
    },
  };
}
