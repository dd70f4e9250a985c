// Runs telegram-test-api, a Telegram Bot API emulator, on 127.0.0.1:PORT for
// tests/adapters/telegram/telegram_emulator_test.cpp. Prints "listening PORT" once it
// accepts requests; stops cleanly on SIGTERM. Usage: node tests/telegram/emulator.mjs PORT
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const TelegramServer = require('telegram-test-api');

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error('usage: node tests/telegram/emulator.mjs PORT (1..65535)');
  process.exit(2);
}

const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 600 });
await server.start();
console.log(`listening ${port}`);

const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
