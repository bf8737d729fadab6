/**
 * Annotate renderer: every block of an analysis, one per line, prefixed by its role in a
 * fixed-width column (`boilerplate:<kind>` for boilerplate), so wrong labels are easy to spot.
 * With `explain`, each block is followed by a line listing the reasons for its role.
 * Colour comes from the chalk instance the caller passes (level 0 = plain text).
 */
import type { ChalkInstance } from 'chalk';
import { BOILERPLATE_KINDS, type Block, type Role } from '../article.js';

export interface AnnotateOptions {
  /** Add each block's reasons on a line of its own under the block. */
  explain?: boolean;
  /** Chalk instance to colour with; omit (or level 0) for plain text. */
  chalk?: ChalkInstance;
}

/** The role label of a block: `body`, `headline`, `boilerplate:support-appeal`, … */
export function roleLabel(block: Pick<Block, 'role' | 'kind'>): string {
  return block.role === 'boilerplate' ? `boilerplate:${block.kind ?? 'other'}` : block.role;
}

/** Width of the role column: the longest label there can be, so columns align across documents. */
export const ROLE_COLUMN_WIDTH = Math.max(...BOILERPLATE_KINDS.map((k) => `boilerplate:${k}`.length), 'photoCredit'.length);

const SEPARATOR = ' | ';

type Paint = (s: string) => string;

function rolePaint(chalk: ChalkInstance, role: Role): { label: Paint; text: Paint } {
  const plain: Paint = (s) => s;
  switch (role) {
    case 'headline':
      return { label: chalk.bold.magenta, text: chalk.bold };
    case 'subheadline':
      return { label: chalk.magenta, text: plain };
    case 'byline':
    case 'dateline':
      return { label: chalk.cyan, text: plain };
    case 'photoCredit':
    case 'caption':
      return { label: chalk.yellow, text: plain };
    case 'body':
      return { label: chalk.green, text: plain };
    case 'boilerplate':
      return { label: chalk.red, text: chalk.gray };
  }
}

/** One line per block (text flattened to one line), plus a reasons line per block with `explain`. */
export function renderAnnotate(blocks: readonly Block[], options: AnnotateOptions = {}): string {
  const chalk = options.chalk;
  const out: string[] = [];
  const indent = `${' '.repeat(ROLE_COLUMN_WIDTH)}${SEPARATOR}`;
  for (const block of blocks) {
    const label = roleLabel(block).padEnd(ROLE_COLUMN_WIDTH);
    const text = block.text.replace(/\s*[\r\n]+\s*/g, ' ');
    if (chalk && chalk.level > 0) {
      const paint = rolePaint(chalk, block.role);
      out.push(`${paint.label(label)}${chalk.dim(SEPARATOR)}${paint.text(text)}`);
    } else {
      out.push(`${label}${SEPARATOR}${text}`);
    }
    if (options.explain) {
      const reasons = block.reasons.length > 0 ? block.reasons.join('; ') : '(no reasons recorded)';
      const line = `${indent}  ↳ ${reasons}`;
      out.push(chalk && chalk.level > 0 ? chalk.dim(line) : line);
    }
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
