/**
 * Minifies the CSS inside Lit's css`…` tagged template literals, which esbuild leaves as written,
 * with esbuild's own CSS minifier: no other dependency, and the same rules as page.css.
 *
 * Each `${…}` is swapped for a placeholder CSS can parse where it stands — an at-rule `@lit-ph-N;`
 * where a declaration or a rule could be, an identifier `lit-ph-N-` inside a value — and put back
 * after. A literal is left exactly as written when anything is unsure: an escape sequence in its
 * text, CSS esbuild warns about, or a placeholder that did not come back once and in order.
 */
import { transform } from 'esbuild';

/** One tagged literal in a source: where its text parts and its `${…}` expressions are. */
export interface TaggedLiteral {
  /** [start, end) of each text part between the backticks and the interpolations. */
  readonly quasis: Array<readonly [number, number]>;
  /** [start, end) of each interpolation, `${` and `}` included. */
  readonly expressions: Array<readonly [number, number]>;
}

const IDENTIFIER = /[\w$]/;
/** After one of these, a `/` starts a regular expression rather than a division. */
const BEFORE_REGEX = new Set(['', ...'(,=:[!&|?{};+-*%<>~^']);
const KEYWORDS_BEFORE_REGEX = /\b(?:return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/;

/**
 * Finds the css`…` literals of a JavaScript or TypeScript source, skipping comments, strings and
 * regular expressions. Returns null when the source cannot be read to its end (then leave it alone).
 */
export function findCssLiterals(source: string): TaggedLiteral[] | null {
  return findTaggedLiterals(source, ['css']);
}

/**
 * Finds the literals tagged with one of `tags` (css`…`, html`…`), nested ones included, each after
 * the literals inside its interpolations; null when the source cannot be read to its end.
 */
export function findTaggedLiterals(source: string, tags: readonly string[]): TaggedLiteral[] | null {
  const tagBefore = new RegExp(`(?:^|[^\\w$.])(?:${tags.join('|')})\\s*$`);
  const found: TaggedLiteral[] = [];
  let i = 0;
  let previous = '';

  /** Scans code from `i` until an unmatched `}` (when `nested`) or the end; false if it cannot. */
  const code = (nested: boolean): boolean => {
    let depth = 0;
    while (i < source.length) {
      const c = source[i]!;
      const next = source[i + 1];
      if (/\s/.test(c)) {
        i++;
      } else if (c === '/' && next === '/') {
        const end = source.indexOf('\n', i);
        i = end < 0 ? source.length : end;
      } else if (c === '/' && next === '*') {
        const end = source.indexOf('*/', i + 2);
        if (end < 0) return false;
        i = end + 2;
      } else if (c === '"' || c === "'") {
        if (!string(c)) return false;
        previous = 'a';
      } else if (c === '`') {
        const tag = tagBefore.test(source.slice(Math.max(0, i - 40), i));
        if (!template(tag)) return false;
        previous = 'a';
      } else if (c === '/' && (BEFORE_REGEX.has(previous) || KEYWORDS_BEFORE_REGEX.test(source.slice(Math.max(0, i - 8), i).trimEnd()))) {
        if (!regex()) return false;
        previous = 'a';
      } else {
        if (c === '{') depth++;
        if (c === '}') {
          if (depth === 0 && nested) return true;
          depth--;
        }
        previous = IDENTIFIER.test(c) ? 'a' : c;
        i++;
      }
    }
    return !nested;
  };

  const string = (quote: string): boolean => {
    for (i++; i < source.length; i++) {
      if (source[i] === '\\') i++;
      else if (source[i] === quote) return (i++, true);
      else if (source[i] === '\n') return false;
    }
    return false;
  };

  const regex = (): boolean => {
    let inClass = false;
    for (i++; i < source.length; i++) {
      const c = source[i];
      if (c === '\\') i++;
      else if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) {
        i++;
        while (i < source.length && /[a-z]/i.test(source[i]!)) i++;
        return true;
      } else if (c === '\n') return false;
    }
    return false;
  };

  const template = (tagged: boolean): boolean => {
    const literal: TaggedLiteral = { quasis: [], expressions: [] };
    let start = ++i;
    while (i < source.length) {
      const c = source[i];
      if (c === '\\') {
        i += 2;
      } else if (c === '`') {
        literal.quasis.push([start, i]);
        i++;
        if (tagged) found.push(literal);
        return true;
      } else if (c === '$' && source[i + 1] === '{') {
        literal.quasis.push([start, i]);
        const open = i;
        i += 2;
        if (!code(true)) return false;
        i++; // the closing brace
        literal.expressions.push([open, i]);
        start = i;
      } else {
        i++;
      }
    }
    return false;
  };

  return code(false) ? found : null;
}

/** Where a placeholder stands: `block` where a declaration or a rule could be, else inside a value. */
function placeholderFor(index: number, before: string, after: string): { text: string; inBlock: boolean } {
  const last = before.trimEnd().at(-1);
  const first = after.trimStart()[0];
  const standsAlone = (last === undefined || last === '{' || last === '}' || last === ';') && (first === undefined || first === '}' || first === ';');
  if (!standsAlone) return { text: `lit-ph-${index}-`, inBlock: false };
  let depth = 0;
  for (const c of before) depth += c === '{' ? 1 : c === '}' ? -1 : 0;
  return { text: `@lit-ph-${index};`, inBlock: depth > 0 };
}

/** The CSS text of one literal, minified, its interpolations put back; null to keep it as written. */
async function minifyLiteral(source: string, literal: TaggedLiteral): Promise<string | null> {
  const parts = literal.quasis.map(([start, end]) => source.slice(start, end));
  if (parts.some((part) => part.includes('\\'))) return null;
  const expressions = literal.expressions.map(([start, end]) => source.slice(start, end));
  // A list of declarations alone (`position: absolute; …`, to be used inside a rule) is minified
  // as the body of a rule.
  const declarations = !parts.join('').includes('{');
  if (declarations && !parts.join('').includes(':')) return null;
  let css = declarations ? 'a{' : '';
  const placeholders: Array<{ text: string; inBlock: boolean }> = [];
  parts.forEach((part, index) => {
    css += part;
    if (index < expressions.length) {
      const placeholder = placeholderFor(index, css, parts[index + 1] ?? '');
      placeholders.push(placeholder);
      css += placeholder.text;
    }
  });
  if (declarations) css += '}';
  const result = await transform(css, { loader: 'css', minify: true, charset: 'utf8', logLevel: 'silent' });
  if (result.warnings.length > 0) return null;
  let text = result.code.trim();
  if (declarations) {
    if (!text.startsWith('a{') || !text.endsWith('}')) return null;
    text = text.slice(2, -1);
  }
  // Back into a template literal: what the minifier wrote is escaped, the interpolations are not.
  text = text.replace(/[\\`]|\$(?=\{)/g, (c) => `\\${c}`);
  let from = 0;
  for (const [index, placeholder] of placeholders.entries()) {
    const at = text.indexOf(placeholder.text, from);
    if (at < 0 || text.indexOf(placeholder.text, at + 1) >= 0) return null;
    // Inside a block, the `;` keeps what follows apart from what the interpolation brings.
    const back = `${expressions[index]!}${placeholder.inBlock && text[at + placeholder.text.length] !== '}' ? ';' : ''}`;
    text = text.slice(0, at) + back + text.slice(at + placeholder.text.length);
    from = at + back.length;
  }
  return text;
}

/**
 * The source with the CSS of every css`…` literal minified. A source that cannot be read to its
 * end, and every literal that cannot be minified safely, are returned as written.
 */
export async function minifyCssLiterals(source: string): Promise<string> {
  if (!source.includes('css`') && !/\bcss\s+`/.test(source)) return source;
  const literals = findCssLiterals(source);
  if (!literals) return source;
  let out = '';
  let from = 0;
  for (const literal of literals) {
    const minified = await minifyLiteral(source, literal);
    if (minified === null) continue;
    const start = literal.quasis[0]![0];
    const end = literal.quasis.at(-1)![1];
    out += source.slice(from, start) + minified;
    from = end;
  }
  return out + source.slice(from);
}
