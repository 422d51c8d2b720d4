/**
 * Column names people use for record CSVs, beside the schema's own: the labels of the web app's record form
 * ("Catalyst", "Product (as you report it)", "N sources", "FE", "Source / citation", "DOI" …) and the
 * form's field names. Matching ignores case, spaces and punctuation ("N sources" = "n_sources" = "nSources").
 */
const ALIASES: Record<string, string[]> = {
  catalyst: ['catalyst', 'catalyst name'],
  catalystPrinted: ['catalyst printed', 'catalyst as printed'],
  productPrinted: ['product', 'product as you report it', 'product printed', 'product as printed'],
  products: ['product species', 'products'],
  nitrogenSources: ['n sources', 'n source', 'nitrogen sources', 'nitrogen source'],
  carbonSources: ['c sources', 'c source', 'carbon sources', 'carbon source'],
  electrolytePrinted: ['electrolyte'],
  conditionPrinted: ['condition', 'conditions', 'potential'],
  faradaicEfficiencyPrinted: ['fe', 'faradaic efficiency', 'fe percent'],
  selectivityPrinted: ['selectivity'],
  conversionPrinted: ['conversion'],
  yieldPrinted: ['yield', 'yield or yield rate', 'yield rate'],
  sourceCitation: ['source', 'source citation', 'citation', 'reference'],
  sourceLocation: ['where in the source', 'location', 'source location'],
  sourceDoi: ['doi', 'source doi'],
  notes: ['notes', 'note'],
  strategy: ['strategy', 'design strategy'],
  pH: ['ph'],
};

const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '');
const BY_KEY = new Map<string, string>();
for (const [column, names] of Object.entries(ALIASES)) for (const n of [column, ...names]) BY_KEY.set(squash(n), column);

/** The schema's column for a CSV header cell ("N sources" → "nitrogenSources"); unknown headers as they are. */
export function canonicalColumn(header: string): string {
  return BY_KEY.get(squash(header)) ?? header;
}

/**
 * A CSV row (or a JSON record) with its columns renamed to the schema's ({@link canonicalColumn}); the form's single "Catalyst"
 * fills both the printed and the cleaned name when the file gives only one of them, as the form does.
 */
export function withSchemaColumns<T>(row: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [header, cell] of Object.entries(row)) {
    const column = canonicalColumn(header);
    if (out[column] === undefined || out[column] === '') out[column] = cell;
  }
  if (!out.catalystPrinted && out.catalyst) out.catalystPrinted = out.catalyst;
  if (!out.catalyst && out.catalystPrinted) out.catalyst = out.catalystPrinted;
  return out;
}
