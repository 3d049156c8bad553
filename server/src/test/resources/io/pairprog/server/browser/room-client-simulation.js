// Runs in the page (executeAsyncScript): arguments[0] is the seed, the last argument the callback.
// A deterministic network of one server and three clients running room-client.js, the page's production
// client, as in the Java OtClientConvergenceTest: random typing, random delivery order per link, drops and
// reconnects (initial_code, hello, catch-up, joined, resend); at the end every client and the server hold the
// same text, nothing was applied twice, and no client ever found itself out of step.
const [seed, done] = [arguments[0], arguments[arguments.length - 1]];
Promise.all([import('/text-operation.js'), import('/room-client.js'), import('/selection.js')])
  .then(([{ TextOperation }, { RoomClient }, { Selection }]) => {
    let state = seed >>> 0;
    const random = (n) => { // mulberry32
      state = (state + 0x6D2B79F5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n | 0;
    };
    const problems = [];
    const server = { doc: '', history: [], lastSeq: {} };
    const clients = [];
    // ot.js Server.receiveOperation plus duplicate detection by clientSeq, and the hello handshake.
    const receive = (from, msg) => {
      if (msg.type === 'hello') {
        server.history.slice(msg.revision).forEach((h, i) => from.down.push({
          type: 'op', revision: msg.revision + i + 1, clientId: h.clientId, clientSeq: h.clientSeq, op: h.op.toWire(),
        }));
        from.down.push({ type: 'joined', clientId: msg.clientId, revision: server.history.length, color: '#e6194b',
          language: 'python', participants: [], readOnly: false });
        from.joined = true;
      } else if (msg.type === 'op') {
        if ((server.lastSeq[msg.clientId] || 0) >= msg.clientSeq) {
          const stored = server.history.findIndex((h) => h.clientId === msg.clientId && h.clientSeq === msg.clientSeq);
          from.down.push({ type: 'ack', revision: stored + 1, clientSeq: msg.clientSeq });
          return;
        }
        let op = TextOperation.fromWire(msg.op);
        for (const h of server.history.slice(msg.baseRevision)) {
          op = TextOperation.transform(op, h.op).aPrime;
        }
        server.doc = op.apply(server.doc);
        server.history.push({ clientId: msg.clientId, clientSeq: msg.clientSeq, op });
        server.lastSeq[msg.clientId] = msg.clientSeq;
        const revision = server.history.length;
        from.down.push({ type: 'ack', revision, clientSeq: msg.clientSeq });
        for (const c of clients) {
          if (c.link !== null && c.link !== from && c.link.joined) {
            c.link.down.push({ type: 'op', revision, clientId: msg.clientId, clientSeq: msg.clientSeq, op: op.toWire() });
          }
        }
      }
    };
    for (const id of ['a', 'b', 'c']) {
      const c = { id, doc: '', link: null, caret: Selection.cursor(0) };
      const transport = {
        send: (m) => c.link !== null && c.link.up.push(JSON.parse(JSON.stringify(m))) > 0,
        connect: () => {
          c.link = { up: [], joined: false, down: [{ type: 'initial_code', code: server.doc, revision: server.history.length, language: 'python' }] };
        },
        disconnect: () => { c.link = null; },
      };
      const never = { schedule: () => () => {} }; // reconnects happen when the scenario says (retryNow)
      const document = {
        reset: (text) => { c.doc = text; c.caret = Selection.cursor(0); },
        applyRemote: (op) => { c.doc = op.apply(c.doc); c.caret = c.caret.transform(op); },
      };
      const listener = { notice: (n) => problems.push(`${id}: ${JSON.stringify(n)}`) };
      c.client = new RoomClient(() => id, id, false, transport, never, document, listener);
      clients.push(c);
    }
    const deliverDown = (c) => c.client.receive(c.link.down.shift());
    const deliverUp = (c) => receive(c.link, c.link.up.shift());
    const settle = () => {
      for (let busy = true; busy;) {
        busy = false;
        for (const c of clients) {
          while (c.link !== null && (c.link.up.length || c.link.down.length)) {
            busy = true;
            if (c.link.up.length) deliverUp(c);
            else deliverDown(c);
          }
        }
      }
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
      c.client.localEdit(op);
    };
    clients.forEach((c) => c.client.start());
    settle();
    for (let step = 0; step < 3000; step++) {
      const c = clients[random(3)];
      const r = random(20);
      if (r < 7) edit(c);
      else if (r < 12 && c.link !== null && c.link.up.length) deliverUp(c);
      else if (r < 18 && c.link !== null && c.link.down.length) deliverDown(c);
      else if (r === 18 && c.link !== null) { c.link = null; c.client.closed(1006, 'dropped'); }
      else if (c.link === null) c.client.retryNow();
    }
    clients.filter((c) => c.link === null).forEach((c) => c.client.retryNow());
    settle();
    problems.push(...clients
      .filter((c) => c.doc !== server.doc || !c.client.isSynchronized() || c.caret.ranges[0].head > c.doc.length)
      .map((c) => `${c.id}: ${JSON.stringify(c.doc)} (${c.client.state().constructor.name}) vs server ${JSON.stringify(server.doc)}`));
    done(JSON.stringify({ problems, revisions: server.history.length, length: server.doc.length }));
  })
  .catch((e) => done(JSON.stringify({ problems: [`error: ${e && e.stack ? e.stack : e}`] })));
