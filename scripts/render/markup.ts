/** A tiny HTML template tag for the static page (not Lit): interpolated values are escaped unless they are already `Html`. */

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

type Value = string | number | Html | null | undefined | false | Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (value instanceof Html) return value.value;
  return escapeHtml(String(value));
}

export function markup(strings: TemplateStringsArray, ...values: Value[]): Html {
  return new Html(strings.reduce((out, string, index) => out + string + (index < values.length ? render(values[index]!) : ''), ''));
}
