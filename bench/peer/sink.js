// The fake SMS provider of bench/compare.sh: answers every POST like Twilio's Messages API
// (201 with a message sid) and does nothing else. Both Noodbel's dispatcher and the peer's
// send their acknowledgements here, so neither pays for a real provider.
// Usage: node sink.js PORT
'use strict';
const http = require('node:http');

let n = 0;
http
  .createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      n += 1;
      const body = JSON.stringify({ sid: `SM${n.toString(16).padStart(32, '0')}`, status: 'queued' });
      res.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    });
  })
  .listen(Number(process.argv[2]), '127.0.0.1');
