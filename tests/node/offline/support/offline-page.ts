/**
 * Driving the built story page in Chromium for the offline tests: the `<story-offline>` element, the
 * player, the network (really off for the page and its service worker) and the caches.
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'puppeteer-core';

export interface OfflineView {
  state: string;
  errorMessage: string;
  loaded: number;
  total: number;
  updateAvailable: boolean;
  storyBytes: number;
  bytesToSave: number;
  /** Everything the element shows, spaces collapsed. */
  text: string;
}

export function offlineView(page: Page): Promise<OfflineView> {
  return page.$eval('story-offline', (element) => {
    const el = element as HTMLElement & Omit<OfflineView, 'text'>;
    return {
      state: el.state,
      errorMessage: el.errorMessage,
      loaded: el.loaded,
      total: el.total,
      updateAvailable: el.updateAvailable,
      storyBytes: el.storyBytes,
      bytesToSave: el.bytesToSave,
      text: (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    };
  });
}

/** Waits until `<story-offline>` is in one of `states`, and returns what it shows. */
export async function waitForOffline(page: Page, states: string[], timeout = 30000): Promise<OfflineView> {
  await page.waitForFunction(
    (wanted: string[]) => wanted.includes((document.querySelector('story-offline') as (Element & { state?: string }) | null)?.state ?? ''),
    { timeout, polling: 50 },
    states,
  );
  return offlineView(page);
}

/**
 * Presses a control of `<story-offline>` from the keyboard (focus, then Enter): the player's sticky
 * bar can cover the header in a small viewport, and a keyboard press is what every listener can do.
 */
export async function pressInOffline(page: Page, selector: string): Promise<void> {
  const button = await page.waitForSelector(`story-offline >>> ${selector}`, { visible: true, timeout: 30000 });
  if (!button) throw new Error(`no ${selector} in <story-offline>`);
  await button.focus();
  await page.keyboard.press('Enter');
  await button.dispose();
}

/** The class of the control focused inside `<story-offline>`, or null when focus is elsewhere. */
export function focusedInOffline(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const host = document.activeElement;
    return host?.localName === 'story-offline' ? (host.shadowRoot?.activeElement?.className ?? null) : null;
  });
}

/** The words in the player's polite status region. */
export function playerStatus(page: Page): Promise<string> {
  return page.$eval('story-player', (player) => player.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim() ?? '');
}

export async function waitForPlayerStatus(page: Page, text: string, timeout = 30000): Promise<string> {
  await page.waitForFunction(
    (expected: string) => document.querySelector('story-player')?.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim() === expected,
    { timeout, polling: 50 },
    text,
  );
  return playerStatus(page);
}

export function currentTime(page: Page): Promise<number> {
  return page.$eval('story-player', (player) => (player as HTMLElement & { currentTime: number }).currentTime);
}

export function isPlaying(page: Page): Promise<boolean> {
  return page.$eval('story-player', (player) => !(player as HTMLElement & { paused: boolean }).paused);
}

/** Waits until the audio has really advanced `by` seconds past `from`; returns the time reached. */
export async function waitForAdvance(page: Page, from: number, by = 1, timeout = 20000): Promise<number> {
  await page.waitForFunction(
    (start: number, delta: number) => (document.querySelector('story-player') as HTMLElement & { currentTime: number }).currentTime >= start + delta,
    { timeout, polling: 50 },
    from,
    by,
  );
  return currentTime(page);
}

/** Presses the player's Play button (the one real listeners press). */
export async function pressPlay(page: Page): Promise<void> {
  await page.locator('story-player >>> button.play').click();
}

/** The service worker's target sessions in `context` (the page's offline mode does not reach the worker). */
async function workerSessions(context: BrowserContext | Browser): Promise<CDPSession[]> {
  const sessions: CDPSession[] = [];
  for (const target of context.targets()) {
    if (target.type() === 'service_worker') sessions.push(await target.createCDPSession());
  }
  return sessions;
}

/**
 * Takes the network away (or gives it back): the page goes offline (`navigator.onLine` false, its
 * requests fail), so does its service worker, and the server, when given, resets every connection.
 */
export async function setNetwork(page: Page, online: boolean, server?: { faults: { down: boolean } }): Promise<void> {
  if (server) server.faults.down = !online;
  await page.setOfflineMode(!online);
  for (const session of await workerSessions(page.browserContext())) {
    await session.send('Network.enable').catch(() => undefined);
    await session
      .send('Network.emulateNetworkConditions', { offline: !online, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
      .catch(() => undefined);
    await session.detach().catch(() => undefined);
  }
}

/** Every entry in every cache of the page's origin, with its size in bytes. */
export function cachedFiles(page: Page): Promise<{ cache: string; url: string; bytes: number }[]> {
  return page.evaluate(async () => {
    const files: { cache: string; url: string; bytes: number }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        files.push({ cache: name, url: request.url, bytes: response ? (await response.blob()).size : 0 });
      }
    }
    return files;
  });
}

/** Brings every `<img>` into view in turn, as a reader scrolling would, and says whether each shows a picture. */
export async function picturesShown(page: Page, timeout = 10000): Promise<boolean[]> {
  return page.evaluate(async (ms: number) => {
    const shown: boolean[] = [];
    for (const img of Array.from(document.images)) {
      img.scrollIntoView({ block: 'center' });
      const until = performance.now() + ms;
      while (!img.complete && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 25));
      shown.push(img.complete && img.naturalWidth > 0);
    }
    window.scrollTo(0, 0);
    return shown;
  }, timeout);
}

/** The saved episode audio in the cache: path, revision and bytes of each copy. */
export async function savedAudio(page: Page): Promise<{ path: string; revision: string | null; bytes: number }[]> {
  return (await cachedFiles(page))
    .filter((file) => file.cache.startsWith('story-offline-audio-'))
    .map((file) => ({ path: new URL(file.url).pathname, revision: new URL(file.url).searchParams.get('__story_revision'), bytes: file.bytes }));
}

/** Asks `<story-offline>` to look for a new version now, and waits until it offers it. */
export async function checkForUpdateAndWait(page: Page, timeout = 30000): Promise<void> {
  await page.$eval('story-offline', (element) => (element as HTMLElement & { checkForUpdate(): Promise<void> }).checkForUpdate());
  await page.waitForFunction(() => (document.querySelector('story-offline') as HTMLElement & { updateAvailable: boolean }).updateAvailable, {
    timeout,
    polling: 50,
  });
}

/**
 * Records every text the player's polite status region shows from now on (what a screen reader
 * hears), with the time it appeared. Read it with `announcements(page)`.
 */
export async function recordAnnouncements(page: Page): Promise<void> {
  await page.$eval('story-player', (player) => {
    const region = player.shadowRoot?.querySelector('[role="status"]');
    const log: { at: number; text: string }[] = [];
    (window as unknown as { __announcements: typeof log }).__announcements = log;
    if (!region) return;
    new MutationObserver(() => {
      const text = region.textContent?.trim() ?? '';
      if (text && text !== log.at(-1)?.text) log.push({ at: performance.now(), text });
    }).observe(region, { childList: true, characterData: true, subtree: true });
  });
}

export function announcements(page: Page): Promise<{ at: number; text: string }[]> {
  return page.evaluate(() => (window as unknown as { __announcements?: { at: number; text: string }[] }).__announcements ?? []);
}
