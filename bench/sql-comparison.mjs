// Placeholder replaced below.
export async function compareWithHandWrittenSql() {
  return [];
}
