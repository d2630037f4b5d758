/**
 * The whitespace inside html`…` and svg`…` literals ships collapsed
 * (scripts/build/minify-html-literals.ts), and every component's templates still parse to the
 * same elements, attributes, comments and words. parse5 (an HTML parser the dev tools install)
 * reads each template before and after, the way the browser would.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFragment } from 'parse5';
import { ROOT } from '../../../scripts/size/measure.js';
import { findTaggedLiterals } from '../../../scripts/build/minify-css-literals.js';
import { minifyHtmlLiterals } from '../../../scripts/build/minify-html-literals.js';

interface Parsed {
  nodeName: string;
  value?: string;
  data?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Parsed[];
  content?: Parsed;
}

/** What the browser renders from a run of whitespace where `white-space` is normal: one space. */
const rendered = (text: string): string => text.replace(/[ \t\n\f\r]+/g, ' ');

/** A parsed fragment as one line per node, each text as rendered. */
function outline(node: Parsed, depth = 0): string[] {
  const pad = ' '.repeat(depth);
  if (node.nodeName === '#text') return [`${pad}"${rendered(node.value ?? '')}"`];
  if (node.nodeName === '#comment') return [`${pad}<!--${node.data ?? ''}-->`];
  const attrs = (node.attrs ?? []).map((attr) => ` ${attr.name}="${attr.value}"`).join('');
  const children = [...(node.childNodes ?? []), ...(node.content?.childNodes ?? [])];
  return [`${pad}<${node.nodeName}${attrs}>`, ...children.flatMap((child) => outline(child, depth + 1))];
}

/** Each html`…`/svg`…` literal of a source as the HTML the browser parses (interpolations as markers). */
function templates(source: string): string[] {
  const literals = findTaggedLiterals(source, ['html', 'svg']) ?? [];
  return literals.map((literal) => literal.quasis.map(([start, end]) => source.slice(start, end)).join('lit$0$'));
}

describe('html`…` and svg`…` literals, their whitespace collapsed', () => {
  it('collapses indentation between tags and attributes to one space, none before a tag’s end', () => {
    const source = 'html`\n  <div\n    class="a"\n    @click=${go}\n  >\n    <p>${x}</p>\n  </div>\n`';
    assert.equal(minifyHtmlLiterals(source), 'html` <div class="a" @click=${go}> <p>${x}</p> </div> `');
  });

  it('keeps the space between two words in neighbouring elements, and spaces next to interpolations', () => {
    const source = 'html`<span>${a}</span> <span>${b}</span>${c} ${d}:  ${e}`';
    assert.equal(minifyHtmlLiterals(source), 'html`<span>${a}</span> <span>${b}</span>${c} ${d}: ${e}`');
  });

  it('keeps the whitespace before `/>` (it ends an unquoted value) and inside quoted values', () => {
    const source = 'html`<input .value=${v}\n  />\n<p title="two  spaces\n  here" class=\'a  ${b}  c\'>x</p>`';
    assert.equal(minifyHtmlLiterals(source), 'html`<input .value=${v} /> <p title="two  spaces\n  here" class=\'a  ${b}  c\'>x</p>`');
  });

  it('leaves pre, textarea, style and comments as written, and collapses again after them', () => {
    const source = 'html`<pre>  a\n   b ${x}  </pre>  <textarea>\n  t  </textarea>\n<!--  keep\n  this  --> <style>a  { }</style>\n\n<b>  </b>`';
    assert.equal(minifyHtmlLiterals(source), 'html`<pre>  a\n   b ${x}  </pre> <textarea>\n  t  </textarea> <!--  keep\n  this  --> <style>a  { }</style> <b> </b>`');
  });

  it('leaves a literal with an escape sequence, xml:space or white-space as written, and other tags alone', () => {
    for (const source of ['html`<p>\\n  a</p>`', 'svg`<text xml:space="preserve">  a  </text>`', 'html`<p style="white-space: pre">  a  </p>`', 'markup`<p>\n  a</p>`', 'const s = `<p>\n  a</p>`;']) {
      assert.equal(minifyHtmlLiterals(source), source);
    }
  });

  it('collapses nested literals on their own, and never a no-break space', () => {
    const source = 'html`<ol>\n  ${items.map((i) => html`\n    <li>${i}\u00a0 km</li>`)}\n</ol>`';
    assert.equal(minifyHtmlLiterals(source), 'html`<ol> ${items.map((i) => html` <li>${i}\u00a0 km</li>`)} </ol>`');
  });

  it('gives every template of every component the same elements, attributes and words, only shorter', () => {
    const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((file) => /\.ts$/.test(file)).map((file) => join(ROOT, 'src', file));
    let count = 0;
    let saved = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const minified = minifyHtmlLiterals(source);
      assert.equal(minified.replace(/\s+/g, ''), source.replace(/\s+/g, ''), `${file}: only whitespace changes`);
      const [before, after] = [templates(source), templates(minified)];
      assert.equal(after.length, before.length, file);
      for (const [index, template] of before.entries()) {
        assert.deepEqual(outline(parseFragment(after[index]!) as Parsed), outline(parseFragment(template) as Parsed), `${file}, template ${index + 1}`);
      }
      count += before.length;
      saved += source.length - minified.length;
    }
    assert.ok(count >= 40, `${count} templates`);
    assert.ok(saved > 1000, `${saved} characters saved`);
  });
});
