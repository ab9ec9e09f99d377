/**
 * What a file that is not JSON looks like, for messages in teacher words (no raw parser text
 * such as `Unexpected token '�', "�PNG…`): a PNG picture chosen by mistake is named as one.
 */

/** A readable name for what the text of a non-JSON file looks like, or undefined for plain text. */
export function looksLike(text: string): string | undefined {
  const head = text.slice(0, 16);
  if (/^(\uFFFD|\x89)PNG/.test(head)) return 'a PNG image';
  if (/^GIF8[79]a/.test(head)) return 'a GIF image';
  if (/^(\uFFFD|\xFF){1,3}(\uFFFD|\xD8)/.test(head) && /JFIF|Exif/.test(text.slice(0, 64))) return 'a JPEG image';
  if (/^RIFF....WEBP/s.test(head)) return 'a WebP image';
  if (head.startsWith('%PDF')) return 'a PDF document';
  if (head.startsWith('PK\u0003\u0004')) return 'a ZIP archive (or an Office document)';
  if (/^\s*<(!doctype html|html|svg|\?xml)/i.test(text.slice(0, 200)))
    return /^\s*<(svg|\?xml)/i.test(text.slice(0, 200)) ? 'an SVG or XML file' : 'a web page (HTML)';
  const sample = text.slice(0, 4096);
  if (/[\u0000-\u0008\u000E-\u001F]/.test(sample) || (sample.match(/\uFFFD/g)?.length ?? 0) > 2) return 'a binary file, not text';
  return undefined;
}

/**
 * The problem with a file whose text JSON.parse refused: what it looks like when it is not a
 * text file, else where the JSON breaks (line and column, or that it ends too early).
 */
export function notJsonProblem(text: string, parseError: unknown): string {
  const kind = looksLike(text);
  if (kind) return `this is not an hqrn JSON file (it looks like ${kind}); export models and inputs from Saved work or the CLI`;
  const message = parseError instanceof Error ? parseError.message : String(parseError);
  const at = /position (\d+)/.exec(message);
  let where = '';
  if (at && Number(at[1]) >= text.trimEnd().length) where = ' (it ends too early)';
  else if (at) {
    const before = text.slice(0, Number(at[1]));
    const line = before.split('\n').length;
    where = ` (it breaks at line ${line}, column ${before.length - before.lastIndexOf('\n')})`;
  } else if (/end of (JSON|data)|Unterminated/i.test(message)) where = ' (it ends too early)';
  return `not valid JSON${where}; an hqrn-model or hqrn-state file is the JSON text exported from Saved work or the CLI`;
}
