/**
 * A formula of src/content/formulas.ts, rendered from its build-time MathML (TeX → MathML by
 * scripts/build-formulas.mjs with temml): no TeX engine and no eval in the browser, so it fits
 * the CSP (scripts/csp.mjs). The MathML carries its own aria-label (the plain-words reading).
 */
import { FORMULAS } from '../../content/formulas';
import type { FormulaId } from '../../content/lessons/types';

export function Formula({ id, inline = false }: { id: FormulaId; inline?: boolean }) {
  const f = FORMULAS[id];
  const Tag = inline ? 'span' : 'div';
  // The markup is our own build output (checked by src/content/content.test.ts), never user text.
  // biome-ignore lint/security/noDangerouslySetInnerHtml: build-time MathML from src/content/formulas.tex.mjs, no user input
  return <Tag className={`formula formula-${id}`} data-formula={id} dangerouslySetInnerHTML={{ __html: f.mathml }} />;
}

/** A formula folded under a small "formula" disclosure, to sit beside the values it produces. */
export function FormulaNote({ id, label = 'formula' }: { id: FormulaId; label?: string }) {
  return (
    <details className="formula-note" data-formula-note={id}>
      <summary>{label}</summary>
      <Formula id={id} />
    </details>
  );
}
