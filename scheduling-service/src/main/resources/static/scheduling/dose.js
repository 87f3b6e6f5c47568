// Live totals of the dose record: a notice past the PREEMPT plan (155 U / 31 sites), a warning past the label's
// maximum (195 U / 39 sites), which needs a reason to be recorded. The server checks the same again.
(function () {
  var form = document.getElementById('complete-form');
  if (!form) {
    return;
  }
  var units = document.getElementById('dose-total-units');
  var injections = document.getElementById('dose-total-injections');
  var warning = document.getElementById('dose-warning');
  function sum(selector) {
    var total = 0;
    form.querySelectorAll(selector).forEach(function (input) {
      var value = parseInt(input.value, 10);
      total += isNaN(value) ? 0 : value;
    });
    return total;
  }
  function update() {
    var u = sum('.dose-units');
    var i = sum('.dose-injections');
    units.textContent = u;
    injections.textContent = i;
    if (u > 195 || i > 39) {
      warning.textContent = 'Above the label\u2019s maximum (195 U, 39 sites): give a reason below to record it.';
      warning.hidden = false;
    } else if (u > 155 || i > 31) {
      warning.textContent = 'More than the PREEMPT plan (155 U, 31 sites).';
      warning.hidden = false;
    } else {
      warning.hidden = true;
      warning.textContent = '';
    }
  }
  form.addEventListener('input', update);
  update();
}());
