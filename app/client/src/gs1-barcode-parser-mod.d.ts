// Types of gs1-barcode-parser-mod (a CommonJS module without its own), as far as packs.ts uses it.
declare module 'gs1-barcode-parser-mod' {
  /** One element of a GS1 element string. */
  export interface ParsedElement {
    /** The application identifier, e.g. "01". */
    readonly ai: string;
    readonly dataTitle: string;
    readonly data: string | number | Date;
    readonly unit: string;
    /** The untouched text the element was read from. */
    readonly raw: string;
    /** For a date element, the date as YYYY-MM-DD; otherwise "". */
    readonly isoDate: string;
  }
  export interface ParsedBarcode {
    readonly codeName: string;
    readonly parsedCodeItems: readonly ParsedElement[];
  }
  /** Parses a scanned element string (symbology identifier, FNC1 as GS) or its printed "(01)…" form; throws a string on failure. */
  export function parseBarcode(barcode: string): ParsedBarcode;
}
