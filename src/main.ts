/** The site's bundle (`app.js`): registers every element and exports the toolkit's API. */
export * from './define.js';
