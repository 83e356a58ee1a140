/* global document, window, fetch, setInterval */
// The Teams stand-in page: pick a demo staff member, chat with the bot in the personal chat or the call-centre
// channel, press card buttons (Action.Execute invokes) and search with the message extension.
(function () {
  const state = { user: '', conversation: 'personal', users: [], channelId: '', entries: [], shown: '' };
  const $ = (id) => document.getElementById(id);

  async function post(path, body) {
    const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return response.json();
  }

  function conversationId() {
    if (state.conversation === 'channel') return state.channelId;
    const user = state.users.find((u) => u.key === state.user);
    return user ? 'a:personal-' + user.aadObjectId : '';
  }

  const handlers = {
    async execute(verb, data, cardElement) {
      const answer = await post('/api/action', { user: state.user, conversation: state.conversation, verb, data });
      const body = answer.body || {};
      if (body.type === 'application/vnd.microsoft.card.adaptive') cardElement.replaceWith(window.renderAdaptiveCard(body.value, handlers));
      else {
        const note = document.createElement('p');
        note.className = body.type === 'application/vnd.microsoft.error' ? 'ac-error' : 'ac-notice';
        note.setAttribute('role', 'alert');
        note.textContent = body.value && body.value.message ? body.value.message : String(body.value || answer.status);
        cardElement.appendChild(note);
      }
    },
    message(text) {
      return send(text);
    },
  };

  function render() {
    const id = conversationId();
    const visible = state.entries.filter((e) => e.conversationId === id);
    const key = JSON.stringify(visible);
    if (key === state.shown) return;
    state.shown = key;
    const list = $('transcript');
    list.textContent = '';
    visible.forEach((entry) => {
      const item = document.createElement('li');
      item.className = entry.from;
      const who = document.createElement('div');
      who.className = 'who';
      who.textContent = entry.from === 'user' ? entry.name : 'Asistente IESS';
      item.appendChild(who);
      if (entry.activity.text) {
        const bubble = document.createElement('div');
        bubble.className = 'bubble';
        bubble.textContent = entry.activity.text;
        item.appendChild(bubble);
      }
      (entry.activity.attachments || []).forEach((attachment) => {
        if (attachment.contentType === 'application/vnd.microsoft.card.adaptive')
          item.appendChild(window.renderAdaptiveCard(attachment.content, handlers));
      });
      list.appendChild(item);
    });
  }

  async function refresh() {
    const response = await fetch('/api/entries');
    state.entries = (await response.json()).entries;
    render();
  }

  async function send(text) {
    await post('/api/message', { user: state.user, conversation: state.conversation, text });
    await refresh();
  }

  async function start() {
    const data = await (await fetch('/api/users')).json();
    state.users = data.users;
    state.channelId = data.channelId;
    const select = $('user');
    state.users.forEach((u) => {
      const option = document.createElement('option');
      option.value = u.key;
      option.textContent = u.name + ' (' + u.label + ')';
      select.appendChild(option);
    });
    state.user = select.value;
    select.addEventListener('change', () => {
      state.user = select.value;
      state.shown = '';
      render();
    });
    document.querySelectorAll('[role="tab"]').forEach((tab) =>
      tab.addEventListener('click', () => {
        state.conversation = tab.dataset.conversation;
        document.querySelectorAll('[role="tab"]').forEach((t) => t.setAttribute('aria-selected', String(t === tab)));
        state.shown = '';
        render();
      }),
    );
    $('compose').addEventListener('submit', (event) => {
      event.preventDefault();
      const text = $('text').value.trim();
      $('text').value = '';
      if (text) void send(text);
    });
    $('extension').addEventListener('submit', async (event) => {
      event.preventDefault();
      const answer = await post('/api/query', { user: state.user, commandId: 'buscarTramite', text: $('ext-text').value });
      const result = (answer.body && answer.body.composeExtension) || {};
      const box = $('ext-results');
      box.textContent = '';
      if (result.type === 'message') {
        const p = document.createElement('p');
        p.setAttribute('role', 'status');
        p.textContent = result.text;
        box.appendChild(p);
      }
      (result.attachments || []).forEach((a) => box.appendChild(window.renderAdaptiveCard(a.content, handlers)));
    });
    setInterval(() => void refresh(), 700);
    await refresh();
  }

  void start();
})();
