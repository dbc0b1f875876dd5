/** The baseline of the co-editing figure: Hocuspocus as it comes, no auth, no persistence. */
import { Server } from '@hocuspocus/server';

const server = new Server({ port: Number(process.env.PORT ?? 4600), address: '127.0.0.1', quiet: true });
await server.listen();
console.log(JSON.stringify({ url: `ws://127.0.0.1:${process.env.PORT ?? 4600}` }));
