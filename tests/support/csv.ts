/* Reading a CSV download in a test, as a spreadsheet would, checking the format lib/csv.ts promises. */

/** The CSV's cells, line by line, after checking that it starts with a byte-order mark, ends each line with CRLF and quotes every cell. */
export async function csvOf(response: Response): Promise<string[][]> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8').decode(bytes.slice(3));
  expect(text.endsWith('\r\n')).toBe(true);
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => {
      const cells = [...line.matchAll(/"((?:[^"]|"")*)"(?:,|$)/gu)].map((match) => match[1].replace(/""/gu, '"'));
      // Every cell quoted, nothing between them.
      expect(cells.map((cell) => `"${cell.replace(/"/gu, '""')}"`).join(',')).toBe(line);
      return cells;
    });
}
