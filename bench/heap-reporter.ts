/** Loaded with --import by bench/sessions.ts: prints the server's heap every 250 ms on stdout. */
setInterval(() => console.log(`heap ${process.memoryUsage().heapUsed}`), 250).unref();
