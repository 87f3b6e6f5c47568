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

// The patient's age as the date of birth is entered, and the diagnosis codes the chosen payer covers, with their
// descriptions (typing another code still works: eligibility decides, and says why).
(function () {
  'use strict';

  function age(born, today) {
    var years = today.getFullYear() - born.getFullYear();
    var beforeBirthday = today.getMonth() < born.getMonth()
        || (today.getMonth() === born.getMonth() && today.getDate() < born.getDate());
    return beforeBirthday ? years - 1 : years;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var dob = document.getElementById('patient-dateOfBirth');
    var shown = document.getElementById('patient-age');
    if (dob && shown) {
      var showAge = function () {
        var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dob.value);
        if (!parts) { shown.textContent = ''; return; }
        var years = age(new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])), new Date());
        shown.textContent = years < 0 ? 'The date of birth is in the future' : years + ' years old';
      };
      dob.addEventListener('input', showAge);
      dob.addEventListener('change', showAge);
      showAge();
    }
    var payer = document.getElementById('payer-policy');
    var list = document.getElementById('covered-codes');
    var datalist = document.getElementById('diagnosis-codes');
    if (payer && list && datalist) {
      var allOptions = Array.prototype.slice.call(datalist.querySelectorAll('option'));
      var showCodes = function () {
        var chosen = payer.options[payer.selectedIndex];
        var covered = chosen && chosen.dataset.covered ? chosen.dataset.covered.split(' ') : [];
        list.hidden = covered.length === 0;
        list.querySelectorAll('li').forEach(function (li) {
          li.hidden = covered.indexOf(li.dataset.code) < 0;
        });
        datalist.replaceChildren.apply(datalist, allOptions.filter(function (option) {
          return covered.length === 0 || covered.indexOf(option.value) >= 0;
        }));
      };
      payer.addEventListener('change', showCodes);
      showCodes();
    }
  });
}());
