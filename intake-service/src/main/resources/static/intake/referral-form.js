// The referral form's "Add another medicine" button: copies the last preventive-trial row with the next index in
// every name (clinical.preventiveTrials[n].drug), id and label, so the shared script sends it as the next element.
(function () {
  'use strict';
  var MAX_TRIALS = 50;

  function renumber(row, from, to) {
    var name = 'clinical.preventiveTrials[' + from + ']';
    var id = 'clinical-preventiveTrials-' + from + '-';
    row.dataset.trialRow = String(to);
    row.querySelectorAll('[name]').forEach(function (el) {
      el.name = el.name.replace(name, 'clinical.preventiveTrials[' + to + ']');
    });
    row.querySelectorAll('[id]').forEach(function (el) {
      el.id = el.id.replace(id, 'clinical-preventiveTrials-' + to + '-');
    });
    row.querySelectorAll('label[for]').forEach(function (el) {
      el.htmlFor = el.htmlFor.replace(id, 'clinical-preventiveTrials-' + to + '-');
    });
    var legend = row.querySelector('legend');
    legend.dataset.errorFor = 'clinical.preventiveTrials[' + to + ']';
    legend.textContent = 'Medicine ' + (to + 1);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('add-trial');
    if (!button) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      var rows = document.querySelectorAll('#preventive-trials .trial');
      var last = rows[rows.length - 1];
      var index = Number(last.dataset.trialRow);
      var row = last.cloneNode(true);
      row.querySelectorAll('input, select').forEach(function (el) {
        el.value = '';
        el.removeAttribute('aria-invalid');
        el.removeAttribute('aria-describedby');
      });
      row.querySelectorAll('.field-error').forEach(function (el) { el.remove(); });
      renumber(row, index, index + 1);
      last.after(row);
      row.querySelector('input').focus();
      if (rows.length + 1 >= MAX_TRIALS) { button.hidden = true; }
    });
  });
}());
