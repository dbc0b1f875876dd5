/** Marks around the matched words in a search snippet: control characters no paper text holds. */
export const matchStart = '\u0001';
export const matchEnd = '\u0002';
