// Runs in the page (executeAsyncScript): arguments[0] is conversation-vectors.json's text, the last argument the
// callback. The twin of shared-protocol's Conversation (Java): room-client.js over a fake transport, scheduler
// (virtual time), document and listener that record what the client does in each step, compared with the step's
// recorded outcome. The jitter is a constant 0.5, so every backoff delay is exact.
const [vectors, done] = [arguments[0], arguments[arguments.length - 1]];
Promise.all([import('/room-client.js'), import('/text-operation.js'), import('/selection.js')])
  .then(([{ RoomClient }, { TextOperation }, { Selection }]) => {
    const OUTCOMES = ['returned', 'sent', 'transport', 'timers', 'events', 'text', 'status'];
    const sorted = (v) => (Array.isArray(v) ? v.map(sorted)
      : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])])) : v);
    const canonical = (v) => JSON.stringify(sorted(v));
    const ranges = (selection) => selection.ranges.map(({ anchor, head }) => ({ anchor, head }));
    const wireStatus = (s) => ({
      phase: s.phase, revision: s.revision, sync: s.sync, retryInMillis: s.retryInMillis,
      cause: s.cause === null ? null : s.cause.kind === 'dropped' ? { dropped: s.cause.code, reason: s.cause.reason }
        : { refused: s.cause.code, message: s.cause.message },
    });

    class World {
      constructor(scenario) {
        const id = scenario.clientId;
        this.headless = scenario.headless === true;
        this.queue = [];
        this.now = 0;
        this.sequence = 0;
        this.text = '';
        this.selection = Selection.cursor(0);
        this.status = null;
        this.open = false;
        this.clear();
        const transport = {
          send: (m) => this.open && this.sent.push(JSON.parse(JSON.stringify(m))) > 0,
          connect: () => { this.transport.push('connect'); this.open = true; },
          disconnect: () => { this.transport.push('disconnect'); this.open = false; },
        };
        const scheduler = {
          schedule: (delay, task) => {
            this.timers.push(delay);
            const timer = { due: this.now + delay, sequence: this.sequence++, task, cancelled: false };
            this.queue.push(timer);
            return () => { timer.cancelled = true; };
          },
        };
        const document = {
          reset: (text) => { this.text = text; },
          applyRemote: (op) => { this.text = op.apply(this.text); },
          selection: () => (this.headless ? null : this.selection),
        };
        const listener = {
          status: (s) => { this.status = s; },
          participants: (everyone, self) => this.events.push({
            participants: everyone.map(({ clientId, name, color, role }) => ({ clientId, name, color, role })), self,
          }),
          remoteSelection: (clientId, s) => this.events.push({ selection: clientId, ranges: s === null ? null : ranges(s) }),
          language: (language, by) => this.events.push({ language, by }),
          notice: ({ kind, code, message }) => this.events.push(code === null ? { notice: kind, code } : { notice: kind, code, message }),
          closed: (code, why) => this.events.push({ closed: code, why }),
        };
        this.client = new RoomClient((n) => (n === 0 ? id : `${id}-r${n}`), scenario.user ?? null, scenario.readOnly === true,
          transport, scheduler, document, listener).jitter(() => 0.5);
      }

      clear() {
        this.sent = [];
        this.transport = [];
        this.timers = [];
        this.events = [];
      }

      advance(millis) {
        const until = this.now + millis;
        for (;;) {
          this.queue.sort((a, b) => a.due - b.due || a.sequence - b.sequence);
          const next = this.queue[0];
          if (next === undefined || next.due > until) {
            break;
          }
          this.queue.shift();
          this.now = next.due;
          if (!next.cancelled) {
            next.task();
          }
        }
        this.now = until;
      }

      play(step) {
        const outcome = {};
        if ('do' in step) {
          ({ start: () => this.client.start(), opened: () => this.client.opened(), close: () => this.client.close(),
            retryNow: () => this.client.retryNow() })[step.do]();
        } else if ('server' in step) {
          this.client.receive(step.server);
        } else if ('closed' in step) {
          this.open = false;
          this.client.closed(step.closed[0], step.closed[1]);
        } else if ('edit' in step) {
          const op = TextOperation.fromWire(step.edit);
          this.text = op.apply(this.text);
          this.client.localEdit(op);
        } else if ('select' in step) {
          this.selection = new Selection(step.select);
          this.client.localSelectionChanged();
        } else if ('wait' in step) {
          this.advance(step.wait);
        } else if ('rename' in step) {
          this.client.rename(step.rename);
        } else if ('setLanguage' in step) {
          outcome.returned = this.client.setLanguage(step.setLanguage);
        } else {
          throw new Error(`unknown step ${JSON.stringify(step)}`);
        }
        for (const key of ['sent', 'transport', 'timers', 'events']) {
          if (this[key].length > 0) {
            outcome[key] = this[key];
          }
        }
        outcome.text = this.text;
        outcome.status = this.status === null ? null : wireStatus(this.status);
        this.clear();
        return outcome;
      }
    }

    const scenarios = JSON.parse(vectors);
    const failures = [];
    let steps = 0;
    for (const scenario of scenarios) {
      const world = new World(scenario);
      scenario.steps.forEach((step, i) => {
        const input = Object.fromEntries(Object.entries(step).filter(([k]) => !OUTCOMES.includes(k)));
        const why = `${scenario.name}, step ${i} ${JSON.stringify(input)}`;
        try {
          const expected = Object.fromEntries(OUTCOMES.filter((k) => k in step).map((k) => [k, step[k]]));
          const got = world.play(step);
          if (canonical(got) !== canonical(expected)) {
            failures.push(`${why}: got ${canonical(got)}, expected ${canonical(expected)}`);
          }
        } catch (e) {
          failures.push(`${why}: ${e && e.stack ? e.stack : e}`);
        }
        steps++;
      });
    }
    done(JSON.stringify({ scenarios: scenarios.length, steps, failures }));
  })
  .catch((e) => done(JSON.stringify({ scenarios: 0, steps: 0, failures: [`error: ${e && e.stack ? e.stack : e}`] })));
