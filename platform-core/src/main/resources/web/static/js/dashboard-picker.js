// The dashboard's "another unit" field: a unit picker over the user's scope (name with or without
// accents, or code); picking a unit opens its dashboard.
(function () {
  window.addEventListener('DOMContentLoaded', async function () {
    const input = document.getElementById('unit-search');
    if (!input) { return; }
    const me = await Api.me();
    UnitPicker.attach(input, {
      within: function () { return me.unit.code; },
      onPick: function (u) { window.location.href = '/dashboard?unit=' + encodeURIComponent(u.code); }
    });
  });
})();
