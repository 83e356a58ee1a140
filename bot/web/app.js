/* Starts the official Bot Framework Web Chat against this server's own Direct Line endpoint. */
(function () {
  'use strict';
  var status = document.getElementById('status');
  /* The page's texts come from the copy catalog, rendered by the server into a JSON data block of the page. */
  var TEXTOS = JSON.parse(document.getElementById('iess-textos').textContent);

  /* Sign-in cards open the bot's own /ingresar page in a new tab, as is: no Bot Framework token-service session. */
  function isOwnSignIn(value) {
    try {
      var url = new URL(String(value), window.location.href);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.pathname === '/ingresar';
    } catch (e) {
      return false;
    }
  }

  function cardActionMiddleware() {
    return function (next) {
      return function (args) {
        var action = args.cardAction;
        if (action && action.type === 'signin' && isOwnSignIn(action.value)) {
          window.open(String(action.value), '_blank', 'noopener,noreferrer');
          return;
        }
        return next(args);
      };
    };
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
      var directLine = window.WebChat.createDirectLine({
        token: body.token,
        domain: window.location.origin + '/v3/directline',
        webSocket: false,
        pollingInterval: 1000,
      });
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          cardActionMiddleware: cardActionMiddleware,
          locale: 'es-ES',
          styleOptions: {
            accent: '#00427a',
            botAvatarInitials: 'IESS',
            botAvatarBackgroundColor: '#00427a',
            userAvatarInitials: 'Ud.',
            bubbleBorderRadius: 8,
            bubbleFromUserBackground: '#e6eef6',
            suggestedActionLayout: 'flow',
            suggestedActionBorderRadius: 16,
            sendBoxPlaceholder: TEXTOS.placeholder,
            hideUploadButton: false,
            primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
          },
        },
        document.getElementById('webchat'),
      );
      document.querySelector('#webchat').focus();
      warnIfNoCookies();
    })
    .catch(fail);
})();
