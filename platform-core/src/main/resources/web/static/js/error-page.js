// English for the HTML error pages (the Vietnamese is in the pages).
(function () {
  I18n.add('en', {
    'error.404.title': 'Page not found', 'error.404.text': 'There is no page at this address. Check the link or go back to the home page.',
    'error.403.title': 'Access denied', 'error.403.text': 'Your account may not see this page. Ask your unit\u2019s administrator if you need it.',
    'error.home': 'Back to the home page'
  });
})();
