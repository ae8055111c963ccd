/*
 * The token overview: the filter's own fields, "select all", and a confirmation before any bulk revocation (legacy
 * tokens included).
 */

/* A field marked data-filter="x" belongs to filter x: shown while x is chosen, hidden (still submitted) otherwise. */
Behaviour.specify(".atm-filters", "api-token-overview-filter", 0, function (form) {
  var select = form.querySelector(".atm-filter");
  if (!select) {
    return;
  }
  function showFieldsOfChosenFilter() {
    form.querySelectorAll("[data-filter]").forEach(function (field) {
      field.hidden = field.dataset.filter !== select.value;
    });
  }
  select.addEventListener("change", showFieldsOfChosenFilter);
  showFieldsOfChosenFilter(); // a browser may restore another choice than the page was rendered with
});

Behaviour.specify(".atm-bulk", "api-token-overview", 0, function (form) {
  var selectAll = form.querySelector(".atm-select-all");
  if (selectAll) {
    selectAll.addEventListener("change", function () {
      form.querySelectorAll("input[name=token]").forEach(function (box) {
        box.checked = selectAll.checked;
      });
    });
  }
  form.querySelectorAll("button[type=submit]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var all = button.value === "true";
      dialog
        .confirm(form.dataset.confirmTitle, {
          message: all ? form.dataset.confirmAll : form.dataset.confirmSelected,
          okText: form.dataset.ok,
          type: "destructive",
        })
        .then(function () {
          var flag = document.createElement("input");
          flag.type = "hidden";
          flag.name = "all";
          flag.value = String(all);
          form.appendChild(flag);
          crumb.appendToForm(form);
          form.submit();
        }, function () {});
    });
  });
});
