/**
 * The history panel, Etherpad's time slider for one room: a range input over the room's history
 * steps, oldest on the left and "now" on the right. Each position shows the text after that step in
 * a read-only editor, with what the step changed marked in its author's colour; Play walks the
 * steps from the slider to now; "Restore this version" makes that text the current one again.
 *
 * A step is a run of one client's consecutive revisions (room-history.js); steps come a page at a
 * time, and reaching the oldest loaded step asks for the page before it.
 *
 * The panel never touches the live document: a restore is stored by the server as one ordinary
 * operation and sent to every editor, this one included, over the WebSocket like any other edit.
 *
 * Its state, for styles and tests: `data-state` (closed, loading, ready, empty, error),
 * `data-revision` (the revision shown), `data-steps` (steps loaded), `data-playing`.
 */
import { safeColor } from './editor-adapter.js';
import { RoomHistory, changeBetween } from './room-history.js';
import { $, toast } from './ui.js';

const PLAY_STEP_MS = 700;
const DELETION_SHOWN = 200; // characters of a deletion shown struck through at its place
const TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A step's ISO-8601 timestamp as a Date, or null if it is missing or not a date. */
function dateOf(time) {
  const date = typeof time === 'string' ? new Date(time) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

/** A timestamp for people, or ''. */
function formatTime(time) {
  const date = dateOf(time);
  return date ? TIME.format(date) : '';
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** What to tell the user about a failed request (an ApiError from ui.js, or anything thrown). */
function explain(error) {
  if (error.status === 0) {
    return 'the server cannot be reached';
  }
  if (error.status === 503) {
    return 'the server’s database is unavailable right now; try again in a moment';
  }
  if (error.code === 'REVISION_NOT_FOUND') {
    return 'the server has no such revision';
  }
  return error.message;
}

export class HistoryPanel {
  /** `roomId`; `name()`: the user's display name, recorded with a restore; `mode()`: the editor's language mode. */
  constructor({ roomId, name, mode }) {
    this.history = new RoomHistory(roomId);
    this.name = name;
    this.mode = mode;
    this.panel = $('history-panel');
    this.slider = $('history-slider');
    this.steps = []; // oldest first
    this.index = -1;
    this.nextBefore = null; // the `before` of the next older page, null once revision 1 is loaded
    this.loadingOlder = false;
    this.preview = null;
    this.marks = [];
    this.generation = 0; // bumped by open and close: answers for an earlier opening are dropped
    this.shown = 0; // bumped by every select: only the latest one renders
    this.playRun = 0; // bumped by play and stop: only the latest run advances

    this.slider.addEventListener('input', () => {
      this.stop();
      this.select(Number(this.slider.value));
    });
    $('history-play').addEventListener('click', () => (this.panel.dataset.playing === 'true' ? this.stop() : this.play()));
    $('history-restore').addEventListener('click', () => this.restore());
    for (const id of ['history-close', 'history-cancel']) {
      $(id).addEventListener('click', () => this.close());
    }
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.close();
      }
    });
  }

  /** Opens the panel on the newest step, with the history as it is now. */
  async open() {
    if (!this.panel.hidden) {
      this.slider.focus();
      return;
    }
    const generation = ++this.generation;
    this.panel.hidden = false;
    this.ensurePreview();
    this.steps = [];
    this.index = -1;
    this.nextBefore = null;
    this.loadingOlder = false;
    this.preview.setValue('');
    this.describe(null);
    this.setState('loading');
    try {
      const page = await this.history.page(null);
      if (generation !== this.generation) {
        return;
      }
      this.steps = page.steps.slice().reverse();
      this.nextBefore = page.nextBefore;
      if (this.steps.length === 0) {
        this.updateSlider(-1);
        this.setState('empty');
        return;
      }
      this.updateSlider(this.steps.length - 1);
      this.slider.focus();
      await this.select(this.steps.length - 1);
    } catch (e) {
      if (generation === this.generation) {
        this.fail(`Could not load the history: ${explain(e)}.`);
      }
    }
  }

  close() {
    if (this.panel.hidden) {
      return;
    }
    this.stop();
    this.generation++;
    this.panel.hidden = true;
    this.setState('closed');
    $('history-button').focus();
  }

  /** Shows step `index`: its description at once, its text when both revisions are loaded. */
  async select(index) {
    const step = this.steps[index];
    if (!step) {
      return;
    }
    const token = ++this.shown;
    this.index = index;
    this.describe(step);
    this.setState('loading');
    if (index === 0 && this.nextBefore !== null) {
      this.loadOlder();
    }
    try {
      const [before, after] = await Promise.all([this.history.text(step.fromRevision - 1), this.history.text(step.toRevision)]);
      if (token === this.shown && !this.panel.hidden) {
        this.render(step, before, after);
        this.panel.dataset.revision = String(step.toRevision);
        this.setState('ready');
      }
    } catch (e) {
      if (token === this.shown && !this.panel.hidden) {
        this.fail(`Could not load revision ${step.toRevision}: ${explain(e)}.`);
      }
    }
  }

  /** Prepends the page of steps before the oldest loaded one; the slider stays on the same step. */
  async loadOlder() {
    if (this.loadingOlder || this.nextBefore === null) {
      return;
    }
    const generation = this.generation;
    this.loadingOlder = true;
    try {
      const page = await this.history.page(this.nextBefore);
      if (generation !== this.generation) {
        return;
      }
      const older = page.steps.slice().reverse();
      this.steps = older.concat(this.steps);
      this.nextBefore = page.nextBefore;
      this.index += older.length;
      this.updateSlider(this.index);
      this.describe(this.steps[this.index]);
    } catch (e) {
      toast(`Could not load older history: ${explain(e)}.`, 'error');
    } finally {
      if (generation === this.generation) {
        this.loadingOlder = false;
      }
    }
  }

  /**
   * Brings the newest end up to now: steps made since the panel opened are appended, and the last
   * step is replaced if its author went on typing (it then has a later `toRevision`). A page that
   * does not reach back to the loaded steps (a very busy room) is left out rather than leave a gap.
   */
  async loadNewer() {
    const last = this.steps[this.steps.length - 1];
    const page = await this.history.page(null);
    const newer = page.steps.slice().reverse().filter((s) => s.fromRevision >= last.fromRevision);
    if (newer.length === 0 || newer[0].fromRevision > last.toRevision + 1) {
      return;
    }
    if (newer[0].fromRevision === last.fromRevision) {
      this.steps[this.steps.length - 1] = newer.shift();
    }
    this.steps.push(...newer);
    this.updateSlider(this.index);
  }

  /** Replays the steps from the slider's position (from the oldest loaded one if it is at the end) to now. */
  async play() {
    if (this.steps.length === 0) {
      return;
    }
    const run = ++this.playRun;
    this.setPlaying(true);
    const going = () => run === this.playRun && this.panel.dataset.state !== 'error';
    try {
      if (this.index >= this.steps.length - 1) {
        this.slider.value = '0';
        await this.select(0);
      }
      while (going()) {
        if (this.index >= this.steps.length - 1) {
          await this.loadNewer();
          if (!going() || this.index >= this.steps.length - 1) {
            break;
          }
        }
        await delay(PLAY_STEP_MS);
        if (!going()) {
          break;
        }
        this.slider.value = String(this.index + 1);
        await this.select(this.index + 1);
      }
    } catch (e) {
      toast(`Could not replay the history: ${explain(e)}.`, 'error');
    } finally {
      if (run === this.playRun) {
        this.setPlaying(false);
      }
    }
  }

  stop() {
    this.playRun++;
    this.setPlaying(false);
  }

  /** Asks the server to make the shown version current; the change reaches the live editor as an edit. */
  async restore() {
    const step = this.steps[this.index];
    if (!step || this.panel.dataset.state !== 'ready') {
      return;
    }
    this.stop();
    const button = $('history-restore');
    button.disabled = true;
    try {
      const result = await this.history.restore(step.toRevision, this.name());
      if (result.changed === false) {
        toast('The code already is this version; nothing to restore.', 'info');
      } else {
        const when = formatTime(step.endedAt);
        toast(`Restored the version of revision ${step.toRevision}${when ? ` (${when})` : ''}.`, 'success');
      }
      this.close();
    } catch (e) {
      toast(`Could not restore this version: ${explain(e)}.`, 'error');
    } finally {
      button.disabled = this.panel.dataset.state !== 'ready';
    }
  }

  /** The text after `step`, with its insertion marked in the author's colour and its deletion struck through. */
  render(step, before, after) {
    const cm = this.preview;
    const color = safeColor(step.color);
    cm.setOption('mode', this.mode());
    cm.setValue(after);
    this.marks = [];
    const { start, inserted, deleted } = changeBetween(before, after);
    const from = cm.posFromIndex(start);
    if (inserted.length > 0) {
      this.marks.push(cm.markText(from, cm.posFromIndex(start + inserted.length), {
        className: 'history-insert',
        css: `background-color: color-mix(in srgb, ${color} 30%, transparent); border-bottom: 2px solid ${color}`,
      }));
    }
    if (deleted.length > 0) {
      const widget = document.createElement('span');
      widget.className = 'history-delete';
      widget.style.textDecorationColor = color;
      const shown = deleted.length > DELETION_SHOWN ? `${deleted.slice(0, DELETION_SHOWN)}…` : deleted;
      widget.textContent = shown.replace(/\r?\n/g, '⏎');
      widget.title = `${deleted.length} characters deleted here`;
      this.marks.push(cm.setBookmark(from, { widget, insertLeft: true }));
    }
    cm.scrollIntoView(from, 80);
  }

  /** The step's author (name and colour), time and size, and where it is on the slider. */
  describe(step) {
    const restored = step && step.restoredRevision != null;
    $('history-author').textContent = !step ? '' : step.author || (restored ? 'A restore' : 'Someone without a name');
    $('history-swatch').style.backgroundColor = step ? safeColor(step.color) : 'transparent';
    $('history-swatch').hidden = !step;
    const time = $('history-time');
    time.textContent = step ? formatTime(step.endedAt) : '';
    time.dateTime = step && dateOf(step.endedAt) ? dateOf(step.endedAt).toISOString() : '';
    $('history-inserted').textContent = step ? `+${step.inserted}` : '';
    $('history-deleted').textContent = step ? `−${step.deleted}` : '';
    $('history-note').textContent = !step ? ''
      : restored ? `restored revision ${step.restoredRevision}`
        : `${step.edits} edit${step.edits === 1 ? '' : 's'}, revision ${step.fromRevision === step.toRevision ? step.toRevision : `${step.fromRevision}–${step.toRevision}`}`;
    const position = step ? `Step ${this.index + 1} of ${this.steps.length}${this.nextBefore === null ? '' : '+'}` : '';
    $('history-position').textContent = position;
    this.slider.setAttribute('aria-valuetext', step ? `${position}, ${$('history-author').textContent}, ${time.textContent}` : 'No history');
  }

  /** Fits the slider to the loaded steps and puts it on step `index`. */
  updateSlider(index) {
    this.index = index;
    this.slider.max = String(Math.max(0, this.steps.length - 1));
    this.slider.value = String(Math.max(0, index));
    this.slider.disabled = this.steps.length === 0;
    this.panel.dataset.steps = String(this.steps.length);
    if (this.steps[index]) {
      this.describe(this.steps[index]);
    }
  }

  setState(state) {
    this.panel.dataset.state = state;
    $('history-error').hidden = state !== 'error';
    $('history-restore').disabled = state !== 'ready';
    $('history-play').disabled = this.steps.length < 2 || state === 'error' || state === 'empty';
    $('history-empty').hidden = state !== 'empty';
    if (state !== 'ready') {
      delete this.panel.dataset.revision;
    }
  }

  setPlaying(playing) {
    this.panel.dataset.playing = String(playing);
    const button = $('history-play');
    button.setAttribute('aria-pressed', String(playing));
    button.textContent = playing ? '❚❚ Pause' : '▶ Play';
    button.title = playing ? 'Stop the replay' : 'Replay the steps from here to now';
  }

  fail(message) {
    $('history-error').textContent = message;
    this.setState('error');
    toast(message, 'error');
  }

  ensurePreview() {
    if (this.preview === null) {
      this.preview = window.CodeMirror($('history-preview'), {
        value: '',
        lineSeparator: '\n',
        lineNumbers: true,
        readOnly: true, // selectable and copyable, never editable
        theme: 'pairprog',
        extraKeys: { Tab: false, 'Shift-Tab': false, Esc: () => this.close() },
      });
    }
    requestAnimationFrame(() => this.preview.refresh()); // it was measured while hidden
  }
}
