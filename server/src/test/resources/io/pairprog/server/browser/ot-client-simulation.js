// Runs in the page (executeAsyncScript): arguments[0] is the seed, the last argument the callback.
// A deterministic network of one server and three OtClients from ot-client.js, as in the Java
// OtClientConvergenceTest: random typing, random delivery order per link, drops and reconnects with
// resend; at the end every client and the server hold the same text and nothing was applied twice.
const [seed, done] = [arguments[0], arguments[arguments.length - 1]];
Promise.all([import('/text-operation.js'), import('/ot-client.js'), import('/selection.js')])
  .then(([{ TextOperation }, { OtClient }, { Selection }]) => {
    let state = seed >>> 0;
    const random = (n) => { // mulberry32
      state = (state + 0x6D2B79F5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n | 0;
    };
    const server = { doc: '', history: [], lastSeq: {} };
    const receive = (msg) => { // ot.js Server.receiveOperation plus duplicate detection by clientSeq
      if ((server.lastSeq[msg.clientId] || 0) >= msg.clientSeq) {
        const stored = server.history.findIndex((h) => h.clientId === msg.clientId && h.clientSeq === msg.clientSeq);
        return [{ to: msg.clientId, m: { type: 'ack', revision: stored + 1, clientSeq: msg.clientSeq } }];
      }
      let op = msg.op;
      for (const h of server.history.slice(msg.baseRevision)) {
        op = TextOperation.transform(op, h.op).aPrime;
      }
      server.doc = op.apply(server.doc);
      server.history.push({ clientId: msg.clientId, clientSeq: msg.clientSeq, op });
      server.lastSeq[msg.clientId] = msg.clientSeq;
      const revision = server.history.length;
      return clients.map((c) => (c.id === msg.clientId
        ? { to: c.id, m: { type: 'ack', revision, clientSeq: msg.clientSeq } }
        : { to: c.id, m: { type: 'op', revision, clientId: msg.clientId, clientSeq: msg.clientSeq, op } }));
    };
    const clients = ['a', 'b', 'c'].map((id) => {
      const c = { id, doc: '', up: [], down: [], online: true, joined: true, caret: Selection.cursor(0) };
      c.ot = new OtClient(id, 0, {
        send: (baseRevision, clientSeq, op) => {
          if (c.online) c.up.push({ clientId: id, clientSeq, baseRevision, op });
        },
        applyRemote: (op) => {
          c.doc = op.apply(c.doc);
          c.caret = c.caret.transform(op);
        },
      });
      return c;
    });
    const deliverDown = (c) => {
      const { m } = c.down.shift();
      if (m.type === 'ack') c.ot.serverAck(m.revision, m.clientSeq);
      else c.ot.applyServer(m.revision, m.clientId, m.clientSeq, m.op);
    };
    const reconnect = (c) => { // hello with our revision: catch-up from the history, then resend
      c.online = true;
      c.down = [];
      server.history.slice(c.ot.revision).forEach((h, i) => {
        c.down.push({ m: { type: 'op', revision: c.ot.revision + i + 1, clientId: h.clientId, clientSeq: h.clientSeq, op: h.op } });
      });
      while (c.down.length) deliverDown(c);
      c.ot.resend();
    };
    const edit = (c) => {
      const at = random(c.doc.length + 1);
      const b = TextOperation.builder().retain(at);
      if (c.doc.length > at && random(3) === 0) {
        const n = 1 + random(Math.min(3, c.doc.length - at));
        b.delete(n).retain(c.doc.length - at - n);
      } else {
        b.insert(['x', 'yz', '\n', '😀', 'é'][random(5)]).retain(c.doc.length - at);
      }
      const op = b.build();
      c.doc = op.apply(c.doc);
      c.caret = c.caret.transform(op);
      c.ot.applyClient(op);
    };
    for (let step = 0; step < 3000; step++) {
      const c = clients[random(3)];
      const r = random(20);
      if (r < 7) edit(c);
      else if (r < 12 && c.up.length) receive(c.up.shift()).forEach((x) => clients.find((k) => k.id === x.to).down.push(x));
      else if (r < 18 && c.down.length && c.online) deliverDown(c);
      else if (r === 18 && c.online) { c.online = false; c.up = []; c.down = []; }
      else if (!c.online) reconnect(c);
    }
    for (const c of clients) if (!c.online) reconnect(c);
    for (let busy = true; busy;) {
      busy = false;
      for (const c of clients) {
        while (c.up.length) { busy = true; receive(c.up.shift()).forEach((x) => clients.find((k) => k.id === x.to).down.push(x)); }
        while (c.down.length) { busy = true; deliverDown(c); }
      }
    }
    const problems = clients
      .filter((c) => c.doc !== server.doc || !c.ot.isSynchronized() || c.caret.ranges[0].head > c.doc.length)
      .map((c) => `${c.id}: ${JSON.stringify(c.doc)} (${c.ot.state.constructor.name}) vs server ${JSON.stringify(server.doc)}`);
    done(JSON.stringify({ problems, revisions: server.history.length, length: server.doc.length }));
  })
  .catch((e) => done(JSON.stringify({ problems: [`error: ${e && e.stack ? e.stack : e}`] })));
