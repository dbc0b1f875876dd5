/** The baseline of the co-editing figure: Hocuspocus as it comes, no auth, no persistence. */
import { Server } from '@hocuspocus/server';

const port = Number(process.env.PORT);
const server = new Server({ port, address: '127.0.0.1', quiet: true });
await server.listen();
console.log(JSON.stringify({ url: `ws://127.0.0.1:${port}` }));
