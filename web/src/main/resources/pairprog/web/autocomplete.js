/**
 * The seed's autocomplete, in the editor: after 600 ms without typing, `POST /autocomplete/` with
 * the text and the cursor, and show the answer at the cursor as ghost text plus a small card with
 * an Accept button. Tab (or the button) inserts it; Esc, typing or moving the cursor dismisses it.
 * A response is shown only if nothing changed since the request - not the text (ours or a peer's)
 * and not the cursor - so a late answer never lands in the wrong place.
 *
 * The request asks for `maxSuggestions`; a server that knows it adds a ranked `suggestions:
 * [{text, label, kind}]`, shown as a list (Up/Down choose). A seed-contract server that refuses the
 * extra field is asked again without it and answers `{suggestion}` alone. Suggestions are shown
 * as text, never HTML.
 */

const IDLE_MS = 600;
const MAX_SUGGESTIONS = 6;

/** One `POST /autocomplete/`: the parsed answer, or null when the server refused the request. */
async function ask(body) {
  const response = await fetch('/autocomplete/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.ok ? response.json() : null;
}

export class Autocomplete {
  /** `language()`: the room's language now; `enabled()`: false while the room is not loaded. */
  constructor(cm, { language, enabled }) {
    this.cm = cm;
    this.language = language;
    this.enabled = enabled;
    this.version = 0; // bumped by every text change and cursor move
    this.timer = null;
    this.shown = null; // {suggestions, selected, widget, card, version}
    this.keyMap = {
      Tab: () => this.accept(),
      Esc: () => this.dismiss(),
      Up: () => this.move(-1),
      Down: () => this.move(1),
    };
    cm.on('changes', (_, changes) => this.onChanges(changes));
    cm.on('cursorActivity', () => {
      this.version++;
      this.dismiss();
    });
    cm.on('blur', () => setTimeout(() => {
      if (!cm.hasFocus()) {
        this.dismiss();
      }
    }, 150));
  }

  onChanges(changes) {
    this.version++;
    this.dismiss();
    clearTimeout(this.timer);
    const typed = changes.some((c) => c.origin !== '*remote' && c.origin !== 'setValue' && c.origin !== '*accept');
    if (typed) {
      this.timer = setTimeout(() => this.request(), IDLE_MS);
    }
  }

  async request() {
    const cm = this.cm;
    if (!this.enabled() || cm.somethingSelected()) {
      return;
    }
    const version = this.version;
    const code = cm.getValue();
    const cursorPosition = cm.indexFromPos(cm.getCursor());
    let answer;
    try {
      answer = await ask({ code, cursorPosition, language: this.language(), maxSuggestions: MAX_SUGGESTIONS });
      if (answer === null) {
        answer = await ask({ code, cursorPosition, language: this.language() }); // a seed-contract server
      }
    } catch (e) {
      return; // the connection indicator already tells the user the server is unreachable
    }
    if (answer === null) {
      return;
    }
    if (version !== this.version) {
      return; // the text or the cursor moved meanwhile: the answer is for a document that no longer exists
    }
    const suggestions = normalise(answer);
    if (suggestions.length > 0) {
      this.show(suggestions, version);
    }
  }

  show(suggestions, version) {
    this.dismiss();
    const cm = this.cm;
    const card = document.createElement('div');
    card.className = 'ac-card';
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-label', 'Suggestion');
    this.shown = { suggestions, selected: 0, version, card, ghost: null };
    this.renderCard();
    cm.addWidget(cm.getCursor(), card, false);
    cm.addKeyMap(this.keyMap);
    this.renderGhost();
  }

  renderGhost() {
    const shown = this.shown;
    if (shown.ghost) {
      shown.ghost.clear();
    }
    const text = shown.suggestions[shown.selected].text;
    const ghost = document.createElement('span');
    ghost.className = 'ac-ghost';
    ghost.textContent = text.split('\n')[0] + (text.includes('\n') ? ' …' : '');
    shown.ghost = this.cm.setBookmark(this.cm.getCursor(), { widget: ghost, insertLeft: false });
  }

  renderCard() {
    const { card, suggestions, selected } = this.shown;
    const preview = document.createElement('pre');
    preview.className = 'ac-preview';
    preview.textContent = suggestions[selected].text;
    const children = [];
    if (suggestions.length > 1) {
      const list = document.createElement('ul');
      list.className = 'ac-list';
      suggestions.forEach((s, i) => {
        const li = document.createElement('li');
        li.className = i === selected ? 'selected' : '';
        const label = document.createElement('span');
        label.textContent = s.label;
        li.append(label);
        if (s.kind) {
          const kind = document.createElement('span');
          kind.className = 'ac-kind';
          kind.textContent = s.kind;
          li.append(kind);
        }
        li.addEventListener('mousedown', (e) => {
          e.preventDefault();
          this.shown.selected = i;
          this.accept();
        });
        list.append(li);
      });
      children.push(list);
    }
    children.push(preview);
    const footer = document.createElement('div');
    footer.className = 'ac-footer';
    const accept = document.createElement('button');
    accept.type = 'button';
    accept.className = 'ac-accept';
    accept.textContent = 'Accept';
    accept.addEventListener('mousedown', (e) => {
      e.preventDefault(); // keep the editor focused and the cursor where it is
      this.accept();
    });
    const hint = document.createElement('span');
    hint.className = 'ac-hint';
    hint.textContent = 'Tab to accept · Esc to dismiss';
    footer.append(accept, hint);
    children.push(footer);
    card.replaceChildren(...children);
  }

  move(delta) {
    const shown = this.shown;
    if (!shown || shown.suggestions.length < 2) {
      return this.cm.constructor.Pass;
    }
    shown.selected = (shown.selected + delta + shown.suggestions.length) % shown.suggestions.length;
    this.renderCard();
    this.renderGhost();
    return undefined;
  }

  /** Inserts the chosen suggestion at the cursor, as a local edit that reaches everyone. */
  accept() {
    const shown = this.shown;
    if (!shown || shown.version !== this.version) {
      this.dismiss();
      return this.cm.constructor.Pass;
    }
    const text = shown.suggestions[shown.selected].text;
    this.dismiss();
    this.cm.replaceSelection(text, 'end', '*accept');
    this.cm.focus();
    return undefined;
  }

  dismiss() {
    const shown = this.shown;
    if (!shown) {
      return;
    }
    this.shown = null;
    this.cm.removeKeyMap(this.keyMap);
    shown.card.remove();
    if (shown.ghost) {
      shown.ghost.clear();
    }
  }

  /** True while a suggestion is on screen. */
  isShown() {
    return this.shown !== null;
  }
}

/** `{suggestion}` and/or `{suggestions: [{text, label, kind}]}` as one list, best first. */
function normalise(answer) {
  const out = [];
  if (answer && Array.isArray(answer.suggestions)) {
    for (const s of answer.suggestions) {
      if (s && typeof s.text === 'string' && s.text !== '') {
        out.push({ text: s.text, label: typeof s.label === 'string' && s.label ? s.label : s.text.trim(), kind: typeof s.kind === 'string' ? s.kind : '' });
      }
    }
  }
  if (out.length === 0 && answer && typeof answer.suggestion === 'string' && answer.suggestion !== '') {
    out.push({ text: answer.suggestion, label: answer.suggestion.trim(), kind: '' });
  }
  return out.slice(0, 8);
}
