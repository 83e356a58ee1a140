/* Starts the official Bot Framework Web Chat against this server's own Direct Line endpoint. */
(function () {
  'use strict';
  var status = document.getElementById('status');
  /* The page's texts come from the copy catalog, rendered by the server into a JSON data block of the page. */
  var TEXTOS = JSON.parse(document.getElementById('iess-textos').textContent);

  /*
   * Sign-in cards open the bot's own /ingresar page in a new tab, as is: no Bot Framework token-service session. Web
   * Chat 4.18 renders a SigninCard as an Adaptive Card, whose button reaches this middleware as "openUrl", not "signin".
   */
  function isOwnSignIn(value) {
    try {
      var url = new URL(String(value), window.location.href);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.pathname === '/ingresar';
    } catch (e) {
      return false;
    }
  }

  /*
   * Web Chat does not tell the card action middleware which button was pressed, so the last button clicked in the
   * chat (mouse, touch, or Enter/Space from the keyboard, which also fire "click") is noted in the capture phase.
   */
  var lastButton = null;
  document.getElementById('webchat').addEventListener(
    'click',
    function (event) {
      var target = event.target;
      lastButton = target && target.closest ? target.closest('button') : null;
    },
    true,
  );

  /*
   * A sign-in link is single-use: once opened, the buttons of its card are disabled. Web Chat may re-render a card
   * (new button elements in the same transcript item), so the used items are remembered and their buttons disabled
   * again whenever the transcript changes; a click on a button that still looks active opens nothing twice.
   */
  var usedSignIns = {};
  var usedItems = [];
  function disableUsed() {
    usedItems.forEach(function (item) {
      item.querySelectorAll('.ac-pushButton').forEach(function (button) {
        if (button.disabled) return;
        button.disabled = true;
        button.setAttribute('aria-disabled', 'true');
      });
    });
  }
  /*
   * Phone numbers and the IESS e-mail in the bot's messages become tel: and mailto: links, so a citizen on a phone
   * taps to call or write. Web Chat shows plain text as one paragraph per line; each paragraph of a bot message is
   * linked once (marked with data-iess-links), after Web Chat rendered it. The citizen's own messages are left alone.
   */
  var LINKS = /(\b\d{3}-\d-\d{7}\b)|(\b[A-Za-z0-9._%+-]+@iess\.gob\.ec\b)/g;
  function linkParagraph(paragraph) {
    paragraph.setAttribute('data-iess-links', '');
    var text = paragraph.textContent;
    if (!LINKS.test(text)) return;
    LINKS.lastIndex = 0;
    var fragment = document.createDocumentFragment();
    var at = 0;
    var match;
    while ((match = LINKS.exec(text)) !== null) {
      fragment.appendChild(document.createTextNode(text.slice(at, match.index)));
      var link = document.createElement('a');
      link.href = match[1] ? 'tel:+' + match[1].replace(/\D/g, '') : 'mailto:' + match[2];
      link.textContent = match[0];
      fragment.appendChild(link);
      at = match.index + match[0].length;
    }
    fragment.appendChild(document.createTextNode(text.slice(at)));
    paragraph.textContent = '';
    paragraph.appendChild(fragment);
  }
  function linkContacts() {
    document.querySelectorAll('#webchat .webchat__text-content--is-plain:not([data-iess-links])').forEach(function (p) {
      if (!p.closest('.webchat__stacked-layout--from-user')) linkParagraph(p);
    });
  }
  new MutationObserver(function () {
    disableUsed();
    linkContacts();
  }).observe(document.getElementById('webchat'), { childList: true, subtree: true });
  function markUsed(button) {
    var item = button && (button.closest('.webchat__basic-transcript__activity') || button.closest('.ac-adaptiveCard'));
    if (item && usedItems.indexOf(item) < 0) usedItems.push(item);
    disableUsed();
  }

  function cardActionMiddleware() {
    return function (next) {
      return function (args) {
        var action = args.cardAction;
        if (action && (action.type === 'signin' || action.type === 'openUrl') && isOwnSignIn(action.value)) {
          var url = String(action.value);
          if (!usedSignIns[url]) {
            usedSignIns[url] = true;
            window.open(url, '_blank', 'noopener,noreferrer');
          }
          markUsed(lastButton);
          return;
        }
        return next(args);
      };
    };
  }

  /*
   * The menu's layout. On a phone the six main-menu buttons stacked or wrapped ("flow") fill half the screen and push
   * the answer out of view; Web Chat's "carousel" keeps them on one horizontal row (about 50 px) that scrolls by swipe
   * or with the arrow keys, and every button stays in the toolbar (its arrow buttons are hidden on phones, styles.css). On wider screens "flow" shows them all at once
   * in two short rows, which needs no scrolling.
   */
  var NARROW = window.matchMedia('(max-width: 480px)');
  function menuLayout() {
    return NARROW.matches ? 'carousel' : 'flow';
  }

  function fail() {
    status.textContent = TEXTOS.errorAlAbrir;
  }

  /* Without cookies the sign-in page cannot recognise this browser as the chat's, so say so up front. */
  function warnIfNoCookies() {
    if (navigator.cookieEnabled === false) {
      status.textContent = TEXTOS.sinCookies;
    }
  }

  /*
   * The token response also sets an HttpOnly cookie with this browser's key (kept if the browser already has one, so
   * other tabs keep working); the conversation is bound to it, and the sign-in page opened from a card in this
   * browser sends it back. Token refreshes by Web Chat keep the same conversation and binding.
   */
  fetch('/api/directline/token', { method: 'POST', credentials: 'same-origin' })
    .then(function (res) {
      if (!res.ok) throw new Error('token ' + res.status);
      return res.json();
    })
    .then(function (body) {
      /*
       * Replies arrive on the conversation's Direct Line stream (a WebSocket) as soon as the bot sends them. Where no
       * WebSocket can be opened (an old browser, a proxy that blocks it), the first stream that closes without ever
       * opening switches the chat to polling every second, on the same conversation: the transcript is read again
       * from the server, nothing is lost.
       */
      var domain = window.location.origin + '/v3/directline';
      var NativeWebSocket = window.WebSocket;
      var polling = typeof NativeWebSocket !== 'function';
      var streamOpened = false;
      /* Web Chat's createDirectLine takes no WebSocket option: the page's WebSocket is wrapped to see the stream open. */
      function TrackedWebSocket(url, protocols) {
        var socket = protocols === undefined ? new NativeWebSocket(url) : new NativeWebSocket(url, protocols);
        socket.addEventListener('open', function () {
          streamOpened = true;
        });
        socket.addEventListener('close', function () {
          if (!streamOpened) fallBackToPolling();
        });
        return socket;
      }
      if (!polling) {
        TrackedWebSocket.prototype = NativeWebSocket.prototype;
        ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(function (name) {
          TrackedWebSocket[name] = NativeWebSocket[name];
        });
        window.WebSocket = TrackedWebSocket;
      }
      var directLine = window.WebChat.createDirectLine(
        polling
          ? { token: body.token, domain: domain, webSocket: false, pollingInterval: 1000 }
          : { token: body.token, domain: domain, webSocket: true },
      );
      function fallBackToPolling() {
        if (polling) return;
        polling = true;
        var token = directLine.token || body.token;
        directLine.end();
        directLine = window.WebChat.createDirectLine({
          token: token,
          conversationId: body.conversationId,
          domain: domain,
          webSocket: false,
          pollingInterval: 1000,
        });
        render();
      }
      function render() {
        window.WebChat.renderWebChat(
          {
            directLine: directLine,
            cardActionMiddleware: cardActionMiddleware,
            locale: 'es-ES',
            /*
             * Web Chat 4.18 has no "sendBoxPlaceholder" style option (only sendBoxPlaceholderColor): the send box reads
             * its placeholder from the localized string TEXT_INPUT_PLACEHOLDER, so it is overridden here.
             */
            overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: TEXTOS.placeholder },
            styleOptions: {
              accent: '#00427a',
              botAvatarInitials: 'IESS',
              botAvatarBackgroundColor: '#00427a',
              userAvatarInitials: 'Ud.',
              bubbleBorderRadius: 8,
              bubbleFromUserBackground: '#e6eef6',
              suggestedActionLayout: menuLayout(),
              suggestedActionBorderRadius: 16,
              hideUploadButton: false,
              primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
            },
          },
          document.getElementById('webchat'),
        );
      }
      render();
      /* Turning the phone or resizing the window across 480 px re-renders with the other layout, same conversation. */
      if (NARROW.addEventListener) NARROW.addEventListener('change', render);
      document.querySelector('#webchat').focus();
      warnIfNoCookies();
    })
    .catch(fail);
})();
