/**
 * The run card (docs/math.md §11) of a file exported from the explorer: what made it — the app
 * (name, version, commit of the build), the date, the backend that computed it, the stack's
 * settings (task, every block's α, activation, gain and seed, the readout seed, the trained model's
 * name), the input's source, and, when the stack runs a trained model that carries its own card,
 * that card as `settings.modelRun`. Files with it still load everywhere: loaders keep or ignore
 * `run` (src/core/io/files.ts). Pure: the date is passed in.
 */
import type { RunCard } from '../../core/io/runCard';
import type { StackSpec } from '../../protocol/explorer';
import type { InputSpec } from '../../protocol/inputSchema';
import { appInfo } from '../about/about';

/** The backend of the explorer's exports: the worker's float64 core (src/core), not the float32 view. */
export const EXPORT_BACKEND = 'float64 core (src/core) in the web worker';

export interface ExplorerCardOptions {
  stack: StackSpec;
  /** The explorer's input (absent for files that do not depend on it, e.g. the model). */
  input?: InputSpec;
  /** What was exported ("hqrn-state of layer 3", "OpenQASM 3", …), kept in `metrics.exported`. */
  exported: string;
  /** ISO 8601. */
  date: string;
  backend?: string;
  /** Figures of the export (e.g. the QASM class check), merged into `metrics`. */
  metrics?: Record<string, unknown>;
  /** The data of the file when it is generated data (the dataset export); default: the input. */
  data?: RunCard['data'];
  command?: string;
  /** The card's seed; default the readout seed of the stack (the dataset export: its generator seed). */
  seed?: number;
}

/** The app as a run card names it (commit null outside a git build). */
export function cardApp(): RunCard['app'] {
  const a = appInfo();
  return { name: a.name, version: a.version, commit: a.commit === 'unknown' ? null : a.commit };
}

/** The run card of an explorer export (see the module comment). */
export function explorerRunCard(o: ExplorerCardOptions): RunCard {
  const { stack } = o;
  const modelRun = stack.trained?.model && (stack.trained.model as { run?: unknown }).run;
  const settings: Record<string, unknown> = {
    task: stack.task,
    blocks: stack.blocks.map((b) => ({ alpha: b.alpha, activation: b.activation, gain: b.gain, seed: b.seed })),
    readoutSeed: stack.readoutSeed,
    model: stack.trained ? stack.trained.name : 'seeded weights',
    ...(modelRun ? { modelRun } : {}),
  };
  const data: RunCard['data'] = o.data ?? {
    source: 'generator',
    name: o.input ? `explorer input: ${JSON.stringify(o.input)}` : 'none (the file does not depend on the input)',
    sha256: null,
    n: o.input ? 1 : 0,
  };
  return {
    app: cardApp(),
    date: o.date,
    backend: o.backend ?? EXPORT_BACKEND,
    settings,
    seed: o.seed ?? stack.readoutSeed,
    data,
    metrics: { exported: o.exported, ...(o.metrics ?? {}) },
    ...(o.command ? { command: o.command } : {}),
  };
}

/** A model file's card: the trained model's own card when it has one (how it was made), else the explorer's. */
export function modelFileCard(model: Record<string, unknown>, o: ExplorerCardOptions): RunCard {
  return (model.run as RunCard | undefined) ?? explorerRunCard(o);
}

/** OpenQASM comment lines carrying the card as one line of JSON, after the `include` line. */
export function qasmWithRunCard(text: string, card: RunCard): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith('include '));
  lines.splice(at < 0 ? 1 : at + 1, 0, `// run card (docs/math.md §11): ${JSON.stringify(card)}`);
  return lines.join('\n');
}

/** An SVG document with the card in a <metadata> element (JSON, XML-escaped), after the opening <svg …> tag. */
export function svgWithRunCard(svg: string, card: RunCard): string {
  const esc = JSON.stringify(card).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const open = svg.indexOf('>', svg.indexOf('<svg'));
  if (open < 0) return svg;
  return `${svg.slice(0, open + 1)}<metadata id="hqrn-run-card">${esc}</metadata>${svg.slice(open + 1)}`;
}
