/** A stable colour per person for carets and the list of who is here. */
export function colourFor(id: string) {
  const palette = ['#b3261e', '#0b6e4f', '#6a1b9a', '#0d47a1', '#8d5300', '#ad1457', '#00695c', '#4e342e'];
  let hash = 0;
  for (const c of id) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length]!;
}
