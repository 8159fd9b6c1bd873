(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var events = Array.prototype.slice.call(document.querySelectorAll("section.event"));
  var shown = document.getElementById("shown");

  function chosen(name) {
    var picked = {};
    form.querySelectorAll("input[name='" + name + "']:checked").forEach(function (box) {
      picked[box.value] = true;
    });
    return picked;
  }

  function anyPicked(values, picked) {
    return values.some(function (v) { return picked[v] === true; });
  }

  function apply() {
    var severity = chosen("severity"), category = chosen("category"), rule = chosen("rule");
    var source = chosen("source"), status = chosen("status");
    var count = 0;
    findings.forEach(function (f) {
      var d = f.dataset;
      var visible = severity[d.severity] === true && category[d.category] === true &&
        rule[d.rule] === true && status[d.status] === true && anyPicked(d.sources.split(" "), source);
      f.hidden = !visible;
      if (visible) { count += 1; }
    });
    events.forEach(function (e) {
      e.hidden = e.querySelector("article.finding:not([hidden])") === null;
    });
    shown.textContent = "Showing " + count + " of " + findings.length + " findings.";
  }

  form.addEventListener("change", apply);
  document.getElementById("show-all").addEventListener("click", function () {
    form.querySelectorAll("input[type='checkbox']").forEach(function (box) { box.checked = true; });
    apply();
  });
  form.hidden = false;
  apply();
}());
