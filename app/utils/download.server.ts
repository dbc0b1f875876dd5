/** A download's headers: an attachment with its file name, never cached (records and drafts change). */
export function downloadHeaders(contentType: string, fileName: string): HeadersInit {
  return { 'Content-Type': contentType, 'Content-Disposition': `attachment; filename="${fileName}"`, 'Cache-Control': 'no-store' };
}
