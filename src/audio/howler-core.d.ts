/**
 * howler's core build, without the spatial plugin the player never uses (about 9 KB less minified):
 * the same `Howl` and `Howler` as the full build that @types/howler describes.
 */
declare module 'howler/src/howler.core.js' {
  import * as howler from 'howler';
  export = howler;
}
