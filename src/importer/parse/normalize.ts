// Text → lines the parser can trust: one kind of line break, no control characters, no invisible
// spaces, one space between words. Line count is preserved so that line numbers stay valid.

export function normalizeText(text: string): string {
  return text
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029\f\v]/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    // eslint-disable-next-line no-control-regex -- control characters are what this strips
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '')
    .replace(/\t/g, ' ');
}

export function toLines(text: string): string[] {
  return normalizeText(text)
    .split('\n')
    .map((l) => l.replace(/[ \u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ').trim());
}
