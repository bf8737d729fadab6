/**
 * Every threshold of the pipeline, named, with its unit and the reason for its value.
 * Callers may override any of them through `ExtractOptions.thresholds`.
 */

export type Favor = 'balanced' | 'precision' | 'recall';

export const DEFAULTS = {
  /** Bytes; larger inputs are refused with TOO_LARGE. 50 MiB holds any real page several times over. */
  maxBytes: 50 * 1024 * 1024,
} as const;

export interface ExtractOptions {
  /** How to read the input; `auto` (default) tells HTML from plain text. */
  inputFormat?: 'auto' | 'text' | 'html';
  /** Sets `source.name` in the Article and names the input in errors. */
  name?: string | null;
  /** Precision/recall dial: `precision` drops doubtful lines, `recall` keeps them. Default `balanced`. */
  favor?: Favor;
  /** Character encoding to assume for byte input when the input does not declare one. */
  encoding?: string;
  /** Refuse inputs larger than this many bytes (default {@link DEFAULTS.maxBytes}). */
  maxBytes?: number;
}
