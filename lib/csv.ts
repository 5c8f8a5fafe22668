/*
 * CSV downloads: UTF-8 with a byte-order mark so that Excel reads accents and
 * curly quotes, every cell quoted, and a cell that starts like a formula
 * (=, +, -, @, a tab or a carriage return) prefixed with an apostrophe so that a
 * spreadsheet shows it as text instead of running it.
 */

const FORMULA_START = /^[=+\-@\t\r]/u;

export function csvCell(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return '""';
  const text = value instanceof Date ? value.toISOString() : String(value);
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/gu, '""')}"`;
}

export function csvLine(cells: ReadonlyArray<Parameters<typeof csvCell>[0]>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

type CsvRow = ReadonlyArray<Parameters<typeof csvCell>[0]>;

/**
 * A streamed CSV download: the header, then each row as it is produced, from
 * rows in memory or read a page at a time (an async iterable).
 */
export function csvResponse(filename: string, header: readonly string[], rows: Iterable<CsvRow> | AsyncIterable<CsvRow>): Response {
  const encoder = new TextEncoder();
  const iterator = Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvLine(header)}`));
    },
    async pull(controller) {
      // A few hundred rows per chunk: the response starts at once and memory stays flat.
      for (let count = 0; count < 500; count += 1) {
        const next = await iterator.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(csvLine(next.value)));
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/gu, '-')}"`,
      'Cache-Control': 'no-store',
    },
  });
}
