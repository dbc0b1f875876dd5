/** Loaded with --import by the benchmarks' servers: prints heap used and RSS every 250 ms on stdout. */
setInterval(() => {
  const { heapUsed, rss } = process.memoryUsage();
  console.log(`memory heap=${heapUsed} rss=${rss}`);
}, 250).unref();
