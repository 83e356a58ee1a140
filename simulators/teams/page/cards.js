/* global document, window */
// A small Adaptive Card renderer for the Teams stand-in: only the elements the IESS bot uses (TextBlock, FactSet,
// Container, ActionSet, Input.Text, Action.Execute, Action.OpenUrl, Action.Submit with imBack). The official
// `adaptivecards` package is not installed in this project.
(function () {
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function renderAction(action, root, handlers) {
    if (action.type === 'Action.OpenUrl') {
      const link = el('a', 'ac-link', action.title);
      link.href = action.url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      return link;
    }
    const button = el('button', 'ac-button', action.title);
    button.type = 'button';
    button.addEventListener('click', () => {
      if (action.type === 'Action.Execute') {
        const inputs = {};
        root.querySelectorAll('[data-input-id]').forEach((input) => {
          if (input.value !== '') inputs[input.dataset.inputId] = input.value;
        });
        handlers.execute(action.verb, Object.assign({}, action.data || {}, inputs), root);
      } else if (action.type === 'Action.Submit' && action.data && action.data.msteams) {
        handlers.message(action.data.msteams.value);
      }
    });
    return button;
  }

  function renderActions(actions, root, handlers) {
    const row = el('div', 'actions');
    actions.forEach((action) => row.appendChild(renderAction(action, root, handlers)));
    return row;
  }

  function renderElement(element, root, handlers) {
    switch (element.type) {
      case 'TextBlock': {
        const classes = [
          element.size === 'Small' ? 'ac-small' : '',
          element.isSubtle ? 'ac-subtle' : '',
          element.color === 'Accent' ? 'ac-notice' : '',
        ];
        const p = el('p', classes.join(' ').trim());
        if (element.weight === 'Bolder') p.appendChild(el('strong', '', element.text));
        else p.textContent = element.text;
        return p;
      }
      case 'FactSet': {
        const list = el('dl');
        (element.facts || []).forEach((fact) => {
          list.appendChild(el('dt', '', fact.title));
          list.appendChild(el('dd', '', fact.value));
        });
        return list;
      }
      case 'Container': {
        const box = el('div', 'ac-container');
        (element.items || []).forEach((item) => box.appendChild(renderElement(item, root, handlers)));
        return box;
      }
      case 'ActionSet':
        return renderActions(element.actions || [], root, handlers);
      case 'Input.Text': {
        const wrap = el('div', 'ac-input');
        const id = 'ac-' + Math.random().toString(36).slice(2);
        const label = el('label', '', element.label || '');
        label.htmlFor = id;
        const input = el(element.isMultiline ? 'textarea' : 'input');
        input.id = id;
        input.dataset.inputId = element.id;
        if (element.placeholder) input.placeholder = element.placeholder;
        if (element.maxLength) input.maxLength = element.maxLength;
        wrap.appendChild(label);
        wrap.appendChild(input);
        return wrap;
      }
      default:
        return el('p', 'ac-subtle', '[' + element.type + ']');
    }
  }

  /** Renders an Adaptive Card into a new element; handlers.execute(verb, data, cardElement), handlers.message(text). */
  function renderCard(card, handlers) {
    const root = el('div', 'ac-card');
    (card.body || []).forEach((element) => root.appendChild(renderElement(element, root, handlers)));
    if (card.actions && card.actions.length) root.appendChild(renderActions(card.actions, root, handlers));
    return root;
  }

  window.renderAdaptiveCard = renderCard;
})();
