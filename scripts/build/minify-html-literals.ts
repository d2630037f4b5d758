/**
 * Collapses the indentation inside Lit's html`…` and svg`…` literals, which esbuild keeps as
 * written: every run of HTML whitespace, in text or between attributes, becomes one space (and
 * none before a tag's `>`). The browser renders a run of whitespace as one space wherever
 * `white-space` is `normal` or `nowrap` (the components use no other), so the page looks the same
 * and reads the same; no run in text is dropped, so the space between two words in
 * `</span> <span>` stays. (One space compresses better than keeping the line breaks.)
 *
 * Left exactly as written: attribute values in quotes, comments, the text of `<pre>`, `<textarea>`,
 * `<script>`, `<style>` and `<title>`, and any literal with an escape sequence, `xml:space` or
 * `white-space` in it. The `${…}` interpolations are never touched, and nested literals are
 * collapsed on their own.
 */
import { findTaggedLiterals, type TaggedLiteral } from './minify-css-literals.js';

/** Elements whose text is kept as written. */
const RAW_TEXT = new Set(['pre', 'textarea', 'script', 'style', 'title', 'listing', 'xmp', 'plaintext']);
/** HTML whitespace (not `\s`: a no-break space is text). */
const WHITESPACE = /[ \t\n\f\r]/;

type State =
  | { readonly in: 'text' }
  | { readonly in: 'tag'; readonly name: string; readonly closing: boolean }
  | { readonly in: 'quoted'; readonly quote: string; readonly name: string; readonly closing: boolean }
  | { readonly in: 'comment' }
  | { readonly in: 'raw'; readonly name: string };

/** One text part of a literal, collapsed from `state`; returns the new text and the state after it. */
function collapsePart(part: string, start: State): { text: string; state: State } {
  let state = start;
  let text = '';
  let i = 0;
  while (i < part.length) {
    const c = part[i]!;
    if (state.in === 'comment') {
      const end = part.indexOf('-->', i);
      if (end < 0) return { text: text + part.slice(i), state };
      text += part.slice(i, end + 3);
      i = end + 3;
      state = { in: 'text' };
    } else if (state.in === 'raw') {
      const end = part.toLowerCase().indexOf(`</${state.name}`, i);
      if (end < 0) return { text: text + part.slice(i), state };
      text += part.slice(i, end);
      i = end;
      state = { in: 'text' };
    } else if (state.in === 'quoted') {
      const end = part.indexOf(state.quote, i);
      if (end < 0) return { text: text + part.slice(i), state };
      text += part.slice(i, end + 1);
      i = end + 1;
      state = { in: 'tag', name: state.name, closing: state.closing };
    } else if (WHITESPACE.test(c)) {
      let end = i;
      while (end < part.length && WHITESPACE.test(part[end]!)) end++;
      // In a tag, `>` may follow an attribute directly (not `/>`: `a=${x}/>` would read `/` as the value's).
      if (!(state.in === 'tag' && part[end] === '>')) text += ' ';
      i = end;
    } else if (state.in === 'text') {
      if (part.startsWith('<!--', i)) {
        state = { in: 'comment' };
        text += '<!--';
        i += 4;
        continue;
      }
      const tag = /^<(\/?)([a-zA-Z][^\s/>]*)/.exec(part.slice(i));
      if (tag) {
        state = { in: 'tag', name: tag[2]!.toLowerCase(), closing: tag[1] === '/' };
        text += tag[0];
        i += tag[0].length;
      } else {
        text += c;
        i++;
      }
    } else {
      // In a tag: a quote opens an attribute value; `>` ends the tag.
      text += c;
      i++;
      if (c === '"' || c === "'") state = { in: 'quoted', quote: c, name: state.name, closing: state.closing };
      else if (c === '>') state = !state.closing && RAW_TEXT.has(state.name) ? { in: 'raw', name: state.name } : { in: 'text' };
    }
  }
  return { text, state };
}

/** The literal's text parts, collapsed; null to keep it as written. */
function collapseLiteral(source: string, literal: TaggedLiteral): string[] | null {
  const parts = literal.quasis.map(([start, end]) => source.slice(start, end));
  const all = parts.join('');
  if (all.includes('\\') || all.includes('xml:space') || all.includes('white-space')) return null;
  let state: State = { in: 'text' };
  return parts.map((part) => {
    const collapsed = collapsePart(part, state);
    state = collapsed.state;
    return collapsed.text;
  });
}

/**
 * The source with the whitespace of every html`…` and svg`…` literal collapsed. A source that
 * cannot be read to its end, and every literal that is not sure to stay the same, are kept as written.
 */
export function minifyHtmlLiterals(source: string): string {
  if (!/\b(?:html|svg)\s*`/.test(source)) return source;
  const literals = findTaggedLiterals(source, ['html', 'svg']);
  if (!literals) return source;
  // Every text part of every literal (nested ones included) is a range of its own: apply in order.
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const literal of literals) {
    const collapsed = collapseLiteral(source, literal);
    if (!collapsed) continue;
    literal.quasis.forEach(([start, end], index) => edits.push({ start, end, text: collapsed[index]! }));
  }
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let from = 0;
  for (const edit of edits) {
    out += source.slice(from, edit.start) + edit.text;
    from = edit.end;
  }
  return out + source.slice(from);
}
