import type { WaUser } from './webhook';

/**
 * The simulator's page: a phone-sized WhatsApp conversation. Bot messages are drawn from the Cloud API bodies the bot
 * sent (text, reply buttons, lists behind their button, call-to-action links); the person writes, taps and attaches
 * files. All text is set with textContent (never parsed as HTML). The page's own labels are plain Spanish.
 */
export function simulatorPage(user: WaUser): string {
  const name = JSON.stringify(user.name).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Simulador de WhatsApp — Asistente IESS</title>
<style>
  body { margin: 0; font-family: system-ui, sans-serif; background: #d9dbd5; display: flex; justify-content: center; }
  main { width: 100%; max-width: 420px; min-height: 100vh; display: flex; flex-direction: column; background: #efeae2; }
  header { background: #075e54; color: #fff; padding: 12px 16px; }
  header h1 { font-size: 1.05rem; margin: 0; }
  header p { margin: 2px 0 0; font-size: .8rem; }
  #chat { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 6px; }
  .msg { max-width: 85%; padding: 8px 10px; border-radius: 8px; white-space: pre-wrap; line-height: 1.35; box-shadow: 0 1px 1px rgba(0,0,0,.15); }
  .bot { background: #fff; align-self: flex-start; }
  .user { background: #d9fdd3; align-self: flex-end; }
  .acciones { display: flex; flex-direction: column; gap: 4px; margin-top: 8px; }
  .acciones button, .acciones a { background: #fff; border: 1px solid #c8d1cc; color: #027eb5; border-radius: 6px; padding: 6px; font: inherit; text-align: center; cursor: pointer; text-decoration: none; }
  .fila small { display: block; color: #54656f; }
  form { display: flex; gap: 6px; padding: 8px; background: #f0f2f5; }
  form input[type=text] { flex: 1; padding: 10px; border-radius: 18px; border: 1px solid #ccc; font: inherit; }
  form button, form label { background: #075e54; color: #fff; border: 0; border-radius: 18px; padding: 0 14px; font: inherit; cursor: pointer; display: flex; align-items: center; }
  #estado { font-size: .8rem; color: #8a1c1c; padding: 0 12px 6px; min-height: 1em; }
  [hidden] { display: none !important; }
  .visualmente-oculto { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
</style>
</head>
<body>
<main>
  <header><h1>Asistente IESS (simulador de WhatsApp)</h1><p>Usted escribe como <span id="nombre"></span>. Nada sale de este equipo.</p></header>
  <section id="chat" aria-live="polite" aria-label="Conversación"></section>
  <p id="estado" role="status"></p>
  <form id="enviar">
    <label for="archivo">Adjuntar</label>
    <input id="archivo" type="file" class="visualmente-oculto" accept="image/*,application/pdf">
    <label class="visualmente-oculto" for="texto">Mensaje</label>
    <input id="texto" type="text" autocomplete="off" placeholder="Escriba un mensaje">
    <button type="submit">Enviar</button>
  </form>
</main>
<script>
const chat = document.getElementById('chat');
const estado = document.getElementById('estado');
document.getElementById('nombre').textContent = ${name};
let shown = -1;
function el(tag, cls, text) { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }
async function post(body) {
  estado.textContent = '';
  const r = await fetch('/sim/send', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!r.ok) estado.textContent = 'El bot no aceptó el mensaje. ¿Está iniciado con la configuración del simulador?';
  refresh();
}
function botMessage(body) {
  const box = el('div', 'msg bot');
  if (body.type === 'text') { box.textContent = body.text.body; return box; }
  if (body.type === 'template') { box.textContent = 'Plantilla: ' + body.template.name; return box; }
  const i = body.interactive || {};
  box.appendChild(el('div', '', (i.body && i.body.text) || ''));
  const acciones = el('div', 'acciones');
  if (i.type === 'button') for (const b of i.action.buttons) {
    const btn = el('button', '', b.reply.title); btn.type = 'button';
    btn.onclick = () => post({ reply: { id: b.reply.id, title: b.reply.title } }); acciones.appendChild(btn);
  }
  if (i.type === 'list') {
    const abrir = el('button', '', '☰ ' + i.action.button); abrir.type = 'button';
    const filas = el('div', 'acciones'); filas.hidden = true;
    abrir.onclick = () => { filas.hidden = !filas.hidden; };
    for (const s of i.action.sections) for (const row of s.rows) {
      const b = el('button', 'fila', row.title); b.type = 'button';
      if (row.description) b.appendChild(el('small', '', row.description));
      b.onclick = () => post({ reply: { id: row.id, title: row.title, list: true } }); filas.appendChild(b);
    }
    acciones.appendChild(abrir); acciones.appendChild(filas);
  }
  if (i.type === 'cta_url') {
    const a = el('a', '', '↗ ' + i.action.parameters.display_text); a.href = i.action.parameters.url; a.target = '_blank'; a.rel = 'noopener';
    acciones.appendChild(a);
  }
  box.appendChild(acciones);
  return box;
}
async function refresh() {
  try {
    const entries = await (await fetch('/sim/conversation')).json();
    if (entries.length - 1 === shown) return;
    chat.replaceChildren(...entries.map((e) => e.from === 'user' ? el('div', 'msg user', e.text) : botMessage(e.body)));
    shown = entries.length - 1;
    chat.scrollTop = chat.scrollHeight;
  } catch { estado.textContent = 'No hay conexión con el simulador.'; }
}
document.getElementById('enviar').onsubmit = (ev) => {
  ev.preventDefault();
  const input = document.getElementById('texto');
  if (input.value.trim()) post({ text: input.value });
  input.value = '';
};
document.getElementById('archivo').onchange = async (ev) => {
  const file = ev.target.files[0]; if (!file) return;
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = ''; for (let i = 0; i < bytes.length; i += 1) bin += String.fromCharCode(bytes[i]);
  await post({ file: btoa(bin), name: file.name, mime: file.type });
  ev.target.value = '';
};
setInterval(refresh, 700);
refresh();
</script>
</body>
</html>`;
}
