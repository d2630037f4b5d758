/** Runs `task` when the browser is idle (at most `timeout` ms later); soon, where it cannot tell. */
function whenIdle(task: () => void, timeout = 2000): void {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout });
  else setTimeout(task, 0);
}

/**
 * Loads the code of the element named `tag` only on a page that has one: once the browser is idle
 * if the document holds one already, else as soon as one is added to it. Until then the tag is
 * unknown and shows its light DOM, as it does without script; `load` should import a define entry.
 *
 * @example
 * defineWhenPresent('story-offline', () => import('./story-offline/define.js'));
 */
export function defineWhenPresent(tag: string, load: () => Promise<unknown>): void {
  let started = false;
  const start = (): void => {
    if (started) return;
    started = true;
    observer.disconnect();
    void load();
  };
  const observer = new MutationObserver(() => {
    if (document.querySelector(tag)) start();
  });
  if (document.querySelector(tag)) whenIdle(start);
  else observer.observe(document, { childList: true, subtree: true });
}
