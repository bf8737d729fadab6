import { lazyRows, type PatternRow } from './table.js';

/** Advertisement labels and sponsored-content markers. */
export const ADVERTISEMENT: readonly PatternRow<'advertisement'>[] = lazyRows<'advertisement'>([
  {
    id: 'ad-label',
    kind: 'advertisement',
    pattern: () => /^[\s\p{P}\p{S}]*(?:advertisement|advertising|advertisment|anzeige|publicité|publicidad|pubblicità|реклама|ad|ads|sponsored(?:\s+(?:content|links?|stories|post|by\s+.{1,40}))?|promoted(?:\s+(?:content|stories|links?|by\s+.{1,40}))?|paid\s+(?:content|post|partner\s+content|for\s+by\s+.{1,40})|partner\s+content|ads?\s+by\s+.{1,30}|(?:story|article)\s+continues(?:\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?)?(?:\s+continue\s+(?:story|reading))?|continue\s+reading\s+(?:below|the\s+main\s+story)|advertise\s+with\s+us|report\s+this\s+ad|close\s+ad)[\s\p{P}\p{S}]*$/iu,
    note: 'A line that is an ad label, in several languages.',
    example: 'Advertisement',
    nearMiss: 'Advertisement spending fell by ten percent last year.',
    maxLength: 80,
  },
]);
