// The Node peer of bench/compare.sh: what a user might otherwise write for Noodbel's Twilio
// reply path, in one Node process with express, better-sqlite3 and the official twilio
// package, doing the same durable work per request:
//   check X-Twilio-Signature (twilio.validateRequest) -> dedupe by MessageSid (inbox,
//   primary key) -> look up the family by phone number -> store the answer, an audit row and
//   an outbox row (the acknowledgement) in one transaction -> 200 with empty TwiML;
// and a dispatcher loop that claims outbox rows, sends each to the provider (the sink of
// compare.sh, Twilio's Messages API shape) and marks it sent, one commit per message like
// Noodbel's dispatcher. Durability like Noodbel: WAL, synchronous from --synchronous.
// GET /metrics reports what webhook_load and compare.sh read from Noodbel (same names).
//
// Usage: node peer.js init  --db FILE --families CSV [--synchronous FULL|NORMAL]
//        node peer.js serve --db FILE --port P --token T --public-url URL --api-base-url URL
//                           [--synchronous FULL|NORMAL]
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const Database = require('better-sqlite3');
const express = require('express');
const twilio = require('twilio');

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
const ACCOUNT_SID = 'AC00000000000000000000000000000000';

function parseArgs(argv) {
  const o = { command: argv[0], synchronous: 'FULL' };
  for (let i = 1; i + 1 < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    o[key] = argv[i + 1];
  }
  if (!['FULL', 'NORMAL'].includes(o.synchronous)) throw new Error('--synchronous FULL|NORMAL');
  return o;
}

function open(o) {
  const db = new Database(o.db);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`synchronous = ${o.synchronous}`);
  return db;
}

const SCHEMA = `
CREATE TABLE families (
  id TEXT PRIMARY KEY, service TEXT NOT NULL, display_name TEXT NOT NULL,
  postcode TEXT NOT NULL, max_distance_km INTEGER NOT NULL, preferred_language TEXT NOT NULL);
CREATE TABLE family_contacts (
  family_id TEXT NOT NULL REFERENCES families(id) ON DELETE CASCADE,
  channel TEXT NOT NULL, address TEXT NOT NULL, PRIMARY KEY (family_id, channel, address));
CREATE INDEX family_contacts_by_address ON family_contacts (channel, address);
CREATE TABLE responses (
  family_id TEXT NOT NULL, answer TEXT NOT NULL, note TEXT NOT NULL, answered_at INTEGER NOT NULL,
  PRIMARY KEY (family_id, answered_at, note));
CREATE TABLE inbox (
  channel TEXT NOT NULL, provider_id TEXT NOT NULL, received_at INTEGER NOT NULL,
  PRIMARY KEY (channel, provider_id));
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY, recipient_id TEXT NOT NULL, channel TEXT NOT NULL,
  address TEXT NOT NULL, text TEXT NOT NULL, state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL, sent_at INTEGER, provider_message_id TEXT,
  last_error TEXT NOT NULL DEFAULT '');
CREATE INDEX outbox_due ON outbox (channel, state, next_attempt_at);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
  detail TEXT NOT NULL);
`;

// The families CSV of compare.sh (same columns as `noodbel families import`).
function init(o) {
  const db = open(o);
  db.exec(SCHEMA);
  const lines = fs.readFileSync(o.families, 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  const col = (name) => header.indexOf(name);
  const family = db.prepare('INSERT INTO families VALUES (?, ?, ?, ?, ?, ?)');
  const contact = db.prepare('INSERT INTO family_contacts VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const line of lines.slice(1)) {
      const f = line.split(',');
      family.run(f[col('id')], f[col('service')], f[col('name')], f[col('postcode')],
                 Number(f[col('max_km')]), f[col('preferred_language')]);
      const [channel, address] = f[col('contacts')].split(':');
      contact.run(f[col('id')], channel, address);
    }
  })();
  db.close();
}

// The words Noodbel's parser would read first; enough to store an intent.
function intent(body) {
  const t = body.trim().toLowerCase();
  if (/^(ja|jaa+|yes|oui|ok)\b/.test(t)) return 'yes';
  if (/^(nee|no|non)\b/.test(t)) return 'no';
  return 'maybe';
}

function serve(o) {
  const db = open(o);
  const now = () => Math.floor(Date.now() / 1000);
  const counters = { in: 0, duplicate: 0 };
  const insertInbox = db.prepare(
    'INSERT INTO inbox (channel, provider_id, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const familyByPhone = db.prepare(
    "SELECT f.id, f.preferred_language FROM family_contacts c JOIN families f ON f.id = c.family_id " +
    "WHERE c.channel = 'sms' AND c.address = ?");
  const insertResponse = db.prepare(
    'INSERT OR REPLACE INTO responses (family_id, answer, note, answered_at) VALUES (?, ?, ?, ?)');
  const insertAudit = db.prepare('INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)');
  const insertOutbox = db.prepare(
    "INSERT INTO outbox (recipient_id, channel, address, text, state, next_attempt_at, created_at) " +
    "VALUES (?, 'sms', ?, ?, 'pending', ?, ?)");

  // One transaction per reply; false when the MessageSid was seen before.
  const record = db.transaction((sid, from, body) => {
    const t = now();
    if (insertInbox.run('sms', `tw:${sid}`, t).changes === 0) return false;
    const family = familyByPhone.get(from);
    if (!family) return true;  // unknown sender: stored as seen, nothing else
    const answer = intent(body);
    insertResponse.run(family.id, answer, body.slice(0, 200), t);
    insertAudit.run(t, family.id, 'response.recorded', `answer=${answer}`);
    insertOutbox.run(family.id, from, `Bedankt, we hebben je antwoord (${answer}) ontvangen.`, t, t);
    return true;
  });

  const app = express();
  app.disable('x-powered-by');
  app.use(express.urlencoded({ extended: false, limit: '64kb' }));
  app.post('/webhooks/twilio', (req, res) => {
    const signature = req.get('x-twilio-signature');
    if (!signature || !twilio.validateRequest(o.token, signature, o.publicUrl, req.body)) {
      return res.status(403).json({ error: 'X-Twilio-Signature does not match' });
    }
    const sid = req.body.MessageSid;
    if (!sid || !/^[A-Za-z0-9]{1,64}$/.test(sid) || !req.body.From) {
      return res.status(400).json({ error: 'incoming message without MessageSid or From' });
    }
    counters.in += 1;
    let fresh;
    try {
      fresh = record(sid, req.body.From, req.body.Body || '');
    } catch (e) {
      return res.status(503).json({ error: `database: ${e.message}` });
    }
    if (!fresh) counters.duplicate += 1;
    else wakeDispatcher();
    res.type('text/xml; charset=utf-8').send(EMPTY_TWIML);
  });
  app.get('/healthz', (req, res) => res.json({ status: 'ok' }));
  const countState = db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE channel = 'sms' AND state = ?");
  app.get('/metrics', (req, res) => {
    res.type('text/plain; version=0.0.4; charset=utf-8').send(
      ['pending', 'sending'].map((state) =>
        `noodbel_outbox_messages{channel="sms",state="${state}"} ${countState.get(state).n}\n`).join('') +
      `noodbel_messages_in_total{channel="sms"} ${counters.in}\n` +
      `noodbel_webhook_rejections_total{route="sms",reason="duplicate"} ${counters.duplicate}\n`);
  });
  app.listen(Number(o.port), '127.0.0.1');

  // --- dispatcher: claim a batch, send each, one commit per message marked sent ---
  const claim = db.prepare(
    "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id IN (" +
    "SELECT id FROM outbox WHERE channel = 'sms' AND state = 'pending' AND next_attempt_at <= ? " +
    'ORDER BY id LIMIT 32) RETURNING id, address, text');
  const markSent = db.prepare(
    "UPDATE outbox SET state = 'sent', sent_at = ?, provider_message_id = ? WHERE id = ?");
  const markRetry = db.prepare(
    "UPDATE outbox SET state = 'pending', next_attempt_at = ?, last_error = ? WHERE id = ?");
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const url = new URL(`${o.apiBaseUrl}/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
  const auth = 'Basic ' + Buffer.from(`${ACCOUNT_SID}:${o.token}`).toString('base64');

  function send(row) {
    return new Promise((resolve) => {
      const body = new URLSearchParams({ To: row.address, From: '+32460000000', Body: row.text }).toString();
      const req = http.request(url, {
        method: 'POST', agent,
        headers: { Authorization: auth, 'Content-Type': 'application/x-www-form-urlencoded',
                   'Content-Length': Buffer.byteLength(body), Accept: 'application/json' },
      }, (res) => {
        let data = '';
        res.on('data', (c) => { data += c; });
        res.on('end', () => {
          try {
            const sid = JSON.parse(data).sid;
            if (res.statusCode >= 200 && res.statusCode < 300 && sid) return resolve({ sid });
          } catch (e) { /* fall through */ }
          resolve({ error: `HTTP ${res.statusCode}` });
        });
      });
      req.on('error', (e) => resolve({ error: e.message }));
      req.end(body);
    });
  }

  let running = false;
  let again = false;
  async function dispatch() {
    if (running) { again = true; return; }
    running = true;
    try {
      for (;;) {
        again = false;
        const rows = claim.all(now());
        if (rows.length === 0 && !again) break;
        await Promise.all(rows.map(async (row) => {
          const r = await send(row);
          if (r.sid) markSent.run(now(), `tw:${r.sid}`, row.id);
          else markRetry.run(now() + 5, r.error, row.id);
        }));
      }
    } finally {
      running = false;
    }
  }
  function wakeDispatcher() { setImmediate(dispatch); }
  setInterval(dispatch, 1000);
}

const o = parseArgs(process.argv.slice(2));
if (o.command === 'init') init(o);
else if (o.command === 'serve') serve(o);
else {
  console.error('usage: node peer.js init|serve ... (see the comment at the top)');
  process.exit(2);
}
