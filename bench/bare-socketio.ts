/** The baseline of the comment-delivery figure: socket.io as it comes, one room, no auth, no database. */
import http from 'node:http';
import { Server } from 'socket.io';

const server = http.createServer((_req, res) => res.end('ok'));
const io = new Server(server, { path: '/socket.io/' });
io.on('connection', (socket) => {
  socket.on('join', async (room: string, ack: () => void) => {
    await socket.join(room);
    ack();
  });
  socket.on('post', (payload: unknown, ack: () => void) => {
    io.to('room').emit('comments:changed', payload);
    ack();
  });
});
server.listen(Number(process.env.PORT ?? 4720), '127.0.0.1');
