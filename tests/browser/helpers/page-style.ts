/** Adds the site's real stylesheet (src/page/page.css) to the test page, once; resolves when it has loaded. */
export function usePageStyle(): Promise<void> {
  const present = document.getElementById('page-css');
  if (present) return Promise.resolve();
  const link = document.createElement('link');
  link.id = 'page-css';
  link.rel = 'stylesheet';
  link.href = '/src/page/page.css';
  document.head.append(link);
  return new Promise((done) => link.addEventListener('load', () => done()));
}
